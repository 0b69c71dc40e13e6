/** Salesforce REST API shapes, as far as the server reads them (REST API Developer Guide, v66.0). */

/** A record: its fields by API name, and `attributes` {type, url}. */
export type SObject = Record<string, unknown> & { attributes?: { type?: string; url?: string } };

/** GET /query and the pages its `nextRecordsUrl` leads to. */
export interface QueryPage {
  totalSize?: number;
  done?: boolean;
  nextRecordsUrl?: string;
  records?: SObject[];
}

/** GET /search (v36.0 and later). */
export interface SearchAnswer {
  searchRecords?: SObject[];
}

/** POST /sobjects/{object} and each entry of POST /composite/sobjects. */
export interface SaveResult {
  id?: string | null;
  success?: boolean;
  errors?: { statusCode?: string; message?: string; fields?: string[] }[];
}

export interface DescribeField {
  name?: string;
  label?: string;
  type?: string;
  length?: number;
  nillable?: boolean;
  createable?: boolean;
  updateable?: boolean;
  unique?: boolean;
  externalId?: boolean;
  referenceTo?: string[];
  relationshipName?: string | null;
  picklistValues?: { value?: string; label?: string; active?: boolean; defaultValue?: boolean }[];
}

/** GET /sobjects/{object}/describe. */
export interface Describe {
  name?: string;
  label?: string;
  labelPlural?: string;
  keyPrefix?: string | null;
  custom?: boolean;
  createable?: boolean;
  updateable?: boolean;
  deletable?: boolean;
  queryable?: boolean;
  searchable?: boolean;
  fields?: DescribeField[];
  childRelationships?: { childSObject?: string; field?: string; relationshipName?: string | null }[];
  recordTypeInfos?: {
    name?: string;
    recordTypeId?: string;
    active?: boolean;
    defaultRecordTypeMapping?: boolean;
  }[];
}

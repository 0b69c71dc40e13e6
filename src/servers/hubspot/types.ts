/**
 * The shapes of HubSpot's API this server reads and writes: CRM v3 objects (the schemas of HubSpot's
 * OpenAPI descriptions, github.com/HubSpot/HubSpot-public-api-spec-collection), associations v4,
 * lists v3, and the legacy engagements and calling v1 endpoints (documented, without a description).
 */

/** Property values as HubSpot sends them: strings, or null for a property asked for but empty. */
export type Properties = Record<string, string | null>;

export interface HistoryValue {
  value: string | null;
  timestamp: string;
  sourceType?: string;
  sourceId?: string;
  updatedByUserId?: number;
}

export interface AssociatedIds {
  results: { id: string; type: string }[];
  paging?: unknown;
}

/** SimplePublicObject / SimplePublicObjectWithAssociations. */
export interface CrmObject {
  id: string;
  properties: Properties;
  createdAt?: string;
  updatedAt?: string;
  archived?: boolean;
  archivedAt?: string;
  associations?: Record<string, AssociatedIds>;
  propertiesWithHistory?: Record<string, HistoryValue[]>;
}

export interface NextPage {
  next?: { after: string; link?: string };
}

/** CollectionResponse…ForwardPaging and CollectionResponseWithTotal… */
export interface CrmPage<T> {
  results: T[];
  paging?: NextPage;
  total?: number;
}

/** One entry of `errors[]` in a batch answer (StandardError). */
export interface BatchItemError {
  status?: string;
  category?: string;
  message?: string;
  context?: Record<string, unknown>;
}

/** BatchResponseSimplePublicObject(WithErrors): a 207 lists the inputs that failed in `errors`. */
export interface BatchAnswer {
  status?: string;
  results?: CrmObject[];
  numErrors?: number;
  errors?: BatchItemError[];
}

/** The search request body (PublicObjectSearchRequest). */
export interface SearchBody {
  query?: string;
  filterGroups: { filters: SearchFilter[] }[];
  sorts: string[];
  properties: string[];
}

export interface SearchFilter {
  propertyName: string;
  operator: string;
  value?: string;
  highValue?: string;
  values?: string[];
}

/** An association to make as a record is created (PublicAssociationsForObject). */
export interface NewAssociation {
  to: { id: string };
  types: { associationCategory: 'HUBSPOT_DEFINED'; associationTypeId: number }[];
}

/** An entry of GET /crm/v4/objects/{type}/{id}/associations/{toType}. */
export interface AssociatedObject {
  toObjectId: string | number;
  associationTypes?: { category?: string; typeId?: number; label?: string | null }[];
}

/** A list of the lists v3 API (PublicObjectList, or the search result's shorter form). */
export interface CrmList {
  listId: string;
  name: string;
  objectTypeId?: string;
  processingType?: string;
  processingStatus?: string;
  listVersion?: number;
  size?: number;
  createdAt?: string;
  updatedAt?: string;
}

export interface ListSearchAnswer {
  lists: CrmList[];
  hasMore: boolean;
  offset: number;
  total?: number;
}

export interface ListMember {
  recordId: string;
  membershipTimestamp?: string;
}

/** A legacy v1 engagement: the engagement, the records it is on, attachments and metadata by type. */
export interface V1Engagement {
  engagement: {
    id: number | string;
    portalId?: number;
    active?: boolean;
    type?: string;
    timestamp?: number;
    createdAt?: number;
    lastUpdated?: number;
    ownerId?: number | string | null;
    bodyPreview?: string | null;
    [key: string]: unknown;
  };
  associations?: Record<string, (number | string)[]>;
  attachments?: { id: number | string }[];
  metadata?: Record<string, unknown>;
}

/** The body of a v1 engagement create or update. */
export interface V1EngagementBody {
  engagement: {
    active?: boolean;
    type?: string;
    ownerId?: number;
    timestamp?: number;
  };
  associations?: {
    contactIds: number[];
    companyIds: number[];
    dealIds: number[];
    ticketIds: number[];
  };
  metadata?: Record<string, unknown>;
}

export interface V1Page {
  results?: V1Engagement[];
  hasMore?: boolean;
  offset?: number;
  total?: number;
}

export interface Disposition {
  id: string;
  label: string;
  deleted?: boolean;
}

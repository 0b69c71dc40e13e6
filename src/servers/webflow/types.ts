/**
 * The parts of Webflow's Data API v2 JSON (OpenAPI description github.com/webflow/openapi-spec,
 * openapi/v2.yml) that this server reads. Optional where Webflow's description does not require a
 * field; Webflow sends more.
 */

export interface WfPagination {
  limit?: number;
  offset?: number;
  total?: number;
}

export interface WfAuthorizedUser {
  id: string;
  email?: string;
  firstName?: string;
  lastName?: string;
}

export interface WfDomain {
  id: string;
  url?: string;
  lastPublished?: string | null;
}

export interface WfLocale {
  id?: string;
  cmsLocaleId?: string;
  enabled?: boolean;
  displayName?: string;
  tag?: string;
  subdirectory?: string;
}

export interface WfSite {
  id: string;
  workspaceId?: string;
  displayName?: string;
  shortName?: string;
  createdOn?: string;
  lastPublished?: string | null;
  lastUpdated?: string;
  previewUrl?: string;
  timeZone?: string;
  customDomains?: WfDomain[];
  locales?: { primary?: WfLocale | null; secondary?: WfLocale[] } | null;
}

export interface WfFormField {
  displayName?: string;
  type?: string;
  placeholder?: string | null;
  userVisible?: boolean;
}

export interface WfForm {
  id: string;
  displayName?: string;
  siteId?: string;
  pageId?: string;
  pageName?: string;
  formElementId?: string | null;
  createdOn?: string;
  lastUpdated?: string;
  /** The description says an object keyed by field id; its examples show an array of such objects. */
  fields?: Record<string, WfFormField> | Record<string, WfFormField>[];
}

export interface WfFormSubmission {
  id: string;
  formId?: string;
  displayName?: string;
  siteId?: string;
  dateSubmitted?: string;
  formResponse?: Record<string, unknown>;
  localeId?: string | null;
}

export interface WfPage {
  id: string;
  siteId?: string;
  title?: string;
  slug?: string;
  parentId?: string | null;
  collectionId?: string | null;
  createdOn?: string;
  lastUpdated?: string;
  archived?: boolean;
  draft?: boolean;
  publishedPath?: string;
  localeId?: string | null;
  seo?: { title?: string; description?: string } | null;
  openGraph?: {
    title?: string;
    titleCopied?: boolean;
    description?: string;
    descriptionCopied?: boolean;
  } | null;
}

export interface WfDomNode {
  id: string;
  type: string;
  [key: string]: unknown;
}

export interface WfCollectionField {
  id: string;
  slug?: string;
  displayName: string;
  type: string;
  isRequired: boolean;
  isEditable?: boolean;
  helpText?: string | null;
  validations?: Record<string, unknown> | null;
}

export interface WfCollection {
  id: string;
  displayName: string;
  singularName: string;
  slug?: string;
  createdOn?: string;
  lastUpdated?: string;
  fields?: WfCollectionField[];
}

export interface WfItem {
  id: string;
  cmsLocaleId?: string | null;
  lastPublished?: string | null;
  lastUpdated?: string;
  createdOn?: string;
  isArchived?: boolean;
  isDraft?: boolean;
  fieldData: Record<string, unknown>;
}

export interface WfUser {
  id: string;
  isEmailVerified?: boolean;
  lastUpdated?: string;
  invitedOn?: string;
  createdOn?: string;
  lastLogin?: string;
  status?: string;
  accessGroups?: { slug?: string; type?: string }[];
  data?: Record<string, unknown>;
}

/**
 * The eSignature REST API v2.1 objects the server reads (the fields it uses). DocuSign writes most
 * numbers and booleans as strings ("resultSetSize": "4", "shared": "false").
 */

export interface DsOwner {
  userName?: string;
  userId?: string;
  email?: string;
}

export interface DsDocument {
  documentId?: string;
  name?: string;
  type?: string;
  order?: string;
  pages?: string | { pageId?: string }[];
  uri?: string;
}

export interface DsRecipient {
  recipientId?: string;
  recipientIdGuid?: string;
  name?: string;
  email?: string;
  roleName?: string;
  routingOrder?: string;
  status?: string;
  signedDateTime?: string;
  deliveredDateTime?: string;
  declinedReason?: string;
}

/** Recipients by type: signers, carbonCopies, certifiedDeliveries, ... */
export type DsRecipients = Record<string, unknown>;

export interface DsTemplate {
  templateId?: string;
  name?: string;
  description?: string;
  shared?: string;
  created?: string;
  lastModified?: string;
  folderId?: string;
  folderName?: string;
  owner?: DsOwner;
  emailSubject?: string;
  emailBlurb?: string;
  pageCount?: string | number;
  uri?: string;
  documents?: DsDocument[];
  recipients?: DsRecipients;
}

export interface DsTemplateList {
  envelopeTemplates?: DsTemplate[];
  resultSetSize?: string;
  startPosition?: string;
  endPosition?: string;
  totalSetSize?: string;
  nextUri?: string;
}

export interface DsTemplateSummary {
  templateId?: string;
  name?: string;
  uri?: string;
}

export interface DsEnvelope {
  envelopeId?: string;
  status?: string;
  emailSubject?: string;
  emailBlurb?: string;
  createdDateTime?: string;
  sentDateTime?: string;
  completedDateTime?: string;
  statusChangedDateTime?: string;
  voidedReason?: string;
  templateId?: string;
  sender?: DsOwner;
  recipients?: DsRecipients;
  envelopeDocuments?: DsDocument[];
  documents?: DsDocument[];
  customFields?: unknown;
}

export interface DsEnvelopeSummary {
  envelopeId?: string;
  status?: string;
  statusDateTime?: string;
  uri?: string;
}

export interface DsEnvelopeList {
  envelopes?: DsEnvelope[];
  resultSetSize?: string;
  totalSetSize?: string;
}

export interface DsUser {
  userId?: string;
  userName?: string;
  email?: string;
  firstName?: string;
  lastName?: string;
  middleName?: string;
  title?: string;
  jobTitle?: string;
  userStatus?: string;
  userType?: string;
  isAdmin?: string;
  permissionProfileId?: string;
  permissionProfileName?: string;
  createdDateTime?: string;
  lastLogin?: string;
  uri?: string;
  groupList?: { groupId?: string; groupName?: string }[];
  userSettings?: unknown;
  errorDetails?: { errorCode?: string; message?: string };
}

export interface DsUserList {
  users?: DsUser[];
  resultSetSize?: string;
  startPosition?: string;
  endPosition?: string;
  totalSetSize?: string;
  nextUri?: string;
}

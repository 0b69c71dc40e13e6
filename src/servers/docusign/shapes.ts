import { z } from 'zod';
import type { DsDocument, DsEnvelope, DsOwner, DsRecipients, DsTemplate, DsUser } from './types.js';

/**
 * What the tools return: DocuSign's objects under DocuSign's field names (as guMCP returned them),
 * trimmed to the fields a caller acts on, with the numbers and booleans DocuSign writes as strings
 * turned into numbers and booleans.
 */

const str = z.string().nullable();

/** "4" → 4; absent or unreadable → null. */
export const numberOf = (value: unknown): number | null => {
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && value.trim()
        ? Number(value)
        : Number.NaN;
  return Number.isFinite(n) ? n : null;
};

/** "true"/"false" (DocuSign's strings) or booleans → booleans; else null. */
export const booleanOf = (value: unknown): boolean | null =>
  value === true || value === 'true' ? true : value === false || value === 'false' ? false : null;

const ownerSchema = z.object({ userName: str, email: str, userId: str }).nullable();
const toOwner = (o: DsOwner | undefined) =>
  o ? { userName: o.userName ?? null, email: o.email ?? null, userId: o.userId ?? null } : null;

const documentSchema = z.object({
  documentId: str,
  name: str,
  type: str.optional(),
  order: z.number().nullable(),
  pages: z.number().nullable(),
});

const toDocument = (d: DsDocument): z.input<typeof documentSchema> => ({
  documentId: d.documentId ?? null,
  name: d.name ?? null,
  ...(d.type !== undefined ? { type: d.type } : {}),
  order: numberOf(d.order),
  pages: Array.isArray(d.pages) ? d.pages.length : numberOf(d.pages),
});

const recipientSchema = z.object({
  type: z.string().describe('The list it is in: signers, carbonCopies, certifiedDeliveries, ...'),
  recipientId: str,
  name: str,
  email: str,
  roleName: str,
  routingOrder: z.number().nullable(),
  status: str,
  deliveredDateTime: str,
  signedDateTime: str,
  declinedReason: str,
});

/** The recipients of every type, in one list. */
function toRecipients(recipients: DsRecipients | undefined): z.input<typeof recipientSchema>[] {
  return Object.entries(recipients ?? {}).flatMap(([type, list]) =>
    Array.isArray(list)
      ? list
          .filter((r): r is Record<string, unknown> => typeof r === 'object' && r !== null)
          .map((r) => ({
            type,
            recipientId: typeof r.recipientId === 'string' ? r.recipientId : null,
            name: typeof r.name === 'string' ? r.name : null,
            email: typeof r.email === 'string' ? r.email : null,
            roleName: typeof r.roleName === 'string' ? r.roleName : null,
            routingOrder: numberOf(r.routingOrder),
            status: typeof r.status === 'string' ? r.status : null,
            deliveredDateTime: typeof r.deliveredDateTime === 'string' ? r.deliveredDateTime : null,
            signedDateTime: typeof r.signedDateTime === 'string' ? r.signedDateTime : null,
            declinedReason: typeof r.declinedReason === 'string' ? r.declinedReason : null,
          }))
      : [],
  );
}

export const templateSchema = z.object({
  templateId: z.string(),
  name: str,
  description: str,
  shared: z.boolean().nullable(),
  created: str,
  lastModified: str,
  folderId: str,
  folderName: str,
  owner: ownerSchema,
  emailSubject: str,
  emailBlurb: str.optional(),
  pageCount: z.number().nullable(),
  uri: str,
  documents: z.array(documentSchema).optional(),
  recipients: z
    .array(recipientSchema)
    .optional()
    .describe('The roles a sender fills (roleName) and any set recipients'),
});

export function toTemplate(t: DsTemplate, full = false): z.input<typeof templateSchema> {
  return {
    templateId: t.templateId ?? '',
    name: t.name ?? null,
    description: t.description ?? null,
    shared: booleanOf(t.shared),
    created: t.created ?? null,
    lastModified: t.lastModified ?? null,
    folderId: t.folderId ?? null,
    folderName: t.folderName ?? null,
    owner: toOwner(t.owner),
    emailSubject: t.emailSubject ?? null,
    pageCount: numberOf(t.pageCount),
    uri: t.uri ?? null,
    ...(full || t.emailBlurb !== undefined ? { emailBlurb: t.emailBlurb ?? null } : {}),
    ...(full || t.documents ? { documents: (t.documents ?? []).map(toDocument) } : {}),
    ...(full || t.recipients ? { recipients: toRecipients(t.recipients) } : {}),
  };
}

export const envelopeSchema = z.object({
  envelopeId: z.string(),
  status: str.describe('created (draft), sent, delivered, completed, declined, voided, ...'),
  emailSubject: str,
  emailBlurb: str,
  createdDateTime: str,
  sentDateTime: str,
  completedDateTime: str,
  statusChangedDateTime: str,
  voidedReason: str,
  sender: ownerSchema,
  recipients: z.array(recipientSchema).optional().describe('With include=recipients'),
  documents: z.array(documentSchema).optional().describe('With include=documents'),
  customFields: z.unknown().optional().describe('With include=custom_fields'),
});

export function toEnvelope(e: DsEnvelope): z.input<typeof envelopeSchema> {
  const documents = e.envelopeDocuments ?? e.documents;
  return {
    envelopeId: e.envelopeId ?? '',
    status: e.status ?? null,
    emailSubject: e.emailSubject ?? null,
    emailBlurb: e.emailBlurb ?? null,
    createdDateTime: e.createdDateTime ?? null,
    sentDateTime: e.sentDateTime ?? null,
    completedDateTime: e.completedDateTime ?? null,
    statusChangedDateTime: e.statusChangedDateTime ?? null,
    voidedReason: e.voidedReason ?? null,
    sender: toOwner(e.sender),
    ...(e.recipients ? { recipients: toRecipients(e.recipients) } : {}),
    ...(documents ? { documents: documents.map(toDocument) } : {}),
    ...(e.customFields !== undefined ? { customFields: e.customFields } : {}),
  };
}

export const userSchema = z.object({
  userId: z.string(),
  userName: str,
  email: str,
  firstName: str,
  lastName: str,
  title: str,
  userStatus: str.describe('Active, ActivationSent, ActivationRequired, Closed, Disabled'),
  userType: str,
  isAdmin: z.boolean().nullable(),
  permissionProfileId: str,
  permissionProfileName: str,
  createdDateTime: str,
  lastLogin: str,
  groups: z.array(z.object({ groupId: str, groupName: str })).optional(),
  userSettings: z.unknown().optional().describe('With additional_info'),
});

export function toUser(u: DsUser): z.input<typeof userSchema> {
  return {
    userId: u.userId ?? '',
    userName: u.userName ?? null,
    email: u.email ?? null,
    firstName: u.firstName ?? null,
    lastName: u.lastName ?? null,
    title: u.title ?? u.jobTitle ?? null,
    userStatus: u.userStatus ?? null,
    userType: u.userType ?? null,
    isAdmin: booleanOf(u.isAdmin),
    permissionProfileId: u.permissionProfileId ?? null,
    permissionProfileName: u.permissionProfileName ?? null,
    createdDateTime: u.createdDateTime ?? null,
    lastLogin: u.lastLogin ?? null,
    ...(u.groupList
      ? { groups: u.groupList.map((g) => ({ groupId: g.groupId ?? null, groupName: g.groupName ?? null })) }
      : {}),
    ...(u.userSettings !== undefined ? { userSettings: u.userSettings } : {}),
  };
}

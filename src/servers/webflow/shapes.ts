import { z } from 'zod';
import type { Window } from './api.js';
import type {
  WfCollection,
  WfCollectionField,
  WfDomain,
  WfForm,
  WfFormField,
  WfFormSubmission,
  WfItem,
  WfLocale,
  WfPage,
  WfSite,
  WfUser,
} from './types.js';

/**
 * What the tools return: Webflow's objects with the fields a caller acts on, under Webflow's own
 * (camelCase) names so ids and field slugs can be passed straight back. One schema and one mapper per
 * kind of object; lists carry the window they cover.
 */

const str = z.string().nullable();
const nul = <T>(v: T | null | undefined): T | null => v ?? null;

/** How a list answer says where it is: `offset` it started at, `total` Webflow counts, `next_offset` to go on. */
export const windowFields = {
  count: z.number().int(),
  offset: z.number().int(),
  total: z.number().int().nullable().describe('How many there are in all, as Webflow counts them'),
  next_offset: z
    .number()
    .int()
    .nullable()
    .describe('The offset to pass to read on from here; null when everything was read'),
};

export function windowOf<T, U>(w: Window<T>, map: (item: T) => U) {
  return {
    count: w.items.length,
    offset: w.offset,
    total: w.total,
    next_offset: w.next_offset,
    items: w.items.map(map),
  };
}

// Sites

const domainSchema = z.object({ id: z.string(), url: str, lastPublished: str });
export const toDomain = (d: WfDomain): z.input<typeof domainSchema> => ({
  id: d.id,
  url: nul(d.url),
  lastPublished: nul(d.lastPublished),
});
export const domainListSchema = z.array(domainSchema);

const localeSchema = z.object({
  id: str,
  cmsLocaleId: str.describe('The id the CMS tools take as cms_locale_id'),
  displayName: str,
  tag: str,
  enabled: z.boolean().nullable(),
});
const toLocale = (l: WfLocale): z.input<typeof localeSchema> => ({
  id: nul(l.id),
  cmsLocaleId: nul(l.cmsLocaleId),
  displayName: nul(l.displayName),
  tag: nul(l.tag),
  enabled: nul(l.enabled),
});

export const siteSchema = z.object({
  id: z.string(),
  displayName: str,
  shortName: str,
  workspaceId: str,
  timeZone: str,
  createdOn: str,
  lastUpdated: str,
  lastPublished: str,
  previewUrl: str,
  customDomains: domainListSchema,
  locales: z
    .object({ primary: localeSchema.nullable(), secondary: z.array(localeSchema) })
    .nullable()
    .describe('Present when the site is localized'),
});

export const toSite = (s: WfSite): z.input<typeof siteSchema> => ({
  id: s.id,
  displayName: nul(s.displayName),
  shortName: nul(s.shortName),
  workspaceId: nul(s.workspaceId),
  timeZone: nul(s.timeZone),
  createdOn: nul(s.createdOn),
  lastUpdated: nul(s.lastUpdated),
  lastPublished: nul(s.lastPublished),
  previewUrl: nul(s.previewUrl),
  customDomains: (s.customDomains ?? []).map(toDomain),
  locales: s.locales
    ? {
        primary: s.locales.primary ? toLocale(s.locales.primary) : null,
        secondary: (s.locales.secondary ?? []).map(toLocale),
      }
    : null,
});

// Forms

const formFieldSchema = z.object({
  id: z.string(),
  displayName: str,
  type: str,
  placeholder: str,
  userVisible: z.boolean().nullable(),
});

/** Fields keyed by id, as one object or (in Webflow's examples) a list of one-key objects. */
function formFields(fields: WfForm['fields']): z.input<typeof formFieldSchema>[] {
  const entries = (Array.isArray(fields) ? fields : fields ? [fields] : []).flatMap((f) => Object.entries(f));
  return entries.map(([id, f]: [string, WfFormField]) => ({
    id,
    displayName: nul(f?.displayName),
    type: nul(f?.type),
    placeholder: nul(f?.placeholder),
    userVisible: nul(f?.userVisible),
  }));
}

export const formSchema = z.object({
  id: z.string(),
  displayName: str,
  siteId: str,
  pageId: str,
  pageName: str,
  formElementId: str.describe('The element_id list_form_submissions_by_site filters on'),
  createdOn: str,
  lastUpdated: str,
  fields: z.array(formFieldSchema),
});

export const toForm = (f: WfForm): z.input<typeof formSchema> => ({
  id: f.id,
  displayName: nul(f.displayName),
  siteId: nul(f.siteId),
  pageId: nul(f.pageId),
  pageName: nul(f.pageName),
  formElementId: nul(f.formElementId),
  createdOn: nul(f.createdOn),
  lastUpdated: nul(f.lastUpdated),
  fields: formFields(f.fields),
});

export const submissionSchema = z.object({
  id: z.string(),
  formId: str,
  displayName: str,
  siteId: str,
  dateSubmitted: str,
  localeId: str,
  formResponse: z.record(z.string(), z.unknown()).describe('The submitted values, by field name'),
});

export const toSubmission = (s: WfFormSubmission): z.input<typeof submissionSchema> => ({
  id: s.id,
  formId: nul(s.formId),
  displayName: nul(s.displayName),
  siteId: nul(s.siteId),
  dateSubmitted: nul(s.dateSubmitted),
  localeId: nul(s.localeId),
  formResponse: s.formResponse ?? {},
});

// Pages

const seoSchema = z.object({ title: str, description: str }).nullable();
const toSeo = (s: { title?: string; description?: string } | null | undefined) =>
  s ? { title: nul(s.title), description: nul(s.description) } : null;

export const pageSchema = z.object({
  id: z.string(),
  title: str,
  slug: str,
  publishedPath: str,
  parentId: str,
  collectionId: str.describe('Set on a CMS template page: the collection it shows'),
  draft: z.boolean().nullable(),
  archived: z.boolean().nullable(),
  localeId: str,
  createdOn: str,
  lastUpdated: str,
  seo: seoSchema,
  openGraph: seoSchema,
});

export const toPage = (p: WfPage): z.input<typeof pageSchema> => ({
  id: p.id,
  title: nul(p.title),
  slug: nul(p.slug),
  publishedPath: nul(p.publishedPath),
  parentId: nul(p.parentId),
  collectionId: nul(p.collectionId),
  draft: nul(p.draft),
  archived: nul(p.archived),
  localeId: nul(p.localeId),
  createdOn: nul(p.createdOn),
  lastUpdated: nul(p.lastUpdated),
  seo: toSeo(p.seo),
  openGraph: toSeo(p.openGraph),
});

/** A node of a static page's content (text with its HTML, image, form input, component instance, ...). */
export const domNodeSchema = z.looseObject({ id: z.string(), type: z.string() });

// Collections and items

export const collectionSummarySchema = z.object({
  id: z.string(),
  displayName: z.string(),
  singularName: z.string(),
  slug: str,
  createdOn: str,
  lastUpdated: str,
});

export const toCollectionSummary = (c: WfCollection): z.input<typeof collectionSummarySchema> => ({
  id: c.id,
  displayName: c.displayName,
  singularName: c.singularName,
  slug: nul(c.slug),
  createdOn: nul(c.createdOn),
  lastUpdated: nul(c.lastUpdated),
});

const fieldSchema = z.object({
  id: z.string(),
  slug: str.describe('The key of this field in field_data'),
  displayName: z.string(),
  type: z.string(),
  isRequired: z.boolean(),
  isEditable: z.boolean().nullable(),
  helpText: str,
  validations: z
    .record(z.string(), z.unknown())
    .nullable()
    .describe('Limits and options of the field (e.g. the choices of an Option field)'),
});

const toField = (f: WfCollectionField): z.input<typeof fieldSchema> => ({
  id: f.id,
  slug: nul(f.slug),
  displayName: f.displayName,
  type: f.type,
  isRequired: f.isRequired,
  isEditable: nul(f.isEditable),
  helpText: nul(f.helpText),
  validations: nul(f.validations),
});

export const collectionSchema = collectionSummarySchema.extend({ fields: z.array(fieldSchema) });

export const toCollection = (c: WfCollection): z.input<typeof collectionSchema> => ({
  ...toCollectionSummary(c),
  fields: (c.fields ?? []).map(toField),
});

export const itemSchema = z.object({
  id: z.string(),
  cmsLocaleId: str,
  isDraft: z.boolean().nullable(),
  isArchived: z.boolean().nullable(),
  createdOn: str,
  lastUpdated: str,
  lastPublished: str.describe('When this item was last published to the live site; null if never'),
  fieldData: z.record(z.string(), z.unknown()).describe('The values of the fields, by field slug'),
});

export const toItem = (i: WfItem): z.input<typeof itemSchema> => ({
  id: i.id,
  cmsLocaleId: nul(i.cmsLocaleId),
  isDraft: nul(i.isDraft),
  isArchived: nul(i.isArchived),
  createdOn: nul(i.createdOn),
  lastUpdated: nul(i.lastUpdated),
  lastPublished: nul(i.lastPublished),
  fieldData: i.fieldData ?? {},
});

// Users

export const userSchema = z.object({
  id: z.string(),
  email: str,
  name: str,
  status: str.describe('invited, verified or unverified'),
  isEmailVerified: z.boolean().nullable(),
  accessGroups: z.array(z.object({ slug: str, type: str })),
  createdOn: str,
  invitedOn: str,
  lastLogin: str,
  lastUpdated: str,
  data: z.record(z.string(), z.unknown()).describe('Name, email, consent and custom fields'),
});

export const toUser = (u: WfUser): z.input<typeof userSchema> => {
  // The description nests the fields as data.data; its examples (and answers) put them in data.
  const inner = u.data?.data;
  const data = (inner && typeof inner === 'object' ? inner : (u.data ?? {})) as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    id: u.id,
    email: text(data.email),
    name: text(data.name),
    status: nul(u.status),
    isEmailVerified: nul(u.isEmailVerified),
    accessGroups: (u.accessGroups ?? []).map((g) => ({ slug: nul(g.slug), type: nul(g.type) })),
    createdOn: nul(u.createdOn),
    invitedOn: nul(u.invitedOn),
    lastLogin: nul(u.lastLogin),
    lastUpdated: nul(u.lastUpdated),
    data,
  };
};

import { z } from 'zod';
import { defined } from '../../providers/microsoft/drive-shapes.js';
import { type ListItem, type SharePointList, type Site, type SitePage, withoutAnnotations } from './api.js';

/** The zod pieces the SharePoint tools share: how a site is named, and how results are shaped. */

const SITE_FORMS =
  'a site URL (https://contoso.sharepoint.com/sites/Marketing), a site id (contoso.sharepoint.com,<guid>,<guid>) or "root"';

export const siteArgs = {
  site_id: z.string().optional().describe(`The site: ${SITE_FORMS}. Default: the tenant's root site`),
  site_url: z
    .string()
    .optional()
    .describe(`The site, when site_id is not given: ${SITE_FORMS}. Default: the tenant's root site`),
};

/** guMCP requires site_id on the list-item tools; it takes any of the forms above all the same. */
export const requiredSiteArgs = {
  site_id: z.string().min(1).describe(`The site: ${SITE_FORMS}`),
  site_url: siteArgs.site_url.describe(`Ignored when site_id is given; the same forms as site_id`),
};

export const limit = (what: string, fallback: number, max: number) =>
  z
    .number()
    .int()
    .min(1)
    .max(max)
    .default(fallback)
    .describe(`Most ${what} to return (default ${fallback}, at most ${max}); pages are followed up to it`);

export const odataFilter = z.string().optional().describe("OData $filter, e.g. startswith(displayName,'A')");
export const odataOrderBy = z.string().optional().describe('OData $orderby, e.g. "createdDateTime desc"');

/** A Graph object as Graph gave it (OData annotations removed), where its fields are the data. */
export const graphObject = z.record(z.string(), z.unknown());

export const site = z.object({
  id: z.string(),
  name: z.string().optional(),
  display_name: z.string().optional(),
  description: z.string().optional(),
  web_url: z.string().optional(),
  hostname: z.string().optional(),
  is_root: z.boolean().describe('Whether this is the root site of its site collection'),
  created: z.string().optional(),
  last_modified: z.string().optional(),
});

export const list = z.object({
  id: z.string(),
  name: z.string().optional(),
  display_name: z.string().optional(),
  description: z.string().optional(),
  web_url: z.string().optional(),
  template: z.string().optional().describe('e.g. genericList, documentLibrary'),
  created: z.string().optional(),
  last_modified: z.string().optional(),
});

export const listItem = z.object({
  id: z.string(),
  web_url: z.string().optional(),
  content_type: z.string().optional(),
  created: z.string().optional(),
  last_modified: z.string().optional(),
  fields: graphObject.describe('The item’s column values, by internal column name'),
});

export const page = z.object({
  id: z.string(),
  name: z.string().optional().describe('File name, e.g. Home.aspx'),
  title: z.string().optional(),
  web_url: z.string().optional(),
  page_layout: z.string().optional(),
  publishing_state: z.string().optional().describe('checkout (a draft) or published'),
  created: z.string().optional(),
  last_modified: z.string().optional(),
});

export function summarizeSite(s: Site): z.infer<typeof site> {
  return defined({
    id: s.id,
    name: s.name,
    display_name: s.displayName,
    description: s.description || undefined,
    web_url: s.webUrl,
    hostname: s.siteCollection?.hostname,
    is_root: s.root !== undefined,
    created: s.createdDateTime,
    last_modified: s.lastModifiedDateTime,
  });
}

export function summarizeList(l: SharePointList): z.infer<typeof list> {
  return defined({
    id: l.id,
    name: l.name,
    display_name: l.displayName,
    description: l.description || undefined,
    web_url: l.webUrl,
    template: l.list?.template,
    created: l.createdDateTime,
    last_modified: l.lastModifiedDateTime,
  });
}

export function summarizeListItem(i: ListItem): z.infer<typeof listItem> {
  return defined({
    id: i.id,
    web_url: i.webUrl,
    content_type: i.contentType?.name,
    created: i.createdDateTime,
    last_modified: i.lastModifiedDateTime,
    fields: withoutAnnotations(i.fields ?? {}),
  });
}

export function summarizePage(p: SitePage): z.infer<typeof page> {
  return defined({
    id: p.id,
    name: p.name,
    title: p.title,
    web_url: p.webUrl,
    page_layout: p.pageLayout,
    publishing_state: p.publishingState?.level,
    created: p.createdDateTime,
    last_modified: p.lastModifiedDateTime,
  });
}

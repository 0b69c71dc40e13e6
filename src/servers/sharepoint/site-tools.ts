import { z } from 'zod';
import { adds, reads } from '../../core/annotations.js';
import { tool } from '../../core/definition.js';
import { ToolError } from '../../core/errors.js';
import { graphOrNotFound } from '../../providers/microsoft/graph.js';
import {
  client,
  collect,
  getSite,
  type Site,
  type SitePage,
  siteBase,
  siteName,
  type User,
  withoutAnnotations,
} from './api.js';
import {
  graphObject,
  limit,
  odataFilter,
  odataOrderBy,
  page,
  site,
  siteArgs,
  summarizePage,
  summarizeSite,
} from './schemas.js';

const READ = ['Sites.Read.All'];
const WRITE = ['Sites.ReadWrite.All'];

/** The type of SharePoint's text web part: its content is HTML. */
const TEXT_WEB_PART = '#microsoft.graph.textWebPart';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const webPart = z.object({
  type: z
    .string()
    .min(1)
    .describe(
      '"text", or the web part type id (a GUID, e.g. d1d91016-032f-456d-98a4-721247c305e8 for Image)',
    ),
  data: z
    .record(z.string(), z.unknown())
    .optional()
    .describe('For text: { "html": "<p>…</p>" } or { "text": "…" }; for another type, its data object'),
});

/** A web part as the caller gives it, as Graph's canvas takes it (a text part, or a standard one by type id). */
function toWebPart(part: z.infer<typeof webPart>, index: number): Record<string, unknown> {
  const data = part.data ?? {};
  if (part.type.toLowerCase() === 'text') {
    const html =
      typeof data.html === 'string'
        ? data.html
        : typeof data.innerHtml === 'string'
          ? data.innerHtml
          : undefined;
    const text = typeof data.text === 'string' ? data.text : undefined;
    if (html === undefined && text === undefined) {
      throw new ToolError(`web_parts[${index}]: a text web part needs data.html or data.text`);
    }
    return { '@odata.type': TEXT_WEB_PART, innerHtml: html ?? `<p>${escapeHtml(text ?? '')}</p>` };
  }
  if (!GUID.test(part.type)) {
    throw new ToolError(
      `web_parts[${index}].type must be "text" or a web part type id (a GUID); got ${part.type}`,
    );
  }
  return { '@odata.type': '#microsoft.graph.standardWebPart', webPartType: part.type, data };
}

const pageName = (name: string) => {
  const trimmed = name.trim();
  if (!trimmed || /[/\\]/.test(trimmed)) throw new ToolError('page_name must be a name without "/" or "\\"');
  return trimmed.toLowerCase().endsWith('.aspx') ? trimmed : `${trimmed}.aspx`;
};

const sitePages = (base: string) => `${base}/pages/microsoft.graph.sitePage`;
const sitePage = (base: string, id: string) =>
  `${base}/pages/${encodeURIComponent(id)}/microsoft.graph.sitePage`;

export const siteTools = {
  get_site_info: tool({
    description:
      'Get a SharePoint site’s details (id, name, URL, description). Name it by URL, id or "root" (the default).',
    input: z.object(siteArgs),
    output: site,
    annotations: { title: 'Get site info', ...reads },
    scopes: READ,
    async handler(args, ctx) {
      return summarizeSite(await getSite(ctx, args));
    },
  }),

  search_sites: tool({
    description: 'Search the SharePoint sites the user can see by keyword (name, description).',
    input: z.object({
      query: z.string().min(1).describe('Words to look for, e.g. marketing'),
      limit: limit('sites', 50, 500),
    }),
    output: z.object({ count: z.number().int(), more: z.boolean(), sites: z.array(site) }),
    annotations: { title: 'Search sites', ...reads },
    scopes: READ,
    async handler({ query, limit }, ctx) {
      const { items, more } = await collect<Site>(ctx, 'sites', { search: query }, limit);
      return { count: items.length, more, sites: items.map(summarizeSite) };
    },
  }),

  get_users: tool({
    description:
      'List users of the organisation (Microsoft 365 directory), with OData filter, select and order.',
    input: z.object({
      top: limit('users', 100, 999),
      filter: odataFilter,
      select: z
        .string()
        .optional()
        .describe(
          'Comma-separated properties to return, e.g. displayName,mail,jobTitle (default: Graph’s set)',
        ),
      orderby: odataOrderBy,
    }),
    output: z.object({
      count: z.number().int(),
      more: z.boolean().describe('Whether more users match than were returned'),
      users: z.array(graphObject),
    }),
    annotations: { title: 'Get users', ...reads },
    scopes: ['User.Read.All'],
    async handler({ top, filter, select, orderby }, ctx) {
      const { items, more } = await collect<User & Record<string, unknown>>(
        ctx,
        'users',
        { $filter: filter, $select: select, $orderby: orderby },
        top,
        999,
      );
      return { count: items.length, more, users: items.map(withoutAnnotations) };
    },
  }),

  list_site_pages: tool({
    description: 'List the modern pages (SitePages library) of a SharePoint site.',
    input: z.object({
      ...siteArgs,
      top: limit('pages', 100, 1000),
      filter: odataFilter,
      orderby: odataOrderBy,
    }),
    output: z.object({ count: z.number().int(), more: z.boolean(), pages: z.array(page) }),
    annotations: { title: 'List site pages', ...reads },
    scopes: READ,
    async handler({ top, filter, orderby, ...where }, ctx) {
      const base = await siteBase(ctx, where);
      const { items, more } = await graphOrNotFound(
        'Site',
        siteName(where),
        collect<SitePage>(ctx, sitePages(base), { $filter: filter, $orderby: orderby }, top),
      );
      return { count: items.length, more, pages: items.map(summarizePage) };
    },
  }),

  get_site_page: tool({
    description:
      'Get a page of a SharePoint site, with its layout and web parts, by page_id or by page_name (e.g. Home.aspx).',
    input: z.object({
      ...siteArgs,
      page_id: z.string().min(1).optional().describe('The page id, as list_site_pages returns it'),
      page_name: z
        .string()
        .min(1)
        .optional()
        .describe('The page’s file name, with or without .aspx (when page_id is not given)'),
    }),
    output: page.extend({
      canvas_layout: z.unknown().optional().describe('Sections, columns and web parts, as Graph gives them'),
    }),
    annotations: { title: 'Get site page', ...reads },
    scopes: READ,
    async handler({ page_id, page_name, ...where }, ctx) {
      if (!page_id && !page_name) throw new ToolError('Give page_id or page_name');
      const base = await siteBase(ctx, where);
      let id = page_id;
      if (!id) {
        const wanted = pageName(page_name ?? '').toLowerCase();
        const { items } = await collect<SitePage>(ctx, sitePages(base), { $select: 'id,name' }, 5000);
        id = items.find((p) => p.name?.toLowerCase() === wanted)?.id;
        if (!id) throw new ToolError(`Page not found: ${page_name}`);
      }
      const found = await graphOrNotFound(
        'Page',
        id,
        client(ctx).get<SitePage>(sitePage(base, id), { $expand: 'canvasLayout' }, ctx.signal),
      );
      return { ...summarizePage(found), canvas_layout: found.canvasLayout };
    },
  }),

  create_site_page: tool({
    description:
      'Create a modern page in a site’s SitePages library, with a title and optional web parts (text as HTML, or ' +
      'other web parts by type id). The page is a draft until published (publish: true publishes it at once).',
    input: z.object({
      ...siteArgs,
      page_name: z.string().min(1).describe('File name of the page, without .aspx (added)'),
      page_title: z.string().min(1).describe('Title shown on the page'),
      page_layout: z
        .enum(['article', 'home', 'singleWebPartAppPage'])
        .default('article')
        .describe('Page layout (default article); Graph v1.0 takes article and home'),
      web_parts: z.array(webPart).optional().describe('Web parts, in order, in one full-width section'),
      publish: z
        .boolean()
        .default(false)
        .describe('Publish the page after creating it (default false: a draft)'),
    }),
    output: page,
    annotations: { title: 'Create site page', ...adds },
    scopes: WRITE,
    async handler({ page_name, page_title, page_layout, web_parts, publish, ...where }, ctx) {
      const parts = (web_parts ?? []).map(toWebPart);
      const base = await siteBase(ctx, where);
      const api = client(ctx);
      const created = await graphOrNotFound(
        'Site',
        siteName(where),
        api.post<SitePage>(
          `${base}/pages`,
          {
            '@odata.type': '#microsoft.graph.sitePage',
            name: pageName(page_name),
            title: page_title,
            pageLayout: page_layout,
            ...(parts.length
              ? {
                  canvasLayout: {
                    horizontalSections: [
                      {
                        layout: 'oneColumn',
                        id: '1',
                        emphasis: 'none',
                        columns: [{ id: '1', width: 12, webparts: parts }],
                      },
                    ],
                  },
                }
              : {}),
          },
          ctx.signal,
        ),
      );
      if (!publish) return summarizePage(created);
      // Publishing twice leaves the page published: safe to repeat.
      await api.request(
        `${sitePage(base, created.id)}/publish`,
        { method: 'POST', idempotent: true },
        ctx.signal,
      );
      return { ...summarizePage(created), publishing_state: 'published' };
    },
  }),
};

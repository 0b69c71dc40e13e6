import type { ToolContext } from '../../core/context.js';
import { ToolError } from '../../core/errors.js';
import { Drive } from '../../providers/microsoft/drive.js';
import { graphApi, graphOrNotFound, graphPages } from '../../providers/microsoft/graph.js';
import type { UpstreamClient } from '../../upstream/client.js';
import { parseSite, sitePathAddress, siteSegment } from './sites.js';

/** guMCP's scopes for SharePoint (Graph delegated permissions), asked for at sign-in. */
export const SCOPES = [
  'Sites.Manage.All',
  'Sites.Read.All',
  'Sites.ReadWrite.All',
  'User.Read.All',
  'Files.Read.All',
  'Files.ReadWrite.All',
  'offline_access',
] as const;

export const client = (ctx: ToolContext): UpstreamClient =>
  graphApi(ctx, { serverId: 'sharepoint', service: 'SharePoint', scopes: SCOPES });

/** The signed-in user's OneDrive (its documents library), where the file tools work. */
export const drive = (ctx: ToolContext): Drive => new Drive(client(ctx), ctx);

/** Graph resources this server reads and writes, with the fields it uses. */
export interface Site {
  id: string;
  name?: string;
  displayName?: string;
  description?: string;
  webUrl?: string;
  createdDateTime?: string;
  lastModifiedDateTime?: string;
  siteCollection?: { hostname?: string };
  root?: Record<string, unknown>;
}

export interface SharePointList {
  id: string;
  name?: string;
  displayName?: string;
  description?: string;
  webUrl?: string;
  createdDateTime?: string;
  lastModifiedDateTime?: string;
  list?: { template?: string; hidden?: boolean; contentTypesEnabled?: boolean };
}

export interface ListItem {
  id: string;
  webUrl?: string;
  createdDateTime?: string;
  lastModifiedDateTime?: string;
  contentType?: { id?: string; name?: string };
  fields?: Record<string, unknown>;
}

export interface SitePage {
  id: string;
  name?: string;
  title?: string;
  webUrl?: string;
  pageLayout?: string;
  description?: string;
  createdDateTime?: string;
  lastModifiedDateTime?: string;
  publishingState?: { level?: string; versionId?: string };
  createdBy?: { user?: { displayName?: string } };
  canvasLayout?: unknown;
}

export interface User {
  id: string;
  displayName?: string;
  mail?: string;
  userPrincipalName?: string;
  jobTitle?: string;
}

/** The site a tool works on: `site_id` when given, else `site_url`, else the tenant's root site. */
export interface SiteArgs {
  site_id?: string | undefined;
  site_url?: string | undefined;
}

/** How the caller named the site, for messages ("Site not found: https://…/sites/Marketing"). */
export const siteName = (args: SiteArgs): string => args.site_id || args.site_url || 'root';

/**
 * The site the caller named (see sites.ts for the forms accepted): `GET /sites/root`, `/sites/{id}`
 * or `/sites/{host}:/{path}`. A server-relative path alone is looked up on the root site's host.
 */
export async function getSite(ctx: ToolContext, args: SiteArgs, select?: string): Promise<Site> {
  const [argument, value] = args.site_id ? ['site_id', args.site_id] : ['site_url', args.site_url];
  const ref = parseSite(value, argument);
  const api = client(ctx);
  const query = select ? { $select: select } : undefined;
  let address = 'sites/root';
  if (ref.kind === 'id') address = `sites/${siteSegment(ref.id)}`;
  if (ref.kind === 'path') {
    const host =
      ref.host ??
      (await api.get<Site>('sites/root', { $select: 'siteCollection' }, ctx.signal)).siteCollection?.hostname;
    if (!host) throw new ToolError(`Could not tell the SharePoint host of ${value}; give the whole site URL`);
    address = sitePathAddress(host, ref.path);
  }
  return graphOrNotFound('Site', siteName(args), api.get<Site>(address, query, ctx.signal));
}

/**
 * `sites/{id}` for the site the caller named. A URL costs one look-up; an id or the root is used as
 * it is, and a wrong one is reported by the call that uses it.
 */
export async function siteBase(ctx: ToolContext, args: SiteArgs): Promise<string> {
  const [argument, value] = args.site_id ? ['site_id', args.site_id] : ['site_url', args.site_url];
  const ref = parseSite(value, argument);
  if (ref.kind === 'root') return 'sites/root';
  if (ref.kind === 'id') return `sites/${siteSegment(ref.id)}`;
  return `sites/${siteSegment((await getSite(ctx, args, 'id')).id)}`;
}

const seg = encodeURIComponent;

export const listPath = (site: string, list: string): string => `${site}/lists/${seg(list)}`;
export const itemPath = (site: string, list: string, item: string): string =>
  `${listPath(site, list)}/items/${seg(item)}`;

/** Pages of a Graph collection, up to `limit` (Graph's page size at most `pageMax`), with OData options. */
export function collect<T>(
  ctx: ToolContext,
  path: string,
  query: Record<string, string | number | undefined>,
  limit: number,
  pageMax = 200,
): Promise<{ items: T[]; more: boolean }> {
  return graphPages<T>(client(ctx), path, { ...query, $top: Math.min(limit, pageMax) }, limit, ctx.signal);
}

/** A Graph object without its OData annotations (`@odata.etag`, `@odata.context`). */
export function withoutAnnotations(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([key]) => !key.startsWith('@odata.')));
}

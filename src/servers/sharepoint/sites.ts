import { ToolError } from '../../core/errors.js';

/**
 * A site as a user names it, turned into the way Graph addresses it:
 * - nothing, `root` or `/`: the tenant's root site (`sites/root`);
 * - a site id (`contoso.sharepoint.com,<guid>,<guid>`, or a bare GUID): used as it is;
 * - a site URL (`https://contoso.sharepoint.com/sites/Marketing`, even one copied from a page or a
 *   library such as `.../sites/Marketing/SitePages/Home.aspx`): host and server-relative path;
 * - a host alone (`contoso.sharepoint.com`): that host's root site;
 * - Graph's own `host:/path` form, or a server-relative path (`/sites/Marketing`) on the tenant's host.
 */
export type SiteRef =
  | { kind: 'root' }
  | { kind: 'id'; id: string }
  | { kind: 'path'; host: string | undefined; path: string };

/** Path segments that start a library, a list or a page inside a site: the site's URL ends before them. */
const INSIDE_A_SITE = new Set([
  'sitepages',
  'lists',
  'forms',
  '_layouts',
  'shared documents',
  'documents',
  'pages',
]);

const MANAGED_PATHS = new Set(['sites', 'teams', 'personal']);

const decodeSegment = (segment: string): string => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
};

const HOST = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const COMPOSITE_ID = /^[a-z0-9.-]+,[0-9a-f-]{36},[0-9a-f-]{36}$/i;

/** The site's own path out of a URL path: up to a library, list or page segment. */
function sitePath(pathname: string): string {
  const segments = pathname.split('/').filter(Boolean).map(decodeSegment);
  // Under a managed path (/sites/, /teams/, /personal/) the next segment is the site's name, whatever it is.
  const managed = MANAGED_PATHS.has(segments[0]?.toLowerCase() ?? '') ? 2 : 0;
  const kept = segments.slice(0, managed);
  for (const segment of segments.slice(managed)) {
    if (INSIDE_A_SITE.has(segment.toLowerCase()) || segment.toLowerCase().endsWith('.aspx')) break;
    kept.push(segment);
  }
  return kept.join('/');
}

export function parseSite(value: string | undefined, argument: string): SiteRef {
  const text = (value ?? '').trim();
  if (text === '' || text === '/' || text.toLowerCase() === 'root') return { kind: 'root' };
  if (COMPOSITE_ID.test(text) || GUID.test(text)) return { kind: 'id', id: text };
  if (/^https?:\/\//i.test(text)) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw new ToolError(`${argument} is not a valid URL: ${text}`);
    }
    const path = sitePath(url.pathname);
    return path ? { kind: 'path', host: url.hostname, path } : { kind: 'id', id: url.hostname };
  }
  const graphForm = /^([^:/]+):\/(.*)$/.exec(text);
  if (graphForm?.[1] && HOST.test(graphForm[1])) {
    const path = sitePath(graphForm[2] ?? '');
    return path ? { kind: 'path', host: graphForm[1], path } : { kind: 'id', id: graphForm[1] };
  }
  if (text.startsWith('/')) return { kind: 'path', host: undefined, path: sitePath(text) };
  if (HOST.test(text)) return { kind: 'id', id: text };
  if (/^[^/\s]+\/.+/.test(text) && HOST.test(text.split('/')[0] ?? '')) {
    const [host = '', ...rest] = text.split('/');
    const path = sitePath(rest.join('/'));
    return path ? { kind: 'path', host, path } : { kind: 'id', id: host };
  }
  throw new ToolError(
    `${argument} should be a site URL (https://contoso.sharepoint.com/sites/Marketing), a site id (contoso.sharepoint.com,<guid>,<guid>) or "root"; got ${text}`,
  );
}

/** A site id as one path segment: commas are part of Graph's composite ids and stay as they are. */
export const siteSegment = (id: string): string => encodeURIComponent(id).replace(/%2C/gi, ',');

/** Graph's `sites/{host}:/{path}` for a site by server-relative URL. */
export const sitePathAddress = (host: string, path: string): string =>
  `sites/${host}:/${path.split('/').map(encodeURIComponent).join('/')}`;

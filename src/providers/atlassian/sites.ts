import type { Logger } from 'pino';
import type { Credentials } from '../../core/context.js';
import { AuthRequiredError, ToolError } from '../../core/errors.js';
import { serviceUrl, UpstreamClient, type UpstreamOptions } from '../../upstream/client.js';

/** Atlassian's API gateway: accessible-resources and every product API (`/ex/jira/{cloudid}/...`). */
export const ATLASSIAN_API = 'https://api.atlassian.com';

/** An Atlassian cloud site the token reaches, as accessible-resources lists it. */
export interface AtlassianSite {
  /** The cloud id, the `{cloudid}` of the gateway's product URLs. */
  id: string;
  /** The site's own address, e.g. https://acme.atlassian.net */
  url: string;
  name: string;
  /** The scopes the user granted the app on this site. */
  scopes: string[];
}

/** Which Atlassian product a server calls: sites are kept only when the grant covers it. */
export interface AtlassianProduct {
  /** The server id: names the gateway variable for tests (GUMCP_<ID>_API_URL) and `gumcp auth <id>`. */
  serverId: string;
  /** Shown in messages, e.g. `Jira`. */
  label: string;
  /** A site serves the product when one of its scopes contains this, e.g. `jira`. */
  scopeMarker: string;
}

/** What a tool's `cloud_id` and `site_name` arguments ask for; both may hold an id, a name or a URL. */
export interface SiteChoice {
  cloudId?: string | undefined;
  siteName?: string | undefined;
}

const isSite = (value: unknown): value is AtlassianSite => {
  const s = value as Partial<AtlassianSite> | null;
  return (
    typeof s === 'object' &&
    s !== null &&
    typeof s.id === 'string' &&
    typeof s.url === 'string' &&
    typeof s.name === 'string'
  );
};

const toSite = (s: AtlassianSite): AtlassianSite => ({
  id: s.id,
  url: s.url,
  name: s.name,
  scopes: Array.isArray(s.scopes) ? s.scopes.filter((x): x is string => typeof x === 'string') : [],
});

/** The gateway client for calls made before a site is chosen (accessible-resources). */
export function gatewayClient(
  product: AtlassianProduct,
  token: string,
  options: { log?: Logger | undefined; tuning?: Partial<UpstreamOptions> } = {},
): UpstreamClient {
  return new UpstreamClient({
    service: 'Atlassian',
    serverId: product.serverId,
    baseUrl: serviceUrl(product.serverId, ATLASSIAN_API),
    ...(options.log ? { log: options.log } : {}),
    auth: () => ({ authorization: `Bearer ${token}` }),
    mapError: (status) =>
      status === 401
        ? new AuthRequiredError(product.serverId, 'Atlassian rejected the stored token (expired or revoked)')
        : undefined,
    ...options.tuning,
  });
}

/** The sites the token reaches (GET /oauth/token/accessible-resources) that serve the product. */
export async function fetchSites(
  product: AtlassianProduct,
  token: string,
  options: { log?: Logger | undefined; signal?: AbortSignal; tuning?: Partial<UpstreamOptions> } = {},
): Promise<AtlassianSite[]> {
  const answer = await gatewayClient(product, token, options).get<unknown>(
    'oauth/token/accessible-resources',
    undefined,
    options.signal,
  );
  if (!Array.isArray(answer))
    throw new ToolError('Atlassian answered accessible-resources with no site list');
  return forProduct(answer.filter(isSite).map(toSite), product);
}

/** The sites stored with the credentials at sign-in (`discover`), for the product. */
export function storedSites(credentials: Readonly<Credentials>, product: AtlassianProduct): AtlassianSite[] {
  const sites = credentials.sites;
  return Array.isArray(sites) ? forProduct(sites.filter(isSite).map(toSite), product) : [];
}

function forProduct(sites: readonly AtlassianSite[], product: AtlassianProduct): AtlassianSite[] {
  return sites.filter(
    (s) => s.scopes.length === 0 || s.scopes.some((scope) => scope.includes(product.scopeMarker)),
  );
}

/**
 * What OAuthProvider.discover stores after sign-in: the product's sites (id, url, name, scopes). An
 * account with none cannot be used, so the sign-in fails saying why.
 */
export async function discoverSites(
  product: AtlassianProduct,
  credentials: Readonly<Credentials>,
): Promise<Credentials> {
  const token = credentials.access_token;
  if (typeof token !== 'string' || !token) throw new ToolError('The sign-in answered no access token');
  const sites = await fetchSites(product, token);
  if (!sites.length) {
    throw new ToolError(
      `This Atlassian account gave the app no ${product.label} site. Sign in again and choose a ${product.label} site on the consent screen.`,
    );
  }
  return { sites };
}

/** A site's host, e.g. `acme.atlassian.net`, from its URL or from what a user typed. */
function hostOf(value: string): string {
  const text = value.trim().toLowerCase();
  try {
    return new URL(text.includes('://') ? text : `https://${text}`).hostname;
  } catch {
    return text;
  }
}

/** Whether `value` names the site: its cloud id, its name, its URL or host, or the first label of its host. */
function names(site: AtlassianSite, value: string): boolean {
  const v = value.trim().toLowerCase();
  const host = hostOf(site.url);
  return (
    v === site.id.toLowerCase() ||
    v === site.name.toLowerCase() ||
    hostOf(v) === host ||
    (!v.includes('.') && !v.includes('/') && v === host.split('.')[0])
  );
}

export const describeSite = (s: AtlassianSite): string => `${s.name} (${s.url}, cloud id ${s.id})`;
const siteList = (sites: readonly AtlassianSite[]) => sites.map(describeSite).join('; ');

type Match = { site: AtlassianSite } | { error: string; retry: boolean };

function match(sites: readonly AtlassianSite[], choice: SiteChoice, product: AtlassianProduct): Match {
  const { label } = product;
  const asked = [
    ['cloud_id', choice.cloudId],
    ['site_name', choice.siteName],
  ].filter((a): a is [string, string] => typeof a[1] === 'string' && a[1].trim() !== '');
  if (!asked.length) {
    const [first] = sites;
    return first ? { site: first } : { error: `no ${label} site`, retry: true };
  }
  let found = [...sites];
  for (const [argument, value] of asked) {
    const named = found.filter((s) => names(s, value));
    if (!named.length) {
      return sites.some((s) => names(s, value))
        ? { error: `arguments cloud_id and site_name name different ${label} sites`, retry: false }
        : {
            error: `argument ${argument}: "${value}" names no ${label} site this account can reach`,
            retry: true,
          };
    }
    found = named;
  }
  if (found.length > 1) {
    return {
      error: `argument ${asked.map(([a]) => a).join(' and ')}: "${asked.map(([, v]) => v).join('", "')}" names ${found.length} ${label} sites (${siteList(found)}); give the cloud id`,
      retry: false,
    };
  }
  return { site: found[0] as AtlassianSite };
}

/**
 * The site a call goes to: the one the tool's arguments name, else the first one. The sites stored
 * at sign-in are used; when none are stored (credentials from guMCP, which looked them up on every
 * call) or the choice names none of them (a site added since), accessible-resources is asked again.
 * A wrong or ambiguous choice fails with the list of sites.
 */
export async function resolveSite(
  product: AtlassianProduct,
  credentials: Readonly<Credentials>,
  choice: SiteChoice,
  live: () => Promise<AtlassianSite[]>,
): Promise<AtlassianSite> {
  let sites = storedSites(credentials, product);
  let fetched = false;
  if (!sites.length) {
    sites = await live();
    fetched = true;
  }
  let result = match(sites, choice, product);
  if ('error' in result && result.retry && !fetched) {
    sites = await live();
    result = match(sites, choice, product);
  }
  if ('site' in result) return result.site;
  if (!sites.length) {
    throw new ToolError(
      `This Atlassian account gives the app no ${product.label} site. Re-authenticate with \`gumcp auth ${product.serverId}\` and choose a ${product.label} site on the consent screen.`,
    );
  }
  throw new ToolError(`Invalid arguments: ${result.error}. ${product.label} sites: ${siteList(sites)}.`);
}

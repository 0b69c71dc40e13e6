import type { Credentials } from '../../core/context.js';
import { serviceUrl } from '../../upstream/client.js';

/**
 * Intercom hosts each workspace in one region and serves its REST API from that region's host. The
 * region is learned at sign-in (`discover` in index.ts) and stored with the credentials as `region`.
 */
export const REGION_HOSTS = {
  us: 'https://api.intercom.io',
  eu: 'https://api.eu.intercom.io',
  au: 'https://api.au.intercom.io',
} as const;

export type Region = keyof typeof REGION_HOSTS;

export const REGIONS = Object.keys(REGION_HOSTS) as Region[];

/** Where each region's API is: the real hosts, or (tests) fakes; GUMCP_INTERCOM_API_URL replaces all. */
export type RegionHosts = Readonly<Partial<Record<Region, string>>>;

export function hostOf(region: Region, hosts: RegionHosts = {}): string {
  return hosts[region] ?? serviceUrl('intercom', REGION_HOSTS[region]);
}

/**
 * A region as Intercom or a person writes it: `US`/`eu` (the app's `region` in /me), a host such as
 * `api.eu.intercom.io` or `app.au.intercom.com`, or `europe`/`australia`. Undefined when unreadable.
 */
export function readRegion(value: unknown): Region | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim().toLowerCase();
  if (!v) return undefined;
  if (v === 'us' || v === 'usa' || v === 'united states') return 'us';
  if (v === 'eu' || v === 'europe') return 'eu';
  if (v === 'au' || v === 'australia') return 'au';
  const host = /(?:^|\/\/|\.)(?:api|app)\.(eu|au)\.intercom\.(?:io|com)\b/.exec(v)?.[1];
  if (host === 'eu' || host === 'au') return host;
  if (/(?:^|\/\/)(?:api|app)\.intercom\.(?:io|com)\b/.test(v)) return 'us';
  return undefined;
}

/** The region of stored credentials; guMCP's credential files have none, and their workspaces are in the US. */
export const regionOfCredentials = (creds: Credentials): Region => readRegion(creds.region) ?? 'us';

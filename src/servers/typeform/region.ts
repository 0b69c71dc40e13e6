import type { Credentials } from '../../core/context.js';
import { serviceUrl } from '../../upstream/client.js';

/**
 * Typeform serves its API from two hosts: accounts whose responses live in the EU Responses Data
 * Center read them from the EU host (other hosts answer them with no responses). Forms, workspaces
 * and the account answer the same on both.
 */
export const REGION_HOSTS = {
  us: 'https://api.typeform.com',
  eu: 'https://api.eu.typeform.com',
} as const;

export type Region = keyof typeof REGION_HOSTS;

/** Where each region's API is: the real hosts, or (tests) fakes; GUMCP_TYPEFORM_API_URL replaces both. */
export type RegionHosts = Readonly<Partial<Record<Region, string>>>;

export function hostOf(region: Region, hosts: RegionHosts = {}): string {
  return hosts[region] ?? serviceUrl('typeform', REGION_HOSTS[region]);
}

/**
 * The region a Typeform API URL names (a form's `_links.responses`): only Typeform's own hosts count,
 * so a link can never send the token elsewhere.
 */
export function regionOfUrl(value: unknown): Region | undefined {
  if (typeof value !== 'string') return undefined;
  let host: string;
  try {
    host = new URL(value).host.toLowerCase();
  } catch {
    return undefined;
  }
  if (host === 'api.eu.typeform.com') return 'eu';
  if (host === 'api.typeform.com') return 'us';
  return undefined;
}

/** The region stored at sign-in; credentials without one (guMCP's) are the US host's. */
export const regionOfCredentials = (creds: Credentials): Region => (creds.region === 'eu' ? 'eu' : 'us');

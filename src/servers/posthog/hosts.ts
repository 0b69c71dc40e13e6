import { ToolError } from '../../core/errors.js';
import { assertPublicUrl, privateUrlsAllowed } from '../../upstream/private-network.js';

/**
 * Where a PostHog project lives. PostHog Cloud has two regions, each with an app host (the private
 * API, personal API key) and an ingestion host (capture and flags, project API key); a self-hosted
 * instance answers both on its own address.
 */
export const US_HOST = 'https://us.posthog.com';
export const EU_HOST = 'https://eu.posthog.com';

const CLOUD: Readonly<Record<string, { app: string; ingest: string }>> = {
  'us.posthog.com': { app: US_HOST, ingest: 'https://us.i.posthog.com' },
  'eu.posthog.com': { app: EU_HOST, ingest: 'https://eu.i.posthog.com' },
};

/** Names a user may type for a Cloud region (or paste from a browser or an SDK snippet). */
const ALIASES: Readonly<Record<string, string>> = {
  us: 'us.posthog.com',
  eu: 'eu.posthog.com',
  'app.posthog.com': 'us.posthog.com',
  'us.i.posthog.com': 'us.posthog.com',
  'eu.i.posthog.com': 'eu.posthog.com',
  'app-eu.posthog.com': 'eu.posthog.com',
};

/**
 * The app host a user gave (empty: US Cloud; `us`, `eu`, a Cloud host name, or a self-hosted
 * instance's https URL), as an origin plus an optional path prefix without a trailing slash, e.g.
 * `https://posthog.example.com`. Throws a ToolError naming the `host` field otherwise.
 */
export function normalizeHost(raw: string | undefined): string {
  const typed = (raw ?? '').trim();
  if (!typed) return US_HOST;
  const bare = typed
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/\/+$/, '');
  const cloud = CLOUD[ALIASES[bare] ?? bare];
  if (cloud) return cloud.app;
  const shown = typed.slice(0, 100);
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(typed) ? typed : `https://${typed}`);
  } catch {
    throw new ToolError(
      `host: "${shown}" is not a PostHog address; leave it empty for US Cloud, type "eu" for EU Cloud, or give your instance's https URL`,
    );
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && privateUrlsAllowed())) {
    throw new ToolError(
      `host: a self-hosted PostHog must be reached over https:// (got "${url.protocol}"), or the API key would cross the network in the clear`,
    );
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new ToolError('host: give the PostHog address only, without a user, password, query or fragment');
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** The ingestion host (capture, flags) of an app host: the region's `*.i.posthog.com`, or the instance itself. */
export function ingestionHost(appHost: string): string {
  const name = appHost.replace(/^https:\/\//, '');
  return CLOUD[name]?.ingest ?? appHost;
}

/**
 * Refuses a self-hosted instance whose name is, or resolves to, a private, loopback or link-local
 * address (PostHog Cloud's own hosts are known and skip the check).
 */
export async function assertPublicHost(appHost: string): Promise<void> {
  const url = new URL(appHost);
  if (CLOUD[url.host]) return;
  // Resolved on every call: a name found public once may point elsewhere later.
  await assertPublicUrl(url, {
    refused: `Refusing to call the PostHog host ${url.host}: it points to a private or local network address`,
    unresolved: `Could not resolve the PostHog host ${url.host}; check the host you signed in with`,
  });
}

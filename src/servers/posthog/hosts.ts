import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { ToolError } from '../../core/errors.js';

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

/** Whether private and loopback addresses may be reached: a host on a trusted network, or tests. */
const privateAllowed = () => process.env.GUMCP_ALLOW_PRIVATE_URLS === '1';

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
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && privateAllowed())) {
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
 * Addresses a user's self-hosted PostHog must not reach: on a shared host they would let a user call
 * internal services with the host's network position. Built on first use: a BlockList is a native
 * handle, which a startup snapshot cannot hold.
 */
let privateNetworks: BlockList | undefined;
function privateNetworkList(): BlockList {
  if (privateNetworks) return privateNetworks;
  const list = new BlockList();
  for (const [net, prefix] of [
    ['0.0.0.0', 8],
    ['10.0.0.0', 8],
    ['100.64.0.0', 10],
    ['127.0.0.0', 8],
    ['169.254.0.0', 16],
    ['172.16.0.0', 12],
    ['192.168.0.0', 16],
    ['198.18.0.0', 15],
    ['224.0.0.0', 3],
  ] as const) {
    list.addSubnet(net, prefix, 'ipv4');
  }
  for (const [net, prefix] of [
    ['::', 127],
    ['fc00::', 7],
    ['fe80::', 10],
    ['ff00::', 8],
  ] as const) {
    list.addSubnet(net, prefix, 'ipv6');
  }
  privateNetworks = list;
  return list;
}

/**
 * Refuses a self-hosted instance whose name is, or resolves to, a private, loopback or link-local
 * address (PostHog Cloud's own hosts are known and skip the check).
 */
export async function assertPublicHost(appHost: string): Promise<void> {
  const url = new URL(appHost);
  // Resolved on every call: a name found public once may point elsewhere later.
  if (privateAllowed() || CLOUD[url.host]) return;
  const name = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: { address: string; family: number }[];
  try {
    addresses = isIP(name) ? [{ address: name, family: isIP(name) }] : await lookup(name, { all: true });
  } catch {
    throw new ToolError(`Could not resolve the PostHog host ${url.host}; check the host you signed in with`);
  }
  for (const { address, family } of addresses) {
    // An IPv4-mapped IPv6 address is checked as the IPv4 address it carries.
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
    const blocked = mapped
      ? privateNetworkList().check(mapped, 'ipv4')
      : privateNetworkList().check(address, family === 6 ? 'ipv6' : 'ipv4');
    if (blocked) {
      throw new ToolError(
        `Refusing to call the PostHog host ${url.host}: it points to a private or local network address`,
      );
    }
  }
}

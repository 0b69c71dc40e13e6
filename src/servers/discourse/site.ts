import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import type { Credentials } from '../../core/context.js';
import { AuthRequiredError, ToolError } from '../../core/errors.js';
import { apiUrlVariable } from '../../upstream/client.js';

/** The names guMCP stored the Discourse credentials under (its `credentialFields`). */
export const FIELDS = {
  url: 'metadata[Discourse URL]',
  username: 'metadata[Username]',
  key: 'value',
} as const;

/** What a call needs: the forum's address, and the key with the user it acts as. */
export interface DiscourseLogin {
  site: URL;
  username: string;
  key: string;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value.trim() : undefined;

/**
 * The login in stored credentials: gumcp's flat fields (the names above), guMCP's own file layout
 * (`{ metadata: [{ name: 'Username', value }, { name: 'Discourse URL', value }], value }`), or its
 * older `{ api_key, base_url, username }`.
 */
export function loginOf(credentials: Readonly<Credentials>): DiscourseLogin {
  const metadata = Array.isArray(credentials.metadata)
    ? Object.fromEntries(
        credentials.metadata
          .filter((m): m is { name: string; value: unknown } => typeof m?.name === 'string')
          .map((m) => [m.name, m.value]),
      )
    : {};
  const url = text(credentials[FIELDS.url]) ?? text(metadata['Discourse URL']) ?? text(credentials.base_url);
  const username =
    text(credentials[FIELDS.username]) ?? text(metadata.Username) ?? text(credentials.username);
  const key = text(credentials[FIELDS.key]) ?? text(credentials.api_key);
  const missing = [!url && 'the Discourse URL', !username && 'the username', !key && 'the API key'].filter(
    Boolean,
  );
  if (!url || !username || !key) {
    throw new AuthRequiredError('discourse', `the stored credentials lack ${missing.join(', ')}`);
  }
  return { site: parseSite(url, (reason) => new AuthRequiredError('discourse', reason)), username, key };
}

/** Whether private and loopback addresses may be reached: a host on a trusted network, or tests. */
const privateAllowed = () => process.env.GUMCP_ALLOW_PRIVATE_URLS === '1';

/**
 * A forum's address as a user typed it, checked: an http(s) URL without credentials, query or
 * fragment, kept with its path (a forum may live under /forum). Plain http only with
 * GUMCP_ALLOW_PRIVATE_URLS=1, since the API key would cross the network in the clear.
 */
export function parseSite(raw: string, fail: (reason: string) => ToolError = (r) => new ToolError(r)): URL {
  const shown = raw.trim().slice(0, 100);
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw fail(`the Discourse URL "${shown}" is not a URL; give it like https://forum.example.com`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && privateAllowed())) {
    throw fail(`the Discourse URL must start with https:// (got "${url.protocol}")`);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw fail('the Discourse URL must be the forum’s address only, without a user, query or fragment');
  }
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/`;
  return url;
}

/**
 * Addresses a user's forum URL must not reach: on the shared host, they would let a user call internal
 * services (cloud metadata, databases) with the host's network position. Built on first use: a
 * BlockList is a native handle, which a startup snapshot cannot hold.
 */
let privateNetworks: BlockList | undefined;
function privateNetworkList(): BlockList {
  if (privateNetworks) return privateNetworks;
  const list = new BlockList();
  const v4 = [
    ['0.0.0.0', 8],
    ['10.0.0.0', 8],
    ['100.64.0.0', 10],
    ['127.0.0.0', 8],
    ['169.254.0.0', 16],
    ['172.16.0.0', 12],
    ['192.168.0.0', 16],
    ['198.18.0.0', 15],
    ['224.0.0.0', 3],
  ] as const;
  for (const [net, prefix] of v4) list.addSubnet(net, prefix, 'ipv4');
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

/** Refuses a forum whose host is, or resolves to, a private, loopback or link-local address. */
async function assertPublic(site: URL): Promise<void> {
  if (privateAllowed()) return;
  const host = site.hostname.replace(/^\[|\]$/g, '');
  let addresses: { address: string; family: number }[];
  try {
    addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await lookup(host, { all: true });
  } catch {
    throw new ToolError(`Could not resolve the Discourse host ${site.host}`);
  }
  for (const { address, family } of addresses) {
    // An IPv4-mapped IPv6 address is checked as the IPv4 address it carries.
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
    const blocked = mapped
      ? privateNetworkList().check(mapped, 'ipv4')
      : privateNetworkList().check(address, family === 6 ? 'ipv6' : 'ipv4');
    if (blocked) {
      throw new ToolError(
        `Refusing to call the Discourse URL ${site.origin}: it points to a private or local network address`,
      );
    }
  }
}

/**
 * Where the calls for a login go: `GUMCP_DISCOURSE_API_URL` when the operator set it (a proxy, or a
 * test fake: it wins over every user's site), else the user's forum, checked to be on the public
 * network.
 */
export async function apiRoot(login: DiscourseLogin): Promise<string> {
  const override = process.env[apiUrlVariable('discourse')];
  if (override) return override;
  await assertPublic(login.site);
  return login.site.href;
}

import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { ToolError } from '../core/errors.js';

/**
 * The networks a user-supplied URL must not reach: on the shared host, fetching them would let a user
 * reach internal services (cloud metadata, databases) from the host's position on the network.
 * Unspecified, private, carrier-grade NAT, loopback, link-local, benchmarking, multicast and reserved
 * IPv4; unspecified and loopback, unique-local, link-local and multicast IPv6.
 */
const V4: readonly (readonly [string, number])[] = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
];
const V6: readonly (readonly [string, number])[] = [
  ['::', 127],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
];

/** Built on first use: a BlockList is a native handle, which a startup snapshot cannot hold. */
let blocked: BlockList | undefined;
function blockList(): BlockList {
  if (blocked) return blocked;
  const list = new BlockList();
  for (const [net, prefix] of V4) list.addSubnet(net, prefix, 'ipv4');
  for (const [net, prefix] of V6) list.addSubnet(net, prefix, 'ipv6');
  blocked = list;
  return list;
}

/** `GUMCP_ALLOW_PRIVATE_URLS=1` lifts the check: a host on a trusted network, and tests on loopback. */
export function privateUrlsAllowed(): boolean {
  return process.env.GUMCP_ALLOW_PRIVATE_URLS === '1';
}

/** The IPv4 address an IPv4-mapped IPv6 address carries (`::ffff:127.0.0.1`, `::ffff:7f00:1`), if it is one. */
function mappedIPv4(address: string): string | undefined {
  // The URL parser writes any spelling of an IPv6 address in its one compressed form.
  let canonical: string;
  try {
    canonical = new URL(`http://[${address}]/`).hostname.slice(1, -1);
  } catch {
    return undefined;
  }
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(canonical);
  if (!hex) return undefined;
  const [high, low] = [Number.parseInt(hex[1] as string, 16), Number.parseInt(hex[2] as string, 16)];
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

/**
 * Whether an IP address is in a private, loopback, link-local or otherwise non-public network. An
 * IPv4-mapped IPv6 address is checked as the IPv4 address it carries; what is not an IP address is
 * refused too.
 */
export function isPrivateAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  const family = isIP(bare);
  if (family === 4) return blockList().check(bare, 'ipv4');
  if (family !== 6) return true;
  const mapped = mappedIPv4(bare);
  return mapped ? blockList().check(mapped, 'ipv4') : blockList().check(bare, 'ipv6');
}

export interface PublicUrlCheck {
  /** The error when the host is, or resolves to, a private address, e.g. "Refusing to download …". */
  refused: string;
  /** The error when the host's name does not resolve. */
  unresolved: string;
  /** Resolves a name to all its addresses; tests pass their own. */
  lookup?: (host: string) => Promise<readonly { address: string }[]>;
}

/**
 * Refuses a URL whose host is, or whose name resolves to any, private, loopback or link-local
 * address, unless `GUMCP_ALLOW_PRIVATE_URLS=1`. Check each hop of a redirect, not only the first URL.
 */
export async function assertPublicUrl(url: URL, check: PublicUrlCheck): Promise<void> {
  if (privateUrlsAllowed()) return;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: readonly { address: string }[];
  try {
    addresses = isIP(host)
      ? [{ address: host }]
      : await (check.lookup ?? ((name: string) => dnsLookup(name, { all: true })))(host);
  } catch {
    throw new ToolError(check.unresolved);
  }
  if (!addresses.length) throw new ToolError(check.unresolved);
  if (addresses.some(({ address }) => isPrivateAddress(address))) throw new ToolError(check.refused);
}

import { z } from 'zod';

/**
 * Names of accounts and records in the AT Protocol: handles (`alice.bsky.social`), DIDs
 * (`did:plc:...`), AT URIs (`at://<did>/<collection>/<rkey>`), and the bsky.app links people paste.
 */

const HANDLE = /^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/;
const DID = /^did:[a-z]+:[a-zA-Z0-9._:%-]{1,2000}$/;
const RKEY = /^[a-zA-Z0-9._:~-]{1,512}$/;
const NSID = /^[a-zA-Z]([a-zA-Z0-9-]*\.)+[a-zA-Z][a-zA-Z0-9]*$/;

export const isDid = (value: string): boolean => DID.test(value);
export const isHandle = (value: string): boolean => value.length <= 253 && HANDLE.test(value);

/** An account as a tool argument: a handle (with or without `@`), a DID, or a bsky.app profile link. */
export function parseActor(raw: string): string | undefined {
  let value = raw.trim();
  const link = /^https:\/\/bsky\.app\/profile\/([^/?#]+)/i.exec(value);
  if (link?.[1]) value = decodeURIComponent(link[1]);
  value = value.replace(/^@/, '');
  if (isDid(value)) return value;
  const handle = value.toLowerCase();
  return isHandle(handle) ? handle : undefined;
}

export const actorArg = (description: string) =>
  z
    .string()
    .min(1)
    .transform((value, ctx) => {
      const actor = parseActor(value);
      if (actor) return actor;
      ctx.addIssue({
        code: 'custom',
        message: `"${value.slice(0, 80)}" is not a Bluesky handle (alice.bsky.social) or DID (did:plc:...)`,
      });
      return z.NEVER;
    })
    .describe(description);

export const didArg = (description: string) =>
  z
    .string()
    .min(1)
    .transform((value, ctx) => {
      const did = value.trim().replace(/^at:\/\//, '');
      if (isDid(did)) return did;
      ctx.addIssue({
        code: 'custom',
        message: `"${value.slice(0, 80)}" is not a DID (did:plc:... or did:web:...)`,
      });
      return z.NEVER;
    })
    .optional()
    .describe(description);

/** The parts of a record's AT URI. */
export interface RecordRef {
  /** The DID or handle of the repository (the account) holding the record. */
  repo: string;
  collection: string;
  rkey: string;
}

/** `at://<repo>/<collection>/<rkey>`, as records are named; undefined for anything else. */
export function parseAtUri(value: string): RecordRef | undefined {
  const match = /^at:\/\/([^/]+)\/([^/]+)\/([^/?#]+)$/.exec(value.trim());
  if (!match) return undefined;
  const [, repo = '', collection = '', rkey = ''] = match;
  const account = parseActor(repo);
  if (!account || !NSID.test(collection) || !RKEY.test(rkey)) return undefined;
  return { repo: account, collection, rkey };
}

export const POST_COLLECTION = 'app.bsky.feed.post';

/**
 * A post as a tool argument: its AT URI, a bsky.app post link, or (as guMCP took it) the record key
 * alone, meaning one of the user's own posts.
 */
export function parsePostRef(value: string, ownDid: string): RecordRef | undefined {
  const trimmed = value.trim();
  const at = parseAtUri(trimmed);
  if (at) return at;
  const link = /^https:\/\/bsky\.app\/profile\/([^/?#]+)\/post\/([^/?#]+)/i.exec(trimmed);
  if (link?.[1] && link[2]) {
    const repo = parseActor(decodeURIComponent(link[1]));
    return repo && RKEY.test(link[2]) ? { repo, collection: POST_COLLECTION, rkey: link[2] } : undefined;
  }
  return RKEY.test(trimmed) && !trimmed.includes(':')
    ? { repo: ownDid, collection: POST_COLLECTION, rkey: trimmed }
    : undefined;
}

/** The bsky.app link of a post, for people. */
export function postUrl(uri: string, handle?: string): string | null {
  const ref = parseAtUri(uri);
  if (!ref || ref.collection !== POST_COLLECTION) return null;
  return `https://bsky.app/profile/${handle ?? ref.repo}/post/${ref.rkey}`;
}

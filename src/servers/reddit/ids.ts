import { z } from 'zod';

/**
 * Reddit names things by "fullname": a kind prefix and a base-36 id, `t3_abc123` for a post
 * (a "link"), `t1_def456` for a comment. guMCP's tools take ids with or without the prefix; these
 * helpers also take a reddit.com (or redd.it) URL, and always give the fullname Reddit's API wants.
 */

export type Kind = 't1' | 't3';

const KIND_NAME: Readonly<Record<Kind, string>> = { t1: 'comment', t3: 'post' };
const ID36 = /^[a-z0-9]{1,13}$/;
const FULLNAME = /^(t[13])_([a-z0-9]{1,13})$/;
const SUBREDDIT = /^[A-Za-z0-9][A-Za-z0-9_]{1,20}$/;

/** The post and comment ids in a reddit.com permalink (`/r/x/comments/<post>/<slug>/<comment>/`) or a redd.it link. */
function fromUrl(value: string): { t3?: string; t1?: string } | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  const host = url.hostname.toLowerCase();
  const parts = url.pathname.split('/').filter(Boolean);
  if (host === 'redd.it') return parts[0] ? { t3: parts[0].toLowerCase() } : undefined;
  if (host !== 'reddit.com' && !host.endsWith('.reddit.com')) return undefined;
  const at = parts.indexOf('comments');
  const post = parts[at + 1];
  if (at < 0 || !post) return undefined;
  const comment = parts[at + 3];
  return { t3: post.toLowerCase(), ...(comment ? { t1: comment.toLowerCase() } : {}) };
}

/**
 * The fullname a value names: `abc123`, `t3_abc123` or a URL. `kinds` are the kinds the argument may
 * name, the first being what a bare id means. Returns a message saying what is wrong otherwise.
 */
export function parseFullname(raw: string, kinds: readonly Kind[]): string | { error: string } {
  const value = raw.trim();
  const [bare = 't3'] = kinds;
  const named = kinds.map((k) => KIND_NAME[k]).join(' or ');
  const prefixed = FULLNAME.exec(value.toLowerCase());
  if (prefixed) {
    const kind = prefixed[1] as Kind;
    if (kinds.includes(kind)) return `${kind}_${prefixed[2]}`;
    return { error: `${value} names a ${KIND_NAME[kind]}, not a ${named}` };
  }
  if (ID36.test(value.toLowerCase())) return `${bare}_${value.toLowerCase()}`;
  const ids = fromUrl(value);
  if (ids) {
    // A comment's permalink names its post too: the comment is meant when a comment may be named.
    if (ids.t1 && kinds.includes('t1') && ID36.test(ids.t1)) return `t1_${ids.t1}`;
    if (ids.t3 && kinds.includes('t3') && ID36.test(ids.t3)) return `t3_${ids.t3}`;
  }
  const example = kinds
    .map((k) => (k === 't3' ? 'abc123, t3_abc123 or a post URL' : 't1_def456 or a comment URL'))
    .join('; ');
  return { error: `not a Reddit ${named} id (e.g. ${example})` };
}

/** A zod string that becomes a fullname of one of `kinds`, or fails naming the argument and why. */
export function fullnameArg(kinds: readonly Kind[], description: string) {
  return z
    .string()
    .min(1)
    .transform((value, ctx) => {
      const parsed = parseFullname(value, kinds);
      if (typeof parsed === 'string') return parsed;
      ctx.addIssue({ code: 'custom', message: parsed.error });
      return z.NEVER;
    })
    .describe(description);
}

/** The id without its kind prefix (`t3_abc123` → `abc123`), as paths such as /comments/{id} take it. */
export const id36 = (fullname: string): string => fullname.slice(3);

/**
 * A subreddit name as the API wants it: without `r/` or `/r/`, 3 to 21 letters, digits or
 * underscores (a few old ones have 2); `a+b` combines several.
 */
export const subredditArg = z
  .string()
  .min(1)
  .transform((value, ctx) => {
    const name = value
      .trim()
      .replace(/^\/?r\//i, '')
      .replace(/\/+$/, '');
    if (name.split('+').every((part) => SUBREDDIT.test(part))) return name;
    ctx.addIssue({
      code: 'custom',
      message: `"${value.slice(0, 60)}" is not a subreddit name (letters, digits and underscores, e.g. "python" or "r/python")`,
    });
    return z.NEVER;
  })
  .describe('Subreddit name, with or without "r/" (e.g. "python"); "a+b" reads several at once');

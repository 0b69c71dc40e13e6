import { z } from 'zod';
import { ToolError } from '../../core/errors.js';
import { isDid, isHandle } from './ids.js';

/**
 * Rich text of a post (lexicon app.bsky.richtext.facet): links, mentions and hashtags are marked by
 * facets whose ranges count BYTES of the UTF-8 text, not JavaScript's UTF-16 code units, so an emoji
 * or an accented letter before a link moves the link's range by more than its length in characters.
 */

const FACET = 'app.bsky.richtext.facet';

export type FacetFeature =
  | { $type: `${typeof FACET}#link`; uri: string }
  | { $type: `${typeof FACET}#mention`; did: string }
  | { $type: `${typeof FACET}#tag`; tag: string };

export interface Facet {
  index: { byteStart: number; byteEnd: number };
  features: FacetFeature[];
}

/** A post's limits (lexicon app.bsky.feed.post: text maxGraphemes 300, maxLength 3000 bytes). */
export const MAX_POST_GRAPHEMES = 300;
export const MAX_POST_BYTES = 3000;
const MAX_TAG_CHARS = 64;

/** The UTF-8 offset of a UTF-16 index into `text`. */
export function byteOffset(text: string, index: number): number {
  return Buffer.byteLength(text.slice(0, index), 'utf8');
}

// Built on first use: a startup snapshot cannot hold an Intl object.
let segmenter: Intl.Segmenter | undefined;

/** User-perceived characters (an emoji with its modifiers is one), as Bluesky counts a post's length. */
export function graphemeCount(text: string): number {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  let count = 0;
  for (const _ of segmenter.segment(text)) count++;
  return count;
}

/** A post's text checked against Bluesky's limits, naming the argument when it is too long. */
export function checkPostText(text: string): void {
  const graphemes = graphemeCount(text);
  if (graphemes > MAX_POST_GRAPHEMES) {
    throw new ToolError(
      `text: ${graphemes} characters; Bluesky takes at most ${MAX_POST_GRAPHEMES} in a post`,
    );
  }
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_POST_BYTES)
    throw new ToolError(`text: ${bytes} bytes of UTF-8; Bluesky takes at most ${MAX_POST_BYTES}`);
}

/** Something found in the text, by UTF-16 range, before its offsets become bytes. */
interface Found {
  start: number;
  end: number;
  feature: FacetFeature | { mention: string };
}

// A link, mention or tag starts the text or follows a space (links and mentions also an opening parenthesis).
const LINK = /(?<=^|[\s(])https?:\/\/[^\s]+/giu;
const MENTION = /(?<=^|[\s(])@([a-zA-Z0-9][a-zA-Z0-9.-]*)/gu;
const TAG = /(?<=^|\s)[#＃]([^\s]+)/gu;
/** Characters that end a tag: soft hyphen, word joiner, zero-width spaces and joiners, keycap. */
const TAG_BREAK = /[\u00AD\u2060\u200A\u200B\u200C]|\u200D|\u20E2/u;

/** Trailing punctuation that ends a sentence rather than a URL; a `)` only when the URL opened none. */
function trimUrl(url: string): string {
  let out = url.replace(/[.,;:!?"'’]+$/u, '');
  while (out.endsWith(')') && !out.includes('(')) out = out.slice(0, -1).replace(/[.,;:!?"'’]+$/u, '');
  return out;
}

function findLinks(text: string): Found[] {
  const found: Found[] = [];
  for (const match of text.matchAll(LINK)) {
    const uri = trimUrl(match[0]);
    if (!URL.canParse(uri) || uri.length <= 'https://'.length) continue;
    found.push({
      start: match.index,
      end: match.index + uri.length,
      feature: { $type: `${FACET}#link`, uri },
    });
  }
  return found;
}

function findMentions(text: string): Found[] {
  const found: Found[] = [];
  for (const match of text.matchAll(MENTION)) {
    const handle = (match[1] ?? '').replace(/[.-]+$/, '');
    if (!isHandle(handle.toLowerCase())) continue;
    found.push({
      start: match.index,
      end: match.index + 1 + handle.length,
      feature: { mention: handle.toLowerCase() },
    });
  }
  return found;
}

function findTags(text: string): Found[] {
  const found: Found[] = [];
  for (const match of text.matchAll(TAG)) {
    const raw = match[1] ?? '';
    // A keycap (#️⃣) is no tag; a tag ends at an invisible separator and sheds trailing punctuation.
    if (raw.startsWith('\uFE0F')) continue;
    const tag = (raw.split(TAG_BREAK)[0] ?? '').replace(/\p{P}+$/u, '');
    if (!tag || !/[^\d\p{P}]/u.test(tag) || [...tag].length > MAX_TAG_CHARS) continue;
    found.push({
      start: match.index,
      end: match.index + 1 + tag.length,
      feature: { $type: `${FACET}#tag`, tag },
    });
  }
  return found;
}

/**
 * The facets of a post's text: http(s) links, @mentions of handles (resolved to DIDs by `resolve`;
 * one that resolves to nothing stays plain text) and #hashtags, in order, none overlapping another.
 */
export async function detectFacets(
  text: string,
  resolve: (handle: string) => Promise<string | undefined>,
): Promise<Facet[]> {
  const found = [...findLinks(text), ...findMentions(text), ...findTags(text)].sort(
    (a, b) => a.start - b.start,
  );
  const kept: Found[] = [];
  for (const f of found) if (!kept.some((k) => f.start < k.end && k.start < f.end)) kept.push(f);
  const handles = [...new Set(kept.flatMap((f) => ('mention' in f.feature ? [f.feature.mention] : [])))];
  const dids = new Map(await Promise.all(handles.map(async (h) => [h, await resolve(h)] as const)));
  const facets: Facet[] = [];
  for (const f of kept) {
    let feature: FacetFeature | undefined;
    if ('mention' in f.feature) {
      const did = dids.get(f.feature.mention);
      feature = did ? { $type: `${FACET}#mention`, did } : undefined;
    } else {
      feature = f.feature;
    }
    if (!feature) continue;
    facets.push({
      index: { byteStart: byteOffset(text, f.start), byteEnd: byteOffset(text, f.end) },
      features: [feature],
    });
  }
  return facets;
}

/** Facets as a caller gives them (guMCP passed them through): the lexicon's shape. */
export const facetInput = z.object({
  index: z.object({
    byteStart: z.number().int().min(0).describe('First byte of the range, counting the UTF-8 bytes of text'),
    byteEnd: z.number().int().min(0).describe('Byte after the range'),
  }),
  features: z
    .array(
      z.looseObject({
        $type: z
          .enum([`${FACET}#link`, `${FACET}#mention`, `${FACET}#tag`])
          .describe('app.bsky.richtext.facet#link (uri), #mention (did) or #tag (tag)'),
        uri: z.string().optional(),
        did: z.string().optional(),
        tag: z.string().optional(),
      }),
    )
    .min(1),
});

/** Caller-given facets checked against the text: ranges inside its bytes, each feature with its value. */
export function checkFacets(text: string, facets: readonly z.output<typeof facetInput>[]): Facet[] {
  const bytes = Buffer.byteLength(text, 'utf8');
  return facets.map(({ index, features }, i) => {
    if (index.byteStart >= index.byteEnd || index.byteEnd > bytes) {
      throw new ToolError(
        `facets.${i}.index: the range ${index.byteStart}-${index.byteEnd} is not inside the ${bytes} UTF-8 bytes of text`,
      );
    }
    return {
      index: { byteStart: index.byteStart, byteEnd: index.byteEnd },
      features: features.map((f, j): FacetFeature => {
        const at = `facets.${i}.features.${j}`;
        if (f.$type === `${FACET}#link`) {
          if (!f.uri || !URL.canParse(f.uri)) throw new ToolError(`${at}.uri: a link needs a full URL`);
          return { $type: f.$type, uri: f.uri };
        }
        if (f.$type === `${FACET}#mention`) {
          if (!f.did || !isDid(f.did))
            throw new ToolError(`${at}.did: a mention needs the account's DID (did:plc:...)`);
          return { $type: f.$type, did: f.did };
        }
        const tag = f.tag?.replace(/^[#＃]/, '');
        if (!tag || tag.length > 640) throw new ToolError(`${at}.tag: a tag needs its text, without "#"`);
        return { $type: f.$type, tag };
      }),
    };
  });
}

/** A facet as tools report it: what kind, the text it covers, and what it points to. */
export function describeFacet(text: string, facet: Facet) {
  const [feature] = facet.features;
  const covered = Buffer.from(text, 'utf8')
    .subarray(facet.index.byteStart, facet.index.byteEnd)
    .toString('utf8');
  const kind = feature?.$type.split('#')[1] ?? 'unknown';
  const value = feature
    ? 'uri' in feature
      ? feature.uri
      : 'did' in feature
        ? feature.did
        : feature.tag
    : '';
  return {
    type: kind,
    text: covered,
    value,
    byte_start: facet.index.byteStart,
    byte_end: facet.index.byteEnd,
  };
}

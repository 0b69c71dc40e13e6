import { z } from 'zod';
import { adds, overwrites, reads, sets } from '../../core/annotations.js';
import { type AnyToolDef, type ToolDef, tool } from '../../core/definition.js';
import { ToolError } from '../../core/errors.js';
import { type ApiFactory, type BlueskyApi, collect, type ProfileViewDetailed } from './api.js';
import { checkFacets, checkPostText, detectFacets, facetInput } from './facets.js';
import { actorArg, didArg, POST_COLLECTION, parseAtUri, parsePostRef, postUrl } from './ids.js';
import type { StoredSession } from './session.js';
import {
  actorSchema,
  cursorOutput,
  facetOutput,
  feedItemSchema,
  postSchema,
  profileSchema,
  toActor,
  toFacets,
  toFeedItem,
  toPost,
  toProfile,
} from './shapes.js';

/** The most items one list or search call gathers (pages of 100 followed). */
export const MAX_ITEMS = 500;

const FOLLOW = 'app.bsky.graph.follow';
const BLOCK = 'app.bsky.graph.block';

// Arguments shared by the tools.
const limit = (fallback: number) =>
  z
    .number()
    .int()
    .min(1)
    .max(MAX_ITEMS)
    .default(fallback)
    .describe(`How many to return (default ${fallback}, at most ${MAX_ITEMS}; pages of 100 are followed)`);
const cursor = z.string().min(1).optional().describe('Where to continue: the `cursor` of a previous call');
const query = z
  .string()
  .refine((s) => s.trim().length > 0, 'must not be empty')
  .describe('What to search for (Lucene syntax works for posts, e.g. "from:alice.bsky.social rust")');
const handle = (verb: string) =>
  actorArg(`The account to ${verb}: handle (alice.bsky.social, @ optional), DID, or bsky.app profile link`);
const didUri = (verb: string) => didArg(`DID of the account to ${verb}; used instead of handle when given`);

interface BlueskyToolDef<I extends z.ZodObject, O extends z.ZodObject>
  extends Omit<ToolDef<I, O>, 'handler' | 'output'> {
  output: O;
  run(args: z.output<I>, bsky: BlueskyApi): Promise<z.input<O>>;
}

/** The account a relationship tool acts on, with the user's relation to it; never the user. */
async function target(
  bsky: BlueskyApi,
  actor: string,
  verb: string,
): Promise<{ profile: ProfileViewDetailed; me: StoredSession }> {
  const [profile, me] = await Promise.all([bsky.getProfile(actor), bsky.me()]);
  if (profile.did === me.did)
    throw new ToolError(`handle: ${actor} is your own account; you cannot ${verb} it`);
  return { profile, me };
}

/** A relationship record (follow, block) to remove: its AT URI must name a record of the user's repository. */
function ownRecord(uri: string, me: StoredSession, collection: string) {
  const ref = parseAtUri(uri);
  if (!ref || ref.collection !== collection || (ref.repo !== me.did && ref.repo !== me.handle))
    return undefined;
  return { ...ref, repo: me.did };
}

// What the relationship tools return: the account, the state after the call, and whether it was so before.
const account = { did: z.string(), handle: z.string() };
const record = z.string().nullable().describe('AT URI of the record that holds the relationship, if any');
const followOutput = z.object({ ...account, following: z.boolean(), already_following: z.boolean(), record });
const unfollowOutput = z.object({ ...account, following: z.boolean(), was_following: z.boolean(), record });
const muteOutput = z.object({ ...account, muted: z.boolean(), was_muted: z.boolean() });
const blockOutput = z.object({
  ...account,
  blocking: z.boolean(),
  already_blocking: z.boolean(),
  record,
  reason: z.string(),
});
const unblockOutput = z.object({ ...account, blocking: z.boolean(), was_blocking: z.boolean(), record });

export function blueskyTools(connect: ApiFactory): Record<string, AnyToolDef> {
  const blueskyTool = <I extends z.ZodObject, O extends z.ZodObject>({ run, ...def }: BlueskyToolDef<I, O>) =>
    tool<I, O>({
      ...def,
      // The cast restates ToolDef's conditional return type, which TypeScript cannot resolve for generic O.
      handler: (args, ctx) => run(args, connect(ctx)) as ReturnType<ToolDef<I, O>['handler']>,
    });

  /** The user's own list of something, paged: likes, follows, posts. */
  const ownList = <T, O>(
    fetch: (
      bsky: BlueskyApi,
      did: string,
      size: number,
      cursor: string | undefined,
    ) => Promise<{ items: T[]; cursor?: string }>,
    map: (item: T) => O,
  ) =>
    async function run(args: { limit: number; cursor?: string | undefined }, bsky: BlueskyApi) {
      const { did } = await bsky.me();
      const got = await collect(args.limit, args.cursor, (size, c) => fetch(bsky, did, size, c));
      return { count: got.items.length, items: got.items.map(map), cursor: got.cursor };
    };

  const posts = ownList((b, did, n, c) => b.authorFeed(did, n, c), toFeedItem);
  const likes = ownList((b, did, n, c) => b.actorLikes(did, n, c), toFeedItem);
  const follows = ownList((b, did, n, c) => b.follows(did, n, c), toActor);

  return {
    get_my_profile: blueskyTool({
      description:
        'Get the signed-in account’s profile: handle, DID, name, bio, counts of followers, follows and posts.',
      input: z.object({}),
      output: profileSchema,
      annotations: reads,
      async run(_args, bsky) {
        const { did } = await bsky.me();
        return toProfile(await bsky.getProfile(did));
      },
    }),

    search_posts: blueskyTool({
      description: 'Search posts on Bluesky (newest first), following pages up to `limit`.',
      input: z.object({ query, limit: limit(25), cursor }),
      output: z.object({
        count: z.number(),
        hits_total: z
          .number()
          .nullable()
          .describe('Bluesky’s count of matches, when it gives one (may be rounded)'),
        posts: z.array(postSchema),
        cursor: cursorOutput,
      }),
      annotations: reads,
      async run({ query: q, limit: n, cursor: c }, bsky) {
        let hits: number | undefined;
        const got = await collect(n, c, async (size, next) => {
          const page = await bsky.searchPosts(q.trim(), size, next);
          hits ??= page.hitsTotal;
          return page;
        });
        return {
          count: got.items.length,
          hits_total: hits ?? null,
          posts: got.items.map(toPost),
          cursor: got.cursor,
        };
      },
    }),

    search_profiles: blueskyTool({
      description: 'Search accounts by handle, name or bio, following pages up to `limit`.',
      input: z.object({ query, limit: limit(25), cursor }),
      output: z.object({ count: z.number(), profiles: z.array(actorSchema), cursor: cursorOutput }),
      annotations: reads,
      async run({ query: q, limit: n, cursor: c }, bsky) {
        const got = await collect(n, c, (size, next) => bsky.searchActors(q.trim(), size, next));
        return { count: got.items.length, profiles: got.items.map(toActor), cursor: got.cursor };
      },
    }),

    get_liked_posts: blueskyTool({
      description: 'List the posts the signed-in account liked, newest like first.',
      input: z.object({ limit: limit(50), cursor }),
      output: z.object({ count: z.number(), posts: z.array(feedItemSchema), cursor: cursorOutput }),
      annotations: reads,
      async run(args, bsky) {
        const { count, items, cursor: next } = await likes(args, bsky);
        return { count, posts: items, cursor: next };
      },
    }),

    get_follows: blueskyTool({
      description: 'List the accounts the signed-in account follows.',
      input: z.object({ limit: limit(50), cursor }),
      output: z.object({ count: z.number(), follows: z.array(actorSchema), cursor: cursorOutput }),
      annotations: reads,
      async run(args, bsky) {
        const { count, items, cursor: next } = await follows(args, bsky);
        return { count, follows: items, cursor: next };
      },
    }),

    get_posts: blueskyTool({
      description:
        'List the signed-in account’s posts and reposts, newest first (`reposted_by` marks reposts).',
      input: z.object({ limit: limit(50), cursor }),
      output: z.object({ count: z.number(), posts: z.array(feedItemSchema), cursor: cursorOutput }),
      annotations: reads,
      async run(args, bsky) {
        const { count, items, cursor: next } = await posts(args, bsky);
        return { count, posts: items, cursor: next };
      },
    }),

    create_post: blueskyTool({
      description:
        'Publish a post (at most 300 characters). Links, @mentions and #hashtags in the text are marked ' +
        'as facets (mentions resolved to DIDs) unless `facets` is given, which is then sent as it is ' +
        '([] for none). Not retried after a failure that may have gone through.',
      input: z.object({
        text: z
          .string()
          .refine((s) => s.trim().length > 0, 'must not be empty')
          .describe('Text of the post; links, @handle mentions and #tags become rich text'),
        facets: z
          .array(facetInput)
          .optional()
          .describe(
            'Rich-text facets (app.bsky.richtext.facet) with byte ranges into the UTF-8 text; detected when absent',
          ),
        langs: z
          .array(
            z
              .string()
              .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$/, 'must be a language tag such as en or pt-BR'),
          )
          .max(3)
          .optional()
          .describe('Languages of the text (BCP 47, at most 3), e.g. ["en"]'),
      }),
      output: z.object({
        uri: z.string().describe('AT URI of the post (delete_post takes it)'),
        cid: z.string(),
        url: z.string().nullable().describe('The post on bsky.app'),
        text: z.string(),
        facets: z.array(facetOutput),
      }),
      annotations: adds,
      async run({ text, facets, langs }, bsky) {
        checkPostText(text);
        const me = await bsky.me();
        const marked = facets
          ? checkFacets(text, facets)
          : await detectFacets(text, (h) => bsky.resolveHandle(h));
        const record = {
          $type: POST_COLLECTION,
          text,
          createdAt: bsky.now().toISOString(),
          ...(marked.length ? { facets: marked } : {}),
          ...(langs?.length ? { langs } : {}),
        };
        const created = await bsky.createRecord(me.did, POST_COLLECTION, record, {
          what: 'Account',
          id: me.handle,
        });
        return {
          uri: created.uri,
          cid: created.cid,
          url: postUrl(created.uri, me.handle),
          text,
          facets: toFacets(text, marked),
        };
      },
    }),

    delete_post: blueskyTool({
      description: 'Delete one of your posts, named by its AT URI, its bsky.app link, or its record key.',
      input: z.object({
        post_uri: z
          .string()
          .min(1)
          .describe(
            'The post: at://<did>/app.bsky.feed.post/<rkey>, https://bsky.app/profile/<handle>/post/<rkey>, or <rkey>',
          ),
      }),
      output: z.object({ uri: z.string(), deleted: z.boolean() }),
      annotations: overwrites,
      async run({ post_uri }, bsky) {
        const me = await bsky.me();
        const ref = parsePostRef(post_uri, me.did);
        if (!ref || ref.collection !== POST_COLLECTION) {
          throw new ToolError(
            `post_uri: "${post_uri.slice(0, 100)}" is not a post's AT URI, bsky.app link or record key`,
          );
        }
        if (ref.repo !== me.did && ref.repo !== me.handle) {
          throw new ToolError(
            `post_uri: the post belongs to ${ref.repo}; you can delete only your own posts`,
          );
        }
        const own = { ...ref, repo: me.did };
        const uri = `at://${me.did}/${own.collection}/${own.rkey}`;
        // Bluesky's deleteRecord succeeds for a record that does not exist: read it first to say so.
        await bsky.getRecord(own, 'Post');
        await bsky.deleteRecord(own, { what: 'Post', id: uri });
        return { uri, deleted: true };
      },
    }),

    follow_user: blueskyTool({
      description:
        'Follow an account (by handle, or by did_uri when given). Following again changes nothing.',
      input: z.object({ did_uri: didUri('follow'), handle: handle('follow') }),
      output: followOutput,
      annotations: sets,
      async run({ did_uri, handle: h }, bsky) {
        const { profile, me } = await target(bsky, did_uri ?? h, 'follow');
        const existing = profile.viewer?.following;
        if (existing)
          return {
            did: profile.did,
            handle: profile.handle,
            following: true,
            already_following: true,
            record: existing,
          };
        const created = await bsky.createRecord(
          me.did,
          FOLLOW,
          { $type: FOLLOW, subject: profile.did, createdAt: bsky.now().toISOString() },
          { what: 'Account', id: profile.handle },
        );
        return {
          did: profile.did,
          handle: profile.handle,
          following: true,
          already_following: false,
          record: created.uri,
        };
      },
    }),

    unfollow_user: blueskyTool({
      description: 'Stop following an account. Nothing happens if you do not follow it.',
      input: z.object({ handle: handle('unfollow') }),
      output: unfollowOutput,
      annotations: overwrites,
      async run({ handle: h }, bsky) {
        const { profile, me } = await target(bsky, h, 'unfollow');
        const uri = profile.viewer?.following;
        const ref = uri ? ownRecord(uri, me, FOLLOW) : undefined;
        if (uri && !ref) throw new ToolError(`Bluesky named a follow record that is not yours: ${uri}`);
        if (ref) await bsky.deleteRecord(ref, { what: 'Follow', id: uri as string });
        return {
          did: profile.did,
          handle: profile.handle,
          following: false,
          was_following: Boolean(ref),
          record: uri ?? null,
        };
      },
    }),

    mute_user: blueskyTool({
      description: 'Mute an account: its posts leave your feeds and notifications (mutes are private).',
      input: z.object({ did_uri: didUri('mute'), handle: handle('mute') }),
      output: muteOutput,
      annotations: sets,
      async run({ did_uri, handle: h }, bsky) {
        const { profile } = await target(bsky, did_uri ?? h, 'mute');
        await bsky.muteActor(profile.did, true);
        return {
          did: profile.did,
          handle: profile.handle,
          muted: true,
          was_muted: Boolean(profile.viewer?.muted),
        };
      },
    }),

    unmute_user: blueskyTool({
      description: 'Unmute an account.',
      input: z.object({ did_uri: didUri('unmute'), handle: handle('unmute') }),
      output: muteOutput,
      annotations: sets,
      async run({ did_uri, handle: h }, bsky) {
        const { profile } = await target(bsky, did_uri ?? h, 'unmute');
        await bsky.muteActor(profile.did, false);
        return {
          did: profile.did,
          handle: profile.handle,
          muted: false,
          was_muted: Boolean(profile.viewer?.muted),
        };
      },
    }),

    block_user: blueskyTool({
      description:
        'Block an account (blocks are public on Bluesky). `reason` is kept for guMCP compatibility: a Bluesky ' +
        'block record has no reason, so it is returned but not sent.',
      input: z.object({
        did_uri: didUri('block'),
        reason: z
          .enum(['spam', 'harassment', 'other'])
          .describe('Why (not sent: Bluesky blocks carry no reason)'),
        handle: handle('block'),
      }),
      output: blockOutput,
      annotations: sets,
      async run({ did_uri, reason, handle: h }, bsky) {
        const { profile, me } = await target(bsky, did_uri ?? h, 'block');
        const existing = profile.viewer?.blocking;
        const base = { did: profile.did, handle: profile.handle, blocking: true, reason };
        if (existing) return { ...base, already_blocking: true, record: existing };
        const created = await bsky.createRecord(
          me.did,
          BLOCK,
          { $type: BLOCK, subject: profile.did, createdAt: bsky.now().toISOString() },
          { what: 'Account', id: profile.handle },
        );
        return { ...base, already_blocking: false, record: created.uri };
      },
    }),

    unblock_user: blueskyTool({
      description: 'Unblock an account you blocked. Nothing happens if you do not block it.',
      input: z.object({ handle: handle('unblock') }),
      output: unblockOutput,
      annotations: overwrites,
      async run({ handle: h }, bsky) {
        const { profile, me } = await target(bsky, h, 'unblock');
        const uri = profile.viewer?.blocking;
        const ref = uri ? ownRecord(uri, me, BLOCK) : undefined;
        if (uri && !ref) throw new ToolError(`Bluesky named a block record that is not yours: ${uri}`);
        if (ref) await bsky.deleteRecord(ref, { what: 'Block', id: uri as string });
        return {
          did: profile.did,
          handle: profile.handle,
          blocking: false,
          was_blocking: Boolean(ref),
          record: uri ?? null,
        };
      },
    }),
  };
}

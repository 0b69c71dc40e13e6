import { JSON_MIME, jsonContents } from '../../core/contents.js';
import type { ResourceTemplateDef } from '../../core/definition.js';
import { ToolError } from '../../core/errors.js';
import type { ApiFactory, BlueskyApi } from './api.js';
import { parseActor } from './ids.js';
import { toActor, toFeedItem, toProfile } from './shapes.js';

/** Items a list resource gives, as guMCP's did; the tools page further. */
export const RESOURCE_ITEMS = 20;

interface Kind {
  kind: string;
  name: string;
  description: string;
  read(bsky: BlueskyApi, actor: string): Promise<unknown>;
}

/** guMCP's five resources of an account, by URI path. */
const KINDS: readonly Kind[] = [
  {
    kind: 'profile',
    name: 'My profile',
    description: 'The profile: name, bio, counts of followers, follows and posts',
    read: async (b, actor) => toProfile(await b.getProfile(actor)),
  },
  {
    kind: 'posts',
    name: 'My posts',
    description: `The latest ${RESOURCE_ITEMS} posts and reposts`,
    read: async (b, actor) => {
      const page = await b.authorFeed(actor, RESOURCE_ITEMS);
      return { posts: page.items.map(toFeedItem), cursor: page.cursor ?? null };
    },
  },
  {
    kind: 'likes',
    name: 'My likes',
    description: `The latest ${RESOURCE_ITEMS} posts liked (Bluesky shows likes to their owner only)`,
    read: async (b, actor) => {
      const page = await b.actorLikes(actor, RESOURCE_ITEMS);
      return { posts: page.items.map(toFeedItem), cursor: page.cursor ?? null };
    },
  },
  {
    kind: 'follows',
    name: 'My follows',
    description: `The latest ${RESOURCE_ITEMS} accounts followed`,
    read: async (b, actor) => {
      const page = await b.follows(actor, RESOURCE_ITEMS);
      return { follows: page.items.map(toActor), cursor: page.cursor ?? null };
    },
  },
  {
    kind: 'followers',
    name: 'My followers',
    description: `The latest ${RESOURCE_ITEMS} followers`,
    read: async (b, actor) => {
      const page = await b.followers(actor, RESOURCE_ITEMS);
      return { followers: page.items.map(toActor), cursor: page.cursor ?? null };
    },
  },
];

/**
 * guMCP's URIs: bluesky://{profile,posts,likes,follows,followers}/{handle}. Listing gives the
 * signed-in account's five; reading takes any account's handle or DID (likes: only one's own).
 */
export function blueskyResources(connect: ApiFactory): ResourceTemplateDef[] {
  return KINDS.map(
    (k): ResourceTemplateDef => ({
      uriTemplate: `bluesky://${k.kind}/{handle}`,
      name: k.kind,
      title: `Bluesky ${k.kind}`,
      description: k.description,
      mimeType: JSON_MIME,
      async list(ctx) {
        const { handle } = await connect(ctx).me();
        return {
          resources: [
            {
              uri: `bluesky://${k.kind}/${handle}`,
              name: k.name,
              description: k.description,
              mimeType: JSON_MIME,
            },
          ],
        };
      },
      async read(uri, vars, ctx) {
        const actor = parseActor(decodeURIComponent(vars.handle ?? ''));
        if (!actor) throw new ToolError(`Not a Bluesky handle or DID in the resource URI: ${uri}`);
        return jsonContents(uri, await k.read(connect(ctx), actor));
      },
    }),
  );
}

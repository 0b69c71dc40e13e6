import { z } from 'zod';
import { reads } from '../../core/annotations.js';
import type { ToolContext } from '../../core/context.js';
import { type AnyToolDef, type ToolDef, tool } from '../../core/definition.js';
import { type ApiFactory, DEFAULT_FIELDS, jsonApiQuery, type PatreonApi } from './api.js';
import { flatten, indexOf, resourceSchema } from './shapes.js';

/** The scope each group of tools needs (Patreon's API v2 scopes, as guMCP asked for them). */
export const SCOPES = {
  identity: 'identity',
  campaigns: 'campaigns',
  members: 'campaigns.members',
  posts: 'campaigns.posts',
} as const;

/** Patreon's largest page of members; 500 when the pledge history is included. */
const MEMBERS_PAGE = 1000;
const MEMBERS_PAGE_WITH_HISTORY = 500;
const POSTS_PAGE = 100;

const TYPES = Object.keys(DEFAULT_FIELDS);

/**
 * guMCP's `fields`: attributes by resource type, as a comma-separated string (guMCP's form) or a list.
 * Types Patreon does not have are refused here, naming them; attributes are Patreon's to check.
 */
const fields = z
  .record(z.string(), z.union([z.string(), z.array(z.string())]))
  .optional()
  .transform((value, ctx) => {
    if (!value) return undefined;
    const out: Record<string, string[]> = {};
    for (const [type, list] of Object.entries(value)) {
      if (!TYPES.includes(type)) {
        ctx.addIssue({ code: 'custom', message: `unknown resource type "${type}"; use ${TYPES.join(', ')}` });
        return z.NEVER;
      }
      const names = (Array.isArray(list) ? list : list.split(',')).map((s) => s.trim()).filter(Boolean);
      if (names.length === 0 || names.some((n) => !/^[a-z_]+$/.test(n))) {
        ctx.addIssue({
          code: 'custom',
          message: `fields of "${type}" must be attribute names, e.g. ${DEFAULT_FIELDS[type]?.slice(0, 2).join(',')}`,
        });
        return z.NEVER;
      }
      out[type] = names;
    }
    return out;
  })
  .describe(
    'Attributes to return, by resource type, e.g. {"campaign": "summary,patron_count", "tier": ["title"]}. ' +
      'Default: every documented attribute of each type returned',
  );

/** guMCP's `includes`: the relationships to include, among those the endpoint has. */
const includes = <T extends readonly [string, ...string[]]>(allowed: T) =>
  z
    .array(z.enum(allowed))
    .optional()
    .describe(`Related resources to include: ${allowed.join(', ')}`);

const patreonId = (what: string) =>
  z.string().trim().regex(/^\d+$/, `must be a Patreon ${what} id (digits)`).describe(`The ${what} id`);

const maxResults = (what: string, byDefault: number, max: number) =>
  z
    .number()
    .int()
    .min(1)
    .max(max)
    .default(byDefault)
    .describe(`Most ${what} to return (1-${max}, default ${byDefault}); pages are followed up to it`);

const cursor = z.string().trim().min(1).optional().describe('next_cursor of an earlier call, to go on');

const listShape = {
  count: z.number().int(),
  next_cursor: z.string().nullable().describe('Pass as cursor to go on'),
  total: z.number().int().nullable().describe('All of them, as Patreon counts'),
};

interface PatreonToolDef<I extends z.ZodObject, O extends z.ZodObject>
  extends Omit<ToolDef<I, O>, 'handler' | 'output' | 'scopes' | 'annotations'> {
  scope: string;
  output: O;
  run(args: z.output<I>, api: PatreonApi, ctx: ToolContext): Promise<z.input<O>>;
}

export function patreonTools(connect: ApiFactory): Record<string, AnyToolDef> {
  const patreonTool = <I extends z.ZodObject, O extends z.ZodObject>({
    run,
    scope,
    ...def
  }: PatreonToolDef<I, O>) =>
    tool<I, O>({
      ...def,
      scopes: [scope],
      annotations: reads,
      // The cast restates ToolDef's conditional return type, which TypeScript cannot resolve for generic O.
      handler: (args, ctx) => run(args, connect(ctx, scope), ctx) as ReturnType<ToolDef<I, O>['handler']>,
    });

  return {
    get_identity: patreonTool({
      description:
        'The signed-in Patreon user: name, email (with the identity[email] scope), profile; with includes ' +
        'their campaign and memberships.',
      scope: SCOPES.identity,
      input: z.object({ fields, includes: includes(['memberships', 'campaign'] as const) }),
      output: z.object({ user: resourceSchema }),
      async run(a, api) {
        const doc = await api.identity(jsonApiQuery('user', a.includes ?? [], a.fields));
        return { user: flatten(doc.data, indexOf(doc.included)) };
      },
    }),

    get_campaigns: patreonTool({
      description: 'The campaigns the signed-in user owns (a creator has one): summary, patrons, links.',
      scope: SCOPES.campaigns,
      input: z.object({ fields, includes: includes(['tiers', 'creator', 'benefits', 'goals'] as const) }),
      output: z.object({ ...listShape, campaigns: z.array(resourceSchema) }),
      async run(a, api) {
        const r = await api.collect(
          { what: 'Campaigns', id: 'of the signed-in user' },
          'campaigns',
          jsonApiQuery('campaign', a.includes ?? [], a.fields),
          100,
          undefined,
        );
        const index = indexOf(r.included);
        const campaigns = r.data.map((c) => flatten(c, index));
        return { count: campaigns.length, campaigns, next_cursor: r.next, total: r.total };
      },
    }),

    get_campaign: patreonTool({
      description: 'One campaign by id; with includes its tiers, creator, benefits and goals.',
      scope: SCOPES.campaigns,
      input: z.object({
        campaign_id: patreonId('campaign'),
        fields,
        includes: includes(['tiers', 'creator', 'benefits', 'goals'] as const),
      }),
      output: z.object({ campaign: resourceSchema }),
      async run(a, api) {
        const doc = await api.campaign(a.campaign_id, jsonApiQuery('campaign', a.includes ?? [], a.fields));
        return { campaign: flatten(doc.data, indexOf(doc.included)) };
      },
    }),

    get_campaign_members: patreonTool({
      description:
        "A campaign's members (patrons and free members): status, amounts, charge dates, and by default " +
        'the tiers they are entitled to. Emails need campaigns.members[email], addresses ' +
        'campaigns.members.address.',
      scope: SCOPES.members,
      input: z.object({
        campaign_id: patreonId('campaign'),
        fields,
        includes: includes([
          'address',
          'campaign',
          'currently_entitled_tiers',
          'user',
          'pledge_history',
        ] as const),
        max_results: maxResults('members', 100, 5000),
        cursor,
      }),
      output: z.object({ campaign_id: z.string(), ...listShape, members: z.array(resourceSchema) }),
      async run(a, api) {
        const include = a.includes ?? ['currently_entitled_tiers'];
        const page = include.includes('pledge_history') ? MEMBERS_PAGE_WITH_HISTORY : MEMBERS_PAGE;
        const r = await api.collect(
          { what: 'Campaign', id: a.campaign_id },
          `campaigns/${a.campaign_id}/members`,
          jsonApiQuery('member', include, a.fields),
          a.max_results,
          page,
          a.cursor,
        );
        const index = indexOf(r.included);
        const members = r.data.map((m) => flatten(m, index));
        return {
          campaign_id: a.campaign_id,
          count: members.length,
          members,
          next_cursor: r.next,
          total: r.total,
        };
      },
    }),

    get_campaign_posts: patreonTool({
      description: "A campaign's posts: title, content, link, when published, whether public.",
      scope: SCOPES.posts,
      input: z.object({
        campaign_id: patreonId('campaign'),
        max_results: maxResults('posts', 20, 1000),
        cursor,
      }),
      output: z.object({ campaign_id: z.string(), ...listShape, posts: z.array(resourceSchema) }),
      async run(a, api) {
        const r = await api.collect(
          { what: 'Campaign', id: a.campaign_id },
          `campaigns/${a.campaign_id}/posts`,
          jsonApiQuery('post', []),
          a.max_results,
          POSTS_PAGE,
          a.cursor,
        );
        const posts = r.data.map((p) => flatten(p));
        return {
          campaign_id: a.campaign_id,
          count: posts.length,
          posts,
          next_cursor: r.next,
          total: r.total,
        };
      },
    }),

    get_post: patreonTool({
      description:
        'One post by id: title, content, link, embed, tiers it is locked to; with includes its author and campaign.',
      scope: SCOPES.posts,
      input: z.object({
        post_id: patreonId('post'),
        fields,
        includes: includes(['user', 'campaign'] as const),
      }),
      output: z.object({ post: resourceSchema }),
      async run(a, api) {
        const doc = await api.post(a.post_id, jsonApiQuery('post', a.includes ?? [], a.fields));
        return { post: flatten(doc.data, indexOf(doc.included)) };
      },
    }),
  };
}

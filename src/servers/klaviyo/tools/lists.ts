import { z } from 'zod';
import { adds, overwrites, reads, writes } from '../../../core/annotations.js';
import type { KlaviyoApi } from '../api.js';
import {
  cursor,
  filter,
  flat,
  includeFields,
  klaviyoId,
  LISTS_READ,
  LISTS_WRITE,
  limit,
  listQuery,
  nextCursor,
  PROFILES_READ,
  PROFILES_WRITE,
  page,
  resource,
  type ToolMaker,
  type ToolTable,
} from './common.js';

/**
 * Adding people to a list enrols them: the list's flows (a welcome series) may email them. Membership is a
 * set, but the call is treated like a send: destructive, and not repeated on its own.
 */
const enrols = writes(true, false);

/** Klaviyo's largest page of lists, and of a list's profiles. */
const LIST_PAGE = 10;
const MEMBER_PAGE = 100;
/** Klaviyo takes at most 1000 profiles per call to add or remove. */
const MAX_PROFILES = 1000;

const profileIds = (verb: string) =>
  z
    .array(klaviyoId('profile'))
    .min(1)
    .max(MAX_PROFILES)
    .describe(`Ids of the profiles to ${verb} (at most ${MAX_PROFILES})`);

const membershipOutput = z.object({
  list_id: z.string(),
  list_name: z.string().optional(),
  profile_ids: z.array(z.string()),
  message: z.string().describe('What was done, and to whom'),
});

/** The list a membership change is about, read first: a wrong id fails before anything is written. */
async function listName(klaviyo: KlaviyoApi, listId: string): Promise<string | undefined> {
  const name = (await klaviyo.list(listId, { 'fields[list]': 'name' })).data.attributes?.name;
  return typeof name === 'string' && name ? name : undefined;
}

const named = (id: string, name: string | undefined) => (name ? `"${name}" (${id})` : id);
const people = (ids: readonly string[]) =>
  `${ids.length} profile${ids.length === 1 ? '' : 's'} (${ids.slice(0, 20).join(', ')}${ids.length > 20 ? ', …' : ''})`;

export function listTools(klaviyoTool: ToolMaker): ToolTable {
  return {
    create_list: klaviyoTool({
      description: 'Create a Klaviyo list (Klaviyo allows about 150 new lists a day).',
      input: z.object({ name: z.string().trim().min(1).max(255).describe('The name of the list') }),
      output: z.object({ list: resource, message: z.string() }),
      annotations: adds,
      scopes: [LISTS_WRITE],
      async run({ name }, klaviyo) {
        const { data } = await klaviyo.createList(name);
        return { list: flat(data), message: `Created the Klaviyo list "${name}" (${data.id}).` };
      },
    }),

    add_profiles_to_list: klaviyoTool({
      description:
        'Add profiles to a Klaviyo list. Flows triggered by the list (e.g. a welcome series) may email them; the ' +
        'call is never repeated on its own and the result names the list and the profiles. This does not give ' +
        'marketing consent.',
      input: z.object({ list_id: klaviyoId('list'), profile_ids: profileIds('add') }),
      output: membershipOutput,
      annotations: enrols,
      scopes: [LISTS_WRITE, PROFILES_WRITE, LISTS_READ],
      async run({ list_id, profile_ids }, klaviyo) {
        const ids = [...new Set(profile_ids)];
        const name = await listName(klaviyo, list_id);
        await klaviyo.addToList(list_id, ids);
        return {
          list_id,
          ...(name ? { list_name: name } : {}),
          profile_ids: ids,
          message:
            `Added ${people(ids)} to the list ${named(list_id, name)}; ` +
            'flows triggered by this list may email them.',
        };
      },
    }),

    remove_profiles_from_list: klaviyoTool({
      description:
        'Remove profiles from a Klaviyo list (they stop getting its marketing; their consent is not changed).',
      input: z.object({ list_id: klaviyoId('list'), profile_ids: profileIds('remove') }),
      output: membershipOutput,
      annotations: overwrites,
      scopes: [LISTS_WRITE, PROFILES_WRITE, LISTS_READ],
      async run({ list_id, profile_ids }, klaviyo) {
        const ids = [...new Set(profile_ids)];
        const name = await listName(klaviyo, list_id);
        await klaviyo.removeFromList(list_id, ids);
        return {
          list_id,
          ...(name ? { list_name: name } : {}),
          profile_ids: ids,
          message: `Removed ${people(ids)} from the list ${named(list_id, name)}.`,
        };
      },
    }),

    get_list_profiles: klaviyoTool({
      description:
        'List the profiles in a Klaviyo list, optionally filtered (e.g. equals(email,"ada@example.com")).',
      input: z.object({
        list_id: klaviyoId('list'),
        filter: filter(
          `equals(email,'ada@example.com') or greater-than(joined_group_at,2025-01-01T00:00:00Z)`,
        ),
        include_fields: includeFields('profile'),
        limit: limit('profiles', MEMBER_PAGE),
        cursor,
      }),
      output: z.object({ list_id: z.string(), profiles: z.array(resource), next_cursor: nextCursor }),
      annotations: reads,
      scopes: [LISTS_READ, PROFILES_READ],
      async run({ list_id, ...args }, klaviyo) {
        const query = listQuery('profile', args, Math.min(args.limit, MEMBER_PAGE));
        return { list_id, ...page('profiles', await klaviyo.listProfiles(list_id, query, args.limit)) };
      },
    }),

    get_list: klaviyoTool({
      description: 'Get a Klaviyo list by id, with its number of profiles.',
      input: z.object({ list_id: klaviyoId('list'), include_fields: includeFields('list') }),
      output: z.object({ list: resource }),
      annotations: reads,
      scopes: [LISTS_READ],
      async run({ list_id, include_fields }, klaviyo) {
        const { data } = await klaviyo.list(list_id, {
          ...listQuery('list', { include_fields }),
          'additional-fields[list]': 'profile_count',
        });
        return { list: flat(data) };
      },
    }),

    get_lists: klaviyoTool({
      description:
        'List the Klaviyo lists of the account, optionally filtered (e.g. equals(name,"Newsletter")).',
      input: z.object({
        filter: filter(`equals(name,'Newsletter') or greater-than(created,2025-01-01T00:00:00Z)`),
        include_fields: includeFields('list'),
        limit: limit('lists', 100),
        cursor,
      }),
      output: z.object({ lists: z.array(resource), next_cursor: nextCursor }),
      annotations: reads,
      scopes: [LISTS_READ],
      async run(args, klaviyo) {
        return page('lists', await klaviyo.lists(listQuery('list', args, LIST_PAGE), args.limit));
      },
    }),
  };
}

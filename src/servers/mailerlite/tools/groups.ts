import { z } from 'zod';
import { adds, overwrites, reads, writes } from '../../../core/annotations.js';
import { paths } from '../api.js';
import { groupSchema, subscriberSchema, toGroup, toSubscriber } from '../shapes.js';
import {
  cursor,
  cursorOutput,
  filters,
  limit,
  name,
  page,
  pagedOutput,
  recordId,
  type ToolMaker,
  type ToolTable,
} from './common.js';
import { statusFilter } from './subscribers.js';

const GROUP_SORTS = ['name', 'total', 'open_rate', 'click_rate', 'created_at'] as const;
const sortOf = (values: readonly string[], fallback: string) =>
  z
    .enum([...values, ...values.map((v) => `-${v}`)] as [string, ...string[]])
    .default(fallback)
    .describe(`Sort by ${values.join(', ')}; a leading - sorts descending (default ${fallback})`);

const groupOutput = z.object({ group: groupSchema, message: z.string() });

const groupCall = (id: string, doing: string) => ({ subject: { what: 'Group', id }, doing });

export function groupTools(mailerliteTool: ToolMaker): ToolTable {
  return {
    list_groups: mailerliteTool({
      description:
        'List subscriber groups with their subscriber counts, optionally those whose name contains a text.',
      input: z.object({
        limit: limit(10),
        filter: z
          .object({
            name: z.string().trim().min(1).optional().describe('Only groups whose name contains this'),
          })
          .optional()
          .describe('Filter: name'),
        sort: sortOf(GROUP_SORTS, 'name'),
        page,
      }),
      output: z.object({ groups: z.array(groupSchema), ...pagedOutput }),
      annotations: reads,
      async run({ limit: max, filter, sort, page: from }, api) {
        const list = await api.numberedList(
          { subject: { what: 'Groups', id: 'of the account' }, doing: 'listing groups' },
          paths.groups,
          { ...filters({ name: filter?.name }), sort },
          max,
          from,
        );
        return { groups: list.items.map(toGroup), next_page: list.next_page, total: list.total };
      },
    }),

    create_group: mailerliteTool({
      description:
        'Create a subscriber group. Each call creates one; MailerLite refuses a name already taken.',
      input: z.object({ group_name: name('Name of the group') }),
      output: groupOutput,
      annotations: adds,
      async run({ group_name }, api) {
        const g = await api.record(
          {
            subject: { what: 'Group', id: group_name },
            doing: `creating group "${group_name}"`,
            fields: { name: 'group_name' },
            uncertain: 'it may exist already; check with list_groups before trying again',
          },
          paths.groups,
          { method: 'POST', body: { name: group_name } },
        );
        return { group: toGroup(g), message: `Created group "${g.name}" (${g.id}).` };
      },
    }),

    update_group: mailerliteTool({
      description: 'Rename a group.',
      input: z.object({ group_id: recordId('group'), group_name: name('New name of the group') }),
      output: groupOutput,
      annotations: overwrites,
      async run({ group_id, group_name }, api) {
        const g = await api.record(
          { ...groupCall(group_id, `renaming group ${group_id}`), fields: { name: 'group_name' } },
          paths.group(group_id),
          { method: 'PUT', body: { name: group_name } },
        );
        return { group: toGroup(g), message: `Renamed group ${g.id} to "${g.name}".` };
      },
    }),

    delete_group: mailerliteTool({
      description: 'Delete a group. Its subscribers stay in the account; they only leave the group.',
      input: z.object({ group_id: recordId('group') }),
      output: z.object({ deleted: z.boolean(), group_id: z.string(), message: z.string() }),
      annotations: overwrites,
      async run({ group_id }, api) {
        await api.none(
          {
            ...groupCall(group_id, `deleting group ${group_id}`),
            uncertain: 'it may be deleted already; check with list_groups before trying again',
          },
          paths.group(group_id),
          { method: 'DELETE', idempotent: false },
        );
        return {
          deleted: true,
          group_id,
          message: `Deleted group ${group_id}; its subscribers stay in the account.`,
        };
      },
    }),

    get_group_subscribers: mailerliteTool({
      description:
        'List the subscribers of a group (active ones unless filter.status says otherwise), following ' +
        'MailerLite’s cursor up to limit.',
      input: z.object({ group_id: recordId('group'), limit: limit(10), filter: statusFilter, cursor }),
      output: z.object({ group_id: z.string(), subscribers: z.array(subscriberSchema), ...cursorOutput }),
      annotations: reads,
      async run({ group_id, limit: max, filter, cursor: from }, api) {
        const list = await api.cursorList(
          groupCall(group_id, `listing the subscribers of group ${group_id}`),
          paths.groupSubscribers(group_id),
          filters({ status: filter?.status ?? 'active' }),
          max,
          from,
        );
        return { group_id, subscribers: list.items.map(toSubscriber), next_cursor: list.next_cursor };
      },
    }),

    assign_subscriber_to_group: mailerliteTool({
      description:
        'Add a subscriber to a group. Joining a group can start automations that email the subscriber, so this ' +
        'is sent once and not retried after a failure without an answer.',
      input: z.object({ subscriber_id: recordId('subscriber'), group_id: recordId('group') }),
      output: groupOutput.extend({ subscriber_id: z.string() }),
      annotations: writes(true, false),
      async run({ subscriber_id, group_id }, api) {
        const g = await api.record(
          {
            subject: { what: 'Subscriber or group', id: `${subscriber_id} / ${group_id}` },
            doing: `adding subscriber ${subscriber_id} to group ${group_id}`,
            uncertain: 'it may have been added; check with get_group_subscribers before trying again',
          },
          paths.membership(subscriber_id, group_id),
          { method: 'POST' },
        );
        return {
          subscriber_id,
          group: toGroup(g),
          message:
            `Added subscriber ${subscriber_id} to group "${g.name}" (${g.id}); automations that start when ` +
            'someone joins this group may email them.',
        };
      },
    }),

    unassign_subscriber_from_group: mailerliteTool({
      description: 'Remove a subscriber from a group; they stay in the account and in their other groups.',
      input: z.object({ subscriber_id: recordId('subscriber'), group_id: recordId('group') }),
      output: z.object({
        removed: z.boolean(),
        subscriber_id: z.string(),
        group_id: z.string(),
        message: z.string(),
      }),
      annotations: overwrites,
      async run({ subscriber_id, group_id }, api) {
        await api.none(
          {
            subject: { what: 'Subscriber or group', id: `${subscriber_id} / ${group_id}` },
            doing: `removing subscriber ${subscriber_id} from group ${group_id}`,
            uncertain: 'it may have been removed; check with get_group_subscribers before trying again',
          },
          paths.membership(subscriber_id, group_id),
          { method: 'DELETE', idempotent: false },
        );
        return {
          removed: true,
          subscriber_id,
          group_id,
          message: `Removed subscriber ${subscriber_id} from group ${group_id}.`,
        };
      },
    }),
  };
}

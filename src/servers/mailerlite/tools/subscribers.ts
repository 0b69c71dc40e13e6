import { z } from 'zod';
import { overwrites, reads, writes } from '../../../core/annotations.js';
import { ToolError } from '../../../core/errors.js';
import { paths } from '../api.js';
import { raw, subscriberSchema, toSubscriber } from '../shapes.js';
import {
  cursor,
  cursorOutput,
  filters,
  full,
  limit,
  recordId,
  SUBSCRIBER_STATUSES,
  type ToolMaker,
  type ToolTable,
} from './common.js';

const email = z.email('must be an email address').describe('Email address of the subscriber');

/** Field values by key (name, last_name, company, custom field keys); null clears one. */
export const fieldValues = z
  .record(z.string().trim().min(1), z.union([z.string(), z.number(), z.null()]))
  .describe(
    'Field values by key, e.g. {"name": "Ada", "last_name": "Lovelace", "company": "..."}; null clears one',
  );

export const statusFilter = z
  .object({
    status: z
      .enum(SUBSCRIBER_STATUSES)
      .optional()
      .describe('Only subscribers of this status (default active, as in guMCP)'),
  })
  .optional()
  .describe('Filter: status');

const listOutput = z.object({
  subscribers: z.array(subscriberSchema),
  ...cursorOutput,
});

const subscriberOutput = z.object({
  subscriber: subscriberSchema,
  message: z.string(),
  raw: z.record(z.string(), z.unknown()).optional().describe('The record as MailerLite gave it (full: true)'),
});

const keys = (fields: Record<string, unknown> | undefined) => Object.keys(fields ?? {});

export function subscriberTools(mailerliteTool: ToolMaker): ToolTable {
  return {
    list_all_subscribers: mailerliteTool({
      description:
        'List subscribers of the account (active ones unless filter.status says otherwise), newest first, ' +
        'following MailerLite’s cursor up to limit.',
      input: z.object({ limit: limit(10), filter: statusFilter, cursor }),
      output: listOutput,
      annotations: reads,
      async run({ limit: max, filter, cursor: from }, api) {
        const status = filter?.status ?? 'active';
        const list = await api.cursorList(
          { subject: { what: 'Subscribers', id: 'of the account' }, doing: 'listing subscribers' },
          paths.subscribers,
          filters({ status }),
          max,
          from,
        );
        return { subscribers: list.items.map(toSubscriber), next_cursor: list.next_cursor };
      },
    }),

    get_subscriber: mailerliteTool({
      description: 'Get a subscriber by email: status, field values, groups and engagement.',
      input: z.object({ email, full }),
      output: subscriberOutput,
      annotations: reads,
      async run({ email: address, full: all }, api) {
        const s = await api.record(
          { subject: { what: 'Subscriber', id: address }, doing: `reading subscriber ${address}` },
          paths.subscriber(address),
        );
        return {
          subscriber: toSubscriber(s),
          message: `Subscriber ${address} (${s.id}) is ${String(s.status ?? 'of unknown status')}.`,
          ...(all ? { raw: raw(s) } : {}),
        };
      },
    }),

    create_subscriber: mailerliteTool({
      description:
        'Add a subscriber with field values. MailerLite’s create is an upsert: if the email is already a ' +
        'subscriber, the fields given overwrite theirs (others are kept) and the answer says so. Joins no group, ' +
        'so no group-triggered automation starts.',
      input: z.object({ email, fields: fieldValues.optional() }),
      output: subscriberOutput.extend({
        created: z.boolean().describe('false when the subscriber existed and was updated'),
      }),
      annotations: writes(true, true),
      async run({ email: address, fields }, api) {
        const call = {
          subject: { what: 'Subscriber', id: address },
          doing: `adding subscriber ${address}`,
          fields: { email: 'email', fields: 'fields' },
        };
        // An upsert by email: repeating it changes nothing more, so it is safe to retry after a 5xx.
        const answer = await api.exchange(call, paths.subscribers, {
          method: 'POST',
          body: { email: address, ...(fields ? { fields } : {}) },
          idempotent: true,
        });
        const created = answer.status === 201;
        const set = keys(fields);
        return {
          created,
          subscriber: toSubscriber(answer.record),
          message: created
            ? `Added subscriber ${address} (${answer.record.id})${set.length ? ` with ${set.join(', ')}` : ''}.`
            : `${address} was already a subscriber (${answer.record.id}); ${
                set.length
                  ? `its ${set.join(', ')} ${set.length === 1 ? 'was' : 'were'} set to the values given`
                  : 'nothing was changed'
              }.`,
        };
      },
    }),

    update_subscriber: mailerliteTool({
      description:
        'Set field values of the subscriber with this email; fields not given keep their values. Fails when there ' +
        'is no such subscriber (use create_subscriber to add one).',
      input: z.object({ email, fields: fieldValues }),
      output: subscriberOutput,
      annotations: overwrites,
      async run({ email: address, fields }, api) {
        if (keys(fields).length === 0) throw new ToolError('fields: give at least one field to set');
        const subject = { what: 'Subscriber', id: address };
        const found = await api.record(
          { subject, doing: `reading subscriber ${address}` },
          paths.subscriber(address),
        );
        const s = await api.record(
          { subject, doing: `updating subscriber ${address}`, fields: { fields: 'fields' } },
          paths.subscriber(found.id),
          { method: 'PUT', body: { fields } },
        );
        return {
          subscriber: toSubscriber(s),
          message: `Updated ${keys(fields).join(', ')} of subscriber ${address} (${s.id}).`,
        };
      },
    }),

    delete_subscriber: mailerliteTool({
      description:
        'Delete a subscriber by id (get_subscriber gives it); they leave every group and get no more email.',
      input: z.object({ subscriber_id: recordId('subscriber') }),
      output: z.object({ deleted: z.boolean(), subscriber_id: z.string(), message: z.string() }),
      annotations: overwrites,
      async run({ subscriber_id }, api) {
        await api.none(
          {
            subject: { what: 'Subscriber', id: subscriber_id },
            doing: `deleting subscriber ${subscriber_id}`,
            uncertain: 'it may be deleted already; check with list_all_subscribers before trying again',
          },
          paths.subscriber(subscriber_id),
          { method: 'DELETE', idempotent: false },
        );
        return { deleted: true, subscriber_id, message: `Deleted subscriber ${subscriber_id}.` };
      },
    }),
  };
}

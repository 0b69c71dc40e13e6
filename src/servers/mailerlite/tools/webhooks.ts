import { z } from 'zod';
import { adds, overwrites, reads } from '../../../core/annotations.js';
import { paths } from '../api.js';
import { raw, toWebhook, webhookSchema } from '../shapes.js';
import { full, name, recordId, type ToolMaker, type ToolTable } from './common.js';

/** Webhooks read at most, in pages of MailerLite's size: accounts have few. */
export const MAX_WEBHOOKS = 500;

const events = z
  .array(
    z
      .string()
      .trim()
      .regex(/^[a-z_]+\.[a-z_]+$/, 'must be an event name such as subscriber.created'),
  )
  .min(1)
  .describe(
    'Events to receive, e.g. subscriber.created, subscriber.updated, subscriber.unsubscribed, campaign.sent',
  );

const url = z
  .url({ protocol: /^https?$/, error: 'must be a full http(s) URL' })
  .describe('URL the events are posted to');

const webhookOutput = z.object({ webhook: webhookSchema, message: z.string() });
const webhookCall = (id: string, doing: string) => ({ subject: { what: 'Webhook', id }, doing });

export function webhookTools(mailerliteTool: ToolMaker): ToolTable {
  return {
    list_webhooks: mailerliteTool({
      description:
        'List the webhooks of the account with their events, URL and state (signing secrets left out).',
      input: z.object({}),
      output: z.object({ webhooks: z.array(webhookSchema), total: z.number().int().nullable() }),
      annotations: reads,
      async run(_args, api) {
        const list = await api.numberedList(
          { subject: { what: 'Webhooks', id: 'of the account' }, doing: 'listing webhooks' },
          paths.webhooks,
          {},
          MAX_WEBHOOKS,
          1,
          false,
        );
        return { webhooks: list.items.map((w) => toWebhook(w)), total: list.total };
      },
    }),

    get_webhook: mailerliteTool({
      description: 'Get a webhook, with the secret that signs its payloads.',
      input: z.object({ webhook_id: recordId('webhook'), full }),
      output: webhookOutput.extend({
        raw: z
          .record(z.string(), z.unknown())
          .optional()
          .describe('The record as MailerLite gave it (full: true)'),
      }),
      annotations: reads,
      async run({ webhook_id, full: all }, api) {
        const w = await api.record(
          webhookCall(webhook_id, `reading webhook ${webhook_id}`),
          paths.webhook(webhook_id),
        );
        const hook = toWebhook(w, true);
        const state = hook.enabled === false ? ' (disabled)' : '';
        return {
          webhook: hook,
          message: `Webhook ${hook.id} posts ${hook.events.join(', ')} to ${hook.url}${state}.`,
          ...(all ? { raw: raw(w) } : {}),
        };
      },
    }),

    create_webhook: mailerliteTool({
      description:
        'Create a webhook that posts the given events to a URL. The answer carries its signing secret. Each call ' +
        'creates one.',
      input: z.object({ events, url, name: name('Name of the webhook') }),
      output: webhookOutput,
      annotations: adds,
      async run({ events: kinds, url: target, name: hookName }, api) {
        const w = await api.record(
          {
            subject: { what: 'Webhook', id: hookName },
            doing: `creating webhook "${hookName}"`,
            uncertain: 'it may exist already; check with list_webhooks before trying again',
          },
          paths.webhooks,
          { method: 'POST', body: { name: hookName, events: kinds, url: target } },
        );
        return {
          webhook: toWebhook(w, true),
          message: `Created webhook "${hookName}" (${w.id}) posting ${kinds.join(', ')} to ${target}.`,
        };
      },
    }),

    update_webhook: mailerliteTool({
      description:
        'Change a webhook’s events, URL and name, and enable or disable it (enabled left out keeps its state).',
      input: z.object({
        webhook_id: recordId('webhook'),
        events,
        url,
        name: name('Name of the webhook'),
        enabled: z.boolean().optional().describe('Enable (true) or disable (false); left out, unchanged'),
      }),
      output: webhookOutput,
      annotations: overwrites,
      async run({ webhook_id, events: kinds, url: target, name: hookName, enabled }, api) {
        const w = await api.record(
          webhookCall(webhook_id, `updating webhook ${webhook_id}`),
          paths.webhook(webhook_id),
          {
            method: 'PUT',
            body: {
              name: hookName,
              events: kinds,
              url: target,
              ...(enabled !== undefined ? { enabled } : {}),
            },
          },
        );
        return {
          webhook: toWebhook(w),
          message: `Updated webhook ${w.id}: ${kinds.join(', ')} to ${target}${w.enabled === false ? ' (disabled)' : ''}.`,
        };
      },
    }),

    delete_webhook: mailerliteTool({
      description: 'Delete a webhook; its URL gets no more events.',
      input: z.object({ webhook_id: recordId('webhook') }),
      output: z.object({ deleted: z.boolean(), webhook_id: z.string(), message: z.string() }),
      annotations: overwrites,
      async run({ webhook_id }, api) {
        await api.none(
          {
            ...webhookCall(webhook_id, `deleting webhook ${webhook_id}`),
            uncertain: 'it may be deleted already; check with list_webhooks before trying again',
          },
          paths.webhook(webhook_id),
          { method: 'DELETE', idempotent: false },
        );
        return { deleted: true, webhook_id, message: `Deleted webhook ${webhook_id}.` };
      },
    }),
  };
}

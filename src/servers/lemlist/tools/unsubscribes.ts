import { z } from 'zod';
import { overwrites, reads, sets } from '../../../core/annotations.js';
import { ToolError } from '../../../core/errors.js';
import { UpstreamError } from '../../../upstream/client.js';
import { type LemlistObject, MAX_EXPORT_BYTES, PAGE_SIZE } from '../api.js';
import { listPage, message, unsubscribeSchema } from '../shapes.js';
import { emailOrDomain, offset, type ToolMaker, type ToolTable } from './common.js';

/** The most unsubscribes one call returns; pages of 100 are followed up to it. */
const MAX_UNSUBSCRIBES = 1000;

/** The team-wide unsubscribe list: lemlist contacts nothing on it. */
export function unsubscribeTools(lemlistTool: ToolMaker): ToolTable {
  return {
    get_all_unsubscribes: lemlistTool({
      description:
        "List the team's unsubscribe list: emails, @domains, LinkedIn URLs and phone numbers lemlist never " +
        'contacts, with why (source) and when. Pages of 100 are followed up to `limit`.',
      input: z.object({
        offset,
        limit: z
          .number()
          .int()
          .min(1)
          .max(MAX_UNSUBSCRIBES)
          .default(PAGE_SIZE)
          .describe(`How many to return (1-${MAX_UNSUBSCRIBES}, default ${PAGE_SIZE})`),
      }),
      output: z.object({
        unsubscribes: z.array(unsubscribeSchema),
        ...listPage,
        next_offset: z.number().optional(),
      }),
      annotations: reads,
      async run({ offset: start = 0, limit }, lemlist) {
        const found: LemlistObject[] = [];
        let at = start;
        for (;;) {
          const want = Math.min(PAGE_SIZE, limit - found.length);
          const batch = await lemlist.unsubscribesPage(at, want);
          found.push(...batch.slice(0, want));
          at += batch.length;
          const more = batch.length >= want;
          if (!more || found.length >= limit) {
            return {
              unsubscribes: found as z.input<typeof unsubscribeSchema>[],
              count: found.length,
              has_more: more,
              ...(more ? { next_offset: at } : {}),
            };
          }
        }
      },
    }),

    export_unsubscribes: lemlistTool({
      description: `Export the whole unsubscribe list as CSV (_id, value, source, createdAt), up to ${MAX_EXPORT_BYTES / 1024 / 1024} MB.`,
      input: z.object({}),
      output: z.object({
        export_data: z.string().describe('The CSV, header line first'),
        rows: z.number().describe('Lines after the header'),
      }),
      annotations: reads,
      async run(_args, lemlist) {
        const csv = await lemlist.exportUnsubscribes();
        const lines = csv.split(/\r?\n/).filter((l) => l.trim());
        return { export_data: csv, rows: Math.max(0, lines.length - 1) };
      },
    }),

    add_unsubscribe: lemlistTool({
      description:
        'Put an email address, or a whole @domain, on the team-wide unsubscribe list: lemlist will not contact it ' +
        'from any campaign. Adding it again changes nothing.',
      input: z.object({ email: emailOrDomain }),
      output: z.object({ value: z.string(), unsubscribe: unsubscribeSchema, message }),
      annotations: sets,
      async run({ email: value }, lemlist) {
        const record = await lemlist.addUnsubscribe(value);
        const what = value.startsWith('@') ? `anyone at ${value.slice(1)}` : value;
        return {
          value,
          unsubscribe: record as z.input<typeof unsubscribeSchema>,
          message: `Unsubscribed ${value} (${String(record._id ?? '')}): lemlist will not contact ${what} from any campaign.`,
        };
      },
    }),

    delete_unsubscribe: lemlistTool({
      description:
        'Take an email address or @domain off the unsubscribe list, so campaigns may contact it again. lemlist ' +
        'refuses for people who unsubscribed themselves or reported abuse.',
      input: z.object({ email: emailOrDomain }),
      output: z.object({ value: z.string(), resubscribed: z.boolean(), message }),
      annotations: overwrites,
      async run({ email: value }, lemlist) {
        try {
          await lemlist.deleteUnsubscribe(value);
        } catch (error) {
          if (!(error instanceof UpstreamError)) throw error;
          if (error.status === 400 && /not found/i.test(error.message)) {
            return {
              value,
              resubscribed: false,
              message: `${value} is not on the unsubscribe list (it may have been removed already); nothing changed.`,
            };
          }
          if (error.status === 409) {
            throw new ToolError(
              `lemlist keeps ${value} unsubscribed: it unsubscribed itself or reported abuse, so it cannot be re-subscribed`,
            );
          }
          throw error;
        }
        return {
          value,
          resubscribed: true,
          message: `Removed ${value} from the unsubscribe list: campaigns may contact it again.`,
        };
      },
    }),
  };
}

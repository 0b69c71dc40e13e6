import { z } from 'zod';
import { defineServer, tool } from '../../core/definition.js';
import { ToolError } from '../../core/errors.js';

/** A key-value notebook per user: the smallest useful server, and the one the benchmark drives. */
export default defineServer({
  id: 'simple-tools-server',
  name: 'Simple Tools Server',
  description: 'Store, retrieve and list small pieces of text, kept separately for each user.',
  auth: { kind: 'none' },
  tools: {
    'store-data': tool({
      description: 'Store a value under a key, replacing any value stored there.',
      input: z.object({
        key: z.string().min(1).describe('The key to store the value under'),
        value: z.string().describe('The value to store'),
      }),
      annotations: { idempotentHint: true, destructiveHint: true, readOnlyHint: false },
      async handler({ key, value }, ctx) {
        await ctx.store.set(key, value);
        return `Stored value for key "${key}"`;
      },
    }),
    'retrieve-data': tool({
      description: 'Retrieve the value stored under a key.',
      input: z.object({ key: z.string().min(1).describe('The key to look up') }),
      annotations: { readOnlyHint: true },
      async handler({ key }, ctx) {
        const value = await ctx.store.get<string>(key);
        if (value === undefined) throw new ToolError(`No value is stored for key "${key}"`);
        return value;
      },
    }),
    'list-data': tool({
      description: 'List every key and value stored for this user.',
      input: z.object({}),
      annotations: { readOnlyHint: true },
      async handler(_args, ctx) {
        const keys = await ctx.store.keys();
        if (keys.length === 0) return 'No data stored';
        const lines = await Promise.all(
          keys.map(async (key) => `${key}: ${await ctx.store.get<string>(key)}`),
        );
        return lines.join('\n');
      },
    }),
  },
});

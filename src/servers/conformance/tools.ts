import { setTimeout as sleep } from 'node:timers/promises';
import type { ElicitRequestFormParams } from '@modelcontextprotocol/server';
import { z } from 'zod';
import type { ToolContext } from '../../core/context.js';
import { tool } from '../../core/definition.js';
import { ToolError } from '../../core/errors.js';
import { RED_PIXEL_PNG, silentWav } from './media.js';

const noArgs = z.object({});
const readOnly = { readOnlyHint: true, openWorldHint: false } as const;
/** Tools that ask the client for something (sampling, elicitation) still change nothing. */
const asksClient = { readOnlyHint: true, openWorldHint: true } as const;

/** The suite expects a pause of about this long between a tool's notifications. */
const STEP_MS = 50;

/** Asks the user through the client and reports the answer in the one format the fixtures share. */
async function elicitAndReport(ctx: ToolContext, prefix: string, params: ElicitRequestFormParams) {
  const { action, content } = await ctx.elicit(params);
  return `${prefix}: action=${action}, content=${JSON.stringify(content ?? {})}`;
}

/** Referenced from the schema by `$ref`, so the listing carries it under `$defs.address`. */
const address = z
  .object({ street: z.string().optional(), city: z.string().optional() })
  .meta({ id: 'address' });

export const tools = {
  test_simple_text: tool({
    description: 'Returns a fixed text block.',
    input: noArgs,
    annotations: readOnly,
    handler: async () => 'This is a simple text response for testing.',
  }),

  test_image_content: tool({
    description: 'Returns a 1x1 red PNG as image content.',
    input: noArgs,
    annotations: readOnly,
    handler: async () => ({ content: [{ type: 'image', data: RED_PIXEL_PNG, mimeType: 'image/png' }] }),
  }),

  test_audio_content: tool({
    description: 'Returns a short silent WAV as audio content.',
    input: noArgs,
    annotations: readOnly,
    handler: async () => ({ content: [{ type: 'audio', data: silentWav(100), mimeType: 'audio/wav' }] }),
  }),

  test_embedded_resource: tool({
    description: 'Returns a text resource embedded in the result.',
    input: noArgs,
    annotations: readOnly,
    handler: async () => ({
      content: [
        {
          type: 'resource',
          resource: {
            uri: 'test://embedded-resource',
            mimeType: 'text/plain',
            text: 'This is an embedded resource content.',
          },
        },
      ],
    }),
  }),

  test_multiple_content_types: tool({
    description: 'Returns text, image and embedded resource content in one result.',
    input: noArgs,
    annotations: readOnly,
    handler: async () => ({
      content: [
        { type: 'text', text: 'Multiple content types test:' },
        { type: 'image', data: RED_PIXEL_PNG, mimeType: 'image/png' },
        {
          type: 'resource',
          resource: {
            uri: 'test://mixed-content-resource',
            mimeType: 'application/json',
            text: JSON.stringify({ test: 'data', value: 123 }),
          },
        },
      ],
    }),
  }),

  test_tool_with_logging: tool({
    description: 'Sends three info log messages while it runs.',
    input: noArgs,
    annotations: readOnly,
    async handler(_args, ctx) {
      await ctx.notify('info', 'Tool execution started');
      await sleep(STEP_MS, undefined, { signal: ctx.signal });
      await ctx.notify('info', 'Tool processing data');
      await sleep(STEP_MS, undefined, { signal: ctx.signal });
      await ctx.notify('info', 'Tool execution completed');
      return 'Tool with logging executed successfully';
    },
  }),

  test_error_handling: tool({
    description: 'Always fails, to show how a tool error reaches the client.',
    input: noArgs,
    annotations: readOnly,
    handler: async () => {
      throw new ToolError('This tool intentionally returns an error for testing');
    },
  }),

  test_tool_with_progress: tool({
    description: 'Reports progress 0, 50 and 100 of 100 when the caller sent a progress token.',
    input: noArgs,
    annotations: readOnly,
    async handler(_args, ctx) {
      for (const done of [0, 50, 100]) {
        if (done > 0) await sleep(STEP_MS, undefined, { signal: ctx.signal });
        await ctx.progress(done, 100, `Completed step ${done / 50 + 1} of 3`);
      }
      return 'Tool with progress executed successfully';
    },
  }),

  test_sampling: tool({
    description: "Sends the prompt to the client's model (sampling) and returns its reply.",
    input: z.object({ prompt: z.string().describe('The prompt to send to the model') }),
    annotations: asksClient,
    async handler({ prompt }, ctx) {
      const { content } = await ctx.sample({
        messages: [{ role: 'user', content: { type: 'text', text: prompt } }],
        maxTokens: 100,
      });
      return `LLM response: ${content.type === 'text' ? content.text : `[${content.type} content]`}`;
    },
  }),

  test_elicitation: tool({
    description: 'Asks the user for a username and an email address (elicitation).',
    input: z.object({ message: z.string().describe('The message to show the user') }),
    annotations: asksClient,
    handler: ({ message }, ctx) =>
      elicitAndReport(ctx, 'User response', {
        message,
        requestedSchema: {
          type: 'object',
          properties: {
            username: { type: 'string', description: "User's response" },
            email: { type: 'string', description: "User's email address" },
          },
          required: ['username', 'email'],
        },
      }),
  }),

  test_elicitation_sep1034_defaults: tool({
    description: 'Asks the user for fields of every primitive type, each with a default (SEP-1034).',
    input: noArgs,
    annotations: asksClient,
    handler: (_args, ctx) =>
      elicitAndReport(ctx, 'Elicitation completed', {
        message: 'Please review and update the form fields with defaults',
        requestedSchema: {
          type: 'object',
          properties: {
            name: { type: 'string', description: 'User name', default: 'John Doe' },
            age: { type: 'integer', description: 'User age', default: 30 },
            score: { type: 'number', description: 'User score', default: 95.5 },
            status: {
              type: 'string',
              description: 'User status',
              enum: ['active', 'inactive', 'pending'],
              default: 'active',
            },
            verified: { type: 'boolean', description: 'Verification status', default: true },
          },
          required: [],
        },
      }),
  }),

  test_elicitation_sep1330_enums: tool({
    description: 'Asks the user to choose from each of the five enum forms (SEP-1330).',
    input: noArgs,
    annotations: asksClient,
    handler: (_args, ctx) =>
      elicitAndReport(ctx, 'Elicitation completed', {
        message: 'Please select options from the enum fields',
        requestedSchema: {
          type: 'object',
          properties: {
            untitledSingle: { type: 'string', enum: ['option1', 'option2', 'option3'] },
            titledSingle: {
              type: 'string',
              oneOf: [
                { const: 'value1', title: 'First Option' },
                { const: 'value2', title: 'Second Option' },
                { const: 'value3', title: 'Third Option' },
              ],
            },
            legacyEnum: {
              type: 'string',
              enum: ['opt1', 'opt2', 'opt3'],
              enumNames: ['Option One', 'Option Two', 'Option Three'],
            },
            untitledMulti: {
              type: 'array',
              items: { type: 'string', enum: ['option1', 'option2', 'option3'] },
            },
            titledMulti: {
              type: 'array',
              items: {
                anyOf: [
                  { const: 'value1', title: 'First Choice' },
                  { const: 'value2', title: 'Second Choice' },
                  { const: 'value3', title: 'Third Choice' },
                ],
              },
            },
          },
          required: [],
        },
      }),
  }),

  json_schema_2020_12_tool: tool({
    description: 'Tool with JSON Schema 2020-12 features',
    input: z.strictObject({ name: z.string().optional(), address: address.optional() }),
    annotations: readOnly,
    handler: async (args) => `Received: ${JSON.stringify(args)}`,
  }),

  test_reconnection: tool({
    description:
      'Closes its response stream mid-call; the client gets the result after reconnecting (SEP-1699).',
    input: noArgs,
    annotations: readOnly,
    async handler(_args, ctx) {
      ctx.closeStream();
      // Answer only after the client has had time to notice the closed stream.
      await sleep(2 * STEP_MS, undefined, { signal: ctx.signal });
      return 'Reconnection test completed successfully';
    },
  }),
};

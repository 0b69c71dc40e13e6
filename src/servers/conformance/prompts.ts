import { z } from 'zod';
import { type PromptDef, prompt } from '../../core/definition.js';
import { RED_PIXEL_PNG } from './media.js';

/** Sample values offered for `arg1` of test_prompt_with_arguments, filtered by what was typed. */
const ARG1_SUGGESTIONS = ['paris', 'park', 'party', 'test', 'testValue1'];

export const prompts: Readonly<Record<string, PromptDef>> = {
  test_simple_prompt: prompt({
    description: 'A prompt without arguments.',
    get: () => ({
      messages: [{ role: 'user', content: { type: 'text', text: 'This is a simple prompt for testing.' } }],
    }),
  }),

  test_prompt_with_arguments: prompt({
    description: 'A prompt that quotes its two arguments.',
    args: z.object({
      arg1: z.string().describe('First test argument'),
      arg2: z.string().describe('Second test argument'),
    }),
    complete: { arg1: (value) => ARG1_SUGGESTIONS.filter((s) => s.startsWith(value)) },
    get: ({ arg1, arg2 }) => ({
      messages: [
        {
          role: 'user',
          content: { type: 'text', text: `Prompt with arguments: arg1='${arg1}', arg2='${arg2}'` },
        },
      ],
    }),
  }),

  test_prompt_with_embedded_resource: prompt({
    description: 'A prompt that embeds the resource it is given.',
    args: z.object({ resourceUri: z.string().describe('URI of the resource to embed') }),
    get: ({ resourceUri }) => ({
      messages: [
        {
          role: 'user',
          content: {
            type: 'resource',
            resource: {
              uri: resourceUri,
              mimeType: 'text/plain',
              text: 'Embedded resource content for testing.',
            },
          },
        },
        { role: 'user', content: { type: 'text', text: 'Please process the embedded resource above.' } },
      ],
    }),
  }),

  test_prompt_with_image: prompt({
    description: 'A prompt that carries an image.',
    get: () => ({
      messages: [
        { role: 'user', content: { type: 'image', data: RED_PIXEL_PNG, mimeType: 'image/png' } },
        { role: 'user', content: { type: 'text', text: 'Please analyze the image above.' } },
      ],
    }),
  }),
};

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { connect, text } from '../../testing/mcp.js';
import { defineServer, tool, withContent } from '../definition.js';

/** A tool with an output schema can return content blocks beside its structured data (a file it read). */

const files = defineServer({
  id: 'files',
  name: 'Files',
  description: 'Reads files',
  auth: { kind: 'none' },
  tools: {
    download: tool({
      description: 'Download a file',
      input: z.object({ name: z.string(), broken: z.boolean().default(false) }),
      output: z.object({ name: z.string(), size: z.number().int() }),
      async handler({ name, broken }) {
        const blob = Buffer.from('%PDF-1.7').toString('base64');
        const data = broken ? { name } : { name, size: 8 };
        return withContent(data as { name: string; size: number }, [
          { type: 'resource', resource: { uri: `files:///${name}`, mimeType: 'application/pdf', blob } },
        ]);
      },
    }),
  },
});

test('the structured data, its JSON as text, then the blocks the tool added', async () => {
  const client = await connect(files);
  const result = await client.callTool({ name: 'download', arguments: { name: 'a.pdf' } });

  assert.equal(result.isError, undefined);
  assert.deepEqual(result.structuredContent, { name: 'a.pdf', size: 8 });
  assert.deepEqual(JSON.parse(text(result)), { name: 'a.pdf', size: 8 });
  assert.deepEqual((result.content as unknown[])[1], {
    type: 'resource',
    resource: { uri: 'files:///a.pdf', mimeType: 'application/pdf', blob: 'JVBERi0xLjc=' },
  });
});

test('data outside the output schema is still refused, blocks or not', async () => {
  const client = await connect(files);
  const result = await client.callTool({ name: 'download', arguments: { name: 'a.pdf', broken: true } });

  assert.equal(result.isError, true);
  assert.equal(text(result), 'Tool download failed: internal error');
  assert.equal((result.content as unknown[]).length, 1);
});

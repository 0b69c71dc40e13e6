import assert from 'node:assert/strict';
import { test } from 'node:test';
import { query } from '../../../testing/fake-service.js';
import { API, block, calls, data, fakeNotion, id, notionClient, paragraph, richText } from './fake-notion.js';

const PAGE = id('page-doc');
const TOGGLE = id('block-toggle');

test('get_block_children answers each block with its Markdown and the whole as one document', async (t) => {
  const fake = await fakeNotion(t, {
    children: {
      [PAGE]: [
        block(
          'heading_2',
          { rich_text: [richText('Agenda')], is_toggleable: false, color: 'default' },
          { id: id('b-h') },
        ),
        block(
          'toggle',
          { rich_text: [richText('Details')], color: 'default' },
          { id: TOGGLE, has_children: true },
        ),
      ],
      [TOGGLE]: [paragraph(richText('hidden'))],
    },
  });
  const client = await notionClient(t);

  const out = data(await client.callTool({ name: 'get_block_children', arguments: { block_id: PAGE } }));

  assert.deepEqual(calls(fake), [`GET ${API}/blocks/${PAGE}/children`]);
  assert.deepEqual(out, {
    block_id: PAGE,
    markdown: '## Agenda\n\n- Details',
    blocks: [
      { id: id('b-h'), type: 'heading_2', has_children: false, text: '## Agenda' },
      { id: TOGGLE, type: 'toggle', has_children: true, text: '- Details' },
    ],
    count: 2,
    has_more: false,
  });
});

test('recursive reads nested blocks into the Markdown', async (t) => {
  const fake = await fakeNotion(t, {
    children: {
      [PAGE]: [
        block(
          'toggle',
          { rich_text: [richText('Details')], color: 'default' },
          { id: TOGGLE, has_children: true },
        ),
      ],
      [TOGGLE]: [paragraph(richText('hidden'))],
    },
  });
  const client = await notionClient(t);

  const out = data(
    await client.callTool({
      name: 'get_block_children',
      arguments: { block_id: PAGE, recursive: true, raw: true },
    }),
  );

  assert.deepEqual(calls(fake), [
    `GET ${API}/blocks/${PAGE}/children`,
    `GET ${API}/blocks/${TOGGLE}/children`,
  ]);
  assert.equal(out.markdown, '- Details\n  hidden');
  assert.equal(((out.raw as { children: unknown[] }[])[0]?.children ?? []).length, 1);
});

test('children are paged with start_cursor up to the limit', async (t) => {
  const many = Array.from({ length: 130 }, (_, i) => paragraph(richText(`p${i}`)));
  const fake = await fakeNotion(t, { children: { [PAGE]: many } });
  const client = await notionClient(t);

  const out = data(
    await client.callTool({ name: 'get_block_children', arguments: { block_id: PAGE, limit: 120 } }),
  );

  assert.deepEqual(fake.requests.map(query), [
    { page_size: '100' },
    { page_size: '20', start_cursor: 'cur-100' },
  ]);
  assert.equal(out.count, 120);
  assert.equal(out.has_more, true);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { API, calls, data, failure, fakeNotion, id, notionClient, TOKEN } from './fake-notion.js';

const PAGE = id('page-doc');
const children = { [PAGE]: [] };
const text = (content: string, annotations?: Record<string, boolean>, url?: string) => ({
  type: 'text',
  text: { content, ...(url ? { link: { url } } : {}) },
  ...(annotations ? { annotations } : {}),
});

test('append_blocks turns Markdown into Notion blocks in one PATCH', async (t) => {
  const fake = await fakeNotion(t, { children });
  const client = await notionClient(t);
  const markdown = [
    '## Findings',
    'We saw **two** issues, see [the log](https://example.com/log).',
    '',
    '- [ ] fix the _cache_',
    '  - check `ttl`',
    '1. deploy',
    '> careful',
    '---',
    '```py',
    'print("hi")',
    '```',
  ].join('\n');

  const out = data(
    await client.callTool({ name: 'append_blocks', arguments: { block_id: PAGE, children: markdown } }),
  );

  assert.deepEqual(calls(fake), [`PATCH ${API}/blocks/${PAGE}/children`]);
  assert.match(String(fake.requests[0]?.headers['content-type']), /^application\/json/);
  assert.deepEqual(fake.requests[0]?.body, {
    children: [
      { object: 'block', type: 'heading_2', heading_2: { rich_text: [text('Findings')] } },
      {
        object: 'block',
        type: 'paragraph',
        paragraph: {
          rich_text: [
            text('We saw '),
            text('two', { bold: true }),
            text(' issues, see '),
            text('the log', undefined, 'https://example.com/log'),
            text('.'),
          ],
        },
      },
      {
        object: 'block',
        type: 'to_do',
        to_do: {
          rich_text: [text('fix the '), text('cache', { italic: true })],
          checked: false,
          children: [
            {
              object: 'block',
              type: 'bulleted_list_item',
              bulleted_list_item: { rich_text: [text('check '), text('ttl', { code: true })] },
            },
          ],
        },
      },
      { object: 'block', type: 'numbered_list_item', numbered_list_item: { rich_text: [text('deploy')] } },
      { object: 'block', type: 'quote', quote: { rich_text: [text('careful')] } },
      { object: 'block', type: 'divider', divider: {} },
      { object: 'block', type: 'code', code: { rich_text: [text('print("hi")')], language: 'python' } },
    ],
  });
  assert.equal(out.block_id, PAGE);
  assert.equal(out.appended, 7);
  assert.deepEqual(
    (out.blocks as { type: string }[]).map((b) => b.type),
    ['heading_2', 'paragraph', 'to_do', 'numbered_list_item', 'quote', 'divider', 'code'],
  );
});

test('Notion block objects (guMCP’s children) are sent as given, with the type filled in', async (t) => {
  const fake = await fakeNotion(t, { children });
  const client = await notionClient(t);
  const blocks = [
    {
      object: 'block',
      type: 'heading_3',
      heading_3: { rich_text: [{ type: 'text', text: { content: 'Raw' } }] },
    },
    { paragraph: { rich_text: [{ text: { content: 'typeless' } }], color: 'blue' } },
  ];

  data(await client.callTool({ name: 'append_blocks', arguments: { block_id: PAGE, children: blocks } }));

  assert.deepEqual((fake.requests[0]?.body as { children: unknown }).children, [
    blocks[0],
    {
      object: 'block',
      type: 'paragraph',
      paragraph: { rich_text: [{ text: { content: 'typeless' } }], color: 'blue' },
    },
  ]);
});

test('text over 2,000 characters is split over rich text items, in Markdown and in block objects alike', async (t) => {
  const fake = await fakeNotion(t, { children });
  const client = await notionClient(t);
  const long = `${'a'.repeat(2500)}😀${'b'.repeat(1700)}`;

  data(
    await client.callTool({
      name: 'append_blocks',
      arguments: {
        block_id: PAGE,
        children: [
          long,
          { type: 'paragraph', paragraph: { rich_text: [{ type: 'text', text: { content: long } }] } },
        ],
      },
    }),
  );

  const sent = (
    fake.requests[0]?.body as { children: { paragraph: { rich_text: { text: { content: string } }[] } }[] }
  ).children;
  assert.equal(sent.length, 2);
  for (const paragraph of sent) {
    const pieces = paragraph.paragraph.rich_text.map((rt) => rt.text.content);
    assert.deepEqual(
      pieces.map((p) => p.length),
      [2000, 2000, 202],
    );
    assert.equal(pieces.join(''), long, 'nothing lost, the emoji kept whole');
  }
});

test('more than 100 blocks go in several PATCH requests, in order', async (t) => {
  const fake = await fakeNotion(t, { children });
  const client = await notionClient(t);
  const markdown = Array.from({ length: 250 }, (_, i) => `- line ${i}`).join('\n');

  const out = data(
    await client.callTool({ name: 'append_blocks', arguments: { block_id: PAGE, children: markdown } }),
  );

  const sizes = fake.requests.map((r) => (r.body as { children: unknown[] }).children.length);
  assert.deepEqual(sizes, [100, 100, 50]);
  assert.equal(out.appended, 250);
});

test('a failure after some requests says how many blocks went in; appending is never retried', async (t) => {
  const fake = await fakeNotion(t, { children });
  fake.once(
    `PATCH ${API}/blocks/${PAGE}/children`,
    {
      status: 200,
      body: {
        object: 'list',
        results: Array.from({ length: 100 }, (_, i) => ({
          object: 'block',
          id: id(`b${i}`),
          type: 'paragraph',
        })),
        next_cursor: null,
        has_more: false,
        type: 'block',
        block: {},
      },
    },
    {
      status: 503,
      body: { object: 'error', status: 503, code: 'service_unavailable', message: 'Notion is unavailable.' },
    },
  );
  const client = await notionClient(t);
  const markdown = Array.from({ length: 150 }, (_, i) => `line ${i}\n`).join('\n');

  const message = failure(
    await client.callTool({ name: 'append_blocks', arguments: { block_id: PAGE, children: markdown } }),
  );

  assert.equal(
    message,
    `Appended 100 of 150 blocks to ${PAGE}, then: Notion failed (HTTP 503); the request may have gone through, so check before trying again`,
  );
  assert.equal(fake.requests.length, 2);
  assert.ok(!message.includes(TOKEN));
});

test('list items nested deeper than Notion takes in one request stay at the second level', async (t) => {
  const fake = await fakeNotion(t, { children });
  const client = await notionClient(t);
  const markdown = ['- a', '  - b', '    - c', '      - d'].join('\n');

  data(await client.callTool({ name: 'append_blocks', arguments: { block_id: PAGE, children: markdown } }));

  const [a] = (
    fake.requests[0]?.body as {
      children: Record<string, { children?: Record<string, { children?: unknown[] }>[] }>[];
    }
  ).children;
  const b = a?.bulleted_list_item?.children?.[0];
  const level2 = (
    b?.bulleted_list_item as {
      children?: { bulleted_list_item: { rich_text: { text: { content: string } }[] } }[];
    }
  )?.children;
  assert.deepEqual(
    level2?.map((c) => c.bulleted_list_item.rich_text[0]?.text.content),
    ['c', 'd'],
  );
});

test('empty content is refused before any request', async (t) => {
  const fake = await fakeNotion(t, { children });
  const client = await notionClient(t);

  assert.match(
    failure(await client.callTool({ name: 'append_blocks', arguments: { block_id: PAGE, children: [] } })),
    /children/,
  );
  assert.equal(
    failure(
      await client.callTool({ name: 'append_blocks', arguments: { block_id: PAGE, children: '\n\n' } }),
    ),
    'children holds no content to append',
  );
  assert.equal(fake.requests.length, 0);
});

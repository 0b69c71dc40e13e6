import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  API,
  block,
  calls,
  data,
  fakeNotion,
  id,
  notionClient,
  page,
  paragraph,
  richText,
} from './fake-notion.js';

const PAGE = id('page-doc');
const TOGGLE = id('block-toggle');

const content = {
  [PAGE]: [
    block('heading_1', { rich_text: [richText('Plan')], is_toggleable: false, color: 'default' }),
    paragraph(
      richText('Ship '),
      richText('fast', { bold: true }),
      richText(' and '),
      richText('safely', { italic: true }),
      richText(', see '),
      richText('the spec', {}, 'https://example.com/spec'),
      richText('; run '),
      richText('npm test', { code: true }),
      richText(' and drop '),
      richText('hacks', { strikethrough: true }),
    ),
    block('bulleted_list_item', { rich_text: [richText('One')], color: 'default' }),
    block(
      'bulleted_list_item',
      { rich_text: [richText('Two')], color: 'default' },
      { id: TOGGLE, has_children: true },
    ),
    block('numbered_list_item', { rich_text: [richText('First')], color: 'default' }),
    block('numbered_list_item', { rich_text: [richText('Second')], color: 'default' }),
    block('to_do', { rich_text: [richText('Write tests')], checked: true, color: 'default' }),
    block('to_do', { rich_text: [richText('Release')], checked: false, color: 'default' }),
    block('code', {
      rich_text: [richText('const a = 1;\nconsole.log(a);')],
      caption: [],
      language: 'typescript',
    }),
    block('quote', { rich_text: [richText('Simple is good.')], color: 'default' }),
    block('divider', {}),
    block('child_page', { title: 'Appendix' }, { id: id('page-appendix') }),
  ],
  [TOGGLE]: [block('bulleted_list_item', { rich_text: [richText('Two point one')], color: 'default' })],
};

const EXPECTED_MARKDOWN = [
  '# Plan',
  '',
  'Ship **fast** and _safely_, see [the spec](https://example.com/spec); run `npm test` and drop ~~hacks~~',
  '',
  '- One',
  '- Two',
  '  - Two point one',
  '1. First',
  '2. Second',
  '- [x] Write tests',
  '- [ ] Release',
  '',
  '```typescript',
  'const a = 1;',
  'console.log(a);',
  '```',
  '',
  '> Simple is good.',
  '',
  '---',
  '',
  `[📄 Appendix](https://www.notion.so/${id('page-appendix').replace(/-/g, '')})`,
].join('\n');

test('get_page answers the page’s properties made plain and its content as Markdown, nested blocks included', async (t) => {
  const doc = page('page-doc', 'Launch plan', {
    Status: { id: 'Z%3ClH', type: 'status', status: { id: 's1', name: 'In progress', color: 'blue' } },
  });
  const fake = await fakeNotion(t, { pages: [doc], children: content });
  const client = await notionClient(t);

  const out = data(await client.callTool({ name: 'get_page', arguments: { page_id: doc.url } }));

  assert.deepEqual(calls(fake), [
    `GET ${API}/pages/${PAGE}`,
    `GET ${API}/blocks/${PAGE}/children`,
    `GET ${API}/blocks/${TOGGLE}/children`,
  ]);
  assert.equal(fake.requests[1]?.query.get('page_size'), '100');
  assert.equal(out.id, PAGE);
  assert.equal(out.title, 'Launch plan');
  assert.deepEqual(out.properties, { Name: 'Launch plan', Status: 'In progress' });
  assert.equal(out.content, EXPECTED_MARKDOWN);
  assert.equal(out.content_truncated, false);
  assert.equal(out.raw, undefined);
});

test('include_content: false reads only the page; raw adds Notion’s page object', async (t) => {
  const doc = page('page-doc', 'Launch plan');
  const fake = await fakeNotion(t, { pages: [doc], children: content });
  const client = await notionClient(t);

  const out = data(
    await client.callTool({
      name: 'get_page',
      arguments: { page_id: PAGE, include_content: false, raw: true },
    }),
  );

  assert.deepEqual(calls(fake), [`GET ${API}/pages/${PAGE}`]);
  assert.equal(out.content, undefined);
  assert.deepEqual(out.raw, JSON.parse(JSON.stringify(doc)));
});

test('an unknown page is named, with the sharing hint', async (t) => {
  await fakeNotion(t);
  const client = await notionClient(t);

  const result = await client.callTool({ name: 'get_page', arguments: { page_id: id('page-gone') } });

  assert.equal(result.isError, true);
  assert.match(
    String((result.content as { text: string }[])[0]?.text),
    new RegExp(`^Page not found: ${id('page-gone')} \\(or it is not shared with the integration`),
  );
});

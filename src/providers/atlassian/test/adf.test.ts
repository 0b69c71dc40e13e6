import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type AdfNode, adfToMarkdown, markdownToAdf } from '../adf.js';

const doc = (...content: AdfNode[]) => ({ type: 'doc', version: 1, content });
const p = (...content: AdfNode[]): AdfNode => ({ type: 'paragraph', content });
const t = (text: string, ...marks: string[]): AdfNode =>
  marks.length ? { type: 'text', text, marks: marks.map((type) => ({ type })) } : { type: 'text', text };

test('plain text becomes paragraphs, its line breaks kept as hard breaks', () => {
  assert.deepEqual(
    markdownToAdf('First line\nsecond line\n\nNew paragraph'),
    doc(p(t('First line'), { type: 'hardBreak' }, t('second line')), p(t('New paragraph'))),
  );
  assert.deepEqual(markdownToAdf(''), doc());
});

test('Markdown blocks become ADF nodes: headings, fences, quotes, rules, tables, nested lists', () => {
  const adf = markdownToAdf(
    [
      '## Plan',
      '```python',
      'print("hi")',
      '```',
      '> Quoted **well**',
      '***',
      '| Name | Value |',
      '| :--- | ---: |',
      '| a | `b` |',
      '3. three',
      '4. four',
      '   - nested',
    ].join('\n'),
  );
  assert.deepEqual(adf.content, [
    { type: 'heading', attrs: { level: 2 }, content: [t('Plan')] },
    { type: 'codeBlock', attrs: { language: 'python' }, content: [t('print("hi")')] },
    { type: 'blockquote', content: [p(t('Quoted '), t('well', 'strong'))] },
    { type: 'rule' },
    {
      type: 'table',
      content: [
        {
          type: 'tableRow',
          content: [
            { type: 'tableHeader', content: [p(t('Name'))] },
            { type: 'tableHeader', content: [p(t('Value'))] },
          ],
        },
        {
          type: 'tableRow',
          content: [
            { type: 'tableCell', content: [p(t('a'))] },
            { type: 'tableCell', content: [p(t('b', 'code'))] },
          ],
        },
      ],
    },
    {
      type: 'orderedList',
      attrs: { order: 3 },
      content: [
        { type: 'listItem', content: [p(t('three'))] },
        {
          type: 'listItem',
          content: [
            p(t('four')),
            { type: 'bulletList', content: [{ type: 'listItem', content: [p(t('nested'))] }] },
          ],
        },
      ],
    },
  ]);
});

test('inline Markdown: marks nest, code keeps only a link beside it, snake_case and escapes stay text', () => {
  assert.deepEqual(markdownToAdf('**bold _and em_** ~~gone~~ snake_case_name \\*not em\\*').content, [
    p(
      t('bold ', 'strong'),
      { type: 'text', text: 'and em', marks: [{ type: 'strong' }, { type: 'em' }] },
      t(' '),
      t('gone', 'strike'),
      t(' snake_case_name *not em*'),
    ),
  ]);
  assert.deepEqual(markdownToAdf('[**`x`**](https://e.x) <https://a.b/c> see https://e.x/y).').content, [
    p(
      {
        type: 'text',
        text: 'x',
        marks: [{ type: 'link', attrs: { href: 'https://e.x' } }, { type: 'code' }],
      },
      t(' '),
      { type: 'text', text: 'https://a.b/c', marks: [{ type: 'link', attrs: { href: 'https://a.b/c' } }] },
      t(' see '),
      { type: 'text', text: 'https://e.x/y', marks: [{ type: 'link', attrs: { href: 'https://e.x/y' } }] },
      t(').'),
    ),
  ]);
});

test('an ADF document given as JSON is sent as it is', () => {
  const adf = doc(p(t('already ADF')));
  assert.deepEqual(markdownToAdf(JSON.stringify(adf)), adf);
  assert.deepEqual(markdownToAdf('{not json}').content, [p(t('{not json}'))]);
});

test('ADF reads as Markdown: lists, tasks, panels, tables, mentions, emoji, cards, status, dates, media', () => {
  const adf = doc(
    { type: 'heading', attrs: { level: 3 }, content: [t('Title')] },
    {
      type: 'bulletList',
      content: [
        {
          type: 'listItem',
          content: [
            p(t('one')),
            { type: 'orderedList', content: [{ type: 'listItem', content: [p(t('sub'))] }] },
          ],
        },
      ],
    },
    {
      type: 'taskList',
      attrs: { localId: 'a' },
      content: [
        { type: 'taskItem', attrs: { localId: 'b', state: 'DONE' }, content: [t('shipped')] },
        { type: 'taskItem', attrs: { localId: 'c', state: 'TODO' }, content: [t('docs')] },
      ],
    },
    { type: 'panel', attrs: { panelType: 'warning' }, content: [p(t('Careful'))] },
    {
      type: 'table',
      content: [
        { type: 'tableRow', content: [{ type: 'tableHeader', content: [p(t('k'))] }] },
        { type: 'tableRow', content: [{ type: 'tableCell', content: [p(t('a|b'))] }] },
      ],
    },
    p(
      { type: 'mention', attrs: { id: 'acc-1', text: '@Ann' } },
      t(' '),
      { type: 'mention', attrs: { id: 'acc-2' } },
      t(' '),
      { type: 'emoji', attrs: { shortName: ':smile:', text: '😄' } },
      t(' '),
      { type: 'inlineCard', attrs: { url: 'https://acme.atlassian.net/browse/EX-1' } },
      t(' '),
      { type: 'status', attrs: { text: 'IN REVIEW', color: 'blue' } },
      t(' '),
      { type: 'date', attrs: { timestamp: '1714557600000' } },
      { type: 'hardBreak' },
      t('x', 'underline'),
    ),
    {
      type: 'mediaSingle',
      content: [{ type: 'media', attrs: { id: 'f-1', type: 'file', collection: '', alt: 'shot.png' } }],
    },
    { type: 'expand', attrs: { title: 'Details' }, content: [p(t('hidden'))] },
  );

  assert.equal(
    adfToMarkdown(adf),
    [
      '### Title',
      '',
      '- one',
      '  1. sub',
      '',
      '- [x] shipped',
      '- [ ] docs',
      '',
      '> **Warning:** Careful',
      '',
      '| k |',
      '| --- |',
      '| a\\|b |',
      '',
      '@Ann [~accountid:acc-2] 😄 <https://acme.atlassian.net/browse/EX-1> [IN REVIEW] 2024-05-01',
      'x',
      '',
      '[attachment: shot.png]',
      '',
      '**Details**',
      '',
      'hidden',
    ].join('\n'),
  );
});

test('anything that is not ADF reads as itself or as nothing', () => {
  assert.equal(adfToMarkdown('a v2 plain string'), 'a v2 plain string');
  assert.equal(adfToMarkdown(null), '');
  assert.equal(
    adfToMarkdown({ type: 'doc', version: 1, content: [{ type: 'unknownBlock', content: [t('kept')] }] }),
    'kept',
  );
});

test('Markdown written for Jira survives the trip to ADF and back', () => {
  const markdown = [
    '# Release',
    '',
    'Ask [~accountid:acc-1] about **the plan** and `npm test`, see [docs](https://d.example).',
    '',
    '- a',
    '- b',
    '  - c',
    '',
    '1. one',
    '2. two',
    '',
    '```sh',
    'echo ok',
    '```',
    '',
    '> note',
  ].join('\n');
  assert.equal(adfToMarkdown(markdownToAdf(markdown)), markdown);
});

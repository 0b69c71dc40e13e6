import assert from 'node:assert/strict';
import { test } from 'node:test';
import { docxToMarkdown, htmlToMarkdown, markdownToDocx, parseInline, parseMarkdown } from '../markdown.js';

const SAMPLE = [
  '# Plan',
  '',
  'Some **bold**, *italic* and ~~old~~ text with a [link](https://example.com) (code spans are written in Consolas, which reads back as plain text).',
  '',
  '## Steps',
  '',
  '- one',
  '- two',
  '  - nested',
  '',
  '1. first',
  '2. second',
  '',
  '| Region | Amount |',
  '| --- | --- |',
  '| North | 10 |',
  '',
  'End.',
].join('\n');

test('Markdown splits into headings, paragraphs, lists (with nesting and numbering), tables', () => {
  assert.deepEqual(
    parseMarkdown('# T\n\nline one\nline two\n\n- a\n  - b\n1. c\n\n| x | y |\n|---|---|\n| 1 | 2 |'),
    [
      { kind: 'heading', level: 1, text: 'T' },
      { kind: 'paragraph', text: 'line one line two' },
      { kind: 'bullet', level: 0, text: 'a', list: 1 },
      { kind: 'bullet', level: 1, text: 'b', list: 1 },
      { kind: 'numbered', level: 0, text: 'c', list: 1 },
      {
        kind: 'table',
        rows: [
          ['x', 'y'],
          ['1', '2'],
        ],
      },
    ],
  );
  assert.deepEqual(parseInline('a **b _c_** [d](https://x.y) `e`'), [
    { text: 'a ' },
    { text: 'b ', bold: true },
    { text: 'c', bold: true, italics: true },
    { text: ' ' },
    { text: 'd', link: 'https://x.y' },
    { text: ' ' },
    { text: 'e', code: true },
  ]);
});

test('mammoth’s HTML becomes Markdown, entities decoded and images marked', () => {
  assert.equal(
    htmlToMarkdown(
      '<h2>Notes &amp; plans</h2><p>See <a href="https://a.b/?x=1&amp;y=2">this</a><img src="" /></p><ol><li>x</li><li>y<ul><li>z</li></ul></li></ol>',
    ),
    '## Notes & plans\n\nSee [this](https://a.b/?x=1&y=2)[image]\n\n1. x\n2. y\n  - z',
  );
});

test('a document written from Markdown reads back as the same Markdown', async () => {
  const bytes = await markdownToDocx(SAMPLE);

  assert.equal(bytes.subarray(0, 2).toString(), 'PK', 'a zip package');
  assert.deepEqual(await docxToMarkdown(bytes), { markdown: SAMPLE, images: 0 });
});

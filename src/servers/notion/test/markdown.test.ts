import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chunks, codeLanguage, inline, markdownToBlocks, normalizeRawBlock } from '../blocks.js';
import { blocksToMarkdown, richTextToMarkdown } from '../markdown.js';
import type { BlockNode } from '../types.js';
import { block, richText } from './fake-notion.js';

test('annotations and links become Markdown around the text, keeping its outer spaces', () => {
  assert.equal(
    richTextToMarkdown([
      richText('a '),
      richText('bold ', { bold: true }),
      richText('both', { bold: true, italic: true }),
      richText(' link', {}, 'https://x.test'),
    ]),
    'a **bold** _**both**_ [link](https://x.test)',
  );
});

test('tables, images, callouts, equations and unknown blocks render readably', () => {
  const table = block('table', {
    table_width: 2,
    has_column_header: true,
    has_row_header: false,
  }) as BlockNode;
  table.children = [
    block('table_row', { cells: [[richText('Name')], [richText('Qty')]] }) as BlockNode,
    block('table_row', { cells: [[richText('a|b')], [richText('2')]] }) as BlockNode,
  ];
  const markdown = blocksToMarkdown([
    table,
    block('image', {
      type: 'external',
      external: { url: 'https://x.test/a.png' },
      caption: [richText('Chart')],
    }) as BlockNode,
    block('callout', {
      rich_text: [richText('Heads up')],
      icon: { type: 'emoji', emoji: '💡' },
      color: 'default',
    }) as BlockNode,
    block('equation', { expression: 'e=mc^2' }) as BlockNode,
    block('ai_block', {}) as BlockNode,
  ]);
  assert.equal(
    markdown,
    [
      '| Name | Qty |',
      '| --- | --- |',
      '| a\\|b | 2 |',
      '',
      '![Chart](https://x.test/a.png)',
      '',
      '> 💡 Heads up',
      '',
      '$$\ne=mc^2\n$$',
      '',
      '[ai_block block]',
    ].join('\n'),
  );
});

test('inline Markdown becomes rich text; snake_case and escapes stay text', () => {
  assert.deepEqual(inline('a *b* snake_case_name \\*c\\*'), [
    { type: 'text', text: { content: 'a ' } },
    { type: 'text', text: { content: 'b' }, annotations: { italic: true } },
    { type: 'text', text: { content: ' snake_case_name *c*' } },
  ]);
  assert.deepEqual(inline('**[bold link](https://x.test)**'), [
    {
      type: 'text',
      text: { content: 'bold link', link: { url: 'https://x.test' } },
      annotations: { bold: true },
    },
  ]);
});

test('a Markdown table becomes a table block with a header row', () => {
  assert.deepEqual(markdownToBlocks('| A | B |\n|---|---|\n| 1 | 2 |'), [
    {
      object: 'block',
      type: 'table',
      table: {
        table_width: 2,
        has_column_header: true,
        has_row_header: false,
        children: [
          {
            object: 'block',
            type: 'table_row',
            table_row: {
              cells: [[{ type: 'text', text: { content: 'A' } }], [{ type: 'text', text: { content: 'B' } }]],
            },
          },
          {
            object: 'block',
            type: 'table_row',
            table_row: {
              cells: [[{ type: 'text', text: { content: '1' } }], [{ type: 'text', text: { content: '2' } }]],
            },
          },
        ],
      },
    },
  ]);
});

test('plain text lines of a paragraph stay together; blank lines separate paragraphs', () => {
  const blocks = markdownToBlocks('line one\nline two\n\nnext');
  assert.deepEqual(
    blocks.map(
      (b) => (b.paragraph as { rich_text: { text: { content: string } }[] }).rich_text[0]?.text.content,
    ),
    ['line one\nline two', 'next'],
  );
});

test('a block longer than 100 rich text items continues in blocks of its type', () => {
  const blocks = markdownToBlocks('z'.repeat(2000 * 150));
  assert.deepEqual(
    blocks.map((b) => (b.paragraph as { rich_text: unknown[] }).rich_text.length),
    [100, 50],
  );
});

test('chunks never split a surrogate pair; code fences map to Notion languages', () => {
  const text = `${'a'.repeat(1999)}😀b`;
  assert.deepEqual(
    chunks(text).map((c) => c.length),
    [1999, 3],
  );
  assert.equal(codeLanguage('ts'), 'typescript');
  assert.equal(codeLanguage('C++'), 'c++');
  assert.equal(codeLanguage('brainfuck'), 'plain text');
});

test('a raw block without content is refused, naming what it needs', () => {
  assert.throws(
    () => normalizeRawBlock({ type: 'paragraph' }),
    /A block object needs a type and its content/,
  );
});

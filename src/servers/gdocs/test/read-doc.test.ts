import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connect, text } from '../../../testing/mcp.js';
import { only, query } from '../../gmail/test/google-fake.js';
import type { StructuralElement } from '../api.js';
import gdocs from '../index.js';
import { DOCS, fakeDocs, paragraphs } from './fake-docs.js';

const credentials = { access_token: 'ya29.read' };

const cell = (content: string, start: number) => ({
  startIndex: start,
  endIndex: start + content.length + 1,
  content: paragraphs(content, start + 1),
});

/** A body with a table of contents, a heading, a person chip, a rich link, a soft line break and a table. */
const structured: StructuralElement[] = [
  { startIndex: 1, endIndex: 9, tableOfContents: { content: paragraphs('Budget\n', 2) } },
  ...paragraphs('Budget\n', 9),
  {
    startIndex: 16,
    endIndex: 48,
    paragraph: {
      elements: [
        { startIndex: 16, endIndex: 22, textRun: { content: 'Owner ' } },
        {
          startIndex: 22,
          endIndex: 23,
          person: { personProperties: { name: 'Ada Lovelace', email: 'ada@example.com' } },
        },
        { startIndex: 23, endIndex: 29, textRun: { content: ', see ' } },
        {
          startIndex: 29,
          endIndex: 30,
          richLink: {
            richLinkProperties: { title: 'Sheet', uri: 'https://docs.google.com/spreadsheets/d/s1' },
          },
        },
        { startIndex: 30, endIndex: 48, textRun: { content: '\u000bsecond line\n' } },
      ],
    },
  },
  {
    startIndex: 48,
    endIndex: 80,
    table: {
      tableRows: [
        { startIndex: 49, endIndex: 60, tableCells: [cell('Item\n', 50), cell('Cost\n', 56)] },
        { startIndex: 60, endIndex: 79, tableCells: [cell('Rent\nand power\n', 61), cell('10\n', 77)] },
      ],
    },
  },
  ...paragraphs('\n', 80),
];

test('read_doc walks paragraphs, chips, links, tables and the table of contents into readable text', async (t) => {
  const fake = await fakeDocs(t, { docs: [{ id: 'doc1', title: 'Budget 2025', content: structured }] });
  const client = await connect(gdocs, { credentials });

  const result = await client.callTool({ name: 'read_doc', arguments: { doc_id: 'doc1' } });

  assert.equal(result.isError, undefined, text(result));
  const req = only(fake, 'GET', `${DOCS}/doc1`);
  assert.equal(req.headers.authorization, 'Bearer ya29.read');
  assert.deepEqual(query(req), { includeTabsContent: 'true' });
  const expected =
    'Budget\n' +
    'Budget\n' +
    'Owner Ada Lovelace, see Sheet (https://docs.google.com/spreadsheets/d/s1)\nsecond line\n' +
    'Item | Cost\n' +
    'Rent and power | 10\n' +
    '\n';
  assert.deepEqual(result.structuredContent, {
    doc_id: 'doc1',
    title: 'Budget 2025',
    text: expected,
    length: expected.length,
    truncated: false,
    uri: 'gdocs://document/doc1',
    url: 'https://docs.google.com/document/d/doc1/edit',
  });
  assert.deepEqual(JSON.parse(text(result)), result.structuredContent, 'the text is the same data');
});

test('read_doc gives every tab under its title when the document has several', async (t) => {
  await fakeDocs(t, {
    docs: [
      {
        id: 'tabs',
        title: 'Notes',
        text: 'First tab\n',
        moreTabs: [
          {
            tabProperties: { tabId: 't.1', title: 'Later' },
            documentTab: { body: { content: paragraphs('Second tab\n') } },
            childTabs: [
              {
                tabProperties: { tabId: 't.2', title: 'Nested' },
                documentTab: { body: { content: paragraphs('Third\n') } },
              },
            ],
          },
        ],
      },
    ],
  });
  const client = await connect(gdocs, { credentials });

  const result = await client.callTool({ name: 'read_doc', arguments: { doc_id: 'tabs' } });

  assert.equal(
    (result.structuredContent as { text: string }).text,
    '# Tab 1\n\nFirst tab\n\n# Later\n\nSecond tab\n\n# Nested\n\nThird\n',
  );
});

test('read_doc takes a docs.google.com link for doc_id and cuts text at max_chars', async (t) => {
  const fake = await fakeDocs(t, { docs: [{ id: '1AbC-d_9', title: 'Long', text: 'abcdefghij\n' }] });
  const client = await connect(gdocs, { credentials });

  const result = await client.callTool({
    name: 'read_doc',
    arguments: { doc_id: 'https://docs.google.com/document/u/1/d/1AbC-d_9/edit#heading=h.1', max_chars: 4 },
  });

  assert.equal(result.isError, undefined, text(result));
  const data = result.structuredContent as {
    doc_id: string;
    text: string;
    length: number;
    truncated: boolean;
  };
  assert.deepEqual([data.doc_id, data.text, data.length, data.truncated], ['1AbC-d_9', 'abcd', 11, true]);
  only(fake, 'GET', `${DOCS}/1AbC-d_9`);
});

test('read_doc names a doc_id that is not an id, and an unknown document', async (t) => {
  const fake = await fakeDocs(t);
  const client = await connect(gdocs, { credentials });

  const bad = await client.callTool({ name: 'read_doc', arguments: { doc_id: 'my notes/../x' } });
  const unknown = await client.callTool({ name: 'read_doc', arguments: { doc_id: 'nope' } });

  assert.equal(bad.isError, true);
  assert.equal(text(bad), 'doc_id: "my notes/../x" is not a Google Docs document id or link');
  assert.equal(text(unknown), 'Document not found: nope');
  assert.equal(fake.requests.length, 1, 'only the well-formed id reached Google');
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseNotionId } from '../ids.js';
import { simplifyValue } from '../properties.js';
import type { PropertyValue } from '../types.js';

const DASHED = '1429989f-e8ac-4eff-bc8f-57f56486db54';
const COMPACT = DASHED.replace(/-/g, '');

test('Notion ids are read from dashed and compact ids and from page, peek and database URLs', () => {
  assert.equal(parseNotionId(DASHED.toUpperCase()), DASHED);
  assert.equal(parseNotionId(` ${COMPACT} `), DASHED);
  assert.equal(parseNotionId(`https://www.notion.so/acme/Roadmap-${COMPACT}`), DASHED);
  assert.equal(parseNotionId(`https://www.notion.so/${COMPACT}?v=0123456789abcdef0123456789abcdef`), DASHED);
  assert.equal(
    parseNotionId(`https://www.notion.so/acme/Board-0123456789abcdef0123456789abcdef?p=${COMPACT}&pm=s`),
    DASHED,
  );
  assert.equal(parseNotionId(`https://acme.notion.site/Page-${COMPACT}`), DASHED);
});

test('anything else is no id: other hosts, short hex, paths', () => {
  assert.equal(parseNotionId(`https://evil.example/${COMPACT}`), undefined);
  assert.equal(parseNotionId('1429989f'), undefined);
  assert.equal(parseNotionId('../../users'), undefined);
});

test('property values are made plain by type', () => {
  const v = (type: string, value: unknown) =>
    simplifyValue({ id: 'x', type, [type]: value } as PropertyValue);
  assert.equal(
    v('date', { start: '2026-01-01', end: '2026-01-03', time_zone: null }),
    '2026-01-01 → 2026-01-03',
  );
  assert.equal(v('formula', { type: 'number', number: 42 }), 42);
  assert.deepEqual(
    v('rollup', { type: 'array', array: [{ type: 'number', number: 1 }], function: 'show_original' }),
    [1],
  );
  assert.equal(v('unique_id', { prefix: 'TASK', number: 7 }), 'TASK-7');
  assert.deepEqual(v('relation', [{ id: 'r1' }]), ['r1']);
  assert.deepEqual(v('files', [{ name: 'a.pdf', type: 'file', file: { url: 'https://s3/a.pdf' } }]), [
    'a.pdf',
  ]);
  assert.equal(v('select', null), null);
  assert.equal(v('url', 'https://x.test'), 'https://x.test');
});

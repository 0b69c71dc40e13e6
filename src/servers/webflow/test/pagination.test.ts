import assert from 'node:assert/strict';
import { test } from 'node:test';
import { query } from '../../../testing/fake-service.js';
import { COLLECTION_ID, item, paged, SITE_ID, submission } from './fake-webflow.js';
import { data, setup } from './harness.js';

const ITEMS = `/v2/collections/${COLLECTION_ID}/items`;
const items = (n: number) => Array.from({ length: n }, (_, i) => item(`item-${i}`));

test('a limit above 100 is read in pages of 100, from the offset given', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${ITEMS}`, paged('items', items(320)));
  const out = data(
    await call('list_collection_items_staging', { collection_id: COLLECTION_ID, limit: 150, offset: 10 }),
  );
  assert.deepEqual(fake.requests.map(query), [
    { offset: '10', limit: '100' },
    { offset: '110', limit: '50' },
  ]);
  for (const req of fake.requests)
    assert.equal(req.headers.authorization, 'Bearer wf-oauth-test-token-1f9e2a');
  const listed = out.items as { id: string }[];
  assert.equal(out.count, 150);
  assert.equal(listed[0]?.id, 'item-10');
  assert.equal(listed[149]?.id, 'item-159');
  assert.equal(out.total, 320);
  assert.equal(out.next_offset, 160);
});

test('reading stops at Webflow’s total, and next_offset is null at the end', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${ITEMS}`, paged('items', items(200)));
  const out = data(
    await call('list_collection_items_staging', { collection_id: COLLECTION_ID, limit: 1000 }),
  );
  // Two full pages reach the total of 200: no third request.
  assert.deepEqual(
    fake.requests.map((r) => r.query.get('offset')),
    ['0', '100'],
  );
  assert.equal(out.count, 200);
  assert.equal(out.next_offset, null);
});

test('a short page ends the list too', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET /v2/sites/${SITE_ID}/form_submissions`, (req) => {
    const offset = Number(req.query.get('offset'));
    const count = offset === 0 ? 100 : 7;
    const formSubmissions = Array.from({ length: count }, (_, i) => submission(`s${offset + i}`));
    // No total in the answer: only the page size tells the end.
    return { body: { formSubmissions, pagination: { limit: 100, offset } } };
  });
  const out = data(await call('list_form_submissions_by_site', { site_id: SITE_ID, limit: 500 }));
  assert.equal(fake.requests.length, 2);
  assert.equal(out.count, 107);
  assert.equal(out.total, null);
  assert.equal(out.next_offset, null);
});

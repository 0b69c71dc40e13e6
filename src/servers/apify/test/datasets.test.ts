import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DATASET_ID, dataset, items, list, noContent, product } from './fake-apify.js';
import { assertRequest, data, setup } from './harness.js';

const ITEMS = `GET /v2/datasets/${DATASET_ID}/items`;

test('list_datasets lists named datasets newest first; unnamed adds runs’ default datasets', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /v2/datasets', { body: list([dataset(), dataset('d2', 'leads')], 2, 0, 100, true) });

  const result = data(await call('list_datasets', { unnamed: true }));

  assertRequest(fake.requests[0], {
    method: 'GET',
    path: '/v2/datasets',
    query: { desc: 'true', unnamed: 'true', offset: '0', limit: '100' },
  });
  assert.equal(result.count, 2);
  assert.deepEqual((result.datasets as unknown[])[0], {
    id: DATASET_ID,
    name: 'products',
    title: null,
    itemCount: 3,
    cleanItemCount: 3,
    createdAt: '2025-07-08T11:27:57.401Z',
    modifiedAt: '2025-07-08T11:31:05.546Z',
    actId: 'zdc3Pyhyz3m8vjDeM',
    actRunId: 'HG7ML7M8z78YcAPEB',
  });
  assert.equal('dataset_items' in result, false);
});

test('list_datasets with dataset_id reads a page of items from offset, paged by Apify’s headers', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(ITEMS, items([product(21), product(22)], 23, 20, 2));

  const result = data(
    await call('list_datasets', { dataset_id: DATASET_ID, offset: 20, limit: 2, fields: ['url', 'price'] }),
  );

  assertRequest(fake.requests[0], {
    method: 'GET',
    path: `/v2/datasets/${DATASET_ID}/items`,
    query: { format: 'json', offset: '20', limit: '2', skipHidden: 'true', fields: 'url,price' },
  });
  assert.deepEqual(result, {
    count: 2,
    total: 23,
    next_offset: 22,
    dataset_items: {
      datasetId: DATASET_ID,
      total: 23,
      offset: 20,
      count: 2,
      items: [product(21), product(22)],
      nextOffset: 22,
      cutToBytes: false,
    },
  });
});

test('the last page of items says there is no more', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(ITEMS, items([product(23)], 23, 22, 20));
  const result = data(await call('list_datasets', { dataset_id: DATASET_ID, offset: 22 }));
  assert.equal(result.next_offset, null);
  assert.equal(fake.requests[0]?.query.get('limit'), '20', 'items default to 20 a page');
});

test('one item larger than max_bytes alone is returned with its long texts and lists shortened', async (t) => {
  const { fake, call } = await setup(t);
  const huge = {
    url: 'https://example.com',
    html: 'h'.repeat(50_000),
    links: Array.from({ length: 500 }, (_, i) => `/l/${i}`),
  };
  fake.route(ITEMS, items([huge, product(2)], 2, 0, 20));

  const result = data(await call('list_datasets', { dataset_id: DATASET_ID, max_bytes: 5000 }));

  const page = result.dataset_items as {
    items: { html: string; links: string[] }[];
    nextOffset: number;
    cutToBytes: boolean;
  };
  assert.equal(page.items.length, 1);
  assert.equal(page.items[0]?.html, `${'h'.repeat(1000)}…`);
  assert.equal(page.items[0]?.links.length, 50);
  assert.equal(page.nextOffset, 1);
  assert.equal(page.cutToBytes, true);
});

test('delete_dataset sends DELETE', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`DELETE /v2/datasets/${DATASET_ID}`, noContent);
  assert.deepEqual(data(await call('delete_dataset', { dataset_id: DATASET_ID })), {
    deleted: true,
    dataset_id: DATASET_ID,
  });
  assertRequest(fake.requests[0], { method: 'DELETE', path: `/v2/datasets/${DATASET_ID}` });
});

test('an id that could leave its path is refused before any request', async (t) => {
  const { fake, call } = await setup(t);
  for (const id of ['..', '../users/me', 'a/b/c', '']) {
    const result = await call('delete_dataset', { dataset_id: id });
    assert.equal(result.isError, true, id);
    assert.match(JSON.stringify(result.content), /dataset_id/);
  }
  assert.equal(fake.requests.length, 0);
});

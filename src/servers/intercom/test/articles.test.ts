import assert from 'node:assert/strict';
import { test } from 'node:test';
import { query } from '../../../testing/fake-service.js';
import { ADMIN, article, errorList, pagedList } from './fake-intercom.js';
import { assertHeaders, data, failure, onlyRequest, setup } from './harness.js';

test('list_articles pages through the articles without their bodies', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /articles', (req) =>
    req.query.get('page') === '1'
      ? { body: pagedList([article('39'), article('40')], 1, 2, 3) }
      : { body: pagedList([article('41')], 2, 2, 3) },
  );
  const result = data(await call('list_articles', { max_results: 100 }));
  assertHeaders(fake.requests);
  assert.deepEqual(
    fake.requests.map((r) => query(r)),
    [
      { page: '1', per_page: '50' },
      { page: '2', per_page: '50' },
    ],
  );
  assert.equal(result.count, 3);
  assert.equal(result.total_count, 3);
  assert.equal(result.complete, true);
  assert.deepEqual((result.articles as unknown[])[0], {
    id: '39',
    title: 'Article 39',
    description: 'How it works',
    state: 'published',
    url: 'http://help-center.test/acme/en/articles/39',
    author_id: ADMIN,
    collection_ids: [],
    created_at: '2024-12-18T15:54:43.000Z',
    updated_at: '2024-12-18T15:54:43.000Z',
  });
});

test('list_articles with collection_id keeps the articles in that collection, across pages', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /articles', (req) =>
    req.query.get('page') === '1'
      ? {
          body: pagedList(
            [article('39', { parent_ids: [145] }), article('40', { parent_ids: [7] })],
            1,
            2,
            3,
          ),
        }
      : { body: pagedList([article('41', { parent_ids: [7, 145] })], 2, 2, 3) },
  );
  const result = data(await call('list_articles', { collection_id: '145' }));
  assert.equal(fake.requests.length, 2);
  assert.deepEqual(
    (result.articles as { id: string }[]).map((a) => a.id),
    ['39', '41'],
  );
  assert.equal(result.collection_id, '145');
});

test('list_articles stops at max_results and says the list goes on', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /articles', { body: pagedList([article('39'), article('40')], 1, 5, 10) });
  const result = data(await call('list_articles', { max_results: 1 }));
  assert.equal(fake.requests.length, 1);
  assert.equal(result.count, 1);
  assert.equal(result.complete, false);
});

test('retrieve_article gives the article with its body; a missing one is named', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /articles/39', { body: article('39') });
  const result = data(await call('retrieve_article', { id: '39' }));
  onlyRequest(fake);
  assert.equal(result.body, '<p>Step one.</p>');
  fake.route('GET /articles/404', { status: 404, body: errorList('not_found', 'Resource Not Found') });
  assert.equal(failure(await call('retrieve_article', { id: '404' })), 'Article not found: 404');
  assert.match(failure(await call('retrieve_article', { id: '../admins' })), /id[\s\S]*digits/);
});

test('create_article creates a draft by default, in the collection given', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /articles', (req) => ({
    body: article('42', { ...(req.body as object), parent_ids: [145] }),
  }));
  const result = data(
    await call('create_article', {
      title: 'Returns',
      body: '<p>How to return</p>',
      author_id: ADMIN,
      collection_id: '145',
    }),
  );
  assert.deepEqual(onlyRequest(fake).body, {
    title: 'Returns',
    body: '<p>How to return</p>',
    author_id: Number(ADMIN),
    state: 'draft',
    parent_id: 145,
    parent_type: 'collection',
  });
  assert.equal(result.id, '42');
  assert.deepEqual(result.collection_ids, ['145']);
});

test('an argument Intercom refuses is named', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /articles', {
    status: 400,
    body: errorList('parameter_invalid', 'author_id must be a teammate on the help center', 'author_id'),
  });
  assert.equal(
    failure(await call('create_article', { title: 'T', body: 'B', author_id: '123' })),
    'Intercom rejected the argument author_id: author_id must be a teammate on the help center (parameter_invalid)',
  );
});

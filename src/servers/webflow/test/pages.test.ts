import assert from 'node:assert/strict';
import { test } from 'node:test';
import { query } from '../../../testing/fake-service.js';
import { domNodes, page, paged, SITE_ID } from './fake-webflow.js';
import { data, onlyRequest, setup } from './harness.js';

const PAGE_ID = '6596da6045e56dee495bcbad';
const LOCALE = '653fd9af6a07fc9cfd7a5e56';

const PAGE = {
  id: PAGE_ID,
  title: 'Towel Day Celebrations',
  slug: 'towel-day',
  publishedPath: '/towel-day',
  parentId: null,
  collectionId: null,
  draft: false,
  archived: false,
  localeId: '653fd9af6a07fc9cfd7a5e57',
  createdOn: '2024-05-25T09:00:00.000Z',
  lastUpdated: '2024-05-25T09:42:00.000Z',
  seo: { title: 'Celebrate Towel Day', description: 'A guide to celebrating Towel Day.' },
  openGraph: { title: "Towel Day - Don't Panic", description: 'Join the galaxy in celebrating Towel Day.' },
};

test('list_pages sends localeId, offset and limit and returns the pages', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET /v2/sites/${SITE_ID}/pages`, paged('pages', [page(PAGE_ID)]));
  const out = data(await call('list_pages', { site_id: SITE_ID, locale_id: LOCALE, limit: 20, offset: 0 }));
  assert.deepEqual(query(onlyRequest(fake)), { localeId: LOCALE, offset: '0', limit: '20' });
  assert.deepEqual(out, { count: 1, offset: 0, total: 1, next_offset: null, pages: [PAGE] });
});

test('get_page_metadata reads one page, in a locale when asked', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET /v2/pages/${PAGE_ID}`, { body: page(PAGE_ID) });
  assert.deepEqual(data(await call('get_page_metadata', { page_id: PAGE_ID, locale_id: LOCALE })), PAGE);
  assert.deepEqual(query(onlyRequest(fake)), { localeId: LOCALE });
});

test('get_page_content returns the page’s nodes as Webflow gives them', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET /v2/pages/${PAGE_ID}/dom`, (req) => {
    const answer = paged('nodes', domNodes())(req) as { body: Record<string, unknown> };
    return {
      body: { pageId: PAGE_ID, branchId: null, ...answer.body, lastUpdated: '2016-10-24T19:42:38.929Z' },
    };
  });
  const out = data(await call('get_page_content', { page_id: PAGE_ID }));
  assert.deepEqual(query(onlyRequest(fake)), { offset: '0', limit: '100' });
  assert.equal(out.page_id, PAGE_ID);
  assert.equal(out.total, 3);
  assert.deepEqual(out.nodes, domNodes());
});

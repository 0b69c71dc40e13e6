import assert from 'node:assert/strict';
import { test } from 'node:test';
import { query } from '../../../testing/fake-service.js';
import { slugify } from '../cms-tools.js';
import { COLLECTION_ID, item, paged } from './fake-webflow.js';
import { data, failure, onlyRequest, setup } from './harness.js';

const ITEMS = `/v2/collections/${COLLECTION_ID}/items`;
const LOCALE = '653ad57de882f528b32e810e';

const ITEM = {
  id: '62b720ef280c7a7a3be8cabe',
  cmsLocaleId: LOCALE,
  isDraft: false,
  isArchived: false,
  createdOn: '2023-03-17T18:47:35.560Z',
  lastUpdated: '2023-03-17T18:47:35.560Z',
  lastPublished: '2023-03-17T18:47:35.560Z',
  fieldData: {
    name: 'Pan Galactic Gargle Blaster',
    slug: 'pan-galactic-gargle-blaster',
    'importance-level': 5,
  },
};

test('list_collection_items_staging reads the staged items with Webflow’s filter and sort parameters', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${ITEMS}`, paged('items', [item(ITEM.id)]));
  const out = data(
    await call('list_collection_items_staging', {
      collection_id: COLLECTION_ID,
      cms_locale_id: LOCALE,
      offset: 0,
      limit: 25,
      name: 'Pan Galactic Gargle Blaster',
      slug: 'pan-galactic-gargle-blaster',
      last_published: { gte: '2023-01-01T00:00:00Z', lte: '2023-12-31T23:59:59Z' },
      sort_by: 'lastPublished',
      sort_order: 'desc',
    }),
  );
  const req = onlyRequest(fake);
  assert.equal(req.path, ITEMS, 'the staged list, not /items/live');
  assert.deepEqual(query(req), {
    cmsLocaleId: LOCALE,
    name: 'Pan Galactic Gargle Blaster',
    slug: 'pan-galactic-gargle-blaster',
    'lastPublished[gte]': '2023-01-01T00:00:00Z',
    'lastPublished[lte]': '2023-12-31T23:59:59Z',
    sortBy: 'lastPublished',
    sortOrder: 'desc',
    offset: '0',
    limit: '25',
  });
  assert.deepEqual(out, { count: 1, offset: 0, total: 1, next_offset: null, items: [ITEM] });
});

test('get_collection_item_staging reads one staged item in a locale', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${ITEMS}/${ITEM.id}`, { body: item(ITEM.id) });
  const out = data(
    await call('get_collection_item_staging', {
      collection_id: COLLECTION_ID,
      item_id: ITEM.id,
      cms_locale_id: LOCALE,
    }),
  );
  assert.deepEqual(query(onlyRequest(fake)), { cmsLocaleId: LOCALE });
  assert.deepEqual(out, ITEM);
});

test('update_collection_item_staging PATCHes only the given fields, in Webflow’s names', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`PATCH ${ITEMS}/${ITEM.id}`, (req) => {
    const body = req.body as { fieldData: Record<string, unknown>; isDraft: boolean };
    return {
      body: item(ITEM.id, { isDraft: body.isDraft, fieldData: { ...ITEM.fieldData, ...body.fieldData } }),
    };
  });
  const out = data(
    await call('update_collection_item_staging', {
      collection_id: COLLECTION_ID,
      item_id: ITEM.id,
      cms_locale_id: LOCALE,
      is_draft: true,
      field_data: { 'importance-level': 4 },
    }),
  );
  const req = onlyRequest(fake);
  assert.equal(req.method, 'PATCH');
  assert.deepEqual(req.body, { cmsLocaleId: LOCALE, isDraft: true, fieldData: { 'importance-level': 4 } });
  assert.equal(out.isDraft, true);
  assert.deepEqual(out.fieldData, { ...ITEM.fieldData, 'importance-level': 4 });
});

test('an update with nothing to change is refused before any request', async (t) => {
  const { fake, call } = await setup(t);
  assert.equal(
    failure(await call('update_collection_item_staging', { collection_id: COLLECTION_ID, item_id: ITEM.id })),
    'Give at least one of field_data, is_archived or is_draft to change.',
  );
  assert.equal(fake.requests.length, 0);
});

test('an item update is idempotent, so a 5xx is retried', async (t) => {
  const { fake, call } = await setup(t);
  fake.once(`PATCH ${ITEMS}/${ITEM.id}`, {
    status: 503,
    body: { code: 'service_unavailable', message: 'Busy' },
  });
  fake.route(`PATCH ${ITEMS}/${ITEM.id}`, { body: item(ITEM.id) });
  data(
    await call('update_collection_item_staging', {
      collection_id: COLLECTION_ID,
      item_id: ITEM.id,
      is_archived: false,
    }),
  );
  assert.equal(fake.requests.length, 2);
});

test('update_collection_items_staging PATCHes several items in one request', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`PATCH ${ITEMS}`, (req) => ({
    body: {
      items: (req.body as { items: { id: string }[] }).items.map((i) => item(i.id, { isArchived: true })),
    },
  }));
  const out = data(
    await call('update_collection_items_staging', {
      collection_id: COLLECTION_ID,
      items: [
        { id: 'a1', is_archived: true },
        { id: 'b2', cms_locale_id: LOCALE, field_data: { name: 'Towel' }, is_draft: false },
      ],
    }),
  );
  assert.deepEqual(onlyRequest(fake).body, {
    items: [
      { id: 'a1', isArchived: true },
      { id: 'b2', cmsLocaleId: LOCALE, isDraft: false, fieldData: { name: 'Towel' } },
    ],
  });
  assert.equal(out.count, 2);
  assert.deepEqual(
    (out.items as { id: string }[]).map((i) => i.id),
    ['a1', 'b2'],
  );
});

test('a single updated item, answered as the item itself, is listed too', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`PATCH ${ITEMS}`, { body: item('a1') });
  const out = data(
    await call('update_collection_items_staging', {
      collection_id: COLLECTION_ID,
      items: [{ id: 'a1', is_draft: true }],
    }),
  );
  assert.equal(out.count, 1);
});

test('create_collection_item_staging posts the fields, making a slug from the name when none is given', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`POST ${ITEMS}`, (req) => {
    const body = req.body as { fieldData: Record<string, unknown>; isDraft?: boolean };
    return {
      status: 202,
      body: item('new-item', {
        isDraft: body.isDraft ?? true,
        lastPublished: null,
        fieldData: body.fieldData,
      }),
    };
  });
  const out = data(
    await call('create_collection_item_staging', {
      collection_id: COLLECTION_ID,
      is_draft: false,
      field_data: { name: 'Déjà Vu, Part 2', 'importance-level': 3 },
    }),
  );
  const req = onlyRequest(fake);
  assert.equal(req.method, 'POST');
  assert.deepEqual(req.body, {
    isDraft: false,
    fieldData: { name: 'Déjà Vu, Part 2', 'importance-level': 3, slug: 'deja-vu-part-2' },
  });
  assert.equal(out.id, 'new-item');
  assert.equal(out.lastPublished, null);
});

test('create_collection_item_staging needs a name in field_data, and is not retried after a 5xx', async (t) => {
  const { fake, call } = await setup(t);
  assert.match(
    failure(
      await call('create_collection_item_staging', {
        collection_id: COLLECTION_ID,
        field_data: { slug: 'x' },
      }),
    ),
    /field_data: must hold a non-empty name/,
  );
  assert.equal(fake.requests.length, 0);
  fake.route(`POST ${ITEMS}`, { status: 502, body: { code: 'internal_error', message: 'Bad gateway' } });
  assert.match(
    failure(
      await call('create_collection_item_staging', {
        collection_id: COLLECTION_ID,
        field_data: { name: 'x' },
      }),
    ),
    /may have gone through/,
  );
  assert.equal(fake.requests.length, 1);
});

test('delete_collection_item_staging sends DELETE with the locale', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`DELETE ${ITEMS}/${ITEM.id}`, { status: 204 });
  const out = data(
    await call('delete_collection_item_staging', {
      collection_id: COLLECTION_ID,
      item_id: ITEM.id,
      cms_locale_id: LOCALE,
    }),
  );
  const req = onlyRequest(fake);
  assert.equal(req.method, 'DELETE');
  assert.deepEqual(query(req), { cmsLocaleId: LOCALE });
  assert.deepEqual(out, { deleted: true, collection_id: COLLECTION_ID, item_id: ITEM.id });
});

test('delete_collection_items_staging sends the items with their locales as cmsLocaleIds', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`DELETE ${ITEMS}`, { status: 204 });
  const out = data(
    await call('delete_collection_items_staging', {
      collection_id: COLLECTION_ID,
      items: [{ id: 'a1' }, { id: 'b2', cms_locale_id: LOCALE }],
    }),
  );
  const req = onlyRequest(fake);
  assert.equal(req.method, 'DELETE');
  assert.deepEqual(req.body, { items: [{ id: 'a1' }, { id: 'b2', cmsLocaleIds: [LOCALE] }] });
  assert.deepEqual(out, { deleted: 2, collection_id: COLLECTION_ID, item_ids: ['a1', 'b2'] });
});

test('slugify makes slugs Webflow accepts', () => {
  assert.equal(slugify('Déjà Vu, Part 2'), 'deja-vu-part-2');
  assert.equal(slugify('  --Hello   World!--  '), 'hello-world');
  assert.equal(slugify('日本'), 'item');
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { COLLECTION_ID, collection, SITE_ID } from './fake-webflow.js';
import { data, failure, onlyRequest, setup } from './harness.js';

const SUMMARY = {
  id: COLLECTION_ID,
  displayName: 'Guide Entries',
  singularName: 'Guide Entry',
  slug: 'guide-entries',
  createdOn: '2024-02-01T10:00:00.000Z',
  lastUpdated: '2024-02-02T10:00:00.000Z',
};

test('list_collections lists the collections of a site', async (t) => {
  const { fake, call } = await setup(t);
  const { fields: _fields, ...listed } = collection();
  fake.route(`GET /v2/sites/${SITE_ID}/collections`, { body: { collections: [listed] } });
  assert.deepEqual(data(await call('list_collections', { site_id: SITE_ID })), {
    site_id: SITE_ID,
    count: 1,
    collections: [SUMMARY],
  });
  assert.equal(onlyRequest(fake).method, 'GET');
});

test('get_collection gives the fields with their slugs and validations', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET /v2/collections/${COLLECTION_ID}`, { body: collection() });
  const out = data(await call('get_collection', { collection_id: COLLECTION_ID }));
  onlyRequest(fake);
  assert.deepEqual(out, {
    ...SUMMARY,
    fields: [
      {
        id: '5e2a1b3c4d5e6f7890a1b2c3',
        slug: 'name',
        displayName: 'Entry Title',
        type: 'PlainText',
        isRequired: true,
        isEditable: true,
        helpText: 'Name of the entry.',
        validations: null,
      },
      {
        id: '3f4e5d6c7b8a9e0d1c2b3a4f',
        slug: 'importance-level',
        displayName: 'Importance Level',
        type: 'Number',
        isRequired: false,
        isEditable: true,
        helpText: 'The importance level of the entry.',
        validations: { format: 'integer', allowNegative: false, allowZero: false, minValue: 1, maxValue: 5 },
      },
    ],
  });
});

test('create_collection posts the names, slug and fields in Webflow’s shape', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`POST /v2/sites/${SITE_ID}/collections`, (req) => {
    const body = req.body as { displayName: string; singularName: string; slug: string };
    return { body: collection('new-collection-id', { ...body, fields: [] }) };
  });
  const fields = [
    { type: 'PlainText', displayName: 'Summary', isRequired: false, helpText: 'One line' },
    { type: 'Option', displayName: 'Mood', metadata: { options: [{ name: 'Calm' }, { name: 'Panic' }] } },
  ];
  const out = data(
    await call('create_collection', {
      site_id: SITE_ID,
      displayName: 'Blog Posts',
      singularName: 'Blog Post',
      slug: 'posts',
      fields,
    }),
  );
  const req = onlyRequest(fake);
  assert.equal(req.method, 'POST');
  assert.deepEqual(req.body, { displayName: 'Blog Posts', singularName: 'Blog Post', slug: 'posts', fields });
  assert.equal(out.id, 'new-collection-id');
  assert.equal(out.displayName, 'Blog Posts');
});

test('create_collection refuses an Option field without options, and a Reference without its collection', async (t) => {
  const { fake, call } = await setup(t);
  const base = { site_id: SITE_ID, displayName: 'X', singularName: 'X' };
  assert.match(
    failure(await call('create_collection', { ...base, fields: [{ type: 'Option', displayName: 'Mood' }] })),
    /metadata\.options/,
  );
  assert.match(
    failure(
      await call('create_collection', { ...base, fields: [{ type: 'Reference', displayName: 'Author' }] }),
    ),
    /metadata\.collectionId/,
  );
  assert.equal(fake.requests.length, 0);
});

test('a collection created but answered with 5xx is not created twice', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`POST /v2/sites/${SITE_ID}/collections`, {
    status: 500,
    body: { code: 'internal_error', message: 'Internal Error', externalReference: null, details: [] },
  });
  const message = failure(
    await call('create_collection', {
      site_id: SITE_ID,
      displayName: 'Blog Posts',
      singularName: 'Blog Post',
    }),
  );
  assert.equal(
    message,
    'Webflow failed (HTTP 500); the request may have gone through, so check before trying again',
  );
  assert.equal(fake.requests.length, 1);
});

test('delete_collection sends DELETE', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`DELETE /v2/collections/${COLLECTION_ID}`, { status: 204 });
  assert.deepEqual(data(await call('delete_collection', { collection_id: COLLECTION_ID })), {
    deleted: true,
    collection_id: COLLECTION_ID,
  });
  assert.equal(onlyRequest(fake).method, 'DELETE');
});

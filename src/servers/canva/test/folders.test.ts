import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FOLDER, folder } from './fake-canva.js';
import { assertRequest, data, failure, setup } from './harness.js';

const PATH = `/rest/v1/folders/${FOLDER}`;

test('create_folder posts the name and parent', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /rest/v1/folders', { body: { folder: folder() } });
  const result = data(await call('create_folder', { name: 'Campaigns', parent_folder_id: 'root' }));
  assertRequest(fake.requests[0], {
    method: 'POST',
    path: '/rest/v1/folders',
    body: { name: 'Campaigns', parent_folder_id: 'root' },
  });
  assert.deepEqual(result, {
    id: FOLDER,
    name: 'Campaigns',
    thumbnail_url: `https://document-export.canva.com/${FOLDER}/thumbnail.png`,
    created_at: '2024-03-01T12:00:00.000Z',
    updated_at: '2024-03-01T12:00:10.000Z',
  });
});

test('get_folder and update_folder read and rename', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${PATH}`, { body: { folder: folder() } });
  fake.route(`PATCH ${PATH}`, { body: { folder: folder(FOLDER, 'Archive') } });
  assert.equal(data(await call('get_folder', { folder_id: FOLDER })).name, 'Campaigns');
  assert.equal(data(await call('update_folder', { folder_id: FOLDER, name: 'Archive' })).name, 'Archive');
  assertRequest(fake.requests[0], { method: 'GET', path: PATH });
  assertRequest(fake.requests[1], { method: 'PATCH', path: PATH, body: { name: 'Archive' } });
});

test('a rename is retried after a 5xx (renaming twice changes nothing more)', async (t) => {
  const { fake, call } = await setup(t);
  fake.once(`PATCH ${PATH}`, { status: 503, body: { code: 'internal_error', message: 'try again' } });
  fake.route(`PATCH ${PATH}`, { body: { folder: folder(FOLDER, 'Archive') } });
  data(await call('update_folder', { folder_id: FOLDER, name: 'Archive' }));
  assert.equal(fake.requests.length, 2);
});

test('delete_folder deletes (204) and is not retried after a 5xx', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`DELETE ${PATH}`, { status: 204 });
  assert.deepEqual(data(await call('delete_folder', { folder_id: FOLDER })), {
    deleted: true,
    folder_id: FOLDER,
  });
  assertRequest(fake.requests[0], { method: 'DELETE', path: PATH });

  fake.route(`DELETE ${PATH}`, { status: 500, body: { code: 'internal_error', message: 'oops' } });
  assert.equal(
    failure(await call('delete_folder', { folder_id: FOLDER })),
    'Canva failed (HTTP 500); the request may have gone through, so check before trying again',
  );
  assert.equal(fake.requests.length, 2);
});

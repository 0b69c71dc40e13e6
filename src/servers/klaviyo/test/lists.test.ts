import assert from 'node:assert/strict';
import { test } from 'node:test';
import { query } from '../../../testing/fake-service.js';
import { doc, errors, JSONAPI, LIST_ID, list, member, notFound, PROFILE_ID } from './fake-klaviyo.js';
import { answer, data, failure, only, route, setup } from './harness.js';

const flat = (r: { id: string; attributes: object }) => ({ id: r.id, ...r.attributes });
const MEMBERS = `lists/${LIST_ID}/relationships/profiles`;
const OTHER = '01GDDKASAP8TKDDA2GRZDSVP4J';

test('create_list posts the name and is not retried after a 500', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('POST', 'lists'), answer(doc(list(LIST_ID, 'VIP')), 201));
  assert.deepEqual(data(await call('create_list', { name: 'VIP' })), {
    list: flat(list(LIST_ID, 'VIP')),
    message: `Created the Klaviyo list "VIP" (${LIST_ID}).`,
  });
  assert.deepEqual(only(fake, 'POST', 'lists').body, { data: { type: 'list', attributes: { name: 'VIP' } } });

  fake.route(route('POST', 'lists'), {
    status: 500,
    headers: JSONAPI,
    body: errors(500, 'error', 'Error.', 'Error.'),
  });
  assert.equal(
    failure(await call('create_list', { name: 'VIP' })),
    'Klaviyo failed (HTTP 500); the list "VIP" may have been created, so look for it with get_lists before trying again',
  );
  assert.equal(fake.requests.filter((r) => r.method === 'POST').length, 2);
});

test('add_profiles_to_list names the list first, posts the profiles once and says whom it enrolled', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', `lists/${LIST_ID}`), answer(doc(list())));
  fake.route(route('POST', MEMBERS), { status: 204, body: '' });

  const out = data(
    await call('add_profiles_to_list', { list_id: LIST_ID, profile_ids: [PROFILE_ID, OTHER, PROFILE_ID] }),
  );

  assert.deepEqual(out, {
    list_id: LIST_ID,
    list_name: 'Newsletter',
    profile_ids: [PROFILE_ID, OTHER],
    message: `Added 2 profiles (${PROFILE_ID}, ${OTHER}) to the list "Newsletter" (${LIST_ID}); flows triggered by this list may email them.`,
  });
  assert.deepEqual(only(fake, 'POST', MEMBERS).body, {
    data: [
      { type: 'profile', id: PROFILE_ID },
      { type: 'profile', id: OTHER },
    ],
  });
  assert.deepEqual(query(only(fake, 'GET', `lists/${LIST_ID}`)), { 'fields[list]': 'name' });
});

test('a wrong list id fails before anything is written; a 5xx add is not repeated', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', 'lists/WRONG1'), {
    status: 404,
    headers: JSONAPI,
    body: notFound('list', 'WRONG1'),
  });
  assert.equal(
    failure(await call('add_profiles_to_list', { list_id: 'WRONG1', profile_ids: [PROFILE_ID] })),
    'List not found: WRONG1',
  );
  assert.equal(fake.requests.filter((r) => r.method === 'POST').length, 0);

  fake.route(route('GET', `lists/${LIST_ID}`), answer(doc(list())));
  fake.route(route('POST', MEMBERS), { status: 502, body: 'Bad gateway' });
  assert.equal(
    failure(await call('add_profiles_to_list', { list_id: LIST_ID, profile_ids: [PROFILE_ID] })),
    'Klaviyo failed (HTTP 502); the profiles may have been added, so check the list with get_list_profiles before trying again',
  );
  assert.equal(fake.requests.filter((r) => r.method === 'POST').length, 1);
});

test('more profiles than Klaviyo takes in one call, or none, are refused by argument', async (t) => {
  const { fake, call } = await setup(t);
  const many = Array.from({ length: 1001 }, (_, i) => `P${i}`);
  assert.match(
    failure(await call('add_profiles_to_list', { list_id: LIST_ID, profile_ids: many })),
    /profile_ids/,
  );
  assert.match(
    failure(await call('remove_profiles_from_list', { list_id: LIST_ID, profile_ids: [] })),
    /profile_ids/,
  );
  assert.equal(fake.requests.length, 0);
});

test('a refused profile id is named by its place in profile_ids', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', `lists/${LIST_ID}`), answer(doc(list())));
  fake.route(route('POST', MEMBERS), {
    status: 400,
    headers: JSONAPI,
    body: errors(400, 'invalid', 'Invalid input.', 'Profile does not exist.', { pointer: '/data/1/id' }),
  });
  assert.equal(
    failure(await call('add_profiles_to_list', { list_id: LIST_ID, profile_ids: [PROFILE_ID, 'GHOST1'] })),
    `Klaviyo rejected the request for List ${LIST_ID} (HTTP 400): profile_ids[1].id: Profile does not exist.`,
  );
});

test('remove_profiles_from_list deletes the relationship and names the list', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', `lists/${LIST_ID}`), answer(doc(list())));
  fake.route(route('DELETE', MEMBERS), { status: 204, body: '' });
  assert.equal(
    data(await call('remove_profiles_from_list', { list_id: LIST_ID, profile_ids: [PROFILE_ID] })).message,
    `Removed 1 profile (${PROFILE_ID}) from the list "Newsletter" (${LIST_ID}).`,
  );
  assert.deepEqual(only(fake, 'DELETE', MEMBERS).body, { data: [{ type: 'profile', id: PROFILE_ID }] });
});

test('get_list_profiles lists a list’s profiles with a filter', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', `lists/${LIST_ID}/profiles`), answer(doc([member()])));
  assert.deepEqual(
    data(
      await call('get_list_profiles', {
        list_id: LIST_ID,
        filter: "equals(email,'ada@example.com')",
        limit: 5,
      }),
    ),
    { list_id: LIST_ID, profiles: [flat(member())] },
  );
  assert.deepEqual(query(only(fake, 'GET', `lists/${LIST_ID}/profiles`)), {
    filter: "equals(email,'ada@example.com')",
    'page[size]': '5',
  });
});

test('get_list reads a list with its profile count; get_lists lists them ten a page', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(
    route('GET', `lists/${LIST_ID}`),
    answer(doc(list(LIST_ID, 'Newsletter', { profile_count: 1200 }))),
  );
  fake.route(route('GET', 'lists'), answer(doc([list()])));

  assert.equal(
    (data(await call('get_list', { list_id: LIST_ID })).list as { profile_count: number }).profile_count,
    1200,
  );
  assert.deepEqual(query(only(fake, 'GET', `lists/${LIST_ID}`)), {
    'additional-fields[list]': 'profile_count',
  });

  assert.deepEqual(
    data(await call('get_lists', { filter: "equals(name,'Newsletter')", include_fields: ['name'] })),
    {
      lists: [flat(list())],
    },
  );
  assert.deepEqual(query(only(fake, 'GET', 'lists')), {
    filter: "equals(name,'Newsletter')",
    'fields[list]': 'name',
    'page[size]': '10',
  });
});

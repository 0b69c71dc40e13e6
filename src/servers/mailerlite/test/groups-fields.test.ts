import assert from 'node:assert/strict';
import { test } from 'node:test';
import { only, query } from '../../../testing/fake-service.js';
import {
  cursorPage,
  field,
  group,
  IDS,
  invalid,
  notFound,
  numberedPage,
  one,
  subscriber,
} from './fake-mailerlite.js';
import { assertAuth, data, failure, setup } from './harness.js';

const MEMBERSHIP = `/api/subscribers/${IDS.subscriber}/groups/${IDS.group}`;

test('list_groups follows numbered pages up to the limit and gives the page to continue from', async (t) => {
  const { fake, call } = await setup(t);
  const groups = (page: number) =>
    Array.from({ length: 100 }, (_, i) => group(String(page * 1000 + i), `Group ${page}-${i}`));
  fake.route('GET /api/groups', (req) => {
    const page = Number(req.query.get('page'));
    return { body: numberedPage('groups', groups(page), page, 3, 250, 100) };
  });
  const out = data(await call('list_groups', { limit: 200 }));
  const list = out.groups as { id: string; name: string; open_rate: number; active_count: number }[];
  assert.equal(list.length, 200);
  assert.equal(list[0]?.open_rate, 0.5);
  assert.equal(list[0]?.active_count, 120);
  assert.equal(out.next_page, 3);
  assert.equal(out.total, 250);
  assert.deepEqual(fake.requests.map(query), [
    { sort: 'name', limit: '100', page: '1' },
    { sort: 'name', limit: '100', page: '2' },
  ]);
  for (const r of fake.requests) assertAuth(r);
});

test('list_groups takes guMCP’s name filter, a sort and a page; the last page ends the list', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /api/groups', { body: numberedPage('groups', [group(IDS.group, 'Newsletter')], 3, 3, 21) });
  const out = data(
    await call('list_groups', { limit: 10, filter: { name: 'News' }, sort: '-total', page: 3 }),
  );
  assert.equal(out.next_page, null);
  assert.deepEqual(query(only(fake, 'GET', '/api/groups')), {
    'filter[name]': 'News',
    sort: '-total',
    limit: '10',
    page: '3',
  });
  assert.match(failure(await call('list_groups', { sort: 'size' })), /sort/);
});

test('create_group, update_group and delete_group', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /api/groups', { status: 201, body: one(group(IDS.group, 'VIP')) });
  fake.route(`PUT /api/groups/${IDS.group}`, { body: one(group(IDS.group, 'VIP customers')) });
  fake.route(`DELETE /api/groups/${IDS.group}`, { status: 204, body: '' });

  assert.equal(
    data(await call('create_group', { group_name: 'VIP' })).message,
    `Created group "VIP" (${IDS.group}).`,
  );
  assert.deepEqual(only(fake, 'POST', '/api/groups').body, { name: 'VIP' });
  assert.equal(
    data(await call('update_group', { group_id: IDS.group, group_name: 'VIP customers' })).message,
    `Renamed group ${IDS.group} to "VIP customers".`,
  );
  assert.deepEqual(only(fake, 'PUT', `/api/groups/${IDS.group}`).body, { name: 'VIP customers' });
  assert.equal(
    data(await call('delete_group', { group_id: IDS.group })).message,
    `Deleted group ${IDS.group}; its subscribers stay in the account.`,
  );
  for (const r of fake.requests) assertAuth(r);
});

test('a name MailerLite refuses is named as the tool’s argument; an unknown group is named', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /api/groups', {
    status: 422,
    body: invalid('The name has already been taken.', { name: ['The name has already been taken.'] }),
  });
  assert.equal(
    failure(await call('create_group', { group_name: 'VIP' })),
    'MailerLite refused creating group "VIP" (HTTP 422): group_name: The name has already been taken.',
  );
  fake.route('PUT /api/groups/42', { status: 404, body: notFound });
  assert.equal(failure(await call('update_group', { group_id: 42, group_name: 'x' })), 'Group not found: 42');
});

test('a group creation that meets a 5xx is not retried: it may exist', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /api/groups', { status: 502, body: 'Bad gateway' });
  assert.equal(
    failure(await call('create_group', { group_name: 'VIP' })),
    'MailerLite failed (HTTP 502) while creating group "VIP": it may exist already; check with list_groups before trying again',
  );
  assert.equal(fake.requests.length, 1);
});

test('get_group_subscribers follows the group’s cursor', async (t) => {
  const { fake, call } = await setup(t);
  const path = `/api/groups/${IDS.group}/subscribers`;
  fake.route(`GET ${path}`, (req) =>
    req.query.get('cursor')
      ? { body: cursorPage(`groups/${IDS.group}/subscribers`, [subscriber('2', 'b@example.com')], null, 2) }
      : { body: cursorPage(`groups/${IDS.group}/subscribers`, [subscriber('1', 'a@example.com')], 'n2', 2) },
  );
  const out = data(
    await call('get_group_subscribers', { group_id: IDS.group, limit: 2, filter: { status: 'bounced' } }),
  );
  assert.deepEqual(
    (out.subscribers as { email: string }[]).map((s) => s.email),
    ['a@example.com', 'b@example.com'],
  );
  assert.equal(out.next_cursor, null);
  assert.deepEqual(fake.requests.map(query), [
    { 'filter[status]': 'bounced', limit: '2' },
    { 'filter[status]': 'bounced', limit: '2', cursor: 'n2' },
  ]);
  for (const r of fake.requests) {
    assert.equal(r.path, path);
    assertAuth(r);
  }
});

test('assign_subscriber_to_group says automations may email them, and is not retried after a 5xx', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`POST ${MEMBERSHIP}`, { body: one(group(IDS.group, 'Newsletter')) });
  const out = data(
    await call('assign_subscriber_to_group', { subscriber_id: IDS.subscriber, group_id: IDS.group }),
  );
  assert.equal(
    out.message,
    `Added subscriber ${IDS.subscriber} to group "Newsletter" (${IDS.group}); automations that start when someone ` +
      'joins this group may email them.',
  );
  const req = only(fake, 'POST', MEMBERSHIP);
  assertAuth(req);
  assert.equal(req.rawBody, '');

  fake.route(`POST ${MEMBERSHIP}`, { status: 500, body: {} });
  assert.equal(
    failure(await call('assign_subscriber_to_group', { subscriber_id: IDS.subscriber, group_id: IDS.group })),
    `MailerLite failed (HTTP 500) while adding subscriber ${IDS.subscriber} to group ${IDS.group}: it may have been ` +
      'added; check with get_group_subscribers before trying again',
  );
  assert.equal(fake.requests.length, 2);
});

test('unassign_subscriber_from_group removes the membership', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`DELETE ${MEMBERSHIP}`, { status: 204, body: '' });
  assert.equal(
    data(await call('unassign_subscriber_from_group', { subscriber_id: IDS.subscriber, group_id: IDS.group }))
      .message,
    `Removed subscriber ${IDS.subscriber} from group ${IDS.group}.`,
  );
  assertAuth(only(fake, 'DELETE', MEMBERSHIP));
});

test('list_fields passes guMCP’s keyword and type filters and sort', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /api/fields', { body: numberedPage('fields', [field('5', 'City', 'city')], 1, 1, 1) });
  const out = data(await call('list_fields', { filter: { keyword: 'ci', type: 'text' }, sort: '-name' }));
  assert.deepEqual(out.fields, [{ id: '5', name: 'City', key: 'city', type: 'text', is_default: false }]);
  assertAuth(only(fake, 'GET', '/api/fields'));
  assert.deepEqual(query(only(fake, 'GET', '/api/fields')), {
    'filter[keyword]': 'ci',
    'filter[type]': 'text',
    sort: '-name',
    limit: '10',
    page: '1',
  });
});

test('create_field, update_field and delete_field', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /api/fields', { status: 201, body: one(field(IDS.field, 'Plan', 'plan')) });
  fake.route(`PUT /api/fields/${IDS.field}`, { body: one(field(IDS.field, 'Plan name', 'plan')) });
  fake.route(`DELETE /api/fields/${IDS.field}`, { status: 204, body: '' });
  assert.equal(
    data(await call('create_field', { name: 'Plan', type: 'text' })).message,
    `Created text field "Plan" (${IDS.field}), key plan.`,
  );
  assert.deepEqual(only(fake, 'POST', '/api/fields').body, { name: 'Plan', type: 'text' });
  assert.equal(
    data(await call('update_field', { field_id: Number(IDS.field), name: 'Plan name' })).message,
    `Renamed field ${IDS.field} to "Plan name" (key plan).`,
  );
  assert.deepEqual(only(fake, 'PUT', `/api/fields/${IDS.field}`).body, { name: 'Plan name' });
  assert.equal(
    data(await call('delete_field', { field_id: IDS.field })).message,
    `Deleted field ${IDS.field} and its values.`,
  );
  for (const r of fake.requests) assertAuth(r);
  assert.match(failure(await call('create_field', { name: 'x', type: 'boolean' })), /type/);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { only, query } from '../../../testing/fake-service.js';
import { cursorPage, IDS, invalid, notFound, one, subscriber } from './fake-mailerlite.js';
import { assertAuth, data, failure, setup } from './harness.js';

const ADA = subscriber(IDS.subscriber, 'ada@example.com');
const EMAIL_PATH = '/api/subscribers/ada@example.com';

test('list_all_subscribers lists active ones by default and follows next_cursor up to the limit', async (t) => {
  const { fake, call } = await setup(t);
  const page = (n: number, from: number) =>
    Array.from({ length: n }, (_, i) => subscriber(String(1000 + from + i), `s${from + i}@example.com`));
  fake.route('GET /api/subscribers', (req) =>
    req.query.get('cursor') === 'c2'
      ? { body: cursorPage('subscribers', page(100, 100), 'c3', 100) }
      : { body: cursorPage('subscribers', page(100, 0), 'c2', 100) },
  );

  const out = data(await call('list_all_subscribers', { limit: 200 }));

  const subs = out.subscribers as { id: string; email: string; open_rate: number }[];
  assert.equal(subs.length, 200);
  assert.equal(subs[199]?.email, 's199@example.com');
  assert.equal(subs[0]?.open_rate, 66.67);
  assert.equal(out.next_cursor, 'c3');
  assert.deepEqual(fake.requests.map(query), [
    { 'filter[status]': 'active', limit: '100' },
    { 'filter[status]': 'active', limit: '100', cursor: 'c2' },
  ]);
  for (const r of fake.requests) assertAuth(r);
});

test('list_all_subscribers takes guMCP’s status filter and a cursor to continue; a limit MailerLite cannot page is refused', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /api/subscribers', { body: cursorPage('subscribers', [ADA], null) });
  const out = data(await call('list_all_subscribers', { filter: { status: 'unsubscribed' }, cursor: 'abc' }));
  assert.equal(out.next_cursor, null);
  assert.deepEqual(query(only(fake, 'GET', '/api/subscribers')), {
    'filter[status]': 'unsubscribed',
    limit: '10',
    cursor: 'abc',
  });
  assert.match(failure(await call('list_all_subscribers', { limit: 150 })), /limit.*multiple of 100/);
  assert.match(failure(await call('list_all_subscribers', { filter: { status: 'gone' } })), /status/);
  assert.equal(fake.requests.length, 1);
});

test('get_subscriber finds the subscriber by email', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${EMAIL_PATH}`, { body: one({ ...ADA, groups: [{ id: IDS.group, name: 'Newsletter' }] }) });
  const out = data(await call('get_subscriber', { email: 'ada@example.com' }));
  const s = out.subscriber as Record<string, unknown>;
  assert.equal(s.id, IDS.subscriber);
  assert.deepEqual(s.groups, [{ id: IDS.group, name: 'Newsletter' }]);
  assert.deepEqual((s.fields as Record<string, unknown>).name, 'Ada');
  assert.equal(out.message, `Subscriber ada@example.com (${IDS.subscriber}) is active.`);
  assert.equal(out.raw, undefined);
  assertAuth(only(fake, 'GET', EMAIL_PATH));
  const all = data(await call('get_subscriber', { email: 'ada@example.com', full: true }));
  assert.equal((all.raw as Record<string, unknown>).optin_ip, null);
});

test('an unknown email is named', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /api/subscribers/nobody@example.com', { status: 404, body: notFound });
  assert.equal(
    failure(await call('get_subscriber', { email: 'nobody@example.com' })),
    'Subscriber not found: nobody@example.com',
  );
});

test('create_subscriber says whether it created the subscriber or updated one that existed', async (t) => {
  const { fake, call } = await setup(t);
  fake.once('POST /api/subscribers', { status: 201, body: one(ADA) });
  fake.route('POST /api/subscribers', { status: 200, body: one(ADA) });

  const made = data(
    await call('create_subscriber', {
      email: 'ada@example.com',
      fields: { name: 'Ada', last_name: 'Lovelace' },
    }),
  );
  assert.equal(made.created, true);
  assert.equal(made.message, `Added subscriber ada@example.com (${IDS.subscriber}) with name, last_name.`);
  assert.deepEqual(fake.requests[0]?.body, {
    email: 'ada@example.com',
    fields: { name: 'Ada', last_name: 'Lovelace' },
  });
  assertAuth(fake.requests[0] ?? assert.fail());

  const again = data(
    await call('create_subscriber', { email: 'ada@example.com', fields: { company: 'Acme' } }),
  );
  assert.equal(again.created, false);
  assert.equal(
    again.message,
    `ada@example.com was already a subscriber (${IDS.subscriber}); its company was set to the values given.`,
  );
  const bare = data(await call('create_subscriber', { email: 'ada@example.com' }));
  assert.match(String(bare.message), /nothing was changed\.$/);
  assert.deepEqual(fake.requests[2]?.body, { email: 'ada@example.com' });
});

test('create_subscriber, an upsert by email, is retried after a 503; a field MailerLite refuses is named', async (t) => {
  const { fake, call } = await setup(t);
  fake.once('POST /api/subscribers', { status: 503, body: {} });
  fake.route('POST /api/subscribers', { status: 201, body: one(ADA) });
  assert.equal(data(await call('create_subscriber', { email: 'ada@example.com' })).created, true);
  assert.equal(fake.requests.length, 2);

  fake.route('POST /api/subscribers', {
    status: 422,
    body: invalid('The fields.company must be a string.', {
      'fields.company': ['The fields.company must be a string.'],
    }),
  });
  assert.equal(
    failure(await call('create_subscriber', { email: 'ada@example.com', fields: { company: 7 } })),
    'MailerLite refused adding subscriber ada@example.com (HTTP 422): fields.company: The fields.company must be a string.',
  );
});

test('update_subscriber finds the subscriber by email, then sets only the fields given', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${EMAIL_PATH}`, { body: one(ADA) });
  fake.route(`PUT /api/subscribers/${IDS.subscriber}`, { body: one(ADA) });
  const out = data(
    await call('update_subscriber', { email: 'ada@example.com', fields: { city: 'London', phone: null } }),
  );
  assert.equal(out.message, `Updated city, phone of subscriber ada@example.com (${IDS.subscriber}).`);
  const put = only(fake, 'PUT', `/api/subscribers/${IDS.subscriber}`);
  assertAuth(put);
  assert.deepEqual(put.body, { fields: { city: 'London', phone: null } });
});

test('update_subscriber does not create a subscriber that is not there, and wants a field', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /api/subscribers/nobody@example.com', { status: 404, body: notFound });
  assert.equal(
    failure(await call('update_subscriber', { email: 'nobody@example.com', fields: { name: 'X' } })),
    'Subscriber not found: nobody@example.com',
  );
  assert.equal(
    failure(await call('update_subscriber', { email: 'ada@example.com', fields: {} })),
    'fields: give at least one field to set',
  );
  assert.equal(fake.requests.filter((r) => r.method !== 'GET').length, 0);
});

test('delete_subscriber deletes by id given as a string or an exact number; a number too large to be exact is refused', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`DELETE /api/subscribers/${IDS.subscriber}`, { status: 204, body: '' });
  fake.route('DELETE /api/subscribers/4243829086487936', { status: 204, body: '' });
  assert.deepEqual(data(await call('delete_subscriber', { subscriber_id: IDS.subscriber })), {
    deleted: true,
    subscriber_id: IDS.subscriber,
    message: `Deleted subscriber ${IDS.subscriber}.`,
  });
  data(await call('delete_subscriber', { subscriber_id: 4243829086487936 }));
  assertAuth(only(fake, 'DELETE', `/api/subscribers/${IDS.subscriber}`));

  // 129543796651197476 as a JSON number arrives as 129543796651197470: another subscriber.
  assert.match(
    failure(await call('delete_subscriber', { subscriber_id: Number('129543796651197476') })),
    /subscriber_id.*pass the subscriber id as a string/s,
  );
  assert.match(failure(await call('delete_subscriber', { subscriber_id: '12/../34' })), /subscriber_id/);
  assert.equal(fake.requests.length, 2);
});

test('a delete that meets a 5xx is not retried, and says what to check', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`DELETE /api/subscribers/${IDS.subscriber}`, { status: 500, body: { message: 'Server Error' } });
  assert.equal(
    failure(await call('delete_subscriber', { subscriber_id: IDS.subscriber })),
    `MailerLite failed (HTTP 500) while deleting subscriber ${IDS.subscriber}: it may be deleted already; check ` +
      'with list_all_subscribers before trying again',
  );
  assert.equal(fake.requests.length, 1);
});

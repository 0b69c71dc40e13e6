import assert from 'node:assert/strict';
import { test } from 'node:test';
import { only, query } from '../../../testing/fake-service.js';
import { eventType, me, ok, schedule } from './fake-cal.js';
import { assertHeaders, data, setup } from './harness.js';

test('get_me reads /v2/me with the key as a Bearer token and no version header', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /v2/me', { body: ok(me) });
  assert.deepEqual(data(await call('get_me')), {
    id: 1234,
    username: 'alice',
    email: 'alice@example.com',
    name: 'Alice Example',
    timeZone: 'Europe/Rome',
    timeFormat: 24,
    weekStart: 'Monday',
    defaultScheduleId: 77,
    locale: 'en',
    organizationId: null,
  });
  assertHeaders(only(fake, 'GET', '/v2/me'), undefined);
});

test('get_event_types passes its filters and pins cal-api-version 2024-06-14', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /v2/event-types', {
    body: ok([eventType(50, 'intro'), eventType(51, 'deep-dive', { lengthInMinutes: 60 })]),
  });

  const out = data(
    await call('get_event_types', {
      username: 'alice',
      usernames: ['alice', 'bob'],
      orgSlug: 'acme',
      orgId: 9,
    }),
  );

  assert.equal(out.count, 2);
  assert.deepEqual((out.event_types as unknown[])[1], {
    id: 51,
    title: 'Intro call',
    slug: 'deep-dive',
    lengthInMinutes: 60,
    description: 'A first call',
    hidden: false,
    bookingUrl: 'https://cal.com/alice/deep-dive',
    ownerId: 1234,
    price: 0,
    currency: 'usd',
  });
  const req = only(fake, 'GET', '/v2/event-types');
  assertHeaders(req, '2024-06-14');
  assert.deepEqual(query(req), { username: 'alice', usernames: 'alice,bob', orgSlug: 'acme', orgId: '9' });
});

test('get_event_types with eventSlug asks for that one', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /v2/event-types', { body: ok([eventType(50, 'intro')]) });
  const out = data(await call('get_event_types', { username: 'alice', eventSlug: 'intro' }));
  assert.equal(out.count, 1);
  assert.deepEqual(query(only(fake, 'GET', '/v2/event-types')), { username: 'alice', eventSlug: 'intro' });
});

test('get_event_types requires username, as guMCP did', async (t) => {
  const { fake, call } = await setup(t);
  const result = await call('get_event_types', {});
  assert.equal(result.isError, true);
  assert.match(JSON.stringify(result.content), /username/);
  assert.equal(fake.requests.length, 0);
});

test('get_schedules pins cal-api-version 2024-06-11', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /v2/schedules', { body: ok([schedule]) });
  assert.deepEqual(data(await call('get_schedules')), {
    count: 1,
    schedules: [
      {
        id: 77,
        name: 'Working hours',
        timeZone: 'Europe/Rome',
        isDefault: true,
        availability: [{ days: ['Monday', 'Tuesday'], startTime: '09:00', endTime: '17:00' }],
        overrides: [{ date: '2031-09-01', startTime: '10:00', endTime: '12:00' }],
      },
    ],
  });
  assertHeaders(only(fake, 'GET', '/v2/schedules'), '2024-06-11');
});

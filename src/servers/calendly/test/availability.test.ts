import assert from 'node:assert/strict';
import { test } from 'node:test';
import { query } from '../../../testing/fake-service.js';
import { availableTime } from './fake-calendly.js';
import { assertAuth, calls, data, failure, setup } from './harness.js';

// Far enough ahead that "now" never clips the start.
const DAY = '2031-03-10';

test('get_availability asks for the event type’s times of the given days and groups them by date', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /event_type_available_times', {
    body: {
      collection: [
        availableTime('2031-03-10T15:00:00.000000Z', 2),
        availableTime('2031-03-10T15:30:00.000000Z'),
        availableTime('2031-03-11T09:00:00.000000Z'),
      ],
    },
  });

  const out = data(
    await call('get_availability', { event_type_id: 'ET1', start_date: DAY, end_date: '2031-03-11' }),
  );

  assert.equal(out.count, 3);
  assert.deepEqual(out.by_date, { '2031-03-10': ['15:00', '15:30'], '2031-03-11': ['09:00'] });
  assert.deepEqual((out.slots as unknown[])[0], {
    start_time: '2031-03-10T15:00:00.000000Z',
    invitees_remaining: 2,
    scheduling_url: 'https://calendly.com/acmesales/discovery-call/2031-03-10T15:00:00Z',
  });
  assert.equal(out.start_time, '2031-03-10T00:00:00.000Z');
  assert.equal(out.end_time, '2031-03-11T23:59:59.000Z');
  const [req] = calls(fake);
  assert.ok(req);
  assertAuth(req);
  assert.deepEqual(query(req), {
    event_type: 'https://api.calendly.com/event_types/ET1',
    start_time: '2031-03-10T00:00:00.000Z',
    end_time: '2031-03-11T23:59:59.000Z',
  });
  // The user's URI is not needed here: no GET /users/me.
  assert.equal(fake.requests.length, 1);
});

test('a range longer than Calendly’s 7 days is asked for in 7-day windows; an event type URI is accepted', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /event_type_available_times', (req) => ({
    body: { collection: [availableTime(req.query.get('start_time')?.replace('.000Z', '.000000Z') ?? '')] },
  }));

  const out = data(
    await call('get_availability', {
      event_type_id: 'https://api.calendly.com/event_types/ET9',
      start_date: DAY,
      end_date: '2031-03-19',
    }),
  );

  assert.deepEqual(
    calls(fake).map((r) => [r.query.get('event_type'), r.query.get('start_time'), r.query.get('end_time')]),
    [
      ['https://api.calendly.com/event_types/ET9', '2031-03-10T00:00:00.000Z', '2031-03-17T00:00:00.000Z'],
      ['https://api.calendly.com/event_types/ET9', '2031-03-17T00:00:00.000Z', '2031-03-19T23:59:59.000Z'],
    ],
  );
  assert.equal(out.count, 2);
  assert.equal(out.event_type_id, 'ET9');
});

test('a start in the past is moved to now, and no date at all means the next 7 days', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /event_type_available_times', { body: { collection: [] } });
  const before = Date.now();
  const inThreeDays = new Date(before + 3 * 86_400_000).toISOString().slice(0, 10);

  const clipped = data(
    await call('get_availability', { event_type_id: 'ET1', start_date: '2020-01-01', end_date: inThreeDays }),
  );
  assert.ok(Date.parse(clipped.start_time as string) > before, 'the start is moved into the future');
  assert.equal(clipped.end_time, `${inThreeDays}T23:59:59.000Z`);

  const week = data(await call('get_availability', { event_type_id: 'ET1' }));
  const start = Date.parse(week.start_time as string);
  assert.ok(start > before);
  assert.equal(Date.parse(week.end_time as string) - start, 7 * 86_400_000);
  assert.equal(week.count, 0);
  assert.deepEqual(
    calls(fake).map((r) => r.query.get('start_time')),
    [clipped.start_time, week.start_time],
  );
});

test('wrong dates and ranges name the argument and reach nobody', async (t) => {
  const { fake, call } = await setup(t);
  assert.match(
    failure(await call('get_availability', { event_type_id: 'ET1', start_date: 'tomorrow' })),
    /start_date/,
  );
  assert.match(
    failure(
      await call('get_availability', {
        event_type_id: 'ET1',
        start_date: '2031-03-10',
        end_date: '2031-03-01',
      }),
    ),
    /^end_date: must be after the start/,
  );
  assert.match(
    failure(
      await call('get_availability', {
        event_type_id: 'ET1',
        start_date: '2031-03-01',
        end_date: '2031-05-01',
      }),
    ),
    /^end_date: the range may span at most 31 days/,
  );
  assert.match(failure(await call('get_availability', { event_type_id: 'not an id!' })), /event_type_id/);
  assert.equal(fake.requests.length, 0);
});

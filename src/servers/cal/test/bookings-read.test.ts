import assert from 'node:assert/strict';
import { test } from 'node:test';
import { only, query } from '../../../testing/fake-service.js';
import { booking, ok, paginationMeta } from './fake-cal.js';
import { assertHeaders, data, failure, setup } from './harness.js';

test('get_booking reads the booking with cal-api-version 2024-08-13 and trims it', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /v2/bookings/abc123', { body: ok(booking('abc123')) });

  const out = data(await call('get_booking', { bookingUid: 'abc123' }));

  assert.deepEqual(out, {
    count: 1,
    bookings: [
      {
        id: 123,
        uid: 'abc123',
        title: 'Intro call between Alice and John',
        description: 'Learn how to integrate scheduling into marketplace.',
        status: 'accepted',
        start: '2031-08-13T15:30:00.000Z',
        end: '2031-08-13T16:00:00.000Z',
        duration: 30,
        eventTypeId: 50,
        eventTypeSlug: 'intro',
        location: 'https://example.com/meeting',
        hosts: [{ name: 'Alice Example', email: 'alice@example.com', timeZone: 'Europe/Rome', absent: null }],
        attendees: [
          { name: 'John Doe', email: 'john@example.com', timeZone: 'America/New_York', absent: false },
        ],
        guests: [],
        cancellationReason: null,
        reschedulingReason: null,
        rescheduledFromUid: null,
        rescheduledToUid: null,
        recurringBookingUid: null,
        createdAt: '2031-08-01T15:30:00.000Z',
        metadata: {},
        bookingFieldsResponses: { notes: 'hi' },
      },
    ],
  });
  assertHeaders(only(fake, 'GET', '/v2/bookings/abc123'), '2024-08-13');
});

test('the uid of a recurring booking gives every occurrence', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /v2/bookings/rec1', {
    body: ok([
      booking('occ1', { recurringBookingUid: 'rec1' }),
      booking('occ2', { recurringBookingUid: 'rec1' }),
    ]),
  });
  const out = data(await call('get_booking', { bookingUid: 'rec1' }));
  assert.equal(out.count, 2);
  assert.deepEqual(
    (out.bookings as { uid: string; recurringBookingUid: string }[]).map((b) => [
      b.uid,
      b.recurringBookingUid,
    ]),
    [
      ['occ1', 'rec1'],
      ['occ2', 'rec1'],
    ],
  );
});

test('a malformed uid names the argument and reaches nobody', async (t) => {
  const { fake, call } = await setup(t);
  assert.match(failure(await call('get_booking', { bookingUid: '../me' })), /bookingUid/);
  assert.equal(fake.requests.length, 0);
});

test('get_bookings passes the filters and follows take/skip pages until take bookings are collected', async (t) => {
  const { fake, call } = await setup(t);
  const total = 400;
  fake.route('GET /v2/bookings', (req) => {
    const take = Number(req.query.get('take'));
    const skip = Number(req.query.get('skip'));
    const n = Math.min(take, total - skip);
    const data = Array.from({ length: n }, (_, i) => booking(`b${skip + i}`));
    return { body: ok(data, { pagination: paginationMeta(total, skip, n, take) }) };
  });

  const out = data(
    await call('get_bookings', {
      status: ['upcoming', 'unconfirmed'],
      attendeeEmail: 'john@example.com',
      attendeeName: 'John Doe',
      eventTypeIds: [50, 51],
      eventTypeId: '50',
      take: 300,
      skip: 10,
    }),
  );

  assert.equal(out.count, 300);
  assert.equal(out.total, 400);
  assert.equal(out.next_skip, 310);
  assert.equal((out.bookings as { uid: string }[])[0]?.uid, 'b10');
  assert.equal((out.bookings as { uid: string }[])[299]?.uid, 'b309');
  const [first, second] = fake.requests;
  assert.ok(first && second);
  assertHeaders(first, '2024-08-13');
  assert.deepEqual(query(first), {
    status: 'upcoming,unconfirmed',
    attendeeEmail: 'john@example.com',
    attendeeName: 'John Doe',
    eventTypeIds: '50,51',
    eventTypeId: '50',
    take: '250',
    skip: '10',
  });
  assert.equal(second.query.get('take'), '50');
  assert.equal(second.query.get('skip'), '260');
  assert.equal(fake.requests.length, 2);
});

test('get_bookings stops at the last page and takes guMCP’s comma-separated status', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /v2/bookings', {
    body: ok([booking('only')], { pagination: paginationMeta(1, 0, 1, 100) }),
  });
  const out = data(await call('get_bookings', { status: 'past,cancelled' }));
  assert.deepEqual([out.count, out.total, out.next_skip], [1, 1, null]);
  const req = only(fake, 'GET', '/v2/bookings');
  assert.deepEqual(query(req), { status: 'past,cancelled', take: '100', skip: '0' });
});

test('an unknown status names the argument', async (t) => {
  const { fake, call } = await setup(t);
  assert.match(failure(await call('get_bookings', { status: 'upcoming,soon' })), /status/);
  assert.equal(fake.requests.length, 0);
});

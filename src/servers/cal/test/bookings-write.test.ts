import assert from 'node:assert/strict';
import { test } from 'node:test';
import { only } from '../../../testing/fake-service.js';
import { booking, error, ok } from './fake-cal.js';
import { assertHeaders, data, failure, setup } from './harness.js';

test('create_booking posts the booking with the attendee (UTC by default) and says what was booked', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /v2/bookings', { status: 201, body: ok(booking('new1')) });

  const out = data(
    await call('create_booking', {
      start: '2031-08-13T17:30:00+02:00',
      attendee: { name: 'John Doe', email: 'john@example.com' },
      eventTypeId: 50,
      guests: ['guest1@example.com'],
      location: 'https://example.com/meeting',
      metadata: { crm: '42' },
      bookingFieldsResponses: { notes: 'hi' },
      lengthInMinutes: 30,
    }),
  );

  assert.equal((out.bookings as { uid: string }[])[0]?.uid, 'new1');
  const req = only(fake, 'POST', '/v2/bookings');
  assertHeaders(req, '2024-08-13');
  assert.deepEqual(req.body, {
    start: '2031-08-13T15:30:00.000Z',
    attendee: { name: 'John Doe', email: 'john@example.com', timeZone: 'UTC' },
    eventTypeId: 50,
    guests: ['guest1@example.com'],
    location: 'https://example.com/meeting',
    metadata: { crm: '42' },
    bookingFieldsResponses: { notes: 'hi' },
    lengthInMinutes: 30,
  });
});

test('create_booking by slug and username, in an organization', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /v2/bookings', { status: 201, body: ok(booking('new2')) });
  data(
    await call('create_booking', {
      start: '2031-08-13T15:30:00Z',
      attendee: { name: 'John', email: 'john@example.com', timeZone: 'America/New_York', language: 'en' },
      eventTypeSlug: 'intro',
      username: 'alice',
      organizationSlug: 'acme',
    }),
  );
  assert.deepEqual(only(fake, 'POST', '/v2/bookings').body, {
    start: '2031-08-13T15:30:00.000Z',
    attendee: { name: 'John', email: 'john@example.com', timeZone: 'America/New_York', language: 'en' },
    eventTypeSlug: 'intro',
    username: 'alice',
    organizationSlug: 'acme',
  });
});

test('create_booking without a way to name the event type, or with a bad start or email, names the argument', async (t) => {
  const { fake, call } = await setup(t);
  const attendee = { name: 'John', email: 'john@example.com' };
  assert.match(
    failure(await call('create_booking', { start: '2031-08-13T15:30:00Z', attendee })),
    /^eventTypeId: give eventTypeId/,
  );
  assert.match(
    failure(
      await call('create_booking', { start: '2031-08-13T15:30:00Z', attendee, eventTypeSlug: 'intro' }),
    ),
    /^eventTypeId:/,
  );
  assert.match(
    failure(await call('create_booking', { start: 'next monday', attendee, eventTypeId: 1 })),
    /start/,
  );
  assert.match(
    failure(
      await call('create_booking', {
        start: '2031-08-13T15:30:00Z',
        attendee: { name: 'J', email: 'nope' },
        eventTypeId: 1,
      }),
    ),
    /attendee\.email/,
  );
  assert.equal(fake.requests.length, 0);
});

test('create_booking is not retried after a 500: the booking may exist', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /v2/bookings', {
    status: 500,
    body: error('/v2/bookings', 'InternalServerErrorException', 'boom'),
  });
  assert.equal(
    failure(
      await call('create_booking', {
        start: '2031-08-13T15:30:00Z',
        attendee: { name: 'J', email: 'j@example.com' },
        eventTypeId: 1,
      }),
    ),
    'Cal.com failed (HTTP 500); the request may have gone through, so check before trying again',
  );
  assert.equal(fake.requests.length, 1);
});

test('a slot that is taken is Cal.com’s 400 message', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /v2/bookings', {
    status: 400,
    body: error(
      '/v2/bookings',
      'BadRequestException',
      'User either already has booking at this time or is not available',
    ),
  });
  assert.equal(
    failure(
      await call('create_booking', {
        start: '2031-08-13T15:30:00Z',
        attendee: { name: 'J', email: 'j@example.com' },
        eventTypeId: 50,
      }),
    ),
    'Cal.com rejected the request for Event type 50 (HTTP 400): User either already has booking at this time or is not available',
  );
});

test('reschedule_booking posts the new start, who and why; not retried after a 503', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /v2/bookings/abc/reschedule', {
    status: 201,
    body: ok(booking('moved1', { rescheduledFromUid: 'abc', reschedulingReason: 'Clash' })),
  });
  const out = data(
    await call('reschedule_booking', {
      bookingUid: 'abc',
      start: '2031-08-14T10:00:00Z',
      rescheduledBy: 'alice@example.com',
      reschedulingReason: 'Clash',
    }),
  );
  const moved = (out.bookings as { uid: string; rescheduledFromUid: string }[])[0];
  assert.deepEqual([moved?.uid, moved?.rescheduledFromUid], ['moved1', 'abc']);
  const req = only(fake, 'POST', '/v2/bookings/abc/reschedule');
  assertHeaders(req, '2024-08-13');
  assert.deepEqual(req.body, {
    start: '2031-08-14T10:00:00.000Z',
    rescheduledBy: 'alice@example.com',
    reschedulingReason: 'Clash',
  });

  fake.route('POST /v2/bookings/def/reschedule', { status: 503, body: {} });
  assert.match(
    failure(await call('reschedule_booking', { bookingUid: 'def', start: '2031-08-14T10:00:00Z' })),
    /may have gone through/,
  );
  assert.equal(fake.requests.filter((r) => r.path === '/v2/bookings/def/reschedule').length, 1);
});

test('cancel_booking posts the reason and the recurring flag, and is retried after a 503', async (t) => {
  const { fake, call } = await setup(t);
  fake.once('POST /v2/bookings/abc/cancel', { status: 503, body: {} });
  fake.route('POST /v2/bookings/abc/cancel', {
    body: ok(booking('abc', { status: 'cancelled', cancellationReason: 'Ill' })),
  });
  const out = data(
    await call('cancel_booking', {
      bookingUid: 'abc',
      cancellationReason: 'Ill',
      cancelSubsequentBookings: true,
    }),
  );
  const b = (out.bookings as { status: string; cancellationReason: string }[])[0];
  assert.deepEqual([b?.status, b?.cancellationReason], ['cancelled', 'Ill']);
  const reqs = fake.requests.filter((r) => r.path === '/v2/bookings/abc/cancel');
  assert.equal(reqs.length, 2);
  for (const r of reqs) {
    assertHeaders(r, '2024-08-13');
    assert.deepEqual(r.body, { cancellationReason: 'Ill', cancelSubsequentBookings: true });
  }
});

test('confirm_booking posts no body; decline_booking posts the reason', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /v2/bookings/p1/confirm', { body: ok(booking('p1', { status: 'accepted' })) });
  fake.route('POST /v2/bookings/p2/decline', { body: ok(booking('p2', { status: 'rejected' })) });

  const confirmed = data(await call('confirm_booking', { bookingUid: 'p1' }));
  const declined = data(await call('decline_booking', { bookingUid: 'p2', reason: 'Fully booked' }));

  assert.equal((confirmed.bookings as { status: string }[])[0]?.status, 'accepted');
  assert.equal((declined.bookings as { status: string }[])[0]?.status, 'rejected');
  const confirm = only(fake, 'POST', '/v2/bookings/p1/confirm');
  assertHeaders(confirm, '2024-08-13');
  assert.equal(confirm.rawBody, '');
  const decline = only(fake, 'POST', '/v2/bookings/p2/decline');
  assertHeaders(decline, '2024-08-13');
  assert.deepEqual(decline.body, { reason: 'Fully booked' });
});

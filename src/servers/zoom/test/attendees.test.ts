import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MEETING_ID, meeting } from './fake-zoom.js';
import { data, failure, setup, TOKEN } from './harness.js';

const PATH = `/v2/meetings/${MEETING_ID}`;

test('add_attendees adds new invitees to those already there, once each', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${PATH}`, { body: meeting() });
  fake.route(`PATCH ${PATH}`, { status: 204 });

  const result = data(
    await call('add_attendees', {
      meeting_id: MEETING_ID,
      attendees: ['Carol@Example.com', 'bob@example.com', 'carol@example.com', 'dan@example.com'],
    }),
  );

  assert.deepEqual(
    fake.requests.map((r) => `${r.method} ${r.path}`),
    [`GET ${PATH}`, `PATCH ${PATH}`],
  );
  for (const req of fake.requests) assert.equal(req.headers.authorization, `Bearer ${TOKEN}`);
  assert.deepEqual(fake.requests[1]?.body, {
    settings: {
      meeting_invitees: [
        { email: 'bob@example.com' },
        { email: 'carol@example.com' },
        { email: 'dan@example.com' },
      ],
    },
  });
  assert.deepEqual(result, {
    meeting_id: MEETING_ID,
    added: ['carol@example.com', 'dan@example.com'],
    already_invited: ['bob@example.com'],
    invitees: ['bob@example.com', 'carol@example.com', 'dan@example.com'],
  });
});

test('when everyone is already invited, nothing is sent', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${PATH}`, { body: meeting() });
  const result = data(
    await call('add_attendees', { meeting_id: MEETING_ID, attendees: ['BOB@example.com'] }),
  );
  assert.deepEqual(result.added, []);
  assert.equal(fake.requests.length, 1);
});

test('an attendee that is not an email address is refused by name', async (t) => {
  const { fake, call } = await setup(t);
  assert.match(
    failure(await call('add_attendees', { meeting_id: MEETING_ID, attendees: ['bob'] })),
    /attendees[\s\S]*email address/,
  );
  assert.match(failure(await call('add_attendees', { meeting_id: MEETING_ID, attendees: [] })), /attendees/);
  assert.equal(fake.requests.length, 0);
});

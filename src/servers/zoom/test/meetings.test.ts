import assert from 'node:assert/strict';
import { test } from 'node:test';
import { query } from '../../../testing/fake-service.js';
import { MEETING_ID, meeting } from './fake-zoom.js';
import { data, failure, onlyRequest, setup } from './harness.js';

const PATH = `/v2/meetings/${MEETING_ID}`;

test('create_meeting schedules a meeting for the signed-in user and returns it without the host start link', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /v2/users/me/meetings', (req) => ({
    status: 201,
    body: meeting({ ...(req.body as object), id: Number(MEETING_ID) }),
  }));

  const result = data(
    await call('create_meeting', {
      topic: 'Quarterly planning',
      agenda: 'Roadmap and budget',
      start_time: '2026-05-01T15:00:00+02:00',
      duration: 45,
    }),
  );

  const req = onlyRequest(fake);
  assert.equal(req.method, 'POST');
  assert.equal(req.path, '/v2/users/me/meetings');
  assert.match(String(req.headers['content-type']), /^application\/json/);
  assert.deepEqual(req.body, {
    topic: 'Quarterly planning',
    type: 2,
    start_time: '2026-05-01T13:00:00Z',
    duration: 45,
    agenda: 'Roadmap and budget',
  });
  assert.deepEqual(result, {
    id: MEETING_ID,
    uuid: 'aDYlohsHRtCd4ii1uC2+hA==',
    topic: 'Quarterly planning',
    type: 2,
    type_name: 'scheduled',
    status: 'waiting',
    start_time: '2026-05-01T13:00:00Z',
    duration: 45,
    timezone: 'Europe/Paris',
    agenda: 'Roadmap and budget',
    join_url: 'https://zoom.us/j/85123456789?pwd=Qm9vbXRvd24',
    password: 'x7Kp2q',
    host_email: 'ada@example.com',
    created_at: '2026-04-20T09:12:00Z',
    invitees: ['bob@example.com'],
  });
  assert.ok(!JSON.stringify(result).includes('zak='), 'the host start link is not returned');
});

test('a start_time without offset is sent as local time with the timezone given', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /v2/users/me/meetings', { status: 201, body: meeting() });
  data(
    await call('create_meeting', {
      topic: 'Standup',
      start_time: '2026-05-01 09:30',
      duration: 15,
      timezone: 'America/New_York',
    }),
  );
  assert.deepEqual(onlyRequest(fake).body, {
    topic: 'Standup',
    type: 2,
    start_time: '2026-05-01T09:30:00',
    duration: 15,
    timezone: 'America/New_York',
  });
});

test('bad arguments name the argument and reach no service', async (t) => {
  const { fake, call } = await setup(t);
  const cases: [Record<string, unknown>, RegExp][] = [
    [{ topic: 'x', start_time: 'tomorrow at 3', duration: 30 }, /start_time[\s\S]*ISO 8601/],
    [{ topic: 'x', start_time: '2026-05-01', duration: 30 }, /start_time/],
    [{ topic: 'x', start_time: '2026-05-01T10:00:00Z', duration: 0 }, /duration[\s\S]*at least 1 minute/],
    [
      { topic: 'x', start_time: '2026-05-01T10:00:00', duration: 30, timezone: 'Mars/Olympus' },
      /timezone[\s\S]*IANA/,
    ],
  ];
  for (const [args, message] of cases) assert.match(failure(await call('create_meeting', args)), message);
  assert.match(failure(await call('get_meeting', { meeting_id: '12ab' })), /meeting_id[\s\S]*9 to 12 digits/);
  assert.equal(fake.requests.length, 0);
});

test('update_meeting PATCHes only the fields given and reports them', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`PATCH ${PATH}`, { status: 204 });
  const result = data(
    await call('update_meeting', {
      meeting_id: '851 2345 6789',
      topic: 'Quarterly planning (moved)',
      start_time: '2026-05-02T13:00:00Z',
    }),
  );
  const req = onlyRequest(fake);
  assert.equal(req.method, 'PATCH');
  assert.equal(req.path, PATH);
  assert.deepEqual(req.body, { topic: 'Quarterly planning (moved)', start_time: '2026-05-02T13:00:00Z' });
  assert.deepEqual(result, { updated: true, meeting_id: MEETING_ID, changed: ['topic', 'start_time'] });
});

test('update_meeting with nothing to change says so without calling Zoom', async (t) => {
  const { fake, call } = await setup(t);
  assert.match(failure(await call('update_meeting', { meeting_id: MEETING_ID })), /at least one of topic/);
  assert.equal(fake.requests.length, 0);
});

test('get_meeting reads a meeting named by a join link; full adds Zoom’s object less the start link', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${PATH}`, { body: meeting() });
  const brief = data(
    await call('get_meeting', { meeting_id: 'https://us02web.zoom.us/j/85123456789?pwd=abc' }),
  );
  assert.equal(brief.id, MEETING_ID);
  assert.equal(brief.full, undefined);
  const full = data(await call('get_meeting', { meeting_id: MEETING_ID, full: true })).full as Record<
    string,
    unknown
  >;
  assert.equal((full.settings as Record<string, unknown>).waiting_room, true);
  assert.equal(full.start_url, undefined);
  assert.deepEqual(
    fake.requests.map((r) => `${r.method} ${r.path} ${r.headers.authorization}`),
    [
      `GET ${PATH} Bearer zoom-access-eyJzdiI6IjAwMDAwMSJ9-test`,
      `GET ${PATH} Bearer zoom-access-eyJzdiI6IjAwMDAwMSJ9-test`,
    ],
  );
});

test('a recurring meeting lists its occurrences', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET ${PATH}`, {
    body: meeting({
      type: 8,
      occurrences: [
        {
          occurrence_id: '1746104400000',
          start_time: '2026-05-01T13:00:00Z',
          duration: 45,
          status: 'available',
        },
        {
          occurrence_id: '1746709200000',
          start_time: '2026-05-08T13:00:00Z',
          duration: 45,
          status: 'available',
        },
      ],
    }),
  });
  const result = data(await call('get_meeting', { meeting_id: MEETING_ID }));
  assert.equal(result.type_name, 'recurring (fixed time)');
  assert.deepEqual(result.occurrences, [
    { occurrence_id: '1746104400000', start_time: '2026-05-01T13:00:00Z', status: 'available' },
    { occurrence_id: '1746709200000', start_time: '2026-05-08T13:00:00Z', status: 'available' },
  ]);
});

test('delete_meeting deletes without a reminder email', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`DELETE ${PATH}`, { status: 204 });
  assert.deepEqual(data(await call('delete_meeting', { meeting_id: MEETING_ID })), {
    deleted: true,
    meeting_id: MEETING_ID,
  });
  const req = onlyRequest(fake);
  assert.equal(req.method, 'DELETE');
  assert.deepEqual(query(req), { schedule_for_reminder: 'false' });
});

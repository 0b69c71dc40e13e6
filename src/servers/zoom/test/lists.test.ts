import assert from 'node:assert/strict';
import { test } from 'node:test';
import { query } from '../../../testing/fake-service.js';
import { listed, listPage } from './fake-zoom.js';
import { data, failure, setup, TOKEN } from './harness.js';

const LIST = 'GET /v2/users/me/meetings';

test('list_meetings follows next_page_token until Zoom’s empty token ends the list', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(LIST, (req) =>
    req.query.get('next_page_token') === 'tok-2'
      ? { body: listPage([listed('91000000003', '2026-05-03T10:00:00Z')], '') }
      : {
          body: listPage(
            [listed('91000000001', '2026-05-01T10:00:00Z'), listed('91000000002', '2026-05-02T10:00:00Z')],
            'tok-2',
          ),
        },
  );

  const result = data(await call('list_meetings', { type: 'upcoming' }));

  assert.deepEqual(
    fake.requests.map((r) => query(r)),
    [
      { type: 'upcoming', page_size: '300' },
      { type: 'upcoming', page_size: '300', next_page_token: 'tok-2' },
    ],
  );
  for (const req of fake.requests) assert.equal(req.headers.authorization, `Bearer ${TOKEN}`);
  assert.equal(result.count, 3);
  assert.equal(result.next_page_token, null);
  assert.deepEqual(
    (result.meetings as { id: string }[]).map((m) => m.id),
    ['91000000001', '91000000002', '91000000003'],
  );
  const [first] = result.meetings as Record<string, unknown>[];
  assert.deepEqual(first, {
    id: '91000000001',
    uuid: '910000Rtd4ii1uC2+hA==',
    topic: 'Meeting 91000000001',
    type: 2,
    type_name: 'scheduled',
    status: null,
    start_time: '2026-05-01T10:00:00Z',
    duration: 30,
    timezone: 'UTC',
    agenda: null,
    join_url: 'https://zoom.us/j/91000000001',
    password: null,
    host_email: null,
    created_at: '2026-04-01T08:00:00Z',
  });
});

test('list_meetings stops at max_results and says where to continue', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(LIST, { body: listPage([listed('91000000001', '2026-05-01T10:00:00Z')], 'tok-next', 1) });
  const result = data(await call('list_meetings', { type: 'scheduled', max_results: 1 }));
  assert.equal(fake.requests.length, 1);
  assert.deepEqual(query(fake.requests[0] ?? assert.fail()), { type: 'scheduled', page_size: '1' });
  assert.equal(result.next_page_token, 'tok-next');

  data(await call('list_meetings', { type: 'scheduled', max_results: 1, next_page_token: 'tok-next' }));
  assert.equal(fake.requests[1]?.query.get('next_page_token'), 'tok-next');
});

test('list_meetings refuses a type Zoom does not know', async (t) => {
  const { fake, call } = await setup(t);
  assert.match(failure(await call('list_meetings', { type: 'tomorrow' })), /type/);
  assert.equal(fake.requests.length, 0);
});

test('list_upcoming_meetings reads Zoom’s upcoming meetings list', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /v2/users/me/upcoming_meetings', {
    body: {
      total_records: 1,
      meetings: [
        {
          id: 91000000009,
          topic: 'Retro',
          type: 2,
          start_time: '2026-05-04T09:00:00Z',
          duration: 60,
          timezone: 'UTC',
          created_at: '2026-04-02T08:00:00Z',
          join_url: 'https://zoom.us/j/91000000009',
        },
      ],
    },
  });
  const result = data(await call('list_upcoming_meetings'));
  assert.equal(fake.requests.length, 1);
  assert.deepEqual(query(fake.requests[0] ?? assert.fail()), {});
  assert.equal(result.count, 1);
  assert.deepEqual((result.meetings as Record<string, unknown>[])[0]?.topic, 'Retro');
});

test('fetch_meetings_by_date asks Zoom for the day and keeps the meetings that start on it in the time zone', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(LIST, {
    body: listPage([
      // 23:30 UTC on the 4th is the 5th in Tokyo; 16:00 UTC on the 5th is the 6th there.
      listed('91000000011', '2026-05-04T23:30:00Z'),
      listed('91000000012', '2026-05-05T16:00:00Z'),
      listed('91000000013', '2026-05-05T01:00:00Z'),
      listed('91000000014', '', { type: 3, start_time: undefined }),
    ]),
  });
  const result = data(await call('fetch_meetings_by_date', { date: '2026-05-05', timezone: 'Asia/Tokyo' }));
  assert.deepEqual(query(fake.requests[0] ?? assert.fail()), {
    type: 'scheduled',
    from: '2026-05-05',
    to: '2026-05-05',
    timezone: 'Asia/Tokyo',
    page_size: '300',
  });
  assert.equal(result.date, '2026-05-05');
  assert.equal(result.timezone, 'Asia/Tokyo');
  assert.deepEqual(
    (result.meetings as { id: string }[]).map((m) => m.id),
    ['91000000011', '91000000013'],
  );
});

test('fetch_meetings_by_date takes the day in UTC by default and checks the date', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(LIST, { body: listPage([listed('91000000012', '2026-05-05T16:00:00Z')]) });
  const result = data(await call('fetch_meetings_by_date', { date: '2026-05-05' }));
  assert.equal(fake.requests[0]?.query.get('timezone'), 'UTC');
  assert.equal(result.count, 1);
  assert.match(
    failure(await call('fetch_meetings_by_date', { date: '2026-02-30' })),
    /date[\s\S]*real calendar date/,
  );
  assert.equal(fake.requests.length, 1);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { query } from '../../../testing/fake-service.js';
import { MEETING_ID, participant, participantsPage, recording, recordingsPage } from './fake-zoom.js';
import { data, failure, onlyRequest, setup } from './harness.js';

const RECORDINGS = 'GET /v2/users/me/recordings';

test('list_all_recordings reads the range with its files, following pages', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(RECORDINGS, (req) =>
    req.query.get('next_page_token') === 'rec-2'
      ? {
          body: recordingsPage('2026-04-01', '2026-04-20', [
            recording('92000000002', '2026-04-02T10:00:00Z'),
          ]),
        }
      : {
          body: recordingsPage(
            '2026-04-01',
            '2026-04-20',
            [recording('92000000001', '2026-04-10T10:00:00Z')],
            'rec-2',
          ),
        },
  );

  const result = data(await call('list_all_recordings', { from_date: '2026-04-01', to_date: '2026-04-20' }));

  assert.deepEqual(
    fake.requests.map((r) => query(r)),
    [
      { from: '2026-04-01', to: '2026-04-20', page_size: '300' },
      { from: '2026-04-01', to: '2026-04-20', page_size: '300', next_page_token: 'rec-2' },
    ],
  );
  assert.equal(result.count, 2);
  assert.equal(result.next_page_token, null);
  const [first] = result.recordings as Record<string, unknown>[];
  assert.deepEqual(first, {
    meeting_id: '92000000001',
    uuid: '920000AiAiAiiAii==',
    topic: 'Meeting 92000000001',
    start_time: '2026-04-10T10:00:00Z',
    duration: 44,
    total_size: 52428800,
    recording_count: 2,
    share_url: 'https://zoom.us/rec/share/92000000001',
    passcode: 'yNYIS408EJygs7rE5vVsJwXIz4-VW7MH',
    files: [
      {
        id: '92000000001-video',
        recording_type: 'shared_screen_with_speaker_view',
        file_type: 'MP4',
        file_extension: 'MP4',
        file_size: 50000000,
        recording_start: '2026-04-10T10:00:00Z',
        recording_end: '2026-04-10T10:44:00Z',
        status: 'completed',
        play_url: 'https://zoom.us/rec/play/92000000001-video',
        download_url: 'https://zoom.us/rec/download/92000000001-video',
      },
      {
        id: '92000000001-audio',
        recording_type: 'audio_only',
        file_type: 'M4A',
        file_extension: 'M4A',
        file_size: 2428800,
        recording_start: '2026-04-10T10:00:00Z',
        recording_end: '2026-04-10T10:44:00Z',
        status: 'completed',
        play_url: 'https://zoom.us/rec/play/92000000001-audio',
        download_url: 'https://zoom.us/rec/download/92000000001-audio',
      },
    ],
  });
});

test('a range longer than a month is read 30 days at a time, newest first, and can be continued', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(RECORDINGS, (req) => {
    const from = req.query.get('from') ?? '';
    const to = req.query.get('to') ?? '';
    return {
      body: recordingsPage(from, to, [
        recording(`9300000${from.slice(5, 7)}${from.slice(8, 10)}`, `${to}T10:00:00Z`),
      ]),
    };
  });

  const all = data(await call('list_all_recordings', { from_date: '2026-01-01', to_date: '2026-03-10' }));
  assert.deepEqual(
    fake.requests.map((r) => `${r.query.get('from')}..${r.query.get('to')}`),
    ['2026-02-09..2026-03-10', '2026-01-10..2026-02-08', '2026-01-01..2026-01-09'],
  );
  assert.equal(all.count, 3);
  assert.equal(all.next_page_token, null);

  // With room for one meeting, the first window is read and the next call picks up at the second.
  const first = data(
    await call('list_all_recordings', { from_date: '2026-01-01', to_date: '2026-03-10', max_results: 1 }),
  );
  assert.equal(first.count, 1);
  assert.equal(typeof first.next_page_token, 'string');
  fake.requests.length = 0;
  const rest = data(
    await call('list_all_recordings', {
      from_date: '2026-01-01',
      to_date: '2026-03-10',
      next_page_token: first.next_page_token,
    }),
  );
  assert.deepEqual(
    fake.requests.map((r) => `${r.query.get('from')}..${r.query.get('to')}`),
    ['2026-01-10..2026-02-08', '2026-01-01..2026-01-09'],
  );
  assert.equal(rest.count, 2);
});

test('list_all_recordings checks the dates and its continuation token', async (t) => {
  const { fake, call } = await setup(t);
  assert.match(
    failure(await call('list_all_recordings', { from_date: '2026-04-20', to_date: '2026-04-01' })),
    /from_date: must not be after to_date/,
  );
  assert.match(
    failure(
      await call('list_all_recordings', {
        from_date: '2026-04-01',
        to_date: '2026-04-20',
        next_page_token: 'garbage',
      }),
    ),
    /next_page_token: not a token this tool returned/,
  );
  assert.equal(fake.requests.length, 0);
});

test('get_meeting_recordings reads a meeting’s recordings and leaves out the download access token', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET /v2/meetings/${MEETING_ID}/recordings`, {
    body: {
      ...recording(MEETING_ID, '2026-04-10T10:00:00Z'),
      download_access_token: 'eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzUxMiJ9.download-secret',
      password: 'rec-pass',
    },
  });
  const result = data(await call('get_meeting_recordings', { meeting_id: MEETING_ID }));
  onlyRequest(fake);
  assert.equal(result.meeting_id, MEETING_ID);
  assert.equal((result.files as unknown[]).length, 2);
  assert.ok(!JSON.stringify(result).includes('download-secret'));
});

test('a meeting UUID is encoded once, or twice when it begins with / or holds //, as Zoom asks', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /v2/meetings/*', { body: recording(MEETING_ID, '2026-04-10T10:00:00Z') });
  data(await call('get_meeting_recordings', { meeting_id: 'aDYlohsHRtCd4ii1uC2+hA==' }));
  data(await call('get_meeting_recordings', { meeting_id: '/ajXp112QmuoKj4854875==' }));
  // The fake decodes the path once: a single encoding arrives decoded, a double one still encoded once.
  assert.deepEqual(
    fake.requests.map((r) => r.path),
    [
      '/v2/meetings/aDYlohsHRtCd4ii1uC2+hA==/recordings',
      '/v2/meetings/%2FajXp112QmuoKj4854875%3D%3D/recordings',
    ],
  );
});

test('get_meeting_participant_reports follows the report’s pages', async (t) => {
  const { fake, call } = await setup(t);
  const path = `GET /v2/report/meetings/${MEETING_ID}/participants`;
  fake.route(path, (req) =>
    req.query.get('next_page_token') === 'part-2'
      ? { body: participantsPage([participant(3)], '') }
      : { body: participantsPage([participant(1), participant(2)], 'part-2') },
  );
  const result = data(await call('get_meeting_participant_reports', { meeting_id: MEETING_ID }));
  assert.deepEqual(
    fake.requests.map((r) => query(r)),
    [{ page_size: '300' }, { page_size: '300', next_page_token: 'part-2' }],
  );
  assert.equal(result.count, 3);
  assert.deepEqual((result.participants as Record<string, unknown>[])[0], {
    id: 'p1-KDcuGIm1QgePTO8WbOqwIQ',
    user_id: '11',
    name: 'Participant 1',
    user_email: 'p1@example.com',
    join_time: '2026-04-10T10:00:00Z',
    leave_time: '2026-04-10T10:30:00Z',
    duration: 1801,
    status: 'in_meeting',
    registrant_id: null,
  });
  assert.equal(result.next_page_token, null);
});

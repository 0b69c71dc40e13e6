import assert from 'node:assert/strict';
import { test } from 'node:test';
import { query } from '../../../testing/fake-service.js';
import { pageV, room, sid, twilioError } from './fake-twilio.js';
import { data, failure, formOf, onlyRequest, setup } from './harness.js';

const ROOM = sid('RM', 7);
const ISO = '2023-08-24T05:01:45.000Z';

const trimmed = (over: Record<string, unknown> = {}) => ({
  sid: ROOM,
  unique_name: 'standup-7',
  status: 'in-progress',
  type: 'group',
  max_participants: 50,
  duration: null,
  status_callback: null,
  date_created: ISO,
  end_time: null,
  ...over,
});

test('list_video_rooms lists rooms on the Video host', async (t) => {
  const { video, call } = await setup(t);
  video.route('GET /v1/Rooms', { body: pageV('rooms', 'https://video.twilio.com/v1/Rooms', [room(7)]) });
  const out = data(await call('list_video_rooms', { page_size: 3 }));
  assert.deepEqual(query(onlyRequest(video)), { PageSize: '3' });
  assert.deepEqual(out, { count: 1, next_page_token: null, rooms: [trimmed()] });
});

test('create_video_room sends UniqueName, Type and StatusCallback', async (t) => {
  const { video, call } = await setup(t);
  video.route('POST /v1/Rooms', (req) => ({
    status: 201,
    body: room(7, { unique_name: formOf(req).UniqueName, status_callback: formOf(req).StatusCallback }),
  }));
  const out = data(
    await call('create_video_room', {
      unique_name: 'standup-7',
      type: 'group',
      status_callback: 'https://example.com/rooms',
    }),
  );
  assert.deepEqual(formOf(onlyRequest(video)), {
    UniqueName: 'standup-7',
    Type: 'group',
    StatusCallback: 'https://example.com/rooms',
  });
  assert.deepEqual(out, trimmed({ status_callback: 'https://example.com/rooms' }));
});

test('creating a room whose name is in progress names unique_name; a wrong type is refused first', async (t) => {
  const { video, call } = await setup(t);
  video.route('POST /v1/Rooms', { status: 400, body: twilioError(400, 53113, 'Room exists') });
  assert.equal(
    failure(await call('create_video_room', { unique_name: 'standup-7' })),
    'unique_name: names a room that is already in progress (error 53113: Room exists)',
  );
  assert.match(failure(await call('create_video_room', { unique_name: 'x', type: 'huge' })), /type/);
  assert.equal(video.requests.length, 1);
});

test('fetch_video_room reads a room by SID or unique name; full adds the whole resource', async (t) => {
  const { video, call } = await setup(t);
  video.route(`GET /v1/Rooms/${ROOM}`, { body: room(7) });
  video.route('GET /v1/Rooms/standup-7', { body: room(7) });
  assert.deepEqual(data(await call('fetch_video_room', { room_sid: ROOM })), trimmed());
  const whole = data(await call('fetch_video_room', { room_sid: 'standup-7', full: true }));
  assert.equal((whole.resource as { media_region: string }).media_region, 'us1');
  assert.deepEqual(
    video.requests.map((r) => r.path),
    [`/v1/Rooms/${ROOM}`, '/v1/Rooms/standup-7'],
  );
});

test('complete_video_room sets Status=completed and returns the ended room', async (t) => {
  const { video, call } = await setup(t);
  video.route(`POST /v1/Rooms/${ROOM}`, {
    status: 202,
    body: room(7, { status: 'completed', end_time: '2023-08-24T05:31:45Z', duration: 1800 }),
  });
  const out = data(await call('complete_video_room', { room_sid: ROOM }));
  assert.deepEqual(formOf(onlyRequest(video)), { Status: 'completed' });
  assert.deepEqual(
    out,
    trimmed({ status: 'completed', end_time: '2023-08-24T05:31:45.000Z', duration: 1800 }),
  );
});

test('complete_video_room is retried after a 5xx: completing twice changes nothing more', async (t) => {
  const { video, call } = await setup(t);
  video.once(`POST /v1/Rooms/${ROOM}`, { status: 502, body: twilioError(502, 20500, 'Bad Gateway') });
  video.route(`POST /v1/Rooms/${ROOM}`, { status: 202, body: room(7, { status: 'completed' }) });
  assert.equal(data(await call('complete_video_room', { room_sid: ROOM })).status, 'completed');
  assert.equal(video.requests.length, 2);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { query } from '../../../testing/fake-service.js';
import { errors, schedule, schedulesPage } from './fake-lemlist.js';
import { assertAuth, data, failure, onlyRequest, setup } from './harness.js';

const SKD = 'skd_iQiNG7VinWIUkgLy1';
const CAM = 'cam_JWW1H20HETqEXaKyR';
const many = (from: number, n: number) =>
  Array.from({ length: n }, (_, i) => schedule(`skd_${from + i}`, `S${from + i}`));

test('get_all_schedules follows pages up to limit, with lemlist’s total', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /api/schedules', (req) => {
    const at = Number(req.query.get('offset'));
    const n = Math.min(Number(req.query.get('limit')), 230 - at);
    return { body: schedulesPage(many(at, n), 230, 1, 100) };
  });
  const out = data(await call('get_all_schedules', { limit: 150 }));
  assert.equal(out.count, 150);
  assert.equal(out.total, 230);
  assert.equal(out.has_more, true);
  assert.equal(out.next_offset, 150);
  assert.deepEqual(
    fake.requests.map((r) => query(r)),
    [
      { offset: '0', limit: '100' },
      { offset: '100', limit: '50' },
    ],
  );
  const rest = data(await call('get_all_schedules', { offset: 150, limit: 1000 }));
  assert.equal(rest.count, 80);
  assert.equal(rest.has_more, false);
  for (const req of fake.requests) assertAuth(req);
});

test('get_all_schedules with page reads one page and gives lemlist’s next page', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /api/schedules', { body: schedulesPage(many(0, 5), 3039, 1, 5) });
  const out = data(
    await call('get_all_schedules', { page: 1, limit: 5, sortOrder: 'asc', sortBy: 'createdAt' }),
  );
  assert.deepEqual(query(onlyRequest(fake)), {
    page: '1',
    limit: '5',
    sortBy: 'createdAt',
    sortOrder: 'asc',
  });
  assert.equal(out.next_page, 2);
  assert.equal(out.total, 3039);
});

test('get_schedule and get_campaign_schedules read by id', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET /api/schedules/${SKD}`, { body: schedule(SKD, 'Custom Schedule') });
  fake.route(`GET /api/campaigns/${CAM}/schedules/`, { body: [schedule(SKD, 'Custom Schedule')] });
  assert.equal(data(await call('get_schedule', { scheduleId: SKD })).name, 'Custom Schedule');
  const out = data(await call('get_campaign_schedules', { campaignId: CAM }));
  assert.equal(out.campaignId, CAM);
  assert.equal((out.schedules as unknown[]).length, 1);
  assert.deepEqual(
    fake.requests.map((r) => r.path),
    [`/api/schedules/${SKD}`, `/api/campaigns/${CAM}/schedules/`],
  );
});

test('get_schedule names the schedule lemlist does not know', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /api/schedules/skd_nope', { status: 404, body: errors.scheduleNotFound });
  assert.equal(
    failure(await call('get_schedule', { scheduleId: 'skd_nope' })),
    'Schedule not found: skd_nope',
  );
});

test('create_schedule sends lemlist’s documented defaults for the fields not given', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /api/schedules', (req) => ({
    body: schedule('skd_VK2e2ON1xErgrc8NC', 'x', req.body as Record<string, unknown>),
  }));
  const out = data(
    await call('create_schedule', { name: 'Mornings', end: '12:00', timezone: 'America/New_York' }),
  );
  assert.deepEqual(onlyRequest(fake).body, {
    name: 'Mornings',
    secondsToWait: 1200,
    timezone: 'America/New_York',
    start: '09:00',
    end: '12:00',
    weekdays: [1, 2, 3, 4, 5],
  });
  assert.equal(
    out.message,
    'Created schedule "Mornings" (skd_VK2e2ON1xErgrc8NC): it sends 09:00-12:00 America/New_York on days 1,2,3,4,5.',
  );
});

test('create_schedule names a wrong argument before any request', async (t) => {
  const { fake, call } = await setup(t);
  assert.match(failure(await call('create_schedule', { start: '9am' })), /start/);
  assert.match(failure(await call('create_schedule', { timezone: 'Mars/Olympus' })), /timezone/);
  assert.match(failure(await call('create_schedule', { weekdays: [1, 1] })), /weekdays/);
  assert.match(
    failure(await call('create_schedule', { start: '18:00', end: '09:00' })),
    /end \(09:00\) must be after/,
  );
  assert.equal(fake.requests.length, 0);
});

test('update_schedule patches the fields given', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`PATCH /api/schedules/${SKD}`, {
    body: schedule(SKD, 'Renamed Schedule', {
      secondsToWait: 1000,
      timezone: 'Europe/Berlin',
      start: '08:00',
    }),
  });
  const out = data(
    await call('update_schedule', { scheduleId: SKD, name: 'Renamed Schedule', start: '08:00' }),
  );
  assert.deepEqual(onlyRequest(fake).body, { name: 'Renamed Schedule', start: '08:00' });
  assert.equal(
    out.message,
    `Updated name, start of schedule ${SKD}: it sends 08:00-18:00 Europe/Berlin on days 1,2,3,4,5.`,
  );
  assert.match(failure(await call('update_schedule', { scheduleId: SKD })), /give at least one field/);
});

test('delete_schedule deletes; a retry that finds it gone says so instead of failing', async (t) => {
  const { fake, call } = await setup(t);
  fake.once(`DELETE /api/schedules/${SKD}`, { status: 502, body: 'Bad gateway' });
  fake.route(`DELETE /api/schedules/${SKD}`, { status: 404, body: errors.scheduleNotFound });
  const out = data(await call('delete_schedule', { schedule_id: SKD }));
  assert.deepEqual(out, {
    deleted: false,
    schedule_id: SKD,
    message: `Schedule ${SKD} is not in lemlist: it was already deleted, or the id is wrong.`,
  });
  fake.route('DELETE /api/schedules/skd_Z6mAiyX6c73uqQtCV', { body: { _id: 'skd_Z6mAiyX6c73uqQtCV' } });
  assert.equal(
    data(await call('delete_schedule', { schedule_id: 'skd_Z6mAiyX6c73uqQtCV' })).message,
    'Deleted schedule skd_Z6mAiyX6c73uqQtCV.',
  );
});

test('associate_schedule_with_campaign posts the pair', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`POST /api/campaigns/${CAM}/schedules/${SKD}`, { body: { scheduleId: SKD, campaignId: CAM } });
  assert.deepEqual(
    data(await call('associate_schedule_with_campaign', { campaignId: CAM, scheduleId: SKD })),
    {
      campaignId: CAM,
      scheduleId: SKD,
      message: `Campaign ${CAM} now sends on schedule ${SKD}.`,
    },
  );
  assert.equal(onlyRequest(fake).method, 'POST');
});

test('associate_schedule_with_campaign: lemlist’s "Schedule not found" names the schedule, not the campaign', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`POST /api/campaigns/${CAM}/schedules/skd_x`, { status: 404, body: errors.scheduleNotFound });
  assert.equal(
    failure(await call('associate_schedule_with_campaign', { campaignId: CAM, scheduleId: 'skd_x' })),
    'Schedule not found: skd_x',
  );
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { query } from '../../../testing/fake-service.js';
import { campaign, campaignSettings, createdCampaign, exportJob } from './fake-lemlist.js';
import { assertAuth, data, failure, onlyRequest, setup } from './harness.js';

const CAM = 'cam_A1B2C3D4E5F6G7H8I9';
const many = (from: number, n: number) =>
  Array.from({ length: n }, (_, i) => campaign(`cam_${from + i}`, `Campaign ${from + i}`));

test('get_all_campaigns follows offset pages of 100 up to limit and says where to go on', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /api/campaigns', (req) => {
    const at = Number(req.query.get('offset'));
    return { body: many(at, Number(req.query.get('limit'))) };
  });
  const out = data(await call('get_all_campaigns', { limit: 150, sortBy: 'createdAt', sortOrder: 'desc' }));
  assert.equal(out.count, 150);
  assert.equal((out.campaigns as { _id: string }[])[149]?._id, 'cam_149');
  assert.equal(out.has_more, true);
  assert.equal(out.next_offset, 150);
  assert.deepEqual(
    fake.requests.map((r) => query(r)),
    [
      { offset: '0', limit: '100', sortBy: 'createdAt', sortOrder: 'desc' },
      { offset: '100', limit: '50', sortBy: 'createdAt', sortOrder: 'desc' },
    ],
  );
  for (const req of fake.requests) assertAuth(req);
});

test('get_all_campaigns stops at a short page: nothing more', async (t) => {
  const { fake, call } = await setup(t);
  fake.once('GET /api/campaigns', { body: many(0, 100) }, { body: many(100, 7) });
  const out = data(await call('get_all_campaigns', {}));
  assert.equal(out.count, 100);
  assert.equal(out.has_more, true);
  const rest = data(await call('get_all_campaigns', { offset: 100 }));
  assert.equal(rest.count, 7);
  assert.equal(rest.has_more, false);
  assert.equal(rest.next_offset, undefined);
  assert.equal(query(fake.requests[1] as never).offset, '100');
});

test('get_all_campaigns with page reads that page only; limit above 100 with page names the argument', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /api/campaigns', { body: many(20, 10) });
  const out = data(await call('get_all_campaigns', { page: 3, limit: 10 }));
  assert.deepEqual(query(onlyRequest(fake)), { page: '3', limit: '10' });
  assert.equal(out.next_page, 4);
  assert.match(
    failure(await call('get_all_campaigns', { page: 2, limit: 500 })),
    /limit: at most 100 with page/,
  );
  assert.equal(fake.requests.length, 1);
});

test('get_campaign reads GET /campaigns/{campaignId}', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET /api/campaigns/${CAM}`, {
    body: campaign(CAM, 'Product Launch Campaign', { status: 'draft' }),
  });
  const out = data(await call('get_campaign', { campaignId: CAM }));
  assert.equal(out.name, 'Product Launch Campaign');
  assert.equal(onlyRequest(fake).path, `/api/campaigns/${CAM}`);
});

test('create_campaign posts the name and says what was created', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /api/campaigns', (req) => ({
    body: createdCampaign('cam_kok3I33Sba7mcNIO7', String((req.body as { name: string }).name)),
  }));
  const out = data(await call('create_campaign', { name: 'My new campaign' }));
  assert.equal(
    out.message,
    'Created campaign "My new campaign" (cam_kok3I33Sba7mcNIO7) with sequence seq_ScVmFnlKdP6aVmyZN and ' +
      'schedule skd_IrCdCoQ0ZUAEeUDwR; it has no leads yet.',
  );
  assert.deepEqual(onlyRequest(fake).body, { name: 'My new campaign' });
  // guMCP let the name be left out; lemlist requires one, so a dated default is sent.
  data(await call('create_campaign', {}));
  assert.match(String((fake.requests[1]?.body as { name: string }).name), /^New campaign \d{4}-\d{2}-\d{2}$/);
});

test('create_campaign is not retried after a 500: lemlist may have created it', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /api/campaigns', { status: 500, body: 'Internal error' });
  assert.equal(
    failure(await call('create_campaign', { name: 'x' })),
    'lemlist failed (HTTP 500); the request may have gone through, so check before trying again',
  );
  assert.equal(fake.requests.length, 1);
});

test('update_campaign patches only the settings given and names them', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`PATCH /api/campaigns/${CAM}`, { body: campaignSettings });
  const out = data(
    await call('update_campaign', {
      campaignId: CAM,
      name: 'New campaign name',
      stopOnEmailReplied: true,
      disableTrackOpen: false,
      stopOnLinkClickedFilter: null,
    }),
  );
  assert.deepEqual(onlyRequest(fake).body, {
    name: 'New campaign name',
    stopOnEmailReplied: true,
    disableTrackOpen: false,
    stopOnLinkClickedFilter: null,
  });
  assert.equal(
    out.message,
    `Updated name, stopOnEmailReplied, disableTrackOpen, stopOnLinkClickedFilter of campaign "New campaign name" (${CAM}).`,
  );
  assert.match(failure(await call('update_campaign', { campaignId: CAM })), /give at least one setting/);
  assert.equal(fake.requests.length, 1);
});

test('update_campaign (a PATCH that sets values) is retried after a 503', async (t) => {
  const { fake, call } = await setup(t);
  fake.once(`PATCH /api/campaigns/${CAM}`, { status: 503, body: 'Service unavailable' });
  fake.route(`PATCH /api/campaigns/${CAM}`, { body: campaignSettings });
  data(await call('update_campaign', { campaignId: CAM, sequenceSharing: true }));
  assert.equal(fake.requests.length, 2);
});

test('pause_lemlist_campaign posts /pause and says nothing more is sent', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`POST /api/campaigns/${CAM}/pause`, { body: { _id: CAM, state: 'paused' } });
  const out = data(await call('pause_lemlist_campaign', { campaignId: CAM }));
  assert.deepEqual(out, {
    campaignId: CAM,
    state: 'paused',
    message: `Campaign ${CAM} is paused: lemlist sends nothing more from it until it is started again.`,
  });
  assert.equal(onlyRequest(fake).method, 'POST');
});

test('start_lemlist_campaign_export starts the job with GET /export/start and returns its id', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET /api/campaigns/${CAM}/export/start`, {
    body: exportJob('axp_Vv6lJOc8NlVVmDud5', CAM, 'pending'),
  });
  const out = data(await call('start_lemlist_campaign_export', { campaignId: CAM }));
  assert.equal(out.exportId, 'axp_Vv6lJOc8NlVVmDud5');
  assert.equal(out.status, 'pending');
  assert.equal(out.csv_url, null);
  assert.match(
    String(out.message),
    /^Started export axp_Vv6lJOc8NlVVmDud5 of campaign "Insights Outreach 2024"/,
  );
  onlyRequest(fake);
});

test('start_lemlist_campaign_export is not repeated after a 502, so one job is started', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET /api/campaigns/${CAM}/export/start`, { status: 502, body: 'Bad gateway' });
  assert.match(
    failure(await call('start_lemlist_campaign_export', { campaignId: CAM })),
    /may have gone through/,
  );
  assert.equal(fake.requests.length, 1);
});

test('get_campaign_export_status gives the status and csv_url', async (t) => {
  const { fake, call } = await setup(t);
  const path = `/api/campaigns/${CAM}/export/axp_1/status`;
  fake.route(`GET ${path}`, { body: { ok: true, status: exportJob('axp_1', CAM, 'done') } });
  const out = data(await call('get_campaign_export_status', { campaignId: CAM, exportId: 'axp_1' }));
  assert.equal(out.status, 'done');
  assert.equal(out.csv_url, 'https://api.lemlist.com/api/files/exports/fil_axp_1_insights_outreach_2024.csv');
  assert.equal(onlyRequest(fake).path, path);
});

test('get_campaign_export_status with wait_seconds polls until done, reporting progress', async (t) => {
  const { fake, client, clock } = await setup(t);
  const path = `/api/campaigns/${CAM}/export/axp_1/status`;
  fake.once(
    `GET ${path}`,
    { body: { ok: true, status: exportJob('axp_1', CAM, 'pending', { progress: 1, total: 4 }) } },
    { body: { ok: true, status: exportJob('axp_1', CAM, 'pending', { progress: 3, total: 4 }) } },
  );
  fake.route(`GET ${path}`, { body: { ok: true, status: exportJob('axp_1', CAM, 'done') } });
  const progress: number[] = [];
  const result = await client.callTool(
    {
      name: 'get_campaign_export_status',
      arguments: { campaignId: CAM, exportId: 'axp_1', wait_seconds: 60 },
    },
    { onprogress: (p) => progress.push(p.progress) },
  );
  assert.equal(data(result).status, 'done');
  assert.equal(fake.requests.length, 3);
  assert.deepEqual(progress, [1, 3]);
  assert.deepEqual(clock.sleeps, [1000, 1500]);
});

test('get_campaign_export_status names the export lemlist does not know', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`GET /api/campaigns/${CAM}/export/axp_404/status`, {
    status: 404,
    body: { ok: false, message: 'Export with id axp_404 not found' },
  });
  assert.equal(
    failure(await call('get_campaign_export_status', { campaignId: CAM, exportId: 'axp_404' })),
    `Export not found: axp_404 of campaign ${CAM}`,
  );
});

test('export_lemlist_campaign sets the address by PUT, says who gets the link, and is not repeated after a 500', async (t) => {
  const { fake, call } = await setup(t);
  const path = `/api/campaigns/${CAM}/export/axp_1/email/emily.johnson@example.com`;
  fake.once(`PUT ${path}`, { status: 500, body: 'Internal error' });
  assert.match(
    failure(
      await call('export_lemlist_campaign', {
        campaignId: CAM,
        exportId: 'axp_1',
        email: 'Emily.Johnson@example.com',
      }),
    ),
    /may have gone through/,
  );
  assert.equal(fake.requests.length, 1);
  fake.route(`PUT ${path}`, {
    body: { ok: true, status: exportJob('axp_1', CAM, 'pending', { email: 'emily.johnson@example.com' }) },
  });
  const out = data(
    await call('export_lemlist_campaign', {
      campaignId: CAM,
      exportId: 'axp_1',
      email: 'emily.johnson@example.com',
    }),
  );
  assert.equal(
    out.message,
    `lemlist will email the download link of export axp_1 of campaign ${CAM} to emily.johnson@example.com when it is done.`,
  );
  assert.deepEqual(
    fake.requests.map((r) => `${r.method} ${r.path}`),
    [`PUT ${path}`, `PUT ${path}`],
  );
});

test('get_all_campaigns also reads a {campaigns, pagination} answer', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('GET /api/campaigns', {
    body: { campaigns: many(0, 3), pagination: { totalRecords: 3, currentPage: 1, totalPage: 1 } },
  });
  const out = data(await call('get_all_campaigns', { limit: 10 }));
  assert.equal(out.count, 3);
  assert.equal(out.has_more, false);
});

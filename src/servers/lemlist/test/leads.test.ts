import assert from 'node:assert/strict';
import { test } from 'node:test';
import { only, query } from '../../../testing/fake-service.js';
import { createdLead, errors, lead, leadEverywhere } from './fake-lemlist.js';
import { data, failure, onlyRequest, setup } from './harness.js';

const CAM = 'cam_bSn8EORHQxbWPjHvu';
const ADD = `POST /api/campaigns/${CAM}/leads/`;
const ADA = 'ada@example.com';

test('create_lead_in_campaign posts the lead, deduplicates by default, and says who was added to which campaign', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(ADD, (req) => ({ body: createdLead(CAM, String((req.body as { email: string }).email)) }));
  const out = data(
    await call('create_lead_in_campaign', {
      campaignId: CAM,
      email: 'Ada@Example.com',
      firstName: 'Ada',
      lastName: 'Lovelace',
      companyName: 'Analytical Engines',
      icebreaker: 'Loved your notes on the engine',
      linkedinUrl: 'https://www.linkedin.com/in/ada',
      companyDomain: 'engines.example',
    }),
  );
  const req = onlyRequest(fake);
  assert.deepEqual(query(req), { deduplicate: 'true' });
  assert.deepEqual(req.body, {
    email: ADA,
    firstName: 'Ada',
    lastName: 'Lovelace',
    companyName: 'Analytical Engines',
    icebreaker: 'Loved your notes on the engine',
    linkedinUrl: 'https://www.linkedin.com/in/ada',
    companyDomain: 'engines.example',
  });
  assert.equal(out.added, true);
  assert.equal(out.campaignName, 'Product Launch');
  assert.deepEqual(out.enrichment, []);
  assert.equal(
    out.message,
    `Added Ada Lovelace <${ADA}> to campaign "Product Launch" (${CAM}) as lead lea_fiDpiGV585wy3Oii2: if the ` +
      'campaign is running, lemlist starts its sequence for them.',
  );
});

test('enrichment flags go in the query and the result says they spend credits', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(ADD, { body: createdLead(CAM, ADA) });
  const out = data(
    await call('create_lead_in_campaign', {
      campaignId: CAM,
      email: ADA,
      deduplicate: false,
      findPhone: true,
      verifyEmail: true,
      linkedinEnrichment: false,
    }),
  );
  assert.deepEqual(query(onlyRequest(fake)), {
    deduplicate: 'false',
    verifyEmail: 'true',
    findPhone: 'true',
  });
  assert.deepEqual(onlyRequest(fake).body, { email: ADA });
  assert.deepEqual(out.enrichment, ['email verification', 'phone finding']);
  assert.match(
    String(out.message),
    /Requested email verification, phone finding \(spending lemlist credits\)\.$/,
  );
});

test('without an email, and nothing to find one with, no lead is sent', async (t) => {
  const { fake, call } = await setup(t);
  assert.match(
    failure(await call('create_lead_in_campaign', { campaignId: CAM, firstName: 'Ada' })),
    /email: give the email/,
  );
  assert.equal(fake.requests.length, 0);
  fake.route(ADD, { body: createdLead(CAM, '') });
  data(
    await call('create_lead_in_campaign', {
      campaignId: CAM,
      findEmail: true,
      firstName: 'Ada',
      lastName: 'Lovelace',
      companyDomain: 'engines.example',
    }),
  );
  assert.deepEqual(query(only(fake, 'POST', `/api/campaigns/${CAM}/leads/`)), {
    deduplicate: 'true',
    findEmail: 'true',
  });
});

test('after a 500 the lead is not sent again; when lemlist has it, the result says it was added', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(ADD, { status: 500, body: 'Internal error' });
  fake.route(`GET /api/leads/${ADA}`, { body: [leadEverywhere('cam_other', ADA), leadEverywhere(CAM, ADA)] });
  const out = data(await call('create_lead_in_campaign', { campaignId: CAM, email: ADA, firstName: 'Ada' }));
  assert.equal(out.added, true);
  assert.equal(
    out.message,
    `lemlist answered with an error, but Ada <${ADA}> is now a lead of campaign ${CAM} (lea_fiDpiGV585wy3Oii2): ` +
      'the request went through. Do not add them again.',
  );
  assert.deepEqual(
    fake.requests.map((r) => `${r.method} ${r.path}`),
    [`POST /api/campaigns/${CAM}/leads/`, `GET /api/leads/${ADA}`],
  );
  assert.deepEqual(query(fake.requests[1] as never), { version: 'v2' });
});

test('after a 503 with no such lead in lemlist, the error says nothing was added and a retry is safe', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(ADD, { status: 503, body: 'Service unavailable' });
  fake.route(`GET /api/leads/${ADA}`, { status: 404, body: errors.leadNotFound });
  assert.equal(
    failure(await call('create_lead_in_campaign', { campaignId: CAM, email: ADA })),
    `lemlist failed (HTTP 503). ${ADA} is not a lead of campaign ${CAM}: nothing was added, so it is safe to try again.`,
  );
  assert.equal(fake.requests.filter((r) => r.method === 'POST').length, 1);
});

test('a lead lemlist refuses (already there) is reported with lemlist’s reason', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(ADD, { status: 400, body: 'Lead already in the campaign' });
  assert.equal(
    failure(await call('create_lead_in_campaign', { campaignId: CAM, email: ADA })),
    `lemlist did not add ${ADA} to campaign ${CAM}: Lead already in the campaign`,
  );
});

test('a 429 is retried (lemlist processed nothing) and the lead is added once', async (t) => {
  const { fake, call } = await setup(t);
  fake.once(ADD, { status: 429, headers: { 'retry-after': '0' }, body: 'Too many requests' });
  fake.route(ADD, { body: createdLead(CAM, ADA) });
  assert.equal(data(await call('create_lead_in_campaign', { campaignId: CAM, email: ADA })).added, true);
  assert.equal(fake.requests.length, 2);
});

test('an unknown campaign is named', async (t) => {
  const { fake, call } = await setup(t);
  fake.route('POST /api/campaigns/cam_nope/leads/', { status: 404, body: errors.campaignNotFound });
  assert.equal(
    failure(await call('create_lead_in_campaign', { campaignId: 'cam_nope', email: ADA })),
    'Campaign not found: cam_nope',
  );
});

test('delete_lead removes the lead (action=remove) by email, or by leadId when given', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`DELETE /api/campaigns/${CAM}/leads/${ADA}`, { body: lead(CAM, ADA) });
  fake.route(`DELETE /api/campaigns/${CAM}/leads/lea_fiDpiGV585wy3Oii2`, { body: lead(CAM, ADA) });
  const byEmail = data(await call('delete_lead', { campaignId: CAM, email: ADA }));
  assert.equal(
    byEmail.message,
    `Deleted lead Ada Lovelace <${ADA}> from campaign ${CAM}, with its statistics.`,
  );
  const byId = data(
    await call('delete_lead', { campaignId: CAM, email: ADA, leadId: 'lea_fiDpiGV585wy3Oii2' }),
  );
  assert.equal(
    byId.message,
    `Deleted lead Ada Lovelace <${ADA}> (lea_fiDpiGV585wy3Oii2) from campaign ${CAM}, with its statistics.`,
  );
  assert.deepEqual(
    fake.requests.map((r) => [r.method, r.path, query(r)]),
    [
      ['DELETE', `/api/campaigns/${CAM}/leads/${ADA}`, { action: 'remove' }],
      ['DELETE', `/api/campaigns/${CAM}/leads/lea_fiDpiGV585wy3Oii2`, { action: 'remove' }],
    ],
  );
});

test('delete_lead of a lead not in the campaign says so; an unknown campaign is an error', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(`DELETE /api/campaigns/${CAM}/leads/${ADA}`, { status: 404, body: errors.leadNotFound });
  fake.route(`DELETE /api/campaigns/cam_x/leads/${ADA}`, { status: 404, body: errors.campaignNotFound });
  assert.deepEqual(data(await call('delete_lead', { campaignId: CAM, email: ADA })), {
    deleted: false,
    campaignId: CAM,
    email: ADA,
    message: `${ADA} is not a lead of campaign ${CAM}: it was already deleted, or was never there.`,
  });
  assert.equal(
    failure(await call('delete_lead', { campaignId: 'cam_x', email: ADA })),
    'Campaign not found: cam_x',
  );
});

for (const [tool, path, interested] of [
  ['mark_lead_as_interested_all_campaigns', `/api/leads/interested/${ADA}`, true],
  ['mark_lead_as_not_interested_all_campaigns', `/api/leads/notinterested/${ADA}`, false],
] as const) {
  test(`${tool} posts ${path} and names every campaign it changed`, async (t) => {
    const { fake, call } = await setup(t);
    fake.route(`POST ${path}`, { body: [lead(CAM, ADA), lead('cam_2', ADA)] });
    const out = data(await call(tool, { email: ADA }));
    assert.deepEqual(out.campaigns, [CAM, 'cam_2']);
    assert.equal(
      out.message,
      `Marked ${ADA} as ${interested ? 'interested' : 'not interested'} in 2 campaigns: ${CAM}, cam_2.`,
    );
    assert.equal(onlyRequest(fake).method, 'POST');
  });
}

for (const [tool, verb, interested] of [
  ['mark_lead_as_interested_in_campaign', 'interested', true],
  ['mark_lead_as_not_interested_in_campaign', 'notinterested', false],
] as const) {
  test(`${tool} posts /campaigns/{id}/leads/{email}/${verb}; retried after a 5xx, as marking again changes nothing`, async (t) => {
    const { fake, call } = await setup(t);
    const path = `/api/campaigns/${CAM}/leads/${ADA}/${verb}`;
    fake.once(`POST ${path}`, { status: 502, body: 'Bad gateway' });
    fake.route(`POST ${path}`, { body: lead(CAM, ADA) });
    const out = data(await call(tool, { campaignId: CAM, email: ADA }));
    assert.equal(out.interested, interested);
    assert.equal(
      out.message,
      `Marked Ada Lovelace <${ADA}> as ${interested ? 'interested' : 'not interested'} in campaign ${CAM}.`,
    );
    assert.equal(fake.requests.length, 2);
  });
}

test('after a timeout the lead is not sent again, and the lookup says whether it went through', async (t) => {
  const { fake, call } = await setup(t, undefined, { timeoutMs: 100 });
  fake.route(ADD, async () => {
    await new Promise((resolve) => setTimeout(resolve, 400));
    return { body: createdLead(CAM, ADA) };
  });
  fake.route(`GET /api/leads/${ADA}`, { body: [leadEverywhere(CAM, ADA)] });
  const out = data(await call('create_lead_in_campaign', { campaignId: CAM, email: ADA }));
  assert.match(String(out.message), /^lemlist answered with an error, but ada@example\.com is now a lead/);
  assert.equal(fake.requests.filter((r) => r.method === 'POST').length, 1);
});

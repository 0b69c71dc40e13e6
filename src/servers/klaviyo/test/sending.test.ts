import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fakeFor, query } from '../../../testing/fake-service.js';
import { connect } from '../../../testing/mcp.js';
import { createKlaviyoServer } from '../index.js';
import {
  CAMPAIGN_ID,
  campaign,
  doc,
  errors,
  estimation,
  JSONAPI,
  LIST_ID,
  list,
  notFound,
  sendJob,
  throttled,
} from './fake-klaviyo.js';
import { answer, CREDENTIALS, data, failure, fast, only, route, setup } from './harness.js';

const SEND = route('POST', 'campaign-send-jobs');
const JOB = route('GET', `campaign-send-jobs/${CAMPAIGN_ID}`);
const serverError = {
  status: 503,
  headers: JSONAPI,
  body: errors(503, 'error', 'Service unavailable.', 'Try again.'),
};

/** A draft campaign to Newsletter (a list) and segment SgMnt1, excluding UnSb01, with an estimate of 1234. */
function draft(fake: Awaited<ReturnType<typeof setup>>['fake'], attributes: Record<string, unknown> = {}) {
  fake.route(route('GET', `campaigns/${CAMPAIGN_ID}`), answer(doc(campaign(CAMPAIGN_ID, attributes))));
  fake.route(route('GET', 'lists'), answer(doc([list(LIST_ID, 'Newsletter')])));
  fake.route(route('GET', `campaign-recipient-estimations/${CAMPAIGN_ID}`), answer(doc(estimation())));
}

test('send_campaign queues a draft once and says what goes to whom', async (t) => {
  const { fake, call } = await setup(t);
  draft(fake);
  fake.route(SEND, answer(doc(sendJob()), 202));

  const out = data(await call('send_campaign', { campaign_id: CAMPAIGN_ID }));

  assert.deepEqual(out, {
    campaign_id: CAMPAIGN_ID,
    name: 'May sale',
    job_status: 'queued',
    send_strategy: { method: 'immediate' },
    included_audiences: [{ id: LIST_ID, name: 'Newsletter' }, { id: 'SgMnt1' }],
    excluded_audiences: [{ id: 'UnSb01' }],
    estimated_recipients: 1234,
    message:
      `Queued campaign "May sale" (${CAMPAIGN_ID}) (send job queued) to send now to "Newsletter" (${LIST_ID}), ` +
      'segment or list SgMnt1, excluding segment or list UnSb01; about 1234 recipients by Klaviyo’s last estimate. ' +
      'It is queued once: do not send it again; follow it with get_campaign.',
  });
  assert.deepEqual(only(fake, 'POST', 'campaign-send-jobs').body, {
    data: { type: 'campaign-send-job', id: CAMPAIGN_ID },
  });
  assert.deepEqual(query(only(fake, 'GET', 'lists')), {
    filter: `any(id,['${LIST_ID}','SgMnt1','UnSb01'])`,
    'fields[list]': 'name',
  });
});

test('a scheduled strategy is said with its time; a missing estimate is left out', async (t) => {
  const { fake, call } = await setup(t);
  draft(fake, { send_strategy: { method: 'static', datetime: '2026-12-01T10:00:00+00:00', options: null } });
  fake.route(route('GET', `campaign-recipient-estimations/${CAMPAIGN_ID}`), {
    status: 404,
    headers: JSONAPI,
    body: notFound('campaign-recipient-estimation', CAMPAIGN_ID),
  });
  fake.route(SEND, answer(doc(sendJob()), 202));
  const out = data(await call('send_campaign', { campaign_id: CAMPAIGN_ID }));
  assert.equal(out.estimated_recipients, undefined);
  assert.match(String(out.message), /to send at 2026-12-01T10:00:00\+00:00 to "Newsletter"/);
  assert.doesNotMatch(String(out.message), /estimate/);
});

test('a campaign that is not a draft is refused before anything is sent (a repeat cannot send twice)', async (t) => {
  const { fake, call } = await setup(t);
  draft(fake, { status: 'Sent' });
  assert.equal(
    failure(await call('send_campaign', { campaign_id: CAMPAIGN_ID })),
    `Campaign "May sale" (${CAMPAIGN_ID}) is Sent, not a draft: nothing was sent. Only a draft can be sent; it was sent or queued before.`,
  );
  assert.equal(fake.requests.filter((r) => r.method === 'POST').length, 0);

  draft(fake, { audiences: { included: [], excluded: null } });
  assert.match(
    failure(await call('send_campaign', { campaign_id: CAMPAIGN_ID })),
    /has no audience: nothing was sent/,
  );
  assert.equal(fake.requests.filter((r) => r.method === 'POST').length, 0);
});

test('after a 5xx the send is not repeated; the send job that exists says it went through', async (t) => {
  const { fake, call } = await setup(t);
  draft(fake);
  fake.route(SEND, serverError);
  fake.route(JOB, answer(doc(sendJob(CAMPAIGN_ID, 'processing'))));

  const out = data(await call('send_campaign', { campaign_id: CAMPAIGN_ID }));

  assert.equal(out.job_status, 'processing');
  assert.match(
    String(out.message),
    /^Klaviyo’s answer was lost, but its send job exists: Queued campaign "May sale"/,
  );
  assert.equal(fake.requests.filter((r) => r.method === 'POST').length, 1);
  only(fake, 'GET', `campaign-send-jobs/${CAMPAIGN_ID}`);
});

test('after a 5xx with no send job, the error says nothing was queued and a new call is safe', async (t) => {
  const { fake, call } = await setup(t);
  draft(fake);
  fake.route(SEND, serverError);
  fake.route(JOB, { status: 404, headers: JSONAPI, body: notFound('campaign-send-job', CAMPAIGN_ID) });
  assert.equal(
    failure(await call('send_campaign', { campaign_id: CAMPAIGN_ID })),
    `Klaviyo did not confirm the send of campaign "May sale" (${CAMPAIGN_ID}) and has no send job for it: nothing ` +
      'was queued, so send_campaign may be called again.',
  );
  assert.equal(fake.requests.filter((r) => r.method === 'POST').length, 1);
});

test('a send throttled with 429 is retried after Retry-After: Klaviyo did nothing', async (t) => {
  const { fake, call, sleeps } = await setup(t);
  draft(fake);
  fake.once(SEND, { status: 429, headers: { ...JSONAPI, 'retry-after': '1' }, body: throttled });
  fake.route(SEND, answer(doc(sendJob()), 202));
  assert.equal(data(await call('send_campaign', { campaign_id: CAMPAIGN_ID })).job_status, 'queued');
  assert.equal(fake.requests.filter((r) => r.method === 'POST').length, 2);
  assert.deepEqual(sleeps, [1000]);
});

test('a send Klaviyo refuses gives its reason and checks nothing further', async (t) => {
  const { fake, call } = await setup(t);
  draft(fake);
  fake.route(SEND, {
    status: 400,
    headers: JSONAPI,
    body: errors(400, 'invalid', 'Invalid input.', 'The campaign message has no template.'),
  });
  assert.equal(
    failure(await call('send_campaign', { campaign_id: CAMPAIGN_ID })),
    `Klaviyo rejected the request for Campaign ${CAMPAIGN_ID} (HTTP 400): The campaign message has no template.`,
  );
  assert.equal(fake.requests.filter((r) => r.path.startsWith('/api/campaign-send-jobs/')).length, 0);
});

test('a send that times out is not repeated; the missing send job says nothing was queued', async (t) => {
  const fake = await fakeFor(t, 'klaviyo', '/api');
  const client = await connect(createKlaviyoServer({ ...fast(), timeoutMs: 50 }), {
    credentials: CREDENTIALS,
  });
  t.after(() => client.close());
  draft(fake);
  // Klaviyo never answers the send: the call gives up after its timeout.
  fake.route(SEND, () => new Promise<never>(() => undefined));
  fake.route(JOB, { status: 404, headers: JSONAPI, body: notFound('campaign-send-job', CAMPAIGN_ID) });

  const result = await client.callTool({ name: 'send_campaign', arguments: { campaign_id: CAMPAIGN_ID } });

  assert.match(
    failure(result),
    /has no send job for it: nothing was queued, so send_campaign may be called again\.$/,
  );
  assert.equal(fake.requests.filter((r) => r.method === 'POST').length, 1);
  assert.equal(fake.requests.filter((r) => r.path === `/api/campaign-send-jobs/${CAMPAIGN_ID}`).length, 1);
});

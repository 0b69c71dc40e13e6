import assert from 'node:assert/strict';
import { test } from 'node:test';
import { query, startFake } from '../../../testing/fake-service.js';
import { ACCOUNT, message, page2010, pageV, sid, verifyService } from './fake-twilio.js';
import { BASIC, data, setup } from './harness.js';

const MESSAGES = `${ACCOUNT}/Messages.json`;

test('list_messages follows next_page_uri up to max_results, asking only for what is left', async (t) => {
  const { api, call } = await setup(t);
  api.route(`GET ${MESSAGES}`, (req) =>
    req.query.get('PageToken') === 'PASM2'
      ? { body: page2010('messages', 'Messages.json', [message(3)], 1, 'PASM3') }
      : { body: page2010('messages', 'Messages.json', [message(1), message(2)], 0, 'PASM2') },
  );
  const out = data(await call('list_messages', { page_size: 2, max_results: 3 }));
  assert.deepEqual(api.requests.map(query), [
    { PageSize: '2' },
    { PageSize: '1', Page: '1', PageToken: 'PASM2' },
  ]);
  for (const req of api.requests) assert.equal(req.headers.authorization, BASIC);
  assert.equal(out.count, 3);
  assert.deepEqual(
    (out.messages as { sid: string }[]).map((m) => m.sid),
    [sid('SM', 1), sid('SM', 2), sid('SM', 3)],
  );
  assert.equal(out.next_page_token, 'Page=2&PageToken=PASM3', 'where the next call continues');
});

test("a product API's next_page_url on Twilio's own host is followed on the configured host", async (t) => {
  const { verify, call } = await setup(t);
  verify.route('GET /v2/Services', (req) =>
    req.query.get('PageToken') === 'PT2'
      ? { body: pageV('services', 'https://verify.twilio.com/v2/Services', [verifyService(2)], 1) }
      : { body: pageV('services', 'https://verify.twilio.com/v2/Services', [verifyService(1)], 0, 'PT2') },
  );
  const out = data(await call('list_verify_services', { page_size: 1, max_results: 10 }));
  assert.deepEqual(verify.requests.map(query), [
    { PageSize: '1' },
    { PageSize: '1', Page: '1', PageToken: 'PT2' },
  ]);
  assert.equal(out.count, 2);
  assert.equal(out.next_page_token, null, 'the last page has no next_page_url');
});

test('a next-page URL on another host is neither followed nor handed on: the credentials stay home', async (t) => {
  const { verify, call } = await setup(t);
  const elsewhere = await startFake();
  t.after(() => elsewhere.close());
  elsewhere.route('GET /v2/Services', {
    body: pageV('services', `${elsewhere.url}/v2/Services`, [verifyService(9)]),
  });
  verify.route('GET /v2/Services', {
    body: pageV('services', `${elsewhere.url}/v2/Services`, [verifyService(1)], 0, 'PT2'),
  });
  const out = data(await call('list_verify_services', { page_size: 1, max_results: 5 }));
  assert.equal(out.count, 1);
  assert.equal(out.next_page_token, null);
  assert.equal(verify.requests.length, 1);
  assert.equal(elsewhere.requests.length, 0);
});

test('a next page that repeats a cursor, or comes back empty, ends the list', async (t) => {
  const { api, video, call } = await setup(t);
  api.route(`GET ${MESSAGES}`, { body: page2010('messages', 'Messages.json', [message(1)], 1, 'SAME') });
  const out = data(
    await call('list_messages', { page_size: 1, max_results: 10, page_token: 'Page=1&PageToken=SAME' }),
  );
  assert.equal(api.requests.length, 1);
  assert.equal(out.next_page_token, null);

  video.route('GET /v1/Rooms', { body: pageV('rooms', 'https://video.twilio.com/v1/Rooms', [], 0, 'PT9') });
  const empty = data(await call('list_video_rooms', { max_results: 100 }));
  assert.deepEqual([empty.count, empty.next_page_token, video.requests.length], [0, null, 1]);
});

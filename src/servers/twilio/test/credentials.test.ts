import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fakeFor } from '../../../testing/fake-service.js';
import { verifyTwilioKey } from '../api.js';
import { createTwilioServer } from '../index.js';
import { ACCOUNT, ACCOUNT_SID, KEY_SECRET, KEY_SID, message, page2010, twilioError } from './fake-twilio.js';
import { BASIC, CREDENTIALS, data, setup } from './harness.js';

const FAST = { retries: 0, backoffMs: 1, timeoutMs: 2000 };
const account = (status = 'active') => ({
  sid: ACCOUNT_SID,
  friendly_name: 'Acme',
  status,
  type: 'Full',
  owner_account_sid: ACCOUNT_SID,
  auth_token: null,
  date_created: 'Thu, 24 Aug 2023 05:01:45 +0000',
  date_updated: 'Thu, 24 Aug 2023 05:01:45 +0000',
  subresource_uris: {},
  uri: `${ACCOUNT}.json`,
});
const refused = { status: 401, body: twilioError(401, 20003, 'Authenticate') };

test('a key changed mid-session is used from the next call on', async (t) => {
  let lookups = 0;
  const rotated = 'n3wSecret-0b1c2d3e4f5a6b7c8d9e0f1a';
  const { api, call } = await setup(t, async () => {
    lookups += 1;
    return { ...CREDENTIALS, api_key_secret: lookups <= 1 ? KEY_SECRET : rotated };
  });
  api.route(`GET ${ACCOUNT}/Messages.json`, { body: page2010('messages', 'Messages.json', [message(1)]) });
  data(await call('list_messages'));
  data(await call('list_messages'));
  assert.deepEqual(
    api.requests.map((r) => r.headers.authorization),
    [BASIC, `Basic ${Buffer.from(`${KEY_SID}:${rotated}`).toString('base64')}`],
  );
});

test('sign-in reads the account with the key, by HTTP Basic', async (t) => {
  const api = await fakeFor(t, 'twilio', '/2010-04-01');
  api.route(`GET ${ACCOUNT}.json`, { body: account() });
  assert.equal(await verifyTwilioKey(CREDENTIALS, FAST), undefined);
  assert.equal(api.requests.length, 1);
  assert.equal(api.requests[0]?.headers.authorization, BASIC);
});

test("sign-in accepts a Standard key, which may not read the account, once the account's messages answer", async (t) => {
  const api = await fakeFor(t, 'twilio', '/2010-04-01');
  api.route(`GET ${ACCOUNT}.json`, refused);
  api.route(`GET ${ACCOUNT}/Messages.json`, { body: page2010('messages', 'Messages.json', []) });
  const { auth } = createTwilioServer(FAST);
  assert.equal(auth.kind === 'api_key' ? await auth.verify?.(CREDENTIALS) : 'no verify', undefined);
  assert.deepEqual(
    api.requests.map((r) => `${r.method} ${r.path}?${r.query}`),
    [`GET ${ACCOUNT}.json?`, `GET ${ACCOUNT}/Messages.json?PageSize=1`],
  );
});

test('sign-in accepts a Restricted key without the messaging permission (it authenticates)', async (t) => {
  const api = await fakeFor(t, 'twilio', '/2010-04-01');
  api.route(`GET ${ACCOUNT}.json`, { status: 403, body: twilioError(403, 70051, 'Authorization Failed') });
  api.route(`GET ${ACCOUNT}/Messages.json`, {
    status: 403,
    body: twilioError(403, 70051, 'Authorization Failed'),
  });
  assert.equal(await verifyTwilioKey(CREDENTIALS, FAST), undefined);
});

test('sign-in refuses a wrong key, without echoing the secret', async (t) => {
  const api = await fakeFor(t, 'twilio', '/2010-04-01');
  api.route(`GET ${ACCOUNT}.json`, refused);
  api.route(`GET ${ACCOUNT}/Messages.json`, refused);
  await assert.rejects(verifyTwilioKey(CREDENTIALS, FAST), (error: Error) => {
    assert.equal(
      error.message,
      `Twilio rejected the API key ${KEY_SID} for account ${ACCOUNT_SID}: check api_key_sid and api_key_secret ` +
        '(the secret is shown once, when the key is created) and that the key belongs to this account',
    );
    assert.ok(!error.message.includes(KEY_SECRET));
    return true;
  });
});

test('sign-in refuses a suspended account, and malformed values before any request', async (t) => {
  const api = await fakeFor(t, 'twilio', '/2010-04-01');
  api.route(`GET ${ACCOUNT}.json`, { body: account('suspended') });
  await assert.rejects(
    verifyTwilioKey(CREDENTIALS, FAST),
    /account AC0+a11ce is suspended; it cannot be used/,
  );
  assert.equal(api.requests.length, 1);

  await assert.rejects(
    verifyTwilioKey({ ...CREDENTIALS, account_sid: 'AC123' }, FAST),
    /account_sid: must be an Account SID/,
  );
  await assert.rejects(
    verifyTwilioKey({ ...CREDENTIALS, api_key_sid: 'key-1' }, FAST),
    /api_key_sid: must be an API key SID, SK followed by 32 hexadecimal characters/,
  );
  await assert.rejects(
    verifyTwilioKey({ ...CREDENTIALS, api_key_secret: ' ' }, FAST),
    /api_key_secret: required/,
  );
  assert.equal(api.requests.length, 1);
});

test('the Account SID with the Auth Token as the secret is taken too', async (t) => {
  const api = await fakeFor(t, 'twilio', '/2010-04-01');
  api.route(`GET ${ACCOUNT}.json`, { body: account() });
  const token = 'f'.repeat(32);
  await verifyTwilioKey({ account_sid: ACCOUNT_SID, api_key_sid: ACCOUNT_SID, api_key_secret: token }, FAST);
  assert.equal(
    api.requests[0]?.headers.authorization,
    `Basic ${Buffer.from(`${ACCOUNT_SID}:${token}`).toString('base64')}`,
  );
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { only } from '../../../testing/fake-service.js';
import { verifyCredentials } from '../index.js';
import { jwtExpiry } from '../session.js';
import { entryway, pdsFromDidDoc } from '../xrpc.js';
import {
  badPassword,
  DID,
  detailedProfile,
  didDoc,
  expiredToken,
  HANDLE,
  invalidToken,
  jwt,
  rateLimitExceeded,
  xrpcError,
} from './fake-bluesky.js';
import { assertBearer, data, EXP, failure, NOW, PASSWORD, setup, stored } from './harness.js';

const PROFILE = 'GET /xrpc/app.bsky.actor.getProfile';

test('the first call creates a session at the entryway, then calls the PDS its DID document names', async (t) => {
  const h = await setup(t);
  h.pds.route(PROFILE, { body: detailedProfile(DID, HANDLE) });

  data(await h.call('get_my_profile'));
  data(await h.call('get_my_profile'));

  const create = only(h.entry, 'POST', '/xrpc/com.atproto.server.createSession');
  assert.deepEqual(create.body, { identifier: HANDLE, password: PASSWORD });
  assert.equal(create.headers.authorization, undefined);
  assert.equal(h.entry.requests.length, 1, 'the session is reused, not created again');
  assert.equal(h.pds.requests.length, 2);
  for (const req of h.pds.requests) {
    assertBearer(req, h.access(1));
    assert.equal(req.query.get('actor'), DID);
  }
  // The user's store keeps the tokens and where to send them, never the password.
  const kept = await stored(h);
  assert.deepEqual(kept, {
    did: DID,
    handle: HANDLE,
    accessJwt: h.access(1),
    refreshJwt: h.refresh(1),
    pds: h.pds.url,
    identifier: HANDLE,
  });
  assert.ok(!JSON.stringify(kept).includes(PASSWORD));
});

test('ExpiredToken (400) refreshes the session with the refresh token, keeps both new tokens and calls again', async (t) => {
  const h = await setup(t);
  h.pds.once(PROFILE, { body: detailedProfile(DID, HANDLE) }, { status: 400, body: expiredToken });
  h.pds.route(PROFILE, { body: detailedProfile(DID, HANDLE) });

  data(await h.call('get_my_profile'));
  data(await h.call('get_my_profile'));

  const refresh = only(h.entry, 'POST', '/xrpc/com.atproto.server.refreshSession');
  assertBearer(refresh, h.refresh(1));
  assert.equal(refresh.rawBody, '');
  assert.deepEqual(
    h.pds.requests.map((r) => r.headers.authorization),
    [`Bearer ${h.access(1)}`, `Bearer ${h.access(1)}`, `Bearer ${h.access(2)}`],
  );
  const kept = await stored(h);
  assert.equal(kept?.accessJwt, h.access(2));
  assert.equal(kept?.refreshJwt, h.refresh(2));
});

test('a refused refresh token (revoked or expired) starts a new session with the app password', async (t) => {
  const h = await setup(t);
  h.entry.once('POST /xrpc/com.atproto.server.refreshSession', { status: 400, body: expiredToken });
  h.pds.once(PROFILE, { body: detailedProfile(DID, HANDLE) }, { status: 401, body: invalidToken });
  h.pds.route(PROFILE, { body: detailedProfile(DID, HANDLE) });

  data(await h.call('get_my_profile'));
  data(await h.call('get_my_profile'));

  assert.deepEqual(
    h.entry.requests.map((r) => r.path),
    [
      '/xrpc/com.atproto.server.createSession',
      '/xrpc/com.atproto.server.refreshSession',
      '/xrpc/com.atproto.server.createSession',
    ],
  );
  // The refused refresh consumed no numbered session: the second createSession gave session 2.
  assert.equal(h.pds.requests.at(-1)?.headers.authorization, `Bearer ${h.access(2)}`);
});

test('an access token about to expire is refreshed before the call, so no call is refused', async (t) => {
  const h = await setup(t);
  await h.store.set('session', {
    did: DID,
    handle: HANDLE,
    accessJwt: jwt('access', 0, NOW / 1000 + 30),
    refreshJwt: jwt('refresh', 0, EXP),
    pds: h.pds.url,
    identifier: HANDLE,
  });
  h.pds.route(PROFILE, { body: detailedProfile(DID, HANDLE) });

  data(await h.call('get_my_profile'));

  assertBearer(only(h.entry, 'POST', '/xrpc/com.atproto.server.refreshSession'), jwt('refresh', 0, EXP));
  assert.equal(h.pds.requests.length, 1);
  assertBearer(h.pds.requests[0] ?? assert.fail(), h.access(1));
});

test('calls started together share one session, and calls refused together share one refresh', async (t) => {
  const h = await setup(t);
  h.pds.route(PROFILE, (req) =>
    req.headers.authorization === `Bearer ${h.access(1)}`
      ? { status: 400, body: expiredToken }
      : { body: detailedProfile(DID, HANDLE) },
  );

  const results = await Promise.all([h.call('get_my_profile'), h.call('get_my_profile')]);
  for (const r of results) data(r);

  assert.deepEqual(
    h.entry.requests.map((r) => r.path),
    ['/xrpc/com.atproto.server.createSession', '/xrpc/com.atproto.server.refreshSession'],
  );
  assert.equal(h.pds.requests.length, 4);
});

test('other stored credentials (another account signed in) start a new session', async (t) => {
  let identifier = HANDLE;
  const h = await setup(t, { credentials: async () => ({ identifier, password: PASSWORD }) });
  h.pds.route(PROFILE, { body: detailedProfile(DID, HANDLE) });
  data(await h.call('get_my_profile'));
  identifier = 'alice@example.com';
  data(await h.call('get_my_profile'));
  assert.equal(h.entry.requests.filter((r) => r.path.endsWith('createSession')).length, 2);
  assert.equal((await stored(h))?.identifier, 'alice@example.com');
});

test('a credential file written by guMCP (its session, no password) keeps working until the session ends', async (t) => {
  const legacy = {
    accessJwt: jwt('access', 9, EXP),
    refreshJwt: jwt('refresh', 9, EXP),
    handle: HANDLE,
    did: DID,
  };
  const h = await setup(t, { credentials: legacy });
  h.entry.once(PROFILE, { body: detailedProfile(DID, HANDLE) });

  data(await h.call('get_my_profile'));
  // guMCP kept no PDS: the entryway serves the calls (Bluesky's entryway proxies them).
  assertBearer(only(h.entry, 'GET', '/xrpc/app.bsky.actor.getProfile'), legacy.accessJwt);
  h.entry.route(PROFILE, { status: 400, body: expiredToken });
  h.entry.route('POST /xrpc/com.atproto.server.refreshSession', { status: 400, body: expiredToken });

  assert.equal(
    failure(await h.call('get_my_profile')),
    'Not authenticated with bluesky: the Bluesky session expired and no app password is stored to start another. ' +
      'Re-authenticate with `gumcp auth bluesky`.',
  );
});

test('a wrong app password asks to sign in again, without echoing it, and leaves no session behind', async (t) => {
  const h = await setup(t);
  h.entry.route('POST /xrpc/com.atproto.server.createSession', { status: 401, body: badPassword });
  const message = failure(await h.call('get_my_profile'));
  assert.equal(
    message,
    'Not authenticated with bluesky: Bluesky refused the identifier or app password (Invalid identifier or password); ' +
      'check both, or create a new app password if this one was revoked. Re-authenticate with `gumcp auth bluesky`.',
  );
  assert.ok(!message.includes(PASSWORD));
  assert.equal(await stored(h), undefined);
  assert.equal(h.pds.requests.length, 0);
});

test('an account that asks for an email code was given its password: the message says to use an app password', async (t) => {
  const h = await setup(t);
  h.entry.route('POST /xrpc/com.atproto.server.createSession', {
    status: 401,
    body: xrpcError('AuthFactorTokenRequired', 'A sign in code has been sent to your email address'),
  });
  assert.match(
    failure(await h.call('get_my_profile')),
    /sign in with an app password instead \(Settings > Privacy and security > App passwords\)/,
  );
});

test('sign-ins are rate limited hard: the message says so and when it resets', async (t) => {
  const h = await setup(t);
  h.entry.route('POST /xrpc/com.atproto.server.createSession', {
    status: 429,
    headers: {
      'ratelimit-limit': '30',
      'ratelimit-remaining': '0',
      'ratelimit-reset': String(NOW / 1000 + 240),
      'ratelimit-policy': '30;w=300',
    },
    body: rateLimitExceeded,
  });
  assert.equal(
    failure(await h.call('get_my_profile')),
    'Bluesky limits sign-ins (30 per 5 minutes and 300 a day per account) (30 points per 5 min); it resets in 4 min (at 2026-01-15T12:04:00.000Z)',
  );
});

test('verify checks the identifier and app password at sign-in and learns the DID and handle', async (t) => {
  const h = await setup(t);
  assert.deepEqual(await verifyCredentials({ identifier: '@Alice.bsky.social', password: PASSWORD }), {
    did: DID,
    handle: HANDLE,
  });
  assert.deepEqual(only(h.entry, 'POST', '/xrpc/com.atproto.server.createSession').body, {
    identifier: '@Alice.bsky.social',
    password: PASSWORD,
  });
  h.entry.route('POST /xrpc/com.atproto.server.createSession', { status: 401, body: badPassword });
  await assert.rejects(
    verifyCredentials({ identifier: HANDLE, password: 'wrong-pass-word-1234' }),
    (error: Error) => {
      assert.match(error.message, /^Bluesky sign-in failed: Bluesky refused the identifier or app password/);
      assert.ok(!error.message.includes('wrong-pass-word-1234'));
      return true;
    },
  );
  await assert.rejects(
    verifyCredentials({ identifier: HANDLE, password: ' ' }),
    /Enter the account’s handle/,
  );
});

test('the PDS from a DID document must be https; plain http only on loopback with a loopback entryway', () => {
  const https = didDoc('https://morel.us-east.host.bsky.network');
  assert.equal(pdsFromDidDoc(https, DID, 'https://bsky.social'), 'https://morel.us-east.host.bsky.network');
  assert.equal(
    pdsFromDidDoc(didDoc('http://127.0.0.1:2583'), DID, 'http://127.0.0.1:4000'),
    'http://127.0.0.1:2583',
  );
  assert.equal(pdsFromDidDoc(didDoc('http://127.0.0.1:2583'), DID, 'https://bsky.social'), undefined);
  assert.equal(pdsFromDidDoc(didDoc('http://pds.example.com'), DID, 'http://127.0.0.1:4000'), undefined);
  assert.equal(
    pdsFromDidDoc(didDoc('https://user:pw@pds.example.com'), DID, 'https://bsky.social'),
    undefined,
  );
  assert.equal(pdsFromDidDoc(didDoc(undefined), DID, 'https://bsky.social'), undefined);
  const fullId = {
    ...https,
    service: [
      {
        id: `${DID}#atproto_pds`,
        type: 'AtprotoPersonalDataServer',
        serviceEndpoint: 'https://pds.example.com/',
      },
    ],
  };
  assert.equal(pdsFromDidDoc(fullId, DID, 'https://bsky.social'), 'https://pds.example.com');
  const wrongType = {
    ...https,
    service: [{ id: '#atproto_pds', type: 'Other', serviceEndpoint: 'https://pds.example.com' }],
  };
  assert.equal(pdsFromDidDoc(wrongType, DID, 'https://bsky.social'), undefined);
});

test('without a usable PDS in the DID document, calls go to the entryway', async (t) => {
  const h = await setup(t, { pdsEndpoint: 'http://pds.example.com' });
  h.entry.route(PROFILE, { body: detailedProfile(DID, HANDLE) });
  data(await h.call('get_my_profile'));
  assertBearer(only(h.entry, 'GET', '/xrpc/app.bsky.actor.getProfile'), h.access(1));
  assert.equal(h.pds.requests.length, 0);
  assert.equal((await stored(h))?.pds, entryway());
});

test('jwtExpiry reads exp, and nothing from what is not a JWT', () => {
  assert.equal(jwtExpiry(jwt('access', 1, 1_800_000_000)), 1_800_000_000_000);
  assert.equal(jwtExpiry('opaque-token'), undefined);
  assert.equal(jwtExpiry('a.!!!.c'), undefined);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fakeFor, only } from '../../../testing/fake-service.js';
import { createAhrefsServer } from '../index.js';
import { BASE, insufficientPlan, limitsAndUsage, single, unauthorized } from './fake-ahrefs.js';
import { data, fast, KEY, setup } from './harness.js';

const LIMITS = 'GET /v3/subscription-info/limits-and-usage';

function verifier() {
  const server = createAhrefsServer(fast([]));
  if (server.auth.kind !== 'api_key' || !server.auth.verify) throw new Error('no verify');
  return server.auth.verify;
}

test('sign-in checks the key with the free limits-and-usage call and stores nothing else', async (t) => {
  const fake = await fakeFor(t, 'ahrefs', BASE);
  fake.route(LIMITS, { body: limitsAndUsage });

  assert.equal(await verifier()({ api_key: ` ${KEY} ` }), undefined);
  const req = only(fake, 'GET', '/v3/subscription-info/limits-and-usage');
  assert.equal(req.headers.authorization, `Bearer ${KEY}`);
  assert.equal(req.query.toString(), '');
});

test('a rejected key fails sign-in with a clear message that does not echo it; a blank one asks for it', async (t) => {
  const fake = await fakeFor(t, 'ahrefs', BASE);
  fake.route(LIMITS, unauthorized);

  await assert.rejects(verifier()({ api_key: 'AHwrong-key-123' }), (e: Error) => {
    assert.equal(
      e.message,
      'Ahrefs rejected the API key: check that it was copied whole, is an API v3 key (not an MCP key) and ' +
        'has not expired or been revoked',
    );
    return true;
  });
  await assert.rejects(verifier()({ api_key: ' ' }), {
    message: 'api_key: enter an Ahrefs API v3 key (Account settings > API keys)',
  });
  assert.equal(fake.requests.length, 1);
});

test('a key whose plan has no API access fails sign-in saying so', async (t) => {
  const fake = await fakeFor(t, 'ahrefs', BASE);
  fake.route(LIMITS, insufficientPlan);

  await assert.rejects(verifier()({ api_key: KEY }), {
    message:
      'Ahrefs accepted the key, but its plan has no API access (Insufficient plan): API v3 comes with the ' +
      'Enterprise plan',
  });
});

test('a key replaced mid-session is used from the next call on', async (t) => {
  let lookups = 0;
  const { fake, call } = await setup(t, async () => ({
    api_key: ++lookups <= 1 ? 'AHold-key' : 'AHnew-key',
  }));
  fake.route(
    'GET /v3/site-explorer/domain-rating',
    single('domain_rating', { domain_rating: 1, ahrefs_rank: null }),
  );

  const args = { target: 'ahrefs.com', date: '2025-03-01' };
  data(await call('domain_rating', args));
  data(await call('domain_rating', args));
  assert.deepEqual(
    fake.requests.map((r) => r.headers.authorization),
    ['Bearer AHold-key', 'Bearer AHnew-key'],
  );
});

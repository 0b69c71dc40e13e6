import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fakeFor, only } from '../../../testing/fake-service.js';
import { verifyApiKey } from '../api.js';
import perplexity from '../index.js';
import { asyncList, COMPLETIONS, completion, invalidKey, KEY, unauthorizedHtml } from './fake-perplexity.js';
import { data, setup, tuning } from './harness.js';

const LIST = 'GET /async/chat/completions';

const verify = (values: Record<string, string>) => verifyApiKey(values, tuning([]));

test('sign-in checks the key with the free list of async requests, never with a billed completion', async (t) => {
  const fake = await fakeFor(t, 'perplexity');
  fake.route(LIST, { body: asyncList });
  if (perplexity.auth.kind !== 'api_key') assert.fail('api key auth');
  assert.equal(await perplexity.auth.verify?.({ api_key: ` ${KEY} ` }), undefined);
  const req = only(fake, 'GET', '/async/chat/completions');
  assert.equal(req.headers.authorization, `Bearer ${KEY}`);
  assert.equal(fake.requests.length, 1);
});

test('a rejected key fails sign-in without echoing it, whether Perplexity answers JSON or HTML', async (t) => {
  const fake = await fakeFor(t, 'perplexity');
  for (const reply of [invalidKey, unauthorizedHtml]) {
    fake.once(LIST, reply);
    await assert.rejects(verify({ api_key: 'pplx-wrongwrongwrong123' }), (e: Error) => {
      assert.equal(
        e.message,
        'Perplexity rejected the API key: check that it was copied whole (it starts with pplx-) and has not been revoked',
      );
      return true;
    });
  }
  await assert.rejects(verify({ api_key: '  ' }), /api_key: enter the Perplexity API key/);
  assert.equal(fake.requests.length, 2);
});

test('when the list cannot tell (moved, or Perplexity failing), the key is let through', async (t) => {
  const fake = await fakeFor(t, 'perplexity');
  fake.once(LIST, { status: 404, body: { detail: 'Not Found' } });
  assert.equal(await verify({ api_key: KEY }), undefined);
  fake.route(LIST, { status: 503, body: '' });
  assert.equal(await verify({ api_key: KEY }), undefined);
});

test('a key replaced mid-session is used from the next call on', async (t) => {
  let reads = 0;
  const { fake, call } = await setup(t, async () => ({ api_key: ++reads <= 1 ? 'pplx-old' : 'pplx-new' }));
  fake.route(COMPLETIONS, { body: completion() });
  data(await call('search', { query: 'a' }));
  data(await call('search', { query: 'b' }));
  assert.deepEqual(
    fake.requests.map((r) => r.headers.authorization),
    ['Bearer pplx-old', 'Bearer pplx-new'],
  );
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  COMPLETIONS,
  completion,
  error,
  invalidKey,
  invalidModel,
  KEY,
  unauthorizedHtml,
} from './fake-perplexity.js';
import { data, failure, setup } from './harness.js';

const REAUTH =
  'Not authenticated with perplexity: Perplexity rejected the stored API key (revoked, or not copied whole). ' +
  'Re-authenticate with `gumcp auth perplexity`.';

test('401 with Perplexity’s JSON error: re-authenticate, not retried', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(COMPLETIONS, invalidKey);
  assert.equal(failure(await call('search', { query: 'q' })), REAUTH);
  assert.equal(fake.requests.length, 1);
});

test('401 as the gateway’s HTML page: the same advice, and none of the page', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(COMPLETIONS, unauthorizedHtml);
  const message = failure(await call('chat', { message: 'Hi' }));
  assert.equal(message, REAUTH);
  assert.doesNotMatch(message, /html|openresty/i);
});

test('no stored key asks to authenticate before any request', async (t) => {
  const { fake, call } = await setup(t, { token: 'not the field guMCP used' });
  assert.equal(
    failure(await call('search', { query: 'q' })),
    'Not authenticated with perplexity: the stored credentials hold no Perplexity API key (field api_key). ' +
      'Re-authenticate with `gumcp auth perplexity`.',
  );
  assert.equal(fake.requests.length, 0);
});

test('an unknown model names the argument and the models guMCP offered', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(COMPLETIONS, invalidModel('sonar-huge'));
  assert.equal(
    failure(await call('search', { query: 'q', model: 'sonar-huge' })),
    'Invalid argument model: Perplexity has no model "sonar-huge": Invalid model \'sonar-huge\'. Permitted ' +
      'models can be found in the documentation at https://docs.perplexity.ai/getting-started/models. Models ' +
      'guMCP offered: sonar, sonar-pro, sonar-deep-research, sonar-reasoning, sonar-reasoning-pro',
  );
});

test('429 is retried after Retry-After (a completion Perplexity did not process), then succeeds', async (t) => {
  const { fake, call, sleeps } = await setup(t);
  const limited = {
    ...error(429, 'rate_limit_exceeded', 'Rate limit exceeded'),
    headers: { 'retry-after': '2' },
  };
  fake.once(COMPLETIONS, limited);
  fake.route(COMPLETIONS, { body: completion() });

  data(await call('search', { query: 'q' }));

  assert.equal(fake.requests.length, 2);
  assert.deepEqual(sleeps, [2000]);
});

test('429 that persists says when to try again', async (t) => {
  const { fake, call, sleeps } = await setup(t);
  fake.route(COMPLETIONS, {
    ...error(429, 'rate_limit_exceeded', 'Rate limit exceeded'),
    headers: { 'retry-after': '3' },
  });
  assert.equal(
    failure(await call('search', { query: 'q' })),
    "Rate limited by Perplexity (requests per minute of the account's usage tier); try again in 3 s",
  );
  assert.equal(fake.requests.length, 3, 'the first try and two retries');
  assert.deepEqual(sleeps, [3000, 3000]);
});

test('a Retry-After longer than the client waits fails at once, saying when', async (t) => {
  const { fake, call, sleeps } = await setup(t);
  fake.route(COMPLETIONS, {
    ...error(429, 'rate_limit_exceeded', 'Rate limit exceeded'),
    headers: { 'retry-after': '90' },
  });
  assert.match(failure(await call('search', { query: 'q' })), /try again in 90 s$/);
  assert.equal(fake.requests.length, 1);
  assert.deepEqual(sleeps, []);
});

test('a used-up credit balance is not retried and says how to fix it', async (t) => {
  const { fake, call, sleeps } = await setup(t);
  fake.route(COMPLETIONS, error(429, 'insufficient_quota', 'You exceeded your current quota'));
  assert.equal(
    failure(await call('chat', { message: 'Hi' })),
    'Perplexity refused: the API credit balance is used up: You exceeded your current quota. Add credit in ' +
      'the API settings of the Perplexity account (or turn on auto top-up); retrying will not help until then.',
  );
  assert.equal(fake.requests.length, 1);
  assert.deepEqual(sleeps, []);
});

test('a used-up credit balance is not retried even when its 429 carries a short Retry-After', async (t) => {
  const { fake, call, sleeps } = await setup(t);
  fake.route(COMPLETIONS, {
    ...error(429, 'insufficient_quota', 'You exceeded your current quota'),
    headers: { 'retry-after': '1' },
  });
  assert.match(
    failure(await call('chat', { message: 'Hi' })),
    /^Perplexity refused: the API credit balance is used up/,
  );
  assert.equal(fake.requests.length, 1);
  assert.deepEqual(sleeps, []);
});

test('a 5xx is not retried (the completion may have been billed) and says so, without the body', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(COMPLETIONS, { status: 502, body: '<html>Bad gateway</html>' });
  assert.equal(
    failure(await call('search', { query: 'q' })),
    'Perplexity failed (HTTP 502); the request may have gone through, so check before trying again',
  );
  assert.equal(fake.requests.length, 1);
});

test('an error that quotes the key reaches the user without it', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(COMPLETIONS, error(400, 'invalid_request', `Bad request for key ${KEY}`));
  assert.equal(
    failure(await call('search', { query: 'q' })),
    'Perplexity rejected the request (HTTP 400): Bad request for key [redacted]',
  );
});

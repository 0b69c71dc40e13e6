import assert from 'node:assert/strict';
import { test } from 'node:test';
import { repo } from './fake-github.js';
import { data, setup } from './harness.js';

test('a token refreshed mid-session is used from the next request on', async (t) => {
  // The credential source refreshes after the second lookup, as an expiring OAuth token would be.
  let lookups = 0;
  const credentials = async () => {
    lookups += 1;
    return { access_token: lookups <= 2 ? 'gho_old' : 'gho_new', refresh_token: 'ghr_refresh' };
  };
  const { fake, call } = await setup(t, credentials);
  fake.route('GET /repos/octocat/hello', { body: repo('octocat', 'hello') });

  for (let i = 0; i < 4; i++)
    data(await call('get_stargazers_count', { owner: 'octocat', repo_name: 'hello' }));

  assert.deepEqual(
    fake.requests.map((r) => r.headers.authorization),
    ['Bearer gho_old', 'Bearer gho_old', 'Bearer gho_new', 'Bearer gho_new'],
  );
  assert.equal(lookups, 4);
});

test('a retried request picks up a token refreshed between attempts', async (t) => {
  let lookups = 0;
  const credentials = async () => ({ access_token: ++lookups === 1 ? 'gho_old' : 'gho_new' });
  const { fake, call } = await setup(t, credentials);
  fake.once('GET /repos/octocat/hello', { status: 502, body: { message: 'Server Error' } });
  fake.route('GET /repos/octocat/hello', { body: repo('octocat', 'hello') });

  data(await call('get_stargazers_count', { owner: 'octocat', repo_name: 'hello' }));

  assert.deepEqual(
    fake.requests.map((r) => r.headers.authorization),
    ['Bearer gho_old', 'Bearer gho_new'],
  );
});

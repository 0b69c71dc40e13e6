import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TEMPLATE, template } from './fake-docusign.js';
import { credentialsAt, data, route, setup } from './harness.js';

test('a token refreshed mid-session is used from the next call on', async (t) => {
  let lookups = 0;
  let url = '';
  const { fake, call } = await setup(t, (u) => {
    url = u;
    // Each call reads the credentials twice: for the account, then for the request.
    return async () => ({
      ...credentialsAt(url),
      access_token: ++lookups <= 2 ? 'old-access' : 'new-access',
    });
  });
  fake.route(route('GET', `templates/${TEMPLATE}`), { body: template() });

  data(await call('get_template', { template_id: TEMPLATE }));
  data(await call('get_template', { template_id: TEMPLATE }));

  assert.deepEqual(
    fake.requests.map((r) => r.headers.authorization),
    ['Bearer old-access', 'Bearer new-access'],
  );
});

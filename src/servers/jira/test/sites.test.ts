import assert from 'node:assert/strict';
import { test } from 'node:test';
import { completeSignIn } from '../../../auth/oauth/complete.js';
import { ToolError } from '../../../core/errors.js';
import { fakeFor } from '../../../testing/fake-service.js';
import jira from '../index.js';
import { ACME, accessibleResource, api, BETA, CLOUD_ID, OTHER_CLOUD_ID, user } from './fake-jira.js';
import { CREDENTIALS, data, failure, route, setup, TOKEN } from './harness.js';

const TWO_SITES = { ...CREDENTIALS, sites: [ACME, BETA] };
const RESOURCES = 'GET /oauth/token/accessible-resources';

test('with several sites the first is the default, and cloud_id or site_name (id, name or URL) picks another', async (t) => {
  const { fake, call } = await setup(t, TWO_SITES);
  fake.route(route('GET', 'myself', api(CLOUD_ID)), { body: user('on-acme') });
  fake.route(route('GET', 'myself', api(OTHER_CLOUD_ID)), { body: user('on-beta') });

  const picks = [
    {},
    { cloud_id: OTHER_CLOUD_ID },
    { site_name: 'Beta' },
    { site_name: 'https://beta.atlassian.net/jira/your-work' },
    { site_name: 'beta.atlassian.net' },
    { cloud_id: OTHER_CLOUD_ID, site_name: 'beta' },
  ];
  const accounts: unknown[] = [];
  for (const pick of picks) {
    const out = data(await call('get_myself', pick));
    accounts.push([out.account_id, (out.site as { name: string }).name]);
  }

  assert.deepEqual(accounts, [
    ['on-acme', 'acme'],
    ['on-beta', 'beta'],
    ['on-beta', 'beta'],
    ['on-beta', 'beta'],
    ['on-beta', 'beta'],
    ['on-beta', 'beta'],
  ]);
  assert.equal(fake.requests.filter((r) => r.path === '/oauth/token/accessible-resources').length, 0);
});

test('a site the account does not reach is looked up again, then refused with the list of sites', async (t) => {
  const { fake, call } = await setup(t, TWO_SITES);
  fake.route(RESOURCES, {
    body: [accessibleResource(CLOUD_ID, 'acme'), accessibleResource(OTHER_CLOUD_ID, 'beta')],
  });

  const message = failure(await call('get_myself', { site_name: 'gamma' }));

  assert.equal(
    message,
    'Invalid arguments: argument site_name: "gamma" names no Jira site this account can reach. Jira sites: ' +
      `acme (https://acme.atlassian.net, cloud id ${CLOUD_ID}); beta (https://beta.atlassian.net, cloud id ${OTHER_CLOUD_ID}).`,
  );
  const [lookup] = fake.requests;
  assert.equal(lookup?.path, '/oauth/token/accessible-resources');
  assert.equal(lookup?.headers.authorization, `Bearer ${TOKEN}`);
  assert.equal(fake.requests.length, 1);
});

test('a site added since sign-in is found by looking again', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(RESOURCES, {
    body: [accessibleResource(CLOUD_ID, 'acme'), accessibleResource(OTHER_CLOUD_ID, 'beta')],
  });
  fake.route(route('GET', 'myself', api(OTHER_CLOUD_ID)), { body: user('on-beta') });

  assert.equal(data(await call('get_myself', { site_name: 'beta' })).account_id, 'on-beta');
  assert.deepEqual(
    fake.requests.map((r) => r.path),
    ['/oauth/token/accessible-resources', `${api(OTHER_CLOUD_ID)}/myself`],
  );
});

test('cloud_id and site_name naming different sites, or a name two sites share, are refused', async (t) => {
  const twins = { ...CREDENTIALS, sites: [ACME, { ...BETA, name: 'acme' }] };
  const { fake, call } = await setup(t, twins);

  assert.match(
    failure(await call('get_myself', { site_name: 'acme' })),
    /^Invalid arguments: argument site_name: "acme" names 2 Jira sites \(acme .*; acme .*\); give the cloud id\./,
  );
  assert.match(
    failure(await call('get_myself', { cloud_id: CLOUD_ID, site_name: 'beta.atlassian.net' })),
    /^Invalid arguments: arguments cloud_id and site_name name different Jira sites\. Jira sites: /,
  );
  assert.equal(fake.requests.length, 0);
});

test('credentials without stored sites (guMCP’s) use the Jira sites accessible-resources lists', async (t) => {
  const { sites: _, ...guMcpCredentials } = CREDENTIALS;
  const { fake, call } = await setup(t, guMcpCredentials);
  fake.route(RESOURCES, {
    body: [
      accessibleResource('conf-1', 'wiki', ['read:confluence-content.all']),
      accessibleResource(OTHER_CLOUD_ID, 'beta'),
    ],
  });
  fake.route(route('GET', 'myself', api(OTHER_CLOUD_ID)), { body: user('on-beta') });

  const out = data(await call('get_myself', {}));

  assert.equal(out.account_id, 'on-beta', 'the Confluence-only site is skipped');
  assert.deepEqual(
    fake.requests.map((r) => [r.path, r.headers.authorization]),
    [
      ['/oauth/token/accessible-resources', `Bearer ${TOKEN}`],
      [`${api(OTHER_CLOUD_ID)}/myself`, `Bearer ${TOKEN}`],
    ],
  );
});

test('an account whose grant reaches no Jira site is told to sign in again', async (t) => {
  const { sites: _, ...noSites } = CREDENTIALS;
  const { fake, call } = await setup(t, noSites);
  fake.route(RESOURCES, { body: [] });
  assert.equal(
    failure(await call('get_myself', {})),
    'This Atlassian account gives the app no Jira site. Re-authenticate with `gumcp auth jira` and choose a Jira site on the consent screen.',
  );
});

test('discovery after sign-in stores the Jira sites from accessible-resources', async (t) => {
  const fake = await fakeFor(t, 'jira');
  fake.route(RESOURCES, {
    body: [
      accessibleResource(CLOUD_ID, 'acme'),
      accessibleResource('conf-1', 'wiki', ['read:confluence-space.summary']),
    ],
  });
  assert.equal(jira.auth.kind, 'oauth2');
  const discover = jira.auth.kind === 'oauth2' ? jira.auth.provider.discover : undefined;
  assert.ok(discover);

  const stored = await discover({ access_token: 'new-token', refresh_token: 'r' });

  assert.deepEqual(stored, {
    sites: [
      {
        id: CLOUD_ID,
        url: 'https://acme.atlassian.net',
        name: 'acme',
        scopes: ['read:jira-work', 'write:jira-work'],
      },
    ],
  });
  assert.equal(fake.requests[0]?.headers.authorization, 'Bearer new-token');

  fake.route(RESOURCES, { body: [accessibleResource('conf-1', 'wiki', ['read:confluence-space.summary'])] });
  await assert.rejects(
    discover({ access_token: 'new-token' }),
    (e: Error) => e instanceof ToolError && /gave the app no Jira site/.test(e.message),
  );
});

test('a completed sign-in stores the tokens and the sites together', async (t) => {
  const fake = await fakeFor(t, 'jira');
  fake.route(RESOURCES, { body: [accessibleResource(CLOUD_ID, 'acme')] });
  assert.equal(jira.auth.kind, 'oauth2');
  if (jira.auth.kind !== 'oauth2') return;

  const stored = await completeSignIn(jira.auth.provider, {
    access_token: 'at-1',
    refresh_token: 'rt-1',
    expires_in: 3600,
    scope: 'read:jira-work offline_access',
    token_type: 'Bearer',
  });

  assert.equal(stored.access_token, 'at-1');
  assert.equal(stored.refresh_token, 'rt-1');
  assert.deepEqual(stored.sites, [
    {
      id: CLOUD_ID,
      url: 'https://acme.atlassian.net',
      name: 'acme',
      scopes: ['read:jira-work', 'write:jira-work'],
    },
  ]);
  assert.equal(fake.requests[0]?.headers.authorization, 'Bearer at-1');
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type FakeService, startFake } from '../../../testing/fake-service.js';
import { connect } from '../../../testing/mcp.js';
import { checkBaseUri, DEMO_AUTH, discoverAccounts, PRODUCTION_AUTH } from '../accounts.js';
import { createDocusignServer } from '../index.js';
import {
  ACCOUNT,
  API,
  errors,
  OTHER_ACCOUNT,
  TEMPLATE,
  template,
  templateList,
  userInfo,
} from './fake-docusign.js';
import { credentialsAt, data, failure, fastTuning, route, setup, TOKEN } from './harness.js';

const USERINFO = 'GET /oauth/userinfo';

async function fake(t: { after(fn: () => unknown): void }): Promise<FakeService> {
  const f = await startFake();
  t.after(() => f.close());
  return f;
}

test('discovery asks /oauth/userinfo at the token URL’s host and stores the default account, its base URI and the list', async (t) => {
  const auth = await fake(t);
  auth.route(USERINFO, {
    body: userInfo([
      {
        account_id: OTHER_ACCOUNT,
        account_name: 'Side Project',
        base_uri: 'https://na4.docusign.net',
        is_default: false,
      },
      {
        account_id: ACCOUNT,
        account_name: 'Acme Legal',
        base_uri: 'https://na3.docusign.net',
        is_default: true,
      },
    ]),
  });

  const found = await discoverAccounts({ access_token: TOKEN }, { tokenUrl: `${auth.url}/oauth/token` });

  assert.deepEqual(found, {
    account_id: ACCOUNT,
    account_name: 'Acme Legal',
    base_uri: 'https://na3.docusign.net',
    accounts: [
      {
        account_id: OTHER_ACCOUNT,
        account_name: 'Side Project',
        base_uri: 'https://na4.docusign.net',
        is_default: false,
      },
      {
        account_id: ACCOUNT,
        account_name: 'Acme Legal',
        base_uri: 'https://na3.docusign.net',
        is_default: true,
      },
    ],
    auth_server: auth.url,
    user_id: '4799e5e9-1559-4915-9862-cf4713bbcacc',
    email: 'susan.smart@example.com',
  });
  const [req] = auth.requests;
  assert.equal(req?.headers.authorization, `Bearer ${TOKEN}`);
  assert.equal(auth.requests.length, 1);
});

test('without the token URL, the demo host is asked first and production next; the one that accepts the token is stored', async (t) => {
  const demo = await fake(t);
  const production = await fake(t);
  demo.route(USERINFO, { status: 401, body: { error: 'invalid_token' } });
  production.route(USERINFO, {
    body: userInfo([
      {
        account_id: ACCOUNT,
        account_name: 'Acme Legal',
        base_uri: 'https://eu.docusign.net',
        is_default: true,
      },
    ]),
  });

  const found = await discoverAccounts(
    { access_token: TOKEN },
    { tuning: fastTuning([], { authHosts: [demo.url, production.url] }) },
  );

  assert.equal(found.base_uri, 'https://eu.docusign.net');
  assert.equal(found.auth_server, production.url);
  assert.equal(demo.requests.length, 1);
  assert.equal(production.requests.length, 1);
});

test('the default sign-in hosts are DocuSign’s demo and production ones', () => {
  assert.equal(DEMO_AUTH, 'https://account-d.docusign.com');
  assert.equal(PRODUCTION_AUTH, 'https://account.docusign.com');
});

test('a user with no usable account cannot sign in, and says why', async (t) => {
  const auth = await fake(t);
  auth.route(USERINFO, {
    body: userInfo([
      { account_id: ACCOUNT, account_name: 'x', base_uri: 'https://evil.example', is_default: true },
    ]),
  });
  await assert.rejects(
    discoverAccounts({ access_token: TOKEN }, { tokenUrl: `${auth.url}/oauth/token` }),
    /belongs to no account the API can reach/,
  );
});

test('a base URI is used only when it is a DocuSign https host, or loopback', () => {
  assert.equal(checkBaseUri('https://na3.docusign.net'), 'https://na3.docusign.net');
  assert.equal(checkBaseUri('https://demo.docusign.net/'), 'https://demo.docusign.net');
  assert.equal(checkBaseUri('https://na2.docusign.net/restapi'), 'https://na2.docusign.net');
  assert.equal(checkBaseUri('http://127.0.0.1:4000'), 'http://127.0.0.1:4000');
  for (const bad of [
    'http://na3.docusign.net',
    'https://docusign.net.evil.com',
    'https://evil.com/docusign.net',
    'not a url',
    42,
    undefined,
  ]) {
    assert.equal(checkBaseUri(bad), undefined, String(bad));
  }
});

test('calls go to {base_uri}/restapi/v2.1/accounts/{account_id}; account_id picks another account at its own base URI', async (t) => {
  const other = await fake(t);
  other.route(`GET ${API}/accounts/${OTHER_ACCOUNT}/templates/${TEMPLATE}`, { body: template() });
  const { fake: main, call } = await setup(t, (url) =>
    credentialsAt(url, {
      accounts: [
        { account_id: ACCOUNT, account_name: 'Acme Legal', base_uri: url, is_default: true },
        { account_id: OTHER_ACCOUNT, account_name: 'Side Project', base_uri: other.url, is_default: false },
      ],
    }),
  );
  main.route(route('GET', `templates/${TEMPLATE}`), { body: template(TEMPLATE, 'Main') });

  assert.equal(data(await call('get_template', { template_id: TEMPLATE })).name, 'Main');
  assert.equal(
    data(await call('get_template', { template_id: TEMPLATE, account_id: OTHER_ACCOUNT })).name,
    'Sample Contract',
  );
  assert.deepEqual(
    main.requests.map((r) => r.path),
    [`${API}/accounts/${ACCOUNT}/templates/${TEMPLATE}`],
  );
  assert.equal(other.requests.length, 1);

  // An id not stored is looked up once more at the sign-in host before it is refused.
  main.route(USERINFO, {
    body: userInfo([
      { account_id: ACCOUNT, account_name: 'Acme Legal', base_uri: main.url, is_default: true },
      { account_id: OTHER_ACCOUNT, account_name: 'Side Project', base_uri: other.url, is_default: false },
    ]),
  });
  const refused = failure(await call('get_template', { template_id: TEMPLATE, account_id: 'nope' }));
  assert.equal(
    refused,
    `Invalid arguments: account_id: "nope" is not an account of this DocuSign user. Accounts: Acme Legal (${ACCOUNT}); Side Project (${OTHER_ACCOUNT}).`,
  );
  assert.deepEqual(
    main.requests.map((r) => r.path),
    [`${API}/accounts/${ACCOUNT}/templates/${TEMPLATE}`, '/oauth/userinfo'],
  );
  assert.equal(other.requests.length, 1);
});

test('an account the user joined since sign-in is found by asking userinfo again', async (t) => {
  const joined = await fake(t);
  joined.route(`GET ${API}/accounts/${OTHER_ACCOUNT}/templates/${TEMPLATE}`, {
    body: template(TEMPLATE, 'Joined'),
  });
  const { fake: main, call } = await setup(t);
  main.route(USERINFO, {
    body: userInfo([
      { account_id: ACCOUNT, account_name: 'Acme Legal', base_uri: main.url, is_default: true },
      { account_id: OTHER_ACCOUNT, account_name: 'New Team', base_uri: joined.url, is_default: false },
    ]),
  });

  assert.equal(
    data(await call('get_template', { template_id: TEMPLATE, account_id: OTHER_ACCOUNT })).name,
    'Joined',
  );
  assert.equal(
    data(await call('get_template', { template_id: TEMPLATE, account_id: OTHER_ACCOUNT })).name,
    'Joined',
  );
  assert.equal(
    main.requests.filter((r) => r.path === '/oauth/userinfo').length,
    1,
    'the answer is remembered',
  );
  assert.equal(main.requests[0]?.headers.authorization, `Bearer ${TOKEN}`);
});

test('credentials without an account (guMCP’s) look the accounts up once at the sign-in hosts, then remember them', async (t) => {
  const { fake: ds, call } = await setup(t, () => ({
    access_token: TOKEN,
    refresh_token: 'r',
    token_type: 'Bearer',
  }));
  ds.route(USERINFO, {
    body: userInfo([{ account_id: ACCOUNT, account_name: 'Acme Legal', base_uri: ds.url, is_default: true }]),
  });
  ds.route(route('GET', 'templates'), { body: templateList([template()], 0, 1) });

  data(await call('list_templates'));
  data(await call('list_templates'));

  assert.deepEqual(
    ds.requests.map((r) => r.path),
    ['/oauth/userinfo', `${API}/accounts/${ACCOUNT}/templates`, `${API}/accounts/${ACCOUNT}/templates`],
  );
});

test('a stored base URI that is not DocuSign’s asks to sign in again, without a request', async (t) => {
  const { fake: ds, call } = await setup(t, () => ({
    access_token: TOKEN,
    account_id: ACCOUNT,
    base_uri: 'https://evil.example',
  }));
  assert.match(
    failure(await call('list_templates')),
    /^Not authenticated with docusign: the stored DocuSign base URI is not a DocuSign address/,
  );
  assert.equal(ds.requests.length, 0);
});

test('GUMCP_DOCUSIGN_API_URL replaces {base_uri}/restapi/v2.1 for every account; the account part follows', async (t) => {
  const proxy = await fake(t);
  process.env.GUMCP_DOCUSIGN_API_URL = `${proxy.url}/docusign/restapi/v2.1`;
  t.after(() => {
    delete process.env.GUMCP_DOCUSIGN_API_URL;
  });
  proxy.route(`GET /docusign/restapi/v2.1/accounts/${ACCOUNT}/templates/${TEMPLATE}`, { body: template() });
  const client = await connect(createDocusignServer(fastTuning([])), {
    credentials: credentialsAt('https://na3.docusign.net'),
  });
  t.after(() => client.close());

  data(await client.callTool({ name: 'get_template', arguments: { template_id: TEMPLATE } }));
  assert.equal(proxy.requests.length, 1);
});

test('an account the token no longer reaches is refused by DocuSign and asks to sign in again', async (t) => {
  const { fake: ds, call } = await setup(t);
  ds.route(route('GET', `templates/${TEMPLATE}`), { status: 401, body: errors.authentication });
  assert.match(
    failure(await call('get_template', { template_id: TEMPLATE })),
    /^Not authenticated with docusign: DocuSign rejected the stored token/,
  );
});

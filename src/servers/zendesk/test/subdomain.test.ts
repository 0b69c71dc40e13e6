import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkTenant } from '../../../auth/oauth/token.js';
import { startFake } from '../../../testing/fake-service.js';
import { connect } from '../../../testing/mcp.js';
import { apiBase } from '../api.js';
import { createZendeskServer, ZENDESK_OAUTH } from '../index.js';
import { ticket } from './fake-zendesk.js';
import { CREDENTIALS, data, FAST, failure } from './harness.js';

const VARIABLE = 'GUMCP_ZENDESK_API_URL';

test('the API root is https://{subdomain}.zendesk.com/api/v2 with the stored subdomain', (t) => {
  const saved = process.env[VARIABLE];
  delete process.env[VARIABLE];
  t.after(() => {
    if (saved !== undefined) process.env[VARIABLE] = saved;
  });
  assert.equal(apiBase({ subdomain: 'acme' }), 'https://acme.zendesk.com/api/v2');
  // A value pasted whole is cut down to the subdomain, as at sign-in.
  assert.equal(apiBase({ subdomain: 'https://Acme.zendesk.com/' }), 'https://acme.zendesk.com/api/v2');
  assert.throws(() => apiBase({}), /name no Zendesk subdomain/);
  assert.throws(() => apiBase({ subdomain: 'evil.com/x' }), /is not valid/);
  assert.throws(() => apiBase({ subdomain: 'acme.zendesk.com@evil.com' }), /is not valid/);
});

test('GUMCP_ZENDESK_API_URL with {subdomain} sends each account to its own path of the override', async (t) => {
  const fake = await startFake();
  process.env[VARIABLE] = `${fake.url}/{subdomain}/api/v2`;
  t.after(async () => {
    delete process.env[VARIABLE];
    await fake.close();
  });
  fake.route('PUT /globex/api/v2/tickets/7', { body: { ticket: ticket(7) } });

  const client = await connect(createZendeskServer(FAST), {
    credentials: { ...CREDENTIALS, subdomain: 'globex' },
  });
  t.after(() => client.close());
  data(await client.callTool({ name: 'update_ticket', arguments: { ticket_id: 7, status: 'open' } }));
  assert.deepEqual(
    fake.requests.map((r) => r.path),
    ['/globex/api/v2/tickets/7'],
  );

  const noSubdomain = await connect(createZendeskServer(FAST), {
    credentials: { access_token: 'x', scope: 'read write' },
  });
  t.after(() => noSubdomain.close());
  assert.match(
    failure(
      await noSubdomain.callTool({ name: 'update_ticket', arguments: { ticket_id: 7, status: 'open' } }),
    ),
    /^Not authenticated with zendesk: the stored credentials name no Zendesk subdomain/,
  );
  assert.equal(fake.requests.length, 1);
});

test('the subdomain asked at sign-in is normalized and checked, so it cannot change the host', () => {
  assert.equal(checkTenant(ZENDESK_OAUTH, ' https://acme.zendesk.com/agent/tickets/1 '), 'acme');
  assert.equal(checkTenant(ZENDESK_OAUTH, 'ACME-Support'), 'acme-support');
  for (const bad of ['evil.com/x', 'acme.zendesk.com@evil.com', 'a b', '', '-acme', 'acme.example.com']) {
    assert.throws(() => checkTenant(ZENDESK_OAUTH, bad), /is not a valid Zendesk subdomain/);
  }
});

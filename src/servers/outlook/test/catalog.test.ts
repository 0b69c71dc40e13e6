import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAnnotationKinds, assertCatalogTools, catalogServer } from '../../../testing/catalog.js';
import { connect } from '../../../testing/mcp.js';
import outlook from '../index.js';

const catalog = catalogServer('outlook');

/** Optional parameters this server adds to guMCP's (never required, so guMCP's calls keep working). */
const EXTRAS: Record<string, string[]> = { read_emails: ['include_body'], send_email: ['body_type'] };
const expected = Object.fromEntries(
  Object.entries(catalog.tools).map(([name, t]) => [
    name,
    { params: [...t.params, ...(EXTRAS[name] ?? [])], required: t.required },
  ]),
);

test('outlook lists exactly the catalog tools, with its parameter names, required fields and output schemas', async () => {
  const { tools } = await (await connect(outlook)).listTools();

  assertCatalogTools(tools, expected);
});

test('annotations: reading only reads, sending adds a message every time', async () => {
  const { tools } = await (await connect(outlook)).listTools();

  assertAnnotationKinds(tools, { readOnly: ['read_emails'], destructive: [], notIdempotent: ['send_email'] });
});

test('sign-in is the Microsoft identity platform with the catalog’s scopes; each tool names its scope', () => {
  assert.equal(outlook.auth.kind, 'oauth2');
  if (outlook.auth.kind !== 'oauth2') return;
  assert.deepEqual(outlook.auth.scopes, catalog.auth.scopes);
  assert.equal(outlook.auth.provider.authorizeUrl, catalog.auth.authorizeUrl);
  assert.equal(outlook.auth.provider.tokenUrl, catalog.auth.tokenUrl);
  assert.equal(outlook.auth.provider.scopeSeparator, catalog.auth.scopeSeparator);
  assert.equal(outlook.auth.provider.service, 'outlook');
  assert.deepEqual(outlook.tools.read_emails.scopes, ['https://graph.microsoft.com/Mail.ReadWrite']);
  assert.deepEqual(outlook.tools.send_email.scopes, ['https://graph.microsoft.com/Mail.Send']);
});

test('the folder resource template is the catalog’s', async () => {
  const { resourceTemplates } = await (await connect(outlook)).listResourceTemplates();

  assert.deepEqual(
    resourceTemplates.map((r) => r.uriTemplate),
    catalog.resources?.uriTemplates,
  );
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAnnotationKinds, assertCatalogTools, catalogServer } from '../../../testing/catalog.js';
import { connect } from '../../../testing/mcp.js';
import linear from '../index.js';

/** Optional parameters this port adds to guMCP's tools. */
const EXTRAS: Record<string, string[]> = { search_issues: ['limit'] };

const catalog = catalogServer('linear');

test("linear lists exactly the catalog's tools, with its parameters (plus the declared extras) and output schemas", async () => {
  const client = await connect(linear);
  const { tools } = await client.listTools();

  const expected = Object.fromEntries(
    Object.entries(catalog.tools).map(([name, spec]) => [
      name,
      { params: [...spec.params, ...(EXTRAS[name] ?? [])], required: spec.required },
    ]),
  );
  assertCatalogTools(tools, expected);
  for (const extra of Object.values(EXTRAS).flat()) {
    assert.ok(!Object.values(catalog.tools).some((t) => t.params.includes(extra)), `${extra} is an extra`);
  }
});

test('annotations: search only reads, create adds anew on each call, update overwrites', async () => {
  const client = await connect(linear);
  const { tools } = await client.listTools();

  assertAnnotationKinds(tools, {
    readOnly: ['search_issues'],
    destructive: ['update_issue'],
    notIdempotent: ['create_issue'],
  });
});

test('every tool declares the scope the catalog requires', () => {
  for (const [name, spec] of Object.entries(catalog.tools)) {
    assert.deepEqual(linear.tools[name]?.scopes, spec.requiredScopes, name);
  }
});

test("auth is Linear's OAuth with the catalog's URLs, comma-separated scopes, PKCE, and a personal API key beside it", () => {
  assert.equal(linear.auth.kind, 'oauth2');
  if (linear.auth.kind !== 'oauth2') return;
  const { provider, scopes, apiKey } = linear.auth;
  assert.equal(provider.authorizeUrl, catalog.auth.authorizeUrl);
  assert.equal(provider.tokenUrl, catalog.auth.tokenUrl);
  assert.equal(provider.scopeSeparator, catalog.auth.scopeSeparator);
  assert.deepEqual(scopes, catalog.auth.scopes);
  assert.equal(provider.service, 'linear');
  assert.equal(provider.tokenEndpointAuth, 'client_secret_post');
  // Linear documents PKCE (guMCP did not send it): the core's default sends the S256 challenge.
  assert.equal(provider.pkce, undefined);
  assert.deepEqual(
    apiKey?.fields.map((f) => [f.name, f.secret]),
    [['api_key', true]],
  );
});

test('the team resource template is guMCP’s linear://team/{id}', async () => {
  const client = await connect(linear);
  const { resourceTemplates } = await client.listResourceTemplates();
  assert.deepEqual(
    resourceTemplates.map((r) => r.uriTemplate),
    ['linear://team/{team_id}'],
  );
  assert.equal(catalog.resources?.uriTemplates[0], 'linear://team/{team.id}');
});

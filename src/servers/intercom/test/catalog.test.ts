import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAnnotationKinds, assertCatalogTools, catalogServer } from '../../../testing/catalog.js';
import { connect } from '../../../testing/mcp.js';
import intercom from '../index.js';

const catalog = catalogServer('intercom');

/** Optional parameters this server adds to guMCP's. */
const EXTRAS: Record<string, string[]> = {
  search_contacts: ['max_results', 'starting_after'],
  search_companies: ['max_results'],
  reply_to_conversation: ['conversation_id', 'message_type'],
  add_tags_to_conversation: ['admin_id'],
  remove_tags_from_conversation: ['admin_id'],
  list_articles: ['max_results'],
  list_tickets: ['starting_after'],
};

test("intercom lists exactly the catalog's 19 tools, with its parameter names, required fields and output schemas", async () => {
  const { tools } = await (await connect(intercom)).listTools();
  assert.equal(tools.length, 19);
  assertCatalogTools(tools, catalog.tools, EXTRAS);
});

test('annotations say which tools only read, which overwrite or remove, and which add anew', async () => {
  const { tools } = await (await connect(intercom)).listTools();
  assertAnnotationKinds(tools, {
    readOnly: [
      'search_contacts',
      'list_admins',
      'search_companies',
      'list_articles',
      'retrieve_article',
      'list_tickets',
      'get_ticket',
      'list_ticket_types',
    ],
    destructive: ['remove_tags_from_conversation', 'update_ticket'],
    notIdempotent: [
      'create_contact',
      'create_conversation',
      'reply_to_conversation',
      'create_company',
      'create_article',
      'create_ticket',
      'add_comment_to_ticket',
    ],
  });
});

test("every tool declares the catalog's required scopes", () => {
  for (const [name, spec] of Object.entries(catalog.tools)) {
    assert.deepEqual(intercom.tools[name]?.scopes, spec.requiredScopes, name);
  }
});

test("auth is Intercom's OAuth with the catalog's URLs and scopes, the secret in the body, no PKCE, and region discovery", () => {
  assert.equal(intercom.auth.kind, 'oauth2');
  if (intercom.auth.kind !== 'oauth2') return;
  const { discover, ...provider } = intercom.auth.provider;
  assert.deepEqual(provider, {
    service: 'intercom',
    authorizeUrl: catalog.auth.authorizeUrl,
    tokenUrl: catalog.auth.tokenUrl,
    scopeSeparator: catalog.auth.scopeSeparator,
    tokenEndpointAuth: 'client_secret_post',
    pkce: catalog.auth.pkce,
  });
  assert.equal(typeof discover, 'function');
  assert.deepEqual(intercom.auth.scopes, catalog.auth.scopes);
  assert.deepEqual(
    intercom.auth.apiKey?.fields.map((f) => [f.name, f.secret ?? false, f.optional ?? false]),
    [
      ['access_token', true, false],
      ['region', false, true],
    ],
  );
});

test('the server lists the intercom:// conversation resources of the catalog', async () => {
  const { resourceTemplates } = await (await connect(intercom)).listResourceTemplates();
  assert.deepEqual(
    resourceTemplates.map((r) => r.uriTemplate),
    ['intercom://conversation/{conversation_id}', 'intercom://placeholder/{name}'],
  );
  assert.equal(catalog.resources?.uriScheme, 'intercom');
});

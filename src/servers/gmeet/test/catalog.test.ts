import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AnyToolDef } from '../../../core/definition.js';
import { assertAnnotationKinds, assertCatalogTools, catalogServer } from '../../../testing/catalog.js';
import { connect } from '../../../testing/mcp.js';
import gmeet from '../index.js';

const catalog = catalogServer('gmeet');

/** Optional parameters this port adds to guMCP's (none is required). */
const EXTRAS: Record<string, string[]> = {
  create_meeting: ['time_zone', 'send_updates'],
  add_attendees: ['send_updates'],
  fetch_meetings_by_date: ['time_zone', 'max_results'],
  update_meeting: ['time_zone', 'send_updates'],
  delete_meeting: ['send_updates'],
};
const withExtras = Object.fromEntries(
  Object.entries(catalog.tools).map(([name, spec]) => [
    name,
    { ...spec, params: [...spec.params, ...(EXTRAS[name] ?? [])] },
  ]),
);

test('gmeet lists exactly the catalog tools, with its parameter names (and optional extras), required fields and output schemas', async () => {
  const { tools } = await (await connect(gmeet)).listTools();

  assertCatalogTools(tools, withExtras);
});

test('annotations say which tools only read, which overwrite or delete, and which add on every call', async () => {
  const { tools } = await (await connect(gmeet)).listTools();

  assertAnnotationKinds(tools, {
    readOnly: ['fetch_meetings_by_date', 'get_meeting_details'],
    destructive: ['update_meeting', 'delete_meeting'],
    notIdempotent: ['create_meeting'],
  });
});

test('each tool declares the scopes the catalog gives it, and login asks for the catalog’s scopes', () => {
  for (const [name, spec] of Object.entries(catalog.tools)) {
    assert.deepEqual((gmeet.tools as Record<string, AnyToolDef>)[name]?.scopes, spec.requiredScopes, name);
  }
  assert.equal(gmeet.auth.kind, 'oauth2');
  if (gmeet.auth.kind !== 'oauth2') return;
  assert.deepEqual(gmeet.auth.scopes, catalog.auth.scopes);
  assert.equal(gmeet.auth.provider.service, 'gmeet');
  assert.equal(gmeet.auth.provider.authorizeUrl, catalog.auth.authorizeUrl);
  assert.equal(gmeet.auth.provider.tokenUrl, catalog.auth.tokenUrl);
});

test('the meeting template is the catalog’s', async () => {
  const { resourceTemplates } = await (await connect(gmeet)).listResourceTemplates();

  assert.deepEqual(
    resourceTemplates.map((r) => r.uriTemplate),
    catalog.resources?.uriTemplates,
  );
});

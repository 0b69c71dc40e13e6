import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAnnotationKinds, assertCatalogTools, catalogServer } from '../../../testing/catalog.js';
import webflow from '../index.js';
import { setup } from './harness.js';

const catalog = catalogServer('webflow');

test("webflow lists exactly the catalog's 27 tools, with its parameter names, required fields and output schemas", async (t) => {
  const { client } = await setup(t);
  const { tools } = await client.listTools();
  assert.equal(tools.length, 27);
  assertCatalogTools(tools, catalog.tools);
});

test('annotations tell reads from writes, and which writes add anew on every call', async (t) => {
  const { client } = await setup(t);
  const { tools } = await client.listTools();
  assertAnnotationKinds(tools, {
    readOnly: [
      'get_authorized_user',
      'list_sites',
      'get_site',
      'get_custom_domains',
      'list_forms',
      'list_form_submissions',
      'get_form_submission',
      'list_form_submissions_by_site',
      'list_pages',
      'get_page_metadata',
      'get_page_content',
      'list_collections',
      'get_collection',
      'list_collection_items_staging',
      'get_collection_item_staging',
      'list_users',
      'get_user',
    ],
    destructive: [
      'delete_form_submission',
      'delete_collection',
      'update_collection_item_staging',
      'update_collection_items_staging',
      'delete_collection_item_staging',
      'delete_collection_items_staging',
      'delete_user',
    ],
    notIdempotent: ['create_collection', 'create_collection_item_staging', 'invite_user'],
  });
});

test('each tool declares the one scope of the catalog it needs', () => {
  const scopes: Record<string, string> = {
    get_authorized_user: 'authorized_user:read',
    list_sites: 'sites:read',
    get_site: 'sites:read',
    get_custom_domains: 'sites:read',
    list_forms: 'forms:read',
    list_form_submissions: 'forms:read',
    get_form_submission: 'forms:read',
    list_form_submissions_by_site: 'forms:read',
    delete_form_submission: 'forms:write',
    list_pages: 'pages:read',
    get_page_metadata: 'pages:read',
    get_page_content: 'pages:read',
    list_collections: 'cms:read',
    get_collection: 'cms:read',
    list_collection_items_staging: 'cms:read',
    get_collection_item_staging: 'cms:read',
    delete_collection: 'cms:write',
    create_collection: 'cms:write',
    update_collection_item_staging: 'cms:write',
    update_collection_items_staging: 'cms:write',
    create_collection_item_staging: 'cms:write',
    delete_collection_item_staging: 'cms:write',
    delete_collection_items_staging: 'cms:write',
    list_users: 'users:read',
    get_user: 'users:read',
    delete_user: 'users:write',
    invite_user: 'users:write',
  };
  assert.deepEqual(Object.keys(scopes).sort(), Object.keys(catalog.tools).sort());
  for (const [name, scope] of Object.entries(scopes)) {
    assert.deepEqual(webflow.tools[name]?.scopes, [scope], name);
    assert.ok(catalog.auth.scopes?.includes(scope), `${scope} is asked for at login`);
  }
});

test('every CMS item tool says whether it works on staged or live items', () => {
  for (const [name, def] of Object.entries(webflow.tools)) {
    if (name.endsWith('_staging')) assert.match(def.description, /staged/, name);
  }
});

test("auth is Webflow's OAuth with the catalog's URLs and scopes, client secret in the form", () => {
  assert.deepEqual(webflow.auth, {
    kind: 'oauth2',
    provider: {
      service: 'webflow',
      authorizeUrl: catalog.auth.authorizeUrl,
      tokenUrl: catalog.auth.tokenUrl,
      scopeSeparator: ' ',
      tokenEndpointAuth: 'client_secret_post',
    },
    scopes: catalog.auth.scopes,
  });
});

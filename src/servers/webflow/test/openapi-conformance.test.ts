import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import type { FakeReply } from '../../../testing/fake-service.js';
import { OpenApiCheck } from '../../../testing/openapi.js';
import {
  authorizedBy,
  COLLECTION_ID,
  collection,
  domNodes,
  form,
  item,
  page,
  SITE_ID,
  site,
  submission,
  user,
  WEBFLOW_ROUTES,
} from './fake-webflow.js';
import { data, setup } from './harness.js';

/**
 * Checks the fake and the client against Webflow's OpenAPI description of the Data API v2
 * (github.com/webflow/openapi-spec, openapi/v2.yml; it is not published on npm), so they cannot drift
 * apart together: every request the tools make (method, path, query and body keys) must be an
 * operation of the description, and every answer of the fake must validate against that operation's
 * success schema. WEBFLOW_OPENAPI_SPEC names the file, or several comma-separated (the users endpoints
 * left the description in March 2026: give the February 2026 file after the current one); without it
 * the test is skipped.
 */

/**
 * Webflow's own defects in its description, mended before use: a `properties: null` (the page DOM's),
 * a `required` beside a `oneOf` (the update-items answer's, which would rule out its list branch), and
 * `example`/`examples` annotations not always in JSON Schema's form.
 */
function fix(schema: Record<string, unknown>): Record<string, unknown> {
  const { example: _example, examples: _examples, ...rest } = schema;
  if (rest.properties === null) delete rest.properties;
  if (Array.isArray(rest.oneOf)) delete rest.required;
  return rest;
}

const answer = (body: unknown, status = 200): FakeReply => ({ status, body });
const list = (key: string, items: unknown[]) =>
  answer({ [key]: items, pagination: { limit: 100, offset: 0, total: items.length } });
const C = `/v2/collections/${COLLECTION_ID}`;
const S = `/v2/sites/${SITE_ID}`;

const ANSWERS: Record<string, FakeReply> = {
  'GET /v2/token/authorized_by': answer(authorizedBy()),
  'GET /v2/sites': answer({ sites: [site()] }),
  [`GET ${S}`]: answer(site()),
  [`GET ${S}/custom_domains`]: answer({ customDomains: site().customDomains }),
  // The schema's shape of `fields` (one object keyed by a field id); the examples list several such.
  [`GET ${S}/forms`]: list('forms', [
    form('f1', {
      fields: { fld1: { displayName: 'Email', type: 'Email', placeholder: null, userVisible: true } },
    }),
  ]),
  'GET /v2/forms/f1/submissions': list('formSubmissions', [submission('s1')]),
  'GET /v2/form_submissions/s1': answer(submission('s1')),
  'DELETE /v2/form_submissions/s1': answer(undefined, 204),
  [`GET ${S}/form_submissions`]: list('formSubmissions', [submission('s1')]),
  // The schema types parentId and collectionId as strings; its examples (and top-level pages) give null.
  [`GET ${S}/pages`]: list('pages', [page('p1', { parentId: 'p0', collectionId: 'c0' })]),
  'GET /v2/pages/p1': answer(page('p1', { parentId: 'p0', collectionId: 'c0' })),
  'GET /v2/pages/p1/dom': answer({
    pageId: 'p1',
    nodes: domNodes(),
    pagination: { limit: 100, offset: 0, total: 3 },
  }),
  [`GET ${S}/collections`]: answer({ collections: [{ ...collection(), fields: undefined }] }),
  [`POST ${S}/collections`]: answer(collection()),
  [`GET ${C}`]: answer(collection()),
  [`DELETE ${C}`]: answer(undefined, 204),
  [`GET ${C}/items`]: list('items', [item('i1')]),
  [`POST ${C}/items`]: answer(item('i1'), 202),
  [`PATCH ${C}/items`]: answer({ items: [item('i1'), item('i2')] }),
  [`DELETE ${C}/items`]: answer(undefined, 204),
  [`GET ${C}/items/i1`]: answer(item('i1')),
  [`PATCH ${C}/items/i1`]: answer(item('i1')),
  [`DELETE ${C}/items/i1`]: answer(undefined, 204),
  [`GET ${S}/users`]: answer({ users: [user('u1')], count: 1, limit: 100, offset: 0, total: 1 }),
  [`GET ${S}/users/u1`]: answer(user('u1')),
  [`DELETE ${S}/users/u1`]: answer(undefined, 204),
  [`POST ${S}/users/invite`]: answer(user('u2')),
};

const CALLS: [string, Record<string, unknown>][] = [
  ['get_authorized_user', {}],
  ['list_sites', {}],
  ['get_site', { site_id: SITE_ID }],
  ['get_custom_domains', { site_id: SITE_ID }],
  ['list_forms', { site_id: SITE_ID }],
  ['list_form_submissions', { form_id: 'f1' }],
  ['get_form_submission', { form_submission_id: 's1' }],
  ['delete_form_submission', { form_submission_id: 's1' }],
  ['list_form_submissions_by_site', { site_id: SITE_ID, element_id: 'e1' }],
  ['list_pages', { site_id: SITE_ID, locale_id: 'l1' }],
  ['get_page_metadata', { page_id: 'p1', locale_id: 'l1' }],
  ['get_page_content', { page_id: 'p1', locale_id: 'l1' }],
  ['list_collections', { site_id: SITE_ID }],
  ['create_collection', { site_id: SITE_ID, displayName: 'A', singularName: 'B', slug: 'a', fields: [] }],
  ['get_collection', { collection_id: COLLECTION_ID }],
  ['delete_collection', { collection_id: COLLECTION_ID }],
  [
    'list_collection_items_staging',
    {
      collection_id: COLLECTION_ID,
      cms_locale_id: 'l1',
      name: 'n',
      slug: 's',
      sort_by: 'name',
      sort_order: 'asc',
      last_published: { gte: '2024-01-01T00:00:00Z' },
    },
  ],
  [
    'create_collection_item_staging',
    { collection_id: COLLECTION_ID, is_draft: true, is_archived: false, field_data: { name: 'n' } },
  ],
  [
    'update_collection_items_staging',
    {
      collection_id: COLLECTION_ID,
      items: [
        { id: 'i1', is_draft: false },
        { id: 'i2', is_archived: true },
      ],
    },
  ],
  [
    'delete_collection_items_staging',
    { collection_id: COLLECTION_ID, items: [{ id: 'i1', cms_locale_id: 'l1' }] },
  ],
  ['get_collection_item_staging', { collection_id: COLLECTION_ID, item_id: 'i1', cms_locale_id: 'l1' }],
  [
    'update_collection_item_staging',
    { collection_id: COLLECTION_ID, item_id: 'i1', cms_locale_id: 'l1', field_data: { name: 'm' } },
  ],
  ['delete_collection_item_staging', { collection_id: COLLECTION_ID, item_id: 'i1', cms_locale_id: 'l1' }],
  ['list_users', { site_id: SITE_ID, sort: 'Email' }],
  ['get_user', { site_id: SITE_ID, user_id: 'u1' }],
  ['delete_user', { site_id: SITE_ID, user_id: 'u1' }],
  ['invite_user', { site_id: SITE_ID, email: 'a@b.co', accessGroups: ['g'] }],
];

test("every request the tools make, and every answer of the fake, fits Webflow's OpenAPI description", async (t) => {
  const files = (process.env.WEBFLOW_OPENAPI_SPEC ?? '').split(',').filter(Boolean);
  if (files.length === 0 || !files.every((f) => existsSync(f))) {
    t.skip('WEBFLOW_OPENAPI_SPEC names no OpenAPI file of the Webflow Data API');
    return;
  }
  const specs = await Promise.all(files.map((f) => OpenApiCheck.load(f, { fix })));
  // The users endpoints left the current description: each request is checked against the first that has it.
  const specFor = (method: string, path: string) =>
    specs.find((s) => s.operation(method, path)) ?? assert.fail(`${method} ${path} is in no description`);

  const { fake, call } = await setup(t);
  for (const [route, reply] of Object.entries(ANSWERS)) fake.route(route, reply);
  for (const [name, args] of CALLS) data(await call(name, args));

  const used = new Set<string>();
  for (const req of fake.requests) {
    const spec = specFor(req.method, req.path);
    used.add(spec.assertRequest(req).replace(' /', ' /v2/'));
    const reply = ANSWERS[`${req.method} ${req.path}`];
    spec.assertAnswer(req.method, req.path, reply?.status ?? 200, reply?.body);
  }
  assert.deepEqual(
    [...used].sort(),
    [...WEBFLOW_ROUTES].sort(),
    'the tools use every route of WEBFLOW_ROUTES',
  );
});

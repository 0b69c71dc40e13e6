import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { FakeReply } from '../../../testing/fake-service.js';
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

type Schema = Record<string, unknown>;
interface Operation {
  parameters?: { name: string; in: string; required?: boolean }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
}
type Paths = Record<string, Record<string, Operation>>;

/**
 * A schema of the description as JSON Schema: OpenAPI 3.0's `nullable: true`, which Webflow's 3.1
 * description still uses, becomes the null type. Dropped: a `properties: null` (the page DOM's), a
 * `required` beside a `oneOf` (the update-items answer's, which would rule out its list branch), and the
 * annotations `example` and `examples` (not always in JSON Schema's form there).
 */
function jsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(jsonSchema);
  if (!schema || typeof schema !== 'object') return schema;
  const { nullable, example: _example, examples: _examples, ...rest } = schema as Schema;
  if (rest.properties === null) delete rest.properties;
  // A `required` beside `oneOf` (PATCH /items: one item, or `{ items }`) would rule out the list branch.
  if (Array.isArray(rest.oneOf)) delete rest.required;
  const out = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, jsonSchema(v)]));
  if (nullable === true && typeof out.type === 'string') out.type = [out.type, 'null'];
  return out;
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
  const { parse } = await import('yaml');
  // ajv is CommonJS: its module.exports is the class, which also carries itself as `default`.
  const Ajv2020 = (await import('ajv/dist/2020.js')).default.default;
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  const specs = files.map((f) => (parse(readFileSync(f, 'utf8')) as { paths: Paths }).paths);

  const operation = (method: string, path: string) => {
    const relative = path.replace(/^\/v2/, '');
    for (const paths of specs) {
      for (const [template, ops] of Object.entries(paths)) {
        const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
        const op = ops[method.toLowerCase()];
        if (op && pattern.test(relative)) return { template: `/v2${template}`, op };
      }
    }
    return undefined;
  };

  const { fake, call } = await setup(t);
  for (const [route, reply] of Object.entries(ANSWERS)) fake.route(route, reply);
  for (const [name, args] of CALLS) data(await call(name, args));

  const used = new Set<string>();
  for (const req of fake.requests) {
    const found = operation(req.method, req.path);
    assert.ok(found, `${req.method} ${req.path} is an operation of the description`);
    const route = `${req.method} ${found.template}`;
    used.add(route);
    const declared = new Set((found.op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name));
    for (const key of req.query.keys()) {
      // deepObject parameters travel as name[key]=value.
      assert.ok(declared.has(key.replace(/\[.*$/, '')), `${route}: query parameter ${key} is declared`);
    }
    if (req.body !== undefined) {
      const schema = found.op.requestBody?.content['application/json']?.schema;
      assert.ok(schema, `${route} takes a JSON body`);
      const validate = ajv.compile(jsonSchema(schema) as Schema);
      assert.ok(validate(req.body), `${route} request: ${ajv.errorsText(validate.errors?.slice(0, 5))}`);
    }
    const reply = ANSWERS[`${req.method} ${req.path}`];
    const status = String(reply?.status ?? 200);
    assert.ok(found.op.responses[status], `${route} documents a ${status} answer`);
    const schema = found.op.responses[status]?.content?.['application/json']?.schema;
    if (schema && reply?.body !== undefined) {
      const validate = ajv.compile(jsonSchema(schema) as Schema);
      assert.ok(validate(reply.body), `${route} answer: ${ajv.errorsText(validate.errors?.slice(0, 5))}`);
    }
  }
  assert.deepEqual(
    [...used].sort(),
    [...WEBFLOW_ROUTES].sort(),
    'the tools use every route of WEBFLOW_ROUTES',
  );
});

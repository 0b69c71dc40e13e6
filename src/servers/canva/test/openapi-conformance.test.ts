import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import type { FakeReply } from '../../../testing/fake-service.js';
import { OpenApiCheck } from '../../../testing/openapi.js';
import {
  CANVA_ROUTES,
  DESIGN,
  design,
  designSummary,
  FOLDER,
  folder,
  REPLY,
  reply,
  THREAD,
  thread,
} from './fake-canva.js';
import { data, setup } from './harness.js';

/**
 * Checks the fake and the client against Canva's OpenAPI description, so they cannot drift apart
 * together: every request the tools make must be an operation of the description (method, path,
 * query keys, JSON body), and every answer the fake gives must validate against that operation's
 * 200 schema.
 *
 * Canva publishes the description at canva.dev (connect/api/latest/api.yml) and in
 * github.com/canva-sdks/canva-connect-api-starter-kit (openapi/spec.yml); no npm package carries it
 * (the starter kit's @canva/connect-api-ts is private). CANVA_OPENAPI_SPEC names a copy of the file;
 * without it the test is skipped.
 */

const asset = {
  type: 'image',
  id: 'Masset1',
  name: 'Logo',
  tags: [],
  created_at: 1,
  updated_at: 1,
  owner: { user_id: 'u', team_id: 't' },
};

const ANSWERS: Record<string, FakeReply> = {
  'GET /rest/v1/users/me/profile': { body: { profile: { display_name: 'Alice' } } },
  'GET /rest/v1/users/me': { body: { team_user: { user_id: 'u', team_id: 't' } } },
  [`GET /rest/v1/designs/${DESIGN}/comments/${THREAD}`]: { body: { thread: thread() } },
  [`POST /rest/v1/designs/${DESIGN}/comments`]: { body: { thread: thread() } },
  [`POST /rest/v1/designs/${DESIGN}/comments/${THREAD}/replies`]: { body: { reply: reply() } },
  [`GET /rest/v1/designs/${DESIGN}/comments/${THREAD}/replies`]: { body: { items: [reply()] } },
  [`GET /rest/v1/designs/${DESIGN}/comments/${THREAD}/replies/${REPLY}`]: { body: { reply: reply() } },
  [`GET /rest/v1/designs/${DESIGN}`]: { body: { design: design() } },
  'GET /rest/v1/designs': { body: { items: [design()] } },
  'POST /rest/v1/designs': { body: { design: design('DNEW') } },
  'POST /rest/v1/exports': { body: { job: { id: 'e-1', status: 'in_progress' } } },
  'GET /rest/v1/exports/e-1': {
    body: { job: { id: 'e-1', status: 'success', urls: ['https://export.example/1.pdf'] } },
  },
  'POST /rest/v1/url-asset-uploads': { body: { job: { id: 'u-1', status: 'in_progress' } } },
  'GET /rest/v1/url-asset-uploads/u-1': { body: { job: { id: 'u-1', status: 'success', asset } } },
  'POST /rest/v1/asset-uploads': { body: { job: { id: 'a-1', status: 'in_progress' } } },
  'GET /rest/v1/asset-uploads/a-1': { body: { job: { id: 'a-1', status: 'success', asset } } },
  'POST /rest/v1/autofills': { body: { job: { id: 'f-1', status: 'in_progress' } } },
  'GET /rest/v1/autofills/f-1': {
    body: {
      job: {
        id: 'f-1',
        status: 'success',
        result: { type: 'create_design', design: designSummary('DFILL') },
      },
    },
  },
  'POST /rest/v1/resizes': { body: { job: { id: 'r-1', status: 'in_progress' } } },
  'GET /rest/v1/resizes/r-1': {
    body: { job: { id: 'r-1', status: 'success', result: { design: designSummary('DSIZE') } } },
  },
  'POST /rest/v1/folders': { body: { folder: folder() } },
  [`GET /rest/v1/folders/${FOLDER}`]: { body: { folder: folder() } },
  [`PATCH /rest/v1/folders/${FOLDER}`]: { body: { folder: folder() } },
  [`DELETE /rest/v1/folders/${FOLDER}`]: { status: 204 },
};

const CALLS: [string, Record<string, unknown>][] = [
  ['get_user_profile', {}],
  ['get_user_details', {}],
  ['get_thread', { design_id: DESIGN, thread_id: THREAD }],
  ['create_thread', { design_id: DESIGN, message_plaintext: 'Hi', assignee_id: 'u2' }],
  ['create_reply', { design_id: DESIGN, thread_id: THREAD, message_plaintext: 'Hi' }],
  ['list_replies', { design_id: DESIGN, thread_id: THREAD, limit: 10, continuation: 'c' }],
  ['get_reply', { design_id: DESIGN, thread_id: THREAD, reply_id: REPLY }],
  ['get_design', { design_id: DESIGN, export_format: 'pdf', export_pages: [1], export_quality: 'regular' }],
  ['list_designs', { query: 'x', ownership: 'owned', sort_by: 'relevance', continuation: 'c' }],
  [
    'create_design',
    {
      design_type: { type: 'custom', width: 100, height: 100 },
      title: 'T',
      asset_url: 'https://img.example/a.png',
    },
  ],
  ['create_design', { design_type: { type: 'preset', name: 'doc' }, asset_base64: 'iVBORw0KGgo=' }],
  [
    'create_design',
    { brand_template_id: 'BT1', autofill_data: { a: 'text', b: { type: 'image', asset_id: 'M1' } } },
  ],
  ['create_design', { resize_design_id: DESIGN, design_type: { type: 'preset', name: 'presentation' } }],
  ['create_folder', { name: 'F', parent_folder_id: 'root' }],
  ['get_folder', { folder_id: FOLDER }],
  ['update_folder', { folder_id: FOLDER, name: 'G' }],
  ['delete_folder', { folder_id: FOLDER }],
];

test("every request the tools make, and every answer of the fake, fits Canva's OpenAPI description", async (t) => {
  const file = process.env.CANVA_OPENAPI_SPEC;
  if (!file || !existsSync(file)) {
    t.skip('CANVA_OPENAPI_SPEC names no copy of the Canva Connect OpenAPI description');
    return;
  }
  const spec = await OpenApiCheck.load(file);
  const { fake, call } = await setup(t);
  for (const [route, answer] of Object.entries(ANSWERS)) fake.route(route, answer);
  for (const [name, args] of CALLS) data(await call(name, args));

  const used = new Set<string>();
  for (const req of fake.requests) {
    used.add(spec.assertRequest(req));
    const answer = ANSWERS[`${req.method} ${req.path}`];
    spec.assertAnswer(req.method, req.path, answer?.status ?? 200, answer?.body);
  }
  assert.deepEqual([...used].sort(), [...CANVA_ROUTES].sort(), 'the tools use every route of CANVA_ROUTES');
});

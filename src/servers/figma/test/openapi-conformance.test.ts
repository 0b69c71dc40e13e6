import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import type { FakeReply } from '../../../testing/fake-service.js';
import { OpenApiCheck } from '../../../testing/openapi.js';
import {
  comment,
  FIGMA_ROUTES,
  FILE_KEY,
  fileResponse,
  me,
  nodesResponse,
  ok,
  projectFile,
  reaction,
  sampleDocument,
  version,
} from './fake-figma.js';
import { data, setup } from './harness.js';

/**
 * Checks the fake and the client against Figma's OpenAPI description, so they cannot drift apart
 * together: every request the tools make (method, path, query and body keys) must be an operation of
 * the description, and every answer the fake gives must validate against that operation's 200 schema.
 *
 * The description comes from the `@figma/rest-api-spec` package (openapi/openapi.yaml), or from the
 * file FIGMA_OPENAPI_SPEC names; without either the test is skipped.
 */

function specFile(): string | undefined {
  if (process.env.FIGMA_OPENAPI_SPEC) return process.env.FIGMA_OPENAPI_SPEC;
  try {
    return createRequire(import.meta.url).resolve('@figma/rest-api-spec/openapi/openapi.yaml');
  } catch {
    return undefined;
  }
}

/** What each route of the fake answers in this test: the fake's bodies, uncut trees included. */
const ANSWERS: Record<string, FakeReply> = {
  'GET /v1/me': { body: me() },
  [`GET /v1/files/${FILE_KEY}`]: { body: fileResponse(sampleDocument()) },
  [`GET /v1/files/${FILE_KEY}/nodes`]: { body: nodesResponse(sampleDocument(), ['2:1']) },
  [`GET /v1/files/${FILE_KEY}/comments`]: {
    body: {
      comments: [
        comment({ id: '101', reactions: [reaction(':+1:')] }),
        comment({ id: '102', parent_id: '101', order_id: null }),
      ],
    },
  },
  [`POST /v1/files/${FILE_KEY}/comments`]: { body: comment({ id: '103', parent_id: '101', order_id: null }) },
  [`DELETE /v1/files/${FILE_KEY}/comments/101`]: { body: ok },
  [`GET /v1/files/${FILE_KEY}/comments/101/reactions`]: {
    body: { reactions: [reaction(':heart:')], pagination: {} },
  },
  [`POST /v1/files/${FILE_KEY}/comments/101/reactions`]: { body: ok },
  [`DELETE /v1/files/${FILE_KEY}/comments/101/reactions`]: { body: ok },
  'GET /v1/teams/111/projects': { body: { name: 'Design', projects: [{ id: '31', name: 'Checkout' }] } },
  'GET /v1/projects/31/files': {
    body: { name: 'Checkout', files: [projectFile(FILE_KEY, 'Checkout redesign')] },
  },
  [`GET /v1/files/${FILE_KEY}/versions`]: { body: { versions: [version('9')], pagination: {} } },
};

const CALLS: [string, Record<string, unknown>][] = [
  ['get_me', {}],
  ['get_file', { file_key: FILE_KEY, version: '5124837761' }],
  ['get_file', { file_key: FILE_KEY, node_ids: ['2:1'], depth: 1 }],
  ['get_file_comments', { file_key: FILE_KEY, as_md: true }],
  ['post_comment', { file_key: FILE_KEY, message: 'Hi', parent_id: '101', client_meta: { x: 1, y: 2 } }],
  ['delete_comment', { file_key: FILE_KEY, comment_id: '101' }],
  ['get_comment_reactions', { file_key: FILE_KEY, comment_id: '101', cursor: 'abc' }],
  ['post_comment_reaction', { file_key: FILE_KEY, comment_id: '101', emoji: ':heart:' }],
  ['delete_comment_reaction', { file_key: FILE_KEY, comment_id: '101', emoji: ':heart:' }],
  ['get_team_projects', { team_id: '111' }],
  ['get_project_files', { project_id: '31', branch_data: true }],
  ['get_file_versions', { file_key: FILE_KEY, before: '12' }],
];

test("every request the tools make, and every answer of the fake, fits Figma's OpenAPI description", async (t) => {
  const file = specFile();
  if (!file || !existsSync(file)) {
    t.skip('@figma/rest-api-spec is not installed (or FIGMA_OPENAPI_SPEC names no file)');
    return;
  }
  const spec = await OpenApiCheck.load(file);
  const { fake, call } = await setup(t);
  for (const [route, reply] of Object.entries(ANSWERS)) fake.route(route, reply);
  for (const [name, args] of CALLS) data(await call(name, args));

  const used = new Set<string>();
  for (const req of fake.requests) {
    used.add(spec.assertRequest(req));
    const answer = ANSWERS[`${req.method} ${req.path}`];
    spec.assertAnswer(req.method, req.path, answer?.status ?? 200, answer?.body);
  }
  assert.deepEqual([...used].sort(), [...FIGMA_ROUTES].sort(), 'the tools use every route of FIGMA_ROUTES');
});

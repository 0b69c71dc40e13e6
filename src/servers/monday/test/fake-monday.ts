import type { FakeReply, FakeService, RecordedRequest } from '../../../testing/fake-service.js';

/**
 * A fake of monday.com's GraphQL endpoint (POST /v2) answering in the shapes its API (2026-10)
 * documents: `{ data, account_id, extensions: { request_id } }`, errors in `errors[]` with
 * `extensions.code` (on HTTP 200 for application errors), and the older top-level
 * `{ error_code, error_message, status_code }`. Ids are strings and a column value's `value` is a
 * JSON-encoded string, as in monday.com's answers.
 */

export const ACCOUNT_ID = 18888528;
const BASE = 'https://acme.monday.com';

/** The first root field a GraphQL document selects, e.g. `boards` or `create_item`. */
export function rootField(query: string): string {
  const body = query.slice(query.indexOf('{') + 1);
  return /^\s*(\w+)/.exec(body)?.[1] ?? '';
}

export interface GraphQLCall {
  query: string;
  variables: Record<string, unknown>;
  req: RecordedRequest;
}

/** What a handler answers: `data` (wrapped as monday.com wraps it), or a whole reply (errors, status). */
export type Handler = (call: GraphQLCall) => Record<string, unknown> | { reply: FakeReply };

export const ok = (data: Record<string, unknown>): FakeReply => ({
  body: { data, account_id: ACCOUNT_ID, extensions: { request_id: 'req-1' } },
});

/** Routes POST /v2 by root field; an unknown field answers monday.com's validation error. */
export function serve(fake: FakeService, handlers: Record<string, Handler>): void {
  fake.route('POST /v2', (req) => {
    const { query, variables = {} } = req.body as { query: string; variables?: Record<string, unknown> };
    const handler = handlers[rootField(query)];
    if (!handler) {
      return errorReply({
        message: `Field '${rootField(query)}' doesn't exist on type 'Query'`,
        code: 'undefinedField',
      });
    }
    const answer = handler({ query, variables, req });
    return 'reply' in answer ? (answer.reply as FakeReply) : ok(answer);
  });
}

/** The calls the fake received, decoded. */
export const calls = (fake: FakeService): GraphQLCall[] =>
  fake.requests.map((req) => {
    const { query, variables = {} } = req.body as { query: string; variables?: Record<string, unknown> };
    return { query, variables, req };
  });

export function errorReply(
  e: { message: string; code: string; extensions?: Record<string, unknown>; path?: string[] },
  status = 200,
  data: unknown = null,
): FakeReply {
  return {
    status,
    body: {
      data,
      errors: [
        {
          message: e.message,
          locations: [{ line: 1, column: 10 }],
          ...(e.path ? { path: e.path } : {}),
          extensions: { code: e.code, ...e.extensions },
        },
      ],
      account_id: ACCOUNT_ID,
      extensions: { request_id: 'req-err' },
    },
  };
}

export const me = () => ({
  id: '4012689',
  name: 'Dana Monday',
  email: 'dana@example.com',
  title: 'Ops lead',
  created_at: '2023-04-01T08:00:00Z',
  url: `${BASE}/users/4012689`,
});

export const workspace = (id: string, name = `Workspace ${id}`) => ({
  id,
  name,
  kind: 'open',
  description: `About ${name}`,
  state: 'active',
  created_at: '2024-01-15T09:00:00Z',
});

export const board = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: `Board ${id}`,
  description: null,
  state: 'active',
  board_kind: 'public',
  workspace_id: '555',
  updated_at: '2026-11-20T10:00:00Z',
  url: `${BASE}/boards/${id}`,
  ...extra,
});

export const group = (id: string, title = `Group ${id}`, extra: Record<string, unknown> = {}) => ({
  id,
  title,
  color: '#579bfc',
  position: '65536',
  archived: false,
  ...extra,
});

export const itemRef = (id: string, groupId = 'topics') => ({
  id,
  name: `Item ${id}`,
  group: { id: groupId, title: 'Topics' },
});

export const statusValue = {
  id: 'status',
  type: 'status',
  text: 'Done',
  value: '{"index":1,"post_id":null,"changed_at":"2026-11-01T17:24:57.321Z"}',
  column: { title: 'Status' },
};
export const dateValue = {
  id: 'date4',
  type: 'date',
  text: '2026-12-01',
  value: '{"date":"2026-12-01","changed_at":"2026-11-02T10:00:00.000Z"}',
  column: { title: 'Due date' },
};
export const emptyText = { id: 'text', type: 'text', text: '', value: null, column: { title: 'Notes' } };

export const item = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: `Item ${id}`,
  state: 'active',
  created_at: '2026-11-01T09:00:00Z',
  updated_at: '2026-11-02T09:00:00Z',
  url: `${BASE}/boards/1234567890/pulses/${id}`,
  board: { id: '1234567890', name: 'Board 1234567890' },
  group: { id: 'topics', title: 'Topics' },
  ...extra,
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SEARCH_ISSUES } from '../queries.js';
import {
  data,
  ENG,
  fakeLinear,
  linearClient,
  linearIssue,
  onlyRequest,
  operation,
  variables,
} from './fake-linear.js';

const titleOrDescription = (text: string) => [
  { title: { containsIgnoreCase: text } },
  { description: { containsIgnoreCase: text } },
];

test('search_issues sends one query filtering title or description, and answers trimmed issues', async (t) => {
  const fake = await fakeLinear(t, {
    issues: [
      linearIssue(7, {
        title: 'Login fails on Safari',
        assignee: { id: 'user-ada', name: 'Ada Lovelace' },
        labels: { nodes: [{ id: 'label-bug', name: 'Bug' }] },
      }),
    ],
  });
  const client = await linearClient(t);

  const out = data(await client.callTool({ name: 'search_issues', arguments: { query: 'login' } }));

  const req = onlyRequest(fake);
  assert.deepEqual(req.body, {
    query: SEARCH_ISSUES,
    variables: { filter: { or: titleOrDescription('login') }, first: 10, after: null },
  });
  assert.deepEqual(out, {
    count: 1,
    has_more: false,
    issues: [
      {
        id: linearIssue(7).id,
        identifier: 'ENG-7',
        title: 'Login fails on Safari',
        url: 'https://linear.app/acme/issue/ENG-7/issue-7',
        priority: 3,
        priorityLabel: 'Medium',
        state: { id: 'state-todo', name: 'Todo', type: 'unstarted' },
        team: ENG,
        assignee: { id: 'user-ada', name: 'Ada Lovelace' },
        project: null,
        labels: [{ id: 'label-bug', name: 'Bug' }],
        createdAt: '2026-05-01T10:00:00.000Z',
        updatedAt: '2026-05-02T10:00:00.000Z',
      },
    ],
  });
});

test('an identifier such as eng-42 also matches the issue of that team key and number', async (t) => {
  const fake = await fakeLinear(t);
  const client = await linearClient(t);

  const out = data(await client.callTool({ name: 'search_issues', arguments: { query: ' eng-42 ' } }));

  assert.deepEqual(variables(onlyRequest(fake)).filter, {
    or: [...titleOrDescription('eng-42'), { team: { key: { eqIgnoreCase: 'eng' } }, number: { eq: 42 } }],
  });
  assert.deepEqual(out, { issues: [], count: 0, has_more: false });
});

test('search follows first/after across pages up to the limit, and says more are left', async (t) => {
  const fake = await fakeLinear(t, { issues: Array.from({ length: 130 }, (_, i) => linearIssue(i + 1)) });
  const client = await linearClient(t);

  const out = data(
    await client.callTool({ name: 'search_issues', arguments: { query: 'issue', limit: 70 } }),
  );

  assert.deepEqual(
    fake.requests.map((r) => [operation(r), variables(r).first, variables(r).after]),
    [
      ['SearchIssues', 50, null],
      ['SearchIssues', 20, 'c:50'],
    ],
  );
  const identifiers = (out.issues as { identifier: string }[]).map((i) => i.identifier);
  assert.equal(out.count, 70);
  assert.equal(identifiers[0], 'ENG-1');
  assert.equal(identifiers[69], 'ENG-70');
  assert.equal(out.has_more, true);
});

test('a short last page ends the search before the limit', async (t) => {
  const fake = await fakeLinear(t, { issues: Array.from({ length: 60 }, (_, i) => linearIssue(i + 1)) });
  const client = await linearClient(t);

  const out = data(
    await client.callTool({ name: 'search_issues', arguments: { query: 'issue', limit: 250 } }),
  );

  assert.equal(fake.requests.length, 2);
  assert.equal(out.count, 60);
  assert.equal(out.has_more, false);
});

test('the limit is bounded and the query must not be empty', async (t) => {
  const fake = await fakeLinear(t);
  const client = await linearClient(t);

  const tooMany = await client.callTool({ name: 'search_issues', arguments: { query: 'x', limit: 251 } });
  const empty = await client.callTool({ name: 'search_issues', arguments: { query: '  ' } });

  assert.match(String((tooMany.content as { text: string }[])[0]?.text), /limit: .*250/);
  assert.match(String((empty.content as { text: string }[])[0]?.text), /query: /);
  assert.equal(fake.requests.length, 0);
});

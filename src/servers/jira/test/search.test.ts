import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RecordedRequest } from '../../../testing/fake-service.js';
import { errorCollection, issue } from './fake-jira.js';
import { assertHeaders, data, failure, route, SITE, setup } from './harness.js';

const FIELDS = [
  'summary',
  'status',
  'issuetype',
  'priority',
  'assignee',
  'reporter',
  'labels',
  'project',
  'parent',
  'created',
  'updated',
  'duedate',
  'resolution',
  'description',
];

const SEARCH = route('POST', 'search/jql');
const bodies = (requests: RecordedRequest[]) => requests.map((r) => r.body as Record<string, unknown>);

test('list_issues posts the JQL to the enhanced search with the fields it shows, following nextPageToken', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(SEARCH, (req) => {
    const { nextPageToken, maxResults } = req.body as { nextPageToken?: string; maxResults: number };
    const page = nextPageToken ? Number(nextPageToken.slice(5)) : 0;
    const issues = Array.from({ length: maxResults }, (_, i) => issue(`EX-${page * 100 + i + 1}`));
    return { body: { issues, nextPageToken: `page-${page + 1}`, isLast: false } };
  });

  const out = data(
    await call('list_issues', { jql: 'project = EX ORDER BY created DESC', max_results: 130 }),
  );

  assert.equal(out.count, 130);
  assert.equal(out.more, true);
  const issues = out.issues as { key: string; description: string; url: string }[];
  assert.equal(issues[0]?.key, 'EX-1');
  assert.equal(issues[129]?.key, 'EX-130');
  assert.equal(issues[0]?.description, 'Main order flow broken');
  assert.equal(issues[0]?.url, 'https://acme.atlassian.net/browse/EX-1');
  assert.deepEqual(out.site, SITE);
  assert.deepEqual(bodies(fake.requests), [
    { jql: 'project = EX ORDER BY created DESC', fields: FIELDS, maxResults: 100 },
    { jql: 'project = EX ORDER BY created DESC', fields: FIELDS, maxResults: 30, nextPageToken: 'page-1' },
  ]);
  for (const req of fake.requests) {
    assert.equal(req.path, '/ex/jira/11223344-a1b2-3b33-c444-def123456789/rest/api/3/search/jql');
    assertHeaders(req);
  }
});

test('list_issues stops when the last page comes without a token', async (t) => {
  const { fake, call } = await setup(t);
  fake.once(SEARCH, { body: { issues: [issue('EX-1')], nextPageToken: 'tok-2' } });
  fake.once(SEARCH, { body: { issues: [issue('EX-2')], isLast: true } });

  const out = data(await call('list_issues', { jql: 'project = EX' }));

  assert.deepEqual(
    (out.issues as { key: string }[]).map((i) => i.key),
    ['EX-1', 'EX-2'],
  );
  assert.equal(out.more, false);
  assert.deepEqual(
    bodies(fake.requests).map((b) => [b.maxResults, b.nextPageToken]),
    [
      [50, undefined],
      [49, 'tok-2'],
    ],
  );
});

test('a JQL error names the jql argument', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(SEARCH, {
    status: 400,
    body: errorCollection(["Error in the JQL Query: The character '%' is a reserved JQL character."]),
  });
  assert.equal(
    failure(await call('list_issues', { jql: 'summary ~ %' })),
    "Jira rejected the request for the JQL query (HTTP 400): argument jql: Error in the JQL Query: The character '%' is a reserved JQL character.",
  );
  assert.equal(fake.requests.length, 1, 'a 400 is not retried');
});

test('get_my_issues asks for your open issues, or those in a status, quoted safely', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(SEARCH, { body: { issues: [issue('EX-1')], isLast: true } });

  data(await call('get_my_issues', {}));
  data(await call('get_my_issues', { status: 'Won"t "Do\\', max_results: 5 }));

  assert.deepEqual(
    bodies(fake.requests).map((b) => [b.jql, b.maxResults]),
    [
      ['assignee = currentUser() AND statusCategory != Done ORDER BY updated DESC', 50],
      ['assignee = currentUser() AND status = "Won\\"t \\"Do\\\\" ORDER BY updated DESC', 5],
    ],
  );
});

test('get_my_recent_activity asks for issues you were assigned, reported or updated, 20 by default', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(SEARCH, { body: { issues: [issue('EX-3')], isLast: true } });

  const out = data(await call('get_my_recent_activity', {}));

  assert.equal(out.count, 1);
  const [body] = bodies(fake.requests);
  assert.equal(
    body?.jql,
    'assignee = currentUser() OR assignee WAS currentUser() OR reporter = currentUser() ' +
      'OR issue IN updatedBy(currentUser()) ORDER BY updated DESC',
  );
  assert.equal(body?.maxResults, 20);
  assert.deepEqual(body?.fields, FIELDS);
});

test('max_results is bounded to 1..1000', async (t) => {
  const { fake, call } = await setup(t);
  assert.match(failure(await call('list_issues', { jql: 'project = EX', max_results: 1001 })), /max_results/);
  assert.match(failure(await call('get_my_issues', { max_results: 0 })), /max_results/);
  assert.equal(fake.requests.length, 0);
});

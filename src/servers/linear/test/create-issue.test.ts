import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CREATE_ISSUE } from '../queries.js';
import { data, ENG, failure, fakeLinear, linearClient, onlyRequest } from './fake-linear.js';

test('create_issue sends issueCreate with Linear’s input names and answers the new issue', async (t) => {
  const fake = await fakeLinear(t);
  const client = await linearClient(t);

  const out = data(
    await client.callTool({
      name: 'create_issue',
      arguments: {
        team_id: ENG.id,
        title: 'Crash on save',
        description: '## Steps\n1. Save',
        priority: 1,
        assignee_id: 'user-ada',
        label_ids: ['label-bug'],
      },
    }),
  );

  const req = onlyRequest(fake);
  assert.deepEqual(req.body, {
    query: CREATE_ISSUE,
    variables: {
      input: {
        teamId: ENG.id,
        title: 'Crash on save',
        description: '## Steps\n1. Save',
        priority: 1,
        assigneeId: 'user-ada',
        labelIds: ['label-bug'],
      },
    },
  });
  assert.equal(out.success, true);
  const issue = out.issue as Record<string, unknown>;
  assert.equal(issue.identifier, 'ENG-100');
  assert.equal(issue.title, 'Crash on save');
  assert.equal(issue.description, '## Steps\n1. Save');
  assert.deepEqual(issue.team, ENG);
});

test('only the given fields are sent', async (t) => {
  const fake = await fakeLinear(t);
  const client = await linearClient(t);

  data(await client.callTool({ name: 'create_issue', arguments: { team_id: ENG.id, title: 'Bare' } }));

  assert.deepEqual((onlyRequest(fake).body as { variables: unknown }).variables, {
    input: { teamId: ENG.id, title: 'Bare' },
  });
});

test('an unknown team is named', async (t) => {
  await fakeLinear(t);
  const client = await linearClient(t);

  const message = failure(
    await client.callTool({ name: 'create_issue', arguments: { team_id: 'nope', title: 'x' } }),
  );

  assert.equal(message, 'Team, assignee or label not found: team nope');
});

test('a priority outside 0-4 is refused before any request', async (t) => {
  const fake = await fakeLinear(t);
  const client = await linearClient(t);

  const message = failure(
    await client.callTool({ name: 'create_issue', arguments: { team_id: ENG.id, title: 'x', priority: 5 } }),
  );

  assert.match(message, /^Invalid arguments for tool create_issue: priority: /);
  assert.equal(fake.requests.length, 0);
});

test('a mutation is not retried after a 5xx, where Linear may have created the issue', async (t) => {
  const fake = await fakeLinear(t);
  fake.once('POST /graphql', { status: 502, body: 'Bad Gateway' });
  const client = await linearClient(t);

  const message = failure(
    await client.callTool({ name: 'create_issue', arguments: { team_id: ENG.id, title: 'x' } }),
  );

  assert.equal(
    message,
    'Linear failed (HTTP 502); the request may have gone through, so check before trying again',
  );
  assert.equal(fake.requests.length, 1);
});

test('success: false from Linear is an error, not an issue', async (t) => {
  const fake = await fakeLinear(t);
  fake.once('POST /graphql', { body: { data: { issueCreate: { success: false, issue: null } } } });
  const client = await linearClient(t);

  const message = failure(
    await client.callTool({ name: 'create_issue', arguments: { team_id: ENG.id, title: 'x' } }),
  );

  assert.equal(message, 'Linear did not create the issue (success: false)');
});

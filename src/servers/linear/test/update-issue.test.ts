import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UPDATE_ISSUE } from '../queries.js';
import { data, failure, fakeLinear, linearClient, linearIssue, onlyRequest } from './fake-linear.js';

test('update_issue sends issueUpdate with the issue id and only the changed fields', async (t) => {
  const fake = await fakeLinear(t, { issues: [linearIssue(5)] });
  const client = await linearClient(t);

  const out = data(
    await client.callTool({
      name: 'update_issue',
      arguments: {
        issue_id: 'ENG-5',
        title: 'Renamed',
        state_id: 'state-done',
        assignee_id: '',
        label_ids: [],
      },
    }),
  );

  assert.deepEqual(onlyRequest(fake).body, {
    query: UPDATE_ISSUE,
    variables: {
      id: 'ENG-5',
      input: { title: 'Renamed', stateId: 'state-done', assigneeId: null, labelIds: [] },
    },
  });
  const issue = out.issue as Record<string, unknown>;
  assert.equal(out.success, true);
  assert.equal(issue.title, 'Renamed');
  assert.deepEqual(issue.state, { id: 'state-done', name: 'Done', type: 'completed' });
});

test('nothing to change is refused before any request, naming the fields', async (t) => {
  const fake = await fakeLinear(t, { issues: [linearIssue(5)] });
  const client = await linearClient(t);

  const message = failure(await client.callTool({ name: 'update_issue', arguments: { issue_id: 'ENG-5' } }));

  assert.equal(
    message,
    'Nothing to update: give at least one of title, description, state_id, priority, assignee_id, label_ids',
  );
  assert.equal(fake.requests.length, 0);
});

test('an unknown issue is named', async (t) => {
  await fakeLinear(t);
  const client = await linearClient(t);

  const message = failure(
    await client.callTool({ name: 'update_issue', arguments: { issue_id: 'ENG-404', title: 'x' } }),
  );

  assert.equal(message, 'Issue not found: ENG-404');
});

test('an invalid value is reported with Linear’s own message for users', async (t) => {
  const fake = await fakeLinear(t, { issues: [linearIssue(5)] });
  fake.once('POST /graphql', {
    status: 400,
    body: {
      errors: [
        {
          message: 'Argument Validation Error',
          path: ['issueUpdate'],
          extensions: {
            type: 'invalid input',
            code: 'INVALID_INPUT',
            userError: true,
            userPresentableMessage: 'stateId must be a UUID.',
          },
        },
      ],
    },
  });
  const client = await linearClient(t);

  const message = failure(
    await client.callTool({ name: 'update_issue', arguments: { issue_id: 'ENG-5', state_id: 'done' } }),
  );

  assert.equal(message, 'Linear refused the request for ENG-5: stateId must be a UUID.');
});

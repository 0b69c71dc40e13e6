import assert from 'node:assert/strict';
import { test } from 'node:test';
import { query } from '../../../testing/fake-service.js';
import {
  adfDoc,
  adfText,
  comment,
  errorCollection,
  fieldDetails,
  issue,
  issueDetailFields,
  transition,
} from './fake-jira.js';
import { data, failure, only, route, SITE, setup } from './harness.js';

const DETAIL_FIELDS =
  'summary,status,issuetype,priority,assignee,reporter,labels,project,parent,created,updated,duedate,' +
  'resolution,description,creator,resolutiondate,comment,attachment,subtasks,issuelinks,components,fixVersions';

test('create_issue sends the fields Jira names, the description as ADF and story points to the site’s field', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', 'field'), { body: fieldDetails() });
  fake.route(route('POST', 'issue'), {
    status: 201,
    body: { id: '10000', key: 'EX-24', self: 'https://acme.atlassian.net/rest/api/3/issue/10000' },
  });

  const out = data(
    await call('create_issue', {
      project_key: 'EX',
      summary: 'Checkout fails',
      description: 'Steps:\n\n1. Open **cart**\n2. Pay',
      issue_type: 'Bug',
      assignee_account_id: 'acc-1',
      priority: 'High',
      parent_key: 'EX-1',
      story_points: 3,
      labels: ['payments', 'urgent'],
    }),
  );

  assert.deepEqual(out, {
    id: '10000',
    key: 'EX-24',
    url: 'https://acme.atlassian.net/browse/EX-24',
    site: SITE,
  });
  only(fake, 'GET', 'field');
  assert.deepEqual(only(fake, 'POST', 'issue').body, {
    fields: {
      project: { key: 'EX' },
      issuetype: { name: 'Bug' },
      summary: 'Checkout fails',
      description: adfDoc(
        { type: 'paragraph', content: [{ type: 'text', text: 'Steps:' }] },
        {
          type: 'orderedList',
          attrs: { order: 1 },
          content: [
            {
              type: 'listItem',
              content: [
                {
                  type: 'paragraph',
                  content: [
                    { type: 'text', text: 'Open ' },
                    { type: 'text', text: 'cart', marks: [{ type: 'strong' }] },
                  ],
                },
              ],
            },
            { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Pay' }] }] },
          ],
        },
      ),
      assignee: { accountId: 'acc-1' },
      priority: { name: 'High' },
      labels: ['payments', 'urgent'],
      customfield_10016: 3,
      parent: { key: 'EX-1' },
    },
  });
});

test('create_issue without story points makes one request; a field error names the argument', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('POST', 'issue'), {
    status: 400,
    body: errorCollection(["Field 'priority' is required"], { issuetype: 'Specify a valid issue type' }),
  });

  assert.equal(
    failure(
      await call('create_issue', { project_key: 'EX', summary: 'x', issue_type: 'Storyy', labels: 'a, b' }),
    ),
    "Jira rejected the request for EX (HTTP 400): argument issue_type: Specify a valid issue type; Field 'priority' is required",
  );
  assert.deepEqual(only(fake, 'POST', 'issue').body, {
    fields: { project: { key: 'EX' }, issuetype: { name: 'Storyy' }, summary: 'x', labels: ['a', 'b'] },
  });
});

test('get_issue asks for the fields it shows and answers description and comments as Markdown', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', 'issue/EX-1'), {
    body: issue(
      'EX-1',
      {},
      {
        ...issueDetailFields('EX-1'),
        description: adfDoc(
          { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Context' }] },
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: 'Ask ' },
              { type: 'mention', attrs: { id: 'acc-9', text: '@Emma Richards', accessLevel: '' } },
              { type: 'text', text: ' about ' },
              {
                type: 'text',
                text: 'the docs',
                marks: [{ type: 'link', attrs: { href: 'https://docs.example' } }],
              },
            ],
          },
          { type: 'codeBlock', attrs: { language: 'sql' }, content: [{ type: 'text', text: 'select 1;' }] },
        ),
      },
    ),
  });

  const out = data(await call('get_issue', { issue_key: 'EX-1' }));

  assert.deepEqual(query(only(fake, 'GET', 'issue/EX-1')), { fields: DETAIL_FIELDS });
  assert.deepEqual(out, {
    key: 'EX-1',
    id: '10001',
    url: 'https://acme.atlassian.net/browse/EX-1',
    summary: 'Summary of EX-1',
    status: 'In Progress',
    status_category: 'In Progress',
    issue_type: 'Task',
    priority: 'Medium',
    assignee: { account_id: '5b10a2844c20165700ede21g', display_name: 'Mia Krystof' },
    reporter: { account_id: '5b10ac8d82e05b22cc7d4ef5', display_name: 'Emma Richards' },
    labels: ['backend'],
    project: { key: 'EX', name: 'Example' },
    parent: null,
    created: '2024-04-01T10:00:00.000+0000',
    updated: '2024-05-01T10:00:00.000+0000',
    due_date: null,
    resolution: null,
    description:
      '## Context\n\nAsk @Emma Richards about [the docs](https://docs.example)\n\n```sql\nselect 1;\n```',
    creator: { account_id: '5b10a2844c20165700ede21g', display_name: 'Mia Krystof' },
    resolution_date: null,
    components: ['Backend'],
    fix_versions: ['v1.0'],
    comments: [
      {
        id: '10000',
        author: { account_id: '5b10a2844c20165700ede21g', display_name: 'Mia Krystof' },
        created: '2021-01-17T12:34:00.000+0000',
        updated: '2021-01-18T23:45:00.000+0000',
        body: 'Looks good to me.',
      },
    ],
    comment_total: 3,
    attachments: [
      {
        id: '10000',
        filename: 'picture.jpg',
        size: 23123,
        mime_type: 'image/jpeg',
        created: '2022-10-06T07:32:47.000+0000',
        author: { account_id: '5b10a2844c20165700ede21g', display_name: 'Mia Krystof' },
      },
    ],
    subtasks: [{ key: 'EX-10', summary: 'A sub-task', status: 'Open' }],
    issue_links: [
      { type: 'is depended by', key: 'PR-2', summary: null, status: 'Open' },
      { type: 'depends on', key: 'PR-3', summary: null, status: 'Open' },
    ],
    site: SITE,
  });
});

test('get_issue with expand adds transitions, the changelog and Jira’s own expansions', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', 'issue/EX-2'), {
    body: issue('EX-2', {
      transitions: [transition('21', 'Finish', 'Done', 'done')],
      changelog: {
        histories: [
          {
            id: '10001',
            author: { accountId: 'acc-1', displayName: 'Ann' },
            created: '2024-05-02T09:00:00.000+0000',
            items: [{ field: 'status', fromString: 'To Do', toString: 'In Progress' }],
          },
        ],
      },
      renderedFields: { description: '<p>Main order flow broken</p>' },
    }),
  });

  const out = data(
    await call('get_issue', { issue_key: 'EX-2', expand: ['transitions', 'changelog', 'renderedFields'] }),
  );

  assert.equal(query(only(fake, 'GET', 'issue/EX-2')).expand, 'transitions,changelog,renderedFields');
  assert.deepEqual(out.transitions, [{ id: '21', name: 'Finish', to_status: 'Done' }]);
  assert.deepEqual(out.changelog, [
    {
      author: { account_id: 'acc-1', display_name: 'Ann' },
      created: '2024-05-02T09:00:00.000+0000',
      changes: [{ field: 'status', from: 'To Do', to: 'In Progress' }],
    },
  ]);
  assert.deepEqual(out.expanded, { renderedFields: { description: '<p>Main order flow broken</p>' } });
  assert.equal(out.description, 'Main order flow broken');
});

test('get_issue refuses a key that is not one before any request', async (t) => {
  const { fake, call } = await setup(t);
  assert.match(
    failure(await call('get_issue', { issue_key: '../myself' })),
    /issue_key: must be an issue key/,
  );
  assert.equal(fake.requests.length, 0);
});

test('update_issue sends only the given fields and says which changed', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('PUT', 'issue/EX-3'), { status: 204 });

  assert.deepEqual(
    data(
      await call('update_issue', {
        issue_key: 'EX-3',
        summary: 'New title',
        description: 'Plain text',
        labels: [],
      }),
    ),
    {
      success: true,
      issue_key: 'EX-3',
      url: 'https://acme.atlassian.net/browse/EX-3',
      updated_fields: ['summary', 'description', 'labels'],
      message: 'Issue EX-3 updated',
      site: SITE,
    },
  );
  assert.deepEqual(only(fake, 'PUT', 'issue/EX-3').body, {
    fields: { summary: 'New title', description: adfText('Plain text'), labels: [] },
  });

  assert.match(failure(await call('update_issue', { issue_key: 'EX-3' })), /give at least one of summary/);
  assert.equal(fake.requests.length, 1);
});

test('update_issue with story points on a site without the field names the argument', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', 'field'), { body: fieldDetails().slice(0, 1) });
  assert.equal(
    failure(await call('update_issue', { issue_key: 'EX-3', story_points: 5 })),
    'Invalid arguments: story_points: the Jira site acme has no story points field',
  );
  only(fake, 'GET', 'field');
  assert.equal(fake.requests.length, 1);
});

test('delete_issue deletes the issue, and Jira’s sub-task refusal reaches the caller', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('DELETE', 'issue/EX-4'), { status: 204 });
  fake.route(route('DELETE', 'issue/EX-5'), {
    status: 400,
    body: errorCollection(['The issue has subtasks. To delete them, set deleteSubtasks to true.']),
  });

  assert.deepEqual(data(await call('delete_issue', { issue_key: 'EX-4' })), {
    success: true,
    issue_key: 'EX-4',
    message: 'Issue EX-4 deleted',
    site: SITE,
  });
  assert.deepEqual(query(only(fake, 'DELETE', 'issue/EX-4')), {});
  assert.match(
    failure(await call('delete_issue', { issue_key: 'EX-5' })),
    /HTTP 400\): The issue has subtasks/,
  );
});

test('transition_my_issue finds the transition to the status and posts it with the comment as ADF', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', 'issue/EX-6/transitions'), {
    body: {
      transitions: [
        transition('11', 'Start progress', 'In Progress'),
        transition('31', 'Finish', 'Done', 'done'),
      ],
    },
  });
  fake.route(route('POST', 'issue/EX-6/transitions'), { status: 204 });

  assert.deepEqual(
    data(
      await call('transition_my_issue', {
        issue_key: 'EX-6',
        transition_to: 'done',
        comment: 'Shipped in *v2*',
      }),
    ),
    {
      success: true,
      issue_key: 'EX-6',
      transition: { id: '31', name: 'Finish' },
      status: 'Done',
      message: 'Issue EX-6 moved to Done',
      site: SITE,
    },
  );
  only(fake, 'GET', 'issue/EX-6/transitions');
  assert.deepEqual(only(fake, 'POST', 'issue/EX-6/transitions').body, {
    transition: { id: '31' },
    update: {
      comment: [
        {
          add: {
            body: adfDoc({
              type: 'paragraph',
              content: [
                { type: 'text', text: 'Shipped in ' },
                { type: 'text', text: 'v2', marks: [{ type: 'em' }] },
              ],
            }),
          },
        },
      ],
    },
  });
});

test('transition_my_issue names the statuses it can reach when the target is not one', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', 'issue/EX-7/transitions'), {
    body: { transitions: [transition('11', 'Start progress', 'In Progress')] },
  });

  assert.equal(
    failure(await call('transition_my_issue', { issue_key: 'EX-7', transition_to: 'Released' })),
    'Invalid arguments: transition_to: issue EX-7 cannot move to "Released" from its status; available: "In Progress" (Start progress)',
  );
  assert.equal(fake.requests.length, 1);
});

test('transition_my_issue matches a transition by its name too, without a comment', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('GET', 'issue/EX-8/transitions'), {
    body: { transitions: [transition('11', 'Start progress', 'In Progress')] },
  });
  fake.route(route('POST', 'issue/EX-8/transitions'), { status: 204 });
  data(await call('transition_my_issue', { issue_key: 'EX-8', transition_to: 'Start Progress' }));
  assert.deepEqual(only(fake, 'POST', 'issue/EX-8/transitions').body, { transition: { id: '11' } });
});

test('comment_on_issue posts the body as ADF and answers the comment as Markdown', async (t) => {
  const { fake, call } = await setup(t);
  fake.route(route('POST', 'issue/EX-9/comment'), (req) => ({
    status: 201,
    body: comment('10050', (req.body as { body: unknown }).body),
  }));

  const out = data(
    await call('comment_on_issue', { issue_key: 'EX-9', body: 'Thanks [~accountid:acc-7]!\n- done' }),
  );

  assert.deepEqual(only(fake, 'POST', 'issue/EX-9/comment').body, {
    body: adfDoc(
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Thanks ' },
          { type: 'mention', attrs: { id: 'acc-7' } },
          { type: 'text', text: '!' },
        ],
      },
      {
        type: 'bulletList',
        content: [
          { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'done' }] }] },
        ],
      },
    ),
  });
  assert.deepEqual(out, {
    id: '10050',
    author: { account_id: '5b10a2844c20165700ede21g', display_name: 'Mia Krystof' },
    created: '2021-01-17T12:34:00.000+0000',
    updated: '2021-01-18T23:45:00.000+0000',
    body: 'Thanks [~accountid:acc-7]!\n\n- done',
    issue_key: 'EX-9',
    url: 'https://acme.atlassian.net/browse/EX-9?focusedCommentId=10050',
    site: SITE,
  });
});

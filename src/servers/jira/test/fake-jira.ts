/**
 * Bodies in the shapes the Jira Cloud platform REST API v3 documents (its OpenAPI description's
 * examples for IssueBean, Project, User, Comment, Transitions, PageBean, SearchAndReconcileResults,
 * Permissions and ErrorCollection), and Atlassian's accessible-resources and gateway errors. They
 * carry fields the server ignores too (self links, avatars), so tests prove it picks the right ones.
 */

export const CLOUD_ID = '11223344-a1b2-3b33-c444-def123456789';
export const OTHER_CLOUD_ID = '99887766-f1e2-4d3c-b2a1-0a9b8c7d6e5f';
export const SITE_URL = 'https://acme.atlassian.net';
/** The path of Jira's REST API v3 for a site, behind the gateway. */
export const api = (cloudId = CLOUD_ID) => `/ex/jira/${cloudId}/rest/api/3`;
export const API = api();

const SELF = `${SITE_URL}/rest/api/3`;
const DATE = '2024-05-01T10:00:00.000+0000';

/** An entry of GET /oauth/token/accessible-resources. */
export function accessibleResource(id: string, name: string, scopes = ['read:jira-work', 'write:jira-work']) {
  return {
    id,
    url: `https://${name}.atlassian.net`,
    name,
    scopes,
    avatarUrl: 'https://site-admin-avatar-cdn.prod.public.atl-paas.net/avatars/240/flag.png',
  };
}

/** What discovery stores for a site. */
export const storedSite = (id: string, name: string, scopes = ['read:jira-work', 'write:jira-work']) => ({
  id,
  url: `https://${name}.atlassian.net`,
  name,
  scopes,
});

export const ACME = storedSite(CLOUD_ID, 'acme');
export const BETA = storedSite(OTHER_CLOUD_ID, 'beta');

export function user(accountId = '5b10a2844c20165700ede21g', displayName = 'Mia Krystof') {
  return {
    accountId,
    accountType: 'atlassian',
    active: true,
    avatarUrls: { '48x48': 'https://avatar-management.example/initials/MK-5.png?size=48&s=48' },
    displayName,
    emailAddress: 'mia@example.com',
    key: '',
    name: '',
    self: `${SELF}/user?accountId=${accountId}`,
    timeZone: 'Australia/Sydney',
    locale: 'en_US',
    applicationRoles: { items: [], size: 1 },
    groups: { items: [], size: 3 },
  };
}

export const adfDoc = (...content: unknown[]) => ({ type: 'doc', version: 1, content });
export const adfText = (text: string) => adfDoc({ type: 'paragraph', content: [{ type: 'text', text }] });

export function project(key: string, extra: Record<string, unknown> = {}) {
  return {
    assigneeType: 'PROJECT_LEAD',
    avatarUrls: { '48x48': `${SITE_URL}/secure/projectavatar?size=large&pid=10000` },
    components: [{ id: '10000', name: 'Component 1', self: `${SELF}/component/10000` }],
    description: 'This project was created as an example for REST.',
    email: 'from-jira@example.com',
    id: '10000',
    insight: { lastIssueUpdateTime: '2021-04-22T05:37:05.000+0000', totalIssueCount: 100 },
    issueTypes: [
      {
        avatarId: 1,
        description: 'A task that needs to be done.',
        hierarchyLevel: 0,
        id: '3',
        name: 'Task',
        subtask: false,
      },
      {
        avatarId: 10002,
        description: 'A problem with the software.',
        hierarchyLevel: 0,
        id: '1',
        name: 'Bug',
        subtask: false,
      },
    ],
    key,
    lead: user(),
    name: `Project ${key}`,
    projectTypeKey: 'software',
    roles: { Developers: `${SELF}/project/${key}/role/10000` },
    self: `${SELF}/project/${key}`,
    simplified: false,
    style: 'classic',
    url: 'https://www.example.com',
    versions: [],
    ...extra,
  };
}

/** A project as GET /project/search lists it (no lead, description or issue types). */
export function listedProject(key: string, id: string) {
  return {
    avatarUrls: { '48x48': `${SITE_URL}/secure/projectavatar?size=large&pid=${id}` },
    id,
    insight: { lastIssueUpdateTime: '2021-04-22T05:37:05.000+0000', totalIssueCount: 100 },
    key,
    name: `Project ${key}`,
    projectTypeKey: 'software',
    self: `${SELF}/project/${key}`,
    simplified: false,
    style: 'classic',
  };
}

export function comment(id: string, body: unknown = adfText('Looks good to me.')) {
  return {
    author: user(),
    body,
    created: '2021-01-17T12:34:00.000+0000',
    id,
    self: `${SELF}/issue/10010/comment/${id}`,
    updateAuthor: user(),
    updated: '2021-01-18T23:45:00.000+0000',
    jsdPublic: true,
  };
}

export function issueFields(key: string, extra: Record<string, unknown> = {}) {
  return {
    summary: `Summary of ${key}`,
    status: {
      name: 'In Progress',
      id: '3',
      self: `${SELF}/status/3`,
      statusCategory: { id: 4, key: 'indeterminate', colorName: 'yellow', name: 'In Progress' },
    },
    issuetype: { id: '10001', name: 'Task', subtask: false, self: `${SELF}/issuetype/10001` },
    priority: { id: '3', name: 'Medium', self: `${SELF}/priority/3` },
    assignee: user(),
    reporter: user('5b10ac8d82e05b22cc7d4ef5', 'Emma Richards'),
    labels: ['backend'],
    project: { id: '10000', key: key.split('-')[0], name: 'Example', self: `${SELF}/project/EX` },
    created: '2024-04-01T10:00:00.000+0000',
    updated: DATE,
    duedate: null,
    resolution: null,
    description: adfText('Main order flow broken'),
    ...extra,
  };
}

export function issue(
  key: string,
  extra: Record<string, unknown> = {},
  fields: Record<string, unknown> = {},
) {
  return {
    expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
    id: String(10000 + Number(key.split('-')[1] ?? 0)),
    key,
    self: `${SELF}/issue/${key}`,
    fields: issueFields(key, fields),
    ...extra,
  };
}

/** The extra fields get_issue asks for, as GET /issue/{key} returns them. */
export function issueDetailFields(key: string) {
  return {
    creator: user(),
    resolutiondate: null,
    comment: { comments: [comment('10000')], maxResults: 1, total: 3, startAt: 0 },
    attachment: [
      {
        author: user(),
        content: `${SITE_URL}/rest/api/3/attachment/content/10000`,
        created: '2022-10-06T07:32:47.000+0000',
        filename: 'picture.jpg',
        id: 10000,
        mimeType: 'image/jpeg',
        self: `${SELF}/attachments/10000`,
        size: 23123,
      },
    ],
    subtasks: [
      {
        id: '10003',
        key: `${key}0`,
        fields: { summary: 'A sub-task', status: { name: 'Open' } },
        self: `${SELF}/issue/${key}0`,
      },
    ],
    issuelinks: [
      {
        id: '10001',
        type: { id: '10000', name: 'Dependent', inward: 'depends on', outward: 'is depended by' },
        outwardIssue: {
          id: '10004',
          key: 'PR-2',
          fields: { status: { name: 'Open' } },
          self: `${SELF}/issue/PR-2`,
        },
      },
      {
        id: '10002',
        type: { id: '10000', name: 'Dependent', inward: 'depends on', outward: 'is depended by' },
        inwardIssue: {
          id: '10004',
          key: 'PR-3',
          fields: { status: { name: 'Open' } },
          self: `${SELF}/issue/PR-3`,
        },
      },
    ],
    components: [{ id: '10000', name: 'Backend' }],
    fixVersions: [{ id: '10001', name: 'v1.0' }],
  };
}

export function transition(id: string, name: string, to: string, category = 'in-flight') {
  return {
    hasScreen: false,
    id,
    isAvailable: true,
    isConditional: false,
    isGlobal: false,
    isInitial: false,
    name,
    to: {
      description: '',
      iconUrl: `${SITE_URL}/images/icons/progress.gif`,
      id: `1${id}`,
      name: to,
      self: `${SELF}/status/1${id}`,
      statusCategory: { colorName: 'yellow', id: 4, key: category, name: to },
    },
  };
}

export function issueTypeStatuses() {
  return [
    {
      id: '3',
      name: 'Task',
      self: `${SELF}/issueType/3`,
      statuses: [
        {
          description: 'The issue is currently being worked on.',
          iconUrl: `${SITE_URL}/images/icons/progress.gif`,
          id: '10000',
          name: 'In Progress',
          self: `${SELF}/status/10000`,
          statusCategory: { id: 4, key: 'indeterminate', name: 'In Progress' },
        },
        {
          description: 'The issue is closed.',
          iconUrl: `${SITE_URL}/images/icons/closed.gif`,
          id: '5',
          name: 'Closed',
          self: `${SELF}/status/5`,
        },
      ],
      subtask: false,
    },
  ];
}

export function permission(key: string, name: string, have: boolean) {
  return {
    description: `Ability to ${name.toLowerCase()}.`,
    havePermission: have,
    id: '12',
    key,
    name,
    type: 'PROJECT',
  };
}

/** GET /field entries (FieldDetails). */
export function fieldDetails() {
  return [
    {
      id: 'summary',
      key: 'summary',
      name: 'Summary',
      custom: false,
      navigable: true,
      schema: { type: 'string', system: 'summary' },
    },
    {
      id: 'customfield_10016',
      key: 'customfield_10016',
      name: 'Story point estimate',
      custom: true,
      schema: { type: 'number', custom: 'com.pyxis.greenhopper.jira:jsw-story-points', customId: 10016 },
    },
    {
      id: 'customfield_10028',
      key: 'customfield_10028',
      name: 'Story Points',
      custom: true,
      schema: { type: 'number' },
    },
  ];
}

// Error bodies

export const errorCollection = (errorMessages: string[], errors: Record<string, string> = {}) => ({
  errorMessages,
  errors,
});
export const scopeMismatch = { code: 401, message: 'Unauthorized; scope does not match' };
export const unauthorized = { code: 401, message: 'Unauthorized' };

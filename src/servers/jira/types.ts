/**
 * The parts of Jira Cloud platform REST API v3 JSON this server reads (the OpenAPI description's
 * IssueBean, Project, User, Comment, Transition, ...). Jira sends many more fields; only the ones used
 * are typed, optional where Jira leaves them out.
 */

export interface JiraUser {
  accountId: string;
  displayName?: string;
  emailAddress?: string;
  active?: boolean;
  timeZone?: string;
  locale?: string;
  accountType?: string;
}

export interface JiraNamed {
  id?: string;
  name?: string;
}

export interface JiraStatus extends JiraNamed {
  statusCategory?: { key?: string; name?: string };
}

export interface JiraComment {
  id: string;
  author?: JiraUser;
  body?: unknown;
  created?: string;
  updated?: string;
}

export interface JiraAttachment {
  id: string | number;
  filename?: string;
  size?: number;
  mimeType?: string;
  created?: string;
  author?: JiraUser;
  content?: string;
}

export interface JiraLinkedIssue {
  key: string;
  fields?: { summary?: string; status?: JiraStatus };
}

export interface JiraIssueLink {
  type?: { name?: string; inward?: string; outward?: string };
  inwardIssue?: JiraLinkedIssue;
  outwardIssue?: JiraLinkedIssue;
}

/** `fields` of an issue: only the ones asked for come back. */
export interface JiraIssueFields {
  summary?: string;
  status?: JiraStatus | null;
  issuetype?: JiraNamed | null;
  priority?: JiraNamed | null;
  assignee?: JiraUser | null;
  reporter?: JiraUser | null;
  creator?: JiraUser | null;
  labels?: string[];
  project?: { id?: string; key?: string; name?: string } | null;
  parent?: JiraLinkedIssue | null;
  created?: string;
  updated?: string;
  duedate?: string | null;
  resolution?: JiraNamed | null;
  resolutiondate?: string | null;
  description?: unknown;
  /** `{ comments, total, ... }` on the issue endpoints (some examples show the bare array). */
  comment?: { comments?: JiraComment[]; total?: number } | JiraComment[];
  attachment?: JiraAttachment[];
  subtasks?: JiraLinkedIssue[];
  issuelinks?: JiraIssueLink[];
  components?: JiraNamed[];
  fixVersions?: JiraNamed[];
}

export interface JiraTransition {
  id: string;
  name: string;
  to?: JiraStatus;
}

export interface JiraChangelog {
  histories?: {
    id?: string;
    author?: JiraUser;
    created?: string;
    items?: { field?: string; fromString?: string | null; toString?: string | null }[];
  }[];
}

export interface JiraIssue {
  id: string;
  key: string;
  self?: string;
  fields?: JiraIssueFields;
  /** With expand=transitions. */
  transitions?: JiraTransition[];
  /** With expand=changelog. */
  changelog?: JiraChangelog;
  /** With expand=renderedFields, names, schema, operations, editmeta or versionedRepresentations. */
  [expanded: string]: unknown;
}

/** The answer of GET/POST /search/jql: `nextPageToken` is absent on the last page. */
export interface JiraSearchPage {
  issues?: JiraIssue[];
  nextPageToken?: string | null;
  isLast?: boolean;
}

export interface JiraProject {
  id: string;
  key: string;
  name: string;
  description?: string;
  projectTypeKey?: string;
  style?: string;
  simplified?: boolean;
  lead?: JiraUser;
  issueTypes?: (JiraNamed & { subtask?: boolean })[];
  components?: JiraNamed[];
  url?: string;
}

/** GET /project/search: a PageBean of projects. */
export interface JiraProjectPage {
  values?: JiraProject[];
  isLast?: boolean;
  total?: number;
  startAt?: number;
  maxResults?: number;
}

export interface JiraIssueTypeStatuses {
  id: string;
  name: string;
  subtask?: boolean;
  statuses?: JiraStatus[];
}

export interface JiraCreated {
  id: string | number;
  key: string;
  self?: string;
}

export interface JiraField {
  id: string;
  name: string;
  custom?: boolean;
}

export interface JiraPermission {
  id?: string;
  key?: string;
  name?: string;
  type?: string;
  description?: string;
  havePermission?: boolean;
}

/**
 * Every GraphQL document the Linear server sends, in one place so they can be read (and checked
 * against Linear's published schema, packages/sdk/src/schema.graphql of linear/linear) together.
 * Values always travel as variables, never spliced into a document.
 */

/** The fields of an issue every tool answers with. */
const ISSUE_FIELDS = `
  id
  identifier
  title
  url
  priority
  priorityLabel
  state { id name type }
  team { id key name }
  assignee { id name }
  project { id name }
  labels { nodes { id name } }
  createdAt
  updatedAt
`;

/** Relay paging fields of a connection. */
const PAGE_INFO = 'pageInfo { hasNextPage endCursor }';

export const SEARCH_ISSUES = `query SearchIssues($filter: IssueFilter!, $first: Int!, $after: String) {
  issues(filter: $filter, first: $first, after: $after, orderBy: updatedAt) {
    nodes {${ISSUE_FIELDS}}
    ${PAGE_INFO}
  }
}`;

export const CREATE_ISSUE = `mutation CreateIssue($input: IssueCreateInput!) {
  issueCreate(input: $input) {
    success
    issue {${ISSUE_FIELDS}  description
    }
  }
}`;

export const UPDATE_ISSUE = `mutation UpdateIssue($id: String!, $input: IssueUpdateInput!) {
  issueUpdate(id: $id, input: $input) {
    success
    issue {${ISSUE_FIELDS}  description
    }
  }
}`;

export const LIST_TEAMS = `query Teams($first: Int!, $after: String) {
  teams(first: $first, after: $after) {
    nodes { id key name description }
    ${PAGE_INFO}
  }
}`;

/** A team with what creating and updating issues in it needs: its states, labels and members. */
export const GET_TEAM = `query Team($id: String!) {
  team(id: $id) {
    id
    key
    name
    description
    timezone
    states(first: 100) { nodes { id name type color position } }
    labels(first: 100) { nodes { id name color } }
    members(first: 100) { nodes { id name displayName email active } }
  }
}`;

/** Who a token or key belongs to: the check made when an API key is entered. */
export const VIEWER = `query Viewer {
  viewer { id name }
}`;

/** All documents, by operation name, for a schema check. */
export const DOCUMENTS: Readonly<Record<string, string>> = {
  SearchIssues: SEARCH_ISSUES,
  CreateIssue: CREATE_ISSUE,
  UpdateIssue: UPDATE_ISSUE,
  Teams: LIST_TEAMS,
  Team: GET_TEAM,
  Viewer: VIEWER,
};

import { defineServer, type ServerDefinition } from '../../core/definition.js';
import { atlassianOAuth } from '../../providers/atlassian/index.js';
import { apiFactory, type ClientTuning, JIRA } from './api.js';
import { jiraResources } from './resources.js';
import { jiraTools } from './tools.js';

/** Scopes asked for at login (guMCP's list); `offline_access` brings a refresh token. */
export const JIRA_SCOPES = [
  'read:jira-work',
  'write:jira-work',
  'read:jira-user',
  'offline_access',
  'manage:jira-project',
  'manage:jira-configuration',
] as const;

/**
 * The Jira server. `tuning` shortens the upstream client's timeouts and retry backoff; only tests
 * pass it, the registry loads the default export.
 */
export function createJiraServer(tuning: ClientTuning = {}): ServerDefinition {
  const connect = apiFactory(tuning);
  return defineServer({
    id: 'jira',
    name: 'Jira',
    description: 'Projects, issues, comments, transitions and JQL search on Jira Cloud.',
    instructions:
      'Issues are named by key (PROJ-123), projects by key (PROJ). Descriptions and comments are Markdown. ' +
      'With several Jira sites, every tool takes cloud_id or site_name (an id, name or URL); the first site is the default, ' +
      'and each result names the site it came from. Resources: jira://site/{site_id} for each site.',
    auth: { kind: 'oauth2', provider: atlassianOAuth(JIRA), scopes: JIRA_SCOPES },
    tools: jiraTools(connect),
    resources: jiraResources(connect, tuning),
  });
}

export default createJiraServer();

import { defineServer, type ServerDefinition } from '../../core/definition.js';
import { apiFactory, type ClientTuning } from './api.js';
import { githubResources } from './resources.js';
import { githubTools } from './tools.js';

/** Scopes asked for at login (guMCP's list): each tool declares which of them it needs. */
export const GITHUB_SCOPES = ['repo', 'public_repo', 'read:org', 'user'] as const;

/**
 * The GitHub server. `tuning` shortens the upstream client's timeouts and retry backoff; only tests
 * pass it, the registry loads the default export.
 */
export function createGitHubServer(tuning: ClientTuning = {}): ServerDefinition {
  const connect = apiFactory(tuning);
  return defineServer({
    id: 'github',
    name: 'GitHub',
    description: 'Repositories, contents, commits, branches, stars, issues and pull requests on GitHub.',
    instructions:
      'Repositories are named by owner and repo_name (star_repository and fork_repository take "owner/repository"). ' +
      'List tools return at most max_limit items (default 100). Resources: github://organization/{login} for ' +
      'accounts, github://organization/{login}/repository/{name} for repositories.',
    auth: {
      kind: 'oauth2',
      provider: {
        service: 'github',
        authorizeUrl: 'https://github.com/login/oauth/authorize',
        tokenUrl: 'https://github.com/login/oauth/access_token',
        scopeSeparator: ' ',
        tokenEndpointAuth: 'client_secret_post',
      },
      scopes: GITHUB_SCOPES,
    },
    tools: githubTools(connect),
    resources: githubResources(connect),
  });
}

export default createGitHubServer();

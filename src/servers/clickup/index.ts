import { defineServer, type ServerDefinition } from '../../core/definition.js';
import { apiFactory, type ClientTuning } from './api.js';
import { clickupResources } from './resources.js';
import { clickupTools } from './tools.js';

/**
 * The ClickUp server. `tuning` shortens retries and swaps the clock of the rate-limit wait; only
 * tests pass it, the registry loads the default export.
 */
export function createClickUpServer(tuning: ClientTuning = {}): ServerDefinition {
  const connect = apiFactory(tuning);
  return defineServer({
    id: 'clickup',
    name: 'ClickUp',
    description: 'Workspaces, spaces, folders, lists, tasks and comments in ClickUp.',
    instructions:
      'Walk the hierarchy: get_workspaces, then get_spaces, get_folders, get_lists and get_tasks. Ids are ' +
      'ClickUp ids (digits; task ids are short strings). Resources: clickup://workspace/{id}, clickup://space/{id}.',
    auth: {
      kind: 'oauth2',
      provider: {
        service: 'clickup',
        authorizeUrl: 'https://app.clickup.com/api',
        tokenUrl: 'https://api.clickup.com/api/v2/oauth/token',
        tokenEndpointAuth: 'client_secret_post',
        // guMCP's flow sent no PKCE challenge, and the provider documents none.
        pkce: false,
      },
      // ClickUp has no scopes: a token reaches the workspaces the user ticks, with the user's rights.
      scopes: [],
    },
    tools: clickupTools(connect),
    resources: clickupResources(connect),
  });
}

export default createClickUpServer();

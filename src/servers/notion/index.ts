import { defineServer, type ServerDefinition } from '../../core/definition.js';
import { apiFactory, type NotionTuning, SERVER_ID } from './api.js';
import { notionTools } from './tools.js';

/**
 * The Notion server. `tuning` shortens the upstream client's timeouts and retry backoff; only tests
 * pass it, the registry loads the default export.
 */
export function createNotionServer(tuning: NotionTuning = {}): ServerDefinition {
  return defineServer({
    id: SERVER_ID,
    name: 'Notion',
    description:
      'Search and read Notion pages and databases (content as Markdown), create database pages, append content, list users.',
    instructions:
      'Ids may be given with or without dashes, or as Notion URLs. Pages, databases and blocks are visible only ' +
      'once shared with the integration in Notion. Content is read as Markdown and may be written as Markdown.',
    auth: {
      kind: 'oauth2',
      provider: {
        service: SERVER_ID,
        authorizeUrl: 'https://api.notion.com/v1/oauth/authorize',
        tokenUrl: 'https://api.notion.com/v1/oauth/token',
        // Notion documents neither a PKCE challenge nor a code_verifier; guMCP sent none.
        pkce: false,
        tokenEndpointAuth: 'client_secret_basic',
        tokenRequestBody: 'json',
        // Notion's authorization URL names who installs the integration.
        authorizeParams: { owner: 'user' },
        // What the token answer says about the installation (guMCP kept workspace_id, bot_id and the template).
        keepTokenFields: [
          'workspace_id',
          'workspace_name',
          'workspace_icon',
          'bot_id',
          'duplicated_template_id',
        ],
      },
      // guMCP lists the scope "all" but never sends it: Notion has no OAuth scopes (access is per page,
      // and capabilities are set on the integration).
      scopes: [],
      // An internal integration's secret, stored as guMCP's `api_key`: `gumcp auth notion --api-key`.
      apiKey: {
        fields: [{ name: 'api_key', label: 'Notion internal integration secret (ntn_...)', secret: true }],
      },
    },
    tools: notionTools(apiFactory(tuning)),
  });
}

export default createNotionServer();

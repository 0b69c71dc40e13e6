import { defineServer, type ServerDefinition } from '../../core/definition.js';
import { apiFactory, type ClientTuning } from './api.js';
import { figmaResources } from './resources.js';
import { figmaTools } from './tools.js';

/**
 * Scopes asked for at login: Figma's granular scopes for what the tools do. guMCP asked for the
 * deprecated `files:read` instead of the last two (it covers projects and versions, and far more).
 */
export const FIGMA_SCOPES = [
  'current_user:read',
  'file_content:read',
  'file_comments:read',
  'file_comments:write',
  'projects:read',
  'file_versions:read',
] as const;

/**
 * The Figma server. `tuning` shortens the upstream client's timeouts and retry backoff; only tests
 * pass it, the registry loads the default export.
 */
export function createFigmaServer(tuning: ClientTuning = {}): ServerDefinition {
  const connect = apiFactory(tuning);
  return defineServer({
    id: 'figma',
    name: 'Figma',
    description: 'Figma files (layer outlines), comments and reactions, team projects and version history.',
    instructions:
      'Files are named by file_key (or a figma.com file URL). get_file lists a file as an outline of layers ' +
      'cut at a depth; ask for the collapsed parts with node_ids. Team ids come from team page URLs ' +
      '(figma.com/files/team/<id>); projects give file keys. Resources: figma://project/{project_id}.',
    auth: {
      kind: 'oauth2',
      provider: {
        service: 'figma',
        authorizeUrl: 'https://www.figma.com/oauth',
        tokenUrl: 'https://api.figma.com/v1/oauth/token',
        // Figma takes refresh grants at an endpoint of their own; the answer has no new refresh token.
        refreshUrl: 'https://api.figma.com/v1/oauth/refresh',
        scopeSeparator: ' ',
        tokenEndpointAuth: 'client_secret_basic',
        // Figma's token answer names the user it belongs to.
        keepTokenFields: ['user_id', 'user_id_string'],
      },
      scopes: FIGMA_SCOPES,
    },
    tools: figmaTools(connect),
    resources: figmaResources(connect),
  });
}

export default createFigmaServer();

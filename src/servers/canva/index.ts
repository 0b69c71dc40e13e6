import { defineServer, type ServerDefinition } from '../../core/definition.js';
import { apiFactory, type CanvaTuning } from './api.js';
import { canvaResources } from './resources.js';
import { canvaTools } from './tools.js';

/** Scopes asked for at sign-in: guMCP's list. Each tool declares the ones it needs. */
export const CANVA_SCOPES = [
  'app:read',
  'app:write',
  'design:content:read',
  'design:meta:read',
  'design:content:write',
  'design:permission:read',
  'design:permission:write',
  'folder:read',
  'folder:write',
  'folder:permission:read',
  'folder:permission:write',
  'asset:read',
  'asset:write',
  'comment:read',
  'comment:write',
  'brandtemplate:meta:read',
  'brandtemplate:content:read',
  'profile:read',
] as const;

/**
 * The Canva server. `tuning` shortens retries and job polling (delays, deadline, a virtual sleep);
 * only tests pass it, the registry loads the default export.
 */
export function createCanvaServer(tuning: CanvaTuning = {}): ServerDefinition {
  const connect = apiFactory(tuning);
  return defineServer({
    id: 'canva',
    name: 'Canva',
    description:
      'Canva designs (metadata, creation, exports, autofill from brand templates, resizes), comments and folders.',
    instructions:
      'Designs, threads, replies and folders are named by their Canva ids (list_designs finds designs). ' +
      'get_design with export_format exports a design and returns download URLs; create_design can upload an ' +
      'image first, fill a brand template or resize a design. Resources: canva://design/{design_id}.',
    auth: {
      kind: 'oauth2',
      provider: {
        service: 'canva',
        authorizeUrl: 'https://www.canva.com/api/oauth/authorize',
        tokenUrl: 'https://api.canva.com/rest/v1/oauth/token',
        scopeSeparator: ' ',
        // Canva requires PKCE (the default) and takes the client credentials in a Basic header.
        tokenEndpointAuth: 'client_secret_basic',
      },
      scopes: CANVA_SCOPES,
    },
    tools: canvaTools(connect),
    resources: canvaResources(connect),
  });
}

export default createCanvaServer();

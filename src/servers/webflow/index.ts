import { defineServer, type ServerDefinition } from '../../core/definition.js';
import { apiFactory, type ClientTuning } from './api.js';
import { webflowTools } from './tools.js';

/** Scopes asked for at login (guMCP's list); each tool declares the one it needs. */
export const WEBFLOW_SCOPES = [
  'authorized_user:read',
  'sites:read',
  'forms:read',
  'forms:write',
  'pages:read',
  'cms:read',
  'cms:write',
  'users:read',
  'users:write',
] as const;

/**
 * The Webflow server. `tuning` shortens the upstream client's timeouts and retry backoff; only tests
 * pass it, the registry loads the default export.
 */
export function createWebflowServer(tuning: ClientTuning = {}): ServerDefinition {
  return defineServer({
    id: 'webflow',
    name: 'Webflow',
    description:
      'Webflow sites, forms and submissions, pages, CMS collections and their staged items, site users.',
    instructions:
      'Start from list_sites for site ids; get_site gives the locales (cmsLocaleId for the CMS tools). The item ' +
      'tools work on staged CMS items (the Designer’s view), not the live site. List tools page with offset ' +
      'and limit (up to 1000) and answer next_offset.',
    auth: {
      kind: 'oauth2',
      provider: {
        service: 'webflow',
        authorizeUrl: 'https://webflow.com/oauth/authorize',
        tokenUrl: 'https://api.webflow.com/oauth/access_token',
        scopeSeparator: ' ',
        tokenEndpointAuth: 'client_secret_post',
      },
      scopes: WEBFLOW_SCOPES,
    },
    tools: webflowTools(apiFactory(tuning)),
  });
}

export default createWebflowServer();

import { defineServer, type OAuthProvider, type ServerDefinition } from '../../core/definition.js';
import { apiFactory, type ClientTuning } from './api.js';
import { xTools } from './tools.js';

/** guMCP's scopes; `offline.access` is what brings a refresh token. */
export const X_SCOPES = [
  'tweet.read',
  'users.read',
  'follows.read',
  'tweet.write',
  'offline.access',
] as const;

/**
 * X's OAuth 2.0 authorization code flow with PKCE (S256). A confidential client authenticates at the
 * token endpoint with HTTP Basic (client_secret_basic); a public one sends its client_id in the form.
 * Each refresh answers a new refresh token and spends the old one: the core stores the new one.
 */
export const X_OAUTH: OAuthProvider = {
  service: 'x',
  authorizeUrl: 'https://x.com/i/oauth2/authorize',
  tokenUrl: 'https://api.x.com/2/oauth2/token',
  scopeSeparator: ' ',
  tokenEndpointAuth: 'client_secret_basic',
};

/**
 * The X server. `tuning` shortens retries and swaps the clock of the rate-limit wait; only tests pass
 * it, the registry loads the default export.
 */
export function createXServer(tuning: ClientTuning = {}): ServerDefinition {
  const connect = apiFactory(tuning);
  return defineServer({
    id: 'x',
    name: 'X (Twitter)',
    description: 'Search recent posts, read users, timelines and mentions, and publish or delete posts on X.',
    instructions:
      'Posts are named by id (a string of digits), users by username. Lists answer next_token to continue ' +
      '(next_token for search_recent_tweet, pagination_token for the timelines). Ask for fields with tweet_fields ' +
      'and related objects with expansions; they arrive in includes. Posting is not idempotent.',
    auth: { kind: 'oauth2', provider: X_OAUTH, scopes: X_SCOPES },
    tools: xTools(connect),
  });
}

export default createXServer();

import { defineServer, type ServerDefinition } from '../../core/definition.js';
import { apiFactory, type ClientTuning, REDDIT_SERVER_VERSION, userAgent } from './api.js';
import { redditTools } from './tools.js';

/** Scopes asked for at login: guMCP's list (reddit.com/dev/api names the scope of every endpoint). */
export const REDDIT_SCOPES = ['identity', 'read', 'submit', 'edit', 'history', 'flair'] as const;

/**
 * The Reddit server. `tuning` shortens retries, sets the clock of rate-limit messages and the
 * User-Agent; only tests pass it, the registry loads the default export.
 */
export function createRedditServer(tuning: ClientTuning = {}): ServerDefinition {
  return defineServer({
    id: 'reddit',
    name: 'Reddit',
    version: REDDIT_SERVER_VERSION,
    description: 'Read subreddits, posts and comments on Reddit; post, comment, edit and delete as the user.',
    instructions:
      'Posts are named by id (abc123), fullname (t3_abc123) or URL; comments by t1_ fullname or permalink. ' +
      'retrieve_reddit_post lists a subreddit and returns `after` to continue. Posting and commenting are not ' +
      'idempotent: after a failure that may have gone through, check before trying again.',
    auth: {
      kind: 'oauth2',
      provider: {
        service: 'reddit',
        authorizeUrl: 'https://www.reddit.com/api/v1/authorize',
        tokenUrl: 'https://www.reddit.com/api/v1/access_token',
        scopeSeparator: ' ',
        // Reddit wants the client id and secret in HTTP Basic at its token endpoint, and takes no PKCE.
        tokenEndpointAuth: 'client_secret_basic',
        pkce: false,
        // Without duration=permanent Reddit issues no refresh token, and access expires after an hour.
        authorizeParams: { duration: 'permanent' },
        // Reddit throttles a token request without a descriptive User-Agent, as it does API calls.
        tokenRequestHeaders: () => ({ 'user-agent': userAgent(tuning) }),
      },
      scopes: REDDIT_SCOPES,
    },
    tools: redditTools(apiFactory(tuning)),
  });
}

export default createRedditServer();

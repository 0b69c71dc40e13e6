import { defineServer, type ServerDefinition } from '../../core/definition.js';
import { AuthRequiredError, ToolError } from '../../core/errors.js';
import { apiFactory } from './api.js';
import { blueskyResources } from './resources.js';
import { createSession } from './session.js';
import { blueskyTools } from './tools.js';
import type { BlueskyTuning } from './xrpc.js';

/**
 * Checks the identifier and app password by creating a session when they are entered, so a wrong
 * one fails at sign-in; stores the account's DID and handle beside them (guMCP's resources are
 * named by handle). The session itself is not kept: the first tool call opens the user's own.
 */
export async function verifyCredentials(
  values: Readonly<Record<string, string>>,
  tuning: BlueskyTuning = {},
): Promise<{ did: string; handle: string }> {
  const identifier = values.identifier?.trim();
  const password = values.password?.trim();
  if (!identifier || !password)
    throw new ToolError('Enter the account’s handle (or email) and an app password');
  try {
    const session = await createSession(identifier, password, tuning);
    return { did: session.did, handle: session.handle };
  } catch (error) {
    // At sign-in the detail is the message: "sign in again with gumcp auth" is what the user is doing.
    if (error instanceof AuthRequiredError) throw new ToolError(`Bluesky sign-in failed: ${error.detail}`);
    throw error;
  }
}

/**
 * The Bluesky server. `tuning` shortens retries and swaps the clock; only tests pass it, the registry
 * loads the default export.
 */
export function createBlueskyServer(tuning: BlueskyTuning = {}): ServerDefinition {
  const connect = apiFactory(tuning);
  return defineServer({
    id: 'bluesky',
    name: 'Bluesky',
    description:
      'Your Bluesky profile, posts, likes and follows; search; post, delete, follow, mute and block.',
    instructions:
      'Accounts are named by handle (alice.bsky.social) or DID; posts by AT URI (at://did/app.bsky.feed.post/rkey) ' +
      'or bsky.app link. Lists return `cursor` to continue. create_post marks links, @mentions and #tags itself.',
    auth: {
      kind: 'api_key',
      fields: [
        { name: 'identifier', label: 'Bluesky handle or email (e.g. alice.bsky.social)' },
        {
          name: 'password',
          label: 'App password (Settings > Privacy and security > App passwords)',
          secret: true,
        },
      ],
      verify: (values) => verifyCredentials(values, tuning),
    },
    tools: blueskyTools(connect),
    resources: blueskyResources(connect),
  });
}

export default createBlueskyServer();

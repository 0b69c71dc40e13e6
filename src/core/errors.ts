/**
 * Errors a tool handler throws to give the user a message they can act on.
 * Anything else thrown by a handler becomes a generic "internal error" result, so no stack
 * trace or upstream detail ever reaches a client.
 */
export class ToolError extends Error {
  override readonly name = 'ToolError';
}

/**
 * The user's stored credentials are missing, expired or revoked: they must sign in again. The message
 * says how for a local user (`gumcp auth`); a remote host gives its connect link instead (`advise`).
 */
export class AuthRequiredError extends ToolError {
  constructor(
    readonly serverId: string,
    readonly detail = 'no credentials are stored for this user',
  ) {
    super(`Not authenticated with ${serverId}: ${detail}. Re-authenticate with \`gumcp auth ${serverId}\`.`);
  }

  /** The message with another way to sign in, e.g. "Connect it at https://host/connect/slack". */
  advise(howToSignIn: string): string {
    return `Not authenticated with ${this.serverId}: ${this.detail}. ${howToSignIn}`;
  }
}

/** The token works but lacks a scope the call needs. */
export class MissingScopeError extends ToolError {
  constructor(scope: string) {
    super(`Permission denied: the stored token lacks the scope "${scope}". Re-authenticate to grant it.`);
  }
}

/** Something the caller named does not exist. */
export class NotFoundError extends ToolError {
  constructor(what: string, id: string) {
    super(`${what} not found: ${id}`);
  }
}

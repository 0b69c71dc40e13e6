import type { ToolContext } from '../core/context.js';
import { AuthRequiredError, MissingScopeError, ToolError } from '../core/errors.js';
import { serviceUrl, UpstreamClient } from '../upstream/client.js';

/** Google's JSON error body: `{ error: { code, message, status, errors: [{ reason }] } }`. */
interface GoogleErrorBody {
  error?: { code?: number; message?: string; status?: string; errors?: { reason?: string }[] };
}

const SCOPE_REASONS = new Set(['insufficientPermissions', 'ACCESS_TOKEN_SCOPE_INSUFFICIENT']);

/**
 * An upstream client for one Google API, authenticated with the user's OAuth token. `scope` is
 * the scope the calling server needs, named in the error when Google says a scope is missing.
 */
export function googleApi(
  ctx: ToolContext,
  opts: { serverId: string; service: string; realBaseUrl: string; scope: string },
): UpstreamClient {
  return new UpstreamClient({
    service: opts.service,
    serverId: opts.serverId,
    baseUrl: serviceUrl(opts.serverId, opts.realBaseUrl),
    log: ctx.log,
    auth: async () => ({ authorization: `Bearer ${String((await ctx.credentials()).access_token ?? '')}` }),
    mapError(status, body) {
      const error = (body as GoogleErrorBody | undefined)?.error;
      const reasons = new Set([error?.status, ...(error?.errors ?? []).map((e) => e.reason)]);
      if (status === 401)
        return new AuthRequiredError(opts.serverId, `${opts.service} rejected the stored token`);
      if (status === 403 && [...reasons].some((r) => r && SCOPE_REASONS.has(r))) {
        return new MissingScopeError(opts.scope);
      }
      if (error?.message && status < 500 && status !== 429) {
        return new ToolError(`${opts.service} rejected the request (HTTP ${status}): ${error.message}`);
      }
      return undefined;
    },
  });
}

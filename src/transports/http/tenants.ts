import { TENANT_KEYS_NAMESPACE, verifyKey } from '../../auth/keys/tenant-keys.js';
import type { Runtime } from '../../runtime.js';
import { JSONRPC, jsonRpcError } from './errors.js';

/** Who a request acts for, and the API key it carried (the remote broker reads with it). */
export interface Tenant {
  userId: string;
  apiKey?: string;
}

/** How long a verified key is trusted without asking the store again: a revocation reaches every host within it. */
const KEY_CACHE_MS = 2_000;
const KEY_CACHE_MAX = 10_000;

/**
 * Decides who a request acts for. With keys required, the user is the key's owner, from
 * `Authorization: Bearer <key>` or the session key `user_id:api_key` (guMCP's form for clients that
 * cannot set headers); a URL naming another user is refused. Without keys (single-user local mode),
 * the URL's user id is trusted.
 */
export function tenantResolver(runtime: Runtime) {
  const { store, config } = runtime;
  const verified = new Map<string, { userId: string | undefined; at: number }>();
  let anyKeys: { value: boolean; at: number } | undefined;

  const keysRequired = async () => {
    if (config.apiKeys !== 'auto') return config.apiKeys === 'required';
    if (!anyKeys || Date.now() - anyKeys.at > KEY_CACHE_MS) {
      anyKeys = { value: (await store.keys(TENANT_KEYS_NAMESPACE)).length > 0, at: Date.now() };
    }
    return anyKeys.value;
  };

  const ownerOf = async (key: string) => {
    const hit = verified.get(key);
    if (hit && Date.now() - hit.at < KEY_CACHE_MS) return hit.userId;
    const userId = await verifyKey(store, key);
    if (verified.size >= KEY_CACHE_MAX) verified.clear();
    verified.set(key, { userId, at: Date.now() });
    return userId;
  };

  /**
   * `sessionKey` is the URL's `user_id` or `user_id:api_key` (either part may be empty); without keys,
   * `fallbackUser` serves a URL that names no user.
   */
  return async (
    request: Request,
    sessionKey: string | undefined,
    fallbackUser?: string,
  ): Promise<Tenant | Response> => {
    const colon = sessionKey?.indexOf(':') ?? -1;
    const urlUser = (colon === -1 ? sessionKey : sessionKey?.slice(0, colon)) || undefined;
    const urlKey = colon === -1 ? undefined : sessionKey?.slice(colon + 1);
    const bearer = /^Bearer\s+(.+)$/i.exec(request.headers.get('authorization') ?? '')?.[1]?.trim();
    const apiKey = bearer || urlKey || undefined;

    if (!(await keysRequired())) {
      const userId = urlUser ?? fallbackUser;
      if (!userId) {
        return Response.json({ error: 'The URL must name a user: /{server}/{user_id}' }, { status: 400 });
      }
      return { userId, ...(apiKey ? { apiKey } : {}) };
    }
    const unauthorized = (message: string) =>
      jsonRpcError(401, JSONRPC.serverError, message, { 'www-authenticate': 'Bearer realm="gumcp"' });
    if (!apiKey) {
      return unauthorized(
        'API key required: send Authorization: Bearer <key>, or use the URL /{server}/{user_id}:{api_key}',
      );
    }
    const owner = await ownerOf(apiKey);
    if (!owner) return unauthorized('Invalid or revoked API key');
    if (urlUser && urlUser !== owner) {
      return jsonRpcError(
        403,
        JSONRPC.serverError,
        'This API key belongs to another user than the one in the URL',
      );
    }
    return { userId: owner, apiKey };
  };
}

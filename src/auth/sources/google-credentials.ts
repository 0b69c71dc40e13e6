import type { StoredCredentials } from '../types.js';

/** An ISO 8601 date as seconds since the epoch; one without a zone is UTC, as google-auth writes it. */
function isoToEpochSeconds(value: string): number | undefined {
  const text = value.trim();
  const zoned = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(text) ? text : `${text}Z`;
  const ms = Date.parse(zoned);
  return Number.isFinite(ms) ? Math.floor(ms / 1000) : undefined;
}

/**
 * guMCP's Google servers saved google-auth's `Credentials.to_json()`: `token` for the access token,
 * `expiry` as an ISO date (naive UTC plus "Z", e.g. 2025-05-01T12:34:56.123456Z) and `scopes` as a
 * list. Read as gumcp's shape (`access_token`, `expires_at`, `scope`) so refresh sees the expiry;
 * the next save writes gumcp's shape. Other fields (refresh_token, client_id, token_uri...) stay.
 */
export function fromGoogleAuthShape(raw: Record<string, unknown>): StoredCredentials {
  const { token, expiry, scopes, ...rest } = raw;
  const creds: StoredCredentials = { ...rest };
  const keep = (field: string, value: unknown) => {
    if (value !== undefined) creds[field] = value;
  };
  if (creds.access_token === undefined && typeof token === 'string') creds.access_token = token;
  else keep('token', token);
  const at = typeof expiry === 'string' ? isoToEpochSeconds(expiry) : undefined;
  if (creds.expires_at === undefined && at !== undefined) creds.expires_at = at;
  else keep('expiry', expiry);
  const scopeList = Array.isArray(scopes) && scopes.every((s) => typeof s === 'string') ? scopes : undefined;
  if (creds.scope === undefined && scopeList) creds.scope = scopeList.join(' ');
  else keep('scopes', scopes);
  return creds;
}

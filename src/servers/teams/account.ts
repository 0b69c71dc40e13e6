import type { Credentials } from '../../core/context.js';
import { ToolError } from '../../core/errors.js';

/**
 * Teams' Graph APIs answer only work or school (Microsoft Entra ID) accounts: every Teams permission is
 * "Not supported" for personal Microsoft accounts (learn.microsoft.com/graph/permissions-reference).
 * A personal account signs in at the `common` authority like any other, so the server tells them apart
 * by the token: a work or school token is a JWT whose `tid` is the organization's tenant, a personal
 * one carries the consumer tenant below, or is not a JWT at all (Microsoft's compact tickets).
 */
export const CONSUMER_TENANT = '9188040d-6c67-4c5b-b112-36a304b66dad';

export const WORK_ACCOUNT_ONLY =
  'Microsoft Teams needs a work or school account: the account signed in to teams is a personal Microsoft account (outlook.com, hotmail.com, live.com), which Teams’ APIs do not serve. Sign in again with a work or school account: `gumcp auth teams` (or the connect link on the remote host).';

/** Added to a refusal when the token cannot tell which kind of account it is. */
export const PERSONAL_ACCOUNT_HINT =
  'If you signed in with a personal Microsoft account (outlook.com, hotmail.com, live.com), note that Microsoft Teams needs a work or school account.';

export type AccountKind = 'work' | 'personal' | 'unknown';

/** The tenant of a JWT access token, or undefined when the token is not a JWT. */
export function tenantOf(token: string): string | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as { tid?: unknown };
    return typeof claims.tid === 'string' ? claims.tid : undefined;
  } catch {
    return undefined;
  }
}

export function accountKind(token: string): AccountKind {
  const tid = tenantOf(token);
  if (tid === undefined) return 'unknown';
  return tid.toLowerCase() === CONSUMER_TENANT ? 'personal' : 'work';
}

/**
 * Runs once after sign-in (OAuthProvider.discover): a personal account is refused there, before its
 * tokens are stored, rather than at the first tool call.
 */
export async function refusePersonalAccount(credentials: Readonly<Credentials>): Promise<Credentials> {
  if (accountKind(String(credentials.access_token ?? '')) === 'personal')
    throw new ToolError(WORK_ACCOUNT_ONLY);
  return {};
}

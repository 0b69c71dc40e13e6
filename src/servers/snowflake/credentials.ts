import { createHash, createPrivateKey, createPublicKey, type KeyObject, sign } from 'node:crypto';
import type { Credentials } from '../../core/context.js';
import { AuthRequiredError, ToolError } from '../../core/errors.js';
import { type Ident, ident, isIdentifier } from './sql.js';

export const SERVER_ID = 'snowflake';

/**
 * How a user signs in, chosen from the fields stored, strongest first:
 * - `private_key` (key-pair authentication): a JWT signed with it, for the SQL API;
 * - `programmatic_access_token`: a PAT, for the SQL API;
 * - `password` (what guMCP stored): the official Node driver, snowflake-sdk, which signs in with a
 *   user name and password (the SQL API takes no passwords).
 */
export type SignIn =
  | { kind: 'password'; username: string; password: string }
  | { kind: 'key_pair'; username: string; key: KeyObject; fingerprint: string }
  | { kind: 'pat'; username: string; token: string };

/** The context a statement runs in when the tool names none: stored with the credentials (guMCP stored database and warehouse). */
export interface Defaults {
  warehouse?: Ident;
  database?: Ident;
  schema?: Ident;
  role?: Ident;
}

export interface SnowflakeCredentials {
  /** The account identifier as it goes in the host name: `xy12345.us-east-1`, `myorg-myaccount`. */
  account: string;
  signIn: SignIn;
  defaults: Defaults;
  /** Every secret stored, to be cut out of any message that might echo one. */
  secrets: string[];
}

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/**
 * An account identifier from what a user may paste: `XY12345.us-east-1`, `myorg-myaccount`, or the
 * whole `https://myorg-myaccount.snowflakecomputing.com/` URL. Undefined when it is not one (it goes
 * in a host name, so nothing but letters, digits, `.`, `-` and `_` may pass).
 */
export function normalizeAccount(value: string): string | undefined {
  const account = value
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/[/?#].*$/, '')
    .replace(/\.snowflakecomputing\.(com|cn)$/, '');
  return /^[a-z0-9]([a-z0-9._-]{0,253}[a-z0-9])?$/.test(account) ? account : undefined;
}

/** PEM as users paste it: with `\n` written out, or the base64 body alone. */
function pem(value: string): string {
  const text = value.replace(/\\n/g, '\n').trim();
  if (text.includes('-----BEGIN')) return text;
  return `-----BEGIN PRIVATE KEY-----\n${text.replace(/\s+/g, '')}\n-----END PRIVATE KEY-----`;
}

/** The key and its public key's fingerprint (`SHA256:` base64 of the DER public key, as Snowflake shows it). */
export function readPrivateKey(value: string, passphrase?: string): { key: KeyObject; fingerprint: string } {
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: pem(value), format: 'pem', ...(passphrase ? { passphrase } : {}) });
  } catch {
    throw new AuthRequiredError(
      SERVER_ID,
      'the stored private_key cannot be read (it must be the PEM of an RSA private key, PKCS#8; an encrypted one needs private_key_passphrase)',
    );
  }
  if (key.asymmetricKeyType !== 'rsa') {
    throw new AuthRequiredError(
      SERVER_ID,
      'the stored private_key is not an RSA key, which Snowflake requires',
    );
  }
  const der = createPublicKey(key).export({ type: 'spki', format: 'der' });
  return { key, fingerprint: `SHA256:${createHash('sha256').update(der).digest('base64')}` };
}

/** A stored default that must be an identifier (it is written into USE statements). */
function defaultIdent(creds: Credentials, field: string): Ident | undefined {
  const value = str(creds[field]);
  if (!value) return undefined;
  if (!isIdentifier(value)) {
    throw new AuthRequiredError(SERVER_ID, `the stored ${field} is not a Snowflake identifier`);
  }
  return ident(value);
}

/** The stored credentials, checked, with the sign-in they call for. */
export function readCredentials(creds: Credentials): SnowflakeCredentials {
  const account = normalizeAccount(str(creds.account));
  if (!str(creds.account)) {
    throw new AuthRequiredError(
      SERVER_ID,
      'the stored credentials hold no Snowflake account identifier (field account)',
    );
  }
  if (!account) {
    throw new AuthRequiredError(
      SERVER_ID,
      'the stored account is not a Snowflake account identifier (e.g. myorg-myaccount or xy12345.us-east-1)',
    );
  }
  const username = str(creds.username);
  if (!username)
    throw new AuthRequiredError(SERVER_ID, 'the stored credentials hold no user name (field username)');
  const privateKey = str(creds.private_key);
  const token = str(creds.programmatic_access_token);
  const password = typeof creds.password === 'string' ? creds.password : '';
  const passphrase = typeof creds.private_key_passphrase === 'string' ? creds.private_key_passphrase : '';
  let signIn: SignIn;
  if (privateKey) {
    signIn = { kind: 'key_pair', username, ...readPrivateKey(privateKey, passphrase || undefined) };
  } else if (token) {
    signIn = { kind: 'pat', username, token };
  } else if (password) {
    signIn = { kind: 'password', username, password };
  } else {
    throw new AuthRequiredError(
      SERVER_ID,
      'the stored credentials hold no password, private_key or programmatic_access_token',
    );
  }
  return {
    account,
    signIn,
    defaults: {
      warehouse: defaultIdent(creds, 'warehouse'),
      database: defaultIdent(creds, 'database'),
      schema: defaultIdent(creds, 'schema'),
      role: defaultIdent(creds, 'role'),
    },
    secrets: [password, privateKey, token, passphrase].filter((s) => s.length >= 4),
  };
}

/** The account as the JWT names it: upper case, without region or cloud (Snowflake's rule). */
export function jwtAccount(account: string): string {
  const upper = account.toUpperCase();
  const cut = upper.includes('.GLOBAL') ? upper.indexOf('-') : upper.indexOf('.');
  return cut > 0 ? upper.slice(0, cut) : upper;
}

const base64url = (data: string | Buffer) => Buffer.from(data).toString('base64url');

/** A key-pair JWT for the SQL API, valid for 59 minutes (Snowflake accepts at most an hour). */
export function keyPairJwt(
  account: string,
  signIn: Extract<SignIn, { kind: 'key_pair' }>,
  now = Date.now(),
): string {
  const subject = `${jwtAccount(account)}.${signIn.username.toUpperCase()}`;
  const iat = Math.floor(now / 1000);
  const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' }));
  const payload = base64url(
    JSON.stringify({ iss: `${subject}.${signIn.fingerprint}`, sub: subject, iat, exp: iat + 59 * 60 }),
  );
  const signature = sign('RSA-SHA256', Buffer.from(`${header}.${payload}`), signIn.key);
  return `${header}.${payload}.${base64url(signature)}`;
}

/** A message with every stored secret (and any JWT) cut out. */
export function scrub(message: string, secrets: readonly string[]): string {
  let out = message;
  for (const secret of secrets) out = out.split(secret).join('***');
  return out.replace(/eyJ[\w-]+\.[\w-]+\.[\w-]+/g, '***');
}

/** Sign-in fields are checked before anything is stored: the same checks as at each call. */
export function checkSignInValues(values: Readonly<Record<string, string>>): SnowflakeCredentials {
  try {
    return readCredentials(values);
  } catch (error) {
    if (error instanceof AuthRequiredError) throw new ToolError(error.detail.replace(/^the stored /, 'the '));
    throw error;
  }
}

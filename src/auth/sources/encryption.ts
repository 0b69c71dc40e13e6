import { createCipheriv, createDecipheriv, createSecretKey, type KeyObject, randomBytes } from 'node:crypto';
import { ToolError } from '../../core/errors.js';

/** An encrypted JSON value as it is stored: AES-256-GCM, every part base64. */
export interface Sealed {
  v: 1;
  iv: string;
  tag: string;
  data: string;
}

const ALGORITHM = 'aes-256-gcm';
const HEX_KEY = /^[0-9a-fA-F]{64}$/;
// Standard or URL-safe alphabet, padded or not: 32 bytes are 43 characters plus one "=".
const BASE64_KEY = /^(?:[A-Za-z0-9+/]{43}|[A-Za-z0-9_-]{43})=?$/;
const HOW_TO_MAKE_ONE = 'generate one with `openssl rand -base64 32`';

/**
 * Reads GUMCP_ENCRYPTION_KEY: 32 bytes as 64 hex digits or base64. Errors never quote the value.
 * A KeyObject rather than a Buffer, so logging it by mistake prints no key bytes.
 */
export function parseEncryptionKey(value: string | undefined): KeyObject {
  const text = value?.trim();
  if (!text) {
    throw new Error(
      `GUMCP_ENCRYPTION_KEY is not set: the embedded credential store encrypts credentials and needs a 32-byte key; ${HOW_TO_MAKE_ONE}`,
    );
  }
  if (HEX_KEY.test(text)) return createSecretKey(Buffer.from(text, 'hex'));
  if (BASE64_KEY.test(text)) return createSecretKey(Buffer.from(text, 'base64'));
  throw new Error(
    `GUMCP_ENCRYPTION_KEY is malformed: expected 32 bytes as 64 hex digits or 44 base64 characters, got ${text.length} characters; ${HOW_TO_MAKE_ONE}`,
  );
}

/**
 * Encrypts JSON values for storage. `context` (e.g. "credentials slack alice") is bound to the
 * ciphertext as additional data, so a record copied to another user's or service's place fails to
 * decrypt instead of handing over someone else's credentials.
 */
export class Cipher {
  readonly #key: KeyObject;

  constructor(key: KeyObject) {
    this.#key = key;
  }

  seal(value: unknown, context: string): Sealed {
    // A fresh random IV per write: GCM is broken by reusing one with the same key.
    const iv = randomBytes(12);
    const cipher = createCipheriv(ALGORITHM, this.#key, iv).setAAD(Buffer.from(context));
    const data = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
    return {
      v: 1,
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      data: data.toString('base64'),
    };
  }

  /** Decrypts a stored value; anything not decryptable is an error, never returned as it is. */
  open(stored: unknown, context: string, what: string): unknown {
    if (!isSealed(stored)) {
      throw new ToolError(
        `Cannot read ${what}: the stored record is not encrypted data (was it written by hand?)`,
      );
    }
    let plain: string;
    try {
      const decipher = createDecipheriv(ALGORITHM, this.#key, Buffer.from(stored.iv, 'base64'), {
        // A full-length tag only: GCM accepts truncated ones, which are easier to forge.
        authTagLength: 16,
      })
        .setAAD(Buffer.from(context))
        .setAuthTag(Buffer.from(stored.tag, 'base64'));
      plain = Buffer.concat([decipher.update(Buffer.from(stored.data, 'base64')), decipher.final()]).toString(
        'utf8',
      );
    } catch {
      throw new ToolError(
        `Cannot decrypt ${what}: wrong GUMCP_ENCRYPTION_KEY? (or the record was altered); save the credentials again with the right key`,
      );
    }
    return JSON.parse(plain);
  }
}

function isSealed(value: unknown): value is Sealed {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return v.v === 1 && typeof v.iv === 'string' && typeof v.tag === 'string' && typeof v.data === 'string';
}

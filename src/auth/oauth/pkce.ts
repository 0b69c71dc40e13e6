import { createHash, randomBytes } from 'node:crypto';

/** A random, URL-safe string carrying `bytes` bytes of entropy. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** The S256 code challenge of a verifier (RFC 7636 §4.2): BASE64URL(SHA-256(verifier)). */
export function codeChallenge(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

export interface Pkce {
  /** Kept in this process only; sent once, to the token endpoint. */
  verifier: string;
  challenge: string;
}

/** A fresh PKCE pair. 32 random bytes give a 43-character verifier, the shortest RFC 7636 allows. */
export function createPkce(): Pkce {
  const verifier = randomToken(32);
  return { verifier, challenge: codeChallenge(verifier) };
}

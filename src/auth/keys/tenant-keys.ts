import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { KeyValueStore } from '../../store/types.js';

/** Where key records live in the store, one per key id. */
export const TENANT_KEYS_NAMESPACE = 'tenant-keys';

const PREFIX = 'gumcp';
/** gumcp_<id>_<secret>: 8 hex characters of id, 32 random bytes of secret in base64url. */
const KEY_PATTERN = /^gumcp_([0-9a-f]{8})_([A-Za-z0-9_-]{43})$/;

/** What the store keeps for a key: never the key itself, only its SHA-256. */
interface KeyRecord {
  id: string;
  userId: string;
  createdAt: string;
  sha256: string;
}

export interface KeyInfo {
  id: string;
  userId: string;
  /** ISO 8601. */
  createdAt: string;
}

export interface CreatedKey extends KeyInfo {
  /** The key itself: shown once to its owner, then known only by its hash. */
  key: string;
}

const sha256 = (key: string) => createHash('sha256').update(key).digest();

/**
 * Creates a key for a tenant's user. The key carries 256 random bits, so a plain SHA-256 is a
 * safe record of it (no slow hash is needed against guessing); its id lets it be listed and revoked.
 */
export async function createKey(store: KeyValueStore, userId: string, now = new Date()): Promise<CreatedKey> {
  if (!userId.trim()) throw new Error('A key needs a user id');
  // 32-bit ids collide rarely; a bounded retry makes that harmless.
  for (let attempt = 0; attempt < 5; attempt++) {
    const id = randomBytes(4).toString('hex');
    if (await store.get(TENANT_KEYS_NAMESPACE, id)) continue;
    const key = `${PREFIX}_${id}_${randomBytes(32).toString('base64url')}`;
    const record: KeyRecord = {
      id,
      userId,
      createdAt: now.toISOString(),
      sha256: sha256(key).toString('hex'),
    };
    await store.set(TENANT_KEYS_NAMESPACE, id, record);
    return { id, userId, createdAt: record.createdAt, key };
  }
  throw new Error('Could not find a free key id; try again');
}

/** Every key's id, user and creation time, oldest first. */
export async function listKeys(store: KeyValueStore): Promise<KeyInfo[]> {
  const records = await Promise.all(
    (await store.keys(TENANT_KEYS_NAMESPACE)).map((id) => store.get<KeyRecord>(TENANT_KEYS_NAMESPACE, id)),
  );
  return records
    .filter((r): r is KeyRecord => r !== undefined)
    .map(({ id, userId, createdAt }) => ({ id, userId, createdAt }))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/** Revokes a key by id; false when no such key exists. */
export function revokeKey(store: KeyValueStore, id: string): Promise<boolean> {
  return store.delete(TENANT_KEYS_NAMESPACE, id);
}

/** The user a key belongs to, or undefined for a malformed, unknown or revoked key. */
export async function verifyKey(store: KeyValueStore, key: string): Promise<string | undefined> {
  const match = KEY_PATTERN.exec(key);
  if (!match?.[1]) return undefined;
  const record = await store.get<KeyRecord>(TENANT_KEYS_NAMESPACE, match[1]);
  if (!record) return undefined;
  const expected = Buffer.from(record.sha256, 'hex');
  const actual = sha256(key);
  return expected.length === actual.length && timingSafeEqual(expected, actual) ? record.userId : undefined;
}

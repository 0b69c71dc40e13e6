import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { MemoryStore } from '../../../store/memory.js';
import { createKey, listKeys, revokeKey, TENANT_KEYS_NAMESPACE, verifyKey } from '../tenant-keys.js';

test('a created key is recognisable, verifies to its user, and only its SHA-256 is stored', async () => {
  const store = new MemoryStore();
  const created = await createKey(store, 'alice', new Date('2026-01-02T03:04:05Z'));
  assert.match(created.key, /^gumcp_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
  assert.equal(created.key.split('_')[1], created.id);
  assert.equal(await verifyKey(store, created.key), 'alice');

  const record = await store.get(TENANT_KEYS_NAMESPACE, created.id);
  assert.deepEqual(record, {
    id: created.id,
    userId: 'alice',
    createdAt: '2026-01-02T03:04:05.000Z',
    sha256: createHash('sha256').update(created.key).digest('hex'),
  });
  const secretPart = created.key.slice(`gumcp_${created.id}_`.length);
  assert.ok(!JSON.stringify(record).includes(secretPart));
});

test('two keys are distinct and each verifies to its own user', async () => {
  const store = new MemoryStore();
  const a = await createKey(store, 'alice');
  const b = await createKey(store, 'bob');
  assert.notEqual(a.key, b.key);
  assert.notEqual(a.id, b.id);
  assert.equal(await verifyKey(store, a.key), 'alice');
  assert.equal(await verifyKey(store, b.key), 'bob');
});

test('altered, borrowed, malformed and unknown keys do not verify', async () => {
  const store = new MemoryStore();
  const { key, id } = await createKey(store, 'alice');
  const other = await createKey(store, 'bob');
  const last = key.at(-1) === 'A' ? 'B' : 'A';
  assert.equal(await verifyKey(store, key.slice(0, -1) + last), undefined);
  // Bob's secret under Alice's id.
  assert.equal(await verifyKey(store, `gumcp_${id}_${other.key.split('_').slice(2).join('_')}`), undefined);
  assert.equal(await verifyKey(store, key.replace('gumcp_', 'other_')), undefined);
  assert.equal(await verifyKey(store, `${key}x`), undefined);
  assert.equal(await verifyKey(store, ''), undefined);
  assert.equal(await verifyKey(store, `gumcp_00000000_${'a'.repeat(43)}`), undefined);
});

test('listKeys gives id, user and creation time, oldest first, and never a key', async () => {
  const store = new MemoryStore();
  const late = await createKey(store, 'bob', new Date('2026-02-01T00:00:00Z'));
  const early = await createKey(store, 'alice', new Date('2026-01-01T00:00:00Z'));
  const listed = await listKeys(store);
  assert.deepEqual(listed, [
    { id: early.id, userId: 'alice', createdAt: '2026-01-01T00:00:00.000Z' },
    { id: late.id, userId: 'bob', createdAt: '2026-02-01T00:00:00.000Z' },
  ]);
});

test('a revoked key stops verifying; revoking an unknown id says so', async () => {
  const store = new MemoryStore();
  const kept = await createKey(store, 'alice');
  const gone = await createKey(store, 'alice');
  assert.equal(await revokeKey(store, gone.id), true);
  assert.equal(await verifyKey(store, gone.key), undefined);
  assert.equal(await verifyKey(store, kept.key), 'alice');
  assert.equal(await revokeKey(store, gone.id), false);
  assert.deepEqual(
    (await listKeys(store)).map((k) => k.id),
    [kept.id],
  );
});

test('a key needs a user id', async () => {
  await assert.rejects(createKey(new MemoryStore(), '  '), /A key needs a user id/);
});

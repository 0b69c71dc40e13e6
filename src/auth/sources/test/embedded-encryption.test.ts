import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { MemoryStore } from '../../../store/memory.js';
import { SqliteStore } from '../../../store/sqlite.js';
import { EmbeddedCredentialSource } from '../embedded.js';
import { parseEncryptionKey, type Sealed } from '../encryption.js';
import { tempDir } from './helpers.js';

const keyBytes = randomBytes(32);
const key = parseEncryptionKey(keyBytes.toString('base64'));
const creds = {
  access_token: 'fake-access-7f3a',
  refresh_token: 'fake-refresh-91bc',
  expires_at: 1_900_000_000,
};

test('credentials and OAuth configs come back as saved; the store holds only sealed records', async () => {
  const store = new MemoryStore();
  const source = new EmbeddedCredentialSource(store, key);
  await source.save('slack', 'alice', creds);
  await source.saveOAuthConfig('slack', { client_id: 'cid', client_secret: 'CLIENT-SECRET-55' });

  assert.deepEqual(await source.get('slack', 'alice'), creds);
  assert.deepEqual(await source.oauthConfig('slack'), {
    client_id: 'cid',
    client_secret: 'CLIENT-SECRET-55',
  });
  assert.equal(await source.get('slack', 'bob'), undefined);
  assert.equal(await source.oauthConfig('github'), undefined);

  const raw = await store.get<Sealed>('credentials:slack', 'alice');
  assert.deepEqual(Object.keys(raw ?? {}).sort(), ['data', 'iv', 'tag', 'v']);
  assert.equal(Buffer.from(raw?.iv ?? '', 'base64').length, 12);
  assert.equal(Buffer.from(raw?.tag ?? '', 'base64').length, 16);
});

test('no token, client secret or key byte is in the database files, while open or after close', async (t) => {
  const dir = await tempDir(t);
  const store = new SqliteStore(join(dir, 'gumcp.db'));
  const source = new EmbeddedCredentialSource(store, key);
  await source.save('slack', 'alice', creds);
  await source.saveOAuthConfig('slack', { client_id: 'cid', client_secret: 'CLIENT-SECRET-55' });

  const secrets = [
    creds.access_token,
    creds.refresh_token,
    'CLIENT-SECRET-55',
    keyBytes.toString('hex'),
    keyBytes.toString('base64'),
    keyBytes.toString('base64url'),
  ];
  const assertClean = async (when: string) => {
    const files = await readdir(dir);
    assert.ok(files.includes('gumcp.db'), when);
    for (const file of files) {
      const bytes = await readFile(join(dir, file));
      assert.equal(bytes.indexOf(keyBytes), -1, `raw key bytes in ${file} ${when}`);
      for (const secret of secrets) assert.equal(bytes.indexOf(secret), -1, `${secret} in ${file} ${when}`);
    }
  };
  await assertClean('while open');
  assert.deepEqual(await source.get('slack', 'alice'), creds, 'the data really is there');
  await store.close();
  await assertClean('after close');

  const reopened = new SqliteStore(join(dir, 'gumcp.db'));
  assert.deepEqual(await new EmbeddedCredentialSource(reopened, key).get('slack', 'alice'), creds);
  await reopened.close();
});

test('every write uses a fresh IV, so equal credentials never look equal at rest', async () => {
  const store = new MemoryStore();
  const source = new EmbeddedCredentialSource(store, key);
  await source.save('slack', 'alice', creds);
  const first = await store.get<Sealed>('credentials:slack', 'alice');
  await source.save('slack', 'alice', creds);
  const second = await store.get<Sealed>('credentials:slack', 'alice');
  assert.notEqual(first?.iv, second?.iv);
  assert.notEqual(first?.data, second?.data);
});

test('reading with a different key is a clear error, never ciphertext or plaintext', async () => {
  const store = new MemoryStore();
  await new EmbeddedCredentialSource(store, key).save('slack', 'alice', creds);
  await new EmbeddedCredentialSource(store, key).saveOAuthConfig('slack', { client_id: 'c' });
  const other = new EmbeddedCredentialSource(store, parseEncryptionKey(randomBytes(32).toString('hex')));

  await assert.rejects(other.get('slack', 'alice'), (error: Error) => {
    assert.equal(error.name, 'ToolError');
    assert.match(
      error.message,
      /^Cannot decrypt the stored slack credentials of user "alice": wrong GUMCP_ENCRYPTION_KEY\?/,
    );
    return true;
  });
  await assert.rejects(
    other.oauthConfig('slack'),
    /Cannot decrypt the stored slack OAuth client configuration: wrong GUMCP_ENCRYPTION_KEY\?/,
  );
});

test("a record copied to another user's or service's place does not decrypt", async () => {
  const store = new MemoryStore();
  const source = new EmbeddedCredentialSource(store, key);
  await source.save('slack', 'alice', creds);
  const sealed = await store.get('credentials:slack', 'alice');
  await store.set('credentials:slack', 'mallory', sealed);
  await store.set('credentials:github', 'alice', sealed);

  await assert.rejects(source.get('slack', 'mallory'), /Cannot decrypt/);
  await assert.rejects(source.get('github', 'alice'), /Cannot decrypt/);
});

test('a tampered, truncated-tag or unencrypted record is refused, not returned', async () => {
  const store = new MemoryStore();
  const source = new EmbeddedCredentialSource(store, key);
  await source.save('slack', 'alice', creds);
  const sealed = (await store.get<Sealed>('credentials:slack', 'alice')) as Sealed;
  const flipped = Buffer.from(sealed.data, 'base64');
  flipped[0] = (flipped[0] ?? 0) ^ 1;
  // GCM would accept the first 12 bytes of the right tag unless the full length is required.
  const truncated = Buffer.from(sealed.tag, 'base64').subarray(0, 12);

  for (const altered of [{ data: flipped.toString('base64') }, { tag: truncated.toString('base64') }]) {
    await store.set('credentials:slack', 'alice', { ...sealed, ...altered });
    await assert.rejects(source.get('slack', 'alice'), /Cannot decrypt/, Object.keys(altered)[0]);
  }
  await store.set('credentials:slack', 'alice', sealed);
  assert.deepEqual(await source.get('slack', 'alice'), creds, 'the untouched record still reads');

  await store.set('credentials:slack', 'plain', { access_token: 'typed-in-by-hand' });
  await assert.rejects(
    source.get('slack', 'plain'),
    /Cannot read the stored slack credentials of user "plain": the stored record is not encrypted data/,
  );
});

test('GUMCP_ENCRYPTION_KEY is read as 64 hex digits or base64 (padded, unpadded, URL-safe), all the same key', async () => {
  const store = new MemoryStore();
  await new EmbeddedCredentialSource(store, parseEncryptionKey(keyBytes.toString('hex'))).save(
    's',
    'u',
    creds,
  );
  for (const form of [
    keyBytes.toString('hex').toUpperCase(),
    keyBytes.toString('base64'),
    keyBytes.toString('base64url'),
    ` ${keyBytes.toString('base64').replace(/=$/, '')}\n`,
  ]) {
    assert.deepEqual(
      await new EmbeddedCredentialSource(store, parseEncryptionKey(form)).get('s', 'u'),
      creds,
      form,
    );
  }
});

test('a missing or malformed key fails with how to make one, without quoting the value', () => {
  for (const missing of [undefined, '', '   ']) {
    assert.throws(
      () => parseEncryptionKey(missing),
      /^Error: GUMCP_ENCRYPTION_KEY is not set: .* generate one with `openssl rand -base64 32`$/,
    );
  }
  const malformed = [
    randomBytes(16).toString('base64'),
    randomBytes(31).toString('base64'),
    randomBytes(33).toString('hex'),
    `${randomBytes(31).toString('hex')}zz`,
    'correct-horse-battery-staple-secret',
  ];
  for (const value of malformed) {
    assert.throws(
      () => parseEncryptionKey(value),
      (error: Error) => {
        assert.match(
          error.message,
          /^GUMCP_ENCRYPTION_KEY is malformed: expected 32 bytes as 64 hex digits or 44 base64 characters, got \d+ characters/,
        );
        assert.ok(!error.message.includes(value), value);
        return true;
      },
    );
  }
});

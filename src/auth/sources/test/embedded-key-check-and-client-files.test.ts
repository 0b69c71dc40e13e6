import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { test } from 'node:test';
import { MemoryStore } from '../../../store/memory.js';
import { EmbeddedCredentialSource } from '../embedded.js';
import { parseEncryptionKey } from '../encryption.js';
import { credentialSourceFromEnv } from '../from-env.js';
import { LocalCredentialSource } from '../local.js';
import { tempDir } from './helpers.js';

const newKey = () => randomBytes(32).toString('base64');

test('the key check passes for the key the store was first used with and fails for another', async () => {
  const store = new MemoryStore();
  const first = newKey();
  await new EmbeddedCredentialSource(store, parseEncryptionKey(first)).checkKey();
  await new EmbeddedCredentialSource(store, parseEncryptionKey(first)).checkKey();
  const other = newKey();
  const error = await new EmbeddedCredentialSource(store, parseEncryptionKey(other)).checkKey().then(
    () => assert.fail('a different key passed the check'),
    (e: Error) => e,
  );
  assert.match(error.message, /GUMCP_ENCRYPTION_KEY is not the key this store was encrypted with/);
  for (const key of [first, other]) assert.ok(!error.message.includes(key));
});

test('ENVIRONMENT=embedded checks the key in ready()', async () => {
  const store = new MemoryStore();
  const env = { ENVIRONMENT: 'embedded', GUMCP_ENCRYPTION_KEY: newKey() };
  await credentialSourceFromEnv(env, store).ready?.();
  const wrong = credentialSourceFromEnv({ ...env, GUMCP_ENCRYPTION_KEY: newKey() }, store);
  await assert.rejects(wrong.ready?.() ?? Promise.resolve(), /not the key this store was encrypted with/);
});

test("ENVIRONMENT=embedded reads a service's client registration from oauth.json when the store has none", async (t) => {
  const dir = await tempDir(t);
  const configs = join(dir, 'oauth_configs');
  const files = new LocalCredentialSource({
    oauthConfigDir: configs,
    credentialsDir: join(dir, 'credentials'),
  });
  await files.saveOAuthConfig('slack', { client_id: 'from-file', client_secret: 's1' });

  const store = new MemoryStore();
  const env = {
    ENVIRONMENT: 'embedded',
    GUMCP_ENCRYPTION_KEY: newKey(),
    GUMCP_OAUTH_CONFIG_DIR: configs,
  };
  const source = credentialSourceFromEnv(env, store).forSession() as EmbeddedCredentialSource;
  assert.deepEqual(await source.oauthConfig('slack'), { client_id: 'from-file', client_secret: 's1' });
  assert.equal(await source.oauthConfig('github'), undefined);
  assert.match(
    source.oauthConfigLocation('github'),
    /oauth_configs\/github\/oauth\.json or the embedded credential store/,
  );

  // A registration saved in the store wins over the file.
  await source.saveOAuthConfig('slack', { client_id: 'from-store' });
  assert.deepEqual(await source.oauthConfig('slack'), { client_id: 'from-store' });
});

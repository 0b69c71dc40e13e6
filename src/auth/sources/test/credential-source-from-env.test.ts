import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { test } from 'node:test';
import { MemoryStore } from '../../../store/memory.js';
import { startFake } from '../../../testing/fake-service.js';
import { EmbeddedCredentialSource } from '../embedded.js';
import { credentialSourceFromEnv } from '../from-env.js';
import { LocalCredentialSource } from '../local.js';
import { tempDir } from './helpers.js';

test("no ENVIRONMENT means guMCP's local files under the working directory, shared by every session", async (t) => {
  const cwd = await tempDir(t);
  for (const env of [{}, { ENVIRONMENT: 'local' }, { ENVIRONMENT: ' LOCAL ' }]) {
    const sources = credentialSourceFromEnv(env, new MemoryStore(), { cwd });
    assert.equal(sources.environment, 'local');
    const source = sources.forSession('ignored-key');
    assert.ok(source instanceof LocalCredentialSource);
    assert.equal(source, sources.forSession());
    assert.deepEqual(source.dirs, {
      oauthConfigDir: join(cwd, 'local_auth/oauth_configs'),
      credentialsDir: join(cwd, 'local_auth/credentials'),
    });
  }
});

test('ENVIRONMENT=embedded encrypts into the given store, and refuses to start without a key', async () => {
  const store = new MemoryStore();
  const sources = credentialSourceFromEnv(
    { ENVIRONMENT: 'embedded', GUMCP_ENCRYPTION_KEY: randomBytes(32).toString('base64') },
    store,
  );
  assert.equal(sources.environment, 'embedded');
  const source = sources.forSession();
  assert.ok(source instanceof EmbeddedCredentialSource);
  await source.save('slack', 'alice', { access_token: 'xoxp-9' });
  assert.deepEqual(await store.keys('credentials:slack'), ['alice']);
  assert.doesNotMatch(JSON.stringify(await store.get('credentials:slack', 'alice')), /xoxp-9/);

  assert.throws(
    () => credentialSourceFromEnv({ ENVIRONMENT: 'embedded' }, store),
    /GUMCP_ENCRYPTION_KEY is not set/,
  );
  assert.throws(
    () => credentialSourceFromEnv({ ENVIRONMENT: 'embedded', GUMCP_ENCRYPTION_KEY: 'short' }, store),
    /GUMCP_ENCRYPTION_KEY is malformed/,
  );
});

test('ENVIRONMENT=gumloop binds each session to its own API key, and refuses a session without one', async (t) => {
  const fake = await startFake();
  t.after(() => fake.close());
  fake.route('GET /auth/github/credentials', { body: { access_token: 'gho_x' } });
  const sources = credentialSourceFromEnv(
    { ENVIRONMENT: 'gumloop', GUMCP_CREDENTIALS_BROKER_URL: fake.url },
    new MemoryStore(),
  );
  assert.equal(sources.environment, 'gumloop');

  assert.deepEqual(await sources.forSession('session-key-1').get('github', 'u1'), { access_token: 'gho_x' });
  assert.equal(fake.requests[0]?.headers.authorization, 'Bearer session-key-1');
  assert.equal(fake.requests[0]?.query.get('user_id'), 'u1');
  assert.throws(() => sources.forSession(), /needs your API key/);
});

test('an unknown ENVIRONMENT is a start-up error listing the choices', () => {
  assert.throws(
    () => credentialSourceFromEnv({ ENVIRONMENT: 'production' }, new MemoryStore()),
    /^Error: Unknown ENVIRONMENT "production": expected one of local, embedded, gumloop$/,
  );
});

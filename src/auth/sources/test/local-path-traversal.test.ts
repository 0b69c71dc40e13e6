import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LocalCredentialSource } from '../local.js';
import { listTree, tempDir } from './helpers.js';

const badNames = [
  '..',
  '.',
  '',
  '../escape',
  '../../../../tmp/gumcp-pwned',
  'a/b',
  'a\\b',
  'x\u0000y',
  'line\nbreak',
  'a..b',
];

test('a user id that could leave the credentials folder is refused and nothing is written anywhere', async (t) => {
  const root = await tempDir(t);
  const source = new LocalCredentialSource({
    oauthConfigDir: `${root}/base/oauth_configs`,
    credentialsDir: `${root}/base/credentials`,
  });
  for (const userId of badNames) {
    await assert.rejects(
      source.save('slack', userId, { access_token: 't' }),
      /^ToolError: Invalid user id: it must be non-empty and must not contain "\/", "\\", "\.\." or control characters$/,
      JSON.stringify(userId),
    );
    await assert.rejects(source.get('slack', userId), /Invalid user id/);
  }
  assert.deepEqual(await listTree(root), []);
});

test('a service name that could leave its folder is refused for every operation', async (t) => {
  const root = await tempDir(t);
  const source = LocalCredentialSource.fromEnv({}, root);
  for (const service of badNames) {
    await assert.rejects(source.get(service, 'alice'), /Invalid service/);
    await assert.rejects(source.save(service, 'alice', {}), /Invalid service/);
    await assert.rejects(source.oauthConfig(service), /Invalid service/);
    await assert.rejects(source.saveOAuthConfig(service, { client_id: 'c' }), /Invalid service/);
  }
  assert.deepEqual(await listTree(root), []);
});

test('the refusal does not echo the name, which may hold a mis-split API key', async (t) => {
  const source = LocalCredentialSource.fromEnv({}, await tempDir(t));
  await assert.rejects(source.get('slack', 'alice:sk-live-123/..'), (error: Error) => {
    assert.doesNotMatch(error.message, /sk-live-123/);
    return true;
  });
});

test('ordinary ids with dots, @ and colons are accepted', async (t) => {
  const root = await tempDir(t);
  const source = LocalCredentialSource.fromEnv({}, root);
  await source.save('google-sheets', 'first.last@example.com', { access_token: 'a' });
  await source.save('slack', 'team:U123', { access_token: 'b' });
  assert.deepEqual(await source.get('google-sheets', 'first.last@example.com'), { access_token: 'a' });
  assert.deepEqual(
    (await listTree(root)).filter((p) => p.endsWith('.json')),
    [
      'local_auth/credentials/google-sheets/first.last@example.com_credentials.json',
      'local_auth/credentials/slack/team:U123_credentials.json',
    ],
  );
});

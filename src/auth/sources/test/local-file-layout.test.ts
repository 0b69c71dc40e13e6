import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { LocalCredentialSource } from '../local.js';
import { listTree, tempDir } from './helpers.js';

const tokens = {
  access_token: 'ya29.token',
  refresh_token: '1//refresh',
  expires_at: 1_900_000_000,
  token_type: 'Bearer',
};

test("save writes guMCP's local_auth/credentials/<service>/<user_id>_credentials.json under the working directory", async (t) => {
  const cwd = await tempDir(t);
  const source = LocalCredentialSource.fromEnv({}, cwd);
  await source.save('gdrive', 'local', tokens);

  assert.deepEqual(await listTree(cwd), [
    'local_auth',
    'local_auth/credentials',
    'local_auth/credentials/gdrive',
    'local_auth/credentials/gdrive/local_credentials.json',
  ]);
  const file = join(cwd, 'local_auth/credentials/gdrive/local_credentials.json');
  assert.deepEqual(JSON.parse(await readFile(file, 'utf8')), tokens);
  assert.deepEqual(await source.get('gdrive', 'local'), tokens);
});

test('files guMCP wrote are read as they are: credentials and oauth.json, including nested Google configs', async (t) => {
  const cwd = await tempDir(t);
  await mkdir(join(cwd, 'local_auth/credentials/slack'), { recursive: true });
  await mkdir(join(cwd, 'local_auth/oauth_configs/gsheets'), { recursive: true });
  // Python's json.dumps layout.
  await writeFile(
    join(cwd, 'local_auth/credentials/slack/alice@example.com_credentials.json'),
    '{"access_token": "xoxp-1", "token_type": "bearer", "team": {"id": "T1"}}',
  );
  const google = {
    installed: {
      client_id: 'id.apps.googleusercontent.com',
      client_secret: 's',
      redirect_uris: ['http://localhost'],
    },
  };
  await writeFile(join(cwd, 'local_auth/oauth_configs/gsheets/oauth.json'), JSON.stringify(google));

  const source = LocalCredentialSource.fromEnv({}, cwd);
  assert.deepEqual(await source.get('slack', 'alice@example.com'), {
    access_token: 'xoxp-1',
    token_type: 'bearer',
    team: { id: 'T1' },
  });
  assert.deepEqual(await source.oauthConfig('gsheets'), google);
  assert.equal(
    source.oauthConfigLocation('gsheets'),
    join(cwd, 'local_auth/oauth_configs/gsheets/oauth.json'),
  );
});

test('what is not there is undefined, and reading creates nothing', async (t) => {
  const cwd = await tempDir(t);
  const source = LocalCredentialSource.fromEnv({}, cwd);
  assert.equal(await source.get('slack', 'nobody'), undefined);
  assert.equal(await source.oauthConfig('slack'), undefined);
  assert.deepEqual(await listTree(cwd), []);
});

test('GUMCP_OAUTH_CONFIG_DIR and GUMCP_CREDENTIALS_DIR move the folders (relative to the working directory)', async (t) => {
  const cwd = await tempDir(t);
  const absolute = join(cwd, 'abs-oauth');
  const source = LocalCredentialSource.fromEnv(
    { GUMCP_OAUTH_CONFIG_DIR: absolute, GUMCP_CREDENTIALS_DIR: 'secrets/creds' },
    cwd,
  );
  await source.save('linear', 'u1', tokens);
  await source.saveOAuthConfig('linear', {
    client_id: 'cid',
    client_secret: 'cs',
    redirect_uri: 'http://localhost:8080',
  });

  assert.deepEqual(
    (await listTree(cwd)).filter((p) => p.endsWith('.json')),
    ['abs-oauth/linear/oauth.json', 'secrets/creds/linear/u1_credentials.json'],
  );
  assert.deepEqual(await source.oauthConfig('linear'), {
    client_id: 'cid',
    client_secret: 'cs',
    redirect_uri: 'http://localhost:8080',
  });
});

test('a corrupt file is a clear error that names the file and does not quote its content', async (t) => {
  const cwd = await tempDir(t);
  const dir = join(cwd, 'local_auth/credentials/slack');
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'broken_credentials.json'), '{"access_token": "xoxp-SECRET-1", oops');
  await writeFile(join(dir, 'list_credentials.json'), '["xoxp-SECRET-2"]');
  const source = LocalCredentialSource.fromEnv({}, cwd);

  await assert.rejects(source.get('slack', 'broken'), (error: Error) => {
    assert.equal(
      error.message,
      `${join(dir, 'broken_credentials.json')} is not valid JSON; fix or delete it`,
    );
    return true;
  });
  await assert.rejects(source.get('slack', 'list'), (error: Error) => {
    assert.match(error.message, /list_credentials\.json does not hold a JSON object; fix or delete it$/);
    assert.doesNotMatch(error.message, /SECRET/);
    return true;
  });
});

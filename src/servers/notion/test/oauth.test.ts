import assert from 'node:assert/strict';
import { test } from 'node:test';
import { authorizeUrl } from '../../../auth/oauth/authorize.js';
import { requestToken, toStoredCredentials } from '../../../auth/oauth/token.js';
import type { OAuthProvider } from '../../../core/definition.js';
import { startFake } from '../../../testing/fake-service.js';
import notion from '../index.js';

/**
 * The provider description drives gumcp's OAuth flow: these tests run that flow's steps with it
 * against a fake of Notion's token endpoint, to show the requests are the ones Notion documents.
 */

const provider = (notion.auth.kind === 'oauth2' ? notion.auth.provider : undefined) as OAuthProvider;
const CLIENT = { clientId: '1a2b3c4d-notion-client', clientSecret: 'secret_notion_client_0123456789' };
const REDIRECT = 'http://127.0.0.1:8080/';

/** Notion's token answer (POST /v1/oauth/token), as its reference and @notionhq/client's types give it. */
const TOKEN_ANSWER = {
  access_token: 'ntn_access_0123456789',
  token_type: 'bearer',
  refresh_token: 'ntn_refresh_0123456789',
  bot_id: 'b3414d65-9d25-4a3c-9c5c-a6c9d0e1f2a3',
  workspace_name: 'Acme',
  workspace_icon: 'https://example.com/icon.png',
  workspace_id: 'c6d7e8f9-0a1b-4c2d-8e3f-4a5b6c7d8e9f',
  owner: {
    type: 'user',
    user: { object: 'user', id: 'u1', name: 'Ada', person: { email: 'ada@example.com' } },
  },
  duplicated_template_id: null,
  request_id: '2b5f4e1a-7c3d-4e8f-9a0b-1c2d3e4f5a6b',
};

test('the authorize URL names owner=user and carries no scope and no PKCE challenge', () => {
  const url = new URL(
    authorizeUrl(provider, CLIENT, {
      redirectUri: REDIRECT,
      scopes: notion.auth.kind === 'oauth2' ? notion.auth.scopes : ['unexpected'],
      state: 'st4te',
      challenge: 'ch',
    }),
  );
  assert.equal(`${url.origin}${url.pathname}`, 'https://api.notion.com/v1/oauth/authorize');
  assert.deepEqual(Object.fromEntries(url.searchParams), {
    client_id: CLIENT.clientId,
    redirect_uri: REDIRECT,
    response_type: 'code',
    state: 'st4te',
    owner: 'user',
  });
});

test('the code is exchanged with Basic client auth and a JSON body, and the installation is kept', async (t) => {
  const fake = await startFake();
  t.after(() => fake.close());
  fake.route('POST /v1/oauth/token', { body: TOKEN_ANSWER });

  const answer = await requestToken(
    provider,
    { ...CLIENT, tokenUrl: `${fake.url}/v1/oauth/token` },
    { grant_type: 'authorization_code', code: 'code-123', redirect_uri: REDIRECT },
  );

  const [req] = fake.requests;
  const basic = Buffer.from(`${CLIENT.clientId}:${CLIENT.clientSecret}`).toString('base64');
  assert.equal(req?.headers.authorization, `Basic ${basic}`);
  assert.match(String(req?.headers['content-type']), /^application\/json/);
  assert.deepEqual(req?.body, { grant_type: 'authorization_code', code: 'code-123', redirect_uri: REDIRECT });
  const stored = toStoredCredentials(answer, provider);
  assert.deepEqual(stored, {
    access_token: TOKEN_ANSWER.access_token,
    refresh_token: TOKEN_ANSWER.refresh_token,
    token_type: 'bearer',
    bot_id: TOKEN_ANSWER.bot_id,
    workspace_name: 'Acme',
    workspace_icon: TOKEN_ANSWER.workspace_icon,
    workspace_id: TOKEN_ANSWER.workspace_id,
  });
});

test('a refresh sends the refresh token the same way and stores the new pair', async (t) => {
  const fake = await startFake();
  t.after(() => fake.close());
  fake.route('POST /v1/oauth/token', {
    body: { ...TOKEN_ANSWER, access_token: 'ntn_access_new', refresh_token: 'ntn_refresh_new' },
  });

  const answer = await requestToken(
    provider,
    { ...CLIENT, tokenUrl: `${fake.url}/v1/oauth/token` },
    { grant_type: 'refresh_token', refresh_token: 'ntn_refresh_0123456789' },
  );

  assert.deepEqual(fake.requests[0]?.body, {
    grant_type: 'refresh_token',
    refresh_token: 'ntn_refresh_0123456789',
  });
  const stored = toStoredCredentials(answer, provider);
  assert.equal(stored.access_token, 'ntn_access_new');
  assert.equal(stored.refresh_token, 'ntn_refresh_new');
});

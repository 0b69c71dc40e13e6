import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connect, text } from '../../../testing/mcp.js';
import { GOOGLE_ERRORS, googleError } from '../../gmail/test/google-fake.js';
import youtube, { createYouTubeServer } from '../index.js';
import { API, fakeYouTube, searchResult, video } from './fake-youtube.js';

const credentials = { access_token: 'ya29.secret-youtube-token' };
const getVideo = { name: 'get_video_details', arguments: { video_id: 'dQw4w9WgXcQ' } };
const videos = [video('dQw4w9WgXcQ')];
/** Backoff of 1 ms so the retry tests are quick. */
const fast = createYouTubeServer({ backoffMs: 1 });

test('401 from YouTube asks the user to re-authenticate, without echoing the token', async (t) => {
  const fake = await fakeYouTube(t, { videos });
  fake.once(`GET ${API}/videos`, { status: 401, body: GOOGLE_ERRORS.expiredToken });
  const client = await connect(youtube, { credentials });

  const result = await client.callTool(getVideo);

  assert.equal(result.isError, true);
  assert.equal(
    text(result),
    'Not authenticated with youtube: YouTube rejected the stored token. Re-authenticate with `gumcp auth youtube`.',
  );
  assert.doesNotMatch(text(result), /secret-youtube-token/);
  assert.equal(fake.requests.length, 1);
});

test('no stored credentials gives the same re-authenticate message, before any request', async (t) => {
  const fake = await fakeYouTube(t, { videos });
  const client = await connect(youtube);

  const result = await client.callTool(getVideo);

  assert.equal(
    text(result),
    'Not authenticated with youtube: no credentials are stored for this user. Re-authenticate with `gumcp auth youtube`.',
  );
  assert.equal(fake.requests.length, 0);
});

test('403 insufficient scope names the youtube.readonly scope', async (t) => {
  const fake = await fakeYouTube(t, { videos });
  fake.once(`GET ${API}/videos`, { status: 403, body: GOOGLE_ERRORS.insufficientScope });
  const client = await connect(youtube, { credentials });

  const result = await client.callTool(getVideo);

  assert.equal(
    text(result),
    'Permission denied: the stored token lacks the scope "https://www.googleapis.com/auth/youtube.readonly". Re-authenticate to grant it.',
  );
});

test('429 with Retry-After is retried, then succeeds', async (t) => {
  const fake = await fakeYouTube(t, { videos });
  fake.once(`GET ${API}/videos`, {
    status: 429,
    headers: { 'retry-after': '0' },
    body: GOOGLE_ERRORS.rateLimited,
  });
  const client = await connect(youtube, { credentials });

  const result = await client.callTool(getVideo);

  assert.equal(result.isError, undefined, text(result));
  assert.equal(fake.requests.length, 2);
});

test('a 429 whose Retry-After is too long to wait says when to try again', async (t) => {
  const fake = await fakeYouTube(t, { videos });
  fake.route(`GET ${API}/videos`, {
    status: 429,
    headers: { 'retry-after': '120' },
    body: GOOGLE_ERRORS.rateLimited,
  });
  const client = await connect(youtube, { credentials });

  const result = await client.callTool(getVideo);

  assert.equal(text(result), 'Rate limited by YouTube; try again in 120 s');
  assert.equal(fake.requests.length, 1);
});

test('5xx on every attempt ends in a clear try-later message after the retries', async (t) => {
  const fake = await fakeYouTube(t, { videos });
  fake.route(`GET ${API}/videos`, { status: 503, body: GOOGLE_ERRORS.backendError });
  const client = await connect(fast, { credentials });

  const result = await client.callTool(getVideo);

  assert.equal(text(result), 'YouTube failed (HTTP 503); try again later');
  assert.equal(fake.requests.length, 4, 'first attempt and three retries');
});

test('other 4xx answers carry YouTube’s own message, without its HTML', async (t) => {
  const fake = await fakeYouTube(t, { search: [searchResult('s1')] });
  fake.route(`GET ${API}/search`, {
    status: 400,
    body: googleError(400, 'The request specifies an invalid <code>pageToken</code>.', 'invalidPageToken'),
  });
  const client = await connect(youtube, { credentials });

  const result = await client.callTool({
    name: 'search_videos',
    arguments: { query: 'mcp', page_token: 'bogus' },
  });

  assert.equal(
    text(result),
    'YouTube rejected the request (HTTP 400): The request specifies an invalid pageToken.',
  );
});

test('a token refreshed mid-session is used from the next request on', async (t) => {
  const fake = await fakeYouTube(t, { videos });
  let uses = 0;
  const client = await connect(youtube, {
    credentials: async () => ({ access_token: uses++ === 0 ? 'ya29.before' : 'ya29.after' }),
  });

  await client.callTool(getVideo);
  await client.callTool({ name: 'get_video_statistics', arguments: { video_id: 'dQw4w9WgXcQ' } });

  assert.deepEqual(
    fake.requests.map((r) => [r.query.get('part'), r.headers.authorization]),
    [
      ['snippet,contentDetails', 'Bearer ya29.before'],
      ['statistics', 'Bearer ya29.after'],
    ],
  );
});

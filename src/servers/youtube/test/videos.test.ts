import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connect, text } from '../../../testing/mcp.js';
import { only, query } from '../../gmail/test/google-fake.js';
import youtube from '../index.js';
import { API, fakeYouTube, video } from './fake-youtube.js';

const credentials = { access_token: 'ya29.youtube' };
const clip = video('dQw4w9WgXcQ', 'Never Gonna Give You Up');

test('get_video_details asks videos.list for snippet and contentDetails and answers the useful fields', async (t) => {
  const fake = await fakeYouTube(t, { videos: [clip] });
  const client = await connect(youtube, { credentials });

  const result = await client.callTool({ name: 'get_video_details', arguments: { video_id: 'dQw4w9WgXcQ' } });

  assert.equal(result.isError, undefined, text(result));
  const req = only(fake, 'GET', `${API}/videos`);
  assert.equal(req.headers.authorization, 'Bearer ya29.youtube');
  assert.deepEqual(query(req), { part: 'snippet,contentDetails', id: 'dQw4w9WgXcQ' });
  const expected = {
    id: 'dQw4w9WgXcQ',
    url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    title: 'Never Gonna Give You Up',
    description: 'About Never Gonna Give You Up',
    channel_id: 'UC_x5XG1OV2P6uZZ5FSM9Ttw',
    channel_title: 'Google for Developers',
    published_at: '2024-03-01T17:00:06Z',
    tags: ['google', 'developers'],
    category_id: '28',
    live_broadcast_content: 'none',
    default_language: 'en',
    duration: 'PT1H2M3S',
    duration_seconds: 3723,
    definition: 'hd',
    dimension: '2d',
    captions: true,
    licensed_content: false,
    thumbnail: 'https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg',
  };
  assert.deepEqual(result.structuredContent, expected);
  assert.deepEqual(JSON.parse(text(result)), expected);
});

test('get_video_details takes a video URL, and full adds the resource as YouTube sent it', async (t) => {
  const fake = await fakeYouTube(t, { videos: [clip] });
  const client = await connect(youtube, { credentials });

  const result = await client.callTool({
    name: 'get_video_details',
    arguments: { video_id: 'https://youtu.be/dQw4w9WgXcQ?t=42', full: true },
  });

  assert.equal(result.isError, undefined, text(result));
  assert.equal(query(only(fake, 'GET', `${API}/videos`)).id, 'dQw4w9WgXcQ');
  const data = result.structuredContent as { raw: Record<string, unknown> };
  assert.deepEqual(Object.keys(data.raw).sort(), ['contentDetails', 'etag', 'id', 'kind', 'snippet']);
  assert.equal(data.raw.kind, 'youtube#video');
});

test('get_video_statistics asks for the statistics part and answers counts as numbers', async (t) => {
  const fake = await fakeYouTube(t, { videos: [clip] });
  const client = await connect(youtube, { credentials });

  const result = await client.callTool({
    name: 'get_video_statistics',
    arguments: { video_id: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&list=PL1' },
  });

  assert.equal(result.isError, undefined, text(result));
  const req = only(fake, 'GET', `${API}/videos`);
  assert.equal(req.headers.authorization, 'Bearer ya29.youtube');
  assert.deepEqual(query(req), { part: 'statistics', id: 'dQw4w9WgXcQ' });
  assert.deepEqual(result.structuredContent, {
    video_id: 'dQw4w9WgXcQ',
    url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    view_count: 1234567,
    like_count: 8901,
    comment_count: 234,
    favorite_count: 0,
  });
});

test('a video id YouTube does not know (an empty list) is named in the error', async (t) => {
  await fakeYouTube(t, { videos: [clip] });
  const client = await connect(youtube, { credentials });

  const result = await client.callTool({
    name: 'get_video_statistics',
    arguments: { video_id: 'xxxxxxxxxxx' },
  });

  assert.equal(result.isError, true);
  assert.equal(text(result), 'Video not found: xxxxxxxxxxx');
});

test('a video_id that is neither an id nor a YouTube URL is refused before any request', async (t) => {
  const fake = await fakeYouTube(t, { videos: [clip] });
  const client = await connect(youtube, { credentials });

  const result = await client.callTool({
    name: 'get_video_details',
    arguments: { video_id: 'https://vimeo.com/123' },
  });

  assert.equal(
    text(result),
    'video_id must be a video id such as dQw4w9WgXcQ or a YouTube video URL, not "https://vimeo.com/123"',
  );
  assert.equal(fake.requests.length, 0);
});

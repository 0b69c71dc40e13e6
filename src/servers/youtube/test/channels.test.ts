import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FakeService } from '../../../testing/fake-service.js';
import { connect, text } from '../../../testing/mcp.js';
import youtube from '../index.js';
import { API, channel, fakeYouTube, playlist, playlistItem } from './fake-youtube.js';

const credentials = { access_token: 'ya29.youtube' };
const GOOGLE_DEV = 'UC_x5XG1OV2P6uZZ5FSM9Ttw';
const UPLOADS = 'UU_x5XG1OV2P6uZZ5FSM9Ttw';
const devs = channel(GOOGLE_DEV, '@GoogleDevelopers');
/** Each request as method and path, its query, and the token it carried. */
const calls = (fake: FakeService) =>
  fake.requests.map((r) => [`${r.method} ${r.path}`, Object.fromEntries(r.query), r.headers.authorization]);
const BEARER = 'Bearer ya29.youtube';

test('get_channel_details asks channels.list by id and answers the channel with its uploads playlist', async (t) => {
  const fake = await fakeYouTube(t, { channels: [devs] });
  const client = await connect(youtube, { credentials });

  const result = await client.callTool({
    name: 'get_channel_details',
    arguments: { channel_id: GOOGLE_DEV },
  });

  assert.equal(result.isError, undefined, text(result));
  assert.deepEqual(calls(fake), [
    [`GET ${API}/channels`, { part: 'snippet,contentDetails', id: GOOGLE_DEV }, BEARER],
  ]);
  assert.deepEqual(result.structuredContent, {
    id: GOOGLE_DEV,
    url: `https://www.youtube.com/channel/${GOOGLE_DEV}`,
    title: 'Channel @GoogleDevelopers',
    description: 'The @GoogleDevelopers channel',
    custom_url: '@googledevelopers',
    published_at: '2007-08-23T00:34:43Z',
    country: 'US',
    thumbnail: `https://i.ytimg.com/vi/${GOOGLE_DEV}/hqdefault.jpg`,
    uploads_playlist_id: UPLOADS,
  });
});

test('get_channel_statistics takes an @handle (forHandle) and answers counts as numbers', async (t) => {
  const fake = await fakeYouTube(t, { channels: [devs] });
  const client = await connect(youtube, { credentials });

  const result = await client.callTool({
    name: 'get_channel_statistics',
    arguments: { channel_id: '@GoogleDevelopers' },
  });

  assert.equal(result.isError, undefined, text(result));
  assert.deepEqual(calls(fake), [
    [`GET ${API}/channels`, { part: 'statistics', forHandle: '@GoogleDevelopers' }, BEARER],
  ]);
  assert.deepEqual(result.structuredContent, {
    channel_id: GOOGLE_DEV,
    url: `https://www.youtube.com/channel/${GOOGLE_DEV}`,
    view_count: 250000000,
    subscriber_count: 2500000,
    hidden_subscriber_count: false,
    video_count: 6000,
  });
});

test('a hidden subscriber count is said so, not given as a number', async (t) => {
  const hidden = channel('UCsecretsecretsecret1234', '@quiet', { hiddenSubscriberCount: true });
  await fakeYouTube(t, { channels: [hidden] });
  const client = await connect(youtube, { credentials });

  const result = await client.callTool({
    name: 'get_channel_statistics',
    arguments: { channel_id: 'https://www.youtube.com/channel/UCsecretsecretsecret1234' },
  });

  const data = result.structuredContent as Record<string, unknown>;
  assert.equal(data.hidden_subscriber_count, true);
  assert.equal('subscriber_count' in data, false);
});

test('an unknown channel (a list without items) is named in the error', async (t) => {
  await fakeYouTube(t, { channels: [devs] });
  const client = await connect(youtube, { credentials });

  const result = await client.callTool({ name: 'get_channel_details', arguments: { channel_id: '@nobody' } });

  assert.equal(result.isError, true);
  assert.equal(text(result), 'Channel not found: @nobody');
});

test('list_channel_videos reads the uploads playlist (2 units, not search’s 100), following pages up to max_results', async (t) => {
  const uploads = ['a', 'b', 'c', 'd', 'e'].map((v, i) => playlistItem(UPLOADS, `video-${v}`, i));
  const fake = await fakeYouTube(t, { channels: [devs], playlistItems: { [UPLOADS]: uploads }, pageSize: 2 });
  const client = await connect(youtube, { credentials });

  const result = await client.callTool({
    name: 'list_channel_videos',
    arguments: { channel_id: GOOGLE_DEV, max_results: 3 },
  });

  assert.equal(result.isError, undefined, text(result));
  assert.deepEqual(calls(fake), [
    [`GET ${API}/channels`, { part: 'contentDetails', id: GOOGLE_DEV }, BEARER],
    [
      `GET ${API}/playlistItems`,
      { part: 'snippet,contentDetails', playlistId: UPLOADS, maxResults: '3' },
      BEARER,
    ],
    [
      `GET ${API}/playlistItems`,
      { part: 'snippet,contentDetails', playlistId: UPLOADS, maxResults: '1', pageToken: 'CAUQ2' },
      BEARER,
    ],
  ]);
  assert.equal(
    fake.requests.some((r) => r.path.endsWith('/search')),
    false,
  );
  const data = result.structuredContent as {
    count: number;
    more: boolean;
    videos: Record<string, unknown>[];
  };
  assert.equal(data.count, 3);
  assert.equal(data.more, true);
  assert.deepEqual(
    data.videos.map((v) => v.video_id),
    ['video-a', 'video-b', 'video-c'],
  );
  assert.deepEqual(data.videos[0], {
    video_id: 'video-a',
    url: 'https://www.youtube.com/watch?v=video-a',
    title: 'Video video-a',
    description: 'About video video-a',
    channel_id: GOOGLE_DEV,
    channel_title: 'Google for Developers',
    published_at: '2024-03-01T17:00:06Z',
    thumbnail: 'https://i.ytimg.com/vi/video-a/hqdefault.jpg',
    position: 0,
    added_at: '2024-03-02T10:00:00Z',
  });
});

test('list_channel_videos of a channel without uploads answers an empty list', async (t) => {
  await fakeYouTube(t, { channels: [devs] });
  const client = await connect(youtube, { credentials });

  const result = await client.callTool({
    name: 'list_channel_videos',
    arguments: { channel_id: GOOGLE_DEV },
  });

  assert.equal(result.isError, undefined, text(result));
  assert.deepEqual(result.structuredContent, {
    channel_id: GOOGLE_DEV,
    uploads_playlist_id: UPLOADS,
    count: 0,
    more: false,
    videos: [],
  });
});

test('list_channel_playlists lists playlists.list by channelId, 25 by default', async (t) => {
  const lists = [playlist('PL1', GOOGLE_DEV, 12), playlist('PL2', GOOGLE_DEV, 3), playlist('PL9', 'UCother')];
  const fake = await fakeYouTube(t, { channels: [devs], playlists: lists });
  const client = await connect(youtube, { credentials });

  const result = await client.callTool({
    name: 'list_channel_playlists',
    arguments: { channel_id: GOOGLE_DEV },
  });

  assert.equal(result.isError, undefined, text(result));
  assert.deepEqual(calls(fake), [
    [
      `GET ${API}/playlists`,
      { part: 'snippet,contentDetails', channelId: GOOGLE_DEV, maxResults: '25' },
      BEARER,
    ],
  ]);
  const data = result.structuredContent as {
    count: number;
    more: boolean;
    playlists: Record<string, unknown>[];
  };
  assert.equal(data.count, 2);
  assert.equal(data.more, false);
  assert.deepEqual(data.playlists[0], {
    id: 'PL1',
    url: 'https://www.youtube.com/playlist?list=PL1',
    title: 'Playlist PL1',
    description: 'Everything about PL1',
    channel_id: GOOGLE_DEV,
    channel_title: 'Google for Developers',
    published_at: '2023-01-10T09:00:00Z',
    item_count: 12,
    thumbnail: 'https://i.ytimg.com/vi/PL1/hqdefault.jpg',
  });
});

test('list_channel_playlists resolves an @handle to the channel id first (one more unit)', async (t) => {
  const fake = await fakeYouTube(t, { channels: [devs], playlists: [playlist('PL1', GOOGLE_DEV)] });
  const client = await connect(youtube, { credentials });

  const result = await client.callTool({
    name: 'list_channel_playlists',
    arguments: { channel_id: 'https://www.youtube.com/@GoogleDevelopers/playlists', max_results: 5 },
  });

  assert.equal(result.isError, undefined, text(result));
  assert.deepEqual(calls(fake), [
    [`GET ${API}/channels`, { part: 'id', forHandle: '@GoogleDevelopers' }, BEARER],
    [
      `GET ${API}/playlists`,
      { part: 'snippet,contentDetails', channelId: GOOGLE_DEV, maxResults: '5' },
      BEARER,
    ],
  ]);
  assert.equal((result.structuredContent as { channel_id: string }).channel_id, GOOGLE_DEV);
});

test('list_channel_playlists of an unknown channel (404 channelNotFound) names the channel', async (t) => {
  await fakeYouTube(t, { channels: [devs] });
  const client = await connect(youtube, { credentials });

  const result = await client.callTool({
    name: 'list_channel_playlists',
    arguments: { channel_id: 'UCnobodynobodynobody1234' },
  });

  assert.equal(text(result), 'Channel not found: UCnobodynobodynobody1234');
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connect, text } from '../../../testing/mcp.js';
import { only, query } from '../../gmail/test/google-fake.js';
import youtube from '../index.js';
import { API, fakeYouTube, playlist, playlistItem } from './fake-youtube.js';

const credentials = { access_token: 'ya29.youtube' };
const PL = 'PL590L5WQmH8fJ54F369BLDSqIwcs-TCfs';

test('get_playlist_details asks playlists.list by id with snippet, status and contentDetails', async (t) => {
  const fake = await fakeYouTube(t, { playlists: [playlist(PL, 'UC_x5XG1OV2P6uZZ5FSM9Ttw', 7)] });
  const client = await connect(youtube, { credentials });

  const result = await client.callTool({
    name: 'get_playlist_details',
    arguments: { playlist_id: `https://www.youtube.com/playlist?list=${PL}` },
  });

  assert.equal(result.isError, undefined, text(result));
  const req = only(fake, 'GET', `${API}/playlists`);
  assert.equal(req.headers.authorization, 'Bearer ya29.youtube');
  assert.deepEqual(query(req), {
    part: 'snippet,status,contentDetails',
    id: PL,
  });
  assert.deepEqual(result.structuredContent, {
    id: PL,
    url: `https://www.youtube.com/playlist?list=${PL}`,
    title: `Playlist ${PL}`,
    description: `Everything about ${PL}`,
    channel_id: 'UC_x5XG1OV2P6uZZ5FSM9Ttw',
    channel_title: 'Google for Developers',
    published_at: '2023-01-10T09:00:00Z',
    item_count: 7,
    privacy_status: 'public',
    thumbnail: `https://i.ytimg.com/vi/${PL}/hqdefault.jpg`,
  });
});

test('get_playlist_details of an unknown playlist names it', async (t) => {
  await fakeYouTube(t, { playlists: [] });
  const client = await connect(youtube, { credentials });

  const result = await client.callTool({
    name: 'get_playlist_details',
    arguments: { playlist_id: 'PLnope' },
  });

  assert.equal(text(result), 'Playlist not found: PLnope');
});

test('list_playlist_items follows nextPageToken over three pages until the playlist ends', async (t) => {
  const items = [0, 1, 2, 3, 4].map((i) => playlistItem(PL, `v${i}`, i));
  const fake = await fakeYouTube(t, { playlistItems: { [PL]: items }, pageSize: 2 });
  const client = await connect(youtube, { credentials });

  const result = await client.callTool({
    name: 'list_playlist_items',
    arguments: { playlist_id: PL, max_results: 200, full: true },
  });

  assert.equal(result.isError, undefined, text(result));
  assert.ok(fake.requests.every((r) => r.headers.authorization === 'Bearer ya29.youtube'));
  assert.deepEqual(
    fake.requests.map((r) => [r.path, query(r)]),
    [
      [`${API}/playlistItems`, { part: 'snippet,contentDetails', playlistId: PL, maxResults: '50' }],
      [
        `${API}/playlistItems`,
        { part: 'snippet,contentDetails', playlistId: PL, maxResults: '50', pageToken: 'CAUQ2' },
      ],
      [
        `${API}/playlistItems`,
        { part: 'snippet,contentDetails', playlistId: PL, maxResults: '50', pageToken: 'CAUQ4' },
      ],
    ],
  );
  const data = result.structuredContent as {
    count: number;
    more: boolean;
    items: { video_id: string; position: number }[];
    raw: { kind: string }[];
  };
  assert.equal(data.count, 5);
  assert.equal(data.more, false);
  assert.deepEqual(
    data.items.map((i) => [i.video_id, i.position]),
    [
      ['v0', 0],
      ['v1', 1],
      ['v2', 2],
      ['v3', 3],
      ['v4', 4],
    ],
  );
  assert.deepEqual(
    data.raw.map((r) => r.kind),
    Array(5).fill('youtube#playlistItem'),
  );
});

test('list_playlist_items cuts long descriptions, keeping the start', async (t) => {
  const long = playlistItem(PL, 'v0', 0);
  if (long.snippet) long.snippet.description = 'x'.repeat(1000);
  await fakeYouTube(t, { playlistItems: { [PL]: [long] } });
  const client = await connect(youtube, { credentials });

  const result = await client.callTool({ name: 'list_playlist_items', arguments: { playlist_id: PL } });

  const [item] = (result.structuredContent as { items: { description: string }[] }).items;
  assert.equal(item?.description, `${'x'.repeat(300)}…`);
});

test('list_playlist_items of an unknown playlist (404 playlistNotFound) names it', async (t) => {
  await fakeYouTube(t, { playlistItems: {} });
  const client = await connect(youtube, { credentials });

  const result = await client.callTool({ name: 'list_playlist_items', arguments: { playlist_id: 'PLgone' } });

  assert.equal(result.isError, true);
  assert.equal(text(result), 'Playlist not found: PLgone');
});

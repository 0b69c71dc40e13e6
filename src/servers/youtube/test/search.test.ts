import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connect, text } from '../../../testing/mcp.js';
import { only, query } from '../../gmail/test/google-fake.js';
import youtube from '../index.js';
import { API, fakeYouTube, searchResult } from './fake-youtube.js';

const credentials = { access_token: 'ya29.youtube' };
const results = ['s1', 's2', 's3'].map((id) => searchResult(id, `MCP talk ${id}`));

test('search_videos asks search.list for videos with part snippet, 25 by default, and gives the next page token', async (t) => {
  const fake = await fakeYouTube(t, { search: results, pageSize: 2 });
  const client = await connect(youtube, { credentials });

  const result = await client.callTool({
    name: 'search_videos',
    arguments: { query: 'model context protocol' },
  });

  assert.equal(result.isError, undefined, text(result));
  const req = only(fake, 'GET', `${API}/search`);
  assert.equal(req.headers.authorization, 'Bearer ya29.youtube');
  assert.deepEqual(query(req), {
    part: 'snippet',
    type: 'video',
    q: 'model context protocol',
    maxResults: '25',
  });
  assert.deepEqual(result.structuredContent, {
    query: 'model context protocol',
    count: 2,
    total_results: 1000000,
    next_page_token: 'CAUQ2',
    videos: [
      {
        video_id: 's1',
        url: 'https://www.youtube.com/watch?v=s1',
        title: 'MCP talk s1',
        description: 'About MCP talk s1',
        channel_id: 'UC_x5XG1OV2P6uZZ5FSM9Ttw',
        channel_title: 'Google for Developers',
        published_at: '2024-03-01T17:00:06Z',
        thumbnail: 'https://i.ytimg.com/vi/s1/hqdefault.jpg',
        live_broadcast_content: 'none',
      },
      {
        video_id: 's2',
        url: 'https://www.youtube.com/watch?v=s2',
        title: 'MCP talk s2',
        description: 'About MCP talk s2',
        channel_id: 'UC_x5XG1OV2P6uZZ5FSM9Ttw',
        channel_title: 'Google for Developers',
        published_at: '2024-03-01T17:00:06Z',
        thumbnail: 'https://i.ytimg.com/vi/s2/hqdefault.jpg',
        live_broadcast_content: 'none',
      },
    ],
  });
});

test('search_videos fetches one page per call (100 units each): page_token asks for the next', async (t) => {
  const fake = await fakeYouTube(t, { search: results, pageSize: 2 });
  const client = await connect(youtube, { credentials });

  const result = await client.callTool({
    name: 'search_videos',
    arguments: { query: 'mcp', max_results: 2, page_token: 'CAUQ2' },
  });

  assert.equal(result.isError, undefined, text(result));
  assert.deepEqual(query(only(fake, 'GET', `${API}/search`)), {
    part: 'snippet',
    type: 'video',
    q: 'mcp',
    maxResults: '2',
    pageToken: 'CAUQ2',
  });
  const data = result.structuredContent as {
    count: number;
    next_page_token?: string;
    videos: { video_id: string }[];
  };
  assert.deepEqual(
    data.videos.map((v) => v.video_id),
    ['s3'],
  );
  assert.equal(data.next_page_token, undefined);
});

test('search_videos refuses more than 50 results a call, naming the argument', async (t) => {
  const fake = await fakeYouTube(t, { search: results });
  const client = await connect(youtube, { credentials });

  const result = await client.callTool({
    name: 'search_videos',
    arguments: { query: 'mcp', max_results: 51 },
  });

  assert.equal(result.isError, true);
  assert.match(text(result), /^Invalid arguments for tool search_videos: max_results: /);
  assert.equal(fake.requests.length, 0);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAnnotationKinds, assertCatalogTools, catalogServer } from '../../../testing/catalog.js';
import { connect } from '../../../testing/mcp.js';
import youtube from '../index.js';

const catalog = catalogServer('youtube');

/** Optional parameters this port adds to guMCP's (none is required). */
const EXTRAS: Record<string, string[]> = {
  get_video_details: ['full'],
  get_video_statistics: ['full'],
  search_videos: ['max_results', 'page_token', 'full'],
  get_channel_details: ['full'],
  get_channel_statistics: ['full'],
  list_channel_videos: ['max_results', 'full'],
  list_channel_playlists: ['max_results', 'full'],
  list_playlist_items: ['max_results', 'full'],
  get_playlist_details: ['full'],
};

test('youtube lists exactly the catalog tools, with its parameter names (and optional extras), required fields and output schemas', async () => {
  const client = await connect(youtube);
  const { tools } = await client.listTools();

  assertCatalogTools(tools, catalog.tools, EXTRAS);
});

test('every tool only reads, and is safe to repeat', async () => {
  const client = await connect(youtube);
  const { tools } = await client.listTools();

  assertAnnotationKinds(tools, {
    readOnly: Object.keys(catalog.tools),
    destructive: [],
    notIdempotent: [],
  });
});

test('every tool declares the catalog scope, and login asks for it at Google’s endpoints', () => {
  const [scope] = catalog.auth.scopes ?? [];
  assert.equal(scope, 'https://www.googleapis.com/auth/youtube.readonly');
  for (const [name, def] of Object.entries(youtube.tools)) assert.deepEqual(def.scopes, [scope], name);
  assert.ok(youtube.auth.kind === 'oauth2');
  assert.deepEqual(youtube.auth.scopes, [scope]);
  assert.equal(youtube.auth.provider.service, 'youtube');
  assert.equal(youtube.auth.provider.authorizeUrl, catalog.auth.authorizeUrl);
  assert.equal(youtube.auth.provider.tokenUrl, catalog.auth.tokenUrl);
});

test('every tool states its quota cost, search its 100 units', async () => {
  const client = await connect(youtube);
  const { tools } = await client.listTools();

  for (const { name, description } of tools) assert.match(description ?? '', /\d+ quota units?/, name);
  assert.match(tools.find((t) => t.name === 'search_videos')?.description ?? '', /100 quota units/);
});

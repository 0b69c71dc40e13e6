import { defineServer, type ServerDefinition } from '../../core/definition.js';
import { googleOAuth } from '../google-oauth.js';
import { YOUTUBE_SCOPE, YouTubeApi, type YouTubeOptions } from './api.js';
import { youtubeTools } from './tools.js';

/**
 * YouTube: read videos, channels, playlists and search results through the YouTube Data API v3.
 * `options` tunes the upstream client and the clock quota errors count from; tests pass small values.
 */
export function createYouTubeServer(options: YouTubeOptions = {}): ServerDefinition {
  return defineServer({
    id: 'youtube',
    name: 'YouTube',
    description:
      'Read YouTube: video details and statistics, channel details, statistics, uploads and playlists, ' +
      'playlist items, and video search.',
    auth: { kind: 'oauth2', provider: googleOAuth('youtube'), scopes: [YOUTUBE_SCOPE] },
    tools: youtubeTools((ctx) => new YouTubeApi(ctx, options)),
  });
}

export default createYouTubeServer();

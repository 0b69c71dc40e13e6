import { z } from 'zod';
import { reads } from '../../core/annotations.js';
import type { ToolContext } from '../../core/context.js';
import { type AnyToolDef, tool } from '../../core/definition.js';
import { NotFoundError } from '../../core/errors.js';
import { YOUTUBE_SCOPE, type YouTubeApi } from './api.js';
import { channelRef, playlistId, videoId } from './ids.js';
import {
  asRaw,
  channelDetails,
  channelStatistics,
  channelStats,
  playlist,
  playlistEntry,
  raw,
  rawList,
  searchEntry,
  summarizeChannel,
  summarizeItem,
  summarizePlaylist,
  summarizeSearchResult,
  summarizeVideo,
  videoDetails,
  videoStatistics,
  videoStats,
} from './shapes.js';

/**
 * Every tool only reads, through the YouTube Data API v3, and says what it costs of the project's
 * daily quota (10,000 units by default, reset at midnight Pacific Time).
 */

const scopes = [YOUTUBE_SCOPE];
const MAX_LIST = 200;
const DEFAULT_LIST = 25;
const MAX_SEARCH = 50;

const videoIdArg = z.string().min(1).describe('Video id (e.g. dQw4w9WgXcQ) or its YouTube URL');
const channelIdArg = z
  .string()
  .min(1)
  .describe('Channel id (UC...), @handle, or channel URL; a handle costs no extra unit except where noted');
const playlistIdArg = z.string().min(1).describe('Playlist id (PL..., UU...) or a URL with ?list=');
const full = z
  .boolean()
  .default(false)
  .describe('Also return the API resources as YouTube sent them, in raw (default false)');
const maxResults = (what: string) =>
  z
    .number()
    .int()
    .min(1)
    .max(MAX_LIST)
    .default(DEFAULT_LIST)
    .describe(
      `Most ${what} to return (default ${DEFAULT_LIST}, at most ${MAX_LIST}); pages of 50 are followed`,
    );
const listOutput = {
  count: z.number().int().describe('Entries returned'),
  more: z.boolean().describe('Whether more exist than were returned'),
};

/** The tools, given how a call reaches the API (so tests can tune timings and the clock). */
export function youtubeTools(api: (ctx: ToolContext) => YouTubeApi): Record<string, AnyToolDef> {
  return {
    get_video_details: tool({
      description:
        'Get a YouTube video: title, description, channel, tags, duration, definition and captions. ' +
        'Costs 1 quota unit (videos.list).',
      input: z.object({ video_id: videoIdArg, full }),
      output: videoDetails,
      annotations: { title: 'Video details', ...reads },
      scopes,
      async handler(args, ctx) {
        const video = await api(ctx).video(videoId(args.video_id), 'snippet,contentDetails');
        return { ...summarizeVideo(video), ...(args.full ? { raw: asRaw(video) } : {}) };
      },
    }),

    get_video_statistics: tool({
      description: 'Get a YouTube video’s view, like and comment counts. Costs 1 quota unit (videos.list).',
      input: z.object({ video_id: videoIdArg, full }),
      output: videoStatistics,
      annotations: { title: 'Video statistics', ...reads },
      scopes,
      async handler(args, ctx) {
        const video = await api(ctx).video(videoId(args.video_id), 'statistics');
        return { ...videoStats(video), ...(args.full ? { raw: asRaw(video) } : {}) };
      },
    }),

    search_videos: tool({
      description:
        'Search YouTube videos by keywords, most relevant first. Costs 100 quota units per call ' +
        '(search.list), a hundredth of the default daily quota: prefer the list tools when they serve.',
      input: z.object({
        query: z.string().min(1).describe('Search terms; YouTube supports - to exclude and | for OR'),
        max_results: z
          .number()
          .int()
          .min(1)
          .max(MAX_SEARCH)
          .default(DEFAULT_LIST)
          .describe(`Results on this page (default ${DEFAULT_LIST}, at most ${MAX_SEARCH})`),
        page_token: z
          .string()
          .min(1)
          .optional()
          .describe('next_page_token of a previous search, for the next page (another 100 units)'),
        full,
      }),
      output: z.object({
        query: z.string(),
        count: z.number().int().describe('Videos returned'),
        total_results: z.number().int().optional().describe('YouTube’s estimate of all matches'),
        next_page_token: z.string().optional().describe('Pass as page_token for more results'),
        videos: z.array(searchEntry),
        raw: rawList,
      }),
      annotations: { title: 'Search videos', ...reads },
      scopes,
      async handler(args, ctx) {
        const page = await api(ctx).searchVideos(args.query, args.max_results, args.page_token);
        const items = (page.items ?? []).filter((r) => r.id.videoId);
        return {
          query: args.query,
          count: items.length,
          total_results: page.pageInfo?.totalResults,
          next_page_token: page.nextPageToken,
          videos: items.map(summarizeSearchResult),
          ...(args.full ? { raw: items.map(asRaw) } : {}),
        };
      },
    }),

    get_channel_details: tool({
      description:
        'Get a YouTube channel: name, description, handle, country, creation date and uploads playlist. ' +
        'Costs 1 quota unit (channels.list).',
      input: z.object({ channel_id: channelIdArg, full }),
      output: channelDetails,
      annotations: { title: 'Channel details', ...reads },
      scopes,
      async handler(args, ctx) {
        const channel = await api(ctx).channel(channelRef(args.channel_id), 'snippet,contentDetails');
        return { ...summarizeChannel(channel), ...(args.full ? { raw: asRaw(channel) } : {}) };
      },
    }),

    get_channel_statistics: tool({
      description:
        'Get a YouTube channel’s subscriber, view and video counts. Costs 1 quota unit (channels.list).',
      input: z.object({ channel_id: channelIdArg, full }),
      output: channelStatistics,
      annotations: { title: 'Channel statistics', ...reads },
      scopes,
      async handler(args, ctx) {
        const channel = await api(ctx).channel(channelRef(args.channel_id), 'statistics');
        return { ...channelStats(channel), ...(args.full ? { raw: asRaw(channel) } : {}) };
      },
    }),

    list_channel_videos: tool({
      description:
        'List a YouTube channel’s public uploads, newest first, through its uploads playlist. Costs ' +
        '1 quota unit (channels.list) plus 1 per page of 50 (playlistItems.list), not search’s 100.',
      input: z.object({ channel_id: channelIdArg, max_results: maxResults('videos'), full }),
      output: z.object({
        channel_id: z.string(),
        uploads_playlist_id: z.string().optional(),
        ...listOutput,
        videos: z.array(playlistEntry),
        raw: rawList,
      }),
      annotations: { title: 'Channel videos', ...reads },
      scopes,
      async handler(args, ctx) {
        const yt = api(ctx);
        const channel = await yt.channel(channelRef(args.channel_id), 'contentDetails');
        const uploads = channel.contentDetails?.relatedPlaylists?.uploads;
        const { items, more } = uploads
          ? await yt.playlistItems(uploads, args.max_results).catch(noUploads)
          : { items: [], more: false };
        return {
          channel_id: channel.id,
          uploads_playlist_id: uploads,
          count: items.length,
          more,
          videos: items.map(summarizeItem),
          ...(args.full ? { raw: items.map(asRaw) } : {}),
        };
      },
    }),

    list_channel_playlists: tool({
      description:
        'List a YouTube channel’s public playlists. Costs 1 quota unit per page of 50 (playlists.list), ' +
        'plus 1 when the channel is given by @handle or URL.',
      input: z.object({ channel_id: channelIdArg, max_results: maxResults('playlists'), full }),
      output: z.object({
        channel_id: z.string(),
        ...listOutput,
        playlists: z.array(playlist),
        raw: rawList,
      }),
      annotations: { title: 'Channel playlists', ...reads },
      scopes,
      async handler(args, ctx) {
        const yt = api(ctx);
        const ref = channelRef(args.channel_id);
        // playlists.list filters by channel id only: a handle is resolved first.
        const id = 'id' in ref ? ref.id : (await yt.channel(ref, 'id')).id;
        const { items, more } = await yt.channelPlaylists(id, args.max_results);
        return {
          channel_id: id,
          count: items.length,
          more,
          playlists: items.map((p) => summarizePlaylist(p, true)),
          ...(args.full ? { raw: items.map(asRaw) } : {}),
        };
      },
    }),

    list_playlist_items: tool({
      description:
        'List the videos in a YouTube playlist, in playlist order. Costs 1 quota unit per page of 50 ' +
        '(playlistItems.list).',
      input: z.object({ playlist_id: playlistIdArg, max_results: maxResults('videos'), full }),
      output: z.object({
        playlist_id: z.string(),
        ...listOutput,
        items: z.array(playlistEntry),
        raw: rawList,
      }),
      annotations: { title: 'Playlist items', ...reads },
      scopes,
      async handler(args, ctx) {
        const id = playlistId(args.playlist_id);
        const { items, more } = await api(ctx).playlistItems(id, args.max_results);
        return {
          playlist_id: id,
          count: items.length,
          more,
          items: items.map(summarizeItem),
          ...(args.full ? { raw: items.map(asRaw) } : {}),
        };
      },
    }),

    get_playlist_details: tool({
      description:
        'Get a YouTube playlist: title, description, owner channel, item count and privacy. ' +
        'Costs 1 quota unit (playlists.list).',
      input: z.object({ playlist_id: playlistIdArg, full }),
      output: playlist.extend({ raw }),
      annotations: { title: 'Playlist details', ...reads },
      scopes,
      async handler(args, ctx) {
        const found = await api(ctx).playlist(playlistId(args.playlist_id), 'snippet,status,contentDetails');
        return { ...summarizePlaylist(found), ...(args.full ? { raw: asRaw(found) } : {}) };
      },
    }),
  };
}

/** A channel without public uploads has an uploads playlist YouTube may answer 404 for: no videos. */
function noUploads(error: unknown): { items: never[]; more: boolean } {
  if (error instanceof NotFoundError) return { items: [], more: false };
  throw error;
}

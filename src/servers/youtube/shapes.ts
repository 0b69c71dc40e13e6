import { z } from 'zod';
import type {
  ChannelResource,
  PlaylistItemResource,
  PlaylistResource,
  SearchResult,
  Thumbnails,
  VideoResource,
} from './api.js';

/**
 * What the tools return: the fields of YouTube's resources a caller acts on, in snake_case, with
 * counts as numbers (the API sends strings) and links to the resource. `full: true` adds `raw`,
 * the resources as YouTube sent them.
 */

export type Raw = Record<string, unknown>;
const rawResource = z.record(z.string(), z.unknown());
export const raw = rawResource.optional().describe('The API resource as YouTube sent it (when full is true)');
export const rawList = z
  .array(rawResource)
  .optional()
  .describe('The API resources as YouTube sent them (when full is true)');
export const asRaw = (resource: object): Raw => resource as Raw;

/** Leaves out the fields YouTube did not send, rather than answering them as undefined. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const LIST_DESCRIPTION_CHARS = 300;

const thumbnail = (t: Thumbnails | undefined): string | undefined =>
  (t?.high ?? t?.medium ?? t?.default)?.url;
const count = (value: string | undefined): number | undefined =>
  value === undefined || Number.isNaN(Number(value)) ? undefined : Number(value);
const clip = (text: string | undefined): string | undefined =>
  text && text.length > LIST_DESCRIPTION_CHARS ? `${text.slice(0, LIST_DESCRIPTION_CHARS)}…` : text;

export const watchUrl = (id: string): string => `https://www.youtube.com/watch?v=${id}`;
const channelUrl = (id: string) => `https://www.youtube.com/channel/${id}`;
const playlistUrl = (id: string) => `https://www.youtube.com/playlist?list=${id}`;

/** ISO 8601 durations as YouTube writes them (PT1H2M3S, P1DT2H, P0D for a live stream), in seconds. */
export function durationSeconds(iso: string | undefined): number | undefined {
  const m = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(iso ?? '');
  if (!m) return undefined;
  const [w, d, h, min, s] = m.slice(1).map((n) => Number(n ?? 0)) as [number, number, number, number, number];
  return (((w * 7 + d) * 24 + h) * 60 + min) * 60 + s;
}

const text = (what: string) => z.string().describe(what);
const optionalText = (what: string) => z.string().optional().describe(what);
const optionalCount = (what: string) => z.number().optional().describe(`${what} (absent when hidden)`);

export const videoDetails = z.object({
  id: text('Video id'),
  url: text('Watch page'),
  title: text('Title'),
  description: text('Full description'),
  channel_id: optionalText('Channel id'),
  channel_title: optionalText('Channel name'),
  published_at: optionalText('Publication time, RFC 3339'),
  tags: z.array(z.string()).optional().describe('Tags the uploader set'),
  category_id: optionalText('Video category id'),
  live_broadcast_content: optionalText('none, upcoming or live'),
  default_language: optionalText('Language of title and description'),
  duration: optionalText('Length, ISO 8601 (e.g. PT4M13S)'),
  duration_seconds: z.number().int().optional().describe('Length in seconds'),
  definition: optionalText('hd or sd'),
  dimension: optionalText('2d or 3d'),
  captions: z.boolean().optional().describe('Whether captions are available'),
  licensed_content: z.boolean().optional().describe('Whether the video is claimed licensed content'),
  thumbnail: optionalText('Thumbnail image URL'),
  raw,
});

export function summarizeVideo(v: VideoResource): z.input<typeof videoDetails> {
  const s = v.snippet ?? {};
  const c = v.contentDetails ?? {};
  return compact({
    id: v.id,
    url: watchUrl(v.id),
    title: s.title ?? '',
    description: s.description ?? '',
    channel_id: s.channelId,
    channel_title: s.channelTitle,
    published_at: s.publishedAt,
    tags: s.tags,
    category_id: s.categoryId,
    live_broadcast_content: s.liveBroadcastContent,
    default_language: s.defaultLanguage ?? s.defaultAudioLanguage,
    duration: c.duration,
    duration_seconds: durationSeconds(c.duration),
    definition: c.definition,
    dimension: c.dimension,
    captions: c.caption === undefined ? undefined : c.caption === 'true',
    licensed_content: c.licensedContent,
    thumbnail: thumbnail(s.thumbnails),
  });
}

export const videoStatistics = z.object({
  video_id: text('Video id'),
  url: text('Watch page'),
  view_count: optionalCount('Views'),
  like_count: optionalCount('Likes'),
  comment_count: optionalCount('Comments'),
  favorite_count: optionalCount('Favorites (always 0 since YouTube retired favorites)'),
  raw,
});

export function videoStats(v: VideoResource): z.input<typeof videoStatistics> {
  const s = v.statistics ?? {};
  return compact({
    video_id: v.id,
    url: watchUrl(v.id),
    view_count: count(s.viewCount),
    like_count: count(s.likeCount),
    comment_count: count(s.commentCount),
    favorite_count: count(s.favoriteCount),
  });
}

export const channelDetails = z.object({
  id: text('Channel id'),
  url: text('Channel page'),
  title: text('Channel name'),
  description: text('Channel description'),
  custom_url: optionalText('The channel’s @handle or custom URL'),
  published_at: optionalText('Creation time, RFC 3339'),
  country: optionalText('Country the channel is associated with'),
  thumbnail: optionalText('Avatar image URL'),
  uploads_playlist_id: optionalText('Playlist of the channel’s uploads (for list_playlist_items)'),
  raw,
});

export function summarizeChannel(c: ChannelResource): z.input<typeof channelDetails> {
  const s = c.snippet ?? {};
  return compact({
    id: c.id,
    url: channelUrl(c.id),
    title: s.title ?? '',
    description: s.description ?? '',
    custom_url: s.customUrl,
    published_at: s.publishedAt,
    country: s.country,
    thumbnail: thumbnail(s.thumbnails),
    uploads_playlist_id: c.contentDetails?.relatedPlaylists?.uploads,
  });
}

export const channelStatistics = z.object({
  channel_id: text('Channel id'),
  url: text('Channel page'),
  view_count: optionalCount('Views of all its videos'),
  subscriber_count: optionalCount('Subscribers, rounded down to three significant figures by YouTube'),
  hidden_subscriber_count: z.boolean().describe('Whether the owner hides the subscriber count'),
  video_count: optionalCount('Public videos'),
  raw,
});

export function channelStats(c: ChannelResource): z.input<typeof channelStatistics> {
  const s = c.statistics ?? {};
  return compact({
    channel_id: c.id,
    url: channelUrl(c.id),
    view_count: count(s.viewCount),
    subscriber_count: s.hiddenSubscriberCount ? undefined : count(s.subscriberCount),
    hidden_subscriber_count: s.hiddenSubscriberCount ?? false,
    video_count: count(s.videoCount),
  });
}

export const playlist = z.object({
  id: text('Playlist id'),
  url: text('Playlist page'),
  title: text('Title'),
  description: text('Description'),
  channel_id: optionalText('Owner channel id'),
  channel_title: optionalText('Owner channel name'),
  published_at: optionalText('Creation time, RFC 3339'),
  item_count: z.number().int().optional().describe('Number of items'),
  privacy_status: optionalText('public, unlisted or private'),
  thumbnail: optionalText('Thumbnail image URL'),
});

export function summarizePlaylist(p: PlaylistResource, clipped = false): z.input<typeof playlist> {
  const s = p.snippet ?? {};
  return compact({
    id: p.id,
    url: playlistUrl(p.id),
    title: s.title ?? '',
    description: (clipped ? clip(s.description) : s.description) ?? '',
    channel_id: s.channelId,
    channel_title: s.channelTitle,
    published_at: s.publishedAt,
    item_count: p.contentDetails?.itemCount,
    privacy_status: p.status?.privacyStatus,
    thumbnail: thumbnail(s.thumbnails),
  });
}

/** A video in a list (search results, uploads, playlist items). */
export const videoEntry = z.object({
  video_id: text('Video id (for get_video_details)'),
  url: text('Watch page'),
  title: text('Title'),
  description: text(`Description, cut at ${LIST_DESCRIPTION_CHARS} characters`),
  channel_id: optionalText('Channel id of the video'),
  channel_title: optionalText('Channel name of the video'),
  published_at: optionalText('Publication time of the video, RFC 3339'),
  thumbnail: optionalText('Thumbnail image URL'),
});

export const playlistEntry = videoEntry.extend({
  position: z.number().int().optional().describe('Position in the playlist, from 0'),
  added_at: optionalText('When the video was added to the playlist, RFC 3339'),
});

export const searchEntry = videoEntry.extend({
  live_broadcast_content: optionalText('none, upcoming or live'),
});

export function summarizeItem(i: PlaylistItemResource): z.input<typeof playlistEntry> {
  const s = i.snippet ?? {};
  const id = i.contentDetails?.videoId ?? s.resourceId?.videoId ?? '';
  return compact({
    video_id: id,
    url: watchUrl(id),
    title: s.title ?? '',
    description: clip(s.description) ?? '',
    channel_id: s.videoOwnerChannelId,
    channel_title: s.videoOwnerChannelTitle,
    published_at: i.contentDetails?.videoPublishedAt,
    thumbnail: thumbnail(s.thumbnails),
    position: s.position,
    added_at: s.publishedAt,
  });
}

export function summarizeSearchResult(r: SearchResult): z.input<typeof searchEntry> {
  const s = r.snippet ?? {};
  const id = r.id.videoId ?? '';
  return compact({
    video_id: id,
    url: watchUrl(id),
    title: s.title ?? '',
    description: clip(s.description) ?? '',
    channel_id: s.channelId,
    channel_title: s.channelTitle,
    published_at: s.publishedAt,
    thumbnail: thumbnail(s.thumbnails),
    live_broadcast_content: s.liveBroadcastContent,
  });
}

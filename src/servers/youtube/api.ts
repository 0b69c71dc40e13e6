import type { ToolContext } from '../../core/context.js';
import { AuthRequiredError, MissingScopeError, NotFoundError } from '../../core/errors.js';
import {
  type Query,
  serviceUrl,
  UpstreamClient,
  UpstreamError,
  type UpstreamOptions,
} from '../../upstream/client.js';
import { collectPages, orNotFound } from '../google-api.js';
import { QUOTA_REASONS, quotaError } from './quota.js';

/** The one scope guMCP's youtube server asks for: read the user's and public YouTube data. */
export const YOUTUBE_SCOPE = 'https://www.googleapis.com/auth/youtube.readonly';

const SERVER_ID = 'youtube';
const SERVICE = 'YouTube';

/** Shapes of the YouTube Data API v3 resources the tools read (developers.google.com/youtube/v3/docs). */
export interface Thumbnail {
  url: string;
  width?: number;
  height?: number;
}
export type Thumbnails = Partial<Record<'default' | 'medium' | 'high' | 'standard' | 'maxres', Thumbnail>>;

interface Snippet {
  publishedAt?: string;
  channelId?: string;
  title?: string;
  description?: string;
  thumbnails?: Thumbnails;
  channelTitle?: string;
}

export interface VideoResource {
  id: string;
  snippet?: Snippet & {
    tags?: string[];
    categoryId?: string;
    liveBroadcastContent?: string;
    defaultLanguage?: string;
    defaultAudioLanguage?: string;
  };
  contentDetails?: {
    duration?: string;
    dimension?: string;
    definition?: string;
    caption?: string;
    licensedContent?: boolean;
  };
  /** Counts are strings (unsigned long); a count the owner hides is absent. */
  statistics?: { viewCount?: string; likeCount?: string; favoriteCount?: string; commentCount?: string };
}

export interface ChannelResource {
  id: string;
  snippet?: Omit<Snippet, 'channelId' | 'channelTitle'> & { customUrl?: string; country?: string };
  contentDetails?: { relatedPlaylists?: { uploads?: string; likes?: string } };
  statistics?: {
    viewCount?: string;
    subscriberCount?: string;
    hiddenSubscriberCount?: boolean;
    videoCount?: string;
  };
}

export interface PlaylistResource {
  id: string;
  snippet?: Snippet;
  status?: { privacyStatus?: string };
  contentDetails?: { itemCount?: number };
}

export interface PlaylistItemResource {
  id: string;
  snippet?: Snippet & {
    videoOwnerChannelTitle?: string;
    videoOwnerChannelId?: string;
    playlistId?: string;
    position?: number;
    resourceId?: { kind?: string; videoId?: string };
  };
  contentDetails?: { videoId?: string; videoPublishedAt?: string };
}

export interface SearchResult {
  id: { kind?: string; videoId?: string; channelId?: string; playlistId?: string };
  snippet?: Snippet & { liveBroadcastContent?: string };
}

/** Every list method answers this envelope. */
export interface ListResponse<T> {
  items?: T[];
  nextPageToken?: string;
  pageInfo?: { totalResults?: number; resultsPerPage?: number };
}

/** A channel named by its id (UC...) or by its @handle. */
export type ChannelRef = { id: string } | { handle: string };

export const channelName = (ref: ChannelRef): string => ('id' in ref ? ref.id : ref.handle);

/** Google's JSON error body: `{ error: { code, message, errors: [{ domain, reason, message }] } }`. */
interface GoogleErrorBody {
  error?: { message?: string; status?: string; errors?: { reason?: string }[] };
}

const SCOPE_REASONS = new Set(['insufficientPermissions', 'ACCESS_TOKEN_SCOPE_INSUFFICIENT']);

/** Timing knobs of the upstream client, and the clock quota errors count from. */
export interface YouTubeOptions
  extends Pick<UpstreamOptions, 'timeoutMs' | 'retries' | 'backoffMs' | 'maxRetryAfterMs'> {
  now?: () => Date;
}

/** The largest page any list method answers. */
const MAX_PAGE = 50;

/**
 * The calls the tools make to the YouTube Data API v3, for one tool call. `part` is required by every
 * list method and says which groups of fields come back; each list call costs 1 unit, search 100.
 */
export class YouTubeApi {
  readonly #client: UpstreamClient;
  readonly #signal: AbortSignal;

  constructor(ctx: ToolContext, options: YouTubeOptions = {}) {
    const { now = () => new Date(), ...timing } = options;
    this.#signal = ctx.signal;
    this.#client = new UpstreamClient({
      // An option given as undefined must not override the client's default.
      ...Object.fromEntries(Object.entries(timing).filter(([, value]) => value !== undefined)),
      service: SERVICE,
      serverId: SERVER_ID,
      baseUrl: serviceUrl(SERVER_ID, 'https://youtube.googleapis.com/youtube/v3'),
      log: ctx.log,
      auth: async () => ({ authorization: `Bearer ${String((await ctx.credentials()).access_token ?? '')}` }),
      mapError: (status, body) => mapYouTubeError(status, body as GoogleErrorBody | undefined, now),
    });
  }

  /** One video (videos.list by id); YouTube answers an empty list for an unknown id. */
  video(id: string, part: string): Promise<VideoResource> {
    return this.#one('Video', id, 'videos', { part, id });
  }

  channel(ref: ChannelRef, part: string): Promise<ChannelResource> {
    const filter = 'id' in ref ? { id: ref.id } : { forHandle: ref.handle };
    return this.#one('Channel', channelName(ref), 'channels', { part, ...filter });
  }

  playlist(id: string, part: string): Promise<PlaylistResource> {
    return this.#one('Playlist', id, 'playlists', { part, id });
  }

  /** Items of a playlist in order, up to `limit`; 404 playlistNotFound names the playlist. */
  playlistItems(
    playlistId: string,
    limit: number,
  ): Promise<{ items: PlaylistItemResource[]; more: boolean }> {
    return orNotFound(
      'Playlist',
      playlistId,
      this.#pages<PlaylistItemResource>(
        'playlistItems',
        { part: 'snippet,contentDetails', playlistId },
        limit,
      ),
    );
  }

  /** A channel's public playlists, up to `limit`; 404 channelNotFound names the channel. */
  channelPlaylists(channelId: string, limit: number): Promise<{ items: PlaylistResource[]; more: boolean }> {
    return orNotFound(
      'Channel',
      channelId,
      this.#pages<PlaylistResource>('playlists', { part: 'snippet,contentDetails', channelId }, limit),
    );
  }

  /** One page of videos matching `q` (search.list, 100 units whatever the page size). */
  searchVideos(q: string, maxResults: number, pageToken?: string): Promise<ListResponse<SearchResult>> {
    return this.#client.get<ListResponse<SearchResult>>(
      'search',
      { part: 'snippet', type: 'video', q, maxResults, pageToken },
      this.#signal,
    );
  }

  async #one<T>(what: string, id: string, path: string, query: Query): Promise<T> {
    const page = await orNotFound(what, id, this.#client.get<ListResponse<T>>(path, query, this.#signal));
    const item = page.items?.[0];
    if (!item) throw new NotFoundError(what, id);
    return item;
  }

  #pages<T>(path: string, query: Query, limit: number): Promise<{ items: T[]; more: boolean }> {
    return collectPages<T>(limit, MAX_PAGE, async (pageToken, maxResults) => {
      const page = await this.#client.get<ListResponse<T>>(
        path,
        { ...query, maxResults, pageToken },
        this.#signal,
      );
      return { items: page.items ?? [], nextPageToken: page.nextPageToken };
    });
  }
}

/** YouTube's messages carry HTML links ("exceeded your <a href=...>quota</a>"); keep the words. */
const plain = (message: string): string => message.replace(/<[^>]*>/g, '').trim();

/**
 * Google's error body to a tool error: an exhausted quota (not retried, with the reset time), an
 * expired token, a missing scope, or YouTube's own message for the other client errors.
 */
export function mapYouTubeError(
  status: number,
  body: GoogleErrorBody | undefined,
  now: () => Date,
): UpstreamError | AuthRequiredError | MissingScopeError | undefined {
  const error = body?.error;
  const reasons = (error?.errors ?? []).map((e) => e.reason ?? '');
  const quota = reasons.find((r) => QUOTA_REASONS.has(r));
  if (status === 403 && quota) return quotaError(quota, now());
  if (status === 401) return new AuthRequiredError(SERVER_ID, `${SERVICE} rejected the stored token`);
  if (status === 403 && [error?.status, ...reasons].some((r) => r && SCOPE_REASONS.has(r))) {
    return new MissingScopeError(YOUTUBE_SCOPE);
  }
  if (error?.message && status < 500 && status !== 429) {
    return new UpstreamError(
      `${SERVICE} rejected the request (HTTP ${status}): ${plain(error.message)}`,
      status,
    );
  }
  return undefined;
}

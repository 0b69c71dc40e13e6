import type { TestContext } from 'node:test';
import type { FakeReply, FakeService, RecordedRequest } from '../../../testing/fake-service.js';
import { googleError, startGoogleFake } from '../../gmail/test/google-fake.js';
import type {
  ChannelResource,
  PlaylistItemResource,
  PlaylistResource,
  SearchResult,
  VideoResource,
} from '../api.js';

/**
 * A fake YouTube Data API v3 (developers.google.com/youtube/v3/docs) answering videos.list,
 * channels.list (by id or forHandle), playlists.list (by id or channelId), playlistItems.list and
 * search.list with the documented envelopes. Like the real API it insists on `part` and returns only
 * the parts asked for, so a test sees which parts a tool requested.
 */

export const API = '/youtube/v3';

const thumbnails = (id: string) => ({
  default: { url: `https://i.ytimg.com/vi/${id}/default.jpg`, width: 120, height: 90 },
  medium: { url: `https://i.ytimg.com/vi/${id}/mqdefault.jpg`, width: 320, height: 180 },
  high: { url: `https://i.ytimg.com/vi/${id}/hqdefault.jpg`, width: 480, height: 360 },
});

export function video(id: string, title = `Video ${id}`): VideoResource & Record<string, unknown> {
  return {
    id,
    snippet: {
      publishedAt: '2024-03-01T17:00:06Z',
      channelId: 'UC_x5XG1OV2P6uZZ5FSM9Ttw',
      title,
      description: `About ${title}`,
      thumbnails: thumbnails(id),
      channelTitle: 'Google for Developers',
      tags: ['google', 'developers'],
      categoryId: '28',
      liveBroadcastContent: 'none',
      defaultAudioLanguage: 'en',
    },
    contentDetails: {
      duration: 'PT1H2M3S',
      dimension: '2d',
      definition: 'hd',
      caption: 'true',
      licensedContent: false,
      contentRating: {},
      projection: 'rectangular',
    } as VideoResource['contentDetails'],
    statistics: { viewCount: '1234567', likeCount: '8901', favoriteCount: '0', commentCount: '234' },
  };
}

export function channel(
  id: string,
  handle: string,
  stats: ChannelResource['statistics'] = {},
): ChannelResource & Record<string, unknown> {
  return {
    id,
    snippet: {
      title: `Channel ${handle}`,
      description: `The ${handle} channel`,
      customUrl: handle.toLowerCase(),
      publishedAt: '2007-08-23T00:34:43Z',
      thumbnails: thumbnails(id),
      country: 'US',
    },
    contentDetails: { relatedPlaylists: { likes: '', uploads: `UU${id.slice(2)}` } },
    statistics: {
      viewCount: '250000000',
      subscriberCount: '2500000',
      hiddenSubscriberCount: false,
      videoCount: '6000',
      ...stats,
    },
  };
}

export function playlist(
  id: string,
  channelId: string,
  itemCount = 3,
): PlaylistResource & Record<string, unknown> {
  return {
    id,
    snippet: {
      publishedAt: '2023-01-10T09:00:00Z',
      channelId,
      title: `Playlist ${id}`,
      description: `Everything about ${id}`,
      thumbnails: thumbnails(id),
      channelTitle: 'Google for Developers',
    },
    status: { privacyStatus: 'public' },
    contentDetails: { itemCount },
  };
}

export function playlistItem(
  playlistId: string,
  videoId: string,
  position: number,
): PlaylistItemResource & Record<string, unknown> {
  return {
    id: `${playlistId}.${videoId}`,
    snippet: {
      publishedAt: '2024-03-02T10:00:00Z',
      channelId: 'UC_x5XG1OV2P6uZZ5FSM9Ttw',
      title: `Video ${videoId}`,
      description: `About video ${videoId}`,
      thumbnails: thumbnails(videoId),
      channelTitle: 'Google for Developers',
      playlistId,
      position,
      resourceId: { kind: 'youtube#video', videoId },
      videoOwnerChannelTitle: 'Google for Developers',
      videoOwnerChannelId: 'UC_x5XG1OV2P6uZZ5FSM9Ttw',
    },
    contentDetails: { videoId, videoPublishedAt: '2024-03-01T17:00:06Z' },
  };
}

export function searchResult(
  videoId: string,
  title = `Video ${videoId}`,
): SearchResult & Record<string, unknown> {
  return {
    id: { kind: 'youtube#video', videoId },
    snippet: {
      publishedAt: '2024-03-01T17:00:06Z',
      channelId: 'UC_x5XG1OV2P6uZZ5FSM9Ttw',
      title,
      description: `About ${title}`,
      thumbnails: thumbnails(videoId),
      channelTitle: 'Google for Developers',
      liveBroadcastContent: 'none',
      publishTime: '2024-03-01T17:00:06Z',
    } as SearchResult['snippet'],
  };
}

export interface FakeYouTubeData {
  videos?: VideoResource[];
  channels?: ChannelResource[];
  playlists?: PlaylistResource[];
  /** Items by playlist id; a playlist id absent here answers 404 playlistNotFound. */
  playlistItems?: Record<string, PlaylistItemResource[]>;
  search?: SearchResult[];
  /** Largest page the list methods answer, to make tests cross pages. */
  pageSize?: number;
}

/** YouTube's documented error bodies. */
export const YOUTUBE_ERRORS = {
  quotaExceeded: googleError(
    403,
    'The request cannot be completed because you have exceeded your <a href="/youtube/v3/getting-started#quota">quota</a>.',
    'quotaExceeded',
  ),
  dailyLimitExceeded: googleError(403, 'Daily Limit Exceeded', 'dailyLimitExceeded'),
  playlistNotFound: googleError(
    404,
    "The playlist identified with the request's <code>playlistId</code> parameter cannot be found.",
    'playlistNotFound',
  ),
  channelNotFound: googleError(
    404,
    'The channel specified by the <code>channelId</code> parameter cannot be found.',
    'channelNotFound',
  ),
  missingPart: {
    error: {
      code: 400,
      message: 'Required parameter: part',
      errors: [
        {
          message: 'Required parameter: part',
          domain: 'global',
          reason: 'required',
          location: 'part',
          locationType: 'parameter',
        },
      ],
    },
  },
};

const KINDS: Record<string, string> = {
  videos: 'youtube#video',
  channels: 'youtube#channel',
  playlists: 'youtube#playlist',
  playlistItems: 'youtube#playlistItem',
};

/** A resource cut to the parts asked for, as the API answers. */
function withParts(resource: { id: unknown }, part: string, kind: string): Record<string, unknown> {
  const parts = new Set(part.split(','));
  return {
    kind,
    etag: `etag-${String(resource.id)}`,
    id: resource.id,
    ...Object.fromEntries(Object.entries(resource).filter(([key]) => key !== 'id' && parts.has(key))),
  };
}

/** Cuts `items` into pages at offsets, with opaque-looking tokens. */
function page<T>(items: readonly T[], req: RecordedRequest, pageSize: number) {
  const size = Math.min(Number(req.query.get('maxResults') ?? 5), pageSize);
  const start = Number(req.query.get('pageToken')?.replace('CAUQ', '') ?? 0);
  const next = start + size < items.length ? { nextPageToken: `CAUQ${start + size}` } : {};
  return {
    ...next,
    pageInfo: { totalResults: items.length, resultsPerPage: size },
    items: items.slice(start, start + size),
  };
}

/** Starts the fake and points the youtube server at it for the duration of the test. */
export async function fakeYouTube(t: TestContext, data: FakeYouTubeData = {}): Promise<FakeService> {
  const fake = await startGoogleFake(t, 'youtube', API);
  const pageSize = data.pageSize ?? 50;
  const list = (
    resource: string,
    /** The list body, or an error reply (the only answers with a top-level status). */
    answer: (req: RecordedRequest, part: string) => FakeReply | Record<string, unknown>,
  ) =>
    fake.route(`GET ${API}/${resource}`, (req) => {
      const part = req.query.get('part');
      if (!part) return { status: 400, body: YOUTUBE_ERRORS.missingPart };
      const reply = answer(req, part);
      if ('status' in reply) return reply as FakeReply;
      const kind = `youtube#${resource === 'search' ? 'search' : resource.slice(0, -1)}ListResponse`;
      return { body: { kind, etag: `etag-${resource}`, ...reply } };
    });
  const byIds = <T extends { id: string }>(items: readonly T[] | undefined, ids: string | null) =>
    (items ?? []).filter((i) => (ids ?? '').split(',').includes(i.id));

  list('videos', (req, part) => {
    const found = byIds(data.videos, req.query.get('id')).map((v) => withParts(v, part, KINDS.videos ?? ''));
    return { pageInfo: { totalResults: found.length, resultsPerPage: found.length }, items: found };
  });

  list('channels', (req, part) => {
    const handle = req.query.get('forHandle')?.toLowerCase();
    const found = handle
      ? (data.channels ?? []).filter((c) => c.snippet?.customUrl === handle)
      : byIds(data.channels, req.query.get('id'));
    // Like YouTube, an unknown channel gives a response without items, not a 404.
    return found.length
      ? {
          pageInfo: { totalResults: found.length, resultsPerPage: 5 },
          items: found.map((c) => withParts(c, part, KINDS.channels ?? '')),
        }
      : { pageInfo: { totalResults: 0, resultsPerPage: 5 } };
  });

  list('playlists', (req, part) => {
    const channelId = req.query.get('channelId');
    if (channelId) {
      if (!(data.channels ?? []).some((c) => c.id === channelId)) {
        return { status: 404, body: YOUTUBE_ERRORS.channelNotFound };
      }
      const owned = (data.playlists ?? []).filter((p) => p.snippet?.channelId === channelId);
      const { items, ...rest } = page(owned, req, pageSize);
      return { ...rest, items: items.map((p) => withParts(p, part, KINDS.playlists ?? '')) };
    }
    const found = byIds(data.playlists, req.query.get('id'));
    return {
      pageInfo: { totalResults: found.length, resultsPerPage: 5 },
      items: found.map((p) => withParts(p, part, KINDS.playlists ?? '')),
    };
  });

  list('playlistItems', (req, part) => {
    const items = data.playlistItems?.[req.query.get('playlistId') ?? ''];
    if (!items) return { status: 404, body: YOUTUBE_ERRORS.playlistNotFound };
    const { items: cut, ...rest } = page(items, req, pageSize);
    return { ...rest, items: cut.map((i) => withParts(i, part, KINDS.playlistItems ?? '')) };
  });

  list('search', (req) => {
    const { items, ...rest } = page(data.search ?? [], req, pageSize);
    return {
      regionCode: 'US',
      ...rest,
      pageInfo: { totalResults: 1000000, resultsPerPage: rest.pageInfo.resultsPerPage },
      items: items.map((r) => ({ kind: 'youtube#searchResult', etag: `etag-${r.id.videoId}`, ...r })),
    };
  });

  return fake;
}

import { ToolError } from '../../core/errors.js';
import type { ChannelRef } from './api.js';

/**
 * What the tools accept where guMCP took bare ids: the id itself, or the YouTube URL a user copies
 * from the browser (watch?v=, youtu.be/, /shorts/, /channel/, /@handle, ?list=).
 */

const ID = /^[A-Za-z0-9_-]+$/;
const HANDLE = /^@[^\s/?#&]{3,100}$/u;
const YOUTUBE_HOSTS = new Set(['youtube.com', 'youtu.be', 'youtube-nocookie.com']);

const decoded = (path: string): string => {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
};

const shown = (value: string) => (value.length > 80 ? `${value.slice(0, 80)}…` : value);

/** A URL on a YouTube host, or undefined when `value` is not one. */
function youtubeUrl(value: string): URL | undefined {
  if (!/^(https?:\/\/)?([\w-]+\.)*(youtube\.com|youtu\.be|youtube-nocookie\.com)\//i.test(value)) return;
  try {
    const url = new URL(/^https?:\/\//i.test(value) ? value : `https://${value}`);
    const host = url.hostname.toLowerCase().replace(/^(www|m|music)\./, '');
    return YOUTUBE_HOSTS.has(host) ? url : undefined;
  } catch {
    return undefined;
  }
}

export function videoId(value: string): string {
  const v = value.trim();
  const url = youtubeUrl(v);
  const id = url
    ? url.hostname.endsWith('youtu.be')
      ? url.pathname.split('/')[1]
      : (url.searchParams.get('v') ?? /^\/(?:shorts|embed|live|v)\/([^/]+)/.exec(url.pathname)?.[1])
    : v;
  if (id && ID.test(id)) return id;
  throw new ToolError(
    `video_id must be a video id such as dQw4w9WgXcQ or a YouTube video URL, not "${shown(value)}"`,
  );
}

export function channelRef(value: string): ChannelRef {
  const v = value.trim();
  const url = youtubeUrl(v);
  const path = url ? decoded(url.pathname).split('/').filter(Boolean) : [];
  const candidate = url ? (path[0] === 'channel' ? path[1] : path[0]) : v;
  if (candidate && HANDLE.test(candidate)) return { handle: candidate };
  if (candidate && ID.test(candidate) && (!url || path[0] === 'channel')) return { id: candidate };
  throw new ToolError(
    `channel_id must be a channel id such as UC_x5XG1OV2P6uZZ5FSM9Ttw, an @handle or a channel URL, not "${shown(value)}"`,
  );
}

export function playlistId(value: string): string {
  const v = value.trim();
  const id = youtubeUrl(v)?.searchParams.get('list') ?? v;
  if (ID.test(id)) return id;
  throw new ToolError(
    `playlist_id must be a playlist id such as PL590L5WQmH8fJ54F369BLDSqIwcs-TCfs or a URL with ?list=, not "${shown(value)}"`,
  );
}

import type { Credentials, ToolContext } from '../../core/context.js';
import { AuthRequiredError } from '../../core/errors.js';
import {
  serviceUrl,
  UpstreamClient,
  type UpstreamOptions,
  type UpstreamRequest,
} from '../../upstream/client.js';
import { figmaError, type Subject } from './errors.js';
import type {
  ClientMeta,
  FigmaComment,
  FigmaFile,
  FigmaFileNodes,
  FigmaPagination,
  FigmaProject,
  FigmaProjectFile,
  FigmaReaction,
  FigmaUser,
  FigmaVersion,
} from './types.js';

export const FIGMA_API = 'https://api.figma.com/v1';

/** Figma's largest page of file versions. */
export const VERSIONS_PAGE_SIZE = 50;

/**
 * Timing knobs of the upstream client (timeouts, retries, backoff). Production uses the client's
 * defaults; tests pass tiny values through `createFigmaServer(tuning)`.
 */
export type ClientTuning = Pick<UpstreamOptions, 'timeoutMs' | 'retries' | 'backoffMs' | 'maxRetryAfterMs'>;

const enc = encodeURIComponent;
const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/**
 * The header that carries the user's Figma credential. An OAuth token (`access_token`, what
 * `gumcp auth figma` stores) goes in `Authorization: Bearer`; a personal access token stored by hand
 * as `personal_access_token` (or `api_key`) goes in `X-Figma-Token`, as Figma documents. With both,
 * the OAuth token wins: it is the one the host refreshes.
 */
export function figmaAuthHeaders(creds: Credentials): Record<string, string> {
  const token = text(creds.access_token);
  if (token) return { authorization: `Bearer ${token}` };
  const pat = text(creds.personal_access_token) ?? text(creds.api_key);
  if (pat) return { 'x-figma-token': pat };
  throw new AuthRequiredError(
    'figma',
    'the stored credentials hold no access token (nor a personal_access_token)',
  );
}

export interface PostCommentBody {
  message: string;
  /** The root comment this one replies to. */
  comment_id?: string;
  client_meta?: ClientMeta;
}

/** The cursor a pagination URL carries (`?cursor=` for reactions, `?before=` for versions). */
export function cursorOf(url: string | undefined, name: string): string | null {
  if (!url) return null;
  try {
    return new URL(url, FIGMA_API).searchParams.get(name);
  } catch {
    return null;
  }
}

/**
 * The Figma REST calls, one method per endpoint. Every request goes through UpstreamClient with the
 * user's credential; errors name the subject of the call and, for a missing scope, the scope of the
 * tool that made it.
 */
export class FigmaApi {
  readonly #ctx: Pick<ToolContext, 'credentials' | 'log' | 'signal'>;
  readonly #scope: string;
  readonly #tuning: ClientTuning;

  constructor(ctx: Pick<ToolContext, 'credentials' | 'log' | 'signal'>, scope: string, tuning: ClientTuning) {
    this.#ctx = ctx;
    this.#scope = scope;
    this.#tuning = tuning;
  }

  /** One request; the client is per request because its error mapping names this request's subject. */
  #call<T>(subject: Subject, path: string, req: UpstreamRequest = {}): Promise<T> {
    const client = new UpstreamClient({
      service: 'Figma',
      serverId: 'figma',
      baseUrl: serviceUrl('figma', FIGMA_API),
      log: this.#ctx.log,
      // Read on every request, so a token refreshed mid-session is used from the next request on.
      auth: async () => figmaAuthHeaders(await this.#ctx.credentials()),
      mapError: (status, body, headers) => figmaError(status, body, subject, this.#scope, headers),
      ...this.#tuning,
    });
    return client.request<T>(path, req, this.#ctx.signal);
  }

  getMe(): Promise<FigmaUser> {
    return this.#call({ what: 'User', id: 'the authenticated user' }, 'me');
  }

  /** The file with its tree cut at `depth` levels below the document (1 = pages only). */
  getFile(key: string, depth: number, version?: string): Promise<FigmaFile> {
    return this.#call(file(key), `files/${enc(key)}`, { query: { depth, version } });
  }

  /** Some nodes of a file with their subtrees cut at `depth` levels below each node. */
  getFileNodes(key: string, ids: string[], depth: number, version?: string): Promise<FigmaFileNodes> {
    return this.#call(file(key), `files/${enc(key)}/nodes`, {
      query: { ids: ids.join(','), depth, version },
    });
  }

  async getComments(key: string, asMarkdown: boolean): Promise<FigmaComment[]> {
    const query = asMarkdown ? { as_md: true } : {};
    const res = await this.#call<{ comments: FigmaComment[] }>(file(key), `files/${enc(key)}/comments`, {
      query,
    });
    return res.comments ?? [];
  }

  postComment(key: string, body: PostCommentBody): Promise<FigmaComment> {
    const subject = body.comment_id ? comment(key, body.comment_id) : file(key);
    return this.#call(subject, `files/${enc(key)}/comments`, { method: 'POST', body });
  }

  async deleteComment(key: string, commentId: string): Promise<void> {
    await this.#call(comment(key, commentId), `files/${enc(key)}/comments/${enc(commentId)}`, {
      method: 'DELETE',
    });
  }

  getReactionsPage(
    key: string,
    commentId: string,
    cursor?: string,
  ): Promise<{ reactions: FigmaReaction[]; pagination?: FigmaPagination }> {
    return this.#call(comment(key, commentId), reactionsPath(key, commentId), { query: { cursor } });
  }

  async postReaction(key: string, commentId: string, emoji: string): Promise<void> {
    await this.#call(comment(key, commentId), reactionsPath(key, commentId), {
      method: 'POST',
      body: { emoji },
    });
  }

  async deleteReaction(key: string, commentId: string, emoji: string): Promise<void> {
    await this.#call(comment(key, commentId), reactionsPath(key, commentId), {
      method: 'DELETE',
      query: { emoji },
    });
  }

  getTeamProjects(teamId: string): Promise<{ name: string; projects: FigmaProject[] }> {
    return this.#call({ what: 'Team', id: teamId }, `teams/${enc(teamId)}/projects`);
  }

  getProjectFiles(
    projectId: string,
    branchData: boolean,
  ): Promise<{ name: string; files: FigmaProjectFile[] }> {
    const query = branchData ? { branch_data: true } : {};
    return this.#call({ what: 'Project', id: projectId }, `projects/${enc(projectId)}/files`, { query });
  }

  getVersionsPage(
    key: string,
    pageSize: number,
    before?: string,
  ): Promise<{ versions: FigmaVersion[]; pagination?: FigmaPagination }> {
    return this.#call(file(key), `files/${enc(key)}/versions`, { query: { page_size: pageSize, before } });
  }
}

const file = (key: string): Subject => ({ what: 'File', id: key });
const comment = (key: string, id: string): Subject => ({ what: 'Comment', id: `${id} in file ${key}` });
const reactionsPath = (key: string, commentId: string) =>
  `files/${enc(key)}/comments/${enc(commentId)}/reactions`;

/** Makes the Figma client a tool uses; `scope` is the scope named if Figma says one is missing. */
export type ApiFactory = (
  ctx: Pick<ToolContext, 'credentials' | 'log' | 'signal'>,
  scope: string,
) => FigmaApi;

export function apiFactory(tuning: ClientTuning = {}): ApiFactory {
  return (ctx, scope) => new FigmaApi(ctx, scope, tuning);
}

import type { ToolContext } from '../../core/context.js';
import { AuthRequiredError } from '../../core/errors.js';
import {
  type Query,
  serviceUrl,
  UpstreamClient,
  type UpstreamOptions,
  type UpstreamRequest,
} from '../../upstream/client.js';
import { type Clock, realClock } from '../../util/clock.js';
import { clickupError, type Subject } from './errors.js';

const CLICKUP_API = 'https://api.clickup.com/api/v2';
/** ClickUp's rate limits count per minute, so a reset is at most a minute away. */
const MAX_RESET_WAIT_MS = 60_000;

/**
 * Timing knobs: the upstream client's retries, the longest wait for a rate limit to reset
 * (`maxRetryAfterMs`, a minute by default), and the clock. Tests pass tiny values and a virtual clock.
 */
export interface ClientTuning
  extends Pick<UpstreamOptions, 'timeoutMs' | 'retries' | 'backoffMs' | 'maxRetryAfterMs'> {
  clock?: Clock;
}

// Shapes of the API v2 objects this server reads (the fields it uses).

export interface CuUser {
  id: number;
  username: string | null;
  email?: string | null;
  color?: string | null;
  profilePicture?: string | null;
  initials?: string;
  timezone?: string;
}

export interface CuTeam {
  id: string;
  name: string;
  color?: string | null;
  avatar?: string | null;
  members?: { user: CuUser }[];
}

export interface CuStatus {
  status: string;
  type?: string;
  color?: string | null;
  orderindex?: number | string;
}

export interface CuSpace {
  id: string;
  name: string;
  private?: boolean;
  archived?: boolean;
  statuses?: CuStatus[];
  multiple_assignees?: boolean;
}

export interface CuRef {
  id: string;
  name?: string;
  hidden?: boolean;
  access?: boolean;
}

export interface CuList {
  id: string;
  name: string;
  content?: string;
  orderindex?: number;
  status?: { status: string; color?: string } | null;
  priority?: { priority: string; color?: string } | null;
  assignee?: CuUser | null;
  task_count?: number | string | null;
  due_date?: string | null;
  archived?: boolean;
  folder?: CuRef;
  space?: CuRef;
}

export interface CuFolder {
  id: string;
  name: string;
  orderindex?: number;
  hidden?: boolean;
  archived?: boolean;
  task_count?: string | number;
  space?: CuRef;
  lists?: CuList[];
}

export interface CuTask {
  id: string;
  custom_id?: string | null;
  name: string;
  description?: string | null;
  text_content?: string | null;
  status?: CuStatus;
  priority?: { priority: string; id?: string; color?: string } | null;
  date_created?: string | null;
  date_updated?: string | null;
  date_closed?: string | null;
  due_date?: string | null;
  start_date?: string | null;
  creator?: CuUser;
  assignees?: CuUser[];
  tags?: { name: string }[];
  parent?: string | null;
  archived?: boolean;
  url?: string;
  list?: CuRef;
  folder?: CuRef;
  space?: CuRef;
}

export interface CuComment {
  id: string | number;
  hist_id?: string;
  date?: number;
}

/** How a task is named: by ClickUp's id, or by its custom id in a workspace. */
export interface TaskRef {
  task_id: string;
  custom_task_ids?: boolean | undefined;
  team_id?: string | undefined;
}

export type TaskBody = Record<string, unknown>;

const enc = encodeURIComponent;
const taskQuery = (ref: TaskRef): Query =>
  ref.custom_task_ids ? { custom_task_ids: true, team_id: ref.team_id } : {};
const taskSubject = (ref: TaskRef): Subject => ({
  what: 'Task',
  id: ref.custom_task_ids ? `${ref.task_id} (custom id, workspace ${ref.team_id})` : ref.task_id,
});

/**
 * The ClickUp API v2 calls, one method per endpoint. The OAuth token goes bare in Authorization, as
 * ClickUp documents. A 429 whose reset (X-RateLimit-Reset) is near is waited out and retried once.
 */
export class ClickUpApi {
  readonly #ctx: ToolContext;
  readonly #tuning: ClientTuning;

  constructor(ctx: ToolContext, tuning: ClientTuning = {}) {
    this.#ctx = ctx;
    this.#tuning = tuning;
  }

  async #headers(): Promise<Record<string, string>> {
    const token = (await this.#ctx.credentials()).access_token;
    if (typeof token !== 'string' || !token) {
      throw new AuthRequiredError('clickup', 'the stored credentials hold no access token');
    }
    return { authorization: token };
  }

  #call<T>(subject: Subject, path: string, req: UpstreamRequest = {}): Promise<T> {
    const { clock = realClock, ...client } = this.#tuning;
    const http = new UpstreamClient({
      service: 'ClickUp',
      serverId: 'clickup',
      baseUrl: serviceUrl('clickup', CLICKUP_API),
      log: this.#ctx.log,
      auth: () => this.#headers(),
      mapError: (status, body, headers) => clickupError(status, body, subject, headers),
      // ClickUp's 429 carries no Retry-After, only the reset time: it is waited for when it is near.
      retryDelay: (status, headers) => {
        const reset = Number(headers.get('x-ratelimit-reset'));
        return status === 429 && reset > 0 ? Math.max(0, reset * 1000 - clock.now()) : undefined;
      },
      maxRetryAfterMs: MAX_RESET_WAIT_MS,
      sleep: clock.sleep,
      ...client,
    });
    return http.request<T>(path, req, this.#ctx.signal);
  }

  getUser(): Promise<{ user: CuUser }> {
    return this.#call({ what: 'User', id: 'the authenticated user' }, 'user');
  }

  getTeams(): Promise<{ teams: CuTeam[] }> {
    return this.#call({ what: 'Workspaces', id: 'of the authenticated user' }, 'team');
  }

  getSpaces(team: string, archived?: boolean): Promise<{ spaces: CuSpace[] }> {
    return this.#call({ what: 'Workspace', id: team }, `team/${enc(team)}/space`, { query: { archived } });
  }

  getSpace(space: string): Promise<CuSpace> {
    return this.#call({ what: 'Space', id: space }, `space/${enc(space)}`);
  }

  getFolders(space: string, archived?: boolean): Promise<{ folders: CuFolder[] }> {
    return this.#call({ what: 'Space', id: space }, `space/${enc(space)}/folder`, { query: { archived } });
  }

  getFolderLists(folder: string, archived?: boolean): Promise<{ lists: CuList[] }> {
    return this.#call({ what: 'Folder', id: folder }, `folder/${enc(folder)}/list`, { query: { archived } });
  }

  getFolderlessLists(space: string, archived?: boolean): Promise<{ lists: CuList[] }> {
    return this.#call({ what: 'Space', id: space }, `space/${enc(space)}/list`, { query: { archived } });
  }

  /** One page of a list's tasks; pages are numbered from 0 and `last_page` says whether more follow. */
  getTasksPage(
    list: string,
    page: number,
    filters: Query,
  ): Promise<{ tasks: CuTask[]; last_page?: boolean }> {
    return this.#call({ what: 'List', id: list }, `list/${enc(list)}/task`, { query: { ...filters, page } });
  }

  getTask(ref: TaskRef): Promise<CuTask> {
    return this.#call(taskSubject(ref), `task/${enc(ref.task_id)}`, { query: taskQuery(ref) });
  }

  createTask(list: string, body: TaskBody): Promise<CuTask> {
    return this.#call({ what: 'List', id: list }, `list/${enc(list)}/task`, { method: 'POST', body });
  }

  /** PUT sets the fields given; sending it twice changes nothing more, so it is retried like a read. */
  updateTask(ref: TaskRef, body: TaskBody): Promise<CuTask> {
    return this.#call(taskSubject(ref), `task/${enc(ref.task_id)}`, {
      method: 'PUT',
      query: taskQuery(ref),
      body,
    });
  }

  addComment(ref: TaskRef, body: TaskBody): Promise<CuComment> {
    return this.#call(taskSubject(ref), `task/${enc(ref.task_id)}/comment`, {
      method: 'POST',
      query: taskQuery(ref),
      body,
    });
  }

  createFolderList(folder: string, body: TaskBody): Promise<CuList> {
    return this.#call({ what: 'Folder', id: folder }, `folder/${enc(folder)}/list`, { method: 'POST', body });
  }

  createFolderlessList(space: string, body: TaskBody): Promise<CuList> {
    return this.#call({ what: 'Space', id: space }, `space/${enc(space)}/list`, { method: 'POST', body });
  }

  createFolder(space: string, name: string): Promise<CuFolder> {
    return this.#call({ what: 'Space', id: space }, `space/${enc(space)}/folder`, {
      method: 'POST',
      body: { name },
    });
  }
}

export type ApiFactory = (ctx: ToolContext) => ClickUpApi;

export function apiFactory(tuning: ClientTuning = {}): ApiFactory {
  return (ctx) => new ClickUpApi(ctx, tuning);
}

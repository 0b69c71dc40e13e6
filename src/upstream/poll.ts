import { ToolError } from '../core/errors.js';
import { sleep } from '../util/sleep.js';

/** What one look at a job found: finished with a value, failed, or still running (with progress if known). */
export type JobState<T> =
  | { state: 'done'; value: T }
  | { state: 'failed'; reason: string }
  | { state: 'running'; progress?: number; total?: number; message?: string };

/** Where a wait ended with `atDeadline: 'return'`: the job's value, or its last look while it still runs. */
export type SettledJob<T> = Exclude<JobState<T>, { state: 'failed' }>;

/** What the poller tells a look: the time left before the deadline, for a look the service can hold. */
export interface Look {
  remainingMs: number;
}

export interface PollOptions<T> {
  /** The job in words, for messages: "the export of design D1", "actor run R1". */
  what: string;
  /**
   * Looks at the job once. When it fails because the client cancelled (`signal` aborted during the
   * look), the poller still cancels the job upstream.
   */
  check(look: Look): Promise<JobState<T>>;
  /** The client's cancellation (ToolContext.signal): stops polling and cancels the job upstream. */
  signal?: AbortSignal;
  /** Reports progress to the client (ToolContext.progress); a no-op when it did not ask for it. */
  progress?: (progress: number, total?: number, message?: string) => Promise<void>;
  /** Cancels the job at the service, where its API allows; called on cancellation, not on the deadline. */
  cancel?: () => Promise<void>;
  /** How to find the result later when the deadline passes first (e.g. "call get_run with run_id R1"). */
  later?: string;
  /** First wait between looks (default 500 ms); it grows by half each time up to `maxDelayMs` (default 10 s). */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** The longest the call waits for the job in all (default 5 minutes). */
  deadlineMs?: number;
  /**
   * At the deadline, `fail` (the default) ends the call with an error saying the job still runs;
   * `return` hands back the last look instead, for a tool that answers with the job as it stands.
   */
  atDeadline?: 'fail' | 'return';
  /** Waits; replaced in tests to run without real time. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** The time the deadline is measured in; tests pass a virtual clock's. */
  now?: () => number;
}

/**
 * Waits for an asynchronous job (an export, a crawl, an actor run, a SQL statement) with bounded
 * backoff and an overall deadline. Each look that reports progress is passed to the client; a
 * client's cancellation stops the wait and cancels the job upstream, also when it comes during a
 * look. The one poller every integration with long jobs uses, so they all behave alike.
 */
export async function pollJob<T>(options: PollOptions<T> & { atDeadline: 'return' }): Promise<SettledJob<T>>;
export async function pollJob<T>(options: PollOptions<T>): Promise<T>;
export async function pollJob<T>(options: PollOptions<T>): Promise<T | SettledJob<T>> {
  const { what, signal } = options;
  const wait = options.sleep ?? sleep;
  const now = options.now ?? Date.now;
  const settle = options.atDeadline === 'return';
  const deadline = now() + (options.deadlineMs ?? 5 * 60_000);
  let delay = options.initialDelayMs ?? 500;
  let looks = 0;
  const cancelled = async (): Promise<never> => {
    await options.cancel?.().catch(() => undefined);
    throw new ToolError(
      `Cancelled: stopped waiting for ${what}${options.cancel ? ', and cancelled it' : ''}`,
    );
  };
  for (;;) {
    if (signal?.aborted) return cancelled();
    let found: JobState<T>;
    try {
      found = await options.check({ remainingMs: Math.max(0, deadline - now()) });
    } catch (error) {
      // A look cut short by the client's cancellation: the job still runs upstream, so cancel it.
      if (signal?.aborted) return cancelled();
      throw error;
    }
    looks += 1;
    if (found.state === 'done') return settle ? found : found.value;
    if (found.state === 'failed') throw new ToolError(`${capitalize(what)} failed: ${found.reason}`);
    // After a cancellation the client no longer listens: no more progress, and the job is cancelled.
    if (signal?.aborted) return cancelled();
    const left = deadline - now();
    // The caller gets the last look itself, so it is not also reported as progress.
    if (settle && left <= 0) return found;
    if (found.progress !== undefined) {
      await options.progress?.(found.progress, found.total, found.message);
    } else {
      // Without a figure from the service, the count of looks still tells the client it is alive.
      await options.progress?.(looks, undefined, found.message ?? `Waiting for ${what}`);
    }
    if (left <= 0) {
      const seconds = Math.round((options.deadlineMs ?? 5 * 60_000) / 1000);
      throw new ToolError(
        `${capitalize(what)} is still running after ${seconds} s${options.later ? `; ${options.later}` : ''}`,
      );
    }
    try {
      await wait(Math.min(delay, left), signal);
    } catch {
      return cancelled();
    }
    delay = Math.min(delay * 1.5, options.maxDelayMs ?? 10_000);
  }
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

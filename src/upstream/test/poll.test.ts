import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ToolError } from '../../core/errors.js';
import { type JobState, pollJob } from '../poll.js';

/** A job that answers the given states in turn (the last one repeats), counting the looks. */
function job<T>(...states: JobState<T>[]) {
  let looks = 0;
  return {
    check: async () => states[Math.min(looks++, states.length - 1)] as JobState<T>,
    looks: () => looks,
  };
}

/** Records the waits instead of sleeping. */
function clock() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

test('polls until the job is done, with backoff that grows and is capped, reporting progress', async () => {
  const j = job<string>(
    { state: 'running', progress: 10, total: 100 },
    { state: 'running', progress: 60, total: 100, message: 'rendering' },
    { state: 'running' },
    { state: 'running' },
    { state: 'done', value: 'https://files.example/export.pdf' },
  );
  const c = clock();
  const reported: unknown[] = [];
  const value = await pollJob({
    what: 'the export',
    check: j.check,
    sleep: c.sleep,
    initialDelayMs: 100,
    maxDelayMs: 200,
    progress: async (...args) => void reported.push(args),
  });

  assert.equal(value, 'https://files.example/export.pdf');
  assert.equal(j.looks(), 5);
  assert.deepEqual(c.waits, [100, 150, 200, 200]);
  assert.deepEqual(reported, [
    [10, 100, undefined],
    [60, 100, 'rendering'],
    [3, undefined, 'Waiting for the export'],
    [4, undefined, 'Waiting for the export'],
  ]);
});

test('a failed job is a tool error with the service’s reason', async () => {
  const j = job<string>({ state: 'running' }, { state: 'failed', reason: 'design is empty' });
  await assert.rejects(pollJob({ what: 'the export', check: j.check, sleep: clock().sleep }), {
    message: 'The export failed: design is empty',
  });
});

test('past the deadline the call ends saying the job still runs and how to find it later', async () => {
  const j = job<string>({ state: 'running' });
  await assert.rejects(
    pollJob({
      what: 'actor run R1',
      check: j.check,
      deadlineMs: 0,
      later: 'call get_actor_run with run_id R1 to see it',
      sleep: clock().sleep,
    }),
    { message: 'Actor run R1 is still running after 0 s; call get_actor_run with run_id R1 to see it' },
  );
});

test('a cancelled call stops waiting and cancels the job upstream', async () => {
  const controller = new AbortController();
  const j = job<string>({ state: 'running' });
  let cancelledUpstream = 0;
  const polling = pollJob({
    what: 'the crawl',
    check: j.check,
    signal: controller.signal,
    initialDelayMs: 60_000,
    cancel: async () => void cancelledUpstream++,
  });
  setImmediate(() => controller.abort());

  await assert.rejects(polling, (error: Error) => {
    assert.ok(error instanceof ToolError);
    assert.equal(error.message, 'Cancelled: stopped waiting for the crawl, and cancelled it');
    return true;
  });
  assert.equal(cancelledUpstream, 1);
  assert.equal(j.looks(), 1, 'no look after the cancellation');
});

test('a look cut short by the client’s cancellation still cancels the job upstream', async () => {
  const controller = new AbortController();
  let looks = 0;
  let cancelledUpstream = 0;
  const polling = pollJob<string>({
    what: 'actor run R1',
    check: async () => {
      looks += 1;
      if (looks === 1) return { state: 'running' };
      // The service holds the look; the client gives up meanwhile, and the request fails.
      controller.abort();
      throw new ToolError('Request to Apify was cancelled');
    },
    signal: controller.signal,
    sleep: clock().sleep,
    cancel: async () => void cancelledUpstream++,
  });

  await assert.rejects(polling, { message: 'Cancelled: stopped waiting for actor run R1, and cancelled it' });
  assert.equal(cancelledUpstream, 1);
  assert.equal(looks, 2, 'no look after the cancellation');
});

test('a look that fails without a cancellation fails the call, and the job is not cancelled', async () => {
  let cancelledUpstream = 0;
  await assert.rejects(
    pollJob<string>({
      what: 'the export',
      check: async () => {
        throw new ToolError('Canva failed (HTTP 500); try again later');
      },
      signal: new AbortController().signal,
      sleep: clock().sleep,
      cancel: async () => void cancelledUpstream++,
    }),
    { message: 'Canva failed (HTTP 500); try again later' },
  );
  assert.equal(cancelledUpstream, 0);
});

test('a cancellation during a look that answered sends no more progress and cancels the job', async () => {
  const controller = new AbortController();
  const reported: unknown[] = [];
  let cancelledUpstream = 0;
  await assert.rejects(
    pollJob<string>({
      what: 'the crawl',
      check: async () => {
        controller.abort();
        return { state: 'running', progress: 5 };
      },
      signal: controller.signal,
      sleep: clock().sleep,
      progress: async (...args) => void reported.push(args),
      cancel: async () => void cancelledUpstream++,
    }),
    { message: 'Cancelled: stopped waiting for the crawl, and cancelled it' },
  );
  assert.deepEqual(reported, []);
  assert.equal(cancelledUpstream, 1);
});

test('atDeadline return: the last look is handed back at the deadline, and each look is told the time left', async () => {
  let now = 1_000;
  const remaining: number[] = [];
  const reported: unknown[] = [];
  let cancelledUpstream = 0;
  const settled = await pollJob<string>({
    what: 'actor run R1',
    check: async ({ remainingMs }) => {
      remaining.push(remainingMs);
      return { state: 'running', message: `look ${remaining.length}` };
    },
    deadlineMs: 2_500,
    initialDelayMs: 1_000,
    maxDelayMs: 1_000,
    atDeadline: 'return',
    now: () => now,
    sleep: async (ms) => {
      now += ms;
    },
    progress: async (...args) => void reported.push(args),
    cancel: async () => void cancelledUpstream++,
  });

  assert.deepEqual(settled, { state: 'running', message: 'look 4' });
  assert.deepEqual(remaining, [2_500, 1_500, 500, 0], 'a last look at the deadline itself');
  assert.deepEqual(
    reported.map((r) => (r as unknown[])[2]),
    ['look 1', 'look 2', 'look 3'],
    'the last look is returned, not reported',
  );
  assert.equal(cancelledUpstream, 0, 'the job goes on');
});

test('atDeadline return: a job that ends in time is returned done, and a failed one still fails', async () => {
  const done = await pollJob<string>({
    what: 'the export',
    check: job<string>({ state: 'running' }, { state: 'done', value: 'url' }).check,
    atDeadline: 'return',
    sleep: clock().sleep,
  });
  assert.deepEqual(done, { state: 'done', value: 'url' });
  await assert.rejects(
    pollJob<string>({
      what: 'the export',
      check: job<string>({ state: 'failed', reason: 'design is empty' }).check,
      atDeadline: 'return',
      sleep: clock().sleep,
    }),
    { message: 'The export failed: design is empty' },
  );
});

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

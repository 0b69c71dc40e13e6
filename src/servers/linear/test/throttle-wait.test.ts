import assert from 'node:assert/strict';
import { test } from 'node:test';
import { throttleWait } from '../api.js';
import { LINEAR_ERRORS } from './fake-linear.js';

const NOW = 1_780_000_000_000;
const limited = [LINEAR_ERRORS.ratelimited];

test('errors that are not RATELIMITED are not throttling', () => {
  assert.equal(throttleWait([LINEAR_ERRORS.authentication], new Headers(), NOW), undefined);
});

test('the wait runs to the reset of the budget that ran out (epoch milliseconds)', () => {
  const headers = new Headers({
    'x-ratelimit-requests-remaining': '1200',
    'x-ratelimit-requests-reset': String(NOW + 50_000),
    'x-ratelimit-complexity-remaining': '0',
    'x-ratelimit-complexity-reset': String(NOW + 7_000),
  });
  assert.equal(throttleWait(limited, headers, NOW), 7_000);
});

test('without a budget at zero, the latest reset is waited for; seconds are read as seconds', () => {
  const headers = new Headers({
    'x-ratelimit-requests-reset': String((NOW + 4_000) / 1000),
    'x-ratelimit-complexity-reset': String(NOW + 2_000),
  });
  assert.equal(throttleWait(limited, headers, NOW), 4_000);
});

test('a reset in the past means no wait; no header at all falls back to Retry-After, then 2 s', () => {
  assert.equal(
    throttleWait(limited, new Headers({ 'x-ratelimit-requests-reset': String(NOW - 10) }), NOW),
    0,
  );
  assert.equal(throttleWait(limited, new Headers({ 'retry-after': '3' }), NOW), 3_000);
  assert.equal(throttleWait(limited, new Headers(), NOW), 2_000);
});

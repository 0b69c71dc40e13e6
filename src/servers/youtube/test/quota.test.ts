import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connect, text } from '../../../testing/mcp.js';
import { createYouTubeServer } from '../index.js';
import { quotaResetAt } from '../quota.js';
import { API, fakeYouTube, YOUTUBE_ERRORS } from './fake-youtube.js';

const credentials = { access_token: 'ya29.youtube' };
const at = (iso: string) => createYouTubeServer({ now: () => new Date(iso), backoffMs: 1 });

test('an exhausted quota (403 quotaExceeded) is not retried and says when it resets, at midnight Pacific', async (t) => {
  const fake = await fakeYouTube(t);
  fake.route(`GET ${API}/search`, { status: 403, body: YOUTUBE_ERRORS.quotaExceeded });
  // 12:00 UTC on 15 May is 05:00 PDT: the reset is at 07:00 UTC on the 16th.
  const client = await connect(at('2025-05-15T12:00:00Z'), { credentials });

  const result = await client.callTool({ name: 'search_videos', arguments: { query: 'mcp' } });

  assert.equal(result.isError, true);
  assert.equal(
    text(result),
    'YouTube Data API quota exhausted (quotaExceeded): the Google Cloud project has used its daily units ' +
      '(10,000 by default; search_videos costs 100 a call, the other tools 1 to 2 a page). ' +
      'It resets at midnight Pacific Time, 2025-05-16T07:00:00Z (in 19 h 0 min). Not retried: try again ' +
      'after the reset, or ask for more quota in the Google Cloud console.',
  );
  assert.equal(fake.requests.length, 1, 'no retry');
});

test('dailyLimitExceeded is the same exhausted quota; in winter midnight Pacific is 08:00 UTC', async (t) => {
  const fake = await fakeYouTube(t);
  fake.route(`GET ${API}/videos`, { status: 403, body: YOUTUBE_ERRORS.dailyLimitExceeded });
  const client = await connect(at('2025-01-15T23:30:00Z'), { credentials });

  const result = await client.callTool({ name: 'get_video_details', arguments: { video_id: 'dQw4w9WgXcQ' } });

  assert.match(
    text(result),
    /^YouTube Data API quota exhausted \(dailyLimitExceeded\): .* 2025-01-16T08:00:00Z \(in 8 h 30 min\)\. Not retried/,
  );
  assert.equal(fake.requests.length, 1, 'no retry');
});

test('the reset is the next Pacific midnight, across both daylight-saving changes', () => {
  const cases: [string, string][] = [
    ['2025-05-15T12:00:00Z', '2025-05-16T07:00:00Z'], // PDT
    ['2025-05-16T06:59:59Z', '2025-05-16T07:00:00Z'], // one second before midnight
    ['2025-05-16T07:00:00Z', '2025-05-17T07:00:00Z'], // at midnight: the next one
    ['2025-01-15T12:00:00Z', '2025-01-16T08:00:00Z'], // PST
    ['2025-03-08T20:00:00Z', '2025-03-09T08:00:00Z'], // the night clocks spring forward (at 2 AM)
    ['2025-03-09T20:00:00Z', '2025-03-10T07:00:00Z'], // the day after
    ['2025-11-01T20:00:00Z', '2025-11-02T07:00:00Z'], // the night clocks fall back
    ['2025-11-02T20:00:00Z', '2025-11-03T08:00:00Z'], // the day after
  ];
  for (const [now, reset] of cases)
    assert.equal(quotaResetAt(new Date(now)).toISOString(), reset.replace('Z', '.000Z'), now);
});

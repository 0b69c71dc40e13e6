import assert from 'node:assert/strict';
import { test } from 'node:test';
import { freeIntervals } from '../slots.js';
import { formatInZone, parseWhen, toInstant } from '../times.js';

const utc = (iso: string) => Date.parse(iso);

test('wall-clock times are read in the given zone, on both sides of a DST change', () => {
  const at = (text: string, zone: string, endOfDay = false) =>
    new Date(toInstant(parseWhen('t', text), zone, endOfDay)).toISOString();

  assert.equal(at('2025-01-15 09:00', 'Europe/Paris'), '2025-01-15T08:00:00.000Z');
  assert.equal(at('2025-07-15 09:00', 'Europe/Paris'), '2025-07-15T07:00:00.000Z');
  assert.equal(at('2025-11-02 12:00', 'America/New_York'), '2025-11-02T17:00:00.000Z', 'after DST ends');
  assert.equal(at('2025-07-15', 'Asia/Kolkata'), '2025-07-14T18:30:00.000Z');
  assert.equal(at('2025-07-15', 'UTC', true), '2025-07-15T23:59:59.000Z');
  assert.equal(at('2025-07-15T09:00:00-07:00', 'Europe/Paris'), '2025-07-15T16:00:00.000Z', 'offsets win');
});

test('times print in the zone’s own offset, and Z for UTC', () => {
  assert.equal(formatInZone(utc('2025-07-15T07:00:00Z'), 'Europe/Paris'), '2025-07-15T09:00:00+02:00');
  assert.equal(formatInZone(utc('2025-07-14T18:30:00Z'), 'Asia/Kolkata'), '2025-07-15T00:00:00+05:30');
  assert.equal(formatInZone(utc('2025-01-15T17:00:00Z'), 'America/New_York'), '2025-01-15T12:00:00-05:00');
  assert.equal(formatInZone(utc('2025-01-15T17:00:00Z'), 'UTC'), '2025-01-15T17:00:00Z');
});

test('the accepted forms parse, and anything else is refused naming the argument', () => {
  assert.deepEqual(parseWhen('x', '2025-05-15'), { kind: 'date', date: '2025-05-15' });
  assert.deepEqual(parseWhen('x', '2025-05-15 7:00'.replace(' 7', ' 07')), {
    kind: 'local',
    local: '2025-05-15T07:00:00',
  });
  assert.deepEqual(parseWhen('x', '2025-05-15T07:00:30'), { kind: 'local', local: '2025-05-15T07:00:30' });
  assert.deepEqual(parseWhen('x', '2025-05-15T07:00:00Z'), {
    kind: 'instant',
    instant: '2025-05-15T07:00:00Z',
  });
  for (const bad of ['tomorrow', '2025-13-01', '2025-05-15 25:00', '15/05/2025']) {
    assert.throws(() => parseWhen('start_datetime', bad), new RegExp(`^ToolError: start_datetime: "${bad}"`));
  }
});

test('free intervals are the gaps between merged busy times, no shorter than asked', () => {
  const range = { start: 0, end: 600 * 60_000 };
  const busy = [
    { start: 60 * 60_000, end: 120 * 60_000 },
    { start: 90 * 60_000, end: 180 * 60_000 },
    { start: 100 * 60_000, end: 110 * 60_000 },
    { start: 200 * 60_000, end: 210 * 60_000 },
    { start: 590 * 60_000, end: 700 * 60_000 },
  ];
  const minutes = (i: { start: number; end: number }) => [i.start / 60_000, i.end / 60_000];

  assert.deepEqual(freeIntervals(range, busy, 30).map(minutes), [
    [0, 60],
    [210, 590],
  ]);
  assert.deepEqual(freeIntervals(range, busy, 15).map(minutes), [
    [0, 60],
    [180, 200],
    [210, 590],
  ]);
  assert.deepEqual(freeIntervals(range, [], 30).map(minutes), [[0, 600]]);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decimal, formatTimestamp, fromDriver, fromSqlApi } from '../values.js';

const col = (type: string, scale?: number) => ({ name: 'C', type, scale: scale ?? null });

test('decimals stay exact: a number when a double holds it, else the decimal string', () => {
  assert.equal(decimal('0'), 0);
  assert.equal(decimal('-42'), -42);
  assert.equal(decimal('9007199254740991'), 9007199254740991);
  assert.equal(decimal('9007199254740993'), '9007199254740993');
  assert.equal(decimal('123456789012.345'), 123456789012.345);
  assert.equal(decimal('1234567890123.4567'), '1234567890123.4567');
  assert.equal(decimal('0.000000000000000001'), 1e-18);
  assert.equal(decimal('1.5E+3'), 1500);
});

test('timestamps before 1970 with a fraction floor toward the past', () => {
  assert.equal(fromSqlApi('-1.250000000', col('timestamp_ntz', 3)), '1969-12-31T23:59:58.750');
  assert.equal(fromSqlApi('-86400.000000000', col('timestamp_ltz', 0)), '1969-12-31T00:00:00Z');
  assert.equal(fromSqlApi('-1', col('date')), '1969-12-31');
});

test('TIMESTAMP_TZ offsets west of UTC, and an offset of zero', () => {
  assert.equal(fromSqlApi('1700000000.000000000 1140', col('timestamp_tz', 0)), '2023-11-14T17:13:20-05:00');
  assert.equal(
    fromSqlApi('1700000000.500000000 1440', col('timestamp_tz', 1)),
    '2023-11-14T22:13:20.5+00:00',
  );
  assert.equal(formatTimestamp(0, 0, 0, -330), '1969-12-31T18:30:00-05:30');
});

test('values in a form not known are kept as Snowflake sent them, and NULL is null', () => {
  assert.equal(fromSqlApi('not-a-time', col('timestamp_ntz', 3)), 'not-a-time');
  assert.equal(fromSqlApi('<a>xml</a>', col('variant')), '<a>xml</a>');
  assert.equal(fromSqlApi('maybe', col('boolean')), 'maybe');
  assert.equal(fromSqlApi(null, col('fixed')), null);
  assert.deepEqual(fromSqlApi('{"type":"Point","coordinates":[1,2]}', col('geography')), {
    type: 'Point',
    coordinates: [1, 2],
  });
  assert.equal(fromSqlApi('inf', col('real')), 'inf');
});

test('driver values: SfDate parts, SfTime parts, Buffers and numbers convert like the SQL API’s', () => {
  const sfDate = (seconds: number, nanos: number, scale: number, tz: string | number) => ({
    getEpochSeconds: () => seconds,
    getNanoSeconds: () => nanos,
    getScale: () => scale,
    getTimezone: () => tz,
  });
  assert.equal(
    fromDriver(sfDate(1_565_481_394, 123_000_000, 3, 'UTC'), col('timestamp_ntz')),
    '2019-08-10T23:56:34.123',
  );
  assert.equal(
    fromDriver(sfDate(1_565_481_394, 5, 9, 'America/Los_Angeles'), col('timestamp_ltz')),
    '2019-08-10T23:56:34.000000005Z',
  );
  assert.equal(
    fromDriver(sfDate(1_565_481_394, 0, 0, 120), col('timestamp_tz')),
    '2019-08-11T01:56:34+02:00',
  );
  assert.equal(fromDriver(sfDate(19_000 * 86_400, 0, 0, 'UTC'), col('date')), '2022-01-08');
  const sfTime = { getMidnightSeconds: () => 45_296, getNanoSeconds: () => 789_000_000, getScale: () => 3 };
  assert.equal(fromDriver(sfTime, col('time')), '12:34:56.789');
  assert.equal(fromDriver('9:05:01.5', col('time')), '09:05:01.5');
  assert.equal(fromDriver(Buffer.from('Hi'), col('binary')), '4869');
  assert.equal(fromDriver('98765432109876543210', col('fixed')), '98765432109876543210');
  assert.equal(fromDriver(Number.POSITIVE_INFINITY, col('real')), 'Infinity');
  assert.equal(fromDriver(true, col('boolean')), true);
  assert.equal(fromDriver(undefined, col('text')), null);
});

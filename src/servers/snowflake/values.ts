/**
 * Snowflake's values as JSON a model can use, the same from both paths: the SQL API sends every cell
 * as a string (Snowflake's "Handling responses": FIXED a decimal string, REAL a float, BOOLEAN
 * "true"/"false", DATE days since the epoch, TIME and TIMESTAMP_NTZ/LTZ seconds since the epoch with
 * nine decimals, TIMESTAMP_TZ the same followed by a space and the offset in minutes plus 1440, BINARY
 * hex, VARIANT/OBJECT/ARRAY JSON text), and the Node driver hands out its own objects (SfDate, SfTime,
 * parsed JSON, decimal strings when asked with fetchAsString).
 *
 * What comes out, by type: numbers as numbers, or as decimal strings when a double cannot hold them
 * exactly; booleans; DATE `YYYY-MM-DD`; TIME `HH:MM:SS[.f]`; TIMESTAMP_NTZ `YYYY-MM-DDTHH:MM:SS[.f]`
 * (a wall-clock time, no zone); TIMESTAMP_LTZ an instant in UTC (`…Z`); TIMESTAMP_TZ the local time
 * with its offset (`…+02:00`); VARIANT, OBJECT and ARRAY parsed JSON; BINARY hex; text as it is.
 */

/** A column as both paths describe it (SQL API `rowType`, driver `Column`). */
export interface ColumnMeta {
  name: string;
  /** Snowflake's type, lower case: fixed, real, text, boolean, date, time, timestamp_ntz, ... */
  type: string;
  nullable?: boolean;
  precision?: number | null;
  scale?: number | null;
  length?: number | null;
}

/** The most significant digits a double holds exactly in every case. */
const SAFE_DIGITS = 15;

/** A decimal string as a number when a double holds it exactly, else as the string. */
export function decimal(raw: string): number | string {
  const text = raw.trim();
  if (!/^-?\d+(\.\d+)?$/.test(text)) {
    const n = Number(text);
    return Number.isFinite(n) && /^-?\d*\.?\d*(e[+-]?\d+)?$/i.test(text) ? n : text;
  }
  if (!text.includes('.')) {
    const n = Number(text);
    return Number.isSafeInteger(n) ? n : text;
  }
  const digits = text.replace(/^-/, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  return digits.length <= SAFE_DIGITS ? Number(text) : text;
}

/** A float as a number; NaN and the infinities (which JSON cannot carry) as Snowflake's words. */
function real(raw: string): number | string {
  const n = Number(raw);
  return Number.isFinite(n) ? n : raw;
}

/** JSON text parsed; text that is not JSON (Snowflake can hold XML in a VARIANT) kept as it is. */
function json(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** The fraction of a second to `scale` digits, from nanoseconds ("" at scale 0). */
function fraction(nanos: number, scale: number): string {
  if (scale <= 0) return '';
  return `.${String(nanos).padStart(9, '0').slice(0, Math.min(scale, 9))}`;
}

/** `YYYY-MM-DDTHH:MM:SS` of epoch seconds, read in UTC (years before 1 or after 9999 as Date gives them). */
function wallClock(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 19);
}

/** When a timestamp is: an instant in UTC, a wall-clock time without zone, or local time at an offset. */
export type Zone = 'utc' | 'ntz' | number;

/** A timestamp from whole epoch seconds and nanoseconds, written as ISO 8601 for its zone. */
export function formatTimestamp(seconds: number, nanos: number, scale: number, zone: Zone): string {
  if (zone === 'ntz') return `${wallClock(seconds)}${fraction(nanos, scale)}`;
  if (zone === 'utc') return `${wallClock(seconds)}${fraction(nanos, scale)}Z`;
  const sign = zone < 0 ? '-' : '+';
  const offset = `${sign}${pad(Math.trunc(zone / 60))}:${pad(zone % 60)}`;
  return `${wallClock(seconds + zone * 60)}${fraction(nanos, scale)}${offset}`;
}

/** A time of day from seconds since midnight and nanoseconds. */
export function formatTime(seconds: number, nanos: number, scale: number): string {
  return `${wallClock(seconds).slice(11)}${fraction(nanos, scale)}`;
}

/** `YYYY-MM-DD` of a day count since 1970-01-01. */
export function formatDate(days: number): string {
  return new Date(days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * "1565481394.123000000" (seconds with a fraction) as whole seconds and nanoseconds, flooring toward
 * the past so a fraction is always added. A value without a fraction and longer than 13 digits is in
 * nanoseconds (the older form Snowflake's documentation still shows, e.g. "1565481394123000000").
 */
function epoch(raw: string): { seconds: number; nanos: number } {
  const text = raw.trim();
  const match = /^(-?)(\d+)(?:\.(\d{1,9})\d*)?$/.exec(text);
  if (!match) throw new Error(`not an epoch value: ${text.slice(0, 40)}`);
  const [, minus = '', whole = '0', frac] = match;
  if (frac === undefined && whole.length > 13) {
    const total = BigInt(`${minus}${whole}`);
    const seconds = total / 1_000_000_000n - (total < 0n && total % 1_000_000_000n !== 0n ? 1n : 0n);
    return { seconds: Number(seconds), nanos: Number(total - seconds * 1_000_000_000n) };
  }
  let seconds = Number(whole);
  let nanos = frac ? Number(frac.padEnd(9, '0')) : 0;
  if (minus) {
    seconds = -seconds;
    if (nanos > 0) {
      seconds -= 1;
      nanos = 1_000_000_000 - nanos;
    }
  }
  return { seconds, nanos };
}

const scaleOf = (column: ColumnMeta, fallback = 9) =>
  typeof column.scale === 'number' && column.scale >= 0 ? Math.min(column.scale, 9) : fallback;

/** One SQL API cell (always a string or null) as JSON of its column's type. */
export function fromSqlApi(raw: string | null | undefined, column: ColumnMeta): unknown {
  if (raw === null || raw === undefined) return null;
  try {
    switch (column.type.toLowerCase()) {
      case 'fixed':
      case 'number':
      case 'decimal':
      case 'decfloat':
        return decimal(raw);
      case 'real':
      case 'float':
      case 'double':
        return real(raw);
      case 'boolean':
        return raw === 'true' || raw === '1' ? true : raw === 'false' || raw === '0' ? false : raw;
      case 'date':
        return /^-?\d+$/.test(raw.trim()) ? formatDate(Number(raw)) : raw;
      case 'time': {
        const { seconds, nanos } = epoch(raw);
        return formatTime(seconds, nanos, scaleOf(column));
      }
      case 'timestamp_ntz': {
        const { seconds, nanos } = epoch(raw);
        return formatTimestamp(seconds, nanos, scaleOf(column), 'ntz');
      }
      case 'timestamp_ltz': {
        const { seconds, nanos } = epoch(raw);
        return formatTimestamp(seconds, nanos, scaleOf(column), 'utc');
      }
      case 'timestamp_tz': {
        const [value = '', index] = raw.trim().split(/\s+/);
        const { seconds, nanos } = epoch(value);
        // Without an offset index the value is an instant in UTC.
        const zone = index === undefined ? 'utc' : Number(index) - 1440;
        return formatTimestamp(seconds, nanos, scaleOf(column), zone);
      }
      case 'variant':
      case 'object':
      case 'array':
      case 'map':
      case 'vector':
      case 'geography':
      case 'geometry':
        return json(raw);
      default:
        return raw;
    }
  } catch {
    // A value in a form this does not know is better shown as Snowflake sent it than dropped.
    return raw;
  }
}

/** The driver's SfDate (a Date with Snowflake's parts) and SfTime. */
interface SfDate {
  getEpochSeconds(): number;
  getNanoSeconds(): number;
  getScale(): number;
  getTimezone(): string | number | undefined;
}
interface SfTime {
  getMidnightSeconds(): number;
  getNanoSeconds(): number;
  getScale(): number;
}

const isSfDate = (v: unknown): v is SfDate => typeof (v as SfDate | null)?.getEpochSeconds === 'function';
const isSfTime = (v: unknown): v is SfTime => typeof (v as SfTime | null)?.getMidnightSeconds === 'function';

/**
 * One value from the Node driver as JSON of its column's type. The driver is asked for numbers and
 * JSON as strings (fetchAsString), so they convert as the SQL API's do, and never through `eval`.
 */
export function fromDriver(value: unknown, column: ColumnMeta): unknown {
  if (value === null || value === undefined) return null;
  const type = column.type.toLowerCase();
  if (type === 'date' && isSfDate(value)) return formatDate(Math.floor(value.getEpochSeconds() / 86_400));
  if (type === 'time' && isSfTime(value)) {
    return formatTime(value.getMidnightSeconds(), value.getNanoSeconds(), value.getScale());
  }
  if (type.startsWith('timestamp') && isSfDate(value)) {
    const tz = value.getTimezone();
    const zone: Zone =
      type === 'timestamp_ntz' ? 'ntz' : type === 'timestamp_tz' && typeof tz === 'number' ? tz : 'utc';
    return formatTimestamp(value.getEpochSeconds(), value.getNanoSeconds(), value.getScale(), zone);
  }
  if (type === 'time' && typeof value === 'string') {
    // The driver gives TIME as text in the session's TIME_OUTPUT_FORMAT (HH24:MI:SS by default).
    const time = /(\d{1,2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?/.exec(value);
    if (!time) return value;
    const [, h = '0', m = '00', sec = '00', frac] = time;
    return `${h.padStart(2, '0')}:${m}:${sec}${frac ? `.${frac}` : ''}`;
  }
  if (Buffer.isBuffer(value)) return value.toString('hex').toUpperCase();
  if (typeof value === 'string') return fromSqlApi(value, column);
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  return value;
}

import { ToolError } from '../../core/errors.js';

/** Excel's limits: columns A..XFD, rows 1..1048576. */
export const MAX_COLUMN = 16_384;
export const MAX_ROW = 1_048_576;

/** Column letters to a 1-based number ("A" -> 1, "AA" -> 27); undefined when not letters. */
export function columnNumber(letters: string): number | undefined {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return undefined;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n <= MAX_COLUMN ? n : undefined;
}

/** A 1-based column number to letters (1 -> "A", 27 -> "AA"). */
export function columnLetters(n: number): string {
  let letters = '';
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

/** A rectangle of cells, 1-based and inclusive. */
export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export const boxAddress = (b: Box): string =>
  b.top === b.bottom && b.left === b.right
    ? `${columnLetters(b.left)}${b.top}`
    : `${columnLetters(b.left)}${b.top}:${columnLetters(b.right)}${b.bottom}`;

export const rows = (b: Box): number => b.bottom - b.top + 1;
export const columns = (b: Box): number => b.right - b.left + 1;

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

function cell(text: string): { row: number; column: number } | undefined {
  const m = CELL.exec(text);
  const column = columnNumber(m?.[1] ?? '');
  const row = Number(m?.[2]);
  if (!column || !Number.isInteger(row) || row < 1 || row > MAX_ROW) return undefined;
  return { row, column };
}

const A1_HELP =
  'A1 notation such as B2, A1:D10, A:C (whole columns) or 2:5 (whole rows), without a sheet name';

/**
 * An A1 range as the caller wrote it, checked, with a message naming `argument` when it is wrong.
 * Whole columns and rows are kept as written (Excel takes them); cells and rectangles come back as
 * a box too. A sheet prefix is refused: the worksheet is its own argument.
 */
export function parseRange(text: string, argument: string): { address: string; box?: Box } {
  const value = text.trim();
  if (value.includes('!')) {
    throw new ToolError(
      `${argument} must not name a sheet (${value}); the sheet is worksheet_name. Use ${A1_HELP}`,
    );
  }
  const [from = '', to = from, extra] = value.split(':');
  if (extra === undefined) {
    const a = cell(from);
    const b = cell(to);
    if (a && b) {
      const box = {
        top: Math.min(a.row, b.row),
        left: Math.min(a.column, b.column),
        bottom: Math.max(a.row, b.row),
        right: Math.max(a.column, b.column),
      };
      return { address: boxAddress(box), box };
    }
    if (value.includes(':') && columnNumber(from.replace(/\$/g, '')) && columnNumber(to.replace(/\$/g, ''))) {
      return { address: value.toUpperCase().replace(/\$/g, '') };
    }
    const wholeRows = [from, to].map((r) => Number(r.replace(/\$/g, '')));
    if (value.includes(':') && wholeRows.every((r) => Number.isInteger(r) && r >= 1 && r <= MAX_ROW)) {
      return { address: value.replace(/\$/g, '') };
    }
  }
  throw new ToolError(`${argument} is not a valid range: "${value}". Use ${A1_HELP}`);
}

/** One cell in A1 notation ("C2"), checked. */
export function parseCell(text: string, argument: string): Box {
  const { box } = parseRange(text, argument);
  if (!box || rows(box) !== 1 || columns(box) !== 1) {
    throw new ToolError(`${argument} must be a single cell such as C2; got "${text.trim()}"`);
  }
  return box;
}

/**
 * The box of an address Graph answers with ("Sheet1!A1:D10", "'My sheet'!B2"): the part after the
 * last `!`. Undefined for whole rows or columns.
 */
export function addressBox(address: string): Box | undefined {
  const local = address.slice(address.lastIndexOf('!') + 1);
  try {
    return parseRange(local, 'address').box;
  } catch {
    return undefined;
  }
}

import type { Cell } from './api.js';

export interface LookupOptions {
  /** Only this column (0-based) is compared; otherwise every cell of a row. */
  columnIndex?: number;
  /** Whole-cell equality; otherwise the cell need only contain the value. Case-sensitive either way. */
  exactMatch: boolean;
}

/** The index of the first row holding `value`, or -1. Cells compare by their text. */
export function findRow(rows: readonly Cell[][], value: string, options: LookupOptions): number {
  const matches = (cell: Cell | undefined) => {
    if (cell === undefined || cell === null) return false;
    return options.exactMatch ? String(cell) === value : String(cell).includes(value);
  };
  return rows.findIndex((row) =>
    options.columnIndex === undefined ? row.some(matches) : matches(row[options.columnIndex]),
  );
}

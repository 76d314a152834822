/**
 * The cells of one range cut out of a sheet's value grid, blanks as null: how the streaming and the
 * merging workbooks answer `readRanges` from what they have read (a grid may be ragged or short).
 */
import type { RangePos } from "../core/a1";
import type { CellValue } from "../core/values";
import type { Grid } from "../host/port";

export function gridRange(values: readonly (readonly CellValue[] | undefined)[], r: RangePos): Grid {
  const grid: Grid = [];
  for (let row = r.top; row <= r.bottom; row++) {
    const line: CellValue[] = [];
    for (let col = r.left; col <= r.right; col++) line.push(values[row]?.[col] ?? null);
    grid.push(line);
  }
  return grid;
}

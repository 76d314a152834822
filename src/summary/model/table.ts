/**
 * A summary table as data: typed columns, rows of values, and native Excel formulas for the
 * computed columns. The values are what the JSON output holds; the formulas are what the
 * workbook gets, so a recipient can see how a number is made. Both come from one place.
 */

export type ColumnKind = "text" | "integer" | "number" | "percent" | "points" | "score" | "mark" | "date";

export type CellData = string | number | boolean | null;

export interface Column {
  id: string;
  header: string;
  kind: ColumnKind;
  /** Width in characters; the writer picks one by kind when absent. */
  width?: number;
  /**
   * Native Excel formula (en-US syntax, without "=") over other columns of the same row, with
   * {columnId} placeholders, e.g. 'IF({n}>0,({n5}+{n4})/{n}*100,"")'. The row's value of this
   * column must equal what the formula computes.
   */
  formula?: string;
  /** Conditional highlight of this column's cells. */
  highlight?: Highlight;
  /** More highlights of the same cells (e.g. a level: «низкий» bad, «средний» warn, «хороший» good). */
  highlights?: Highlight[];
  /**
   * Per-row kind overriding `kind` for the number format, in row order (a long table whose
   * rows mix shares and counts); rows beyond the list keep `kind`.
   */
  rowKinds?: readonly ColumnKind[];
}

export interface Highlight {
  /** Cells at or above `value` (or below, for "lessThan"/"lessThanOrEqual") get the colour. */
  operator: "greaterThanOrEqual" | "lessThan" | "equal" | "lessThanOrEqual" | "greaterThan";
  value: number | string;
  tone: "bad" | "warn" | "good";
}

export interface Table {
  id: string;
  /** Sheet title (row 1). */
  title: string;
  /** One-line Russian explanation under the title. */
  description?: string;
  columns: Column[];
  rows: Record<string, CellData>[];
  /**
   * A summary line written under the Excel table (bold, outside the table so sorting and filtering
   * the rows never move it), e.g. the municipality's total on «Свод по ОО». Columns absent here stay empty.
   */
  total?: Record<string, CellData>;
}

/**
 * A column's formula for every row: each {id} placeholder of the template becomes the address of
 * column `id` in that row. The template is split once and each placeholder's column letter looked
 * up once (`columnOf`, in the order they appear); a row only joins the pieces with its number (a
 * regular expression ran for every formula cell; issue 23).
 */
export function formulaRows(template: string, columnOf: (columnId: string) => string): (row: number) => string {
  const texts: string[] = [];
  const columns: string[] = [];
  const placeholder = /\{([A-Za-z0-9_]+)\}/g;
  let at = 0;
  for (let m = placeholder.exec(template); m; m = placeholder.exec(template)) {
    texts.push(template.slice(at, m.index));
    columns.push(columnOf(m[1]));
    at = m.index + m[0].length;
  }
  const tail = template.slice(at);
  return (row) => {
    let out = "";
    for (let i = 0; i < columns.length; i++) out += texts[i] + columns[i] + row;
    return out + tail;
  };
}

/** Rounds for display-independent storage: percentages and means keep 10 significant decimals. */
export function clean(v: number | null): number | null {
  return v === null || !Number.isFinite(v) ? null : Math.round(v * 1e10) / 1e10;
}

/** Formula fragments shared by tables: a guarded share in percent. */
export const F = {
  share: (part: string, whole: string) => `IF({${whole}}>0,(${part})/{${whole}}*100,"")`,
};

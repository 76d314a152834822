/**
 * What the reports read off a built summary: its tables by id (the same rows the workbook and the
 * JSON come from, so a number in the справка equals the one in the book) and pooled mark counts.
 */
import { quality, share2, successRate, meanMark } from "../../../core/indicators";
import { formatPercentRu } from "../../../core/values";
import type { Summary } from "../build";
import type { CellData, Table } from "../table";

export type Row = Record<string, CellData>;

export function tableById(summary: Pick<Summary, "sheets">, id: string): Table | undefined {
  for (const s of summary.sheets) for (const t of s.tables) if (t.id === id) return t;
  return undefined;
}

export function rowsOf(summary: Pick<Summary, "sheets">, id: string): Row[] {
  return tableById(summary, id)?.rows ?? [];
}

export const num = (v: CellData | undefined): number => (typeof v === "number" && Number.isFinite(v) ? v : 0);
export const text = (v: CellData | undefined): string => (typeof v === "string" ? v : v == null ? "" : String(v));

/** Pooled marks of result rows (sums of counts): the indicators of the whole group. */
export interface Pooled {
  n: number;
  n5: number;
  n4: number;
  n3: number;
  n2: number;
  n1: number;
  tests: number;
}

export function pool(rows: readonly Row[]): Pooled {
  const p: Pooled = { n: 0, n5: 0, n4: 0, n3: 0, n2: 0, n1: 0, tests: rows.length };
  for (const r of rows) {
    p.n += num(r.n);
    p.n5 += num(r.n5);
    p.n4 += num(r.n4);
    p.n3 += num(r.n3);
    p.n2 += num(r.n2);
    p.n1 += num(r.n1);
  }
  return p;
}

export const indicators = (p: Pooled) => ({
  success: successRate(p),
  quality: quality(p),
  share2: share2(p),
  mean: meanMark(p),
});

/** «51,1 %», or «нет данных» when there is no denominator. */
export function pct(v: number | null | undefined): string {
  return v === null || v === undefined || !Number.isFinite(v) ? "нет данных" : formatPercentRu(v);
}

/** Distinct values of a column in first-seen order. */
export function distinct(rows: readonly Row[], id: string): string[] {
  const seen = new Set<string>();
  for (const r of rows) seen.add(text(r[id]));
  return [...seen].filter(Boolean);
}

/** An indicator's name without its unit («Охват кружками, % обучающихся» → «Охват кружками»): the value carries it. */
export function indicatorName(label: string): string {
  return label.replace(/,\s*%[^,]*$/, "");
}

/**
 * A printed excerpt of a long data table. «Результаты» holds thousands of rows (every school, every
 * year, every test) — that is data to filter on screen, not a document: printed whole it took 450
 * A4 pages. The sheet's print area is instead a short table under the data: the latest year, the
 * municipality and the clusters, the key columns and one group of indicators, fitting one page
 * width. The data table above keeps every row; a school's rows print by filtering it and printing
 * the selection.
 */
import type { CellData, Table } from "./table";

export interface ExcerptSpec {
  id: string;
  /** Column ids of the source table, in print order (key columns first). */
  columns: readonly string[];
  /** Rows kept (besides the latest year): the municipality and the clusters, not the schools. */
  keep: (row: Record<string, CellData>) => boolean;
  /** What the excerpt is, e.g. «муниципалитет и кластеры». */
  what: string;
}

/** Latest value of the table's «year» column (null when the table has no year or no rows). */
export function latestYear(table: Table): number | null {
  let max: number | null = null;
  for (const r of table.rows) if (typeof r.year === "number" && (max === null || r.year > max)) max = r.year;
  return max;
}

/**
 * The excerpt as values (no formulas: the source's formulas computed these same numbers, and the
 * excerpt must not depend on rows it does not contain). Highlights are kept.
 */
export function printExcerpt(table: Table, spec: ExcerptSpec): Table {
  const year = latestYear(table);
  const byId = new Map(table.columns.map((c) => [c.id, c]));
  const columns = spec.columns.map((id) => {
    const c = byId.get(id);
    if (!c) throw new Error(`В таблице «${table.id}» нет столбца ${id} для печатной выборки`);
    const copy = { ...c };
    delete copy.formula;
    return copy;
  });
  const rows = table.rows
    .filter((r) => (year === null || r.year === year) && spec.keep(r))
    .map((r) => Object.fromEntries(spec.columns.map((id) => [id, r[id] ?? null])));
  return {
    id: spec.id,
    title: `Для печати: ${spec.what}${year === null ? "" : `, ${year}`}`,
    description:
      "Лист печатается этой выборкой. Строки ОО и прошлых лет — в таблице выше: отфильтруйте её, выделите строки и напечатайте выделенный фрагмент.",
    columns,
    rows,
  };
}

/**
 * Data behind the summary's native charts: small tables whose first column labels the
 * categories and the rest are series. The writer places each table on «Диаграммы» and anchors a
 * chart of the given type over it. Risk levels come from the analysis (see build.ts).
 */
import { quality, share2 } from "../../core/indicators";
import type { ReferenceResult, SchoolReport } from "../../core/model";
import { accumulate, pooledAggregates, schoolAggregates, type Aggregate } from "../../core/results";
import { clean, type CellData, type Table } from "./table";
import type { ChartKind } from "./sheets";

export interface ChartSpec {
  table: Table;
  type: ChartKind;
  title: string;
  colors?: string[];
}

/**
 * Semantic colours, the same on every chart: danger is red, caution amber, good green. Risk levels
 * in the order высокий, средний, низкий; marks in the order «2», «3», «4», «5».
 */
export const RISK_COLORS: Record<"высокий" | "средний" | "низкий", string> = {
  высокий: "#C00000",
  средний: "#FFC000",
  низкий: "#70AD47",
};
export const MARK_COLORS = ["#C00000", "#FFC000", "#A9D18E", "#548235"];
/** One colour for single-series charts (quality by school), the header blue of the tables. */
export const MAIN_COLOR = "#1F5AA6";

function pool(aggs: Iterable<Aggregate>, filter: (a: Aggregate) => boolean): Aggregate | null {
  let out: Aggregate | null = null;
  for (const a of aggs) {
    if (!filter(a) || !a.marks) continue;
    if (!out) out = { procedure: a.procedure, year: a.year, grade: 0, subject: "", participants: 0, rows: 0 };
    accumulate(out, a);
  }
  return out;
}

export interface ChartInput {
  schools: readonly SchoolReport[];
  clusterOf?: ReadonlyMap<string, string>;
  references: readonly ReferenceResult[];
  /** The year the charts show (the latest with data). */
  year: number;
}

export function chartSpecs({ schools, clusterOf, references, year }: ChartInput): ChartSpec[] {
  const per = schools.map((s) => schoolAggregates(s.results.filter((r) => r.marks)));
  const municipal = pooledAggregates(per);
  const specs: ChartSpec[] = [];

  for (const procedure of ["ВПР", "ОГЭ"] as const) {
    const inYear = (a: Aggregate) => a.procedure === procedure && a.year === year;
    const rows: Record<string, CellData>[] = [];
    const add = (unit: string, a: Aggregate | null) => {
      if (!a?.marks) return;
      rows.push({ unit, n2: a.marks.n2 + (a.marks.n1 ?? 0), n3: a.marks.n3, n4: a.marks.n4, n5: a.marks.n5 });
    };
    add("Муниципалитет", pool(municipal.values(), inYear));
    const region = references.filter(
      (r) => r.level === "region" && r.procedure === procedure && r.year === year && r.marks,
    );
    if (region.length) {
      const a: Aggregate = { procedure, year, grade: 0, subject: "", participants: 0, rows: 0 };
      for (const r of region) accumulate(a, r);
      add("Регион", a);
    }
    if (clusterOf) {
      const byCluster = new Map<string, Map<string, Aggregate>[]>();
      schools.forEach((s, i) => {
        const c = clusterOf.get(s.passport.login);
        if (c) (byCluster.get(c) ?? byCluster.set(c, []).get(c)!).push(per[i]);
      });
      for (const [c, list] of [...byCluster].sort(([a], [b]) => a.localeCompare(b, "ru")))
        add(`Кластер: ${c}`, pool(pooledAggregates(list).values(), inYear));
    }
    if (rows.length) {
      specs.push({
        type: "barStacked100",
        title: `Распределение отметок, ${procedure} ${year}`,
        colors: MARK_COLORS,
        table: {
          id: `marks${procedure === "ВПР" ? "Vpr" : "Oge"}`,
          title: `Распределение отметок, ${procedure} ${year} (все классы и предметы)`,
          columns: [
            { id: "unit", header: "Уровень", kind: "text", width: 30 },
            { id: "n2", header: "«2»", kind: "integer" },
            { id: "n3", header: "«3»", kind: "integer" },
            { id: "n4", header: "«4»", kind: "integer" },
            { id: "n5", header: "«5»", kind: "integer" },
          ],
          rows,
        },
      });
    }
  }

  const qualityRows: Record<string, CellData>[] = [];
  schools.forEach((s, i) => {
    const a = pool(per[i].values(), (x) => x.procedure === "ВПР" && x.year === year);
    if (a?.marks) qualityRows.push({ unit: s.passport.shortName || s.passport.name, quality: clean(quality(a.marks)) });
  });
  qualityRows.sort((a, b) => (b.quality as number) - (a.quality as number));
  if (qualityRows.length) {
    specs.push({
      type: "barClustered",
      title: `Качество знаний по ОО, ВПР ${year}, %`,
      colors: [MAIN_COLOR],
      table: {
        id: "qualityBySchool",
        title: `Качество знаний по ОО, ВПР ${year} (все классы и предметы), %`,
        columns: [
          { id: "unit", header: "ОО", kind: "text", width: 30 },
          { id: "quality", header: "Качество, %", kind: "percent" },
        ],
        rows: qualityRows,
      },
    });
  }

  const years = [...new Set([...municipal.values()].map((a) => a.year))].sort((a, b) => a - b);
  const procs = ["ВПР", "ОГЭ", "КДР"].filter((p) => [...municipal.values()].some((a) => a.procedure === p));
  if (years.length && procs.length) {
    specs.push({
      type: "line",
      title: "Динамика доли «2», %",
      table: {
        id: "share2Dynamics",
        title: "Доля «2» по годам (все классы и предметы), %",
        columns: [
          { id: "year", header: "Год", kind: "text", width: 8 },
          ...procs.map((p) => ({ id: `p${procs.indexOf(p)}`, header: p, kind: "percent" as const })),
        ],
        rows: years.map((y) => {
          const r: Record<string, CellData> = { year: String(y) };
          procs.forEach((p, i) => {
            const a = pool(municipal.values(), (x) => x.procedure === p && x.year === y);
            r[`p${i}`] = a?.marks ? clean(share2(a.marks)) : null;
          });
          return r;
        }),
      },
    });
  }
  return specs;
}

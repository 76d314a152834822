import { describe, expect, it } from "vitest";
import type { ResultRow, SchoolReport } from "../../../src/core/model";
import { DEFAULT_PROFILE } from "../../../src/core/profile";
import { pooledAggregates, schoolAggregates } from "../../../src/core/results";
import { resultsTable } from "../../../src/summary/model/results-table";
import { formulaRows } from "../../../src/summary/model/table";
import { tableOps, tableRows } from "../../../src/summary/write/table-ops";

const r = (
  year: number,
  className: string,
  n5: number,
  n4: number,
  n3: number,
  n2: number,
  journal?: [number, number, number],
): ResultRow => ({
  procedure: "ВПР",
  year,
  grade: 5,
  className,
  subject: "Математика",
  participants: n5 + n4 + n3 + n2,
  marks: { n5, n4, n3, n2 },
  journal: journal && { lowered: journal[0], confirmed: journal[1], raised: journal[2] },
  source: "form",
});

function school(login: string, results: ResultRow[]): SchoolReport {
  return {
    passport: {
      login,
      name: `Школа ${login}`,
      shortName: login.toUpperCase(),
      type: "СОШ",
      location: "город",
      contingent: [],
    },
    results,
    participants: [],
    tasks: [],
    directions: {},
    cycle: [],
    findings: [],
  };
}

const A = school("sch1", [r(2025, "", 5, 10, 8, 2, [5, 15, 5]), r(2024, "", 2, 8, 10, 5), r(2025, "5А", 1, 1, 1, 1)]);
const B = school("sch2", [r(2025, "5А", 3, 3, 3, 1), r(2025, "5Б", 2, 2, 2, 4)]);

describe("aggregation without double counting", () => {
  it("a parallel row wins over class rows; classes are summed when no parallel row", () => {
    const a = schoolAggregates(A.results).get("ВПР|2025|5|Математика")!;
    expect(a.participants).toBe(25);
    expect(a.marks).toEqual({ n5: 5, n4: 10, n3: 8, n2: 2 });
    const b = schoolAggregates(B.results).get("ВПР|2025|5|Математика")!;
    expect(b.marks).toEqual({ n5: 5, n4: 5, n3: 5, n2: 5 });
    expect(b.rows).toBe(2);
    const m = pooledAggregates([schoolAggregates(A.results), schoolAggregates(B.results)]).get(
      "ВПР|2025|5|Математика",
    )!;
    expect(m.participants).toBe(45);
    expect(m.marks).toEqual({ n5: 10, n4: 15, n3: 13, n2: 7 });
  });
});

describe("«Результаты» table", () => {
  const clusterOf = new Map([
    ["sch1", "СОШ, город"],
    ["sch2", "СОШ, город"],
  ]);
  const t = resultsTable({ schools: [A, B], clusterOf, profile: DEFAULT_PROFILE });
  it("has municipality, cluster and school rows per key, in order", () => {
    const y2025 = t.rows.filter((x) => x.year === 2025).map((x) => `${x.level}:${x.unit}`);
    expect(y2025).toEqual(["Муниципалитет:Все ОО", "Кластер:СОШ, город", "ОО:SCH1", "ОО:SCH2"]);
    expect(t.rows[0].year).toBe(2024);
  });
  it("computes indicators by hand-checked values", () => {
    const sch1 = t.rows.find((x) => x.year === 2025 && x.login === "sch1")!;
    expect(sch1).toMatchObject({
      type: "СОШ",
      location: "город",
      n: 25,
      quality: 60,
      success: 92,
      sou: 58.4,
      mean: 3.72,
      share2: 8,
      share5: 20,
      nm: 25,
    });
    expect(sch1.size).toBe("ориентировочная выборка");
    expect(sch1.confirmedShare).toBe(60);
    // 2024: quality 10/25 = 40 %, share «2» 20 % → Δ +20 п.п. and −12 п.п.
    expect(sch1.dQuality).toBe(20);
    expect(sch1.dShare2).toBe(-12);
    const mun = t.rows.find((x) => x.year === 2025 && x.level === "Муниципалитет")!;
    expect(mun.quality).toBeCloseTo((25 / 45) * 100, 9);
    const sch2 = t.rows.find((x) => x.year === 2025 && x.login === "sch2")!;
    expect(sch2.size).toBe("ориентировочная выборка"); // N = 20: the edge is inclusive
    expect(sch2.dQuality).toBeNull();
  });
  it("formula columns are native Excel formulas over the same row", () => {
    const quality = t.columns.find((c) => c.id === "quality")!;
    expect(formulaRows(quality.formula!, (id) => id.toUpperCase())(9)).toBe('IF(NM9>0,(N59+N49)/NM9*100,"")');
    const ops = tableOps("Результаты", t, {
      tableName: "msoko_results",
      marker: "Создано надстройкой МСОКО для Excel",
    });
    const formulas = ops.filter((o) => o.op === "formulas");
    expect(formulas.length).toBe(t.columns.filter((c) => c.formula).length);
    const { header, first, last } = tableRows(t);
    expect([header, first, last]).toEqual([5, 6, 5 + t.rows.length]);
    const qualityOp = formulas.find((o) => o.op === "formulas" && o.address === "R6")!;
    expect(qualityOp.op === "formulas" && qualityOp.formulas[0][0]).toBe('=IF(W6>0,(L6+M6)/W6*100,"")');
    expect(ops.find((o) => o.op === "table")).toMatchObject({ address: `A5:AD${last}`, name: "msoko_results" });
    expect(ops.find((o) => o.op === "freeze")).toMatchObject({ rows: 5 });
  });
});

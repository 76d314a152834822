/**
 * Every number of the four aggregate reports, in the 2023 and the 2025 layout, at school and at
 * municipality level, must come out of the parser as data.ts holds it: school counts exactly,
 * reference counts as N·p/100 of the published percentages, task completion as published.
 */
import { describe, expect, it } from "vitest";
import { importFisoko, type FisokoImport } from "../../../src/fisoko";
import type { ReferenceResult, ResultRow } from "../../../src/core/model";
import { Y2023, Y2025, type Dataset, type Group } from "../../fixtures/fisoko/data";
import { groupsOf, reports, type Scope } from "../../fixtures/fisoko/layouts";

const CASES: [Dataset, 2023 | 2025][] = [
  [Y2023, 2023],
  [Y2025, 2025],
];

function run(d: Dataset, layout: 2023 | 2025, scope: Scope): FisokoImport {
  return importFisoko([{ name: `ВПР-${layout}-${scope}.xlsx`, sheets: reports(d, layout, scope) }]);
}

/** Counts the parser must give a reference row: N·p/100 of each published percentage. */
function referenceMarks(g: Group) {
  const [p2, p3, p4, p5] = g.marks;
  return { n2: (p2 * g.n) / 100, n3: (p3 * g.n) / 100, n4: (p4 * g.n) / 100, n5: (p5 * g.n) / 100 };
}

function expectClose(actual: number[] | undefined, expected: number[]): void {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((x, i) => expect(actual?.[i]).toBeCloseTo(x, 6));
}

function checkReference(d: Dataset, layout: 2023 | 2025, r: ReferenceResult | undefined, g: Group): void {
  expect(r).toBeDefined();
  if (!r) return;
  expect(r.name).toBe(g.name);
  expect(r.participants).toBe(g.n);
  expect(r.schools).toBe(g.schools);
  const m = referenceMarks(g);
  expect(r.marks?.n2).toBeCloseTo(m.n2, 6);
  expect(r.marks?.n3).toBeCloseTo(m.n3, 6);
  expect(r.marks?.n4).toBeCloseTo(m.n4, 6);
  expect(r.marks?.n5).toBeCloseTo(m.n5, 6);
  expect(r.journal).toEqual({ lowered: g.journal[0], confirmed: g.journal[1], raised: g.journal[2] });
  // 2023 exports give references' distributions in counts, 2025 ones in percent of N.
  expectClose(r.scoreDistribution, layout === 2023 ? g.distribution : g.distribution.map((p) => (p * g.n) / 100));
  expect(r.taskCompletion?.map((t) => t.percent)).toEqual(g.tasks);
  expect(r.taskCompletion?.map((t) => t.number)).toEqual(d.tasks.map((t) => t.number));
  expect(r.taskCompletion?.map((t) => t.max)).toEqual(d.tasks.map((t) => t.max));
}

function checkSchool(
  d: Dataset,
  layout: 2023 | 2025,
  r: ResultRow | undefined,
  g: Group,
  file: string,
  sheet: string,
): void {
  expect(r).toBeDefined();
  if (!r) return;
  expect(r).toMatchObject({
    procedure: "ВПР",
    year: d.year,
    grade: d.grade,
    subject: d.subject,
    className: "",
    login: g.login,
    schoolName: g.name,
    source: file,
  });
  expect(r.participants).toBe(g.n);
  expect(r.marks).toEqual({ n2: g.marks[0], n3: g.marks[1], n4: g.marks[2], n5: g.marks[3] });
  expect(r.journal).toEqual({ lowered: g.journal[0], confirmed: g.journal[1], raised: g.journal[2] });
  expect(r.scoreDistribution).toEqual(g.distribution);
  expect(r.taskCompletion?.map((t) => t.percent)).toEqual(g.tasks);
  expect(r.taskCompletion?.map((t) => t.max)).toEqual(d.tasks.map((t) => t.max));
  expect(r.taskCompletion?.map((t) => t.level)).toEqual(
    layout === 2025 ? d.tasks.map((t) => t.level) : d.tasks.map(() => undefined),
  );
  expect(r.ref?.sheet).toBe(sheet);
}

describe.each(CASES)("ФИС ОКО, макет %#", (d, layout) => {
  describe.each(["school", "municipality"] as Scope[])("уровень %s", (scope) => {
    const res = run(d, layout, scope);
    const file = `ВПР-${layout}-${scope}.xlsx`;
    const schools = groupsOf(d, scope).filter((g) => g.level === "school");

    it("imports without errors and lists the four reports", () => {
      expect(res.findings.filter((f) => f.severity !== "info")).toEqual([]);
      expect(res.ok).toBe(true);
      expect(res.reports.map((r) => [r.kind, r.year, r.grade, r.subject])).toEqual(
        ["marks", "journal", "distribution", "tasks"].map((k) => [k, d.year, d.grade, d.subject]),
      );
    });

    it("turns every school row into a ResultRow with every number", () => {
      expect(res.results).toHaveLength(schools.length);
      const marksSheet = layout === 2023 ? "Статистика по отметкам" : "Лист1";
      for (const g of schools)
        checkSchool(
          d,
          layout,
          res.results.find((r) => r.login === g.login),
          g,
          file,
          marksSheet,
        );
    });

    it("turns region and municipality rows into references, Russia into a national row", () => {
      expect(res.references.map((r) => r.level)).toEqual(["region", "municipality"]);
      checkReference(d, layout, res.references[0], d.region);
      checkReference(d, layout, res.references[1], d.municipality);
      expect(res.national).toHaveLength(1);
      expect(res.national[0].level).toBe("country");
      checkReference(d, layout, { ...res.national[0], level: "region" }, d.country);
      expect(res.references.every((r) => r.source === file && r.procedure === "ВПР" && r.year === d.year)).toBe(true);
    });

    it("gives the task list only where the export has levels", () => {
      if (layout === 2023) {
        expect(res.tasks).toEqual([]);
        expect(res.findings.map((f) => f.rule)).toContain("fisoko.levels");
      } else {
        expect(res.tasks).toEqual([
          { procedure: "ВПР", year: d.year, grade: d.grade, subject: d.subject, tasks: d.tasks, source: file },
        ]);
      }
    });
  });
});

describe("hand-computed spot checks", () => {
  it("2023: «4; 26,67; 42,67; 26,67» % of 75 are 3, 20, 32, 20 pupils of Гимназия № 2", () => {
    const r = run(Y2023, 2023, "municipality").results.find((x) => x.login === "sch420102");
    expect(r?.marks).toEqual({ n2: 3, n3: 20, n4: 32, n5: 20 });
  });

  it("2025: 12,4 % of 1 150 in the municipality is 142,6 «2»; 7,4 % at score 12 is 85,1 pupils", () => {
    const m = run(Y2025, 2025, "school").references[1];
    expect(m.marks?.n2).toBeCloseTo(142.6, 9);
    expect(m.scoreDistribution?.[12]).toBeCloseTo(85.1, 9);
  });

  it("2025: task «3(1)» of СОШ № 1 — level Б, max 1, 83,3 %", () => {
    const r = run(Y2025, 2025, "school").results[0];
    expect(r.taskCompletion?.[3]).toEqual({ number: "3(1)", max: 1, level: "Б", percent: 83.3 });
  });
});

/**
 * Imported data must give the same indicators as the same data typed into the form: quality,
 * success rate, СОУ, mean mark, share of «2» and confirmation shares (src/core/indicators.ts).
 * Checked on a hand-typed row and on the sample municipality rendered as ФИС ОКО exports.
 */
import { describe, expect, it } from "vitest";
import type { JournalComparison, MarkCounts, ResultRow } from "../../../src/core/model";
import { DEFAULT_PROFILE } from "../../../src/core/profile";
import { confirmationShare, meanMark, quality, share2, sou, successRate } from "../../../src/core/indicators";
import { importFisoko } from "../../../src/fisoko";
import { generateSchools } from "../../../src/sample";
import { Y2023, type Dataset, type Group } from "../../fixtures/fisoko/data";
import { journal2023, marks2023, marks2025, journal2025 } from "../../fixtures/fisoko/layouts";

const W = DEFAULT_PROFILE.values["sou.weights"] as readonly number[];

function indicators(marks: MarkCounts | undefined, journal: JournalComparison | undefined) {
  if (!marks || !journal) throw new Error("нет отметок или сравнения с журналом");
  return {
    quality: quality(marks),
    success: successRate(marks),
    sou: sou(marks, W),
    meanMark: meanMark(marks),
    share2: share2(marks),
    confirmed: confirmationShare(journal, "confirmed"),
    lowered: confirmationShare(journal, "lowered"),
    raised: confirmationShare(journal, "raised"),
  };
}

describe("imported vs typed by hand", () => {
  it("СОШ № 1, ВПР 2023 математика 5: the same indicators, hand-computed", () => {
    const typed: ResultRow = {
      procedure: "ВПР",
      year: 2023,
      grade: 5,
      className: "",
      subject: "Математика",
      participants: 52,
      marks: { n5: 10, n4: 20, n3: 18, n2: 4 },
      journal: { lowered: 10, confirmed: 38, raised: 4 },
      source: "form",
    };
    const res = importFisoko([{ name: "f.xlsx", sheets: [marks2023(Y2023, "school"), journal2023(Y2023, "school")] }]);
    const imported = res.results[0];
    expect(indicators(imported.marks, imported.journal)).toEqual(indicators(typed.marks, typed.journal));
    const v = indicators(imported.marks, imported.journal);
    expect(v.quality).toBeCloseTo((30 * 100) / 52, 12); // 57,69 %
    expect(v.success).toBeCloseTo((48 * 100) / 52, 12); // 92,31 %
    expect(v.sou).toBeCloseTo((100 * 10 + 64 * 20 + 36 * 18 + 16 * 4) / 52, 12); // 57,54 %
    expect(v.confirmed).toBeCloseTo((38 * 100) / 52, 12); // 73,08 %
    expect(v.share2).toBeCloseTo((4 * 100) / 52, 12);
  });
});

/** A test of the sample as the groups of an export: Russia and the region stand in for themselves, the municipality pooled, each school. */
function exportGroups(rows: { login: string; name: string; r: ResultRow }[]): Group[] {
  const pooled = rows.reduce(
    (a, { r }) => ({
      n: a.n + r.participants,
      m: a.m.map((x, i) => x + [r.marks!.n2, r.marks!.n3, r.marks!.n4, r.marks!.n5][i]),
      j: a.j.map((x, i) => x + [r.journal!.lowered, r.journal!.confirmed, r.journal!.raised][i]),
    }),
    { n: 0, m: [0, 0, 0, 0], j: [0, 0, 0] },
  );
  const pct = (c: number) => Math.round((c * 10000) / pooled.n) / 100;
  const reference = (level: Group["level"], label: string): Group => ({
    level,
    label,
    name: label,
    schools: rows.length,
    n: pooled.n,
    marks: pooled.m.map(pct) as Group["marks"],
    journal: pooled.j as Group["journal"],
    distribution: [],
    tasks: [],
  });
  return [
    reference("country", "Вся выборка"),
    reference("region", "Кемеровская область - Кузбасс"),
    reference("municipality", "Ленинск-Кузнецкий городской округ"),
    ...rows.map(({ login, name, r }): Group => ({
      level: "school",
      label: `(${login}) ${name}`,
      login,
      name,
      schools: 1,
      n: r.participants,
      marks: [r.marks!.n2, r.marks!.n3, r.marks!.n4, r.marks!.n5],
      journal: [r.journal!.lowered, r.journal!.confirmed, r.journal!.raised],
      distribution: [],
      tasks: [],
    })),
  ];
}

describe("the sample municipality, exported and imported", () => {
  const schools = [...generateSchools({ schools: 8, years: [2025] })].map((s) => s.report);
  const tests = new Map<string, { login: string; name: string; r: ResultRow }[]>();
  for (const s of schools) {
    for (const r of s.results) {
      if (r.procedure !== "ВПР" || r.className !== "" || !r.marks || !r.journal || r.participants === 0) continue;
      const key = `${r.year}|${r.grade}|${r.subject}`;
      tests.set(key, [
        ...(tests.get(key) ?? []),
        { login: s.passport.login, name: s.passport.shortName ?? s.passport.name, r },
      ]);
    }
  }

  it("has ВПР results to export", () => {
    expect(tests.size).toBeGreaterThan(5);
  });

  it.each([2023, 2025] as const)("every school's indicators survive the %s layout", (layout) => {
    let compared = 0;
    for (const rows of tests.values()) {
      const { year, grade, subject } = rows[0].r;
      const d = { ...Y2023, year, grade, subject } as Dataset;
      const groups = exportGroups(rows);
      const sheets =
        layout === 2023
          ? [marks2023(d, groups), journal2023(d, groups)]
          : [marks2025(d, groups), journal2025(d, groups)];
      const res = importFisoko([{ name: `sample-${year}-${grade}-${subject}.xlsx`, sheets }]);
      expect(res.findings.filter((f) => f.severity === "error")).toEqual([]);
      for (const { login, r } of rows) {
        const imported = res.results.find((x) => x.login === login);
        expect(imported?.participants).toBe(r.participants);
        expect(imported?.marks).toEqual({ n2: r.marks!.n2, n3: r.marks!.n3, n4: r.marks!.n4, n5: r.marks!.n5 });
        expect(indicators(imported?.marks, imported?.journal)).toEqual(indicators(r.marks, r.journal));
        compared++;
      }
      // The municipality reference reproduces the pooled quality to the export's rounding (0,01 %·4).
      const pooledQuality = quality(sumMarks(rows.map((x) => x.r.marks!)));
      const ref = res.references.find((x) => x.level === "municipality");
      expect(quality(ref!.marks!)).toBeCloseTo(pooledQuality!, layout === 2023 ? 1 : 0);
    }
    expect(compared).toBeGreaterThan(20);
  });
});

function sumMarks(list: MarkCounts[]): MarkCounts {
  return list.reduce((a, m) => ({ n2: a.n2 + m.n2, n3: a.n3 + m.n3, n4: a.n4 + m.n4, n5: a.n5 + m.n5 }), {
    n2: 0,
    n3: 0,
    n4: 0,
    n5: 0,
  });
}

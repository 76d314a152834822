/**
 * Objectivity measures as data: «Меры объективности» (observers, video) and «Перепроверка» (the
 * school's and the commission's mark per work) → sign O7 and the coverage indicator on
 * «Объективность» and the objectivity track.
 */
import { describe, expect, it } from "vitest";
import { signO7, objectivityCoverage } from "../../../src/core/objectivity";
import { explainSign } from "../../../src/core/analysis";
import type { RecheckRow, SchoolReport } from "../../../src/core/model";
import { applyOverrides, DEFAULT_PROFILE } from "../../../src/core/profile";
import { MemoryWorkbook } from "../../../src/host/memory";
import { fillForm } from "../../../src/form/template";
import { parseForm } from "../../../src/form/parse";
import { buildSummary } from "../../../src/summary/model/build";
import { formatPercentRu } from "../../../src/core/values";

/** `lowered` of `n` works lowered by the commission (5 → 4), `raised` raised (3 → 4), the rest confirmed (4 → 4). */
function works(n: number, lowered: number, raised = 0): RecheckRow[] {
  return Array.from({ length: n }, (_, i) => ({
    year: 2026,
    procedure: "ВПР" as const,
    grade: 5,
    subject: "Математика",
    code: `A${100 + i}`,
    schoolMark: i < lowered ? 5 : i < lowered + raised ? 3 : 4,
    commissionMark: 4,
  }));
}

describe("O7 «Перепроверка понизила отметки»", () => {
  it("fires when the commission lowered most marks, with the numbers, threshold and provenance", () => {
    const [s] = signO7(works(20, 14, 2), DEFAULT_PROFILE);
    expect([s.fired, s.evaluated, s.n]).toEqual([true, true, 20]);
    expect(s.numbers).toMatchObject({
      n: 20,
      lowered: 14,
      raised: 2,
      confirmed: 4,
      loweredShare: 70,
      changedShare: 80,
    });
    expect(s.tags).toEqual(["DEFAULT"]);
    expect(explainSign(s)).toContain(
      `независимая перепроверка 20 работ: отметка понижена в 14 (${formatPercentRu(70)}), повышена в 2 (${formatPercentRu(10)}), подтверждена в 4; порог — понижено не менее ${formatPercentRu(30)} при не менее 10 перепроверенных работах ([DEFAULT])`,
    );
  });

  it("does not fire when the commission confirmed the marks", () => {
    const [s] = signO7(works(20, 0, 1), DEFAULT_PROFILE);
    expect([s.fired, s.evaluated, s.numbers.loweredShare, s.numbers.confirmed]).toEqual([false, true, 0, 19]);
  });

  it("at the threshold: 3 of 10 lowered (30 %) fires, 2 of 10 does not; 9 works are too few", () => {
    expect(signO7(works(10, 3), DEFAULT_PROFILE)[0].fired).toBe(true);
    expect(signO7(works(10, 2), DEFAULT_PROFILE)[0].fired).toBe(false);
    const few = signO7(works(9, 9), DEFAULT_PROFILE)[0];
    expect([few.evaluated, few.fired, few.reasonNotEvaluated]).toEqual([false, false, "мало перепроверенных работ"]);
    expect(explainSign(few)).toContain("нужно не менее 10");
    const { profile } = applyOverrides([{ key: "o7.minWorks", value: "5" }]);
    expect(signO7(works(9, 9), profile)[0].fired).toBe(true);
  });
});

describe("coverage: observers, video, re-check", () => {
  const measures = [
    { year: 2026, procedure: "ВПР" as const, observers: true, video: true },
    { year: 2026, procedure: "ОГЭ" as const, observers: true, video: false },
    { year: 2026, procedure: "КДР" as const, observers: false, video: null },
    { year: 2025, procedure: "ВПР" as const, observers: true, video: true },
  ];

  it("counts the year's procedures and re-checked works, in one sentence", () => {
    const c = objectivityCoverage(measures, works(20, 14, 2), 2026)!;
    expect([c.procedures, c.observers, c.video, c.rechecked, c.lowered, c.raised]).toEqual([3, 2, 1, 20, 14, 2]);
    expect(c.observersShare).toBeCloseTo(200 / 3, 9);
    expect(c.text).toBe(
      `2026: общественные наблюдатели — на 2 из 3 процедур (${formatPercentRu(200 / 3)}), видеонаблюдение — на 1 (${formatPercentRu(100 / 3)}); перепроверено 20 работ: отметка изменена в ${formatPercentRu(80)} (понижена — 14, повышена — 2).`,
    );
    expect(objectivityCoverage(measures, [], 2024)).toBeNull();
  });

  it("the form's sheets round-trip and reach «Объективность», the objectivity track and the JSON", async () => {
    const report: SchoolReport = {
      passport: { login: "sch1", name: "Школа 1", type: "СОШ", location: "город", contingent: [] },
      results: [
        {
          procedure: "ВПР",
          year: 2026,
          grade: 5,
          className: "",
          subject: "Математика",
          participants: 30,
          marks: { n5: 6, n4: 12, n3: 10, n2: 2 },
          source: "form",
        },
      ],
      participants: [],
      tasks: [],
      directions: {},
      cycle: [],
      objectivityMeasures: measures,
      rechecks: works(12, 9),
      findings: [],
    };
    const wb = new MemoryWorkbook();
    await wb.write({ ops: fillForm(report) });
    const sheets = await wb.readSheets((await wb.listSheets()).map((s) => s.name));
    const parsed = parseForm(sheets, { file: "sch1.xlsx" });
    expect(parsed.findings.filter((f) => f.severity === "error")).toEqual([]);
    const back = parsed.report!;
    expect(back.objectivityMeasures).toHaveLength(4);
    expect(back.objectivityMeasures![2]).toMatchObject({ procedure: "КДР", observers: false, video: null });
    expect(back.rechecks).toHaveLength(12);
    expect(back.rechecks![0]).toMatchObject({ code: "A100", schoolMark: 5, commissionMark: 4, subject: "Математика" });

    const s = buildSummary({
      municipality: {
        name: "Округ",
        schools: [
          {
            ...back,
            cycle: [
              {
                year: 2026,
                direction: "O",
                track: "Объективность",
                trackKind: "full",
                component: 1,
                score: 2,
                docNumber: "1",
                docDate: "2026-01-10",
              },
            ],
          },
        ],
        references: [],
        fiokoMarkers: [],
        riskProfiles: [],
        municipalCycle: [],
      },
      files: [],
      profile: DEFAULT_PROFILE,
      evaluationDate: "2026-12-31",
      runAt: "2026-12-31T00:00:00Z",
    });
    const coverage = s.sheets.find((x) => x.id === "objectivity")!.tables.find((t) => t.id === "coverage")!;
    expect(coverage.rows[0]).toMatchObject({ login: "sch1", procedures: 3, rechecked: 12, loweredShare: 75 });
    const json = s.json.schools[0];
    expect(json.objectivityCoverage).toMatchObject({
      procedures: 3,
      observers: 2,
      video: 1,
      rechecked: 12,
      lowered: 9,
    });
    expect(json.cycle.find((c) => c.direction === "О")!.indicators[0]).toContain(
      "общественные наблюдатели — на 2 из 3",
    );
    // 9 of 12 lowered (75 %) ≥ 30 %, 12 ≥ 10 works: O7 fires and the objectivity track must answer it.
    expect(json.signs.find((x) => x.rule === "O7")).toMatchObject({
      procedure: "ВПР",
      grade: 5,
      subject: "Математика",
      n: 12,
    });
    expect(json.cycleFindings).toContainEqual(
      expect.objectContaining({ code: "O7", direction: "О", responded: false, link: "O7 ВПР 2026 5 математика" }),
    );
  });
});

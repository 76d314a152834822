import { describe, expect, it } from "vitest";
import type { InternalResultRow, MarkCounts, ResultRow, SchoolReport } from "../../../src/core/model";
import { applyOverrides, DEFAULT_PROFILE } from "../../../src/core/profile";
import { fillForm, validateWorkbook } from "../../../src/form";
import { MemoryWorkbook } from "../../../src/host/memory";
import { generateSchool } from "../../../src/sample";
import { internalPart } from "../../../src/school/model/internal-tables";
import { schoolReport } from "../../../src/school/model/report";

const m = (n5: number, n4: number, n3: number, n2: number): MarkCounts => ({ n5, n4, n3, n2 });
const quarter = (className: string, subject: string, period: number, marks: MarkCounts): InternalResultRow => ({
  procedure: "Итоги четверти",
  year: 2026,
  period,
  grade: 5,
  className,
  subject,
  participants: marks.n5 + marks.n4 + marks.n3 + marks.n2,
  marks,
  source: "form",
});
const external = (className: string, subject: string, marks: MarkCounts): ResultRow => ({
  procedure: "ВПР",
  year: 2026,
  grade: 5,
  className,
  subject,
  participants: marks.n5 + marks.n4 + marks.n3 + marks.n2,
  marks,
  source: "form",
});

function school(): SchoolReport {
  return {
    passport: {
      login: "edu1",
      name: "Школа",
      type: "СОШ",
      location: "город",
      contingent: [{ year: 2026, grade: 5, pupils: 25 }],
    },
    // ВПР of the parallel in mathematics: quality 10/20 = 50 %, success 18/20 = 90 %;
    // ВПР of 5А in Russian: quality 5/10 = 50 %.
    results: [external("", "Математика", m(2, 8, 8, 2)), external("А", "Русский язык", m(1, 4, 4, 1))],
    participants: [],
    tasks: [],
    directions: {},
    cycle: [],
    findings: [],
    internal: [
      quarter("А", "Математика", 1, m(2, 6, 2, 0)), // 80 %, mean 4,0
      quarter("А", "Математика", 2, m(3, 5, 2, 0)), // 80 %
      quarter("А", "Математика", 3, m(4, 5, 1, 0)), // 90 %: 5Б has no 3rd quarter
      quarter("Б", "Математика", 1, m(1, 5, 4, 0)), // 60 %
      quarter("Б", "Математика", 2, m(2, 6, 2, 0)), // 80 %
      {
        ...quarter("А", "Русский язык", 0, m(1, 5, 4, 0)), // 60 %
        procedure: "Промежуточная аттестация",
        period: null,
      },
    ],
  };
}

describe("the school's own assessments in the school report", () => {
  it("dynamics by period: успеваемость, качество, средняя отметка, change in п.п.", () => {
    const [dyn] = internalPart(school(), 2026, DEFAULT_PROFILE)!.tables;
    const a = dyn.rows.filter((r) => r.cls === "5А" && r.subject === "Математика");
    expect(a.map((r) => [r.period, r.quality, r.dQuality])).toEqual([
      ["1 четверть", 80, null],
      ["2 четверть", 80, 0],
      ["3 четверть", 90, 10],
    ]);
    expect(a[0]).toMatchObject({ n: 10, success: 100, mean: 4 });
    expect(dyn.rows.find((r) => r.cls === "5А" && r.subject === "Русский язык")).toMatchObject({
      period: "год (промежуточная аттестация)",
      quality: 60,
    });
    expect(dyn.description).toBe(
      "Внутренняя оценка 2026 г.: 3 строки «класс × предмет» по итогам четвертей, полугодий и промежуточной аттестации. Снижения качества от первого периода к последнему нет.",
    );
  });

  it("compares with ВПР of the same class and subject: the parallel against the latest quarter every class has", () => {
    const [, cmp] = internalPart(school(), 2026, DEFAULT_PROFILE)!.tables;
    // 5А + 5Б, 2nd quarter: «5» 5, «4» 11, «3» 4 → quality 16/20 = 80 %; ВПР 50 % → gap 30 п.п.
    expect(cmp.rows[0]).toMatchObject({
      cls: "5 (параллель)",
      subject: "Математика",
      procedure: "ВПР",
      extN: 20,
      extQuality: 50,
      extSuccess: 90,
      period: "2 четверть",
      intN: 20,
      intQuality: 80,
      intSuccess: 100,
      gap: 30,
      verdict: "Расхождение: качество по внутренней оценке выше внешней на 30\u00a0п.п. (порог 15\u00a0п.п.)",
    });
    // 5А Russian: промежуточная аттестация 60 % against ВПР 50 % — 10 п.п., below the threshold.
    expect(cmp.rows[1]).toMatchObject({ cls: "5А", intQuality: 60, extQuality: 50, gap: 10 });
    expect(cmp.rows[1].verdict).toBe("В пределах порога 15\u00a0п.п.");
    expect(cmp.description).toContain("у 1 из 2 сопоставлений разница качества не меньше порога 15\u00a0п.п.");
    expect(cmp.columns.find((c) => c.id === "gap")!.formula).toBe(
      'IF(OR({intQuality}="",{extQuality}=""),"",{intQuality}-{extQuality})',
    );
  });

  it("the threshold is a profile setting: a gap at the threshold is flagged, just below it is not", () => {
    const at = applyOverrides([{ key: "internal.qualityGap", value: 30 }]).profile;
    const above = applyOverrides([{ key: "internal.qualityGap", value: 30.5 }]).profile;
    expect(internalPart(school(), 2026, at)!.tables[1].rows[0].verdict).toMatch(/^Расхождение/);
    expect(internalPart(school(), 2026, above)!.tables[1].rows[0].verdict).toBe("В пределах порога 30,5\u00a0п.п.");
  });

  it("no internal marks in the year: no sheet", () => {
    expect(internalPart(school(), 2025, DEFAULT_PROFILE)).toBeNull();
  });
});

describe("the form's «Результаты» with quarters", () => {
  async function check(report: SchoolReport) {
    const wb = new MemoryWorkbook();
    await wb.write({ ops: fillForm(report) });
    return { wb, ...(await validateWorkbook(wb)) };
  }

  it("round trip: quarters and промежуточная аттестация are read apart from external results", async () => {
    const { findings, report } = await check(school());
    expect(findings.filter((f) => f.severity !== "info")).toEqual([]);
    expect(report!.results.map((r) => r.procedure)).toEqual(["ВПР", "ВПР"]);
    expect(report!.internal!.map((r) => [r.procedure, r.period, r.className])).toEqual([
      ["Итоги четверти", 1, "А"],
      ["Итоги четверти", 2, "А"],
      ["Итоги четверти", 3, "А"],
      ["Итоги четверти", 1, "Б"],
      ["Итоги четверти", 2, "Б"],
      ["Промежуточная аттестация", null, "А"],
    ]);
  });

  it("a quarter without its number, a fifth quarter and a period on ВПР are named by sheet and cell", async () => {
    const { wb } = await check(school());
    const [sheet] = await wb.readSheets(["Результаты"]);
    const header = sheet.values[0] as unknown[];
    const col = String.fromCharCode(65 + header.indexOf("Четверть / полугодие"));
    // Rows: 2–3 ВПР, 4–8 quarters, 9 промежуточная аттестация.
    await wb.write({
      ops: [
        { op: "values", sheet: "Результаты", address: `${col}4`, values: [[null]] },
        { op: "values", sheet: "Результаты", address: `${col}5`, values: [[5]] },
        { op: "values", sheet: "Результаты", address: `${col}2`, values: [[1]] },
      ],
    });
    const { findings } = await validateWorkbook(wb);
    const mine = findings.filter((f) => f.rule.startsWith("period.") || f.rule === "range");
    expect(mine.map((f) => [f.rule, f.sheet, f.cell, f.message])).toEqual([
      [
        "period.unexpected",
        "Результаты",
        `${col}2`,
        "Процедура «ВПР» не делится на периоды, а в столбце «Четверть / полугодие» указано 1; значение не используется.",
      ],
      [
        "period.required",
        "Результаты",
        `${col}4`,
        "Процедура «Итоги четверти»: не указан номер периода в столбце «Четверть / полугодие».",
      ],
      ["range", "Результаты", `${col}5`, expect.stringContaining("5") as unknown as string],
    ]);
  });
});

describe("the demo school with quarter marks", () => {
  it("МБОУ СОШ № 3 (edu420127): quarters well above its ВПР, every comparison over the threshold", () => {
    const { report } = generateSchool(2);
    expect(report.passport.login).toBe("edu420127");
    const part = internalPart(report, 2026, DEFAULT_PROFILE)!;
    const [dyn, cmp] = part.tables;
    // 4А mathematics, 1st quarter: «5» 5, «4» 11, «3» 6 of 22 → quality 16/22.
    expect(dyn.rows[0]).toMatchObject({ cls: "4А", period: "1 четверть", n: 22, n5: 5, n4: 11, n3: 6, n2: 0 });
    expect(dyn.rows[0].quality).toBeCloseTo((16 / 22) * 100, 8);
    // Grade 4 mathematics: ВПР 33 of 63 at «4»–«5»; 4th quarter of all classes 52 of 66.
    expect(cmp.rows[0]).toMatchObject({
      cls: "4 (параллель)",
      procedure: "ВПР",
      extN: 63,
      intN: 66,
      period: "4 четверть",
    });
    expect(cmp.rows[0].extQuality).toBeCloseTo((33 / 63) * 100, 8);
    expect(cmp.rows[0].intQuality).toBeCloseTo((52 / 66) * 100, 8);
    expect(cmp.rows[0].gap).toBeCloseTo((52 / 66 - 33 / 63) * 100, 8);
    expect(cmp.description).toMatch(
      /^Сравнение результатов внешней оценки с результатами внутренней оценки: у 30 из 30 /,
    );
    const sheets = schoolReport(report, { year: 2026, procedure: "ВПР", profile: DEFAULT_PROFILE }).sheets;
    expect(sheets.map((s) => s.name)).toContain("Анализ ОО — внутренняя оценка");
  });
});

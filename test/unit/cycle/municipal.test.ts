/**
 * The МОУО's own cycle: the «Цикл МОУО» sheet (template, reading, cell errors), its evaluation in
 * the summary (status, gaps, overdue steps, next steps; the municipal row; JSON municipalityCycle)
 * and the demo's municipal cycle with one gap and one overdue step.
 */
import { describe, expect, it } from "vitest";
import { evaluateCycle, municipalCycleReport } from "../../../src/core/cycle";
import { DEFAULT_PROFILE } from "../../../src/core/profile";
import {
  looksLikeMunicipalCycle,
  municipalCycleOps,
  MUNICIPAL_CYCLE_SHEET,
  readMunicipalCycle,
} from "../../../src/form/municipal-cycle";
import { MemoryWorkbook } from "../../../src/host/memory";
import { municipalCycle } from "../../../src/sample/cycle";
import { buildSummary } from "../../../src/summary/model/build";
import { addWorkbook, emptyInputs } from "../../../src/summary/inputs";
import { track } from "./helpers";

const opts = { year: 2026, evaluationDate: "2026-12-31", profile: DEFAULT_PROFILE };

async function bookOf(ops: ReturnType<typeof municipalCycleOps>) {
  const wb = new MemoryWorkbook();
  await wb.write({ ops });
  return wb.readSheets((await wb.listSheets()).map((s) => s.name));
}

describe("«Цикл МОУО» sheet", () => {
  it("the template has the cycle sheet with the form's cycle columns (and the МОУО's objectivity sheets), read back empty", async () => {
    const sheets = await bookOf(municipalCycleOps());
    expect(sheets.map((s) => s.name)).toEqual([MUNICIPAL_CYCLE_SHEET, "Меры объективности", "Перепроверка"]);
    expect(sheets[0].values[0].slice(0, 6)).toEqual([
      "Год",
      "Направление",
      "Название направления",
      "Трек",
      "Тип трека",
      "Компонент",
    ]);
    expect(looksLikeMunicipalCycle(sheets)).toBe(true);
    const read = readMunicipalCycle(sheets, "цикл.xlsx")!;
    expect(read.records).toEqual([]);
    expect(read.findings.filter((f) => f.severity !== "info")).toEqual([]);
  });

  it("round-trips the demo's records and reports a bad score with sheet and cell", async () => {
    const records = municipalCycle(1, [2026]);
    const sheets = await bookOf(municipalCycleOps(records));
    const read = readMunicipalCycle(sheets, "цикл.xlsx")!;
    expect(read.records).toHaveLength(records.length);
    expect(read.records[0]).toMatchObject({ year: 2026, direction: 1, track: "ВПР", component: 1, score: 2 });
    expect(read.records[0].ref).toEqual({ sheet: MUNICIPAL_CYCLE_SHEET, cell: "A2", file: "цикл.xlsx" });
    // Оценка is column H; row 3 is component 2 of the first track.
    sheets[0].values[2][7] = "да-да";
    const bad = readMunicipalCycle(sheets, "цикл.xlsx")!;
    const f = bad.findings.find((x) => x.severity === "error")!;
    expect(f).toMatchObject({ sheet: MUNICIPAL_CYCLE_SHEET, cell: "H3" });
    expect(f.message).toContain("да-да");
    expect(bad.records[1].score).toBeNull();
  });

  it("a book with the sheet is sorted as the МОУО cycle, never as a school form", async () => {
    const sheets = await bookOf(municipalCycleOps(municipalCycle(1, [2026])));
    const inputs = emptyInputs();
    addWorkbook(inputs, "моуо.xlsx", sheets);
    expect(inputs.forms).toEqual([]);
    expect(inputs.municipalCycleFiles).toEqual(["моуо.xlsx"]);
    expect(inputs.municipalCycle).toHaveLength(84);
  });
});

describe("the МОУО's own objectivity measures", () => {
  it("are read from its book and reach «Объективность», the МОУО's objectivity track and the JSON", async () => {
    const sheets = await bookOf(municipalCycleOps());
    const grid = (name: string) => sheets.find((s) => s.name === name)!.values;
    grid("Меры объективности")[1] = [2026, "ВПР", null, null, "да", "да"];
    grid("Меры объективности")[2] = [2026, "ОГЭ", null, null, "да", "нет"];
    for (let i = 0; i < 10; i++)
      grid("Перепроверка")[1 + i] = [2026, "ВПР", 5, "Математика", `M${i}`, 4, i < 4 ? 3 : 4];
    const read = readMunicipalCycle(sheets, "моуо.xlsx")!;
    expect(read.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect([read.measures.length, read.rechecks.length]).toEqual([2, 10]);
    const s = buildSummary({
      municipality: {
        name: "Округ",
        schools: [],
        references: [],
        fiokoMarkers: [],
        riskProfiles: [],
        municipalCycle: track({ direction: "O", scores: "222222222" }),
        municipalMeasures: read.measures,
        municipalRechecks: read.rechecks,
      },
      files: [],
      profile: DEFAULT_PROFILE,
      evaluationDate: "2026-12-31",
      runAt: "2026-12-31T10:00:00.000Z",
    });
    expect(s.json.municipalityObjectivity).toMatchObject({
      procedures: 2,
      observers: 2,
      video: 1,
      rechecked: 10,
      lowered: 4,
    });
    const coverage = s.sheets.find((x) => x.id === "objectivity")!.tables.find((t) => t.id === "coverage")!;
    expect(coverage.rows[0]).toMatchObject({
      login: "МОУО",
      procedures: 2,
      observersShare: 100,
      videoShare: 50,
      loweredShare: 40,
    });
    expect(s.json.municipalityCycle!.indicators[0]).toContain("перепроверено 10 работ");
  });
});

describe("the demo's МОУО cycle", () => {
  const report = municipalCycleReport(evaluateCycle(municipalCycle(1, [2025, 2026]), opts));

  it("has one gap (direction 2 at «Меры и мероприятия», not yet due) and one overdue step (direction 5, step 9)", () => {
    expect(report.directionsWithData).toBe(8);
    expect(report.noData).toEqual(["8"]);
    expect(report.closedDirections).toBe(6);
    const open = report.tracks.filter((t) => t.gap !== null);
    expect(open.map((t) => [t.code, t.status, t.overdue.length])).toEqual([
      ["2", "разрыв на этапе 7 «Меры и мероприятия»", 0],
      ["5", "разрыв на этапе 9 «Анализ эффективности принятых мер»", 1],
    ]);
    // Direction 2: 6 × 2 + 0 + 1 + 1 = 14 of 18 points → 77,8 % (средний).
    expect(open[0].score).toBeCloseTo((14 / 18) * 100, 9);
    expect(open[0].level).toBe("средний");
    expect(open[0].nextSteps[0]).toBe(
      "Разработать комплекс мер и мероприятий, направленных на совершенствование направления (план, утверждённый приказом с номером и датой) — срок 20.02.2027",
    );
    // Direction 5: 8 × 2 + 1 = 17 of 18 → 94,4 % (высокий), step 9 planned 20.11.2026 < 31.12.2026.
    expect(open[1].score).toBeCloseTo((17 / 18) * 100, 9);
    expect(open[1].overdue[0].text).toBe("этап 9 «Анализ эффективности принятых мер» — срок 20.11.2026");
    expect(open[1].nextSteps[0]).toContain("— срок 20.11.2026 (просрочен)");
    expect(report.overdueCount).toBe(1);
  });

  it("a step planned on the evaluation date itself is not overdue yet", () => {
    const e = evaluateCycle(municipalCycle(1, [2026]), { ...opts, evaluationDate: "2026-11-20" });
    expect(municipalCycleReport(e).overdueCount).toBe(0);
    const later = evaluateCycle(municipalCycle(1, [2026]), { ...opts, evaluationDate: "2026-11-21" });
    expect(municipalCycleReport(later).overdueCount).toBe(1);
  });
});

describe("the summary reads the МОУО cycle", () => {
  const school = (login: string) => ({
    passport: { login, name: `Школа ${login}`, type: "СОШ" as const, location: "город" as const, contingent: [] },
    results: [],
    participants: [],
    tasks: [],
    directions: {},
    cycle: track({ direction: 1, scores: "222222222" }),
    findings: [],
  });
  const base = {
    name: "Тестовый округ",
    schools: [school("sch1")],
    references: [],
    fiokoMarkers: [],
    riskProfiles: [],
  };
  const build = (municipalCycleRecords: ReturnType<typeof track>) =>
    buildSummary({
      municipality: { ...base, municipalCycle: municipalCycleRecords },
      files: [],
      profile: DEFAULT_PROFILE,
      evaluationDate: "2026-12-31",
      runAt: "2026-12-31T10:00:00.000Z",
    });

  it("a municipal row first on «Управленческий цикл», its own table on «Цикл МОУО — оценка» and JSON municipalityCycle", () => {
    const s = build([
      ...track({ direction: 2, scores: "222222022", planned: { 7: "2026-10-01" } }),
      ...track({ direction: 4, scores: "222222222" }),
    ]);
    const sheet = s.sheets.find((x) => x.name === "Управленческий цикл")!;
    const status = sheet.tables!.find((t) => t.id === "status")!;
    expect(status.rows[0]).toMatchObject({ login: "МОУО", name: "Муниципальный уровень (МОУО)" });
    const d2 = status.rows.find((r) => r.login === "МОУО" && String(r.direction).startsWith("2."))!;
    expect(d2).toMatchObject({ status: "разрыв на этапе 7 «Меры и мероприятия»", overdue: 1 });
    // The МОУО's own table has a sheet of its own (its columns would widen «Управленческий цикл» in print).
    const own = s.sheets.find((x) => x.name === "Цикл МОУО — оценка")!.tables!.find((t) => t.id === "municipalCycle")!;
    expect(own.rows).toHaveLength(2);
    expect(own.rows[0]).toMatchObject({
      track: "Основной",
      overdue: 1,
      overdueList: "этап 7 «Меры и мероприятия» — срок 01.10.2026",
    });
    expect(own.description).toBe(
      "Год 2026, оценка на 31.12.2026: замкнуто направлений — 1 из 2, треков с разрывом — 1, просроченных этапов — 1; нет данных по направлениям 1, О, 3, 5, 6, 7, 8.",
    );
    expect(s.json.municipalityCycle).toMatchObject({ year: 2026, gapCount: 1, overdueCount: 1, closedDirections: 1 });
    expect(s.json.municipality).toBe("Тестовый округ");
  });

  it("without the МОУО cycle: JSON null and a table that says how to add it", () => {
    const s = build([]);
    expect(s.json.municipalityCycle).toBeNull();
    const own = s.sheets.find((x) => x.name === "Цикл МОУО — оценка")!.tables!.find((t) => t.id === "municipalCycle")!;
    expect(own.rows).toEqual([]);
    expect(own.description).toContain("msoko template --mouo");
  });
});

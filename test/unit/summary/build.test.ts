/**
 * The municipal summary on the sample municipality: built once, written into the memory
 * workbook twice (re-run safety), checked for two chosen schools against the JSON and the rules.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_PROFILE } from "../../../src/core/profile";
import { buildSummary, SUMMARY_SHEET_NAMES, type Summary } from "../../../src/summary/model/build";
import { consolidate } from "../../../src/summary/model/consolidate";
import { MemoryWorkbook } from "../../../src/host/memory";
import { generateMunicipality } from "../../../src/sample";
import { writeSummary } from "../../../src/summary/write";
import { summarizeInto } from "../../../src/summary/run";
import { writeSetting } from "../../../src/host/settings";
import type { SchoolReport } from "../../../src/core/model";
import * as F from "../../../src/functions/functions";
import { analysisCount } from "../../../src/functions/analysis";
import { evaluateCycle } from "../../../src/core/cycle";
import { fillForm } from "../../../src/form/template";
import { parseForm } from "../../../src/form/parse";
import { schoolCycleFindings } from "../../../src/summary/model/cycle-findings";
import { columnPoints, pagePlan } from "../../../src/summary/write/print-layout";
import { tableWidths } from "../../../src/summary/write/table-ops";

let summary: Summary;
let schools: SchoolReport[];
let o1School: string;
let r1School: string;

beforeAll(() => {
  const { municipality, situations } = generateMunicipality({ seed: 2026 });
  o1School = situations.find((s) => s.expectedRule === "O1")!.login;
  r1School = situations.find((s) => s.expectedRule === "R1")!.login;
  schools = municipality.schools;
  const c = consolidate(
    municipality.schools.map((r) => ({ file: `${r.passport.login}.xlsx`, report: r, findings: [] })),
  );
  summary = buildSummary({
    municipality: { ...municipality, schools: c.schools },
    files: c.files,
    profile: DEFAULT_PROFILE,
    evaluationDate: "2026-12-31",
    runAt: "2026-11-22T10:00:00",
  });
}, 60_000);

describe("municipal summary on the sample", () => {
  it("has every summary sheet with a table of contents first", () => {
    const names = summary.sheets.map((s) => s.name);
    expect(names[0]).toBe("Содержание");
    expect([...names].sort()).toEqual([...SUMMARY_SHEET_NAMES].sort());
    expect(summary.sheets[0].tables[0].rows.map((r) => r.sheet)).toEqual(
      SUMMARY_SHEET_NAMES.filter((n) => n !== "Содержание"),
    );
  });

  it("the school with inflated journal marks has O1 with evidence and measures", () => {
    const school = summary.json.schools.find((s) => s.login === o1School)!;
    const o1 = school.signs.filter((s) => s.rule === "O1");
    expect(o1.length).toBeGreaterThan(0);
    expect(o1[0].evidence).toMatch(/O1/);
    const signsTable = summary.sheets.find((s) => s.id === "objectivity")!.tables[0];
    const row = signsTable.rows.find((r) => r.login === o1School && r.rule === "O1")!;
    expect(String(row.measures)).toContain("перепровер");
    const bySchool = summary.sheets.find((s) => s.id === "byschool")!.tables[0].rows.find((r) => r.login === o1School)!;
    expect(String(bySchool.signIds)).toContain("O1");
  });

  it("the school with low results two years running is ШНОР with R1, and gets the ШНОР programme", () => {
    const school = summary.json.schools.find((s) => s.login === r1School)!;
    const latest = school.risk.at(-1)!;
    expect(latest.shnor).toBe(true);
    expect(latest.factors.find((f) => f.id === "R1")!.fired).toBe(true);
    const recs = summary.sheets
      .find((s) => s.id === "recommendations")!
      .tables[0].rows.filter((r) => r.login === r1School);
    expect(recs.map((r) => r.measure).join(" ")).toContain("программу поддержки школ с низкими результатами");
  });

  it("the ШНОР school's direction-2 cycle has a gap until its «Цикл» links recommendations, measures and decisions to the finding", async () => {
    const json = summary.json.schools.find((s) => s.login === r1School)!;
    expect(json.cycleFindings).toContainEqual(
      expect.objectContaining({
        code: "ШНОР",
        direction: "2",
        responded: false,
        missingSteps: [6, 7, 8],
        link: "ШНОР 2026",
      }),
    );
    expect(json.cycle.find((c) => c.direction === "2")!.status).toBe(
      "разрыв на этапе 6: нет адресных рекомендаций по статусу ШНОР (2026)",
    );
    const responses = summary.sheets.find((s) => s.id === "cycleResponses")!.tables.find((t) => t.id === "responses")!;
    expect(responses.rows.find((r) => r.login === r1School && r.finding === "статус ШНОР (2026)")).toMatchObject({
      responded: "нет",
      missing: "6. Адресные рекомендации; 7. Меры и мероприятия; 8. Управленческие решения",
    });

    // The deputy director types «ШНОР 2026» into «Связь с выводом» of direction 2, steps 6–8.
    const wb = new MemoryWorkbook();
    await wb.write({ ops: fillForm(schools.find((s) => s.passport.login === r1School)!) });
    const sheets = await wb.readSheets((await wb.listSheets()).map((s) => s.name));
    const grid = sheets.find((s) => s.name === "Цикл")!.values;
    const col = (h: string) => grid[0].indexOf(h);
    const rows: number[] = [];
    grid.forEach((r, i) => {
      if (
        i > 0 &&
        r[col("Год")] === 2026 &&
        r[col("Направление")] === "2" &&
        [6, 7, 8].includes(r[col("Компонент")] as number)
      ) {
        r[col("Связь с выводом")] = "ШНОР 2026";
        rows.push(i + 1);
      }
    });
    expect(rows).toHaveLength(3);
    const { report, findings } = parseForm(sheets, { file: `${r1School}.xlsx` });
    expect(findings.filter((f) => f.rule === "cycle.link")).toEqual([]);
    const analysed = summary.analysis.schools.find((a) => a.login === r1School)!;
    const e = evaluateCycle(report!.cycle, {
      year: 2026,
      evaluationDate: "2026-12-31",
      profile: DEFAULT_PROFILE,
      findings: schoolCycleFindings(analysed, 2026),
    });
    const d2 = e.directions.find((d) => d.id === 2)!;
    expect([d2.statusText, d2.score]).toEqual(["замкнут", 100]);
    expect(d2.responses[0]).toMatchObject({ responded: true, missingSteps: [] });
    expect(d2.responses[0].refs.map((r) => r.cell)).toEqual(rows.map((r) => `A${r}`));
  });

  it("step 9 of the ШНОР school is computed: its 2025 measure's target indicator in 2025 and 2026", () => {
    const json = summary.json.schools.find((s) => s.login === r1School)!;
    const x = json.cycleEffects.find((e) => e.direction === "2")!;
    const t = schools
      .find((s) => s.passport.login === r1School)!
      .cycle.find((r) => r.year === 2025 && r.direction === 2 && r.component === 7)!.target!;
    expect(x.target).toBe(t.text);
    // By hand from the form's rows of that work: share of «2» over the marked participants.
    const share2 = (year: number) => {
      const rows = schools
        .find((s) => s.passport.login === r1School)!
        .results.filter(
          (r) =>
            r.year === year &&
            r.procedure === t.procedure &&
            r.grade === t.grade &&
            r.subject === t.subject &&
            r.className === "",
        );
      const m = rows.reduce(
        (a, r) => ({
          n2: a.n2 + r.marks!.n2 + (r.marks!.n1 ?? 0),
          n: a.n + r.marks!.n5 + r.marks!.n4 + r.marks!.n3 + r.marks!.n2 + (r.marks!.n1 ?? 0),
        }),
        { n2: 0, n: 0 },
      );
      return { value: (m.n2 * 100) / m.n, n: m.n };
    };
    expect(x.before).toBeCloseTo(share2(2025).value, 9);
    expect(x.after).toBeCloseTo(share2(2026).value, 9);
    expect(x.change).toBeCloseTo(share2(2026).value - share2(2025).value, 9);
    expect(x.n).toBe(share2(2026).n);
    expect(x.sentence).toMatch(
      /^Меры 2025 года \(трек «Низкие результаты обучения»\) по показателю «доля «2», ВПР, \d кл\., .+»: .+ → .+ \(.+\sп\.п\., (улучшение|ухудшение|без изменений)\); 2026 — \d+ участник/,
    );
  });

  it("JSON results of a school equal the «Результаты» rows (values the formulas recalculate to)", () => {
    const school = summary.json.schools.find((s) => s.login === o1School)!;
    const rows = summary.sheets.find((s) => s.id === "results")!.tables[0].rows.filter((r) => r.login === o1School);
    expect(school.results).toHaveLength(rows.length);
    const first = rows[0];
    const n =
      (first.n5 as number) + (first.n4 as number) + (first.n3 as number) + (first.n2 as number) + (first.n1 as number);
    expect(school.results[0].quality).toBeCloseTo((((first.n5 as number) + (first.n4 as number)) * 100) / n, 8);
  });

  it("=MSOKO.RISK over the summary's «Результаты» table gives every school the summary's level, for one analysis", () => {
    const t = summary.sheets.find((s) => s.id === "results")!.tables[0];
    const grid = [t.columns.map((c) => c.header), ...t.rows.map((r) => t.columns.map((c) => r[c.id] ?? null))];
    const before = analysisCount();
    for (const school of summary.json.schools)
      expect(F.risk(school.login, grid), school.login).toBe(school.risk.at(-1)!.level);
    expect(analysisCount() - before).toBe(1);
  });

  it("a threshold changed in the workbook's settings changes the results (O1 no longer fires)", async () => {
    const wb = new MemoryWorkbook();
    await writeSetting(wb, "o1.gap2Share", 60);
    await writeSetting(wb, "o1.mismatchExcess", 90);
    const forms = schools.map((r) => ({ file: `${r.passport.login}.xlsx`, report: r, findings: [] }));
    const r = await summarizeInto(wb, { forms, evaluationDate: "2026-12-31", now: new Date("2026-11-22T12:00:00") });
    expect(r.summary.json.profileVersion).toBe("msoko-2026.2+2");
    const school = r.summary.json.schools.find((s) => s.login === o1School)!;
    expect(school.signs.filter((s) => s.rule === "O1")).toEqual([]);
    const before = summary.json.schools.find((s) => s.login === o1School)!;
    expect(before.signs.some((s) => s.rule === "O1")).toBe(true);
    const methodology = r.summary.sheets
      .find((s) => s.id === "methodology")!
      .tables[0].rows.find((x) => x.key === "o1.gap2Share")!;
    expect(methodology).toMatchObject({ value: "60", tag: "переопределено в книге" });
  }, 60_000);

  it("writes into a workbook twice without touching the user's sheets", async () => {
    const wb = MemoryWorkbook.fromGrids({ "Мои заметки": [["не трогать"]] });
    await writeSummary(wb, summary, { now: new Date("2026-11-22T10:00:00") });
    await writeSummary(wb, summary, { now: new Date("2026-11-22T11:00:00") });
    const names = (await wb.listSheets()).map((s) => s.name);
    expect(names).toContain("Мои заметки");
    for (const n of SUMMARY_SHEET_NAMES) expect(names.filter((x) => x === n)).toHaveLength(1);
    const [notes, bySchool] = await wb.readSheets(["Мои заметки", "Свод по ОО"]);
    expect(notes.values).toEqual([["не трогать"]]);
    expect(String(bySchool.values[1][0])).toMatch(/^Создано надстройкой МСОКО для Excel 22\.11\.2026 11:00/);
    expect(bySchool.values[4][0]).toBe("Логин ОО");
  }, 60_000);
});

describe("directions 3–8 on the sample: targets, levels, verdicts, flags (issue #20)", () => {
  const NB = "\u00a0";
  it("the overview gives each direction's verdict; each direction has its table indicator × unit", () => {
    const sheet = summary.sheets.find((s) => s.id === "directions")!;
    expect(sheet.tables[0].rows.map((r) => `${String(r.direction).slice(0, 2)} ${r.verdict}`)).toEqual([
      "3. Цель достигнута у 4 из 25 ОО",
      "4. Цель достигнута у 15 из 23 ОО",
      "5. Цель достигнута у 14 из 25 ОО",
      "6. Цель достигнута у 5 из 25 ОО",
      "7. Цель достигнута у 10 из 25 ОО",
      "8. Цель достигнута у 4 из 6 ОО",
    ]);
    const d5 = sheet.tables.find((t) => t.id === "direction5")!;
    expect(d5.title).toBe("Направление 5. Эффективность руководителей ОО, 2026: цель достигнута у 14 из 25 ОО");
    // 1043 of 1500 points = 69,53 % < 70 %: «средний»; 14 of 25 heads reach 70 %.
    expect(d5.rows[0]).toMatchObject({
      unit: "Муниципалитет",
      numerator: 1043,
      denominator: 1500,
      value: 69.5333333333,
      target: 70,
      level: "средний",
      status: "не достигнута",
      schoolsMet: "14 из 25",
    });
    expect(d5.rows[0].dynamics).toBeCloseTo(69.5333 - 68.4667, 3);
    // Shares are formatted as %, their dynamics as п.п.; the МКДО mean score as a number.
    const value = (id: string) => sheet.tables.find((t) => t.id === id)!.columns.find((c) => c.id === "value")!;
    expect(new Set(value("direction5").rowKinds)).toEqual(new Set(["percent"]));
    expect(new Set(value("direction8").rowKinds)).toEqual(new Set(["percent", "mark"]));
    expect(new Set(value("direction6").rowKinds)).toEqual(new Set(["percent", "integer"]));
  });

  it("a school below a target gets a flag with its numbers and the direction's measures", () => {
    const school = summary.json.schools.find((s) => s.login === "edu420153")!;
    expect(school.directions.year).toBe(2026);
    expect(school.directions.indicators.find((i) => i.id === "olySchoolShare")).toMatchObject({
      numerator: 221,
      denominator: 553,
      target: 40,
      level: "средний",
      met: false,
    });
    const flag = school.directions.findings.find((f) => f.indicatorId === "olySchoolShare")!;
    expect(flag.text).toBe(
      `Доля обучающихся 4–11 классов — участников школьного этапа ВсОШ — 39,96${NB}% при цели не ниже 40${NB}% (221 из 553; уровень «средний»; к прошлому году −2,4${NB}п.п.; цель — значение по умолчанию надстройки).`,
    );
    const measures = summary.sheets.find((s) => s.id === "directionMeasures")!.tables[0];
    const row = measures.rows.find((r) => r.login === "edu420153" && r.direction === 3)!;
    expect(String(row.shortfalls)).toContain("39,96");
    expect(String(row.measures)).toContain(
      "ОО: Обеспечить целевую подготовку обучающихся к участию в олимпиадах и иных интеллектуальных состязаниях",
    );
  });

  it("both direction sheets fit the width of an A4 landscape page at ≥ 80 %", () => {
    for (const id of ["directions", "directionMeasures"]) {
      const sheet = summary.sheets.find((s) => s.id === id)!;
      const widths: number[] = [];
      for (const t of sheet.tables) tableWidths(t).forEach((w, i) => (widths[i] = Math.max(widths[i] ?? 0, w)));
      expect(pagePlan(widths.reduce((a, w) => a + columnPoints(w), 0)).fitsWidth, id).toBe(true);
    }
  });

  it("the JSON carries the municipality's directions with targets, bands and clusters", () => {
    const d5 = summary.json.directions.directions.find((d) => d.direction === 5)!;
    expect(summary.json.directions.year).toBe(2026);
    expect(d5).toMatchObject({ verdict: "Цель достигнута у 14 из 25 ОО", schoolsAssessed: 25, schoolsMet: 14 });
    expect(d5.indicators[0]).toMatchObject({ id: "headScore", target: 70, bands: [60, 70], met: false });
    expect(d5.indicators[0].clusters.length).toBeGreaterThan(1);
  });
});

/**
 * Every output a user sees, scanned on the demo municipality (the sample `msoko demo` writes),
 * built in memory through the same writers the CLI and the pane use: the summary (`summarize`:
 * every cell of every generated sheet and every string of its JSON), the analysis (`analyze
 * --json`: the analysis with every explanation sentence it prints and writes), and the school
 * report (`school-report`: every cell of every sheet) for the schools with injected objectivity
 * situations, within the municipality and alone. A hit fails with the sheet and cell (or the JSON
 * path): another organisation's regulation or place name from the seed regulations, an internal
 * code (an UPPER_SNAKE rule key), `undefined`, `NaN`, `[object …]`.
 * Also the acceptance: the demo's O2 school shows the O2 finding and an objectivity
 * decision without any ФИС ОКО export; a school without participant scores says «не оценивался»
 * with the reason.
 */
import { beforeAll, describe, expect, it } from "vitest";
import {
  analyzeMunicipality,
  explainFactor,
  explainRisk,
  explainSign,
  explainStability,
  explainStableAbsence,
} from "../../../src/core/analysis";
import { columnLetters } from "../../../src/core/a1";
import type { Municipality, SchoolReport } from "../../../src/core/model";
import { DEFAULT_PROFILE } from "../../../src/core/profile";
import { MemoryWorkbook } from "../../../src/host/memory";
import { generateMunicipality, type InjectedSituation } from "../../../src/sample";
import { schoolReport, SCHOOL_SHEET_NAMES, type SchoolReportOptions } from "../../../src/school/model/report";
import { writeSchoolReport } from "../../../src/school/write";
import { buildSummary } from "../../../src/summary/model/build";
import { writeSummary } from "../../../src/summary/write";

/** Names from the seed regulations (../shared/regulations): their organisations and places. */
const FOREIGN = [
  /Таймыр/i,
  /Долгано/i,
  /Ненецк/i,
  /Ленинск/i,
  /Кузнецк/i,
  /Магдагач/i,
  /СОШ\s*№\s*17\b/i,
  /438\/1/,
  /№\s*352\b/,
];
/** Internal codes and broken interpolation. */
const INTERNAL = [/\b[A-Z][A-Z0-9]*_[A-Z0-9_]*[A-Z0-9]\b/, /\bundefined\b/, /\bNaN\b/, /\[object /];

function badPart(text: string): string | null {
  for (const re of [...FOREIGN, ...INTERNAL]) {
    const m = re.exec(text);
    if (m) return m[0];
  }
  return null;
}

/** «лист «Свод по ОО», ячейка K7: …» for every bad text cell of every sheet of the book. */
async function scanBook(book: MemoryWorkbook): Promise<string[]> {
  const names = (await book.listSheets()).map((s) => s.name);
  const hits: string[] = [];
  for (const read of await book.readSheets(names)) {
    const bad = badPart(read.name);
    if (bad) hits.push(`имя листа «${read.name}»: «${bad}»`);
    read.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (typeof v !== "string") return;
        const b = badPart(v);
        if (b) hits.push(`лист «${read.name}», ячейка ${columnLetters(c)}${r + 1}: «${b}» в «${v.slice(0, 160)}»`);
      }),
    );
  }
  return hits;
}

/** Every string of a JSON value with its path. */
function scanJson(value: unknown, path: string, hits: string[]): void {
  if (typeof value === "string") {
    const b = badPart(value);
    if (b) hits.push(`${path}: «${b}» в «${value.slice(0, 160)}»`);
  } else if (Array.isArray(value)) value.forEach((v, i) => scanJson(v, `${path}[${i}]`, hits));
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) scanJson(v, `${path}.${k}`, hits);
}

let m: Municipality;
let situations: InjectedSituation[];

beforeAll(() => {
  const g = generateMunicipality();
  m = g.municipality;
  situations = g.situations;
}, 120_000);

function situationSchool(rule: string): { s: InjectedSituation; school: SchoolReport } {
  const s = situations.find((x) => x.expectedRule === rule)!;
  return { s, school: m.schools.find((x) => x.passport.login === s.login)! };
}

async function reportBook(school: SchoolReport, opts: SchoolReportOptions) {
  const built = schoolReport(school, opts);
  const book = new MemoryWorkbook();
  await writeSchoolReport(book, built, { now: new Date("2026-12-31T10:00:00Z") });
  return { built, book };
}

describe("no other organisation's regulation, no internal code in any output (demo municipality)", () => {
  it("summarize: every cell of every generated sheet and every string of the JSON", async () => {
    const summary = buildSummary({
      municipality: m,
      files: [],
      profile: DEFAULT_PROFILE,
      evaluationDate: "2026-12-31",
      runAt: "2026-12-31T10:00:00Z",
    });
    const book = new MemoryWorkbook();
    await writeSummary(book, summary, { now: new Date("2026-12-31T10:00:00Z") });
    const hits = await scanBook(book);
    for (const s of summary.sheets)
      for (const c of s.charts ?? []) if (badPart(c.title)) hits.push(`лист «${s.name}», диаграмма «${c.title}»`);
    scanJson(summary.json, "свод.json", hits);
    expect(hits).toEqual([]);
    // The recommendations cite the user's (neutral) regulation and say in Russian what triggered them.
    const rec = summary.sheets.flatMap((s) => s.tables).find((t) => t.id === "recommendations")!;
    expect(rec.rows.length).toBeGreaterThan(0);
    for (const r of rec.rows) expect(String(r.basis)).toMatch(/^Положение о (МСОКО|ВСОКО ОО)/);
  }, 300_000);

  it("analyze --json: the analysis and every sentence it prints", () => {
    const a = analyzeMunicipality(m, DEFAULT_PROFILE);
    const hits: string[] = [];
    scanJson(JSON.parse(JSON.stringify(a)), "анализ.json", hits);
    for (const s of a.schools) {
      for (const y of s.years) {
        for (const g of y.signs) scanJson(explainSign(g), `${s.login}.${y.year}.${g.rule}`, hits);
        for (const f of y.risk.factors) scanJson(explainFactor(f, y.year), `${s.login}.${y.year}.${f.id}`, hits);
        scanJson(explainRisk(y.risk), `${s.login}.${y.year}.риск`, hits);
      }
      if (s.stability) scanJson(explainStability(s.stability, s.cluster), `${s.login}.стабильность`, hits);
      if (s.stableAbsence) scanJson(explainStableAbsence(s.stableAbsence), `${s.login}.отсутствие признаков`, hits);
    }
    expect(hits).toEqual([]);
  }, 120_000);

  it("school-report: every cell of every sheet, within the municipality and alone", async () => {
    const hits: string[] = [];
    for (const rule of ["O1", "O2"]) {
      const { s, school } = situationSchool(rule);
      for (const pool of [m, undefined]) {
        const { book } = await reportBook(school, {
          year: s.year,
          procedure: s.procedure!,
          profile: DEFAULT_PROFILE,
          municipalityPooled: pool,
        });
        hits.push(...(await scanBook(book)));
      }
    }
    expect(hits).toEqual([]);
  }, 300_000);
});

describe("the school report evaluates its own objectivity (issue 17, part 4)", () => {
  it("the demo's O2 school: the O2 finding and an objectivity decision, without any ФИС ОКО export", async () => {
    const { s, school } = situationSchool("O2");
    expect(m.references).toEqual([]);
    const { built, book } = await reportBook(school, {
      year: s.year,
      procedure: s.procedure!,
      profile: DEFAULT_PROFILE,
      municipalityPooled: m,
    });
    expect(built.findings.filter((f) => f.rule === "SCHOOL_O2").map((f) => f.context)).toEqual([
      `${s.procedure} ${s.year}, ${s.grade} класс, ${s.subject!.toLowerCase()}`,
    ]);
    const [dec] = await book.readSheets([SCHOOL_SHEET_NAMES.decisions]);
    const rows = dec.values.filter((r) => r.includes("пик на границе отметки (O2)"));
    expect(rows.length).toBe(2);
    for (const r of rows) expect(r).toContain("Положение о ВСОКО ОО");
    const [cx] = await book.readSheets([SCHOOL_SHEET_NAMES.complex]);
    expect(cx.values.some((r) => String(r[2]).startsWith("O2") && r[3] === "признак, требует анализа")).toBe(true);
  }, 120_000);

  it("a school without participant scores: O2 «не оценивался» with the reason, never «не выявлен»", async () => {
    const { s, school } = situationSchool("O2");
    const noScores: SchoolReport = {
      ...school,
      participants: school.participants.map((p) => ({ ...p, score: null, taskPoints: p.taskPoints.map(() => null) })),
    };
    const { built } = await reportBook(noScores, {
      year: s.year,
      procedure: s.procedure!,
      grades: [s.grade!],
      subjects: [s.subject!],
      profile: DEFAULT_PROFILE,
      municipalityPooled: m,
    });
    const obj = built.sheets.flatMap((x) => x.tables).find((t) => t.id === "objectivity")!;
    const o2 = obj.rows.find((r) => String(r.rule).startsWith("O2"))!;
    expect(o2.state).toBe("не оценивался: нет первичных баллов участников");
    expect(built.findings.filter((f) => f.rule === "SCHOOL_O2")).toEqual([]);
    expect(obj.description).not.toMatch(/не выявлено/);
  }, 120_000);
  it("the demo's school with low results: ШНОР with its factors, and every measure names subjects, grades and numbers (part 5)", async () => {
    // The school injected with low results (R1; stably low over the years) — the first of either in the manifest.
    const s = situations.find((x) => x.expectedRule === "R1" || x.expectedRule === "stable.low")!;
    const school = m.schools.find((x) => x.passport.login === s.login)!;
    const { built } = await reportBook(school, {
      year: 2026,
      procedure: "ВПР",
      profile: DEFAULT_PROFILE,
      municipalityPooled: m,
    });
    const tables = built.sheets.flatMap((x) => x.tables);
    const standing = tables.find((t) => t.id === "standing")!;
    expect(standing.rows.find((r) => r.item === "ШНОР")!.value).toBe("да");
    const dec = tables.find((t) => t.id === "decisions")!;
    const minimum = dec.rows.filter((r) => r.kind === "низкий базовый минимум");
    expect(minimum.length).toBeGreaterThan(0);
    for (const r of minimum) {
      // «ВПР 2026, 4, 5 и 6 классы, математика» — «… — по математике в 4, 5 и 6 классах: доля «2» 39 %, 37,8 % и 48,9 %».
      expect(String(r.context)).toMatch(/^ВПР 2026, [\d, и]+ класс(ы)?, [а-яё ]+$/);
      expect(String(r.measure)).toMatch(/ — по [а-яё ()]+ в [\d, и]+ класс(е|ах): доля «2» [\d,]+\u00a0%/);
    }
    const shnor = dec.rows.filter((r) => r.kind === "школа с низкими результатами обучения (ШНОР)");
    expect(shnor.length).toBe(2);
    expect(String(shnor[0].measure)).toMatch(/не преодолели минимальный порог/);
  }, 120_000);
});

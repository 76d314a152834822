/**
 * On engineer D's sample municipality: the school with an injected boundary peak (O2) and the one
 * with inflated journal marks (O1) show these findings in «Выводы и решения»; a school without an
 * objectivity situation shows neither; small groups are labelled, not flagged. The report goes
 * into the memory workbook as generated sheets.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_PROFILE } from "../../../src/core/profile";
import { bySubjectRu } from "../../../src/core/focus";
import type { Municipality } from "../../../src/core/model";
import {
  schoolReport,
  SCHOOL_LITERACY_SHEET,
  SCHOOL_SHEET_NAMES,
  type SchoolAnalysisReport,
} from "../../../src/school/model/report";
import { MemoryWorkbook } from "../../../src/host/memory";
import { writeSchoolReport } from "../../../src/school/write";
import { generateMunicipality, OBJECTIVITY_ROLES, type InjectedSituation } from "../../../src/sample";

let m: Municipality;
let situations: InjectedSituation[];

beforeAll(() => {
  const g = generateMunicipality();
  m = g.municipality;
  situations = g.situations;
}, 60_000);

function reportFor(rule: "O1" | "O2"): { s: InjectedSituation; r: SchoolAnalysisReport } {
  const s = situations.find((x) => x.expectedRule === rule)!;
  const school = m.schools.find((x) => x.passport.login === s.login)!;
  const r = schoolReport(school, {
    year: s.year,
    procedure: s.procedure!,
    grades: [s.grade!],
    profile: DEFAULT_PROFILE,
    municipalityPooled: m,
  });
  return { s, r };
}

function decisions(r: SchoolAnalysisReport) {
  return r.sheets.find((x) => x.name === SCHOOL_SHEET_NAMES.decisions)!.tables.find((t) => t.id === "decisions")!;
}

describe("school report on the sample municipality", () => {
  it("the injected boundary peak is a finding with its measures", () => {
    const { s, r } = reportFor("O2");
    const f = r.findings.filter((x) => x.rule === "SCHOOL_O2");
    expect(f.map((x) => x.context)).toEqual([`ВПР ${s.year}, ${s.grade} класс, ${s.subject!.toLowerCase()}`]);
    expect(f[0].text).toContain("O2 (признак, требует анализа)");
    const rows = decisions(r).rows.filter((x) => x.kind === "пик на границе отметки (O2)");
    // Each measure names the subject and grade of the peak.
    const where = `${bySubjectRu(s.subject!)} в ${s.grade} классе`;
    expect(rows.map((x) => x.measure)).toEqual([
      `Провести перепроверку работ школьной комиссией из педагогов, не работающих в этом классе, по критериям оценивания ФИОКО — ${where}`,
      `При следующей оценочной процедуре исключить проверку работ учителем, ведущим предмет в классе (конфликт интересов), и привлечь независимых наблюдателей — ${where}`,
    ]);
    expect(rows.map((x) => x.basis)).toEqual(["Положение о ВСОКО ОО", "Положение о ВСОКО ОО"]);
    // Within the municipality the report also shows the school's standing.
    const standing = r.sheets.flatMap((x) => x.tables).find((t) => t.id === "standing")!;
    expect(standing.rows.map((x) => x.item)).toEqual(
      expect.arrayContaining(["Кластер", "Уровень риска", "ШНОР", "ШНСУ"]),
    );
    const bounds = r.sheets.find((x) => x.name === SCHOOL_SHEET_NAMES.scores)!.tables[0];
    expect(bounds.rows.filter((x) => x.subject === s.subject && x.status === "пик на границе (O2)")).toHaveLength(1);
  });

  it("the inflated journal marks are a finding with its measures", () => {
    const { s, r } = reportFor("O1");
    const f = r.findings.filter((x) => x.rule === "SCHOOL_O1");
    expect(f.map((x) => x.context)).toEqual([`ВПР ${s.year}, ${s.grade} класс, ${s.subject!.toLowerCase()}`]);
    expect(f[0].text).toContain("чаще понизили");
    expect(decisions(r).rows.filter((x) => x.kind === "несоответствие отметкам по журналу (O1)")).toHaveLength(2);
  });

  it("a school without an objectivity situation has no objectivity finding", () => {
    const objectivity = new Set(situations.filter((x) => OBJECTIVITY_ROLES.has(x.kind)).map((x) => x.login));
    const clean = m.schools.find(
      (x) => !objectivity.has(x.passport.login) && x.participants.some((p) => p.year === 2026 && p.grade === 6),
    )!;
    const r = schoolReport(clean, {
      year: 2026,
      procedure: "ВПР",
      grades: [6],
      profile: DEFAULT_PROFILE,
      municipalityPooled: m,
    });
    expect(r.findings.filter((x) => x.rule === "SCHOOL_O1" || x.rule === "SCHOOL_O2")).toEqual([]);
  });

  it("small mark groups are labelled «мало участников», never analysed", () => {
    const { r } = reportFor("O2");
    for (const t of r.sheets.find((x) => x.name === SCHOOL_SHEET_NAMES.groups)!.tables) {
      t.columns.slice(1).forEach((c) => {
        const n = Number(/N = (\d+)/.exec(c.header)![1]);
        expect(c.header.includes("мало участников")).toBe(n < DEFAULT_PROFILE.values["sample.group"]);
        if (n < DEFAULT_PROFILE.values["sample.group"]) for (const row of t.rows) expect(row[c.id]).toBeNull();
      });
    }
  });

  it("a single class below o2.minN is labelled, not tested for peaks", () => {
    const { s } = reportFor("O2");
    const school = m.schools.find((x) => x.passport.login === s.login)!;
    const oneClass = {
      ...school,
      participants: school.participants.filter(
        (p) =>
          p.className === school.participants.find((q) => q.year === s.year && q.grade === s.grade)!.className &&
          p.grade === s.grade,
      ),
    };
    const r = schoolReport(oneClass, {
      year: s.year,
      procedure: s.procedure!,
      grades: [s.grade!],
      subjects: [s.subject!],
      profile: DEFAULT_PROFILE,
      municipalityPooled: m,
    });
    expect(r.findings.filter((x) => x.rule === "SCHOOL_O2")).toEqual([]);
    const bounds = r.sheets.find((x) => x.name === SCHOOL_SHEET_NAMES.scores)!.tables[0];
    expect(bounds.rows.length).toBeGreaterThan(0);
    for (const row of bounds.rows) expect(row.status).toBe("мало участников");
  });

  it("is written into the memory workbook as generated sheets, with tables, formulas and charts", async () => {
    const { r } = reportFor("O2");
    const book = MemoryWorkbook.fromGrids({ "Паспорт ОО": [["Логин", "edu420140"]] });
    const res = await writeSchoolReport(book, r, { now: new Date("2026-11-22T08:00:00Z") });
    // The sample marks some participants ОВЗ: «ФГ и ОВЗ» comes before «выводы и решения».
    const fixed = Object.values(SCHOOL_SHEET_NAMES);
    const expected = [...fixed.slice(0, -1), SCHOOL_LITERACY_SHEET, fixed[fixed.length - 1]];
    expect(res.sheets.map((x) => x.written)).toEqual(expected);
    const names = (await book.listSheets()).map((x) => x.name);
    expect(names).toEqual(["Паспорт ОО", ...expected, expect.any(String)].slice(0, names.length));
    const snap = book.snapshot();
    const scores = snap.sheets.find((x) => x.name === SCHOOL_SHEET_NAMES.scores)!;
    expect(scores.charts.length).toBeGreaterThan(0);
    expect(scores.charts[0].type).toBe("columnClustered");
    const marks = snap.sheets.find((x) => x.name === SCHOOL_SHEET_NAMES.marks)!;
    expect(Object.values(marks.formulas).some((f) => f.startsWith("=IF("))).toBe(true);
    const dec = (await book.readSheets([SCHOOL_SHEET_NAMES.decisions]))[0].values;
    expect(dec[0][0]).toBe("Этапы интерпретации результатов");
    expect(String(dec[1][0])).toMatch(/^Создано надстройкой МСОКО/);
    const header = dec.find((row) => row[0] === "№" && row.includes("Ответственный"))!;
    expect(header.slice(-3)).toEqual(["Ответственный", "Срок", "Документ решения (№, дата)"]);
    // The form's sheet is untouched; a second run replaces the analysis sheets, nothing else.
    const again = await writeSchoolReport(book, r, { now: new Date("2026-11-22T09:00:00Z") });
    expect(again.sheets.every((x) => x.replaced)).toBe(true);
    expect((await book.readSheets(["Паспорт ОО"]))[0].values).toEqual([["Логин", "edu420140"]]);
  });
});

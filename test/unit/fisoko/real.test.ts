/**
 * Real 2024–2026 school-level exports (issue #16): title block with label | value cells, sheet
 * names cut at 31 characters, numbers with two decimals, logins glued in brackets (the
 * municipality's kept as data, out of the name), the wide journal comparison and the Ф1 table
 * with its group line — every parsed number asserted. And sch ↔ edu logins matched by digits.
 */
import { describe, expect, it } from "vitest";
import type { Municipality, SchoolReport } from "../../../src/core/model";
import { importFisoko, mergeIntoMunicipality, parseSheet, splitLogin, schoolKey, loginKind } from "../../../src/fisoko";
import { kindOfSheetName } from "../../../src/fisoko/header";
import { realIndividual, realJournal, realMarks, SCHOOL_NAME } from "../../fixtures/fisoko/real";

describe("logins", () => {
  it("splits glued, leading and bare logins and tells their kinds", () => {
    expect(splitLogin("Урус-Мартановский муниципальный район(reg20_m012)")).toEqual({
      name: "Урус-Мартановский муниципальный район",
      login: "reg20_m012",
      kind: "municipality",
    });
    expect(splitLogin("МБОУ «СОШ №1 г.Урус-Мартан»(edu203389)")).toEqual({
      name: "МБОУ «СОШ №1 г.Урус-Мартан»",
      login: "edu203389",
      kind: "school",
    });
    expect(splitLogin("reg220000 | Алтайский край")).toEqual({
      name: "Алтайский край",
      login: "reg220000",
      kind: "region",
    });
    expect(splitLogin("edu223144 | МБОУ «СОШ № 2»")).toEqual({
      name: "МБОУ «СОШ № 2»",
      login: "edu223144",
      kind: "school",
    });
    expect(splitLogin("sch420101")).toEqual({ name: "sch420101", login: "sch420101", kind: "school" });
    expect(splitLogin("Чеченская Республика")).toBeNull();
    expect(splitLogin("школа 5")).toBeNull();
    expect(loginKind("reg22_m007")).toBe("municipality");
    expect(schoolKey("sch203389")).toBe(schoolKey("EDU203389"));
    expect(schoolKey("sch203389")).toBe("203389");
  });

  it("recognises sheet names cut at 31 characters", () => {
    expect(kindOfSheetName("МА 4 Сравнение отметок с отметк")).toBe("journal");
    expect(kindOfSheetName("МА 4 Распределение первичных ба")).toBe("distribution");
    expect(kindOfSheetName("РУ 4 Статистика по отметкам")).toBe("marks");
    expect(kindOfSheetName("Лист1")).toBeNull();
  });
});

describe("real «Статистика по отметкам»", () => {
  const o = parseSheet("ру4.xlsx", realMarks());
  it("reads the title block with label | value cells", () => {
    expect(o.status).toBe("parsed");
    if (o.status !== "parsed") return;
    expect(o.report.header).toEqual({ year: 2026, grade: 4, subject: "Русский язык", maxScore: 24, row: 2 });
  });
  it("reads every level; the school's counts from two-decimal percentages", () => {
    const imp = importFisoko([{ name: "ру4.xlsx", sheets: [realMarks()] }]);
    expect(imp.ok).toBe(true);
    expect(imp.national.map((r) => [r.name, r.participants])).toEqual([["Вся выборка", 1402117]]);
    expect(imp.results).toHaveLength(1);
    const s = imp.results[0];
    expect([s.login, s.schoolName, s.participants, s.marks]).toEqual([
      "edu203389",
      SCHOOL_NAME,
      89,
      { n2: 11, n3: 34, n4: 30, n5: 14 },
    ]);
    const [region, mun] = imp.references;
    expect([region.level, region.name, region.participants, region.schools, region.login]).toEqual([
      "region",
      "Чеченская Республика",
      24630,
      480,
      undefined,
    ]);
    expect([mun.level, mun.name, mun.login, mun.participants, mun.schools]).toEqual([
      "municipality",
      "Урус-Мартановский муниципальный район",
      "reg20_m012",
      2180,
      38,
    ]);
    expect(mun.marks!.n2).toBeCloseTo(154.998, 3);
    expect(mun.marks!.n3).toBeCloseTo(800.932, 3);
    expect(mun.marks!.n4).toBeCloseTo(860.01, 3);
    expect(mun.marks!.n5).toBeCloseTo(364.06, 3);
  });
});

describe("real wide «Сравнение отметок с отметками по журналу»", () => {
  it("reads one row per level from the group columns (no «Всего» rows needed)", () => {
    const imp = importFisoko([{ name: "ру4.xlsx", sheets: [realJournal()] }]);
    expect(imp.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(imp.results.map((r) => [r.login, r.participants, r.journal])).toEqual([
      ["edu203389", 89, { lowered: 28, confirmed: 57, raised: 4 }],
    ]);
    expect(imp.references.map((r) => [r.level, r.name, r.participants, r.journal])).toEqual([
      ["region", "Чеченская Республика", 24630, { lowered: 4951, confirmed: 18546, raised: 1133 }],
      ["municipality", "Урус-Мартановский муниципальный район", 2180, { lowered: 546, confirmed: 1540, raised: 94 }],
    ]);
  });

  it("refuses a row whose groups exceed its participants, naming the cell", () => {
    const j = realJournal();
    j.values[9] = [...j.values[9].slice(0, 3), 600, ...j.values[9].slice(4)];
    const imp = importFisoko([{ name: "ру4.xlsx", sheets: [j] }]);
    expect(imp.ok).toBe(false);
    expect(imp.findings.find((f) => f.rule === "fisoko.sum")?.message).toBe(
      "Файл «ру4.xlsx», лист «РУ 4 Сравнение отметок с отметк», ячейка B10: в строке «Урус-Мартановский муниципальный район(reg20_m012)» понизили, подтвердили и повысили в сумме 2234, а участников всего 2180; ожидается не больше числа участников.",
    );
  });

  it("combines with the marks of the same school into one row", () => {
    const imp = importFisoko([
      { name: "ру4-отметки.xlsx", sheets: [realMarks()] },
      { name: "ру4-журнал.xlsx", sheets: [realJournal()] },
    ]);
    expect(imp.results.map((r) => [r.login, r.participants, r.marks, r.journal])).toEqual([
      ["edu203389", 89, { n2: 11, n3: 34, n4: 30, n5: 14 }, { lowered: 28, confirmed: 57, raised: 4 }],
    ]);
  });
});

describe("real Ф1 «Индивидуальные результаты»", () => {
  const imp = importFisoko([{ name: "ф1.xlsx", sheets: [realIndividual()] }]);
  it("skips the group line, reads every participant with login, class 1/2, «X» as 0", () => {
    expect(imp.ok).toBe(true);
    expect(imp.participants.map((p) => [p.login, p.code, p.className, p.score, p.mark, p.journalMark])).toEqual([
      ["edu203389", "712345", "1", 24, 5, 5],
      ["edu203389", "712346", "2", 11, 3, 4],
      ["edu203389", "712347", "1", 20, 4, 4],
    ]);
    expect(imp.participants[1].taskPoints).toEqual([1, 1, 0, 2, 1, 0, 1, 1, 2, 1, 0, 1, 0]);
    expect(imp.findings.find((f) => f.rule === "fisoko.absent")?.message).toBe(
      "Файл «ф1.xlsx», лист «РУ 4 Индивидуальные результаты»: 1 участник отмечен как отсутствовавший и не импортируется.",
    );
  });
  it("reads the task list with maxima and levels from the row above the header", () => {
    expect(imp.tasks).toHaveLength(1);
    expect(imp.tasks[0].tasks.map((t) => `${t.number}:${t.max}:${t.level}`)).toEqual([
      "1:2:Б",
      "2:1:Б",
      "3:2:Б",
      "4:3:Б",
      "5:2:Б",
      "6:1:Б",
      "7:1:Б",
      "8:2:Б",
      "9:3:П",
      "10:3:П",
      "11:1:Б",
      "12.1:2:П",
      "12.2:1:П",
    ]);
  });
});

function school(login: string): SchoolReport {
  return {
    passport: { login, name: SCHOOL_NAME, type: "СОШ", location: "город", contingent: [] },
    results: [],
    participants: [],
    tasks: [],
    directions: {},
    cycle: [],
    findings: [],
  };
}

describe("sch ↔ edu: one school under both logins", () => {
  const m = (login: string): Municipality => ({
    name: "Урус-Мартановский муниципальный район",
    schools: [school(login)],
    references: [],
    fiokoMarkers: [],
    riskProfiles: [],
    municipalCycle: [],
  });

  it("a passport with sch203389 takes the export's edu203389 rows, with a note", () => {
    const imp = importFisoko([
      { name: "ру4.xlsx", sheets: [realMarks(), realJournal()] },
      { name: "ф1.xlsx", sheets: [realIndividual()] },
    ]);
    const { municipality, findings } = mergeIntoMunicipality(m("sch203389"), imp);
    const s = municipality.schools[0];
    expect(s.results.map((r) => [r.login, r.participants])).toEqual([["edu203389", 89]]);
    expect(s.participants).toHaveLength(3);
    expect(findings.map((f) => f.message)).toEqual([
      "ОО sch203389: логины sch203389 и edu203389 — одна ОО: ФИС ОКО выдавала логины ОО с приставкой «sch» примерно до 2021 г. и с «edu» с 2022 г., цифры у одной школы те же; строки сопоставлены по цифрам 203389.",
    ]);
  });

  it("and the reverse: a passport with edu203389 takes an older export's sch203389 rows", () => {
    const imp = importFisoko([{ name: "ф1-2021.xlsx", sheets: [realIndividual("sch203389")] }]);
    const { municipality, findings } = mergeIntoMunicipality(m("edu203389"), imp);
    expect(municipality.schools[0].participants.map((p) => p.login)).toEqual(["sch203389", "sch203389", "sch203389"]);
    expect(findings[0].message).toContain("ОО edu203389: логины edu203389 и sch203389 — одна ОО");
  });
});

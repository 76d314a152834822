import { describe, expect, it } from "vitest";
import { literacyStats } from "../../../src/core/literacy";
import type { LiteracyRow, ParticipantRow, SchoolReport } from "../../../src/core/model";
import { ovzStats } from "../../../src/core/ovz";
import { applyOverrides, DEFAULT_PROFILE } from "../../../src/core/profile";
import { fillForm, validateWorkbook } from "../../../src/form";
import { FORM_SHEETS } from "../../../src/form/schema";
import { MemoryWorkbook } from "../../../src/host/memory";
import { literacyTable, ovzTable } from "../../../src/summary/model/literacy-table";

const lit = (className: string, levels: LiteracyRow["levels"], ovz: number | null): LiteracyRow => ({
  year: 2026,
  grade: 5,
  className,
  area: "читательская",
  participants: levels.reduce((a, b) => a + b, 0),
  levels,
  ovz,
});

let seq = 0;
const pupil = (subject: string, mark: number | null, ovz: boolean): ParticipantRow => ({
  procedure: "ВПР",
  year: 2026,
  grade: 5,
  className: "А",
  subject,
  code: `c${++seq}`,
  score: null,
  mark,
  journalMark: null,
  taskPoints: [],
  source: "form",
  ...(ovz ? { ovz: true } : {}),
});

/** Mathematics: 5 ОВЗ pupils (at ovz.minN = 5) with 5, 4, 3, 3, 2 and 5 others with 5, 5, 4, 4, 3. */
const maths = [
  ...[5, 4, 3, 3, 2].map((m) => pupil("Математика", m, true)),
  ...[5, 5, 4, 4, 3].map((m) => pupil("Математика", m, false)),
];
/** Russian: 4 ОВЗ pupils (just below the minimum) and one more absent (no mark). */
const russian = [
  ...[4, 4, 3, 2].map((m) => pupil("Русский язык", m, true)),
  pupil("Русский язык", null, true),
  pupil("Русский язык", 5, false),
];

describe("functional literacy", () => {
  const rows = [lit("А", [1, 2, 3, 3, 1], 2), lit("Б", [0, 3, 6, 4, 2], null)];
  it("sums classes; share at повышенный + высокий and at недостаточный", () => {
    const [all] = literacyStats(rows, false);
    // 5А + 5Б: 25 pupils, levels 1, 5, 9, 7, 3 → (7 + 3) / 25 = 40 %, 1 / 25 = 4 %.
    expect(all).toMatchObject({ participants: 25, levels: [1, 5, 9, 7, 3], highShare: 40, insufficientShare: 4 });
    // 5Б did not say how many pupils have ОВЗ: the sum is unknown, not 2.
    expect(all.ovz).toBeNull();
    expect(literacyStats([rows[0]], false)[0]).toMatchObject({ highShare: 40, insufficientShare: 10, ovz: 2 });
  });

  it("the table: formulas over the level counts, «все» for all grades", () => {
    const t = literacyTable([{ level: "ОО", unit: "Школа", login: "edu1", rows }], "ФГ");
    expect(t.rows.map((r) => [r.grade, r.n, r.high, r.insufficient])).toEqual([
      ["все", 25, 40, 4],
      ["5", 25, 40, 4],
    ]);
    expect(t.columns.find((c) => c.id === "high")!.formula).toBe('IF({n}>0,({l4}+{l5})/{n}*100,"")');
    expect(t.columns.filter((c) => /^l\d$/.test(c.id)).map((c) => c.header)).toEqual([
      "Недостаточный",
      "Низкий",
      "Средний",
      "Повышенный",
      "Высокий",
    ]);
  });
});

describe("participants with ОВЗ", () => {
  it("at ovz.minN the indicators are computed apart; just below — «мало участников»", () => {
    const [m, r] = ovzStats([...maths, ...russian], DEFAULT_PROFILE).sort((a, b) => a.subject.localeCompare(b.subject));
    expect(m).toMatchObject({
      subject: "Математика",
      n: 5,
      success: 80,
      quality: 40,
      share2: 20,
      mean: 3.4,
      state: "",
    });
    expect(m.marks).toEqual({ n5: 1, n4: 1, n3: 2, n2: 1, n1: 0 });
    // All 10 participants: 2 + 4 at «4»–«5» of 10 → 60 %.
    expect(m.allQuality).toBe(60);
    expect(r).toMatchObject({ subject: "Русский язык", n: 4, marks: null, quality: null, state: "мало участников" });
    const strict = applyOverrides([{ key: "ovz.minN", value: 6 }]).profile;
    expect(ovzStats(maths, strict)[0].state).toBe("мало участников");
  });

  it("the table leaves the ОВЗ marks blank below the minimum and guards its formulas", () => {
    const t = ovzTable(
      [{ level: "ОО", unit: "Школа", login: "edu1", rows: [...maths, ...russian] }],
      DEFAULT_PROFILE,
      "ОВЗ",
    );
    expect(t.rows.map((x) => [x.subject, x.n, x.n5, x.quality, x.state])).toEqual([
      ["Математика", 5, 1, 40, ""],
      ["Русский язык", 4, null, null, "мало участников"],
    ]);
    expect(t.columns.find((c) => c.id === "quality")!.formula).toBe(
      'IF(OR({state}<>"",{n}<=0),"",({n5}+{n4})/{n}*100)',
    );
  });

  // ovzStats counts marks as they come (issue 23) instead of keeping them per test: the counts must
  // be countMarks' — a mark out of 1–5 or blank is left out, a fractional one is not counted by mark
  // but still counts among the ОВЗ participants with a mark, as before.
  it("counts marks 1–5 by mark, skips blanks and marks out of range, keeps a fractional ОВЗ mark in n", () => {
    const rows = [
      pupil("Математика", 5, true),
      pupil("Математика", 4, true),
      pupil("Математика", 4, true),
      pupil("Математика", 3, true),
      pupil("Математика", 1, true),
      pupil("Математика", 4.5, true),
      pupil("Математика", null, true),
      pupil("Математика", 6, true),
      pupil("Математика", 0, true),
      pupil("Математика", 2, false),
      pupil("Математика", 5, false),
      // Another test: no ОВЗ participant, so no line for it.
      pupil("Русский язык", 5, false),
    ];
    const [m, ...rest] = ovzStats(rows, DEFAULT_PROFILE);
    expect(rest).toEqual([]);
    expect(m.subject).toBe("Математика");
    // ОВЗ with a mark 1–5: 5, 4, 4, 3, 1 and 4,5 → n = 6; by mark the fractional one is not counted.
    expect(m.n).toBe(6);
    expect(m.marks).toEqual({ n5: 1, n4: 2, n3: 1, n2: 0, n1: 1 });
    expect(m.all).toEqual({ n5: 2, n4: 2, n3: 1, n2: 1, n1: 1 });
    expect(m.state).toBe("");
  });
});

describe("the form: «ОВЗ» on «Участники» and «Функциональная грамотность»", () => {
  const report = (): SchoolReport => ({
    passport: { login: "edu1", name: "Школа", type: "СОШ", location: "город", contingent: [] },
    results: [
      {
        procedure: "ВПР",
        year: 2026,
        grade: 5,
        className: "",
        subject: "Математика",
        participants: 10,
        marks: { n5: 3, n4: 3, n3: 3, n2: 1 },
        source: "form",
      },
    ],
    participants: maths.map((p, i) => ({ ...p, code: `50${i}` })),
    tasks: [],
    directions: {},
    cycle: [],
    findings: [],
    literacy: [lit("А", [1, 2, 3, 3, 1], 2)],
  });

  it("round trip: «да» marks ОВЗ, literacy rows come back", async () => {
    const wb = new MemoryWorkbook();
    await wb.write({ ops: fillForm(report()) });
    const { findings, report: back } = await validateWorkbook(wb);
    expect(findings.filter((f) => f.severity !== "info")).toEqual([]);
    expect(back!.participants.filter((p) => p.ovz).length).toBe(5);
    expect(back!.literacy).toEqual([
      { ...lit("А", [1, 2, 3, 3, 1], 2), ref: { sheet: "Функц. грамотность", cell: "A2" } },
    ]);
  });

  it("levels that do not add up to the participants: an error naming sheet and cell", async () => {
    const wb = new MemoryWorkbook();
    await wb.write({ ops: fillForm(report()) });
    const [sheet] = await wb.readSheets(["Функц. грамотность"]);
    const col = String.fromCharCode(65 + (sheet.values[0] as unknown[]).indexOf("Участников"));
    await wb.write({
      ops: [{ op: "values", sheet: "Функц. грамотность", address: `${col}2`, values: [[11]] }],
    });
    const { findings } = await validateWorkbook(wb);
    expect(findings.filter((f) => f.severity === "error").map((f) => [f.rule, f.sheet, f.cell, f.message])).toEqual([
      [
        "sum.levels",
        "Функц. грамотность",
        `${col}2`,
        "«Недостаточный» + «Низкий» + «Средний» + «Повышенный» + «Высокий» = 10, а участников 11; ожидается равенство.",
      ],
    ]);
  });

  it("a value other than да/нет in «ОВЗ» is an error with its cell", async () => {
    const wb = new MemoryWorkbook();
    await wb.write({ ops: fillForm(report()) });
    const [sheet] = await wb.readSheets(["Участники"]);
    const col = String.fromCharCode(65 + (sheet.values[0] as unknown[]).indexOf("ОВЗ"));
    await wb.write({ ops: [{ op: "values", sheet: "Участники", address: `${col}2`, values: [["F84.0"]] }] });
    const { findings } = await validateWorkbook(wb);
    expect(findings.filter((f) => f.severity === "error").map((f) => [f.rule, f.sheet, f.cell])).toEqual([
      ["type.enum", "Участники", `${col}2`],
    ]);
  });
});

describe("sheet names", () => {
  it("every form sheet still fits Excel's 31 characters with a login suffix (several forms in one book)", () => {
    for (const s of FORM_SHEETS) expect(`${s.name} (edu420101)`.length, s.name).toBeLessThanOrEqual(31);
  });
});

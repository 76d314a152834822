/**
 * A protocol sheet's participants as columns (src/fisoko/raw/table.ts, issue 23): the arrays grow
 * past their first 1024 rows without losing a value, a school's rows reach the analysis as views,
 * a participant asked for as a row reads back as it went in, and dropping rows keeps the others.
 */
import { describe, expect, it } from "vitest";
import { ParticipantTable } from "../../../src/fisoko/raw";

const TEST = { procedure: "ВПР" as const, year: 2026, grade: 4, subject: "Математика" };
const AT = { file: "п.xlsx", sheet: "Протокол", codeLetters: "G" };

/** 2 500 participants of 3 schools (1 000, 1 000, 500 rows), 2 tasks; participant i has score i % 20. */
function filled(): ParticipantTable {
  const t = new ParticipantTable(TEST, 2, AT);
  for (let i = 0; i < 2500; i++) {
    t.reserve();
    const base = t.count * 2;
    t.points[base] = i % 3;
    t.points[base + 1] = i % 7 === 0 ? NaN : 1;
    const school = t.schoolNumber(i < 1000 ? "edu000001" : i < 2000 ? "edu000002" : "sch000003");
    const klass = t.classNumber(i % 2 ? "4А" : "4Б");
    t.add(
      school,
      klass,
      i % 5 === 0 ? `К-${i}` : 700000 + i,
      i % 20,
      i % 20 >= 10 ? 4 : null,
      i % 11 === 0 ? null : 5,
      i + 3,
    );
  }
  return t;
}

describe("ParticipantTable", () => {
  const t = filled();

  it("keeps every value as its arrays double", () => {
    expect(t.count).toBe(2500);
    expect(t.score.length).toBe(4096);
    expect([t.score[0], t.score[1999], t.score[2499]]).toEqual([0, 19, 19]);
    expect([t.mark[9], t.mark[10], t.journalMark[11], t.journalMark[12]]).toEqual([0, 4, 0, 5]);
    expect([...t.points.subarray(2 * 2498, 2 * 2500)]).toEqual([2498 % 3, 1, 2499 % 3, NaN]);
    expect(t.logins).toEqual(["edu000001", "edu000002", "sch000003"]);
    expect([t.schoolRunEnd(0), t.schoolRunEnd(1000), t.schoolRunEnd(2000), t.schoolRunEnd(1500, 1600)]).toEqual([
      1000, 2000, 2500, 1600,
    ]);
  });

  it("gives a school's rows as views of its arrays", () => {
    const c = t.columns(1000, 2000);
    expect([c.procedure, c.year, c.grade, c.subject, c.count, c.taskCount]).toEqual([
      "ВПР",
      2026,
      4,
      "Математика",
      1000,
      2,
    ]);
    expect([c.score[0], c.score[999], c.points[1], c.points[3], c.points.length]).toEqual([0, 19, 1, NaN, 2000]);
    expect(c.score.buffer).toBe(t.score.buffer);
  });

  it("reads a participant back as a row: blanks as null, the code as its text, the reference made when read", () => {
    const p = t.row(1002);
    expect([p.login, p.className, p.code, p.score, p.mark, p.journalMark, p.taskPoints, p.sheetRow]).toEqual([
      "edu000002",
      "4Б",
      "701002",
      2,
      null,
      5,
      [1002 % 3, 1],
      1005,
    ]);
    expect(t.row(1005).code).toBe("К-1005");
    expect([t.row(1001).journalMark, t.row(1011).mark]).toEqual([null, 4]);
    expect(t.row(1012).taskPoints).toEqual([1012 % 3, 1]);
    expect(t.row(1015).taskPoints).toEqual([1015 % 3, null]);
    expect(p.ref).toEqual({ sheet: "Протокол", cell: "G1006", file: "п.xlsx" });
  });

  it("drops the given rows and keeps the others in order", () => {
    const kept = t.without(new Set([0, 1500, 2499]));
    expect(kept.count).toBe(2497);
    expect([kept.row(0).code, kept.row(1498).code, kept.row(1499).code, kept.row(2496).code]).toEqual([
      "700001",
      "701499",
      "701501",
      "702498",
    ]);
    expect([kept.schoolRunEnd(0), kept.logins]).toEqual([999, ["edu000001", "edu000002", "sch000003"]]);
    expect([
      kept.score[1498],
      kept.mark[1498],
      kept.journalMark[1498],
      [...kept.points.subarray(2 * 1498, 2 * 1499)],
    ]).toEqual([1499 % 20, 4, 5, [1499 % 3, 1]]);
  });
});

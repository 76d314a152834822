/**
 * A school's participants are added run by run (rows of one test in a row, src/core/context/units.ts
 * addRun): interleaved tests and two spellings of one subject still land in one unit each, with
 * every row counted once.
 */
import { describe, expect, it } from "vitest";
import { schoolUnits } from "../../../src/core/context/units";
import type { ParticipantColumns, ParticipantRow, SchoolReport } from "../../../src/core/model";
import { DEFAULT_PROFILE } from "../../../src/core/profile";

const row = (subject: string, score: number, mark: number, grade = 4): ParticipantRow => ({
  procedure: "ВПР",
  year: 2025,
  grade,
  className: `${grade}А`,
  subject,
  code: `${subject}${score}${mark}`,
  score,
  mark,
  journalMark: mark,
  taskPoints: [score],
  source: "ф.xlsx",
});

const school = (participants: ParticipantRow[]): SchoolReport =>
  ({
    passport: { login: "edu000001", name: "СОШ", type: "СОШ", location: "город", municipality: "М", contingent: [] },
    results: [],
    participants,
    tasks: [],
    directions: {},
    cycle: [],
    findings: [],
    file: "ф.xlsx",
  }) as unknown as SchoolReport;

describe("participants added run by run", () => {
  it("interleaved tests and spellings of one subject: one unit each, every row once", () => {
    const units = schoolUnits(
      school([
        row("Математика", 10, 4),
        row("Математика", 5, 3),
        row("Русский язык", 20, 5),
        row("математика", 2, 2),
        row("Математика", 12, 4, 5),
        row("Математика", 11, 4),
      ]),
      DEFAULT_PROFILE,
    );
    const math4 = units.get("ВПР|2025|4|Математика")!;
    expect([math4.n, math4.marks, math4.scoreSum, math4.tasks]).toEqual([
      4,
      { n5: 0, n4: 2, n3: 1, n2: 1 },
      28,
      { sums: [28], n: 4 },
    ]);
    expect([...units.keys()].sort()).toEqual([
      "ВПР|2025|4|Математика",
      "ВПР|2025|4|Русский язык",
      "ВПР|2025|5|Математика",
    ]);
    expect(units.get("ВПР|2025|5|Математика")!.n).toBe(1);
    expect(units.get("ВПР|2025|4|Русский язык")!.scores).toEqual(new Map([[20, 1]]));
  });
});

/** The rows as a protocol's columns (0 and NaN are the blanks), as src/fisoko/raw/table.ts makes them. */
function columnsOf(rows: readonly ParticipantRow[], tasks: number): ParticipantColumns {
  const n = rows.length;
  const c: ParticipantColumns = {
    procedure: "ВПР",
    year: rows[0].year,
    grade: rows[0].grade,
    subject: rows[0].subject,
    count: n,
    score: new Float64Array(n),
    mark: new Uint8Array(n),
    journalMark: new Uint8Array(n),
    taskCount: tasks,
    points: new Float64Array(n * tasks).fill(NaN),
  };
  rows.forEach((r, i) => {
    c.score[i] = r.score ?? NaN;
    c.mark[i] = r.mark ?? 0;
    c.journalMark[i] = r.journalMark ?? 0;
    r.taskPoints.forEach((v, t) => (c.points[i * tasks + t] = v ?? NaN));
  });
  return c;
}

describe("participants given as a protocol's columns (issue 23)", () => {
  // Every case the counting distinguishes: marks 2–5 and none, a score without a mark, a mark
  // without a score, an absent row (neither), journal marks equal / lower / two apart / none,
  // blank and fractional task points, a participant without any task point.
  const rows: ParticipantRow[] = [
    { ...row("Математика", 18, 5), journalMark: 5, taskPoints: [1, 2, 0.5] },
    { ...row("Математика", 12, 4), journalMark: 5, taskPoints: [1, null, 2] },
    { ...row("Математика", 7, 3), journalMark: 5, taskPoints: [null, null, null] },
    { ...row("Математика", 3, 2), journalMark: null, taskPoints: [0, 0, 1] },
    { ...row("Математика", 9, 3), mark: null, journalMark: 4, taskPoints: [2, 2, 2] },
    { ...row("Математика", 0, 4), score: null, journalMark: 3, taskPoints: [1, 1, 1] },
    { ...row("Математика", 0, 2), score: null, mark: null, taskPoints: [1, 1, 1] },
    { ...row("Математика", 1500, 5), taskPoints: [3, 3, 3] },
  ];

  it("count exactly as the same participants given as rows", () => {
    const fromRows = schoolUnits(school(rows), DEFAULT_PROFILE).get("ВПР|2025|4|Математика")!;
    const fromColumns = schoolUnits(
      { ...school([]), participantColumns: [columnsOf(rows.slice(0, 5), 3), columnsOf(rows.slice(5), 3)] },
      DEFAULT_PROFILE,
    ).get("ВПР|2025|4|Математика")!;
    expect(fromColumns).toEqual(fromRows);
    // Worked out by hand: 7 wrote (the row with neither mark nor score did not), marks 5,4,3,2 and
    // 4,5; journal pairs 5/5, 4/5, 3/5 (two apart), 4/3, 5/5; scores 18+12+7+3+9+1500; task sums
    // over the 6 participants with any point.
    expect([fromRows.n, fromRows.marks, fromRows.journal, fromRows.scoreSum, fromRows.scored]).toEqual([
      7,
      { n5: 2, n4: 2, n3: 1, n2: 1 },
      { n: 5, lowered: 2, confirmed: 2, raised: 1, gap2: 1 },
      1549,
      6,
    ]);
    expect(fromRows.tasks).toEqual({ sums: [8, 8, 9.5], n: 6 });
    expect(fromRows.scores).toEqual(
      new Map([
        [3, 1],
        [7, 1],
        [9, 1],
        [12, 1],
        [18, 1],
        [1500, 1],
      ]),
    );
  });

  it("rows of another test and columns of one school are units side by side", () => {
    const units = schoolUnits(
      { ...school([row("Русский язык", 20, 5)]), participantColumns: [columnsOf(rows.slice(0, 2), 3)] },
      DEFAULT_PROFILE,
    );
    expect([...units.keys()].sort()).toEqual(["ВПР|2025|4|Математика", "ВПР|2025|4|Русский язык"]);
    expect(units.get("ВПР|2025|4|Математика")!.n).toBe(2);
  });
});

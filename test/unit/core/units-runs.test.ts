/**
 * A school's participants are added run by run (rows of one test in a row, src/core/context/units.ts
 * addRun): interleaved tests and two spellings of one subject still land in one unit each, with
 * every row counted once.
 */
import { describe, expect, it } from "vitest";
import { schoolUnits } from "../../../src/core/context/units";
import type { ParticipantRow, SchoolReport } from "../../../src/core/model";
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

import { describe, expect, it } from "vitest";
import { DEFAULT_PROFILE } from "../../../src/core/profile";
import { cycleMatrix } from "../../../src/core/cycle";
import type { CycleRecord, SchoolReport } from "../../../src/core/model";
import { track } from "./helpers";

const opts = { year: 2026, evaluationDate: "2026-12-31", profile: DEFAULT_PROFILE };

function school(login: string, cycle: CycleRecord[]): SchoolReport {
  return {
    passport: {
      login,
      name: `МБОУ «Школа ${login}»`,
      shortName: `Школа ${login}`,
      type: "СОШ",
      location: "город",
      contingent: [],
    },
    results: [],
    participants: [],
    tasks: [],
    directions: {},
    cycle,
    findings: [],
  };
}

const S1 = school("sch1", [
  ...track({ direction: 1, scores: "222222222" }),
  ...track({ direction: 2, scores: "222220222" }),
]);
const S2 = school("sch2", track({ direction: 1, scores: "222222220", planned: { 9: "2026-12-01" } }));
const S3 = school("sch3", [
  ...track({ direction: 1, track: "ВПР", scores: "222222222" }),
  ...track({ direction: 1, track: "ОГЭ", kind: "partial", scores: "------022" }),
]);
const MUNICIPAL = track({ direction: 1, scores: "222222222" });

describe("cycleMatrix", () => {
  const m = cycleMatrix([S1, S2, S3], MUNICIPAL, opts);
  const row1 = m.rows[0];
  const row2 = m.rows[2];

  it("shares of schools that closed each component of direction 1", () => {
    expect(row1.direction).toBe(1);
    // component 1: counted in every school (the partial track of sch3 does not count it), done everywhere
    expect(row1.cells[0]).toEqual({ closed: 3, total: 3, share: 100 });
    // component 7: sch3's partial track has it «нет» → 2 of 3
    expect(row1.cells[6].closed).toBe(2);
    expect(row1.cells[6].share).toBeCloseTo(200 / 3, 9);
    // component 9: sch2 did not do it → 2 of 3
    expect(row1.cells[8]).toMatchObject({ closed: 2, total: 3 });
    // closed cycles: only sch1
    expect(row1.closedCycles.closed).toBe(1);
    expect(row1.closedCycles.share).toBeCloseTo(100 / 3, 9);
  });

  it("a direction only one school fills counts only that school; a direction nobody fills has no share", () => {
    expect(row2.direction).toBe(2);
    expect(row2.cells[0]).toEqual({ closed: 1, total: 1, share: 100 });
    expect(row2.cells[5]).toEqual({ closed: 0, total: 1, share: 0 });
    expect(row2.closedCycles).toEqual({ closed: 0, total: 1, share: 0 });
    const row8 = m.rows[8];
    expect(row8.cells.every((c) => c.share === null && c.total === 0)).toBe(true);
  });

  it("per-school status rows and the municipality's own cycle", () => {
    expect(m.schoolCount).toBe(3);
    expect(m.schools.map((s) => s.directions[0].statusText)).toEqual([
      "замкнут",
      "разрыв на этапе 9 «Анализ эффективности принятых мер»",
      "разрыв на этапе 7 «Меры и мероприятия» (трек «ОГЭ»)",
    ]);
    expect(m.schools[0].directions[2].statusText).toBe("разрыв на этапе 6 «Адресные рекомендации»");
    expect(m.schools[1].directions[2].statusText).toBe("нет данных");
    expect(m.schools[1].overdueCount).toBe(1);
    expect(m.schools[1].name).toBe("Школа sch2");
    expect(m.municipal!.directions[0].statusText).toBe("замкнут");
    expect(cycleMatrix([S1], [], opts).municipal).toBeNull();
  });

  it("no schools: every share is null, nothing is divided by zero", () => {
    const empty = cycleMatrix([], [], opts);
    expect(empty.rows.every((r) => r.cells.every((c) => c.share === null) && r.closedCycles.share === null)).toBe(true);
    expect(empty.levels).toEqual([50, 80]);
  });
});

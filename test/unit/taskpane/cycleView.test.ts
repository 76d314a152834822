import { describe, expect, it } from "vitest";
import type { CycleRecord, SchoolReport } from "../../../src/core/model";
import { DEFAULT_PROFILE } from "../../../src/core/profile";
import { CYCLE_EMPTY_TEXT, cycleView } from "../../../src/taskpane/cycle/view";

function report(cycle: CycleRecord[]): SchoolReport {
  return {
    passport: { login: "sch420999", name: "Школа", type: "СОШ", location: "город", contingent: [] },
    results: [],
    participants: [],
    tasks: [],
    directions: {},
    cycle,
    findings: [],
  };
}

/** A full track of direction 1 in `year`: components 1–5 done with documents, 6 planned for `planned` without one. */
function track(year: number, planned: string): CycleRecord[] {
  return Array.from({ length: 9 }, (_, i) => {
    const component = i + 1;
    const ref = { sheet: "Цикл", cell: `A${component + 1}` };
    if (component <= 5)
      return {
        year,
        direction: 1,
        track: "ВПР",
        trackKind: "full",
        component,
        score: 2,
        docNumber: `${component}`,
        docDate: `${year}-03-0${component}`,
        ref,
      } as CycleRecord;
    return {
      year,
      direction: 1,
      track: "ВПР",
      trackKind: "full",
      component,
      score: 0,
      plannedDate: planned,
      ref,
    } as CycleRecord;
  });
}

describe("cycleView", () => {
  it("explains why there is no board", () => {
    expect(cycleView(null, "2026-12-31", DEFAULT_PROFILE)).toEqual({ kind: "noReport" });
    expect(cycleView(report([]), "2026-12-31", DEFAULT_PROFILE)).toEqual({ kind: "noRecords" });
    expect(cycleView(report(track(2026, "2026-12-01")), null, DEFAULT_PROFILE)).toEqual({ kind: "noDate", year: 2026 });
    expect(cycleView(report(track(2026, "2026-12-01")), "2026-02-30", DEFAULT_PROFILE)).toEqual({
      kind: "noDate",
      year: 2026,
    });
    expect(CYCLE_EMPTY_TEXT.noDate).toMatch(/^Задайте отчётную дату книги/);
  });

  it("evaluates the latest year at the reporting date: planned before it and not done is overdue, on the day is not", () => {
    const records = [...track(2025, "2025-01-01"), ...track(2026, "2026-12-01")];
    const before = cycleView(report(records), "2026-12-01", DEFAULT_PROFILE);
    expect(before.kind).toBe("board");
    if (before.kind !== "board") return;
    expect(before.year).toBe(2026);
    const row = before.model.rows.find((r) => r.code === "1")!;
    expect(row.status).toBe("gap");
    expect(row.cells.map((c) => c.state)).toEqual([
      "done",
      "done",
      "done",
      "done",
      "done",
      "missing",
      "missing",
      "missing",
      "missing",
    ]);
    const after = cycleView(report(records), "2026-12-02", DEFAULT_PROFILE);
    if (after.kind !== "board") throw new Error("нет доски");
    expect(
      after.model.rows
        .find((r) => r.code === "1")!
        .cells.map((c) => c.state)
        .slice(5),
    ).toEqual(["overdue", "overdue", "overdue", "overdue"]);
    expect(after.model.evaluationDateText).toBe("02.12.2026");
  });
});

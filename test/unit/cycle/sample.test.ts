/**
 * Acceptance on the sample municipality (src/sample): the injected cycle situations are the only
 * gaps and overdue components reported, with the right next steps, and the board of the school
 * with the overdue component shows it (the rendering itself is tested in board.test.tsx). Builds only the schools' cycle sheets (fast), not results.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_PROFILE } from "../../../src/core/profile";
import { cycleFlags, evaluateCycle } from "../../../src/core/cycle";
import { DEFAULT_SEED, DEFAULT_YEARS } from "../../../src/sample";
import { makePlan } from "../../../src/sample/plan";
import { rosterEntry } from "../../../src/sample/roster";
import { schoolCycle } from "../../../src/sample/cycle";
import { situationOf } from "../../../src/sample/situations";
import { boardModel } from "../../../src/taskpane/cycle/board-model";

const years = [...DEFAULT_YEARS];
const last = years[years.length - 1];
const opts = { year: last, evaluationDate: `${last}-12-31`, profile: DEFAULT_PROFILE };
const schools = Array.from({ length: 25 }, (_, i) => {
  const entry = rosterEntry(i);
  return { entry, cycle: schoolCycle(makePlan(entry, DEFAULT_SEED, years)), situation: situationOf(entry, years) };
});

describe("sample municipality: injected cycle situations", () => {
  it("every school's flags are exactly its injected cycle situation", () => {
    const found = schools.flatMap((s) =>
      cycleFlags(evaluateCycle(s.cycle, opts)).map((f) => `${s.entry.login}:${f.rule}:${f.direction}:${f.component}`),
    );
    const expected = schools.flatMap((s) => {
      const sit = s.situation;
      if (!sit || !sit.expectedRule.startsWith("cycle.")) return [];
      return [sit.expectedRule, ...(sit.alsoExpected ?? [])].map(
        (rule) => `${s.entry.login}:${rule}:${sit.direction}:${sit.component}`,
      );
    });
    expect(expected.length).toBeGreaterThanOrEqual(2);
    expect(found.sort()).toEqual(expected.sort());
  });

  it("the gap names component 6 of direction 2 with the document to prepare", () => {
    const s = schools.find((x) => x.situation?.kind === "cycleGap")!;
    const d = evaluateCycle(s.cycle, opts).directions.find((x) => x.id === 2)!;
    expect(d.statusText).toBe("разрыв на этапе 6 «Адресные рекомендации»");
    expect(d.nextSteps[0].text).toBe(
      "Подготовить адресные рекомендации по результатам анализа (приказ/распоряжение с номером и датой)",
    );
    expect(d.overdueCount).toBe(0);
  });

  it("the board of the school with the overdue component shows it in direction 5, column 8", () => {
    const s = schools.find((x) => x.situation?.kind === "cycleOverdue")!;
    const e = evaluateCycle(s.cycle, opts);
    const model = boardModel(e);
    const row5 = model.rows.find((r) => r.code === "5")!;
    expect(row5.cells.map((c) => c.state)).toEqual([
      "done",
      "done",
      "done",
      "done",
      "done",
      "done",
      "done",
      "overdue",
      "missing",
    ]);
    expect(row5.statusText).toBe("разрыв на этапе 8 «Управленческие решения»");
    expect(row5.steps[0].dateText).toBe(`срок 15.10.${last} — просрочен`);
    expect(model.rows.flatMap((r) => r.cells).filter((c) => c.state === "overdue")).toHaveLength(1);
  });
});

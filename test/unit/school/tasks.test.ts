import { describe, expect, it } from "vitest";
import type { ParticipantRow, TaskSet } from "../../../src/core/model";
import { applyOverrides, DEFAULT_PROFILE } from "../../../src/core/profile";
import { adequacy, completionByMark, deficits, levelShares, taskResults } from "../../../src/school/model/tasks";

const set: TaskSet = {
  procedure: "ВПР",
  year: 2025,
  grade: 5,
  subject: "Математика",
  source: "form",
  tasks: [
    { number: "1", level: "Б", max: 1, skill: "Вычисления" },
    { number: "2", level: "Б", max: 2, skill: "Вычисления" },
    { number: "3", level: "П", max: 2 },
  ],
};
const p = (code: string, mark: number, pts: (number | null)[]): ParticipantRow => ({
  procedure: "ВПР",
  year: 2025,
  grade: 5,
  className: "5А",
  subject: "Математика",
  code,
  score: null,
  mark,
  journalMark: null,
  taskPoints: pts,
  source: "form",
});

describe("task adequacy bands (§2)", () => {
  it("basic: ≥ 60 sufficient, < 57 insufficient, grey between", () => {
    expect(adequacy(60, "Б", DEFAULT_PROFILE)).toBe("sufficient");
    expect(adequacy(59.9, "Б", DEFAULT_PROFILE)).toBe("grey");
    expect(adequacy(57, "Б", DEFAULT_PROFILE)).toBe("grey");
    expect(adequacy(56.9, "Б", DEFAULT_PROFILE)).toBe("insufficient");
  });
  it("advanced: ≥ 30 sufficient, < 28.5 insufficient", () => {
    expect(adequacy(30, "П", DEFAULT_PROFILE)).toBe("sufficient");
    expect(adequacy(28.5, "В", DEFAULT_PROFILE)).toBe("grey");
    expect(adequacy(28.4, "В", DEFAULT_PROFILE)).toBe("insufficient");
  });
  it("follows the profile", () => {
    const { profile } = applyOverrides([{ key: "tasks.basicSufficient", value: 70 }]);
    expect(adequacy(65, "Б", profile)).toBe("grey");
  });
});

describe("task completion of a class", () => {
  // 4 participants: task 1 (max 1): 1+1+0+1 = 3/4 = 75 %; task 2 (max 2): 2+1+0+null → 3/(3·2) = 50 %;
  // task 3 (max 2): 0+0+1+0 = 1/8 = 12.5 %.
  const ps = [p("001", 4, [1, 2, 0]), p("002", 3, [1, 1, 0]), p("003", 2, [0, 0, 1]), p("004", 3, [1, null, 0])];
  const r = taskResults(ps, set, DEFAULT_PROFILE);
  it("computes Σ points / (N·max) per task, skipping blanks", () => {
    expect(r.map((x) => x.completion)).toEqual([75, 50, 12.5]);
    expect(r.map((x) => x.n)).toEqual([4, 3, 4]);
    expect(r.map((x) => x.adequacy)).toEqual(["sufficient", "insufficient", "insufficient"]);
  });
  it("groups deficits by skill", () => {
    expect(deficits(r).map((d) => [d.skill, d.tasks.map((t) => t.number)])).toEqual([
      ["Вычисления", ["2"]],
      ["задание 3", ["3"]],
    ]);
  });
  it("shares of basic and advanced points per participant", () => {
    expect(levelShares(ps[0], set)).toEqual({ basic: 100, advanced: 0 });
    expect(levelShares(ps[3], set)).toEqual({ basic: 100, advanced: 0 }); // task 2 blank: 1 of 1
    expect(levelShares(ps[2], set)).toEqual({ basic: 0, advanced: 50 });
  });
  it("completion by mark groups only for groups of ≥ 10", () => {
    const many = Array.from({ length: 10 }, (_, i) => p(`1${i}`, 3, [1, 1, 0]));
    const g = completionByMark([...many, ...ps], set, DEFAULT_PROFILE);
    expect(g.map((x) => [x.mark, x.n, x.enough])).toEqual([
      [2, 1, false],
      [3, 12, true],
      [4, 1, false],
      [5, 0, false],
    ]);
    // «3» group: 10×[1,1,0] + 002 [1,1,0] + 004 [1,null,0] → task 1: 12/12; task 2: 11/(11·2); task 3: 0.
    expect(g[1].completion).toEqual([100, 50, 0]);
    expect(g[0].completion).toBeNull();
  });
});

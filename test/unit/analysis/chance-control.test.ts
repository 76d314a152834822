/**
 * The project's chance control on top of revision 2026.2 (docs/analysis.md «Качество правил»):
 * Bonferroni over a school's O1/O2 tests of the year (objectivity.familywise) and O4's margins
 * and minimum N. Values at, just below and just above each threshold, computed by hand.
 */
import { describe, expect, it } from "vitest";
import { buildContext, explainSign } from "../../../src/core/analysis";
import { schoolSigns, testThreshold, type SignResult } from "../../../src/core/objectivity";
import { applyOverrides, DEFAULT_PROFILE } from "../../../src/core/profile";
import type { SchoolReport } from "../../../src/core/model";
import { addParticipants, municipality, school } from "./build";

const P = DEFAULT_PROFILE;
const NB = "\u00a0";
const FILLER_SUBJECTS = ["Математика", "Русский язык", "История", "Биология"];

function signsOf(schools: SchoolReport[], rule: string, profile = P): SignResult[] {
  const m = municipality(schools);
  const ctx = buildContext(m, profile);
  const a = m.schools.find((x) => x.passport.login === "a")!;
  return [...schoolSigns(a, ctx).values()].flat().filter((r) => r.rule === rule && r.evaluated);
}

/** `count` more tests of school a in 2025 (grades 6–11 × four subjects), evaluated and far from firing. */
function fillers(a: SchoolReport, count: number, row: { score?: number; mark: number; journal?: number }, n: number) {
  for (let i = 0; i < count; i++)
    addParticipants(a, "ВПР", 2025, 6 + Math.floor(i / 4), FILLER_SUBJECTS[i % 4], [[n, row]]);
  return a;
}

describe("the P threshold of one test: min(α, familywise level / k)", () => {
  it("O1 (α = 0,01, level 0,05): k = 16 → 0,003125; k = 6 → 0,008333; k = 5 → 0,05 / 5 = 0,01, not below α", () => {
    expect(testThreshold(P, "O1", 16)).toMatchObject({ alpha: 0.003125, tests: 16, corrected: true });
    expect(testThreshold(P, "O1", 6).alpha).toBeCloseTo(0.0083333, 7);
    expect(testThreshold(P, "O1", 6).corrected).toBe(true);
    expect(testThreshold(P, "O1", 5)).toMatchObject({ alpha: 0.01, corrected: false });
    expect(testThreshold(P, "O1", 1)).toMatchObject({ alpha: 0.01, corrected: false });
  });
  it("O2 (α = 0,01, level 0,1): k = 19 → 0,0052632; k = 11 → 0,0090909; k = 10 → 0,01, not below α", () => {
    expect(testThreshold(P, "O2", 19).alpha).toBeCloseTo(0.0052632, 7);
    expect(testThreshold(P, "O2", 11).alpha).toBeCloseTo(0.0090909, 7);
    expect(testThreshold(P, "O2", 10)).toMatchObject({ alpha: 0.01, corrected: false });
  });
  it("objectivity.familywise = нет keeps the methodology's per-test rule: 0,01 at any k", () => {
    const { profile, errors } = applyOverrides([{ key: "objectivity.familywise", value: "false" }]);
    expect(errors).toEqual([]);
    expect(testThreshold(profile, "O1", 16)).toMatchObject({ alpha: 0.01, corrected: false });
    expect(testThreshold(profile, "O2", 19)).toMatchObject({ alpha: 0.01, corrected: false });
  });
});

describe("O1 with the correction: 3 of 20 gaps of two against 1,5 % (P = 0,0031781)", () => {
  // School a: the tested unit (5 класс, математика) — 3 of 20 with journal 5 and mark 3, the rest
  // confirmed; school b: 180 confirmed, so the pooled gap-2 share is 3/200 = 1,5 % and
  // P(X ≥ 3), X ~ Bin(20; 0,015) = 0,0031781. Plus k − 1 confirmed tests (20 each, no gaps).
  function o1(k: number, profile = P) {
    const a = addParticipants(school("a"), "ВПР", 2025, 5, "Математика", [
      [3, { mark: 3, journal: 5 }],
      [17, { mark: 4, journal: 4 }],
    ]);
    fillers(a, k - 1, { mark: 4, journal: 4 }, 20);
    const b = addParticipants(school("b"), "ВПР", 2025, 5, "Математика", [[180, { mark: 4, journal: 4 }]]);
    const all = signsOf([a, b], "O1", profile);
    expect(all).toHaveLength(k);
    return all.find((r) => r.grade === 5)!;
  }
  it("k = 15: threshold 0,05 / 15 = 0,0033333, P just below → fires", () => {
    const r = o1(15);
    expect(r.numbers.gap2P).toBeCloseTo(0.0031781, 6);
    expect(r.numbers.tests).toBe(15);
    expect(r.numbers.alpha).toBeCloseTo(0.0033333, 7);
    expect(r.fired).toBe(true);
    expect(explainSign(r)).toContain(
      `вероятность случайно получить такое расхождение — 0,32${NB}% (односторонний биномиальный тест; порог 5${NB}% / 15 = 0,33${NB}% — с поправкой на число проверок ОО за год (k${NB}=${NB}15), [DEFAULT])`,
    );
  });
  it("k = 16: threshold 0,003125, P just above → does not fire, and the sentence says chance explains it", () => {
    const r = o1(16);
    expect(r.numbers.alpha).toBe(0.003125);
    expect(r.numbers.gap2Reached).toBe(1);
    expect(r.fired).toBe(false);
    expect(explainSign(r)).toContain(
      `порог 5${NB}% / 16 = 0,31${NB}% — с поправкой на число проверок ОО за год (k${NB}=${NB}16), [DEFAULT])), но это объяснимо случайностью`,
    );
  });
  it("k = 16 with objectivity.familywise = нет: the per-test 1 % → fires, as the methodology's text", () => {
    const { profile } = applyOverrides([{ key: "objectivity.familywise", value: "нет" }]);
    const r = o1(16, profile);
    expect(r.numbers.alpha).toBe(0.01);
    expect(r.fired).toBe(true);
    expect(explainSign(r)).toContain(`порог 1${NB}%, [DEFAULT])`);
  });
  it("k = 5: 0,05 / 5 is not below 1 %, so the per-test threshold stands and no correction is named", () => {
    const r = o1(5);
    expect(r.numbers.alpha).toBe(0.01);
    expect(r.threshold.map((t) => t.key)).not.toContain("o1.familywiseAlpha");
    expect(explainSign(r)).not.toContain("поправкой");
  });
});

describe("O2 with the correction: 5 at the boundary, 0 below, q = 7/20 (P = 0,35⁵ = 0,0052522)", () => {
  // Scale ВПР 2025 5 класс математика is not in the profile, so boundaries are inferred from the
  // pooled (score, mark) pairs: «3» from 10. a: 5 at 10, 25 at 13 (also mark 3); b: 2 at 10, 13 at 9
  // (mark 2) → ref(10) = 7, ref(9) = 13, q = 7/20, m = 5, P(X ≥ 5) = 0,35⁵ = 0,0052521875.
  // Fillers: 30 participants at score 13, mark 3 — the boundary «3» from 13 with nobody below, P = 1.
  function o2(k: number) {
    const a = addParticipants(school("a"), "ВПР", 2025, 5, "Математика", [
      [5, { score: 10, mark: 3 }],
      [25, { score: 13, mark: 3 }],
    ]);
    fillers(a, k - 1, { score: 13, mark: 3 }, 30);
    const b = addParticipants(school("b"), "ВПР", 2025, 5, "Математика", [
      [2, { score: 10, mark: 3 }],
      [13, { score: 9, mark: 2 }],
    ]);
    const all = signsOf([a, b], "O2");
    expect(all).toHaveLength(k);
    return all.find((r) => r.grade === 5)!;
  }
  it("k = 19: threshold 0,1 / 19 = 0,0052632, P just below → fires", () => {
    const r = o2(19);
    expect(r.numbers).toMatchObject({ boundary: 10, countAt: 5, countBelow: 0, m: 5, tests: 19 });
    expect(r.numbers.q).toBeCloseTo(0.35, 12);
    expect(r.numbers.p).toBeCloseTo(0.0052521875, 10);
    expect(r.fired).toBe(true);
    expect(explainSign(r)).toContain(
      `(порог 0,1 / 19 = 0,005263 — с поправкой на число проверок ОО за год (k${NB}=${NB}19), [DEFAULT];`,
    );
  });
  it("k = 20: threshold 0,005, P just above → does not fire", () => {
    const r = o2(20);
    expect(r.numbers.alpha).toBe(0.005);
    expect(r.fired).toBe(false);
  });
});

describe("O4 with margins (o4.inversionMargin = o4.crossMargin = 5 п.п., o4.minN = 20)", () => {
  const tasks = {
    procedure: "ВПР" as const,
    year: 2025,
    grade: 5,
    subject: "Математика",
    source: "form",
    tasks: [
      { number: "1", level: "Б" as const, max: 1 },
      { number: "2", level: "Б" as const, max: 1 },
      { number: "3", level: "П" as const, max: 2 },
    ],
  };
  type Group = [number, (number | null)[]];
  function o4(own: Group[], other: Group[], profile = P) {
    const a = addParticipants(
      school("a"),
      "ВПР",
      2025,
      5,
      "Математика",
      own.map(([n, t]) => [n, { mark: 4, tasks: t }]),
    );
    a.tasks.push(tasks);
    const b = addParticipants(
      school("b"),
      "ВПР",
      2025,
      5,
      "Математика",
      other.map(([n, t]) => [n, { mark: 4, tasks: t }]),
    );
    const m = municipality([a, b]);
    const s = m.schools.find((x) => x.passport.login === "a")!;
    return [...schoolSigns(s, buildContext(m, profile)).values()].flat().find((r) => r.rule === "O4")!;
  }
  // Basic completion of a: every pupil 1 of 2 → 50 %. Advanced (2 points): Σ / (20 · 2).
  it("inversion: advanced 55 % vs basic 50 % (exactly +5 п.п.) fires", () => {
    const r = o4(
      [
        [11, [1, 0, 2]],
        [9, [1, 0, 0]],
      ],
      [[20, [1, 1, 2]]],
    );
    expect(r.numbers.advanced).toBe(55);
    expect(r.numbers.invertedFired).toBe(1);
    expect(r.fired).toBe(true);
  });
  it("inversion: 54,75 % vs 50 % (+4,75 п.п., just below) and 50 % vs 50 % do not fire", () => {
    const below = o4(
      [
        [10, [1, 0, 2]],
        [1, [1, 0, 1.9]],
        [9, [1, 0, 0]],
      ],
      [[20, [1, 1, 2]]],
    );
    expect(below.numbers.advanced).toBeCloseTo(54.75, 10);
    expect(below.numbers.invertedFired).toBe(0);
    const equal = o4(
      [
        [10, [1, 0, 2]],
        [10, [1, 0, 0]],
      ],
      [[20, [1, 1, 2]]],
    );
    expect(equal.numbers.advanced).toBe(50);
    expect(equal.numbers.invertedFired).toBe(0);
    // Reference (40 pupils): basic (20 + 40)/80 = 75 %, advanced (20 + 40)/80 = 75 % → a (50 %) is not above it.
    expect(equal.numbers.crossedFired).toBe(0);
    expect(equal.fired).toBe(false);
    expect(explainSign(equal)).toContain(
      `сложные задания выполнены лучше базовых на 0${NB}п.п. (порог — выше не менее чем на 5${NB}п.п., [DEFAULT])`,
    );
  });
  it("crossing: 25 п.п. below on basic and exactly 5 п.п. above on advanced fires", () => {
    // a: basic 50 %, advanced 0,6·20/40 = 30 %; b: basic 100 %, advanced 0,4·20/40 = 20 %;
    // reference (40): basic 75 %, advanced 25 % → 25 п.п. below, 5 п.п. above.
    const r = o4([[20, [1, 0, 0.6]]], [[20, [1, 1, 0.4]]]);
    expect(r.numbers).toMatchObject({ basic: 50, refBasic: 75 });
    expect(r.numbers.advanced).toBeCloseTo(30, 10);
    expect(r.numbers.refAdvanced).toBeCloseTo(25, 10);
    expect(r.numbers.crossedFired).toBe(1);
    expect(r.fired).toBe(true);
    expect(explainSign(r)).toContain(
      `у эталона (муниципалитет, все участники) — 75${NB}% и 25${NB}%: по базовым ниже на 25${NB}п.п., по сложным выше на 5${NB}п.п.; порог — ниже по базовым и выше по сложным не менее чем на 5${NB}п.п., [DEFAULT]`,
    );
  });
  it("crossing: 4,75 п.п. above on advanced, or only 2,5 п.п. below on basic, does not fire", () => {
    // a advanced 0,59·20/40 = 29,5 %, reference (11,8 + 8)/80 = 24,75 % → +4,75.
    const above = o4([[20, [1, 0, 0.59]]], [[20, [1, 1, 0.4]]]);
    expect(above.numbers.advanced - above.numbers.refAdvanced).toBeCloseTo(4.75, 10);
    expect(above.fired).toBe(false);
    // b basic (1 + 0,1)/2 = 55 % → reference 52,5 %, a is 2,5 п.п. below; advanced a 30 %, reference 15 %.
    const basic = o4([[20, [1, 0, 0.6]]], [[20, [1, 0.1, 0]]]);
    expect(basic.numbers.refBasic).toBeCloseTo(52.5, 10);
    expect(basic.numbers.refAdvanced).toBeCloseTo(15, 10);
    expect(basic.fired).toBe(false);
  });
  it("margins of 0 are §3's text: advanced = basic is an inversion; equal to the reference on basic is no crossing", () => {
    const { profile } = applyOverrides([
      { key: "o4.inversionMargin", value: "0" },
      { key: "o4.crossMargin", value: "0" },
    ]);
    const equal = o4(
      [
        [10, [1, 0, 2]],
        [10, [1, 0, 0]],
      ],
      [[20, [1, 1, 2]]],
      profile,
    );
    expect(equal.numbers.invertedFired).toBe(1);
    // a and b both at basic 50 %, so the reference is 50 %: not below it; advanced 30 % vs 25 % above.
    const same = o4([[20, [1, 0, 0.6]]], [[20, [1, 0, 0.4]]], profile);
    expect(same.numbers.refBasic).toBe(50);
    expect(same.numbers.crossedFired).toBe(0);
    const below = o4([[20, [1, 0, 0.6]]], [[20, [1, 0.1, 0.4]]], profile);
    expect(below.numbers.refBasic).toBeCloseTo(52.5, 10);
    expect(below.numbers.crossedFired).toBe(1);
  });
  it("o4.minN: 20 participants are evaluated, 19 are not; raised to 30, 25 are not", () => {
    expect(o4([[20, [1, 0, 2]]], [[20, [1, 1, 2]]]).evaluated).toBe(true);
    const few = o4([[19, [1, 0, 2]]], [[20, [1, 1, 2]]]);
    expect(few.evaluated).toBe(false);
    expect(explainSign(few)).toContain(`мало участников с баллами за задания (нужно не менее 20, [DEFAULT])`);
    const { profile } = applyOverrides([{ key: "o4.minN", value: "30" }]);
    const r = o4([[25, [1, 0, 2]]], [[20, [1, 1, 2]]], profile);
    expect(r.evaluated).toBe(false);
    expect(explainSign(r)).toContain("нужно не менее 30, [OVERRIDE]");
  });
});

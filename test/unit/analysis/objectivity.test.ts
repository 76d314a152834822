import { describe, expect, it } from "vitest";
import { analyzeMunicipality, buildContext, explainSign } from "../../../src/core/analysis";
import binomialCdf from "@stdlib/stats-base-dists-binomial-cdf";
import { schoolSigns, upperTail } from "../../../src/core/objectivity";
import { applyOverrides, DEFAULT_PROFILE } from "../../../src/core/profile";
import type { SignResult } from "../../../src/core/objectivity";
import { addParticipants, addResult, inferredBoundarySchools, municipality, school, withQuality } from "./build";

const P = DEFAULT_PROFILE;

function signsOf(m: ReturnType<typeof municipality>, login: string, rule: string, profile = P): SignResult[] {
  const ctx = buildContext(m, profile);
  const s = m.schools.find((x) => x.passport.login === login)!;
  return [...schoolSigns(s, ctx).values()].flat().filter((r) => r.rule === rule);
}

describe("O1: mismatch with journal marks (revision 2026.2: ≥ 3 participants and a binomial test, P < 0,01)", () => {
  // School a: n participants, `gap` of them with journal 5 and mark 3 (gap of two, «понизили»), the rest
  // confirmed 4. School b: `refN` confirmed and `refGap` with a gap of two — the pooled reference is a + b.
  function o1(n: number, gap: number, refN = 180, refGap = 0, profile = P) {
    const a = addParticipants(school("a"), "ВПР", 2025, 5, "Математика", [
      [gap, { mark: 3, journal: 5 }],
      [n - gap, { mark: 4, journal: 4 }],
    ]);
    const b = addParticipants(school("b"), "ВПР", 2025, 5, "Математика", [
      [refGap, { mark: 3, journal: 5 }],
      [refN - refGap, { mark: 4, journal: 4 }],
    ]);
    return signsOf(municipality([a, b]), "a", "O1", profile)[0];
  }
  it("fires with 3 of 20 (15 %) against a reference gap share of 3/200 = 1,5 %: P = 0,00318", () => {
    // P(X ≥ 3), X ~ Bin(20; 0,015) = 1 − 0,985²⁰ − 20·0,015·0,985¹⁹ − 190·0,015²·0,985¹⁸ = 0,0031781 (summed in Python).
    const r = o1(20, 3);
    expect(r.evaluated).toBe(true);
    expect(r.numbers.gap2Share).toBe(15);
    expect(r.numbers.refGap2Share).toBeCloseTo(1.5, 10);
    expect(r.numbers.gap2P).toBeCloseTo(0.0031781, 6);
    expect(r.numbers.gap2Fired).toBe(1);
    expect(r.fired).toBe(true);
    expect(r.direction).toBe("понизили");
  });
  it("at exactly 10 % (2 of 20) does not fire: only 2 participants behind it (need 3)", () => {
    const r = o1(20, 2);
    expect(r.numbers.gap2Share).toBe(10);
    expect(r.numbers.gap2Reached).toBe(1);
    expect(r.fired).toBe(false);
    expect(explainSign(r)).toContain("но за этим всего 2 участника (нужно не менее 3, [DEFAULT])");
  });
  it("3 of 20 does not fire when the reference has 6 % of such gaps: P = 0,115 ≥ 0,01", () => {
    // Reference (a + b): 3 + 9 of 200 = 6 %; P(X ≥ 3), X ~ Bin(20; 0,06) = 0,114972.
    const r = o1(20, 3, 180, 9);
    expect(r.numbers.refGap2Share).toBeCloseTo(6, 10);
    expect(r.numbers.gap2P).toBeCloseTo(0.114972, 5);
    expect(r.fired).toBe(false);
    expect(explainSign(r)).toContain(
      "вероятность случайно получить такое расхождение — 11,5\u00a0% (односторонний биномиальный тест; порог 1\u00a0%, [DEFAULT])), но это объяснимо случайностью",
    );
  });
  it("does not fire just below the share (2 of 21 = 9,52 %)", () => {
    const r = o1(21, 2);
    expect(r.numbers.gap2Share).toBeCloseTo(9.5238, 3);
    expect(r.fired).toBe(false);
  });
  it("is not evaluated with 19 participants", () => {
    const r = o1(19, 10);
    expect(r.evaluated).toBe(false);
    expect(r.fired).toBe(false);
    expect(explainSign(r)).toBe(
      "O1: признак не оценивался — мало участников с отметкой по журналу (нужно не менее 20, [DEFAULT]); ВПР 2025, 5 класс, математика, N\u00a0=\u00a019.",
    );
  });
  // School a: 20 pupils, k raised by one mark; school b: 80 pupils, m of them raised. Pooled
  // reference mismatch = (k + m) %, school's = 5k %.
  function excess(k: number, m = 0) {
    const a = addParticipants(school("a"), "ВПР", 2025, 5, "Математика", [
      [k, { mark: 5, journal: 4 }],
      [20 - k, { mark: 4, journal: 4 }],
    ]);
    const b = addParticipants(school("b"), "ВПР", 2025, 5, "Математика", [
      [m, { mark: 5, journal: 4 }],
      [80 - m, { mark: 4, journal: 4 }],
    ]);
    return signsOf(municipality([a, b]), "a", "O1")[0];
  }
  it("fires when the mismatch exceeds the pooled reference by exactly 20 п.п. and P = 0,00257", () => {
    // P(X ≥ 5), X ~ Bin(20; 0,05) = 0,0025739.
    const r = excess(5);
    expect(r.numbers.mismatchShare).toBe(25);
    expect(r.numbers.refMismatchShare).toBe(5);
    expect(r.numbers.mismatchExcess).toBe(20);
    expect(r.numbers.excessP).toBeCloseTo(0.0025739, 6);
    expect(r.fired).toBe(true);
    expect(r.direction).toBe("повысили");
    expect(r.reference).toMatchObject({ kind: "municipality", value: 5, n: 100 });
  });
  it("does not fire 16 п.п. above the reference", () => {
    expect(excess(4).fired).toBe(false);
  });
  it("+20 п.п. over a typical 35 % mismatch is chance in a class of 20: P = 0,0532", () => {
    // a: 11 of 20 = 55 %; reference (11 + 24) of 100 = 35 %; P(X ≥ 11), X ~ Bin(20; 0,35) = 0,053167.
    const r = excess(11, 24);
    expect(r.numbers.mismatchExcess).toBeCloseTo(20, 10);
    expect(r.numbers.excessReached).toBe(1);
    expect(r.numbers.excessP).toBeCloseTo(0.053167, 5);
    expect(r.fired).toBe(false);
  });
  it("prefers an imported regional reference", () => {
    const a = addParticipants(school("a"), "ВПР", 2025, 5, "Математика", [
      [5, { mark: 5, journal: 4 }],
      [15, { mark: 4, journal: 4 }],
    ]);
    const m = municipality([a], {
      references: [
        {
          level: "region",
          name: "Область",
          procedure: "ВПР",
          year: 2025,
          grade: 5,
          subject: "Математика",
          participants: 1000,
          journal: { lowered: 50, confirmed: 900, raised: 50 },
          source: "region.xlsx",
        },
      ],
    });
    const r = signsOf(m, "a", "O1")[0];
    expect(r.reference).toMatchObject({ kind: "region", value: 10, n: 1000 });
    expect(r.numbers.mismatchExcess).toBe(15);
    expect(r.fired).toBe(false);
  });
  it("a threshold override changes the result", () => {
    const { profile } = applyOverrides([{ key: "o1.gap2Share", value: "16" }]);
    expect(o1(20, 3, 180, 0, profile).fired).toBe(false);
    expect(o1(20, 3).fired).toBe(true);
    const { profile: strict } = applyOverrides([{ key: "o1.alpha", value: "0,003" }]);
    expect(o1(20, 3, 180, 0, strict).fired).toBe(false);
  });
  it("explains a fired sign in one Russian sentence, naming the test and its P value", () => {
    // a: 6 of 42 with a gap of two (14,3 %); reference 6 of 200 = 3 %; P(X ≥ 6), X ~ Bin(42; 0,03) = 0,0015116 → «0,15 %».
    const r = o1(42, 6, 158, 0);
    expect(r.numbers.gap2P).toBeCloseTo(0.0015116, 6);
    expect(explainSign(r)).toBe(
      "O1 (признак, требует анализа): расхождение с журналом на 2 отметки и более у 14,3\u00a0% участников (порог 10\u00a0%, [DEFAULT]; у эталона 3\u00a0%; " +
        "вероятность случайно получить такое расхождение — 0,15\u00a0% (односторонний биномиальный тест; порог 1\u00a0%, [DEFAULT])); " +
        "чаще понизили (14,3\u00a0%): отметки по журналу, возможно, завышены; ВПР 2025, 5 класс, математика, N\u00a0=\u00a042.",
    );
  });
});

describe("O2: peak at a mark boundary (scale ВПР 2026 4 класс русский: «3» от 10)", () => {
  function build(at: number, below: number, rest: number, refAt: number, refBelow: number) {
    const a = addParticipants(school("a"), "ВПР", 2026, 4, "Русский язык", [
      [at, { score: 10, mark: 3 }],
      [below, { score: 9, mark: 2 }],
      [rest, { score: 13, mark: 3 }],
    ]);
    const b = addParticipants(school("b"), "ВПР", 2026, 4, "Русский язык", [
      [refAt, { score: 10, mark: 3 }],
      [refBelow, { score: 9, mark: 2 }],
    ]);
    return signsOf(municipality([a, b]), "a", "O2")[0];
  }
  it("upper tail of the binomial: hand-computed values and degenerate q", () => {
    // P(X ≥ 2) for Binomial(2, 0.5) = 0.25; P(X ≥ 1) for Binomial(3, 0.5) = 0.875.
    expect(upperTail(2, 2, 0.5)).toBeCloseTo(0.25, 12);
    expect(upperTail(1, 3, 0.5)).toBeCloseTo(0.875, 12);
    expect(upperTail(5, 5, 0)).toBe(0);
    expect(upperTail(5, 5, 1)).toBe(1);
    expect(upperTail(0, 5, 0.3)).toBe(1);
  });
  it("upper tail agrees with an independent binomial CDF (@stdlib) over a grid of m, k, q", () => {
    for (const m of [1, 5, 12, 30, 60, 150, 400])
      for (const q of [0.05, 0.2, 0.37, 0.5, 0.8])
        for (let k = 1; k <= m; k += Math.max(1, Math.floor(m / 9))) {
          const ref = 1 - binomialCdf(k - 1, m, q);
          // 1 − F keeps about 1e-16 absolute; beyond that, the two agree to 1e-9 relative.
          expect(Math.abs(upperTail(k, m, q) - ref), `m ${m}, q ${q}, k ${k}`).toBeLessThanOrEqual(1e-15 + 1e-9 * ref);
        }
  });
  it("fires on 10 at the boundary vs 2 below when the reference is flat", () => {
    // ref(10) = 10 + 50, ref(9) = 2 + 150 → q = 60/212; m = 12; P(X ≥ 10) tiny.
    const r = build(10, 2, 18, 50, 150);
    expect(r.evaluated).toBe(true);
    expect(r.numbers).toMatchObject({ boundary: 10, mark: 3, countAt: 10, countBelow: 2, m: 12 });
    expect(r.numbers.q).toBeCloseTo(60 / 212, 12);
    expect(r.numbers.p).toBeLessThan(0.01);
    expect(r.fired).toBe(true);
    expect(r.note).toContain("по шкале методики");
  });
  it("does not fire with 4 at the boundary (o2.minPeak = 5)", () => {
    expect(build(4, 0, 26, 50, 150).fired).toBe(false);
  });
  it("does not fire when count(b) < 2 × count(b−1) (9 vs 5)", () => {
    const r = build(9, 5, 16, 50, 150);
    expect(r.fired).toBe(false);
  });
  it("ratio exactly 2 (10 vs 5) passes the ratio condition", () => {
    const r = build(10, 5, 15, 10, 300);
    expect(r.numbers.countAt).toBe(2 * r.numbers.countBelow);
    expect(r.fired).toBe(true);
  });
  it("does not fire when the reference has the same peak (not significant)", () => {
    const r = build(10, 2, 18, 500, 100);
    expect(r.numbers.p).toBeGreaterThan(0.01);
    expect(r.fired).toBe(false);
  });
  it("is not evaluated with 29 participants (o2.minN = 30)", () => {
    expect(build(10, 2, 17, 50, 150).evaluated).toBe(false);
  });
  it("infers boundaries from (score, mark) pairs when the profile has no scale, and says so", () => {
    const [a, b] = inferredBoundarySchools();
    const r = signsOf(municipality([a, b]), "a", "O2")[0];
    expect(r.fired).toBe(true);
    expect(r.note).toBe(
      "границы отметок определены по парам «балл — отметка» участников («3» от 10), шкалы в методике нет",
    );
  });
});

describe("O3: results far above the reference, not confirmed", () => {
  // School a: quality q of 20; b: 80 pupils with quality 50 → pooled = (0.2q + 40) %.
  function build(qA: number, type: "СОШ" | "лицей" = "СОШ", followUpAbove?: boolean) {
    const a = addResult(school("a", { type }), "ВПР", 2024, 5, "Математика", withQuality(20, qA));
    const b = addResult(school("b"), "ВПР", 2024, 5, "Математика", withQuality(80, 50));
    if (followUpAbove !== undefined) {
      addResult(a, "ВПР", 2025, 6, "Математика", withQuality(20, followUpAbove ? 80 : 40));
      addResult(b, "ВПР", 2025, 6, "Математика", withQuality(80, 50));
    }
    return signsOf(municipality([a, b]), "a", "O3").find((r) => r.year === 2024)!;
  }
  it("fires 28 п.п. above the pooled reference when the cohort's next result is not above it; 24 п.п. does not", () => {
    // qA = 85 → ref = 57, excess 28; qA = 80 → ref 56, excess 24 (below the threshold).
    const r = build(85, "СОШ", false);
    expect(r.numbers.refQuality).toBe(57);
    expect(r.numbers.excess).toBe(28);
    expect(r.fired).toBe(true);
    expect(r.note).toBe("более поздние внешние результаты этой параллели (1) не выше эталона");
    expect(build(80, "СОШ", false).fired).toBe(false);
  });
  it("is not evaluated without later results of the cohort (missing years), but keeps the numbers", () => {
    const r = build(85);
    expect(r).toMatchObject({ evaluated: false, fired: false, numbers: { excess: 28 } });
    expect(r.reasonNotEvaluated).toBe(
      "нет более поздних внешних результатов этой параллели, чтобы проверить подтверждение",
    );
  });
  it("threshold edge: excess exactly 25 п.п.", () => {
    const a = addResult(school("a"), "ВПР", 2024, 5, "Математика", withQuality(20, 75));
    addResult(a, "ОГЭ", 2028, 9, "Математика", withQuality(20, 20));
    const b = addResult(school("b"), "ВПР", 2024, 5, "Математика", withQuality(20, 25));
    addResult(b, "ОГЭ", 2028, 9, "Математика", withQuality(20, 40));
    const r = signsOf(municipality([a, b]), "a", "O3").find((x) => x.year === 2024)!;
    expect(r.numbers.excess).toBe(25);
    expect(r.fired).toBe(true);
  });
  it("not fired when next year's ВПР of the cohort is above the reference", () => {
    expect(build(85, "СОШ", true).fired).toBe(false);
    expect(build(85, "СОШ", false).fired).toBe(true);
  });
  it("not applied to a лицей", () => {
    const r = build(85, "лицей");
    expect(r.evaluated).toBe(false);
    expect(r.reasonNotEvaluated).toContain("лицей");
  });
});

describe("O4: difficulty inversion", () => {
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
  function build(own: (number | null)[], other: (number | null)[], n = 20) {
    const a = addParticipants(school("a"), "ВПР", 2025, 5, "Математика", [[n, { mark: 4, tasks: own }]]);
    a.tasks.push(tasks);
    const b = addParticipants(school("b"), "ВПР", 2025, 5, "Математика", [[60, { mark: 4, tasks: other }]]);
    return signsOf(municipality([a, b]), "a", "O4")[0];
  }
  it("advanced equal to basic (50 % vs 50 %) is under the 5 п.п. inversion margin; it fires by crossing the reference", () => {
    // Reference pooled over 80 pupils: basic (20·1 + 60·2)/160 = 87,5 %, advanced 20·1/160 = 12,5 %.
    const r = build([1, 0, 1], [1, 1, 0]);
    expect(r.numbers.basic).toBe(50);
    expect(r.numbers.advanced).toBe(50);
    expect(r.numbers.invertedFired).toBe(0);
    expect(r.numbers.crossedFired).toBe(1);
    expect(r.fired).toBe(true);
  });
  it("does not fire when advanced is below basic and no crossing", () => {
    const r = build([1, 1, 0], [1, 1, 0]);
    expect(r.numbers.advanced).toBe(0);
    expect(r.fired).toBe(false);
  });
  it("fires on crossing the reference: below on basic, above on advanced", () => {
    // own: basic (1+0)/2 = 50 %, advanced 0,5/2 = 25 %; reference pooled over 80 pupils:
    // basic (20·1 + 60·2)/(80·2) = 87,5 %, advanced (20·0,5)/(80·2) = 6,25 %.
    const r = build([1, 0, 0.5], [1, 1, 0]);
    expect(r.numbers.advanced).toBe(25);
    expect(r.numbers.refBasic).toBe(87.5);
    expect(r.numbers.refAdvanced).toBe(6.25);
    expect(r.numbers.invertedFired).toBe(0);
    expect(r.numbers.crossedFired).toBe(1);
    expect(r.fired).toBe(true);
  });
  it("is not evaluated without a task set or with 19 participants", () => {
    expect(build([1, 0, 1], [1, 1, 0], 19).evaluated).toBe(false);
  });
});

describe("O5: external vs internal gap (revision 2026.2: two-proportion test, P < 0,01)", () => {
  it("a jump of exactly 30 п.п. fires with 40 pupils on each side (P = 0,0035), not with 20 (P = 0,0283), and never at 25", () => {
    // 16/40 → 28/40: p̄ = 0,55, z = 0,3 / √(0,55·0,45·(2/40)) = 2,6968, P = 0,0035005. With 8/20 → 14/20: z = 1,9069, P = 0,028265.
    const a = addResult(school("a"), "ВПР", 2024, 5, "Математика", withQuality(40, 40));
    addResult(a, "ВПР", 2025, 6, "Математика", withQuality(40, 70));
    const r = signsOf(municipality([a]), "a", "O5").find((x) => x.year === 2025)!;
    expect(r.numbers.jump).toBe(30);
    expect(r.numbers.jumpP).toBeCloseTo(0.0035005, 6);
    expect(r.fired).toBe(true);
    const small = addResult(school("s"), "ВПР", 2024, 5, "Математика", withQuality(20, 40));
    addResult(small, "ВПР", 2025, 6, "Математика", withQuality(20, 70));
    const rs = signsOf(municipality([small]), "s", "O5").find((x) => x.year === 2025)!;
    expect(rs.numbers).toMatchObject({ jump: 30, jumpReached: 1, jumpFired: 0 });
    expect(rs.numbers.jumpP).toBeCloseTo(0.028265, 5);
    expect(rs.fired).toBe(false);
    expect(explainSign(rs)).toContain(
      "вероятность случайно получить такое расхождение — 2,8\u00a0% (односторонний тест разности двух долей; порог 1\u00a0%, [DEFAULT]) — разница объяснима случайностью",
    );
    const b = addResult(school("b"), "ВПР", 2024, 5, "Математика", withQuality(40, 40));
    addResult(b, "ВПР", 2025, 6, "Математика", withQuality(40, 65));
    expect(signsOf(municipality([b]), "b", "O5").find((x) => x.year === 2025)!.fired).toBe(false);
  });
  it("fires when ВПР quality exceeds the cohort's later ОГЭ quality by 30 п.п. with 40 on each side (P = 0,00246)", () => {
    // 32/40 vs 20/40: p̄ = 0,65, z = 0,3 / √(0,65·0,35·0,05) = 2,8128, P = 0,0024553.
    const a = addResult(school("a"), "ВПР", 2022, 8, "Математика", withQuality(40, 80));
    addResult(a, "ОГЭ", 2023, 9, "Математика", withQuality(40, 50));
    const r = signsOf(municipality([a]), "a", "O5").find((x) => x.year === 2022)!;
    expect(r.numbers).toMatchObject({ ogeYear: 2023, ogeQuality: 50, gap: 30, gapFired: 1 });
    expect(r.numbers.gapP).toBeCloseTo(0.0024553, 6);
    expect(r.fired).toBe(true);
  });
  it("the same 30 п.п. with 20 on each side is within chance (P = 0,0234)", () => {
    // 16/20 vs 10/20: p̄ = 0,65, z = 1,98898, P = 0,023352.
    const a = addResult(school("a"), "ВПР", 2022, 8, "Математика", withQuality(20, 80));
    addResult(a, "ОГЭ", 2023, 9, "Математика", withQuality(20, 50));
    const r = signsOf(municipality([a]), "a", "O5").find((x) => x.year === 2022)!;
    expect(r.numbers.gapP).toBeCloseTo(0.023352, 5);
    expect(r.fired).toBe(false);
  });
  it("not evaluated without the previous year and without ОГЭ (missing years)", () => {
    const a = addResult(school("a"), "ВПР", 2025, 5, "Математика", withQuality(20, 80));
    const r = signsOf(municipality([a]), "a", "O5")[0];
    expect(r.evaluated).toBe(false);
  });
});

describe("O6: olympiad anomaly and F marker", () => {
  function olymp(login: string, participations: number, awarded: number, municipalAwarded: number) {
    const s = school(login);
    s.directions.olympiads = [
      {
        year: 2025,
        label: "школьный",
        values: {
          participations,
          winners: awarded,
          prizeWinners: 0,
          participantsUnique: participations,
          awardeesUnique: awarded,
        },
      },
      {
        year: 2025,
        label: "муниципальный",
        values: {
          participations: 5,
          winners: municipalAwarded,
          prizeWinners: 0,
          participantsUnique: 5,
          awardeesUnique: municipalAwarded,
        },
      },
    ];
    return s;
  }
  it("fires at exactly 2× the municipal share with nobody awarded at the municipal stage", () => {
    // a: 20/100 = 20 %; b: 0/100 → pooled 10 % → ratio 2.
    const m = municipality([olymp("a", 100, 20, 0), olymp("b", 100, 0, 0)]);
    const r = signsOf(m, "a", "O6")[0];
    expect(r.numbers).toMatchObject({ share: 20, refShare: 10, ratio: 2 });
    expect(r.fired).toBe(true);
    expect(signsOf(municipality([olymp("a", 100, 20, 1), olymp("b", 100, 0, 0)]), "a", "O6")[0].fired).toBe(false);
    expect(signsOf(municipality([olymp("a", 100, 19, 0), olymp("b", 100, 1, 0)]), "a", "O6")[0].fired).toBe(false);
  });
  it("F: an imported marker 1 is a fired sign, 0 is not", () => {
    const m = municipality([school("a")], {
      fiokoMarkers: [{ year: 2025, login: "a", grade: 5, subject: "МА", marker: 1, source: "fioko.xlsx" }],
    });
    const r = signsOf(m, "a", "F")[0];
    expect(r).toMatchObject({ fired: true, evaluated: true, subject: "Математика", grade: 5 });
    expect(explainSign(r)).toBe(
      "F (маркер ФИОКО, требует анализа): ФИОКО отметила результаты ОО как имеющие признаки необъективности [OFFICIAL]; ВПР 2025, 5 класс, математика.",
    );
  });
});

describe("stable absence and minimum-threshold dynamics", () => {
  function clean(s: ReturnType<typeof school>, year: number) {
    return addParticipants(s, "ВПР", year, 5, "Математика", [[20, { mark: 4, journal: 4 }]]);
  }
  it("stable with data and no sign in each of the last 3 years", () => {
    const a = school("a");
    for (const y of [2023, 2024, 2025]) clean(a, y);
    const r = analyzeMunicipality(municipality([a]), P).schools[0].stableAbsence!;
    expect(r).toMatchObject({ stable: true, years: [2023, 2024, 2025], missingYears: [], yearsWithSigns: [] });
  });
  it("not stable with a missing year or a sign in one year", () => {
    const a = school("a");
    for (const y of [2023, 2025]) clean(a, y);
    const b = school("b");
    for (const y of [2023, 2024, 2025]) clean(b, y);
    // 8 of 20 with a gap of two against a reference of 8/100 (c: 80 confirmed): P(X ≥ 8), X ~ Bin(20; 0,08) = 0,0000876 → O1.
    addParticipants(b, "ВПР", 2024, 6, "Русский язык", [
      [12, { mark: 4, journal: 4 }],
      [8, { mark: 2, journal: 4 }],
    ]);
    const c = addParticipants(school("c"), "ВПР", 2024, 6, "Русский язык", [[80, { mark: 4, journal: 4 }]]);
    const res = analyzeMunicipality(municipality([a, b, c]), P);
    expect(res.schools[0].stableAbsence).toMatchObject({ stable: false, missingYears: [2024] });
    expect(res.schools[1].stableAbsence).toMatchObject({ stable: false, yearsWithSigns: [2024] });
  });
  it("ОГЭ share below the minimum per subject and year with Δ п.п.; ЕГЭ by the minimum score", () => {
    const a = addResult(school("a"), "ОГЭ", 2024, 9, "Математика", [0, 10, 5, 5]);
    addResult(a, "ОГЭ", 2025, 9, "Математика", [0, 10, 9, 1]);
    addParticipants(a, "ЕГЭ", 2025, 11, "Обществознание", [
      [3, { score: 41 }],
      [7, { score: 42 }],
    ]);
    const rows = analyzeMunicipality(municipality([a]), P).schools[0].minThreshold;
    expect(rows).toEqual([
      { procedure: "ЕГЭ", subject: "Обществознание", year: 2025, n: 10, below: 3, share: 30, delta: null },
      { procedure: "ОГЭ", subject: "Математика", year: 2024, n: 20, below: 5, share: 25, delta: null },
      { procedure: "ОГЭ", subject: "Математика", year: 2025, n: 20, below: 1, share: 5, delta: -20 },
    ]);
  });
});

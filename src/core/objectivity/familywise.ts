/**
 * Multiplicity control of O1 and O2 (project addition to revision 2026.2, in the spirit of R3's
 * Bonferroni rule). A school writes about twenty tests a year, each tested at P < 1 %, so one of
 * them fires by chance in 7–8 % of ordinary school-years — above §8's «about 5 %». With
 * `objectivity.familywise` on, the P threshold of one test becomes the smaller of the sign's
 * per-test level (o1.alpha, o2.alpha) and its level for all the school's tests of that sign in
 * the year divided by their number k (o1.familywiseAlpha / k). The per-test level stays a floor,
 * so a school with few tests is never judged more loosely than the methodology's literal rule;
 * switched off, every test uses the per-test level exactly as the methodology's text says.
 */
import type { ParamKey, Profile } from "../profile";
import { threshold, type ThresholdUsed } from "./sign";

export type FamilywiseRule = "O1" | "O2";

const KEYS: Record<FamilywiseRule, { alpha: ParamKey; family: ParamKey }> = {
  O1: { alpha: "o1.alpha", family: "o1.familywiseAlpha" },
  O2: { alpha: "o2.alpha", family: "o2.familywiseAlpha" },
};

export interface TestThreshold {
  /** The P threshold a single test must beat. */
  alpha: number;
  /** Tests of the sign evaluated for the school that year (k). */
  tests: number;
  /** Whether the correction lowered the threshold below the per-test level. */
  corrected: boolean;
  /** The per-test level; with the correction also the level for all the school's tests. */
  perTest: ThresholdUsed;
  family?: ThresholdUsed;
}

/**
 * The P threshold of one test of `rule` when the school has `tests` such tests in the year.
 * Example (defaults): O1, k = 16 → min(0.01, 0.05 / 16) = 0.003125, corrected; k = 5 →
 * 0.05 / 5 = 0.01, not below the per-test level, so 0.01 and not corrected.
 */
export function testThreshold(p: Profile, rule: FamilywiseRule, tests: number): TestThreshold {
  const perTest = threshold(p, KEYS[rule].alpha);
  const base = { alpha: perTest.value, tests, corrected: false, perTest };
  if (p.values["objectivity.familywise"] !== true || tests <= 1) return base;
  const family = threshold(p, KEYS[rule].family);
  const adjusted = family.value / tests;
  return adjusted < perTest.value ? { ...base, alpha: adjusted, corrected: true, family } : base;
}

/**
 * Records the threshold a sign result was decided with: `numbers.tests` (k) and `numbers.alpha`
 * (the threshold used), and the family level among the thresholds when it lowered the threshold.
 */
export function recordTestThreshold(
  numbers: Record<string, number>,
  used: ThresholdUsed[],
  t: TestThreshold,
): ThresholdUsed[] {
  numbers.tests = t.tests;
  numbers.alpha = t.alpha;
  return t.corrected && t.family && !used.includes(t.family) ? [...used, t.family] : used;
}

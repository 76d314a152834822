/**
 * Stable absence of signs (§3, Taimyr §9.5): no sign fired in each of the last W =
 * objectivity.window years, with at least one evaluated sign (data) in every one of them.
 * These schools are the ones whose practice is shared.
 */
import type { Profile } from "../profile";
import type { SignResult } from "./sign";
import { fixedThresholds, threshold, type ProvenanceTag, type RuleThresholds, type ThresholdUsed } from "./sign";
import { windowYears } from "./window";

export interface StableAbsence {
  stable: boolean;
  years: number[];
  /** Years of the window without any evaluated sign. */
  missingYears: number[];
  /** Years of the window where a sign fired. */
  yearsWithSigns: number[];
  threshold: ThresholdUsed[];
  tags: ProvenanceTag[];
}

const USES: RuleThresholds = { dataTag: "DEFAULT", keys: ["objectivity.window"] };

const isEvaluated = (s: SignResult) => s.evaluated;
const isFired = (s: SignResult) => s.fired;

export function stableAbsence(
  signsByYear: ReadonlyMap<number, readonly SignResult[]>,
  latest: number,
  p: Profile,
): StableAbsence {
  const w = threshold(p, "objectivity.window");
  const { used, tags } = fixedThresholds(p, USES);
  const years = windowYears(latest, w.value);
  const missingYears: number[] = [];
  const yearsWithSigns: number[] = [];
  for (let i = 0; i < years.length; i++) {
    const y = years[i];
    const signs = signsByYear.get(y);
    // `some` with module-level tests: every school of a region passes here, and a loop of its own
    // made this function hot enough for V8 to compile it on a cold run (issue 23).
    if (!signs || !signs.some(isEvaluated)) missingYears.push(y);
    if (signs && signs.some(isFired)) yearsWithSigns.push(y);
  }
  return {
    stable: missingYears.length === 0 && yearsWithSigns.length === 0,
    years,
    missingYears,
    yearsWithSigns,
    threshold: used,
    tags,
  };
}

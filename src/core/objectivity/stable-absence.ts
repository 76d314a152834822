/**
 * Stable absence of signs (§3, Taimyr §9.5): no sign fired in each of the last W =
 * objectivity.window years, with at least one evaluated sign (data) in every one of them.
 * These schools are the ones whose practice is shared.
 */
import type { Profile } from "../profile";
import type { SignResult } from "./sign";
import { tagsOf, threshold, type ProvenanceTag, type ThresholdUsed } from "./sign";
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

export function stableAbsence(
  signsByYear: ReadonlyMap<number, readonly SignResult[]>,
  latest: number,
  p: Profile,
): StableAbsence {
  const w = threshold(p, "objectivity.window");
  const years = windowYears(latest, w.value);
  const missingYears: number[] = [];
  const yearsWithSigns: number[] = [];
  for (const y of years) {
    const signs = signsByYear.get(y) ?? [];
    if (!signs.some((s) => s.evaluated)) missingYears.push(y);
    if (signs.some((s) => s.fired)) yearsWithSigns.push(y);
  }
  return {
    stable: missingYears.length === 0 && yearsWithSigns.length === 0,
    years,
    missingYears,
    yearsWithSigns,
    threshold: [w],
    tags: tagsOf("DEFAULT", [w]),
  };
}

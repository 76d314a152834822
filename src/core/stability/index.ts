/**
 * Stably high and stably low results (§5) over the last W = stability.window years of the
 * municipality's data (see objectivity/window.ts): stably low = R1 or R2 fired in every one of
 * them; stably high = standardized result in the top stability.topQuantile of the cluster in
 * every one of them (analysis/quantile.ts) and no objectivity sign fired in any of them.
 * A year without the needed data makes the status "недостаточно данных".
 */
import type { Profile } from "../profile";
import { windowYears } from "../objectivity/window";
import { tagsOf, threshold, type ProvenanceTag, type ThresholdUsed } from "../objectivity/sign";

export type StabilityStatus = "стабильно высокие" | "стабильно низкие" | "";

export interface StabilityYearInput {
  /** R1 or R2 fired. */
  low: boolean;
  /** R1 or R2 had data. */
  lowData: boolean;
  /** In the top quantile of the cluster (null when not compared). */
  top: boolean | null;
  /** Any objectivity sign fired. */
  signs: boolean;
}

export interface StabilityResult {
  status: StabilityStatus;
  years: number[];
  /** Years lacking the data of the status considered. */
  missingYears: number[];
  /** Years where the school was in the top quantile / had R1 or R2. */
  topYears: number[];
  lowYears: number[];
  signYears: number[];
  threshold: ThresholdUsed[];
  tags: ProvenanceTag[];
}

export function stability(byYear: ReadonlyMap<number, StabilityYearInput>, latest: number, p: Profile): StabilityResult {
  const w = threshold(p, "stability.window");
  const topT = threshold(p, "stability.topQuantile");
  const years = windowYears(latest, w.value);
  const missingYears: number[] = [];
  const topYears: number[] = [];
  const lowYears: number[] = [];
  const signYears: number[] = [];
  for (const y of years) {
    const d = byYear.get(y);
    if (!d || (!d.lowData && d.top === null)) missingYears.push(y);
    if (d?.top) topYears.push(y);
    if (d?.low) lowYears.push(y);
    if (d?.signs) signYears.push(y);
  }
  let status: StabilityStatus = "";
  if (lowYears.length === years.length) status = "стабильно низкие";
  else if (topYears.length === years.length && signYears.length === 0) status = "стабильно высокие";
  const used = [w, topT];
  return { status, years, missingYears, topYears, lowYears, signYears, threshold: used, tags: tagsOf("DEFAULT", used) };
}

/**
 * Stably high and stably low results (§5) over the last W = stability.window years of the
 * municipality's data (see objectivity/window.ts): stably low = R1 or R2 fired in every one of
 * them; stably high = standardized result in the top stability.topQuantile of the cluster in
 * every one of them (context/quantile.ts) and no objectivity sign fired in any of them.
 * A year without the needed data makes the status "недостаточно данных".
 * Revision 2026.2 (both lists must survive a methodist's sanity check): stably high also needs
 * the standardized result ≥ stability.highFloor in every year; stably low is never given to a
 * school whose standardized result is above stability.lowCeiling in any year of the window.
 */
import type { Profile } from "../profile";
import { windowYears } from "../objectivity/window";
import {
  fixedThresholds,
  threshold,
  type ProvenanceTag,
  type RuleThresholds,
  type ThresholdUsed,
} from "../objectivity/sign";

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
  /** Standardized result of the year (null or absent when there is none). */
  z?: number | null;
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
  /** Years the standardized result was above stability.lowCeiling (they rule «стабильно низкие» out). */
  aboveYears: number[];
  /** Years in the top quantile but below stability.highFloor. */
  notHighYears: number[];
  threshold: ThresholdUsed[];
  tags: ProvenanceTag[];
}

const STABILITY_USES: RuleThresholds = {
  dataTag: "DEFAULT",
  keys: ["stability.window", "stability.topQuantile", "stability.highFloor", "stability.lowCeiling"],
};

export function stability(
  byYear: ReadonlyMap<number, StabilityYearInput>,
  latest: number,
  p: Profile,
): StabilityResult {
  const w = threshold(p, "stability.window");
  const highT = threshold(p, "stability.highFloor");
  const ceilT = threshold(p, "stability.lowCeiling");
  const years = windowYears(latest, w.value);
  const missingYears: number[] = [];
  const topYears: number[] = [];
  const lowYears: number[] = [];
  const signYears: number[] = [];
  const aboveYears: number[] = [];
  const notHighYears: number[] = [];
  for (let i = 0; i < years.length; i++) {
    const y = years[i];
    const d = byYear.get(y);
    const z = d?.z ?? null;
    if (!d || (!d.lowData && d.top === null)) missingYears.push(y);
    if (d?.top) {
      if (z !== null && z >= highT.value - 1e-12) topYears.push(y);
      else notHighYears.push(y);
    }
    if (d?.low) lowYears.push(y);
    if (d?.signs) signYears.push(y);
    if (z !== null && z > ceilT.value + 1e-12) aboveYears.push(y);
  }
  let status: StabilityStatus = "";
  if (lowYears.length === years.length && aboveYears.length === 0) status = "стабильно низкие";
  else if (topYears.length === years.length && signYears.length === 0) status = "стабильно высокие";
  const { used, tags } = fixedThresholds(p, STABILITY_USES);
  return {
    status,
    years,
    missingYears,
    topYears,
    lowYears,
    signYears,
    aboveYears,
    notHighYears,
    threshold: used,
    tags,
  };
}

/**
 * Risk factors R1–R6 of one school for one year (§4). Each says whether it has data (only
 * factors with data enter the score), whether it fired, and the numbers behind it.
 *  - R1: share below the minimum ≥ r1.share in ≥ r1.procedures procedures of the year, or in the
 *    same procedure (kind × grade × subject) this year and last year; only procedures with
 *    r1.minN participants count (the denominator of the share).
 *  - R2: the school's standardized result (see context/standardized.ts) in the lowest
 *    r2.quantile of its cluster (see context/quantile.ts) and ≤ r2.floor (revision 2026.2: the
 *    bottom of a cluster of good schools is not a school with low results). The quartile is
 *    taken over ≥ r2.minSchools schools with a value, else over the whole municipality.
 *  - R3: Δ share below the minimum («2») ≥ dynamics.share2Rise п.п. in any procedure with
 *    r3.minN participants in both years, and the rise significant (revision 2026.2): one-sided
 *    two-proportion test with P < r3.alpha / k, k = procedures compared for the school that year
 *    (Bonferroni: thirty procedures must not give a flag by chance alone). Rises from or to a
 *    year with fewer participants, and rises that chance explains, are kept as `watch` items:
 *    shown in the dynamics, never flagged.
 *  - R4: social context index in the lowest r4.quantile of the municipality.
 *  - R5: imported FIOKO risk profile with ≥ r5.highFactors factors of level «высокий».
 *  - R6: objectivity signs this year: results «требуют проверки»; not part of the score.
 */
import type { RiskProfile } from "../model";
import type { Profile } from "../profile";
import type { QuantilePosition } from "../context/quantile";
import { unitBelowShare, unitKey, type UnitStats } from "../context/units";
import { twoProportionUpper } from "../objectivity/chance";
import {
  fixedThresholds,
  threshold,
  type ProvenanceTag,
  type RuleThresholds,
  type ThresholdUsed,
} from "../objectivity/sign";

export type RiskFactorId = "R1" | "R2" | "R3" | "R4" | "R5" | "R6";
export const SCORED_FACTORS: readonly RiskFactorId[] = ["R1", "R2", "R3", "R4", "R5"];

/** One procedure behind a factor, for the explanation. */
export interface RiskItem {
  procedure: string;
  year: number;
  grade: number;
  subject: string;
  n: number;
  value: number;
  previous?: number;
  /** R3: participants the previous year. */
  previousN?: number;
  /** R3: one-sided P value of the rise and the level it was compared with (r3.alpha / k). */
  p?: number;
  alpha?: number;
  /** R3 watch items: why the rise is not a flag. */
  why?: "мало участников" | "в пределах случайности";
}

export interface RiskFactorResult {
  id: RiskFactorId;
  hasData: boolean;
  fired: boolean;
  numbers: Record<string, number>;
  threshold: ThresholdUsed[];
  items: RiskItem[];
  tags: ProvenanceTag[];
  reference?: { kind: "cluster" | "municipality" | "fioko"; label: string; n: number };
  /** R1: which condition fired — several procedures of the year, or one procedure two years running. */
  mode?: "several" | "repeated";
  /** Russian list shown in the explanation (R5: high factors; R6: signs). */
  note?: string;
  /** R3: rises of the threshold's size that are shown but not flagged (see `RiskItem.why`). */
  watch?: RiskItem[];
}

// The thresholds each factor reports (fixedThresholds: one pair of arrays per profile, not per school-year).
const R1_USES: RuleThresholds = { dataTag: "REGIONAL", keys: ["r1.share", "r1.procedures", "r1.minN"] };
const R2_USES: RuleThresholds = { dataTag: "REGIONAL", keys: ["r2.quantile", "r2.floor", "r1.minN", "r2.minSchools"] };
const R3_USES: RuleThresholds = { dataTag: "OFFICIAL*", keys: ["dynamics.share2Rise", "r3.minN", "r3.alpha"] };
const R4_USES: RuleThresholds = { dataTag: "REGIONAL", keys: ["r4.quantile", "clusters.minSize"] };
const R5_USES: RuleThresholds = { dataTag: "OFFICIAL", keys: ["r5.highFactors"] };

function item(u: UnitStats, value: number, previous?: number): RiskItem {
  return {
    procedure: u.procedure,
    year: u.year,
    grade: u.grade,
    subject: u.subject,
    n: u.below?.n ?? u.n,
    value,
    previous,
  };
}

export function factorR1(units: ReadonlyMap<string, UnitStats>, year: number, p: Profile): RiskFactorResult {
  const shareT = threshold(p, "r1.share");
  const procT = threshold(p, "r1.procedures");
  const minN = threshold(p, "r1.minN");
  const { used, tags } = fixedThresholds(p, R1_USES);
  const low: RiskItem[] = [];
  const repeated: RiskItem[] = [];
  let evaluated = 0;
  const lowShare = (u: UnitStats | undefined) => {
    if (!u || !u.below || u.below.n < minN.value) return null;
    const s = unitBelowShare(u);
    return s !== null && s >= shareT.value - 1e-9 ? s : null;
  };
  // forEach rather than for…of (here and in R3): no iterator object per unit of every school-year.
  units.forEach((u) => {
    if (u.year !== year || !u.below || u.below.n < minN.value) return;
    evaluated++;
    const s = lowShare(u);
    if (s === null) return;
    low.push(item(u, s));
    const prev = lowShare(units.get(unitKey(u.procedure, year - 1, u.grade, u.subject)));
    if (prev !== null) repeated.push(item(u, s, prev));
  });
  const fired = low.length >= procT.value || repeated.length > 0;
  return {
    id: "R1",
    hasData: evaluated > 0,
    fired,
    numbers: { procedures: evaluated, low: low.length, repeated: repeated.length },
    threshold: used,
    items: low.length >= procT.value ? low : repeated.length > 0 ? repeated : low,
    tags,
    mode: fired ? (low.length >= procT.value ? "several" : "repeated") : undefined,
  };
}

export function factorR2(
  pos: QuantilePosition | undefined,
  z: { value: number; procedures: number } | undefined,
  cluster: string,
  p: Profile,
  municipality = "муниципалитет",
): RiskFactorResult {
  const floorT = threshold(p, "r2.floor");
  const { used, tags } = fixedThresholds(p, R2_USES);
  const hasData = !!pos && !!z && pos.compared;
  const lower = hasData && pos!.lower;
  const low = hasData && z!.value <= floorT.value + 1e-12;
  const wide = pos?.scope === "municipality";
  return {
    id: "R2",
    hasData,
    fired: lower && low,
    numbers:
      z && pos
        ? {
            z: z.value,
            procedures: z.procedures,
            k: pos.k,
            below: pos.below,
            above: pos.above,
            lower: lower ? 1 : 0,
            low: low ? 1 : 0,
          }
        : {},
    threshold: used,
    items: [],
    tags,
    reference: pos
      ? { kind: wide ? "municipality" : "cluster", label: wide ? municipality : cluster, n: pos.k }
      : undefined,
  };
}

export function factorR3(units: ReadonlyMap<string, UnitStats>, year: number, p: Profile): RiskFactorResult {
  const riseT = threshold(p, "dynamics.share2Rise");
  const minN = threshold(p, "r3.minN");
  const alphaT = threshold(p, "r3.alpha");
  const { used, tags } = fixedThresholds(p, R3_USES);
  const rises: { u: UnitStats; prev: UnitStats; now: number; before: number }[] = [];
  const watch: RiskItem[] = [];
  let pairs = 0;
  units.forEach((u) => {
    if (u.year !== year || !u.below || u.below.n === 0) return;
    const prev = units.get(unitKey(u.procedure, year - 1, u.grade, u.subject));
    if (!prev || !prev.below || prev.below.n === 0) return;
    const now = unitBelowShare(u)!;
    const before = unitBelowShare(prev)!;
    const enough = u.below.n >= minN.value && prev.below.n >= minN.value;
    if (enough) pairs++;
    if (now - before < riseT.value - 1e-9) return;
    if (enough) rises.push({ u, prev, now, before });
    else watch.push({ ...item(u, now, before), previousN: prev.below.n, why: "мало участников" });
  });
  // Bonferroni over every procedure compared for the school this year, known only after the loop.
  const alpha = pairs > 0 ? alphaT.value / pairs : alphaT.value;
  const rising: RiskItem[] = [];
  for (const r of rises) {
    const test = twoProportionUpper(r.u.below!.count, r.u.below!.n, r.prev.below!.count, r.prev.below!.n);
    const it: RiskItem = { ...item(r.u, r.now, r.before), previousN: r.prev.below!.n, p: test.p, alpha };
    if (test.p < alpha) rising.push(it);
    else watch.push({ ...it, why: "в пределах случайности" });
  }
  const r3: RiskFactorResult = {
    id: "R3",
    hasData: pairs > 0,
    fired: rising.length > 0,
    numbers: { pairs, rising: rising.length, alpha },
    threshold: used,
    items: rising,
    tags,
  };
  if (watch.length) r3.watch = watch; // the last key, as a spread would add it
  return r3;
}

export function factorR4(
  pos: QuantilePosition | undefined,
  index: number | null | undefined,
  municipality: string,
  p: Profile,
): RiskFactorResult {
  const { used, tags } = fixedThresholds(p, R4_USES);
  const hasData = typeof index === "number" && !!pos && pos.compared;
  return {
    id: "R4",
    hasData,
    fired: hasData && pos!.lower,
    numbers: hasData ? { index: index as number, k: pos!.k, below: pos!.below } : {},
    threshold: used,
    items: [],
    tags,
    reference: pos ? { kind: "municipality", label: municipality, n: pos.k } : undefined,
  };
}

export function factorR5(profile: RiskProfile | undefined, p: Profile): RiskFactorResult {
  const highT = threshold(p, "r5.highFactors");
  const { used, tags } = fixedThresholds(p, R5_USES);
  const high = profile ? Object.values(profile.factors).filter((l) => l === "высокий").length : 0;
  return {
    id: "R5",
    hasData: !!profile,
    fired: !!profile && high >= highT.value,
    numbers: profile ? { high, factors: Object.keys(profile.factors).length } : {},
    threshold: used,
    items: [],
    tags,
    reference: profile ? { kind: "fioko", label: profile.source, n: Object.keys(profile.factors).length } : undefined,
    note: profile
      ? Object.entries(profile.factors)
          .filter(([, l]) => l === "высокий")
          .map(([f]) => f)
          .join("; ")
      : undefined,
  };
}

export function factorR6(firedSigns: readonly string[]): RiskFactorResult {
  return {
    id: "R6",
    hasData: true,
    fired: firedSigns.length > 0,
    numbers: { signs: firedSigns.length },
    threshold: [],
    items: [],
    tags: ["COMMON"],
    note: firedSigns.length ? firedSigns.join(", ") : undefined,
  };
}

/**
 * Risk score and level (§4): score = 100 · Σ wᵢ·fᵢ / Σ wᵢ over the factors R1–R5 that have data
 * (weights risk.weights in the order R1…R5, fᵢ ∈ {0, 1}); level by risk.levels [средний от,
 * высокий от]. No factor with data → no score and no level. ШНОР = R1 or R2, ШНСУ = R4.
 */
import type { RiskLevelRu } from "../model";
import type { Profile } from "../profile";
import { fixedThresholds, type ProvenanceTag, type RuleThresholds, type ThresholdUsed } from "../objectivity/sign";
import { SCORED_FACTORS, type RiskFactorResult } from "./factors";

export interface RiskResult {
  year: number;
  factors: RiskFactorResult[];
  score: number | null;
  level: RiskLevelRu | null;
  shnor: boolean;
  shnsu: boolean;
  /** R6: results of the year «требуют проверки». */
  unreliable: boolean;
  threshold: ThresholdUsed[];
  tags: ProvenanceTag[];
}

export function riskLevel(score: number, p: Profile): RiskLevelRu {
  const [mid, high] = p.values["risk.levels"];
  if (score >= high) return "высокий";
  if (score >= mid) return "средний";
  return "низкий";
}

export function riskScore(factors: readonly RiskFactorResult[], p: Profile): number | null {
  const weights = p.values["risk.weights"];
  let sum = 0;
  let total = 0;
  // Plain loops (the same sums in the same order): every school-year of a region passes here.
  for (let i = 0; i < SCORED_FACTORS.length; i++) {
    let f: RiskFactorResult | undefined;
    for (let k = 0; k < factors.length && !f; k++) if (factors[k].id === SCORED_FACTORS[i]) f = factors[k];
    if (!f || !f.hasData) continue;
    total += weights[i];
    if (f.fired) sum += weights[i];
  }
  return total > 0 ? (100 * sum) / total : null;
}

const RISK_USES: RuleThresholds = { dataTag: "DEFAULT", keys: ["risk.weights", "risk.levels"] };

export function combineRisk(year: number, factors: RiskFactorResult[], p: Profile): RiskResult {
  const score = riskScore(factors, p);
  // One pass over the factors instead of a search per group (every school and year).
  let shnor = false;
  let shnsu = false;
  let unreliable = false;
  for (let i = 0; i < factors.length; i++) {
    const f = factors[i];
    if (!f.fired) continue;
    if (f.id === "R1" || f.id === "R2") shnor = true;
    else if (f.id === "R4") shnsu = true;
    else if (f.id === "R6") unreliable = true;
  }
  const { used, tags } = fixedThresholds(p, RISK_USES);
  return {
    year,
    factors,
    score,
    level: score === null ? null : riskLevel(score, p),
    shnor,
    shnsu,
    unreliable,
    threshold: used,
    tags,
  };
}

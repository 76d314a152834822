/**
 * Risk score and level (§4): score = 100 · Σ wᵢ·fᵢ / Σ wᵢ over the factors R1–R5 that have data
 * (weights risk.weights in the order R1…R5, fᵢ ∈ {0, 1}); level by risk.levels [средний от,
 * высокий от]. No factor with data → no score and no level. ШНОР = R1 or R2, ШНСУ = R4.
 */
import type { RiskLevelRu } from "../model";
import type { Profile } from "../profile";
import { tagsOf, threshold, type ProvenanceTag, type ThresholdUsed } from "../objectivity/sign";
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
  SCORED_FACTORS.forEach((id, i) => {
    const f = factors.find((x) => x.id === id);
    if (!f || !f.hasData) return;
    total += weights[i];
    if (f.fired) sum += weights[i];
  });
  return total > 0 ? (100 * sum) / total : null;
}

export function combineRisk(year: number, factors: RiskFactorResult[], p: Profile): RiskResult {
  const score = riskScore(factors, p);
  const fired = (id: string) => factors.some((f) => f.id === id && f.fired);
  const used = [threshold(p, "risk.weights"), threshold(p, "risk.levels")];
  return {
    year,
    factors,
    score,
    level: score === null ? null : riskLevel(score, p),
    shnor: fired("R1") || fired("R2"),
    shnsu: fired("R4"),
    unreliable: fired("R6"),
    threshold: used,
    tags: tagsOf("DEFAULT", used),
  };
}

/**
 * O3 (§3): quality far above the reference (≥ o3.qualityExcess п.п.) and not confirmed by the
 * same cohort's later external results. Not applied to лицей, гимназия, СОШ с УИОП, whose high
 * results are expected. The cohort of grade g in year y is grade g+k in year y+k; its later
 * external results are next-year ВПР, ОГЭ (grade 9) and ЕГЭ (grade 11) in the same subject
 * (ЕГЭ математика: профильная or базовая). A later result is "above the reference" when its quality
 * (or, for ЕГЭ scores without marks, its mean score) is strictly above the reference's.
 * Documented choice: when no later result of the cohort exists yet (the latest year, or grades
 * without a later test), "not confirmed" cannot be checked: the sign is not evaluated, and the
 * result keeps the quality and the excess so the reader still sees them.
 */
import type { Procedure, SchoolType } from "../model";
import type { Profile } from "../profile";
import type { References } from "../context/references";
import { unitKey, unitMeanScore, unitQuality, type UnitIndex, type UnitStats } from "../context/units";
import { notEvaluated, tagsOf, threshold, type SignResult } from "./sign";

export const O3_EXCLUDED_TYPES: readonly SchoolType[] = ["лицей", "гимназия", "СОШ с УИОП"];

function followUpSubjects(procedure: Procedure, subject: string): string[] {
  if (procedure === "ЕГЭ" && subject === "Математика")
    return ["Математика (профильная)", "Математика (базовая)", subject];
  return [subject];
}

// Every school writing a test asks for the same keys: made once per unit key (a few hundred at most
// in a municipality; the cap only guards a long-lived process such as the pane).
const followUpsByKey = new Map<string, readonly string[]>();

function followUpKeys(u: UnitStats): readonly string[] {
  let keys = followUpsByKey.get(u.key);
  if (!keys) {
    keys = cohortFollowUps(u);
    if (followUpsByKey.size >= 10_000) followUpsByKey.clear();
    followUpsByKey.set(u.key, keys);
  }
  return keys;
}

/** Keys of the cohort's later external results. */
export function cohortFollowUps(u: UnitStats): string[] {
  const keys: string[] = [];
  keys.push(unitKey("ВПР", u.year + 1, u.grade + 1, u.subject));
  if (u.grade < 9) keys.push(unitKey("ОГЭ", u.year + 9 - u.grade, 9, u.subject));
  if (u.grade < 11)
    for (const s of followUpSubjects("ЕГЭ", u.subject)) keys.push(unitKey("ЕГЭ", u.year + 11 - u.grade, 11, s));
  return keys;
}

export function signO3(
  u: UnitStats,
  type: SchoolType,
  units: Map<string, UnitStats>,
  index: UnitIndex,
  refs: References,
  p: Profile,
): SignResult | null {
  const q = unitQuality(u);
  if (q === null) return null;
  const base = {
    rule: "O3" as const,
    year: u.year,
    procedure: u.procedure,
    grade: u.grade,
    subject: u.subject,
    n: u.n,
  };
  const minN = threshold(p, "objectivity.minN");
  if (O3_EXCLUDED_TYPES.includes(type)) return notEvaluated(base, `признак не применяется к типу ОО «${type}»`);
  if (u.n < minN.value) return notEvaluated({ ...base, threshold: [minN] }, "мало участников");
  const ref = refs.quality(u.key);
  if (!ref) return notEvaluated(base, "нет эталона для сравнения");
  const excessT = threshold(p, "o3.qualityExcess");
  const excess = q - ref.value;
  let followUps = 0;
  let above = 0;
  const followUpsOf = followUpKeys(u);
  for (let i = 0; i < followUpsOf.length; i++) {
    const key = followUpsOf[i];
    const f = units.get(key);
    if (!f || f.n < minN.value) continue;
    const fq = unitQuality(f);
    if (fq !== null) {
      const fr = refs.quality(key);
      if (!fr) continue;
      followUps++;
      if (fq > fr.value) above++;
      continue;
    }
    const mean = unitMeanScore(f);
    const pooled = index.pooled.get(key);
    const refMean = pooled ? unitMeanScore(pooled) : null;
    if (mean === null || refMean === null) continue;
    followUps++;
    if (mean > refMean) above++;
  }
  const high = excess >= excessT.value - 1e-9;
  const used = [excessT];
  const numbers = { n: u.n, quality: q, refQuality: ref.value, excess, followUps, followUpsAbove: above };
  const reference = { kind: ref.kind, value: ref.value, n: ref.n, name: ref.name, source: ref.source };
  // Both results spelled out in notEvaluated's and the spread's key order rather than spread from
  // `base`: a literal is built in one step (see signO1). The first is the usual case of a region's
  // protocol of one procedure, where no later result follows.
  if (followUps === 0) {
    return {
      numbers,
      threshold: used,
      tags: [],
      rule: "O3",
      year: u.year,
      procedure: u.procedure,
      grade: u.grade,
      subject: u.subject,
      n: u.n,
      reference,
      fired: false,
      evaluated: false,
      reasonNotEvaluated: "нет более поздних внешних результатов этой параллели, чтобы проверить подтверждение",
    };
  }
  return {
    rule: "O3",
    year: u.year,
    procedure: u.procedure,
    grade: u.grade,
    subject: u.subject,
    n: u.n,
    fired: high && above === 0,
    evaluated: true,
    numbers,
    threshold: used,
    reference,
    tags: tagsOf("OFFICIAL*", used),
    note: !high
      ? undefined
      : above > 0
        ? "подтверждено более поздними внешними результатами этой параллели"
        : `более поздние внешние результаты этой параллели (${followUps}) не выше эталона`,
  };
}

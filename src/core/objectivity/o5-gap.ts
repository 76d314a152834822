/**
 * O5 (§3): external vs internal gap, for ВПР and КДР. Fires when the quality exceeds the same
 * cohort's ОГЭ quality (grade 9, year + 9 − grade, same subject) by o5.gap п.п., or when it
 * jumps by o5.jump п.п. from the same cohort's result of the previous year (same procedure,
 * grade − 1). Each compared result needs objectivity.minN participants. The sign belongs to
 * the year of the ВПР/КДР result under suspicion.
 * Revision 2026.2: two different groups of pupils differ by chance, so each branch also needs
 * the difference to be significant: one-sided pooled two-proportion test of the qualities
 * (pupils with «4» and «5» out of those with a mark), P < o5.alpha.
 */
import type { Profile } from "../profile";
import { unitKey, unitQuality, type UnitStats } from "../context/units";
import { twoProportionUpper } from "./chance";
import { notEvaluated, tagsOf, threshold, type SignResult } from "./sign";

/** Pupils with «4» or «5» and pupils with a mark, for the test; null without mark counts. */
function qualityCounts(u: UnitStats): { good: number; n: number } | null {
  const m = u.marks;
  if (!m) return null;
  const n = m.n5 + m.n4 + m.n3 + m.n2 + (m.n1 ?? 0);
  return n > 0 ? { good: m.n5 + m.n4, n } : null;
}

export function signO5(u: UnitStats, units: Map<string, UnitStats>, p: Profile): SignResult | null {
  if (u.procedure !== "ВПР" && u.procedure !== "КДР") return null;
  const q = unitQuality(u);
  if (q === null) return null;
  const base = {
    rule: "O5" as const,
    year: u.year,
    procedure: u.procedure,
    grade: u.grade,
    subject: u.subject,
    n: u.n,
  };
  const minN = threshold(p, "objectivity.minN");
  if (u.n < minN.value) return notEvaluated({ ...base, threshold: [minN] }, "мало участников");
  const gapT = threshold(p, "o5.gap");
  const jumpT = threshold(p, "o5.jump");
  const alphaT = threshold(p, "o5.alpha");
  const numbers: Record<string, number> = { n: u.n, quality: q };
  const own = qualityCounts(u);
  let comparedN = 0;
  const usable = (key: string) => {
    const f = units.get(key);
    const q = f && f.n >= minN.value ? unitQuality(f) : null;
    if (q !== null && comparedN === 0) comparedN = f!.n;
    return q === null ? null : { q, counts: qualityCounts(f!), n: f!.n };
  };
  // P of "the ВПР/КДР quality is higher only by chance"; 1 when counts are missing (nothing to test).
  const pOf = (other: { good: number; n: number } | null) =>
    own && other ? twoProportionUpper(own.good, own.n, other.good, other.n).p : 1;
  let fired = false;
  let compared = false;
  if (u.grade < 9) {
    const oge = usable(unitKey("ОГЭ", u.year + 9 - u.grade, 9, u.subject));
    if (oge !== null) {
      compared = true;
      numbers.ogeYear = u.year + 9 - u.grade;
      numbers.ogeQuality = oge.q;
      numbers.ogeN = oge.n;
      numbers.gap = q - oge.q;
      numbers.gapReached = numbers.gap >= gapT.value - 1e-9 ? 1 : 0;
      numbers.gapP = pOf(oge.counts);
      numbers.gapFired = numbers.gapReached === 1 && numbers.gapP < alphaT.value ? 1 : 0;
      fired = numbers.gapFired === 1;
    }
  }
  const prev = usable(unitKey(u.procedure, u.year - 1, u.grade - 1, u.subject));
  if (prev !== null) {
    compared = true;
    numbers.prevQuality = prev.q;
    numbers.prevN = prev.n;
    numbers.jump = q - prev.q;
    numbers.jumpReached = numbers.jump >= jumpT.value - 1e-9 ? 1 : 0;
    numbers.jumpP = pOf(prev.counts);
    numbers.jumpFired = numbers.jumpReached === 1 && numbers.jumpP < alphaT.value ? 1 : 0;
    fired = fired || numbers.jumpFired === 1;
  }
  const used = [gapT, jumpT, minN, alphaT];
  if (!compared)
    return notEvaluated({ ...base, threshold: used }, "нет результатов той же параллели за прошлый год и ОГЭ");
  return {
    ...base,
    fired,
    evaluated: true,
    numbers,
    threshold: used,
    reference: { kind: "cohort", value: numbers.ogeQuality ?? numbers.prevQuality, n: comparedN },
    tags: tagsOf("DEFAULT", used),
  };
}

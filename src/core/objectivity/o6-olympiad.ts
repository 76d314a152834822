/**
 * O6 (§3): olympiad anomaly. Fires when the school's share of winners and prize-winners at the
 * school stage of ВсОШ is at least o6.ratio × the municipal share (all schools pooled), while none
 * of them is a winner or prize-winner at the municipal stage. Shares are per participation
 * (дипломы / участия); when a school gives no participations, per pupil (чел.) on both sides.
 * The stage counts and the municipal shares come from the analysis context (src/core/context/olympiads.ts).
 */
import type { Profile } from "../profile";
import { type MunicipalOlympiadShares, type OlympiadYear, type StageCounts } from "../context/olympiads";
import { notEvaluated, tagsOf, threshold, type SignResult } from "./sign";

function awardedAtMunicipal(c: StageCounts): number | null {
  return c.perParticipation?.awarded ?? c.perPupil?.awarded ?? null;
}

export function signO6(
  year: number,
  y: OlympiadYear,
  municipal: MunicipalOlympiadShares | undefined,
  municipality: string,
  p: Profile,
): SignResult | null {
  if (!y.school) return null;
  const base = { rule: "O6" as const, year };
  const minN = threshold(p, "objectivity.minN");
  const ratioT = threshold(p, "o6.ratio");
  const basis =
    y.school.perParticipation && municipal && municipal.perParticipation.total > 0 ? "perParticipation" : "perPupil";
  const own = y.school[basis];
  const pool = municipal?.[basis];
  if (!own || !pool || pool.total === 0)
    return notEvaluated(base, "нет количества участников и призёров школьного этапа");
  if (own.total < minN.value)
    return notEvaluated({ ...base, n: own.total, threshold: [minN] }, "мало участников школьного этапа");
  if (!y.municipal) return notEvaluated({ ...base, n: own.total }, "нет строки муниципального этапа");
  const atMunicipal = awardedAtMunicipal(y.municipal);
  if (atMunicipal === null)
    return notEvaluated({ ...base, n: own.total }, "нет числа победителей и призёров муниципального этапа");
  const share = (own.awarded * 100) / own.total;
  const refShare = (pool.awarded * 100) / pool.total;
  const ratio = refShare > 0 ? share / refShare : share > 0 ? Infinity : 0;
  const fired = ratio >= ratioT.value && atMunicipal === 0;
  const numbers: Record<string, number> = {
    n: own.total,
    awarded: own.awarded,
    share,
    refShare,
    municipalAwarded: atMunicipal,
    perPupil: basis === "perPupil" ? 1 : 0,
  };
  if (Number.isFinite(ratio)) numbers.ratio = ratio;
  return {
    ...base,
    n: own.total,
    fired,
    evaluated: true,
    numbers,
    threshold: [ratioT],
    reference: { kind: "municipality", value: refShare, n: pool.total, name: municipality },
    tags: tagsOf("DEFAULT", [ratioT]),
  };
}

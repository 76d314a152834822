/**
 * O6 (§3): olympiad anomaly. Fires when the school's share of winners and prize-winners at the
 * school stage of ВсОШ is at least o6.ratio × the municipal share (all schools pooled), while none
 * of them is a winner or prize-winner at the municipal stage. Shares are per participation
 * (дипломы / участия); when a school gives no participations, per pupil (чел.) on both sides.
 * The column ids of the «Олимпиады» sheet are the form schema's (src/form/schema/sheets.ts,
 * OLYMPIADS); the lookup is isolated in `olympiadStages` so a schema change touches one place.
 */
import type { DirectionRow, SchoolReport } from "../model";
import type { Profile } from "../profile";
import { normaliseKey } from "../subjects";
import { notEvaluated, tagsOf, threshold, type SignResult } from "./sign";

/** Column ids of the form's «Олимпиады» sheet (one row per year × stage, stage in the label). */
export const OLYMPIAD_COLUMNS = {
  participantsUnique: "participantsUnique",
  participations: "participations",
  winners: "winners",
  prizeWinners: "prizeWinners",
  awardeesUnique: "awardeesUnique",
} as const;

export interface StageCounts {
  /** Дипломы / участия. */
  perParticipation: { awarded: number; total: number } | null;
  /** Победители и призёры (чел.) / участники (чел.). */
  perPupil: { awarded: number; total: number } | null;
}

export interface OlympiadYear {
  school: StageCounts | null;
  municipal: StageCounts | null;
}

function stageOf(label: string | undefined): "school" | "municipal" | null {
  const k = normaliseKey(label ?? "");
  if (k.startsWith("школ")) return "school";
  if (k.startsWith("муниц")) return "municipal";
  return null;
}

function countsOf(v: Record<string, number | null>): StageCounts {
  const c = OLYMPIAD_COLUMNS;
  const num = (id: string) => v[id] ?? null;
  const parts = num(c.participations);
  const w = num(c.winners);
  const pw = num(c.prizeWinners);
  const pupils = num(c.participantsUnique);
  const awardees = num(c.awardeesUnique);
  return {
    perParticipation: parts !== null && (w !== null || pw !== null) ? { awarded: (w ?? 0) + (pw ?? 0), total: parts } : null,
    perPupil: pupils !== null && awardees !== null ? { awarded: awardees, total: pupils } : null,
  };
}

/** The school and municipal stage counts of each year of the «Олимпиады» rows. */
export function olympiadStages(rows: readonly DirectionRow[] | undefined): Map<number, OlympiadYear> {
  const out = new Map<number, OlympiadYear>();
  for (const r of rows ?? []) {
    const stage = stageOf(r.label);
    if (!stage) continue;
    const y = out.get(r.year) ?? { school: null, municipal: null };
    y[stage] = countsOf(r.values);
    out.set(r.year, y);
  }
  return out;
}

export interface MunicipalOlympiadShares {
  perParticipation: { awarded: number; total: number };
  perPupil: { awarded: number; total: number };
}

/** School-stage shares of all schools pooled, per year. */
export function municipalOlympiadShares(schools: readonly SchoolReport[]): Map<number, MunicipalOlympiadShares> {
  const out = new Map<number, MunicipalOlympiadShares>();
  for (const s of schools) {
    for (const [year, y] of olympiadStages(s.directions.olympiads)) {
      if (!y.school) continue;
      const m = out.get(year) ?? { perParticipation: { awarded: 0, total: 0 }, perPupil: { awarded: 0, total: 0 } };
      if (y.school.perParticipation) {
        m.perParticipation.awarded += y.school.perParticipation.awarded;
        m.perParticipation.total += y.school.perParticipation.total;
      }
      if (y.school.perPupil) {
        m.perPupil.awarded += y.school.perPupil.awarded;
        m.perPupil.total += y.school.perPupil.total;
      }
      out.set(year, m);
    }
  }
  return out;
}

function awardedAtMunicipal(c: StageCounts): number | null {
  return c.perParticipation?.awarded ?? c.perPupil?.awarded ?? null;
}

export function signO6(year: number, y: OlympiadYear, municipal: MunicipalOlympiadShares | undefined, municipality: string, p: Profile): SignResult | null {
  if (!y.school) return null;
  const base = { rule: "O6" as const, year };
  const minN = threshold(p, "objectivity.minN");
  const ratioT = threshold(p, "o6.ratio");
  const basis = y.school.perParticipation && municipal && municipal.perParticipation.total > 0 ? "perParticipation" : "perPupil";
  const own = y.school[basis];
  const pool = municipal?.[basis];
  if (!own || !pool || pool.total === 0) return notEvaluated(base, "нет количества участников и призёров школьного этапа");
  if (own.total < minN.value) return notEvaluated({ ...base, n: own.total, threshold: [minN] }, "мало участников школьного этапа");
  if (!y.municipal) return notEvaluated({ ...base, n: own.total }, "нет строки муниципального этапа");
  const atMunicipal = awardedAtMunicipal(y.municipal);
  if (atMunicipal === null) return notEvaluated({ ...base, n: own.total }, "нет числа победителей и призёров муниципального этапа");
  const share = (own.awarded * 100) / own.total;
  const refShare = (pool.awarded * 100) / pool.total;
  const ratio = refShare > 0 ? share / refShare : share > 0 ? Infinity : 0;
  const fired = ratio >= ratioT.value && atMunicipal === 0;
  const numbers: Record<string, number> = { n: own.total, awarded: own.awarded, share, refShare, municipalAwarded: atMunicipal, perPupil: basis === "perPupil" ? 1 : 0 };
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

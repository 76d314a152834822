/**
 * Olympiad counts per year and stage (school, municipal) from the form's «Олимпиады» rows, and the
 * municipal school-stage shares every school is compared with (sign O6). Part of the analysis
 * context because the municipal shares are reference values, like the pooled result references.
 * The column ids are the form schema's (src/form/schema/sheets.ts, OLYMPIADS); the lookup is isolated
 * in `olympiadStages` so a schema change touches one place.
 */
import type { DirectionRow, SchoolReport } from "../model";
import { normaliseKey } from "../subjects";

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
    perParticipation:
      parts !== null && (w !== null || pw !== null) ? { awarded: (w ?? 0) + (pw ?? 0), total: parts } : null,
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

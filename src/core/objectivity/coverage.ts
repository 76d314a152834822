/**
 * Objectivity measures as an indicator (regulations §8.1–8.3, §9.4): for one school (or the МОУО)
 * and year, how many procedures had public observers and video surveillance («Меры объективности»)
 * and what the independent re-check found («Перепроверка»): works re-checked, marks lowered,
 * raised and confirmed. The summary's «Объективность» sheet and the objectivity track read it.
 */
import type { ObjectivityMeasureRow, RecheckRow } from "../model";
import { countRu, formatPercentRu } from "../values";

export interface ObjectivityCoverage {
  year: number;
  /** Rows of «Меры объективности» (procedures, or procedure × grade × subject). */
  procedures: number;
  observers: number;
  video: number;
  /** observers / procedures × 100; null without procedures. */
  observersShare: number | null;
  videoShare: number | null;
  rechecked: number;
  lowered: number;
  raised: number;
  /** lowered / rechecked × 100; null without re-checked works. */
  loweredShare: number | null;
  /** (lowered + raised) / rechecked × 100. */
  changedShare: number | null;
  /** One Russian sentence with the numbers. */
  text: string;
}

const share = (part: number, whole: number) => (whole > 0 ? (part * 100) / whole : null);

/** Coverage of one year; null when neither sheet has a row of that year. */
export function objectivityCoverage(
  measures: readonly ObjectivityMeasureRow[],
  rechecks: readonly RecheckRow[],
  year: number,
): ObjectivityCoverage | null {
  let procedures = 0;
  let observers = 0;
  let video = 0;
  for (const m of measures) {
    if (m.year !== year) continue;
    procedures++;
    if (m.observers) observers++;
    if (m.video) video++;
  }
  let rechecked = 0;
  let lowered = 0;
  let raised = 0;
  for (const r of rechecks) {
    if (r.year !== year) continue;
    rechecked++;
    if (r.commissionMark < r.schoolMark) lowered++;
    else if (r.commissionMark > r.schoolMark) raised++;
  }
  if (!procedures && !rechecked) return null;
  const c: Omit<ObjectivityCoverage, "text"> = {
    year,
    procedures,
    observers,
    video,
    observersShare: share(observers, procedures),
    videoShare: share(video, procedures),
    rechecked,
    lowered,
    raised,
    loweredShare: share(lowered, rechecked),
    changedShare: share(lowered + raised, rechecked),
  };
  const parts: string[] = [];
  if (procedures)
    parts.push(
      `общественные наблюдатели — на ${observers} из ${countRu(procedures, ["процедуры", "процедур", "процедур"])} (${formatPercentRu(c.observersShare!)}), видеонаблюдение — на ${video} (${formatPercentRu(c.videoShare!)})`,
    );
  if (rechecked)
    parts.push(
      `перепроверено ${countRu(rechecked, ["работа", "работы", "работ"])}: отметка изменена в ${formatPercentRu(c.changedShare!)} (понижена — ${lowered}, повышена — ${raised})`,
    );
  return { ...c, text: `${year}: ${parts.join("; ")}.` };
}

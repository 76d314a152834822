/**
 * The МОУО commission's re-check in the sample (sign O7, sheet «Перепроверка» of the form): at the
 * school with the boundary peak (O2) the commission re-checks 20 works of that procedure — every work
 * sitting exactly on the lowest score of «3» first, where the peak is, then others in code order — and
 * gives «2» to the works on the boundary whose score was pulled up, confirming the rest. So the demo
 * shows the sign the way it arises in practice: the statistical sign first, the re-check confirming it.
 */
import type { ParticipantRow, RecheckRow } from "../core/model";
import type { SituationPlace } from "./situations";

/** Works the commission re-checks: enough to be evaluated (o7.minWorks = 10) with a margin. */
export const RECHECKED_WORKS = 20;
/** Of the boundary works, how many the commission finds pulled up (the rest it confirms). */
const LOWERED_WORKS = 14;

export function boundaryRechecks(participants: readonly ParticipantRow[], place: SituationPlace): RecheckRow[] {
  const work = participants.filter(
    (p) =>
      p.year === place.year &&
      p.procedure === place.procedure &&
      p.grade === place.grade &&
      p.subject === place.subject &&
      p.mark !== null &&
      p.score !== null,
  );
  const threes = work.filter((p) => p.mark === 3).map((p) => p.score as number);
  if (!threes.length) return [];
  const boundary = Math.min(...threes);
  const onBoundary = (p: ParticipantRow) => p.mark === 3 && p.score === boundary;
  const byCode = (a: ParticipantRow, b: ParticipantRow) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  const chosen = [...work.filter(onBoundary).sort(byCode), ...work.filter((p) => !onBoundary(p)).sort(byCode)].slice(
    0,
    RECHECKED_WORKS,
  );
  let lowered = 0;
  return chosen.map((p) => {
    const lower = onBoundary(p) && lowered < LOWERED_WORKS;
    if (lower) lowered++;
    return {
      year: p.year,
      procedure: p.procedure,
      grade: p.grade,
      subject: p.subject,
      code: p.code,
      schoolMark: p.mark as number,
      commissionMark: lower ? 2 : (p.mark as number),
    };
  });
}

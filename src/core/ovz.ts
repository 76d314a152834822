/**
 * Results of participants with ОВЗ, computed apart (Taimyr regulation §7.1.1: «в том числе для
 * обучающихся с ОВЗ») from the optional «ОВЗ» mark on «Участники»: per test, the marks of the ОВЗ
 * participants next to all participants'. Below the profile's `ovz.minN` the indicators are not
 * computed and the state says «мало участников» — a handful of pupils is no statistic, and a
 * school's tiny group must not be singled out.
 */
import { countMarks, meanMark, quality, share2, successRate } from "./indicators";
import type { MarkCounts, ParticipantRow, Procedure } from "./model";
import type { Profile } from "./profile";

export interface OvzStats {
  procedure: Procedure;
  year: number;
  grade: number;
  subject: string;
  /** All participants with a mark, and their indicators. */
  all: MarkCounts;
  allQuality: number | null;
  /** ОВЗ participants with a mark. */
  n: number;
  /** Their marks and indicators; null when n < ovz.minN. */
  marks: MarkCounts | null;
  success: number | null;
  quality: number | null;
  share2: number | null;
  mean: number | null;
  /** «мало участников» below the minimum, otherwise "". */
  state: string;
}

export const FEW_PARTICIPANTS = "мало участников";

/** Per test (procedure × year × grade × subject, canonical subject given by `subjectOf`); only tests with ОВЗ participants. */
export function ovzStats(
  participants: readonly ParticipantRow[],
  profile: Profile,
  subjectOf: (s: string) => string = (s) => s,
): OvzStats[] {
  const minN = profile.values["ovz.minN"];
  const groups = new Map<string, { head: ParticipantRow; all: number[]; ovz: number[]; anyOvz: boolean }>();
  // Rows come in runs of one procedure, year, grade and subject: the previous row's group is reused
  // without building its key again (one string per run, not per participant).
  let last: ParticipantRow | null = null;
  let g: { head: ParticipantRow; all: number[]; ovz: number[]; anyOvz: boolean } | undefined;
  for (const p of participants) {
    if (
      !g ||
      !last ||
      p.procedure !== last.procedure ||
      p.year !== last.year ||
      p.grade !== last.grade ||
      p.subject !== last.subject
    ) {
      const k = `${p.procedure}|${p.year}|${p.grade}|${subjectOf(p.subject)}`;
      g = groups.get(k);
      if (!g) {
        g = { head: p, all: [], ovz: [], anyOvz: false };
        groups.set(k, g);
      }
    }
    last = p;
    if (p.ovz) g.anyOvz = true;
    if (p.mark === null || p.mark < 1 || p.mark > 5) continue;
    g.all.push(p.mark);
    if (p.ovz) g.ovz.push(p.mark);
  }
  const out: OvzStats[] = [];
  for (const g of groups.values()) {
    if (!g.anyOvz) continue;
    const all = countMarks(g.all);
    const n = g.ovz.length;
    const enough = n >= minN && n > 0;
    const marks = enough ? countMarks(g.ovz) : null;
    out.push({
      procedure: g.head.procedure,
      year: g.head.year,
      grade: g.head.grade,
      subject: subjectOf(g.head.subject),
      all,
      allQuality: quality(all),
      n,
      marks,
      success: marks ? successRate(marks) : null,
      quality: marks ? quality(marks) : null,
      share2: marks ? share2(marks) : null,
      mean: marks ? meanMark(marks) : null,
      state: enough ? "" : FEW_PARTICIPANTS,
    });
  }
  return out.sort(
    (a, b) =>
      a.year - b.year ||
      a.procedure.localeCompare(b.procedure, "ru") ||
      a.grade - b.grade ||
      a.subject.localeCompare(b.subject, "ru"),
  );
}

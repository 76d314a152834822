/**
 * Results of participants with ОВЗ, computed apart (Taimyr regulation §7.1.1: «в том числе для
 * обучающихся с ОВЗ») from the optional «ОВЗ» mark on «Участники»: per test, the marks of the ОВЗ
 * participants next to all participants'. Below the profile's `ovz.minN` the indicators are not
 * computed and the state says «мало участников» — a handful of pupils is no statistic, and a
 * school's tiny group must not be singled out.
 */
import { meanMark, quality, share2, successRate } from "./indicators";
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

interface OvzGroup {
  head: ParticipantRow;
  /** Marks 1–5 of all participants and of the ОВЗ ones, by mark. */
  all: Uint32Array;
  ovz: Uint32Array;
  ovzN: number;
  anyOvz: boolean;
}

/** The counts as countMarks gives them. */
function counted(k: Uint32Array): MarkCounts {
  return { n5: k[5], n4: k[4], n3: k[3], n2: k[2], n1: k[1] };
}

/** Per test (procedure × year × grade × subject, canonical subject given by `subjectOf`); only tests with ОВЗ participants. */
export function ovzStats(
  participants: readonly ParticipantRow[],
  profile: Profile,
  subjectOf: (s: string) => string = (s) => s,
): OvzStats[] {
  const minN = profile.values["ovz.minN"];
  // Marks counted as they come (by mark, as countMarks counts them), not kept in arrays per test: a
  // region's summary reads every participant twice here (issue 23). `ovzN` counts every ОВЗ mark
  // taken, as the length of the former array did.
  const groups = new Map<string, OvzGroup>();
  // Rows come in runs of one procedure, year, grade and subject: the previous row's group is reused
  // without building its key again (one string per run, not per participant).
  let last: ParticipantRow | null = null;
  let g: OvzGroup | undefined;
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
        g = { head: p, all: new Uint32Array(6), ovz: new Uint32Array(6), ovzN: 0, anyOvz: false };
        groups.set(k, g);
      }
    }
    last = p;
    if (p.ovz) g.anyOvz = true;
    const mark = p.mark;
    if (mark === null || mark < 1 || mark > 5) continue;
    // countMarks skips a mark that is not a whole number; the ОВЗ count still took it.
    const whole = mark === Math.floor(mark);
    if (whole) g.all[mark]++;
    if (p.ovz) {
      g.ovzN++;
      if (whole) g.ovz[mark]++;
    }
  }
  const out: OvzStats[] = [];
  for (const g of groups.values()) {
    if (!g.anyOvz) continue;
    const all = counted(g.all);
    const n = g.ovzN;
    const enough = n >= minN && n > 0;
    const marks = enough ? counted(g.ovz) : null;
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

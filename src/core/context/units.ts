/**
 * One pass over a municipality's participants and result rows into per-school and pooled
 * aggregates of each test ("unit" = procedure × year × grade × subject). Every rule of §3–§5
 * reads these aggregates, so participants are walked exactly once (O(n)) and no rule rescans them.
 * Participant rows win over aggregated result rows of the same school and unit; among result
 * rows, a whole-parallel row (class "") wins over class rows, which are summed otherwise.
 */
import type {
  MarkCounts,
  Municipality,
  ParticipantColumns,
  ParticipantRow,
  Procedure,
  ResultRow,
  SchoolReport,
} from "../model";
import { egeMinimum, type Profile } from "../profile";
import { canonicalSubject } from "../subjects";

export interface UnitKey {
  procedure: Procedure;
  year: number;
  grade: number;
  subject: string;
}

export interface JournalStats {
  /** Pairs with both the test mark and the journal mark. */
  n: number;
  lowered: number;
  confirmed: number;
  raised: number;
  /** Pairs differing by two marks or more; null when only group counts are known. */
  gap2: number | null;
}

export interface UnitStats extends UnitKey {
  key: string;
  /** Participants who wrote the test: with a mark or a score (or the row's participants). */
  n: number;
  /** Counts of marks; null when no mark is known (ЕГЭ scores only). */
  marks: MarkCounts | null;
  journal: JournalStats | null;
  /** Raw score → number of participants; null without individual scores. */
  scores: Map<number, number> | null;
  scoreSum: number;
  scored: number;
  /** Mark → lowest raw score seen with it (for inferring a scale). */
  minScoreByMark: Map<number, number>;
  /** Σ points per task (index = task order) and participants with any task point. */
  tasks: { sums: number[]; n: number } | null;
  /** Participants below the minimum threshold and the denominator. */
  below: { count: number; n: number } | null;
  fromParticipants: boolean;
}

export function unitKey(procedure: Procedure, year: number, grade: number, subject: string): string {
  return `${procedure}|${year}|${grade}|${subject}`;
}

const canonicalCache = new Map<string, string>();

/** Canonical subject name; memoised because every participant row asks (a handful of spellings). */
export function canonical(subject: string): string {
  let c = canonicalCache.get(subject);
  if (c === undefined) {
    c = canonicalSubject(subject) ?? subject.trim();
    if (canonicalCache.size < 10_000) canonicalCache.set(subject, c);
  }
  return c;
}

function emptyUnit(k: UnitKey, fromParticipants: boolean): UnitStats {
  return {
    procedure: k.procedure,
    year: k.year,
    grade: k.grade,
    subject: k.subject,
    key: unitKey(k.procedure, k.year, k.grade, k.subject),
    n: 0,
    marks: null,
    journal: null,
    scores: null,
    scoreSum: 0,
    scored: 0,
    minScoreByMark: new Map(),
    tasks: null,
    below: null,
    fromParticipants,
  };
}

function addMark(c: MarkCounts, mark: number, times = 1): void {
  if (mark === 5) c.n5 += times;
  else if (mark === 4) c.n4 += times;
  else if (mark === 3) c.n3 += times;
  else if (mark === 2) c.n2 += times;
  else if (mark === 1) c.n1 = (c.n1 ?? 0) + times;
}

/**
 * Whether the minimum threshold of this test is a score (ЕГЭ except базовая математика) and which:
 * null means "below minimum = mark 2 (or 1)"; undefined means the ЕГЭ minimum is not in the profile.
 */
export function minimumScore(p: Profile, k: UnitKey): number | null | undefined {
  if (k.procedure !== "ЕГЭ" || k.subject === "Математика (базовая)") return null;
  const m = egeMinimum(p, k.subject, k.year);
  return m ? m.score : undefined;
}

/** Largest raw score kept in a dense histogram; anything else (fractions, outliers) goes to a Map. */
const DENSE_SCORES = 1024;

/**
 * A unit while its participants are added: raw scores and the lowest score per mark are counted
 * in plain arrays (one increment per participant, no Map and no allocation) and become the
 * unit's Maps once, in `finish`.
 */
interface UnitAccumulator {
  u: UnitStats;
  minScore: number | null | undefined;
  hist: number[];
  histMax: number;
  /** Scores outside the dense range (rare). */
  odd: Map<number, number> | null;
  /** Index = mark 1…5; Infinity = not seen. */
  minByMark: number[];
}

function accumulator(u: UnitStats, minScore: number | null | undefined): UnitAccumulator {
  return {
    u,
    minScore,
    hist: [],
    histMax: -1,
    odd: null,
    minByMark: [Infinity, Infinity, Infinity, Infinity, Infinity, Infinity],
  };
}

/**
 * Counts one participant's mark, score and journal mark (what rows and columns share); false for
 * an absent participant (neither mark nor score), who is not a participant of the test.
 */
function addMarkScore(a: UnitAccumulator, mark: number | null, score: number | null, jm: number | null): boolean {
  if (mark === null && score === null) return false;
  const u = a.u;
  u.n++;
  if (mark !== null) {
    const c = (u.marks ??= { n5: 0, n4: 0, n3: 0, n2: 0 });
    if (mark === 5) c.n5++;
    else if (mark === 4) c.n4++;
    else if (mark === 3) c.n3++;
    else if (mark === 2) c.n2++;
    else c.n1 = (c.n1 ?? 0) + 1;
    if (jm !== null && jm >= 1 && jm <= 5) {
      const j = (u.journal ??= { n: 0, lowered: 0, confirmed: 0, raised: 0, gap2: 0 });
      j.n++;
      if (mark < jm) j.lowered++;
      else if (mark > jm) j.raised++;
      else j.confirmed++;
      if (Math.abs(mark - jm) >= 2) j.gap2 = (j.gap2 ?? 0) + 1;
    }
  }
  if (score !== null) {
    if (Number.isInteger(score) && score >= 0 && score < DENSE_SCORES) {
      const h = a.hist;
      while (a.histMax < score) h[++a.histMax] = 0;
      h[score]++;
    } else {
      const odd = (a.odd ??= new Map());
      odd.set(score, (odd.get(score) ?? 0) + 1);
    }
    u.scoreSum += score;
    u.scored++;
    if (mark !== null && score < a.minByMark[mark]) a.minByMark[mark] = score;
  }
  const minScore = a.minScore;
  if (minScore === undefined) return true;
  if (minScore === null) {
    if (mark !== null) {
      const b = (u.below ??= { count: 0, n: 0 });
      b.n++;
      if (mark <= 2) b.count++;
    }
  } else if (score !== null) {
    const b = (u.below ??= { count: 0, n: 0 });
    b.n++;
    if (score < minScore) b.count++;
  }
  return true;
}

/** The unit's task sums, made (or widened) for `tasks` tasks, with one more participant counted. */
function taskSums(u: UnitStats, tasks: number): number[] {
  // Dense arrays of numbers keep the hot loops over task points fast (≈ 20 tasks × every participant).
  const t = (u.tasks ??= { sums: new Array<number>(tasks).fill(0), n: 0 });
  while (t.sums.length < tasks) t.sums.push(0);
  t.n++;
  return t.sums;
}

function addParticipant(a: UnitAccumulator, r: ParticipantRow): void {
  const rm = r.mark;
  const rs = r.score;
  const mark = rm !== null && Number.isInteger(rm) && rm >= 1 && rm <= 5 ? rm : null;
  const score = rs !== null && Number.isFinite(rs) ? rs : null;
  if (!addMarkScore(a, mark, score, r.journalMark)) return;
  const tp = r.taskPoints;
  let anyTask = false;
  for (let i = 0; i < tp.length && !anyTask; i++) anyTask = tp[i] !== null;
  if (!anyTask) return;
  const sums = taskSums(a.u, tp.length);
  for (let i = 0; i < tp.length; i++) {
    const v = tp[i];
    if (v !== null) sums[i] += v;
  }
}

/**
 * addParticipant for each participant of a protocol's columns (0 and NaN are its blanks). The
 * task points are added by `addPoints`: a school's columns are walked in one call, and a small
 * loop of its own is what V8 optimizes soon on a cold run (issue 23).
 */
function addColumns(a: UnitAccumulator, c: ParticipantColumns): void {
  const { score, mark, journalMark, points, taskCount } = c;
  for (let i = 0; i < c.count; i++) {
    const m = mark[i];
    const s = score[i];
    const jm = journalMark[i];
    const counted = addMarkScore(
      a,
      m >= 1 && m <= 5 ? m : null,
      s === s && s !== Infinity && s !== -Infinity ? s : null,
      jm || null,
    );
    if (counted) addPoints(a.u, points, i * taskCount, taskCount);
  }
}

/** A participant's task points (points[from…from + tasks], NaN — blank) into the unit's task sums, if any is given. */
function addPoints(u: UnitStats, points: Float64Array, from: number, tasks: number): void {
  let t = 0;
  while (t < tasks && points[from + t] !== points[from + t]) t++;
  if (t === tasks) return;
  const sums = taskSums(u, tasks);
  for (t = 0; t < tasks; t++) {
    const v = points[from + t];
    if (v === v) sums[t] += v;
  }
}

/** Turns the accumulator's arrays into the unit's Maps (scores seen only; marks by mark). */
function finish(a: UnitAccumulator): void {
  const u = a.u;
  if (a.histMax >= 0 || a.odd) {
    const h = new Map<number, number>();
    const hist = a.hist;
    for (let s = 0; s <= a.histMax; s++) if (hist[s] > 0) h.set(s, hist[s]);
    if (a.odd) for (const [s, c] of a.odd) h.set(s, c);
    u.scores = h;
  }
  for (let m = 1; m <= 5; m++) if (a.minByMark[m] !== Infinity) u.minScoreByMark.set(m, a.minByMark[m]);
}

function addResultRow(u: UnitStats, r: ResultRow): void {
  u.n += r.participants;
  if (r.marks) {
    const c = (u.marks ??= { n5: 0, n4: 0, n3: 0, n2: 0 });
    c.n5 += r.marks.n5;
    c.n4 += r.marks.n4;
    c.n3 += r.marks.n3;
    c.n2 += r.marks.n2;
    if (r.marks.n1) addMark(c, 1, r.marks.n1);
  }
  if (r.journal) {
    const j = (u.journal ??= { n: 0, lowered: 0, confirmed: 0, raised: 0, gap2: null });
    j.lowered += r.journal.lowered;
    j.confirmed += r.journal.confirmed;
    j.raised += r.journal.raised;
    j.n = j.lowered + j.confirmed + j.raised;
    j.gap2 = null;
  }
  const b = (u.below ??= { count: 0, n: 0 });
  if (r.ege && r.procedure === "ЕГЭ" && r.subject !== "Математика (базовая)") {
    b.count += r.ege.belowMin;
    b.n += r.participants;
    if (r.ege.meanScore !== null) {
      u.scoreSum += r.ege.meanScore * r.participants;
      u.scored += r.participants;
    }
  } else if (r.marks) {
    b.count += r.marks.n2 + (r.marks.n1 ?? 0);
    b.n += r.marks.n5 + r.marks.n4 + r.marks.n3 + r.marks.n2 + (r.marks.n1 ?? 0);
  }
  if (b.n === 0) u.below = null;
}

/** A school's units while its participants are added: accumulators and the units they fill, by unit key. */
interface SchoolAccumulators {
  accs: Map<string, UnitAccumulator>;
  out: Map<string, UnitStats>;
}

/**
 * Adds every school's participant rows, then its protocol columns, to its units' accumulators
 * (created on first sight). The rows of one test are usually consecutive: `addRun` adds them
 * while the test stays the same, so the key is built once per run, and the rows are walked only
 * there — a small function that V8 optimizes cheaply on a cold run, instead of compiling this
 * whole routine with its per-school and per-unit parts (issue 23).
 */
function addParticipants(schools: readonly SchoolReport[], p: Profile): SchoolAccumulators[] {
  const all: SchoolAccumulators[] = [];
  for (let k = 0; k < schools.length; k++) {
    const rows = schools[k].participants;
    const accs = new Map<string, UnitAccumulator>();
    const out = new Map<string, UnitStats>();
    all.push({ accs, out });
    for (let i = 0; i < rows.length;) i = addRun(accumulatorOf(accs, out, rows[i], p), rows, i);
    const columns = schools[k].participantColumns;
    if (columns)
      for (let c = 0; c < columns.length; c++) addColumns(accumulatorOf(accs, out, columns[c], p), columns[c]);
  }
  return all;
}

/** The school's accumulator of the test `t` (made on first sight). */
function accumulatorOf(
  accs: Map<string, UnitAccumulator>,
  out: Map<string, UnitStats>,
  t: Pick<ParticipantRow, "procedure" | "year" | "grade" | "subject">,
  p: Profile,
): UnitAccumulator {
  const subject = canonical(t.subject);
  const key = unitKey(t.procedure, t.year, t.grade, subject);
  let a = accs.get(key);
  if (!a) {
    const u = emptyUnit({ procedure: t.procedure, year: t.year, grade: t.grade, subject }, true);
    a = accumulator(u, minimumScore(p, u));
    accs.set(key, a);
    out.set(key, u);
  }
  return a;
}

/** Adds rows from `start` on while they are of the test of row `start`; returns the first row of another test (or the end). */
function addRun(a: UnitAccumulator, rows: readonly ParticipantRow[], start: number): number {
  const first = rows[start];
  let i = start;
  do {
    addParticipant(a, rows[i]);
    i++;
  } while (
    i < rows.length &&
    rows[i].subject === first.subject &&
    rows[i].year === first.year &&
    rows[i].grade === first.grade &&
    rows[i].procedure === first.procedure
  );
  return i;
}

/** The school's units keyed by unit key. */
export function schoolUnits(s: SchoolReport, p: Profile): Map<string, UnitStats> {
  return unitsOf(s, addParticipants([s], p)[0]);
}

/** A school's units from its participants' accumulators (finished here) and its result rows. */
function unitsOf(s: SchoolReport, { accs, out }: SchoolAccumulators): Map<string, UnitStats> {
  // forEach and index loops rather than for…of: no iterator object per step for every school (a
  // cold run executes this mostly in V8's interpreter).
  accs.forEach((a) => finish(a));
  out.forEach((u, k) => {
    if (u.n === 0) out.delete(k);
  });
  // Result rows only for units without participants; whole-parallel rows win over class rows.
  const whole = new Map<string, ResultRow[]>();
  const byClass = new Map<string, ResultRow[]>();
  for (let i = 0; i < s.results.length; i++) {
    const r = s.results[i];
    const key = unitKey(r.procedure, r.year, r.grade, canonical(r.subject));
    if (out.has(key)) continue;
    const target = r.className.trim() === "" ? whole : byClass;
    const list = target.get(key);
    if (list) list.push(r);
    else target.set(key, [r]);
  }
  byClass.forEach((rows, key) => {
    if (!whole.has(key)) whole.set(key, rows);
  });
  whole.forEach((rows, key) => {
    const r0 = rows[0];
    const u = emptyUnit(
      { procedure: r0.procedure, year: r0.year, grade: r0.grade, subject: canonical(r0.subject) },
      false,
    );
    for (const r of rows) addResultRow(u, r);
    if (u.n > 0) out.set(key, u);
  });
  return out;
}

/**
 * Adds task sums element by element, growing `into` as needed. Apart from mergeInto so that the
 * per-school merge has no loop of its own: a few hundred schools are too few for V8's optimizing
 * compile of the whole merge to pay off on a cold run.
 */
function addSums(into: number[], from: readonly number[]): void {
  while (into.length < from.length) into.push(0);
  for (let i = 0; i < from.length; i++) into[i] += from[i];
}

/** Adds b into a (pooling schools into the municipality's reference). */
export function mergeInto(a: UnitStats, b: UnitStats): void {
  a.n += b.n;
  if (b.marks) {
    const c = (a.marks ??= { n5: 0, n4: 0, n3: 0, n2: 0 });
    c.n5 += b.marks.n5;
    c.n4 += b.marks.n4;
    c.n3 += b.marks.n3;
    c.n2 += b.marks.n2;
    if (b.marks.n1) addMark(c, 1, b.marks.n1);
  }
  if (b.journal) {
    const j = (a.journal ??= { n: 0, lowered: 0, confirmed: 0, raised: 0, gap2: 0 });
    j.n += b.journal.n;
    j.lowered += b.journal.lowered;
    j.confirmed += b.journal.confirmed;
    j.raised += b.journal.raised;
    j.gap2 = j.gap2 === null || b.journal.gap2 === null ? null : j.gap2 + b.journal.gap2;
  }
  // forEach rather than for…of: no iterator result and entry pair per score, for every school.
  if (b.scores) {
    const h = (a.scores ??= new Map());
    b.scores.forEach((c, s) => h.set(s, (h.get(s) ?? 0) + c));
  }
  a.scoreSum += b.scoreSum;
  a.scored += b.scored;
  const byMark = a.minScoreByMark;
  b.minScoreByMark.forEach((s, m) => {
    const seen = byMark.get(m);
    if (seen === undefined || s < seen) byMark.set(m, s);
  });
  if (b.tasks) {
    const t = (a.tasks ??= { sums: [], n: 0 });
    t.n += b.tasks.n;
    addSums(t.sums, b.tasks.sums);
  }
  if (b.below) {
    const x = (a.below ??= { count: 0, n: 0 });
    x.count += b.below.count;
    x.n += b.below.n;
  }
  a.fromParticipants = a.fromParticipants && b.fromParticipants;
}

export interface UnitIndex {
  /** School login → its units by key. */
  bySchool: Map<string, Map<string, UnitStats>>;
  /** Unit key → all schools pooled (the school included). */
  pooled: Map<string, UnitStats>;
  /** Unit key → schools (login) that have the unit. */
  schoolsOf: Map<string, string[]>;
  /** Years with any data, ascending. */
  years: number[];
}

/** Builds every aggregate in one pass over the participants and result rows. */
export function buildUnitIndex(m: Municipality, p: Profile): UnitIndex {
  const bySchool = new Map<string, Map<string, UnitStats>>();
  const pooled = new Map<string, UnitStats>();
  const schoolsOf = new Map<string, string[]>();
  const years = new Set<number>();
  const gathered = addParticipants(m.schools, p);
  for (let i = 0; i < m.schools.length; i++) {
    const s = m.schools[i];
    const units = unitsOf(s, gathered[i]);
    bySchool.set(s.passport.login, units);
    units.forEach((u, key) => {
      years.add(u.year);
      let pool = pooled.get(key);
      if (!pool) {
        pool = emptyUnit(u, true);
        pooled.set(key, pool);
        schoolsOf.set(key, []);
      }
      mergeInto(pool, u);
      schoolsOf.get(key)!.push(s.passport.login);
    });
  }
  return { bySchool, pooled, schoolsOf, years: [...years].sort((a, b) => a - b) };
}

/** Quality (% «4»+«5») of a unit, null without marks. */
export function unitQuality(u: UnitStats): number | null {
  const c = u.marks;
  if (!c) return null;
  const n = c.n5 + c.n4 + c.n3 + c.n2 + (c.n1 ?? 0);
  return n > 0 ? ((c.n5 + c.n4) * 100) / n : null;
}

/** Share below the minimum threshold, %; null without a denominator. */
export function unitBelowShare(u: UnitStats): number | null {
  return u.below && u.below.n > 0 ? (u.below.count * 100) / u.below.n : null;
}

/** Mean raw score, null without scores. */
export function unitMeanScore(u: UnitStats): number | null {
  return u.scored > 0 ? u.scoreSum / u.scored : null;
}

/**
 * Aggregated results per procedure × year × grade × subject, for a school and pooled over the
 * municipality. A school may give a whole-parallel row (class "") and/or class rows: the
 * parallel row wins when present, otherwise its classes are summed, so nothing counts twice.
 */
import type { EgeSummary, JournalComparison, MarkCounts, Procedure, ResultRow, SchoolReport } from "./model";

export interface ResultKey {
  procedure: Procedure;
  year: number;
  grade: number;
  subject: string;
}

export interface Aggregate extends ResultKey {
  participants: number;
  marks?: MarkCounts;
  /** ЕГЭ: mean score weighted by participants; counts summed. */
  ege?: EgeSummary;
  journal?: JournalComparison;
  /** How many school rows were summed. */
  rows: number;
}

export function resultKey(k: ResultKey): string {
  return `${k.procedure}|${k.year}|${k.grade}|${k.subject}`;
}

function addMarks(a: MarkCounts | undefined, b: MarkCounts | undefined): MarkCounts | undefined {
  if (!b) return a;
  if (!a) return { ...b };
  const n1 = (a.n1 ?? 0) + (b.n1 ?? 0);
  return { n5: a.n5 + b.n5, n4: a.n4 + b.n4, n3: a.n3 + b.n3, n2: a.n2 + b.n2, ...(n1 ? { n1 } : {}) };
}

function addJournal(a: JournalComparison | undefined, b: JournalComparison | undefined): JournalComparison | undefined {
  if (!b) return a;
  if (!a) return { ...b };
  return { lowered: a.lowered + b.lowered, confirmed: a.confirmed + b.confirmed, raised: a.raised + b.raised };
}

function addEge(a: EgeSummary | undefined, na: number, b: EgeSummary | undefined, nb: number): EgeSummary | undefined {
  if (!b) return a;
  if (!a) return { ...b };
  const mean =
    a.meanScore === null
      ? b.meanScore
      : b.meanScore === null
        ? a.meanScore
        : (a.meanScore * na + b.meanScore * nb) / (na + nb);
  return {
    meanScore: mean,
    belowMin: a.belowMin + b.belowMin,
    high81: a.high81 + b.high81,
    score100: a.score100 + b.score100,
  };
}

/** Adds one aggregate into another (same key), in place. */
export function accumulate(
  into: Aggregate,
  r: { participants: number; marks?: MarkCounts; ege?: EgeSummary; journal?: JournalComparison },
  rows = 1,
): void {
  into.ege = addEge(into.ege, into.participants, r.ege, r.participants);
  into.participants += r.participants;
  into.marks = addMarks(into.marks, r.marks);
  into.journal = addJournal(into.journal, r.journal);
  into.rows += rows;
}

function empty(k: ResultKey): Aggregate {
  return { procedure: k.procedure, year: k.year, grade: k.grade, subject: k.subject, participants: 0, rows: 0 };
}

/** One school's results per key: the parallel row where given, else the sum of its classes. */
export function schoolAggregates(rows: readonly ResultRow[]): Map<string, Aggregate> {
  const parallel = new Map<string, Aggregate>();
  const classes = new Map<string, Aggregate>();
  for (const r of rows) {
    const key = resultKey(r);
    const target = r.className === "" ? parallel : classes;
    let a = target.get(key);
    if (!a) target.set(key, (a = empty(r)));
    accumulate(a, r);
  }
  for (const [key, a] of classes) if (!parallel.has(key)) parallel.set(key, a);
  return parallel;
}

/** Pools schools' aggregates per key (the municipality, or a cluster when given its schools). */
export function pooledAggregates(schools: readonly Map<string, Aggregate>[]): Map<string, Aggregate> {
  const out = new Map<string, Aggregate>();
  for (const s of schools) {
    for (const [key, a] of s) {
      let p = out.get(key);
      if (!p) out.set(key, (p = empty(a)));
      accumulate(p, a, a.rows);
    }
  }
  return out;
}

/** Years present in a set of reports, ascending. */
export function yearsOf(reports: readonly SchoolReport[]): number[] {
  const ys = new Set<number>();
  for (const r of reports) for (const row of r.results) ys.add(row.year);
  return [...ys].sort((a, b) => a - b);
}

/** Order of procedures, grades and subjects for tables: procedure order of the model, then grade, then subject. */
export function compareKeys(a: ResultKey, b: ResultKey, procedures: readonly string[]): number {
  return (
    procedures.indexOf(a.procedure) - procedures.indexOf(b.procedure) ||
    a.year - b.year ||
    a.grade - b.grade ||
    a.subject.localeCompare(b.subject, "ru")
  );
}

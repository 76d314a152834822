/**
 * Independent computations of the §3–§4 quantities on generated data, written from the
 * methodology text (not from the rule engine), to prove the sample's clean schools stay clean and
 * its injected situations cross their thresholds with margin.
 */
import binomialCdf from "@stdlib/stats-base-dists-binomial-cdf";
import type { MarkCounts, ParticipantRow, ResultRow, SchoolReport } from "../../../src/core/model";

export const unitKey = (p: { procedure: string; year: number; grade: number; subject: string }) =>
  `${p.procedure}|${p.year}|${p.grade}|${p.subject}`;

export function quality(m: MarkCounts): number {
  const n = m.n5 + m.n4 + m.n3 + m.n2;
  return ((m.n5 + m.n4) * 100) / n;
}

export function share2(m: MarkCounts): number {
  return (m.n2 * 100) / (m.n5 + m.n4 + m.n3 + m.n2);
}

/** Whole-parallel result rows with marks, by unit key, per school. */
export function rowsByUnit(s: SchoolReport): Map<string, ResultRow> {
  return new Map(s.results.filter((r) => r.marks && r.className === "").map((r) => [unitKey(r), r]));
}

/** Pooled mark counts of every unit over all schools. */
export function pooledMarks(schools: readonly SchoolReport[]): Map<string, MarkCounts> {
  const out = new Map<string, MarkCounts>();
  for (const s of schools) {
    for (const r of s.results) {
      if (!r.marks || r.className !== "") continue;
      const k = unitKey(r);
      const m = out.get(k) ?? { n5: 0, n4: 0, n3: 0, n2: 0 };
      m.n5 += r.marks.n5;
      m.n4 += r.marks.n4;
      m.n3 += r.marks.n3;
      m.n2 += r.marks.n2;
      out.set(k, m);
    }
  }
  return out;
}

export function groupParticipants(s: SchoolReport): Map<string, ParticipantRow[]> {
  const out = new Map<string, ParticipantRow[]>();
  for (const p of s.participants) {
    const k = unitKey(p);
    const list = out.get(k) ?? [];
    list.push(p);
    out.set(k, list);
  }
  return out;
}

export interface JournalShares {
  n: number;
  mismatch: number;
  lowered: number;
  gap2: number;
}

export function journalShares(rows: readonly ParticipantRow[]): JournalShares {
  let n = 0,
    mis = 0,
    low = 0,
    gap2 = 0;
  for (const p of rows) {
    if (p.mark === null || p.journalMark === null) continue;
    n++;
    if (p.mark !== p.journalMark) mis++;
    if (p.mark < p.journalMark) low++;
    if (Math.abs(p.mark - p.journalMark) >= 2) gap2++;
  }
  return { n, mismatch: (mis * 100) / n, lowered: (low * 100) / n, gap2: (gap2 * 100) / n };
}

export function scoreHistogram(rows: readonly ParticipantRow[]): Map<number, number> {
  const h = new Map<number, number>();
  for (const p of rows) if (p.score !== null) h.set(p.score, (h.get(p.score) ?? 0) + 1);
  return h;
}

/** O2 at one boundary: count rule and the conditional binomial p-value against the reference. */
export function peakAt(
  own: Map<number, number>,
  ref: Map<number, number>,
  b: number,
): { at: number; below: number; p: number } {
  const at = own.get(b) ?? 0;
  const below = own.get(b - 1) ?? 0;
  const rAt = ref.get(b) ?? 0;
  const rBelow = ref.get(b - 1) ?? 0;
  const q = rAt + rBelow === 0 ? 1 : rAt / (rAt + rBelow);
  const p = at === 0 ? 1 : q >= 1 ? 1 : 1 - binomialCdf(at - 1, at + below, q);
  return { at, below, p };
}

/** Basic and advanced completion (%) of a test's participants. */
export function levelCompletion(
  rows: readonly ParticipantRow[],
  levels: readonly string[],
  maxes: readonly number[],
): { basic: number; advanced: number } {
  let b = 0,
    a = 0;
  for (const p of rows) p.taskPoints.forEach((v, i) => (levels[i] === "Б" ? (b += v ?? 0) : (a += v ?? 0)));
  const bm = maxes.reduce((s, m, i) => s + (levels[i] === "Б" ? m : 0), 0);
  const am = maxes.reduce((s, m, i) => s + (levels[i] !== "Б" ? m : 0), 0);
  return { basic: (b * 100) / (rows.length * bm), advanced: (a * 100) / (rows.length * am) };
}

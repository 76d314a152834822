/**
 * Result indicators of one procedure × subject × grade × unit (methodology §2).
 * Shares are percentages 0–100 (not fractions); dynamics are percentage points.
 * A value that has no denominator (no participants) is null, never 0.
 */
import type { JournalComparison, MarkCounts } from "./model";
import type { Profile } from "./profile";

export type SizeClass = "informative" | "approximate" | "limited";

export const SIZE_CLASS_LABELS: Record<SizeClass, string> = {
  informative: "информативная выборка",
  approximate: "ориентировочная выборка",
  limited: "мало участников",
};

/** N: participants with a mark (n1 included when present). */
export function markedCount(c: MarkCounts): number {
  return c.n5 + c.n4 + c.n3 + c.n2 + (c.n1 ?? 0);
}

function share(part: number, n: number): number | null {
  return n > 0 ? (part * 100) / n : null;
}

/** Успеваемость, %: (n5+n4+n3)/N·100. */
export function successRate(c: MarkCounts): number | null {
  return share(c.n5 + c.n4 + c.n3, markedCount(c));
}

/** Качество знаний, %: (n5+n4)/N·100. */
export function quality(c: MarkCounts): number | null {
  return share(c.n5 + c.n4, markedCount(c));
}

/** СОУ, %: (w5·n5 + w4·n4 + w3·n3 + w2·n2 + w1·n1)/N with the profile's weights. */
export function sou(c: MarkCounts, weights: readonly number[]): number | null {
  const n = markedCount(c);
  if (n === 0) return null;
  // Indexed, not destructured: array destructuring runs the iterator protocol, which kept this
  // function too large for V8 to inline into the per-group loops (aggregate.ts).
  return (weights[0] * c.n5 + weights[1] * c.n4 + weights[2] * c.n3 + weights[3] * c.n2 + weights[4] * (c.n1 ?? 0)) / n;
}

/** Средний балл (mean mark): (5n5+4n4+3n3+2n2+1·n1)/N. */
export function meanMark(c: MarkCounts): number | null {
  const n = markedCount(c);
  return n > 0 ? (5 * c.n5 + 4 * c.n4 + 3 * c.n3 + 2 * c.n2 + (c.n1 ?? 0)) / n : null;
}

/** Доля не преодолевших минимальный порог по отметкам, %: «2» (and «1») over N. */
export function share2(c: MarkCounts): number | null {
  return share(c.n2 + (c.n1 ?? 0), markedCount(c));
}

/** Доля «5», %. */
export function share5(c: MarkCounts): number | null {
  return share(c.n5, markedCount(c));
}

/** Counts of marks from a list of marks 1–5 (other values must be filtered out before). */
export function countMarks(marks: ArrayLike<number>): MarkCounts {
  const k = new Uint32Array(6);
  for (let i = 0; i < marks.length; i++) k[marks[i]]++;
  return { n5: k[5], n4: k[4], n3: k[3], n2: k[2], n1: k[1] };
}

/** Средний первичный балл. */
export function meanScore(scores: ArrayLike<number>): number | null {
  if (scores.length === 0) return null;
  let sum = 0;
  for (let i = 0; i < scores.length; i++) sum += scores[i];
  return sum / scores.length;
}

/** % выполнения работы: mean raw score / max score · 100. */
export function completionOfMax(mean: number | null, max: number): number | null {
  return mean === null || !(max > 0) ? null : (mean * 100) / max;
}

/** % выполнения задания j: Σ points_j / (N · max_j) · 100. */
export function taskCompletion(sumPoints: number, n: number, max: number): number | null {
  return n > 0 && max > 0 ? (sumPoints * 100) / (n * max) : null;
}

export interface Confirmation extends JournalComparison {
  /** Pairs with both marks present. */
  n: number;
  /** Pairs whose marks differ by 2 or more. */
  gap2: number;
}

/**
 * Compares test marks with journal marks pairwise (same index). Pairs where either is NaN are
 * skipped. Понизили: test mark below the journal mark; повысили: above.
 */
export function confirmation(test: ArrayLike<number>, journal: ArrayLike<number>): Confirmation {
  const out: Confirmation = { n: 0, lowered: 0, confirmed: 0, raised: 0, gap2: 0 };
  const len = Math.min(test.length, journal.length);
  for (let i = 0; i < len; i++) {
    const t = test[i];
    const j = journal[i];
    if (Number.isNaN(t) || Number.isNaN(j)) continue;
    out.n++;
    if (t < j) out.lowered++;
    else if (t > j) out.raised++;
    else out.confirmed++;
    if (Math.abs(t - j) >= 2) out.gap2++;
  }
  return out;
}

export type ConfirmMode = "confirmed" | "lowered" | "raised" | "gap2";

/** Share (%) of a confirmation group over the compared pairs. */
export function confirmationShare(c: JournalComparison & { gap2?: number }, mode: ConfirmMode): number | null {
  const n = c.lowered + c.confirmed + c.raised;
  if (mode === "gap2") return c.gap2 === undefined ? null : share(c.gap2, n);
  return share(c[mode], n);
}

/** Share (%) of scores strictly below a minimum score (ЕГЭ). */
export function shareBelowScore(scores: ArrayLike<number>, minimum: number): number | null {
  if (scores.length === 0) return null;
  let below = 0;
  for (let i = 0; i < scores.length; i++) if (scores[i] < minimum) below++;
  return (below * 100) / scores.length;
}

/** Динамика, п.п.: current − previous; null if either is missing. Rounded to 1e-9 to drop float noise. */
export function delta(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null) return null;
  return Math.round((current - previous) * 1e9) / 1e9;
}

/** Sample-size class of N by the profile: ≥ 50 informative, 20–49 approximate, < 20 limited. */
export function sizeClass(n: number, profile: Profile): SizeClass {
  if (n >= profile.values["sample.informative"]) return "informative";
  if (n >= profile.values["sample.approximate"]) return "approximate";
  return "limited";
}

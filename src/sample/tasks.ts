/**
 * Task sets of the sample's tests (numbers, levels Б/П/В, max points) and the split of a
 * participant's raw score into points per task. Each task has a difficulty; a participant's
 * points follow a logistic item response curve whose ability is chosen so that the points add up
 * to the raw score. Basic tasks are easier, so an ordinary school completes them better than the
 * advanced ones (no §3 O4 sign); the difficulty-inversion situation mirrors the difficulties.
 */
import type { Procedure, TaskSet, TaskSpec } from "../core/model";
import { Rng } from "./random";

export interface SampleTaskSet {
  set: TaskSet;
  /** Difficulty of each task on the ability scale, in task order. */
  difficulty: number[];
}

/** Shares of the maximum score given to basic and advanced (П) tasks; the rest is high level (В). */
const BASIC_SHARE = 0.6;
const ADVANCED_SHARE = 0.3;
const SLOPE = 1.7;

function piece(rng: Rng, left: number, lo: number, hi: number): number {
  return Math.min(left, rng.int(lo, hi));
}

/** The task set of one test; the same for every school of the municipality. */
export function buildTaskSet(
  seed: number,
  procedure: Procedure,
  year: number,
  grade: number,
  subject: string,
  max: number,
): SampleTaskSet {
  const rng = Rng.derive(seed, `tasks|${procedure}|${year}|${grade}|${subject}`);
  const basicTotal = Math.max(1, Math.round(max * BASIC_SHARE));
  const advancedTotal = Math.max(1, Math.round(max * ADVANCED_SHARE));
  const highTotal = max - basicTotal - advancedTotal;
  const tasks: TaskSpec[] = [];
  const difficulty: number[] = [];
  const fill = (total: number, level: TaskSpec["level"], lo: number, hi: number, dLo: number, dHi: number) => {
    for (let left = total; left > 0;) {
      const m = piece(rng, left, lo, hi);
      left -= m;
      tasks.push({ number: String(tasks.length + 1), level, max: m });
      difficulty.push(rng.uniform(dLo, dHi));
    }
  };
  fill(basicTotal, "Б", 1, 2, -1.4, 0);
  fill(advancedTotal, "П", 1, 3, 0.5, 1.3);
  if (highTotal > 0) fill(highTotal, "В", 2, 3, 1.3, 2.1);
  return { set: { procedure, year, grade, subject, tasks, source: "form" }, difficulty };
}

/** Mirrored difficulties: advanced tasks become the easy ones (the O4 situation). */
export function invertedDifficulty(t: SampleTaskSet): number[] {
  return t.difficulty.map((d) => 0.7 - d);
}

function expectedPoints(maxes: readonly number[], difficulty: readonly number[], ability: number): number[] {
  return maxes.map((m, j) => expectedPoint(m, difficulty[j], ability));
}

function expectedPoint(max: number, difficulty: number, ability: number): number {
  return max / (1 + Math.exp(-SLOPE * (ability - difficulty)));
}

/** The sum of expectedPoints, added in the same order, without the array (the bisection asks 50 times per score). */
function expectedTotal(maxes: readonly number[], difficulty: readonly number[], ability: number): number {
  let sum = 0;
  for (let j = 0; j < maxes.length; j++) sum += expectedPoint(maxes[j], difficulty[j], ability);
  return sum;
}

/**
 * Splits raw scores into task points. Expected points per task depend only on the score; so do
 * the totals per level (basic vs advanced), which are rounded without noise. Only which tasks of
 * a level receive the rounded-up points varies between participants. A school's completion of
 * basic and of advanced tasks is then a function of its score distribution alone, so an ordinary
 * school cannot land below the reference on basic tasks and above it on advanced ones by chance.
 */
export class PointSplitter {
  private readonly cache = new Map<
    number,
    { floors: Int32Array; fractions: Float64Array; extraBasic: number; extraAdvanced: number }
  >();
  private readonly maxes: number[];
  private readonly basic: boolean[];
  private readonly total: number;

  constructor(
    set: TaskSet,
    private readonly difficulty: readonly number[],
  ) {
    this.maxes = set.tasks.map((t) => t.max);
    this.basic = set.tasks.map((t) => t.level === "Б");
    this.total = this.maxes.reduce((a, b) => a + b, 0);
  }

  private expected(score: number) {
    const hit = this.cache.get(score);
    if (hit) return hit;
    let lo = -12;
    let hi = 12;
    for (let i = 0; i < 50; i++) {
      const mid = (lo + hi) / 2;
      const sum = expectedTotal(this.maxes, this.difficulty, mid);
      if (sum < score) lo = mid;
      else hi = mid;
    }
    const e = expectedPoints(this.maxes, this.difficulty, (lo + hi) / 2);
    const floors = Int32Array.from(e, (v, j) => Math.min(this.maxes[j], Math.floor(v)));
    const fractions = Float64Array.from(e, (v, j) => (floors[j] < this.maxes[j] ? v - Math.floor(v) : -Infinity));
    // Deterministic largest remainder decides how many extra points each level gets.
    const left = score - floors.reduce((a, b) => a + b, 0);
    const order = Array.from(fractions.keys()).sort((a, b) => fractions[b] - fractions[a] || a - b);
    let extraBasic = 0;
    let extraAdvanced = 0;
    for (const j of order.slice(0, left)) {
      if (this.basic[j]) extraBasic++;
      else extraAdvanced++;
    }
    const entry = { floors, fractions, extraBasic, extraAdvanced };
    this.cache.set(score, entry);
    return entry;
  }

  split(score: number, rng: Rng): number[] {
    if (score <= 0) return this.maxes.map(() => 0);
    if (score >= this.total) return [...this.maxes];
    const { floors, fractions, extraBasic, extraAdvanced } = this.expected(score);
    // Plain loops, not Array.from over typed arrays (V8's iterator path): `demo` splits a score for
    // every participant of every work (issue 23: ≤ 0,1 s per school). Same draws in the same order.
    const n = floors.length;
    const points = new Array<number>(n);
    const keys = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      points[j] = floors[j];
      keys[j] = fractions[j] + rng.uniform(0, 0.35);
    }
    this.give(points, keys, extraBasic, true);
    this.give(points, keys, extraAdvanced, false);
    return points;
  }

  /** `count` extra points, one each to the basic (or advanced) tasks with the largest keys. */
  private give(points: number[], keys: Float64Array, count: number, basic: boolean): void {
    for (let k = 0; k < count; k++) {
      let best = -1;
      for (let j = 0; j < keys.length; j++) {
        if (this.basic[j] === basic && keys[j] > -Infinity && (best < 0 || keys[j] > keys[best])) best = j;
      }
      if (best < 0) return;
      points[best]++;
      keys[best] = -Infinity;
    }
  }
}

/**
 * O4 (§3): difficulty inversion. Completion of a level = Σ points on its tasks /
 * (participants with task points × Σ max of its tasks) × 100, i.e. FIOKO's task completion pooled
 * over the level; Б is basic, П and В are advanced. Fires when advanced completion ≥ basic
 * completion, or when the school is below the reference (pooled participants) on basic tasks and
 * above it on advanced ones. Task order in the participants' rows follows the task set.
 * Project addition to revision 2026.2 (chance control, measured in docs/analysis.md): the
 * advanced completion must exceed the basic one by o4.inversionMargin п.п., the crossing must be
 * at least o4.crossMargin п.п. on each side, and the test needs o4.minN participants — without
 * them a school a fraction of a point off the reference on both levels fired in a quarter of
 * ordinary school-years.
 */
import type { TaskSet } from "../model";
import type { Profile } from "../profile";
import { POOLED } from "../context/references";
import type { UnitStats } from "../context/units";
import { notEvaluated, tagsOf, threshold, type SignResult } from "./sign";

export interface LevelCompletion {
  basic: number | null;
  advanced: number | null;
}

export function levelCompletion(tasks: { sums: number[]; n: number }, set: TaskSet): LevelCompletion {
  let bPoints = 0;
  let bMax = 0;
  let aPoints = 0;
  let aMax = 0;
  set.tasks.forEach((t, i) => {
    const points = tasks.sums[i] ?? 0;
    if (t.level === "Б") {
      bPoints += points;
      bMax += t.max;
    } else {
      aPoints += points;
      aMax += t.max;
    }
  });
  const pct = (points: number, max: number) => (max > 0 && tasks.n > 0 ? (points * 100) / (tasks.n * max) : null);
  return { basic: pct(bPoints, bMax), advanced: pct(aPoints, aMax) };
}

export function signO4(
  u: UnitStats,
  pooled: UnitStats | undefined,
  set: TaskSet | undefined,
  municipality: string,
  p: Profile,
): SignResult | null {
  if (!u.tasks) return null;
  const base = {
    rule: "O4" as const,
    year: u.year,
    procedure: u.procedure,
    grade: u.grade,
    subject: u.subject,
    n: u.tasks.n,
  };
  const minN = threshold(p, "o4.minN");
  if (!set) return notEvaluated(base, "нет перечня заданий с уровнями (лист «Задания»)");
  if (u.tasks.n < minN.value)
    return notEvaluated({ ...base, threshold: [minN] }, "мало участников с баллами за задания");
  const own = levelCompletion(u.tasks, set);
  if (own.basic === null || own.advanced === null)
    return notEvaluated(base, "в перечне заданий нет заданий обоих уровней (Б и П/В)");
  const ref = pooled?.tasks ? levelCompletion(pooled.tasks, set) : null;
  const invT = threshold(p, "o4.inversionMargin");
  const crossT = threshold(p, "o4.crossMargin");
  const used = [minN, invT, crossT];
  const numbers: Record<string, number> = { n: u.tasks.n, basic: own.basic, advanced: own.advanced };
  // 1e-9: completions are quotients, so a difference meant to equal the margin may land just below it.
  const inverted = own.advanced - own.basic >= invT.value - 1e-9;
  let crossed = false;
  if (ref && ref.basic !== null && ref.advanced !== null) {
    numbers.refBasic = ref.basic;
    numbers.refAdvanced = ref.advanced;
    // Strictly below and above as in §3, and by the margin; with a margin of 0 the rule is §3's text.
    const below = ref.basic - own.basic;
    const above = own.advanced - ref.advanced;
    crossed = below > 0 && above > 0 && below >= crossT.value - 1e-9 && above >= crossT.value - 1e-9;
  }
  numbers.invertedFired = inverted ? 1 : 0;
  numbers.crossedFired = crossed ? 1 : 0;
  return {
    ...base,
    fired: inverted || crossed,
    evaluated: true,
    numbers,
    threshold: used,
    reference: ref
      ? { kind: "municipality", value: ref.basic, n: pooled!.tasks!.n, name: municipality, source: POOLED }
      : undefined,
    tags: tagsOf("OFFICIAL*", used),
  };
}

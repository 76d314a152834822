/**
 * Task completion of one test (procedure × year × grade × subject) at a school: per task, the
 * % completion (Σ points / (N · max) · 100) with its adequacy band (methodology §2: basic tasks
 * ≥ 60 % sufficient, < 57 % insufficient, between — grey zone; advanced ≥ 30 % / < 28,5 %),
 * deficits (insufficient tasks) grouped by the skill they check, and completion by groups of
 * participants with the same mark (groups smaller than `sample.group` are labelled, not used).
 */
import { taskCompletion } from "../../core/indicators";
import type { ParticipantRow, TaskLevel, TaskSet } from "../../core/model";
import type { Profile } from "../../core/profile";

export type Adequacy = "sufficient" | "grey" | "insufficient";

export const ADEQUACY_LABELS: Record<Adequacy, string> = {
  sufficient: "достаточный уровень",
  grey: "пограничная зона",
  insufficient: "недостаточный уровень",
};

export function adequacy(completion: number, level: TaskLevel, profile: Profile): Adequacy {
  const v = profile.values;
  const [ok, low] =
    level === "Б"
      ? [v["tasks.basicSufficient"], v["tasks.basicInsufficient"]]
      : [v["tasks.advancedSufficient"], v["tasks.advancedInsufficient"]];
  if (completion >= ok) return "sufficient";
  if (completion < low) return "insufficient";
  return "grey";
}

export interface TaskResult {
  number: string;
  level: TaskLevel;
  max: number;
  skill?: string;
  /** Participants with a value for this task. */
  n: number;
  completion: number | null;
  adequacy: Adequacy | null;
}

/** Per-task completion over the participants of one test. Blank points are not counted. */
export function taskResults(participants: readonly ParticipantRow[], set: TaskSet, profile: Profile): TaskResult[] {
  const k = set.tasks.length;
  const sums = new Float64Array(k);
  const ns = new Uint32Array(k);
  for (const p of participants) {
    for (let j = 0; j < k; j++) {
      const pts = p.taskPoints[j];
      if (pts === null || pts === undefined || Number.isNaN(pts)) continue;
      sums[j] += pts;
      ns[j]++;
    }
  }
  return set.tasks.map((t, j) => {
    const completion = taskCompletion(sums[j], ns[j], t.max);
    return {
      number: t.number,
      level: t.level,
      max: t.max,
      skill: t.skill,
      n: ns[j],
      completion,
      adequacy: completion === null ? null : adequacy(completion, t.level, profile),
    };
  });
}

/** Share (%) of basic (Б) and advanced (П/В) points a participant scored. */
export function levelShares(p: ParticipantRow, set: TaskSet): { basic: number | null; advanced: number | null } {
  let bGot = 0,
    bMax = 0,
    aGot = 0,
    aMax = 0;
  set.tasks.forEach((t, j) => {
    const pts = p.taskPoints[j];
    if (pts === null || pts === undefined || Number.isNaN(pts)) return;
    if (t.level === "Б") {
      bGot += pts;
      bMax += t.max;
    } else {
      aGot += pts;
      aMax += t.max;
    }
  });
  return { basic: bMax ? (bGot * 100) / bMax : null, advanced: aMax ? (aGot * 100) / aMax : null };
}

export interface Deficit {
  /** The skill (or «задание N» when the task list gives none). */
  skill: string;
  tasks: TaskResult[];
}

/** Insufficient tasks grouped by the skill they check, in task order. */
export function deficits(results: readonly TaskResult[]): Deficit[] {
  const bySkill = new Map<string, TaskResult[]>();
  for (const r of results) {
    if (r.adequacy !== "insufficient") continue;
    const skill = r.skill?.trim() || `задание ${r.number}`;
    if (!bySkill.has(skill)) bySkill.set(skill, []);
    bySkill.get(skill)!.push(r);
  }
  return [...bySkill].map(([skill, tasks]) => ({ skill, tasks }));
}

export interface MarkGroup {
  mark: 2 | 3 | 4 | 5;
  n: number;
  /** False when the group is below `sample.group`: completion is then not analysed. */
  enough: boolean;
  /** Completion per task (same order as the task set); null for small groups. */
  completion: (number | null)[] | null;
}

/** Completion of each task by the groups of participants who got «2», «3», «4», «5». */
export function completionByMark(participants: readonly ParticipantRow[], set: TaskSet, profile: Profile): MarkGroup[] {
  const min = profile.values["sample.group"];
  const groups = new Map<number, ParticipantRow[]>([
    [2, []],
    [3, []],
    [4, []],
    [5, []],
  ]);
  for (const p of participants) if (p.mark !== null && groups.has(p.mark)) groups.get(p.mark)!.push(p);
  return ([2, 3, 4, 5] as const).map((mark) => {
    const list = groups.get(mark)!;
    const enough = list.length >= min;
    return {
      mark,
      n: list.length,
      enough,
      completion: enough ? taskResults(list, set, profile).map((r) => r.completion) : null,
    };
  });
}

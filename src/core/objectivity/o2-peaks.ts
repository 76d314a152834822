/**
 * O2 (§3): a peak of raw scores at a mark boundary b (the lowest score of marks 3, 4, 5):
 * count(b) ≥ o2.minPeak, count(b) ≥ o2.ratio × count(b−1), and the conditional binomial test
 * P(X ≥ count(b)) < o2.alpha for X ~ Binomial(m, q), m = count(b) + count(b−1),
 * q = ref(b) / (ref(b) + ref(b−1)) from the reference distribution of the same test.
 * Edge cases: ref(b) + ref(b−1) = 0 — the boundary cannot be tested and is skipped;
 * q = 0 — the reference never reaches b from b−1, so any count(b) ≥ 1 has P = 0 (significant);
 * q = 1 — the reference never stops at b−1, so P = 1 (never significant).
 * Project addition: with objectivity.familywise the threshold is lowered for a school with many
 * tests in the year (see familywise.ts); `tests` is that number k (schoolSigns).
 */
import { markScale, type MarkScale, type Profile } from "../profile";
import type { References } from "../context/references";
import type { UnitStats } from "../context/units";
import { binomialUpperTail } from "./chance";
import { recordTestThreshold, testThreshold } from "./familywise";
import { fixedThresholds, notEvaluated, tagsOf, threshold, type RuleThresholds, type SignResult } from "./sign";

/** The thresholds every evaluated O2 result reports (test.perTest is o2.alpha). */
const USES: RuleThresholds = { dataTag: "OFFICIAL*", keys: ["o2.minN", "o2.minPeak", "o2.ratio", "o2.alpha"] };

export interface Boundary {
  mark: 3 | 4 | 5;
  score: number;
}

// markScale scans the profile's scales and normalises the subject on every call; a unit's scale
// is asked for by every school, so it is looked up once per profile and unit key.
const scaleCache = new WeakMap<Profile, Map<string, MarkScale | null>>();

function scaleOf(p: Profile, u: UnitStats): MarkScale | null {
  let byKey = scaleCache.get(p);
  if (!byKey) scaleCache.set(p, (byKey = new Map()));
  let scale = byKey.get(u.key);
  if (scale === undefined) {
    scale = markScale(p, u.procedure, u.year, u.grade, u.subject);
    byKey.set(u.key, scale);
  }
  return scale;
}

/** The profile's scale, else the lowest score seen with each mark in the pooled participants. */
export function boundariesOf(
  u: UnitStats,
  pooled: UnitStats | undefined,
  p: Profile,
): { list: Boundary[]; inferred: boolean } {
  const scale = scaleOf(p, u);
  if (scale) {
    return {
      list: [
        { mark: 3, score: scale.min3 },
        { mark: 4, score: scale.min4 },
        { mark: 5, score: scale.min5 },
      ],
      inferred: false,
    };
  }
  const seen = (pooled ?? u).minScoreByMark;
  const list: Boundary[] = [];
  for (const mark of [3, 4, 5] as const) {
    const s = seen.get(mark);
    if (s !== undefined && s > 0 && (list.length === 0 || s > list[list.length - 1].score))
      list.push({ mark, score: s });
  }
  return { list, inferred: true };
}

/**
 * P(X ≥ k) for X ~ Binomial(m, q), with the degenerate q handled as documented above. Summed from k
 * upwards (chance.ts), not 1 − cdf: no cancellation for small P, and no statistics package in the
 * custom functions' bundle (it cost a third of its 100 KB budget).
 */
export function upperTail(k: number, m: number, q: number): number {
  if (k <= 0) return 1;
  if (q <= 0) return 0;
  if (q >= 1) return 1;
  return binomialUpperTail(k, m, q);
}

function describeBoundaries(list: Boundary[]): string {
  return list.map((b) => `«${b.mark}» от ${b.score}`).join(", ");
}

/**
 * The conditional binomial test at one boundary, or null when the reference has nobody at b or
 * b − 1. Apart from signO2 so that the per-school rule stays small: a region's analysis runs it
 * a few hundred times, too few for V8's optimizing compile of the whole rule to pay off.
 */
function boundaryTest(
  scores: ReadonlyMap<number, number>,
  refScores: ReadonlyMap<number, number>,
  b: Boundary,
  n: number,
): Record<string, number> | null {
  const at = scores.get(b.score) ?? 0;
  const below = scores.get(b.score - 1) ?? 0;
  const rAt = refScores.get(b.score) ?? 0;
  const rBelow = refScores.get(b.score - 1) ?? 0;
  if (rAt + rBelow === 0) return null;
  const q = rAt / (rAt + rBelow);
  const m = at + below;
  return {
    boundary: b.score,
    mark: b.mark,
    countAt: at,
    countBelow: below,
    refAt: rAt,
    refBelow: rBelow,
    m,
    q,
    p: upperTail(at, m, q),
    n,
  };
}

/** What O2 needs of a test that is the same for every school writing it: the boundaries and their note. */
export interface O2Boundaries {
  list: Boundary[];
  inferred: boolean;
  note: string;
}

/** The boundaries of `u`'s test (the profile's scale, else those seen in `pooled`) and the note saying which. */
export function o2Boundaries(u: UnitStats, pooled: UnitStats | undefined, p: Profile): O2Boundaries {
  const { list, inferred } = boundariesOf(u, pooled, p);
  const note = inferred
    ? `границы отметок определены по парам «балл — отметка» участников (${describeBoundaries(list)}), шкалы в методике нет`
    : `границы отметок по шкале методики: ${describeBoundaries(list)}`;
  return { list, inferred, note };
}

/**
 * `boundaries`: o2Boundaries(u, pooled, p), when the caller keeps it per test (schoolSigns: every
 * school of a region writes the same test, so the list and its note are made once per test).
 */
export function signO2(
  u: UnitStats,
  pooled: UnitStats | undefined,
  refs: References,
  p: Profile,
  tests = 1,
  boundaries?: O2Boundaries,
): SignResult | null {
  if (!u.scores) return null;
  const base = {
    rule: "O2" as const,
    year: u.year,
    procedure: u.procedure,
    grade: u.grade,
    subject: u.subject,
    n: u.scored,
  };
  const minN = threshold(p, "o2.minN");
  if (u.scored < minN.value) return notEvaluated({ ...base, threshold: [minN] }, "мало участников с первичным баллом");
  const { list, note } = boundaries ?? o2Boundaries(u, pooled, p);
  if (list.length === 0)
    return notEvaluated(base, "неизвестны границы отметок (нет шкалы в методике и пар «балл — отметка»)");
  const ref = refs.scores(u.key);
  if (!ref) return notEvaluated(base, "нет распределения баллов эталона");
  const peakT = threshold(p, "o2.minPeak");
  const ratioT = threshold(p, "o2.ratio");
  const test = testThreshold(p, "O2", tests);
  let best: Record<string, number> | null = null;
  let fired = false;
  for (const b of list) {
    const row = boundaryTest(u.scores, ref.value, b, u.scored);
    if (!row) continue;
    const pValue = row.p;
    const hit = row.countAt >= peakT.value && row.countAt >= ratioT.value * row.countBelow && pValue < test.alpha;
    // Report the fired boundary with the smallest p; else the boundary closest to firing.
    if ((hit && (!fired || pValue < best!.p)) || (!fired && !hit && (!best || pValue < best.p))) best = row;
    fired = fired || hit;
  }
  if (!best) return notEvaluated({ ...base, note }, "у эталона нет участников на пограничных баллах");
  // The usual thresholds are one shared (frozen) array per profile; the correction adds a new one.
  const fixed = fixedThresholds(p, USES);
  const used = recordTestThreshold(best, fixed.used, test);
  // Spelled out rather than spread from `base` (one step for a literal; see signO1).
  return {
    rule: "O2",
    year: u.year,
    procedure: u.procedure,
    grade: u.grade,
    subject: u.subject,
    n: u.scored,
    fired,
    evaluated: true,
    numbers: best,
    threshold: used,
    reference: { kind: ref.kind, value: best.q, n: ref.n, name: ref.name, source: ref.source },
    tags: used === fixed.used ? fixed.tags : tagsOf("OFFICIAL*", used),
    note,
  };
}

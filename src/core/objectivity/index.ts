/**
 * Signs of a school for each year (§3): O1–O6 computed from the school's data and the
 * references, F imported. Not-evaluated results are kept (they say why), so a year "has data"
 * when at least one sign was evaluated. O1 and O2 are decided against a threshold that depends
 * on how many such tests the school has in the year (familywise.ts), so they are decided again
 * once that number is known.
 */
import type { SchoolReport } from "../model";
import type { AnalysisContext } from "../context/context";
import { signF } from "./fioko-marker";
import { signO1 } from "./o1-journal";
import { o2Boundaries, signO2, type O2Boundaries } from "./o2-peaks";
import { signO3 } from "./o3-above";
import { signO4 } from "./o4-inversion";
import { signO5 } from "./o5-gap";
import { olympiadStages } from "../context/olympiads";
import { signO6 } from "./o6-olympiad";
import { testThreshold, recordTestThreshold, type FamilywiseRule } from "./familywise";
import type { UnitStats } from "../context/units";
import { signO7 } from "./o7-recheck";
import { SIGN_IDS, tagsOf, type SignResult } from "./sign";
import { compareText } from "../context/text-order";

export * from "./sign";
export { stableAbsence, type StableAbsence } from "./stable-absence";
export { minThresholdDynamics, type MinThresholdRow } from "./min-threshold";
export { upperTail, boundariesOf } from "./o2-peaks";
export { levelCompletion } from "./o4-inversion";
export { testThreshold, type TestThreshold } from "./familywise";
export { olympiadStages, OLYMPIAD_COLUMNS } from "../context/olympiads";
export { O3_EXCLUDED_TYPES, cohortFollowUps } from "./o3-above";
export { recheckGroups, signO7, type RecheckCounts } from "./o7-recheck";
export { objectivityCoverage, type ObjectivityCoverage } from "./coverage";
export { parseFiokoMarkers, looksLikeFiokoMarkers, fiokoSubject, type FiokoMarkersImport } from "./markers-sheet";

// Same order as String.prototype.localeCompare, which builds a collator on every call. Sorting
// thousands of results compares the same handful of procedure and subject names over and over, so
// each distinct name gets its collation rank once (names equal under collation share a rank).
const RULE_ORDER = new Map(SIGN_IDS.map((id, i) => [id, i]));
const MAX_RANKED = 512;
const known: string[] = [];
const ranks = new Map<string, number>();

function rankOf(text: string): number | undefined {
  const r = ranks.get(text);
  if (r !== undefined || known.length >= MAX_RANKED) return r;
  known.push(text);
  known.sort(compareText);
  let k = 0;
  known.forEach((t, i) => {
    if (i > 0 && compareText(known[i - 1], t) !== 0) k++;
    ranks.set(t, k);
  });
  return ranks.get(text);
}

function compareNames(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  const x = a ?? "";
  const y = b ?? "";
  const ra = rankOf(x);
  const rb = rankOf(y);
  return ra !== undefined && rb !== undefined ? ra - rb : compareText(x, y);
}

function bySignOrder(a: SignResult, b: SignResult): number {
  return (
    RULE_ORDER.get(a.rule)! - RULE_ORDER.get(b.rule)! ||
    compareNames(a.procedure, b.procedure) ||
    (a.grade ?? 0) - (b.grade ?? 0) ||
    compareNames(a.subject, b.subject)
  );
}

// A test's O2 boundaries depend only on the profile and the municipality's pooled participants of
// the test, so one analysis context keeps them per unit key instead of every school making them.
const boundariesByContext = new WeakMap<AnalysisContext, Map<string, O2Boundaries>>();

function boundariesFor(ctx: AnalysisContext, u: UnitStats, pooled: UnitStats | undefined): O2Boundaries | undefined {
  if (!pooled || !u.scores) return undefined;
  let byKey = boundariesByContext.get(ctx);
  if (!byKey) boundariesByContext.set(ctx, (byKey = new Map()));
  let b = byKey.get(u.key);
  if (!b) byKey.set(u.key, (b = o2Boundaries(u, pooled, ctx.p)));
  return b;
}

/** Every sign result of the school, grouped by year, in rule order. */
export function schoolSigns(s: SchoolReport, ctx: AnalysisContext): Map<number, SignResult[]> {
  const out = new Map<number, SignResult[]>();
  const push = (r: SignResult | null) => {
    if (!r) return;
    const list = out.get(r.year);
    if (list) list.push(r);
    else out.set(r.year, [r]);
  };
  const units = ctx.index.bySchool.get(s.passport.login) ?? new Map();
  const tested: Tested[] = [];
  const keep = (r: SignResult | null, u: UnitStats, pooled: UnitStats | undefined) => {
    push(r);
    if (r?.evaluated) tested.push({ r, u, pooled });
  };
  // forEach and index loops rather than for…of: no iterator object per step for every school (a
  // cold run executes this mostly in V8's interpreter).
  units.forEach((u: UnitStats) => {
    const pooled = ctx.index.pooled.get(u.key);
    keep(signO1(u, ctx.refs, ctx.p, pooled), u, pooled);
    keep(signO2(u, pooled, ctx.refs, ctx.p, 1, boundariesFor(ctx, u, pooled)), u, pooled);
    push(signO3(u, s.passport.type, units, ctx.index, ctx.refs, ctx.p));
    push(signO4(u, pooled, ctx.taskSets.get(u.key), ctx.m.name, ctx.p));
    push(signO5(u, units, ctx.p));
  });
  olympiadStages(s.directions.olympiads).forEach((y, year) =>
    push(signO6(year, y, ctx.olympiads.get(year), ctx.m.name, ctx.p)),
  );
  const rechecked = signO7(s.rechecks ?? [], ctx.p);
  for (let i = 0; i < rechecked.length; i++) push(rechecked[i]);
  const markers = ctx.markers.get(s.passport.login);
  if (markers) for (let i = 0; i < markers.length; i++) push(signF(markers[i]));
  // Each unit gives at most one O1 and one O2: with one unit every k is 1 and nothing is decided again.
  if (units.size > 1) decideFamilywise(tested, out, ctx);
  out.forEach((list) => {
    if (!inSignOrder(list)) list.sort(bySignOrder);
  });
  return out;
}

/** Whether a school-year's results are already in order (one test: pushed O1…F), so sorting would not move any. */
function inSignOrder(list: readonly SignResult[]): boolean {
  for (let i = 1; i < list.length; i++) if (bySignOrder(list[i - 1], list[i]) > 0) return false;
  return true;
}

interface Tested {
  r: SignResult;
  u: UnitStats;
  pooled: UnitStats | undefined;
}

/**
 * Decides O1 and O2 again with k = the school's evaluated tests of the sign in the year. A lower
 * threshold can only turn a fired test off, so only fired ones are computed again (which also
 * picks O2's reported boundary anew); the others just record the threshold they were held to.
 */
function decideFamilywise(tested: readonly Tested[], out: Map<number, SignResult[]>, ctx: AnalysisContext): void {
  const count = new Map<string, number>();
  for (const t of tested) count.set(`${t.r.rule}|${t.r.year}`, (count.get(`${t.r.rule}|${t.r.year}`) ?? 0) + 1);
  for (const t of tested) {
    const rule = t.r.rule as FamilywiseRule;
    const k = count.get(`${rule}|${t.r.year}`)!;
    if (k <= 1) continue;
    if (!t.r.fired) {
      t.r.threshold = recordTestThreshold(t.r.numbers, t.r.threshold, testThreshold(ctx.p, rule, k));
      t.r.tags = tagsOf("OFFICIAL*", t.r.threshold);
      continue;
    }
    const again =
      rule === "O1"
        ? signO1(t.u, ctx.refs, ctx.p, t.pooled, k)
        : signO2(t.u, t.pooled, ctx.refs, ctx.p, k, boundariesFor(ctx, t.u, t.pooled));
    const list = out.get(t.r.year)!;
    list[list.indexOf(t.r)] = again!;
  }
}

/** Ids of the signs that fired, without repeats, in rule order. */
export function firedSignIds(signs: readonly SignResult[]): string[] {
  let any = false;
  for (let i = 0; i < signs.length && !any; i++) any = signs[i].fired;
  if (!any) return []; // most school-years: no set and no filter
  const fired = new Set<string>();
  for (const s of signs) if (s.fired) fired.add(s.rule);
  return SIGN_IDS.filter((id) => fired.has(id));
}

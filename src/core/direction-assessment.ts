/**
 * Directions 3–8 assessed, not only counted (issue #20): for each indicator the profile marks as
 * used, its value for every school, cluster and the municipality in a year, the previous year's
 * value and the dynamics, the level by the bands and whether the municipal target is met; per
 * direction the verdict «цель достигнута у 14 из 25 ОО». Pure: the summary tables, the JSON and
 * the findings (direction-findings.ts) read this one structure.
 */
import {
  DIRECTION_NAMES,
  meetsTarget,
  levelOf,
  schoolIndicator,
  targetOf,
  usedIndicators,
  type DirectionIndicator,
  type DirectionNumber,
  type IndicatorValue,
  type Level,
} from "./directions";
import type { SchoolReport } from "./model";
import type { Profile } from "./profile";
import { countRu } from "./values";

/** Why a value has no level: no data, or too small a denominator to judge a share. */
export type Unassessed = "noData" | "smallDenominator";

export interface UnitValue extends IndicatorValue {
  /** The same indicator a year earlier; null when absent. */
  previous: number | null;
  /** value − previous (п.п. for shares); null when either is missing. */
  dynamics: number | null;
  /** Level by the bands, when assessed. */
  level: Level | null;
  /** Target reached; null when not assessed. */
  met: boolean | null;
  unassessed: Unassessed | null;
}

export interface GroupValue extends UnitValue {
  /** Schools of the group assessed on the indicator, and how many of them reached the target. */
  schoolsAssessed: number;
  schoolsMet: number;
}

export interface IndicatorAssessment {
  indicator: DirectionIndicator;
  target: number;
  bands: readonly number[];
  municipality: GroupValue;
  /** Cluster label → pooled value of its schools, in order of first appearance. */
  clusters: Map<string, GroupValue>;
  /** Login → the school's value. */
  schools: Map<string, UnitValue>;
}

export interface DirectionAssessment {
  direction: DirectionNumber;
  name: string;
  year: number;
  indicators: IndicatorAssessment[];
  /** Schools assessed on at least one indicator of the direction, and those meeting every target they are assessed on. */
  schoolsAssessed: number;
  schoolsMet: number;
  /** «Цель достигнута у 14 из 25 ОО»; or why nothing could be assessed. */
  verdict: string;
}

export interface AssessOptions {
  year: number;
  /** Login → cluster label; schools without one form no cluster row. */
  clusterOf?: ReadonlyMap<string, string>;
}

const DIRECTIONS: readonly DirectionNumber[] = [3, 4, 5, 6, 7, 8];
const OO: readonly [string, string, string] = ["ОО", "ОО", "ОО"];

/** The latest year any school reported a direction sheet row in; null when none did. */
export function latestDirectionYear(schools: readonly SchoolReport[]): number | null {
  let year: number | null = null;
  for (const s of schools)
    for (const rows of Object.values(s.directions))
      for (const r of rows ?? []) if (year === null || r.year > year) year = r.year;
  return year;
}

function unit(
  ind: DirectionIndicator,
  now: IndicatorValue,
  before: IndicatorValue,
  profile: Profile,
  minDen: number | null,
): UnitValue {
  const dynamics = now.value !== null && before.value !== null ? now.value - before.value : null;
  let unassessed: Unassessed | null = null;
  if (now.value === null) unassessed = "noData";
  else if (minDen !== null && ind.kind === "percent" && (now.denominator ?? 0) < minDen)
    unassessed = "smallDenominator";
  const assessed = unassessed === null && now.value !== null;
  return {
    ...now,
    previous: before.value,
    dynamics,
    level: assessed ? levelOf(ind, now.value as number, profile) : null,
    met: assessed ? meetsTarget(ind, now.value as number, profile) : null,
    unassessed,
  };
}

/** Pools numerators and denominators (a count pools into a total, which has no per-school target). */
function pooled(ind: DirectionIndicator, values: readonly IndicatorValue[]): IndicatorValue {
  let num = 0;
  let den = 0;
  let any = false;
  for (const v of values) {
    if (v.numerator === null || (ind.kind !== "count" && !(v.denominator !== null && v.denominator > 0))) continue;
    num += v.numerator;
    den += v.denominator ?? 0;
    any = true;
  }
  if (!any) return { numerator: null, denominator: null, value: null, band: null };
  if (ind.kind === "count") return { numerator: num, denominator: null, value: num, band: null };
  return {
    numerator: num,
    denominator: den,
    value: ind.kind === "percent" ? (num * 100) / den : num / den,
    band: null,
  };
}

function group(
  ind: DirectionIndicator,
  members: readonly SchoolReport[],
  now: Map<string, IndicatorValue>,
  before: Map<string, IndicatorValue>,
  units: Map<string, UnitValue>,
  profile: Profile,
): GroupValue {
  const logins = members.map((s) => s.passport.login);
  const cur = pooled(
    ind,
    logins.map((l) => now.get(l) as IndicatorValue),
  );
  const prev = pooled(
    ind,
    logins.map((l) => before.get(l) as IndicatorValue),
  );
  // A municipal total of a count (vacancies of all schools) is not comparable to a school's target.
  const value =
    ind.kind === "count"
      ? { ...unit(ind, cur, prev, profile, null), level: null, met: null }
      : unit(ind, cur, prev, profile, null);
  let schoolsAssessed = 0;
  let schoolsMet = 0;
  for (const l of logins) {
    const u = units.get(l);
    if (u?.met === null || u?.met === undefined) continue;
    schoolsAssessed++;
    if (u.met) schoolsMet++;
  }
  return { ...value, band: value.level, schoolsAssessed, schoolsMet };
}

function assessIndicator(
  ind: DirectionIndicator,
  schools: readonly SchoolReport[],
  clusters: Map<string, SchoolReport[]>,
  year: number,
  profile: Profile,
): IndicatorAssessment {
  const minDen = profile.values["dir.minDenominator"];
  const now = new Map<string, IndicatorValue>();
  const before = new Map<string, IndicatorValue>();
  const units = new Map<string, UnitValue>();
  for (const s of schools) {
    const login = s.passport.login;
    const a = schoolIndicator(s, year, ind, profile);
    const b = schoolIndicator(s, year - 1, ind, profile);
    now.set(login, a);
    before.set(login, b);
    const u = unit(ind, a, b, profile, minDen);
    units.set(login, { ...u, band: u.level });
  }
  const byCluster = new Map<string, GroupValue>();
  for (const [label, members] of clusters) byCluster.set(label, group(ind, members, now, before, units, profile));
  const { target, bands } = targetOf(ind, profile);
  return {
    indicator: ind,
    target,
    bands,
    municipality: group(ind, schools, now, before, units, profile),
    clusters: byCluster,
    schools: units,
  };
}

/** «Цель достигнута у 14 из 25 ОО». */
export function verdictText(met: number, assessed: number): string {
  if (assessed === 0) return "Оценить достижение целей нельзя: нет данных ОО по выбранным показателям.";
  return `Цель достигнута у ${met} из ${countRu(assessed, OO)}`;
}

/**
 * Every used indicator of directions 3–8 in `year`, grouped by direction (directions without a
 * used indicator are left out). A school meets a direction's goal when it reaches the target of
 * every indicator it is assessed on.
 */
export function assessDirections(
  schools: readonly SchoolReport[],
  profile: Profile,
  opts: AssessOptions,
): DirectionAssessment[] {
  const clusters = new Map<string, SchoolReport[]>();
  for (const s of schools) {
    const label = opts.clusterOf?.get(s.passport.login);
    if (!label) continue;
    const list = clusters.get(label);
    if (list) list.push(s);
    else clusters.set(label, [s]);
  }
  const used = usedIndicators(profile);
  const out: DirectionAssessment[] = [];
  for (const d of DIRECTIONS) {
    const inds = used.filter((i) => i.direction === d);
    if (!inds.length) continue;
    const indicators = inds.map((i) => assessIndicator(i, schools, clusters, opts.year, profile));
    let assessed = 0;
    let met = 0;
    for (const s of schools) {
      const marks = indicators.map((a) => a.schools.get(s.passport.login)?.met ?? null).filter((m) => m !== null);
      if (!marks.length) continue;
      assessed++;
      if (marks.every(Boolean)) met++;
    }
    out.push({
      direction: d,
      name: DIRECTION_NAMES[d],
      year: opts.year,
      indicators,
      schoolsAssessed: assessed,
      schoolsMet: met,
      verdict: verdictText(met, assessed),
    });
  }
  return out;
}

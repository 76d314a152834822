/**
 * Indicators of directions 3–8 (methodology §7): each is a share with a clear denominator (or a
 * count, or a mean score), built from the counts the form collects (sheet column ids of
 * src/form/schema) and the contingent of the passport. One table of definitions serves the
 * summary, the school report and the JSON; targets, bands and the choice of indicators are
 * profile parameters under the same ids (src/core/profile/direction-targets.ts).
 */
import type { DirectionRow, DirectionSheetId, SchoolReport } from "./model";
import { preschoolCounts } from "./preschool";
import type { Profile } from "./profile";
import {
  DIRECTION_TARGETS,
  type Better,
  type DirectionIndicatorId,
  type DirectionTargetDef,
  type DirectionUnit,
} from "./profile/direction-targets";

export type { DirectionIndicatorId } from "./profile/direction-targets";
export type DirectionNumber = 3 | 4 | 5 | 6 | 7 | 8;

export const DIRECTION_NAMES: Record<DirectionNumber, string> = {
  3: "Выявление, поддержка и развитие способностей и талантов",
  4: "Самоопределение и профессиональная ориентация",
  5: "Эффективность руководителей ОО",
  6: "Профессиональное развитие педагогических работников",
  7: "Организация воспитания обучающихся",
  8: "Качество дошкольного образования",
};

/**
 * Where a count comes from: a column of a direction sheet (summed over its rows of the year,
 * optionally only rows with a label; `rows: true` counts the rows that have a value instead),
 * or the contingent of grades from–to.
 */
export type Source =
  | { sheet: DirectionSheetId; column: string; label?: string; rows?: true }
  | { contingent: { from: number; to: number } }
  // Direction 8 counts groups per МКДО area (core/preschool.ts): summing area rows would count a group 9 times.
  | { preschool: "basicAllAreas" | "assessedGroups" };

export type IndicatorKind = "percent" | "count" | "mean";

export interface DirectionIndicator {
  id: DirectionIndicatorId;
  direction: DirectionNumber;
  /** Name without the unit («Доля молодых педагогов с наставником»). */
  name: string;
  /** Name with the unit, for column headers and lists («…, %»). */
  label: string;
  unit: DirectionUnit;
  better: Better;
  /** One source, or several summed (e.g. first + highest category). */
  numerator: Source | readonly Source[];
  /** Absent for plain counts. */
  denominator?: Source;
  /** percent: numerator / denominator · 100; count: numerator as is; mean: numerator / denominator. */
  kind: IndicatorKind;
  /**
   * A formula the sources cannot express (e.g. per-area preschool shares): replaces numerator and
   * denominator; null when the school gave no such data. Keeps the catalogue entry replaceable.
   */
  compute?: (report: SchoolReport, year: number) => { numerator: number | null; denominator: number | null };
  /** Human-readable formula for the docs, when `compute` is used. */
  formulaText?: string;
}

const S = (sheet: DirectionSheetId, column: string, label?: string): Source => ({
  sheet,
  column,
  ...(label ? { label } : {}),
});
const ROWS = (sheet: DirectionSheetId, column: string): Source => ({ sheet, column, rows: true });
const PUPILS = (from: number, to: number): Source => ({ contingent: { from, to } });

type Formula = Pick<DirectionIndicator, "kind" | "numerator" | "denominator" | "compute" | "formulaText">;

/** The formula of every indicator of direction-targets.ts, by id. */
const FORMULAS: Record<DirectionIndicatorId, Formula> = {
  olySchoolShare: {
    kind: "percent",
    numerator: S("olympiads", "participantsUnique", "школьный"),
    denominator: PUPILS(4, 11),
  },
  olyMunicipalAwardShare: {
    kind: "percent",
    numerator: S("olympiads", "awardeesUnique", "муниципальный"),
    denominator: S("olympiads", "participantsUnique", "муниципальный"),
  },
  olyMunicipalAwardees: { kind: "count", numerator: S("olympiads", "awardeesUnique", "муниципальный") },
  olyRegionalAwardees: { kind: "count", numerator: S("olympiads", "awardeesUnique", "региональный") },
  olySchoolAwardShare: {
    kind: "percent",
    numerator: S("olympiads", "awardeesUnique", "школьный"),
    denominator: S("olympiads", "participantsUnique", "школьный"),
  },
  addEducationShare: { kind: "percent", numerator: S("upbringing", "addEducation"), denominator: PUPILS(1, 11) },
  grad9ContinueShare: {
    kind: "percent",
    numerator: [S("careers", "grad9To10"), S("careers", "grad9ToSpo")],
    denominator: S("careers", "grad9"),
  },
  grad9To10Share: { kind: "percent", numerator: S("careers", "grad9To10"), denominator: S("careers", "grad9") },
  grad9ToSpoShare: { kind: "percent", numerator: S("careers", "grad9ToSpo"), denominator: S("careers", "grad9") },
  grad11ToVuzShare: { kind: "percent", numerator: S("careers", "grad11ToVuz"), denominator: S("careers", "grad11") },
  grad11VuzProfileShare: {
    kind: "percent",
    numerator: S("careers", "grad11VuzProfile"),
    denominator: S("careers", "grad11ToVuz"),
  },
  grad11ToSpoShare: { kind: "percent", numerator: S("careers", "grad11ToSpo"), denominator: S("careers", "grad11") },
  grad11UndeterminedShare: {
    kind: "percent",
    numerator: S("careers", "grad11Undetermined"),
    denominator: S("careers", "grad11"),
  },
  futureTicketShare: { kind: "percent", numerator: S("careers", "futureTicket"), denominator: PUPILS(6, 11) },
  profMinimumShare: { kind: "percent", numerator: S("careers", "profMinimum"), denominator: PUPILS(6, 11) },
  headScore: { kind: "percent", numerator: S("head", "points"), denominator: S("head", "maxPoints") },
  categoryShare: {
    kind: "percent",
    numerator: [S("staff", "catHighest"), S("staff", "catFirst")],
    denominator: S("staff", "teachers"),
  },
  trainedShare: { kind: "percent", numerator: S("staff", "trained3y"), denominator: S("staff", "teachers") },
  diagnosticsShare: {
    kind: "percent",
    numerator: S("staff", "deficitDiagnostics"),
    denominator: S("staff", "teachers"),
  },
  routeShare: { kind: "percent", numerator: S("staff", "individualRoute"), denominator: S("staff", "teachers") },
  mentoredShare: { kind: "percent", numerator: S("staff", "youngMentored"), denominator: S("staff", "young") },
  vacancies: { kind: "count", numerator: S("staff", "vacancies") },
  clubsShare: { kind: "percent", numerator: S("upbringing", "clubs"), denominator: PUPILS(1, 11) },
  movementFirstShare: { kind: "percent", numerator: S("upbringing", "movementFirst"), denominator: PUPILS(1, 11) },
  volunteersShare: { kind: "percent", numerator: S("upbringing", "volunteers"), denominator: PUPILS(1, 11) },
  preventionShare: {
    kind: "percent",
    numerator: S("upbringing", "preventionRegister"),
    denominator: PUPILS(1, 11),
  },
  preventionRegister: { kind: "count", numerator: S("upbringing", "preventionRegister") },
  offences: { kind: "count", numerator: S("upbringing", "offences") },
  summerRestShare: { kind: "percent", numerator: S("upbringing", "summerRest"), denominator: PUPILS(1, 11) },
  // Groups per МКДО area (core/preschool.ts): a group is counted once, not once per area.
  mkdoBasicShare: {
    kind: "percent",
    numerator: { preschool: "basicAllAreas" },
    denominator: { preschool: "assessedGroups" },
  },
  mkdoScore: { kind: "mean", numerator: S("preschool", "mkdoScore"), denominator: ROWS("preschool", "mkdoScore") },
};

function indicatorOf(def: DirectionTargetDef): DirectionIndicator {
  return {
    id: def.id as DirectionIndicatorId,
    direction: def.direction,
    name: def.name,
    label: `${def.name}, ${def.unit}`,
    unit: def.unit,
    better: def.better,
    ...FORMULAS[def.id as DirectionIndicatorId],
  };
}

/** Every indicator of the catalogue, in catalogue order (direction by direction). */
export const DIRECTION_INDICATORS: readonly DirectionIndicator[] = (
  DIRECTION_TARGETS as readonly DirectionTargetDef[]
).map(indicatorOf);

/** The indicators the profile marks «показывать и оценивать». */
export function usedIndicators(profile: Profile): DirectionIndicator[] {
  return DIRECTION_INDICATORS.filter((i) => profile.values[`dir.${i.id}.use`]);
}

export type Level = "хороший" | "средний" | "низкий";

/** The indicator's target and bands from the profile. */
export function targetOf(ind: DirectionIndicator, profile: Profile): { target: number; bands: readonly number[] } {
  const id = ind.id;
  const bands: readonly number[] =
    id === "categoryShare" ? profile.values["staff.categoryBands"] : profile.values[`dir.${id}.bands` as const];
  return { target: profile.values[`dir.${ind.id}.target`], bands };
}

/** Comparisons tolerate float noise: 7 of 14 is 50 % even when computed as 49,999…. */
const EPS = 1e-9;

/** Level by the bands: higher is better → [средний от, хороший от]; lower → [хороший до, средний до]. */
export function levelOf(ind: DirectionIndicator, value: number, profile: Profile): Level {
  const [a, b] = targetOf(ind, profile).bands;
  if (ind.better === "higher") return value >= b - EPS ? "хороший" : value >= a - EPS ? "средний" : "низкий";
  return value <= a + EPS ? "хороший" : value <= b + EPS ? "средний" : "низкий";
}

/** Whether a value reaches the target (a floor for higher-is-better, a ceiling otherwise). */
export function meetsTarget(ind: DirectionIndicator, value: number, profile: Profile): boolean {
  const { target } = targetOf(ind, profile);
  return ind.better === "higher" ? value >= target - EPS : value <= target + EPS;
}

/** Sum of a source for a school in a year; null when the school gave no such data. */
export function sourceValue(report: SchoolReport, year: number, source: Source, profile?: Profile): number | null {
  if ("preschool" in source) {
    const counts = profile ? preschoolCounts(report, year, profile) : null;
    return counts ? counts[source.preschool] : null;
  }
  if ("contingent" in source) {
    let sum = 0;
    let found = false;
    for (const c of report.passport.contingent) {
      if (c.year === year && c.grade >= source.contingent.from && c.grade <= source.contingent.to) {
        sum += c.pupils;
        found = true;
      }
    }
    return found ? sum : null;
  }
  const rows: DirectionRow[] = report.directions[source.sheet] ?? [];
  let sum = 0;
  let found = false;
  for (const r of rows) {
    if (r.year !== year) continue;
    if (source.label !== undefined && (r.label ?? "").trim().toLowerCase() !== source.label) continue;
    const v = r.values[source.column];
    if (v === null || v === undefined) continue;
    sum += source.rows ? 1 : v;
    found = true;
  }
  return found ? sum : null;
}

export interface IndicatorValue {
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  /** «хороший» / «средний» / «низкий» by the indicator's bands; null without a value. */
  band: Level | null;
}

/** The level by the indicator's bands; null without a value. */
export function bandOf(indicator: DirectionIndicator, value: number | null, profile: Profile): Level | null {
  return value === null ? null : levelOf(indicator, value, profile);
}

/** Sum of one or several sources; null when none of them has data. */
function sumOf(
  report: SchoolReport,
  year: number,
  sources: Source | readonly Source[],
  profile: Profile,
): number | null {
  const list: readonly Source[] = Array.isArray(sources) ? sources : [sources as Source];
  let sum: number | null = null;
  for (const src of list) {
    const v = sourceValue(report, year, src, profile);
    if (v !== null) sum = (sum ?? 0) + v;
  }
  return sum;
}

export function indicatorValue(
  ind: DirectionIndicator,
  numerator: number | null,
  denominator: number | null,
  profile: Profile,
): IndicatorValue {
  let value: number | null = null;
  if (ind.kind === "count") value = numerator;
  else if (numerator !== null && denominator !== null && denominator > 0)
    value = ind.kind === "percent" ? (numerator * 100) / denominator : numerator / denominator;
  return { numerator, denominator, value, band: bandOf(ind, value, profile) };
}

/** One school's indicator in a year. */
export function schoolIndicator(
  report: SchoolReport,
  year: number,
  ind: DirectionIndicator,
  profile: Profile,
): IndicatorValue {
  if (ind.compute) {
    const c = ind.compute(report, year);
    return indicatorValue(ind, c.numerator, c.denominator, profile);
  }
  const num = sumOf(report, year, ind.numerator, profile);
  const den = ind.denominator ? sourceValue(report, year, ind.denominator, profile) : null;
  return indicatorValue(ind, num, den, profile);
}

/** The municipality's indicator: Σ numerators / Σ denominators over schools that gave both. */
export function municipalIndicator(
  reports: readonly SchoolReport[],
  year: number,
  ind: DirectionIndicator,
  profile: Profile,
): IndicatorValue {
  let num = 0;
  let den = 0;
  let any = false;
  for (const r of reports) {
    const v = schoolIndicator(r, year, ind, profile);
    if (v.numerator === null || (ind.kind !== "count" && (v.denominator === null || v.denominator === 0))) continue;
    num += v.numerator;
    den += v.denominator ?? 0;
    any = true;
  }
  return indicatorValue(ind, any ? num : null, any && ind.kind !== "count" ? den : null, profile);
}

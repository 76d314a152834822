/**
 * The sample municipality: `generateSchools` yields one school report at a time (bounded memory
 * for benchmarks with hundreds of schools), `generateMunicipality` collects them with the
 * manifest of injected situations. Same seed → identical output; each school's data depends only
 * on the seed and its place in the roster, not on how many schools are generated.
 */
import type { Municipality, SchoolReport } from "../core/model";
import { municipalCycle, schoolCycle, withTargets } from "./cycle";
import { directionRows, preschoolGroupsOf } from "./directions";
import { internalRows } from "./internal";
import { kindergartenReport } from "./kindergarten";
import { literacyRows, markOvz } from "./literacy";
import { makePlan } from "./plan";
import { Rng } from "./random";
import { schoolResults, TaskSetCache } from "./results";
import { MUNICIPALITY_NAME, rosterEntry } from "./roster";
import { separateFromReference } from "./separate";
import { boundaryRechecks } from "./recheck";
import { situationFits, situationOf, situationPlace, type InjectedSituation } from "./situations";
import { DEFAULT_PROFILE } from "../core/profile";

/** П.п. by which an ordinary school's task completion stays clear of the O4 crossing. */
export const SEPARATION_MARGIN = 0.5;

export interface SampleOptions {
  seed?: number;
  /** Schools before scaling (the base roster has 25 archetypes). */
  schools?: number;
  years?: readonly number[];
  /** Multiplies the number of schools (benchmarks: 4 → 100, 20 → 500). */
  scale?: number;
  /**
   * Inject the situations of the roster (default true). Without them every school is ordinary:
   * no roles, and the archetype of the stably low school gets an ordinary weak level.
   */
  situations?: boolean;
  /**
   * Draw participants at random (default false: quotas). The demo allots scores by quota so its
   * numbers are smooth and documented; the quality report (npm run quality) needs the chance
   * variation of real classes, because false alarms come from it.
   */
  sampling?: boolean;
  /** Kindergartens (type «детский сад», «Группы МКДО») added after the schools; default 0. */
  kindergartens?: number;
}

/** Level of the stably-low archetype when situations are off: weak, as a real village school can be, not injected. */
export const CLEAN_LOW_THETA = -0.9;

export const DEFAULT_SEED = 2026;
export const DEFAULT_YEARS: readonly number[] = [2024, 2025, 2026];

export interface GeneratedSchool {
  report: SchoolReport;
  situation: InjectedSituation | null;
}

interface Normalised {
  seed: number;
  count: number;
  years: number[];
  situations: boolean;
  sampling: boolean;
}

function normalise(opts: SampleOptions): Normalised {
  const seed = Math.trunc(opts.seed ?? DEFAULT_SEED);
  const schools = Math.max(1, Math.trunc(opts.schools ?? 25));
  const count = Math.max(1, Math.round(schools * (opts.scale ?? 1)));
  const years = [...(opts.years ?? DEFAULT_YEARS)].sort((a, b) => a - b);
  if (years.length === 0) throw new Error("Нужен хотя бы один год выборки.");
  return { seed, count, years, situations: opts.situations ?? true, sampling: opts.sampling ?? false };
}

function buildSchool(index: number, o: Normalised, cache: TaskSetCache): GeneratedSchool {
  const { seed, years } = o;
  const base = rosterEntry(index);
  const clean =
    !o.situations && base.role
      ? { ...base, role: undefined, theta: base.role === "stablyLow" ? CLEAN_LOW_THETA : base.theta }
      : base;
  const entry = clean.role && !situationFits(clean.role, years) ? { ...clean, role: undefined } : clean;
  const plan = makePlan(entry, seed, years, o.sampling);
  const { results, participants, tasks } = schoolResults(plan, cache);
  const report: SchoolReport = {
    passport: {
      login: entry.login,
      name: entry.name,
      shortName: entry.shortName,
      type: entry.type,
      location: entry.location,
      municipality: MUNICIPALITY_NAME,
      contingent: plan.contingent,
      socialIndex: entry.socialIndex,
    },
    results,
    participants,
    tasks,
    directions: directionRows(plan),
    cycle: withTargets(schoolCycle(plan), results),
    findings: [],
  };
  const preschoolRows = report.directions.preschool ?? [];
  if (preschoolRows.length > 0)
    report.preschoolGroups = preschoolGroupsOf(preschoolRows, Rng.derive(seed, `preschoolGroups|${entry.streamKey}`));
  markOvz(participants, seed, entry.streamKey);
  const literacy = literacyRows(plan);
  if (literacy.length) report.literacy = literacy;
  if (entry.role === "inflatedJournal") {
    // The demo school with quarter marks: its school report shows the internal–external comparison.
    const last = years[years.length - 1];
    report.internal = internalRows(
      results,
      last,
      (grade) => plan.classes(last, grade),
      Rng.derive(seed, `internal|${entry.streamKey}`),
    );
  }
  if (entry.role === "boundaryPeak") {
    // The МОУО commission re-checked the works of the boundary peak (sign O7 next to O2).
    const rechecks = boundaryRechecks(participants, situationPlace("boundaryPeak", years));
    if (rechecks.length) report.rechecks = rechecks;
  }
  return { report, situation: situationOf(entry, years) };
}

/** How many schools the options generate: schools × scale, at least 1. */
export function schoolCount(opts: SampleOptions = {}): number {
  return normalise(opts).count;
}

/** Generates the schools one by one (an iterator: only the current school is held in memory). */
export function* generateSchools(opts: SampleOptions = {}): Generator<GeneratedSchool> {
  const o = normalise(opts);
  const cache = new TaskSetCache(o.seed);
  for (let i = 0; i < o.count; i++) yield buildSchool(i, o, cache);
}

/** The i-th school of the roster (0-based) alone, as `generateSchools` would yield it. */
export function generateSchool(index: number, opts: Omit<SampleOptions, "schools" | "scale"> = {}): GeneratedSchool {
  const o = normalise(opts);
  return buildSchool(Math.max(0, Math.trunc(index)), o, new TaskSetCache(o.seed));
}

export function generateMunicipality(opts: SampleOptions = {}): {
  municipality: Municipality;
  situations: InjectedSituation[];
} {
  const { seed, years, sampling } = normalise(opts);
  const schools: SchoolReport[] = [];
  const situations: InjectedSituation[] = [];
  for (const s of generateSchools(opts)) {
    schools.push(s.report);
    if (s.situation) situations.push(s.situation);
  }
  // Ordinary schools must not cross §3 O4 by rounding: nudge them clear of the pooled reference.
  // Sampled municipalities are left as drawn: their chance crossings are what the quality report measures.
  const inversion = situations.filter((s) => s.kind === "difficultyInversion");
  if (!sampling)
    separateFromReference(schools, DEFAULT_PROFILE.values["objectivity.minN"], SEPARATION_MARGIN, (login, unit) =>
      inversion.some((s) => s.login === login && unit === `${s.procedure}|${s.year}|${s.grade}|${s.subject}`),
    );
  for (let i = 0; i < Math.max(0, Math.trunc(opts.kindergartens ?? 0)); i++)
    schools.push(kindergartenReport(i, seed, years));
  return {
    municipality: {
      name: MUNICIPALITY_NAME,
      schools,
      references: [],
      fiokoMarkers: [],
      riskProfiles: [],
      municipalCycle: withTargets(
        municipalCycle(seed, years),
        schools.flatMap((s) => s.results),
      ),
    },
    situations,
  };
}

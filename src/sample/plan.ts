/**
 * A school's plan: its grades, contingent by year and grade (cohorts move up a grade a year),
 * and the ability level of every test it writes, including the deviations its situation injects.
 * Everything else (results, directions, cycle) is derived from the plan.
 */
import type { Contingent, Procedure, SchoolType } from "../core/model";
import { Rng } from "./random";
import type { RosterEntry } from "./roster";
import { situationPlace } from "./situations";

export interface SchoolPlan {
  school: RosterEntry;
  seed: number;
  years: readonly number[];
  grades: readonly number[];
  contingent: Contingent[];
  /** Pupils of a grade in a year (0 when the school has no such grade). */
  pupils(year: number, grade: number): number;
  /** Classes (letters) of a parallel. */
  classes(year: number, grade: number): number;
  /** Ability level of one test. */
  theta(year: number, procedure: Procedure, grade: number, subject: string): number;
  /** Participants' scores and journal marks are drawn at random instead of allotted by quota. */
  sampling: boolean;
}

export function gradesOf(type: SchoolType): number[] {
  const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
  switch (type) {
    case "НОШ":
      return range(1, 4);
    case "ООШ":
    case "коррекционная":
      return range(1, 9);
    case "вечерняя":
      return range(9, 11);
    default:
      return range(1, 11);
  }
}

/** Subject offsets on the ability scale: the same for every school, so references shift alike. */
const SUBJECT_OFFSET: Readonly<Record<string, number>> = {
  "Окружающий мир": 0.25,
  История: 0.05,
  Математика: -0.05,
  География: -0.05,
  Литература: 0.1,
};

/**
 * Ability levels of the injected deviations, chosen so each crosses its rule with margin while
 * leaving the neighbouring rules alone (quality ≈ Φ(0.6·θ); the municipal reference sits near
 * θ ≈ 0.15): 2.0 → quality ≈ 88 %, well over reference + 25 п.п. (O3); ВПР 0.8 (≈ 68 %, under
 * reference + 25) against the cohort's ОГЭ −0.8 (≈ 32 %) opens a gap over 30 п.п. (O5) without O3;
 * −2.2 gives about 40 % of «2» (R1) and −1.2 before it stays under 30 %; a weak cohort at −1.3
 * raises the share of «2» of its grade by more than 10 п.п. against the previous cohort (R3).
 */
const SITUATION_THETA = {
  unconfirmedHigh: 2.0,
  externalGapVpr: 0.8,
  externalGapOge: -0.8,
  lowTwoYears: -2.2,
  lowBefore: -1.2,
  weakCohort: -1.45,
} as const;

/**
 * Spread of a school's level between municipalities (seeds) and between its years when the
 * sample is drawn at random: enough that the clusters' order and the year-to-year results move as
 * in real data, small enough that an archetype stays what it is (a gymnasium stays strong).
 */
export const SAMPLED_SCHOOL_SPREAD = 0.25;
export const SAMPLED_YEAR_SPREAD = 0.1;

/**
 * Sampled municipalities only: chance moves every result by several п.п., so a situation designed
 * to cross its rule "with margin" on quotas may not be in the drawn data at all. There the
 * situations are made as clear as a real case would be: the stably high school stands above its
 * cluster's drawn levels, the cohort behind an unconfirmed high result writes its later tests
 * below the municipal level, and the external-gap cohort's ОГЭ is weaker. The quota demo keeps
 * its documented levels.
 */
export const SAMPLED_SITUATION = {
  stablyHighLift: 0.5,
  unconfirmedLater: -0.4,
  externalGapOge: -1.3,
} as const;

export function makePlan(school: RosterEntry, seed: number, years: readonly number[], sampling = false): SchoolPlan {
  const grades = gradesOf(school.type);
  const first = years[0];
  // One size per cohort (the year it was in grade 1): pupils stay together as they move up.
  const cohortSize = new Map<number, number>();
  const sizeOfCohort = (cohort: number) => {
    let s = cohortSize.get(cohort);
    if (s === undefined) {
      const r = Rng.derive(seed, `cohort|${school.streamKey}|${cohort}`);
      s = school.classes * r.int(school.size[0], school.size[1]);
      cohortSize.set(cohort, s);
    }
    return s;
  };
  const meanClass = (school.size[0] + school.size[1]) / 2;
  const contingent: Contingent[] = [];
  const table = new Map<string, number>();
  for (const year of years) {
    for (const grade of grades) {
      let pupils = sizeOfCohort(year - grade) + ((year - first + grade) % 3) - 1;
      // After grade 9 about half the pupils leave for colleges; evening schools take adults in.
      if (grade >= 10 && school.type !== "вечерняя") pupils = Math.max(5, Math.round(pupils * 0.55));
      pupils = Math.max(3, pupils);
      contingent.push({ year, grade, pupils });
      table.set(`${year}|${grade}`, pupils);
    }
  }
  const subjectJitter = new Map<string, number>();
  const jitterOf = (key: string, spread: number) => {
    let j = subjectJitter.get(key);
    if (j === undefined) {
      j = Rng.derive(seed, `jitter|${school.streamKey}|${key}`).uniform(-spread, spread);
      subjectJitter.set(key, j);
    }
    return j;
  };
  const prev = years.length > 1 ? years[years.length - 2] : years[0];
  const role = school.role;
  // Sampled municipalities: the school's own level differs by seed and drifts a little by year.
  // A school carrying a situation keeps its designed level, so the situation is there as injected.
  const schoolShift =
    sampling && !role
      ? Rng.derive(seed, `level|${school.streamKey}`).uniform(-SAMPLED_SCHOOL_SPREAD, SAMPLED_SCHOOL_SPREAD)
      : 0;
  const yearShift = (year: number) => (sampling ? jitterOf(`year-level|${year}`, SAMPLED_YEAR_SPREAD) : 0);
  const place = role ? situationPlace(role, years) : null;

  const theta = (year: number, procedure: Procedure, grade: number, subject: string): number => {
    if (place) {
      const here = place.procedure === procedure && place.grade === grade && place.subject === subject;
      switch (role) {
        case "unconfirmedHigh":
          if (here && year === place.year) return SITUATION_THETA.unconfirmedHigh;
          // The same cohort's later results (next-year ВПР, ОГЭ) in the same subject.
          if (
            sampling &&
            subject === place.subject &&
            year > place.year &&
            year - grade === place.year - (place.grade ?? 0)
          )
            return SAMPLED_SITUATION.unconfirmedLater;
          break;
        case "externalGap":
          if (here && year === place.year) return SITUATION_THETA.externalGapVpr;
          if (procedure === "ОГЭ" && subject === place.subject && year === place.year + 9 - (place.grade ?? 8))
            return sampling ? SAMPLED_SITUATION.externalGapOge : SITUATION_THETA.externalGapOge;
          break;
        case "lowTwoYears":
          return year >= prev ? SITUATION_THETA.lowTwoYears : SITUATION_THETA.lowBefore;
        case "negativeDynamics":
          // A weak cohort: the parallel of the situation's grade in its year, in every year it writes ВПР.
          if (procedure === "ВПР" && year - grade === place.year - (place.grade ?? 0))
            return SITUATION_THETA.weakCohort;
          break;
        default:
          break;
      }
    }
    return (
      school.theta +
      (sampling && role === "stablyHigh" ? SAMPLED_SITUATION.stablyHighLift : 0) +
      schoolShift +
      yearShift(year) +
      (SUBJECT_OFFSET[subject] ?? 0) +
      jitterOf(`${procedure}|${grade}|${subject}`, 0.08) +
      jitterOf(`${year}|${procedure}|${grade}|${subject}`, 0.04)
    );
  };
  return {
    school,
    seed,
    years,
    grades,
    contingent,
    pupils: (year, grade) => table.get(`${year}|${grade}`) ?? 0,
    classes: (year, grade) => Math.max(1, Math.round((table.get(`${year}|${grade}`) ?? 0) / meanClass)),
    theta,
    sampling,
  };
}

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
  "История": 0.05,
  "Математика": -0.05,
  "География": -0.05,
  "Литература": 0.1,
};

export function makePlan(school: RosterEntry, seed: number, years: readonly number[]): SchoolPlan {
  const grades = gradesOf(school.type);
  const first = years[0];
  // One size per cohort (the year it was in grade 1): pupils stay together as they move up.
  const cohortSize = new Map<number, number>();
  const sizeOfCohort = (cohort: number) => {
    let s = cohortSize.get(cohort);
    if (s === undefined) {
      const r = Rng.derive(seed, `cohort|${school.login}|${cohort}`);
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
      j = Rng.derive(seed, `jitter|${school.login}|${key}`).uniform(-spread, spread);
      subjectJitter.set(key, j);
    }
    return j;
  };
  const prev = years.length > 1 ? years[years.length - 2] : years[0];
  const role = school.role;
  const weakCohort = years[0] - 4; // the negative-dynamics school: the cohort in grade 4 in the first year

  const theta = (year: number, procedure: Procedure, grade: number, subject: string): number => {
    if (role && role !== "stablyHigh" && role !== "stablyLow") {
      const place = situationPlace(role, years);
      const here = place.procedure === procedure && place.grade === grade && place.subject === subject;
      if (role === "unconfirmedHigh" && here && year === place.year) return 2.0;
      if (role === "externalGap" && here && year === place.year) return 0.8;
      if (role === "externalGap" && procedure === "ОГЭ" && subject === "Русский язык" && year === place.year + 1) return -0.8;
      if (role === "lowTwoYears") return year >= prev ? -2.2 : -1.2;
      if (role === "negativeDynamics" && procedure === "ВПР" && year - grade === weakCohort) return -1.3;
    }
    return (
      school.theta +
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
  };
}

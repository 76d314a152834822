/**
 * Count rows of the direction sheets 3–8 (olympiads, careers, staff, head's scorecard,
 * upbringing, preschool), keyed by the form schema's column ids (src/form/schema/sheets.ts).
 * Shares stay proportional across schools, so only the olympiad-anomaly school stands out (§3 O6).
 */
import type { DirectionRow, DirectionSheetId, PreschoolGroupRow } from "../core/model";
import { MKDO_AREAS as MKDO_AREA_IDS } from "../core/preschool";
import { allot } from "./distribution";
import type { SchoolPlan } from "./plan";
import { Rng } from "./random";
import { situationPlace } from "./situations";

function sumPupils(plan: SchoolPlan, year: number, from: number, to: number): number {
  let s = 0;
  for (let g = from; g <= to; g++) s += plan.pupils(year, g);
  return s;
}

function olympiadRows(plan: SchoolPlan, year: number, rng: Rng): DirectionRow[] {
  const anomaly = plan.school.role === "olympiadAnomaly" && situationPlace("olympiadAnomaly", plan.years).year === year;
  const strong = Math.max(0, plan.school.theta);
  const schoolPupils = Math.round(sumPupils(plan, year, 4, 11) * rng.uniform(0.35, 0.5));
  const schoolParts = Math.round(schoolPupils * rng.uniform(1.8, 2.4));
  // Ordinary schools award 18–26 % of participations; the anomaly school about 70 %.
  const schoolAwarded = Math.round(schoolParts * (anomaly ? 0.7 : rng.uniform(0.18, 0.26)));
  const schoolWinners = Math.round(schoolAwarded * 0.3);
  const eligible = sumPupils(plan, year, 7, 11);
  const munPupils = Math.min(eligible, Math.round(schoolPupils * (0.08 + 0.06 * strong)));
  const munParts = Math.round(munPupils * 1.3);
  const munAwarded = anomaly ? 0 : munParts === 0 ? 0 : Math.max(1, Math.round(munParts * (0.15 + 0.1 * strong)));
  const regPupils = Math.round(munPupils * (0.05 + 0.2 * strong));
  const regAwarded = Math.round(regPupils * 0.2 * strong);
  const finPupils = plan.school.type === "лицей" && year === plan.years[plan.years.length - 1] ? 1 : 0;
  const row = (
    label: string,
    pupils: number,
    parts: number,
    awarded: number,
    winners = Math.round(awarded * 0.3),
  ): DirectionRow => ({
    year,
    label,
    values: {
      participantsUnique: pupils,
      participations: parts,
      winners,
      prizeWinners: awarded - winners,
      awardeesUnique: Math.min(pupils, Math.round(awarded * 0.75)),
    },
  });
  return [
    row("школьный", schoolPupils, schoolParts, schoolAwarded, schoolWinners),
    row("муниципальный", munPupils, munParts, munAwarded),
    row("региональный", regPupils, regPupils, regAwarded),
    row("заключительный", finPupils, finPupils, 0),
  ];
}

function careersRow(plan: SchoolPlan, year: number, rng: Rng): DirectionRow {
  const type = plan.school.type;
  const grad9 =
    plan.grades.includes(9) && type !== "коррекционная" ? Math.max(0, plan.pupils(year, 9) - rng.int(0, 1)) : 0;
  const to10 = type === "ООШ" ? 0.35 : type === "гимназия" || type === "лицей" ? 0.7 : type === "вечерняя" ? 0.3 : 0.5;
  const [g9to10, g9spo, g9other] = allot(grad9, [to10, 1 - to10 - 0.03, 0.03]);
  const grad11 = plan.grades.includes(11) ? Math.max(0, plan.pupils(year, 11) - rng.int(0, 1)) : 0;
  const vuz =
    type === "лицей" ? 0.85 : type === "гимназия" || type === "СОШ с УИОП" ? 0.78 : type === "вечерняя" ? 0.2 : 0.6;
  const rest = 1 - vuz;
  const [toVuz, toSpo, work, army, undetermined] = allot(grad11, [
    vuz,
    rest * 0.5,
    rest * 0.2,
    rest * 0.15,
    rest * 0.15,
  ]);
  const upper = sumPupils(plan, year, 6, 11);
  return {
    year,
    values: {
      grad9,
      grad9To10: g9to10,
      grad9ToSpo: g9spo,
      grad9Other: g9other,
      grad11,
      grad11ToVuz: toVuz,
      grad11VuzProfile: Math.round(toVuz * rng.uniform(0.7, 0.9)),
      grad11ToSpo: toSpo,
      grad11Work: work,
      grad11Army: army,
      grad11Undetermined: undetermined,
      futureTicket: Math.round(upper * rng.uniform(0.2, 0.4)),
      profMinimum: upper,
    },
  };
}

function staffRow(plan: SchoolPlan, year: number, rng: Rng): DirectionRow {
  const pupils = plan.contingent.filter((c) => c.year === year).reduce((a, c) => a + c.pupils, 0);
  const teachers = Math.max(4, Math.round(pupils / 13) + rng.int(2, 5));
  const village = plan.school.location === "село";
  const young = Math.round(teachers * rng.uniform(0.04, 0.12));
  return {
    year,
    values: {
      teachers,
      catHighest: Math.round(teachers * rng.uniform(village ? 0.12 : 0.25, village ? 0.25 : 0.4)),
      catFirst: Math.round(teachers * rng.uniform(0.25, 0.35)),
      trained3y: Math.round(teachers * rng.uniform(0.85, 0.98)),
      deficitDiagnostics: Math.round(teachers * rng.uniform(0.4, 0.7)),
      individualRoute: Math.round(teachers * rng.uniform(0.2, 0.4)),
      young,
      youngMentored: Math.max(0, young - (rng.chance(0.2) ? 1 : 0)),
      vacancies: rng.int(0, village ? 3 : 2),
    },
  };
}

/** The municipality's head scorecard: criterion and maximum points (methodology §7, direction 5). */
export const HEAD_CRITERIA: readonly (readonly [string, number])[] = [
  ["Результаты ГИА и их динамика", 10],
  ["Выпускники, не получившие аттестат", 5],
  ["Объективность оценочных процедур", 10],
  ["Результаты олимпиад", 5],
  ["Квалификационные категории и повышение квалификации педагогов", 5],
  ["Укомплектованность кадрами (вакансии)", 5],
  ["Функционирование ВСОКО", 10],
  ["Предписания надзорных органов", 5],
  ["Информационная открытость", 5],
];

function headRows(plan: SchoolPlan, year: number, rng: Rng): DirectionRow[] {
  const level = Math.min(1, Math.max(0.3, 0.7 + 0.15 * plan.school.theta));
  return HEAD_CRITERIA.map(([criterion, max]) => ({
    year,
    label: criterion,
    values: {
      maxPoints: max,
      points: Math.min(max, Math.max(0, Math.round(max * (level + rng.uniform(-0.15, 0.15))))),
    },
  }));
}

function upbringingRow(plan: SchoolPlan, year: number, rng: Rng): DirectionRow {
  const pupils = plan.contingent.filter((c) => c.year === year).reduce((a, c) => a + c.pupils, 0);
  return {
    year,
    values: {
      addEducation: Math.round(pupils * rng.uniform(0.65, 0.85)),
      clubs: Math.round(pupils * rng.uniform(0.4, 0.6)),
      movementFirst: Math.round(pupils * rng.uniform(0.2, 0.4)),
      volunteers: Math.round(pupils * rng.uniform(0.06, 0.14)),
      preventionRegister: Math.round(pupils * rng.uniform(0.005, 0.02)),
      offences: rng.int(0, Math.max(1, Math.round(pupils / 150))),
      summerRest: Math.round(pupils * rng.uniform(0.4, 0.6)),
    },
  };
}

/** Areas of the federal МКДО instrument. */
export const MKDO_AREAS: readonly string[] = [
  "Образовательные ориентиры",
  "Образовательная программа",
  "Содержание образовательной деятельности",
  "Образовательный процесс",
  "Образовательные условия",
  "Условия получения дошкольного образования лицами с ОВЗ",
  "Взаимодействие с родителями",
  "Здоровье, безопасность и повседневный уход",
  "Управление и развитие",
];

function preschoolRows(year: number, rng: Rng): DirectionRow[] {
  const groups = rng.int(1, 3);
  return MKDO_AREAS.map((area) => ({
    year,
    label: area,
    values: {
      groups,
      groupsBasicOrAbove: rng.int(Math.max(0, groups - 1), groups),
      mkdoScore: Math.round(rng.uniform(2.2, 3.6) * 10) / 10,
    },
  }));
}

/**
 * A school's preschool groups («Группы МКДО»), consistent with its per-area «Дошкольное» rows: in each
 * area exactly the row's «групп на базовом уровне и выше» groups get a level of 2–4, the others 1, so
 * the two sheets of the form tell the same story (schools with preschool groups fill both).
 */
export function preschoolGroupsOf(rows: readonly DirectionRow[], rng: Rng): PreschoolGroupRow[] {
  const out: PreschoolGroupRow[] = [];
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  for (const year of years) {
    const area = rows.filter((r) => r.year === year);
    const groups = Math.max(0, ...area.map((r) => r.values.groups ?? 0));
    for (let g = 0; g < groups; g++) {
      const levels: Record<string, number | null> = {};
      area.forEach((r, i) => {
        const id = MKDO_AREA_IDS[i]?.id;
        if (!id) return;
        // Rotate which groups are below the basic level from area to area.
        const basic = r.values.groupsBasicOrAbove ?? 0;
        levels[id] = (g + i) % groups < basic ? rng.int(2, 4) : 1;
      });
      out.push({ year, group: `Дошкольная группа ${g + 1}`, children: rng.int(12, 22), levels });
    }
  }
  return out;
}

/** All direction rows of a school over the plan's years. */
export function directionRows(plan: SchoolPlan): Partial<Record<DirectionSheetId, DirectionRow[]>> {
  const out: Record<DirectionSheetId, DirectionRow[]> = {
    olympiads: [],
    careers: [],
    staff: [],
    head: [],
    upbringing: [],
    preschool: [],
  };
  for (const year of plan.years) {
    const rng = Rng.derive(plan.seed, `directions|${plan.school.streamKey}|${year}`);
    if (plan.grades.some((g) => g >= 4)) out.olympiads.push(...olympiadRows(plan, year, rng));
    if (plan.grades.includes(9) || plan.grades.includes(11)) out.careers.push(careersRow(plan, year, rng));
    out.staff.push(staffRow(plan, year, rng));
    out.head.push(...headRows(plan, year, rng));
    out.upbringing.push(upbringingRow(plan, year, rng));
    if (plan.school.preschool) out.preschool.push(...preschoolRows(year, rng));
  }
  if (!plan.school.preschool)
    return {
      olympiads: out.olympiads,
      careers: out.careers,
      staff: out.staff,
      head: out.head,
      upbringing: out.upbringing,
    };
  return out;
}

/**
 * «Направления 3–8»: per direction, a table indicator × (municipality, clusters, schools) for the
 * assessed year with the value, the municipal target, the dynamics against the previous year
 * and the level; the verdict «цель достигнута у 14 из 25 ОО» above each table and in an overview.
 * «Направления: цели и меры» lists the shortfalls of each school with the direction's measures.
 * All tables of a sheet share one column layout, so stacked tables print on A4 landscape.
 */
import type { DirectionAssessment, GroupValue, UnitValue } from "../../core/direction-assessment";
import {
  directionFindings,
  directionRecommendations,
  type DirectionRecommendation,
} from "../../core/direction-findings";
import type { DirectionIndicator } from "../../core/directions";
import type { SchoolReport } from "../../core/model";
import type { Profile } from "../../core/profile";
import { clean, type CellData, type Column, type ColumnKind, type Highlight, type Table } from "./table";

const LEVEL_HIGHLIGHTS: Highlight[] = [
  { operator: "equal", value: "низкий", tone: "bad" },
  { operator: "equal", value: "средний", tone: "warn" },
  { operator: "equal", value: "хороший", tone: "good" },
];
const MET = "достигнута";
const NOT_MET = "не достигнута";
const STATUS_HIGHLIGHTS: Highlight[] = [
  { operator: "equal", value: NOT_MET, tone: "bad" },
  { operator: "equal", value: MET, tone: "good" },
];

function valueKind(ind: DirectionIndicator): ColumnKind {
  return ind.kind === "percent" ? "percent" : ind.kind === "mean" ? "mark" : "integer";
}
function dynamicsKind(ind: DirectionIndicator): ColumnKind {
  return ind.kind === "percent" ? "points" : ind.kind === "mean" ? "mark" : "score";
}

function status(u: UnitValue): string {
  if (u.met === true) return MET;
  if (u.met === false) return NOT_MET;
  if (u.unassessed === "smallDenominator") return "мало данных";
  return "";
}

function row(
  ind: DirectionIndicator,
  target: number,
  name: string,
  login: string,
  u: UnitValue,
): Record<string, CellData> {
  return {
    // The target column holds a number; which side of it is good is said here for the few «lower is better».
    indicator: `${ind.name}, ${ind.unit}${ind.better === "lower" ? " (лучше меньше)" : ""}`,
    unit: name,
    login,
    numerator: ind.kind === "count" ? null : clean(u.numerator),
    denominator: ind.kind === "count" ? null : clean(u.denominator),
    value: clean(u.value),
    target,
    dynamics: clean(u.dynamics),
    level: u.level ?? "",
    status: status(u),
    schoolsMet: "",
  };
}

function groupRow(ind: DirectionIndicator, target: number, name: string, g: GroupValue): Record<string, CellData> {
  return {
    ...row(ind, target, name, "", g),
    schoolsMet: g.schoolsAssessed ? `${g.schoolsMet} из ${g.schoolsAssessed}` : "",
  };
}

/** The shared column layout of the direction tables (kinds per row come with the rows). */
function directionColumns(kinds: { value: ColumnKind[]; dynamics: ColumnKind[] }): Column[] {
  return [
    { id: "indicator", header: "Показатель", kind: "text", width: 32 },
    { id: "unit", header: "Муниципалитет, кластер, ОО", kind: "text", width: 25 },
    { id: "login", header: "Логин ОО", kind: "text", width: 11 },
    { id: "numerator", header: "Числитель", kind: "number", width: 10, rowKinds: kinds.value.map(numKind) },
    { id: "denominator", header: "Знаменатель", kind: "integer", width: 12 },
    { id: "value", header: "Значение", kind: "percent", width: 10, rowKinds: kinds.value },
    { id: "target", header: "Цель", kind: "percent", width: 9, rowKinds: kinds.value },
    { id: "dynamics", header: "Динамика к прошлому году", kind: "points", width: 12, rowKinds: kinds.dynamics },
    { id: "level", header: "Уровень", kind: "text", width: 10, highlights: LEVEL_HIGHLIGHTS },
    { id: "status", header: "Достижение цели", kind: "text", width: 13, highlights: STATUS_HIGHLIGHTS },
    { id: "schoolsMet", header: "ОО с целью", kind: "text", width: 10 },
  ];
}

/** Numerators are counts, except a mean's sum of scores. */
function numKind(k: ColumnKind): ColumnKind {
  return k === "mark" ? "score" : "integer";
}

function nameOf(s: SchoolReport): string {
  return s.passport.shortName || s.passport.name;
}

/** One table per direction with data, in direction order; indicators nobody reported are left out. */
export function directionTables(
  assessments: readonly DirectionAssessment[],
  schools: readonly SchoolReport[],
): Table[] {
  const withData = assessments.filter((d) => d.indicators.some((a) => a.municipality.value !== null));
  return withData.map((d) => {
    const rows: Record<string, CellData>[] = [];
    const value: ColumnKind[] = [];
    const dynamics: ColumnKind[] = [];
    for (const a of d.indicators) {
      if (a.municipality.value === null) continue;
      const ind = a.indicator;
      const add = (r: Record<string, CellData>) => {
        rows.push(r);
        value.push(valueKind(ind));
        dynamics.push(dynamicsKind(ind));
      };
      add(groupRow(ind, a.target, "Муниципалитет", a.municipality));
      for (const [label, g] of a.clusters) add(groupRow(ind, a.target, `Кластер: ${label}`, g));
      for (const s of schools) {
        const u = a.schools.get(s.passport.login);
        if (u && u.value !== null) add(row(ind, a.target, nameOf(s), s.passport.login, u));
      }
    }
    return {
      id: `direction${d.direction}`,
      title: `Направление ${d.direction}. ${d.name}, ${d.year}: ${lowerFirst(d.verdict)}`,
      description:
        "Значение ОО — числитель / знаменатель (доли в %); муниципалитет и кластер — суммы числителей и знаменателей их ОО. Динамика — к прошлому году (п.п. для долей). Цель — значение не ниже целевого (у показателей «лучше меньше» — не выше); цель и уровни задаются на листе «Методика»; ОО достигла цели направления, если достигла цели по каждому оценённому показателю.",
      columns: directionColumns({ value, dynamics }),
      rows,
    };
  });
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** The verdicts of all directions at the top of the sheet (columns aligned with the direction tables). */
export function directionsOverviewTable(assessments: readonly DirectionAssessment[], year: number | null): Table {
  return {
    id: "directionsOverview",
    title: year === null ? "Направления 3–8: нет данных" : `Направления 3–8: достижение целей, ${year}`,
    description:
      year === null
        ? "Ни одна форма ОО не содержит листов направлений 3–8 (олимпиады, профориентация, руководитель, кадры, воспитание, дошкольное)."
        : "Сколько ОО достигли целевых индикаторов по каждому направлению; подробности — в таблицах ниже.",
    columns: [
      { id: "direction", header: "Направление", kind: "text", width: 32 },
      { id: "verdict", header: "Итог", kind: "text", width: 25 },
      { id: "indicators", header: "Показателей", kind: "integer", width: 11 },
      { id: "assessed", header: "ОО оценено", kind: "integer", width: 10 },
      { id: "met", header: "ОО с целью", kind: "integer", width: 12 },
    ],
    rows: assessments.map((d) => ({
      direction: `${d.direction}. ${d.name}`,
      verdict: d.verdict,
      indicators: d.indicators.length,
      assessed: d.schoolsAssessed,
      met: d.schoolsMet,
    })),
  };
}

/** «Направления: цели и меры»: one row per school and direction with a shortfall. */
export function directionMeasuresTable(
  recommendations: readonly DirectionRecommendation[],
  schools: readonly SchoolReport[],
): Table {
  const names = new Map(schools.map((s) => [s.passport.login, nameOf(s)]));
  const order = new Map(schools.map((s, i) => [s.passport.login, i]));
  const sorted = [...recommendations].sort(
    (a, b) => (order.get(a.school) ?? 0) - (order.get(b.school) ?? 0) || a.direction - b.direction,
  );
  return {
    id: "directionMeasures",
    title: "Направления 3–8: показатели ниже цели и меры",
    description:
      "Для каждой ОО и направления — показатели ниже целевого индикатора с числами и меры из механизмов управления качеством по этому направлению. Основание — ваше положение о МСОКО (лист «Методика», раздел «Нормативная основа мер»).",
    columns: [
      { id: "unit", header: "ОО", kind: "text", width: 24 },
      { id: "login", header: "Логин ОО", kind: "text", width: 11 },
      { id: "direction", header: "Направление", kind: "integer", width: 13 },
      { id: "shortfalls", header: "Показатели ниже цели", kind: "text", width: 52 },
      { id: "measures", header: "Меры", kind: "text", width: 52 },
      { id: "basis", header: "Основание", kind: "text", width: 18 },
    ],
    rows: sorted.map((r) => ({
      unit: names.get(r.school) ?? r.school,
      login: r.school,
      direction: r.direction,
      shortfalls: r.findings.map((f) => f.text).join("\n"),
      measures: r.measures.map((m) => `${m.addressee}: ${m.text}`).join("\n"),
      basis: r.measures[0]?.basis ?? "",
    })),
  };
}

/** Both sheets' tables from one assessment. */
export function directionsTables(
  assessments: readonly DirectionAssessment[],
  schools: readonly SchoolReport[],
  year: number | null,
  profile: Profile,
): { directions: Table[]; measures: Table } {
  const recs = directionRecommendations(directionFindings(assessments, profile), profile);
  return {
    directions: [directionsOverviewTable(assessments, year), ...directionTables(assessments, schools)],
    measures: directionMeasuresTable(recs, schools),
  };
}

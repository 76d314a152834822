/**
 * The manifest of deliberately injected situations: which school of the sample carries which
 * anomaly, where (year, procedure, grade, subject), and which rule of the methodology is meant to
 * find it. Tests check the generated numbers against it, the demo writes it as situations.json.
 */
import type { DirectionId, Procedure } from "../core/model";
import { RECHECKED_WORKS } from "./recheck";
import type { Role, RosterEntry } from "./roster";

/** The rule that should find a situation: an objectivity sign, a risk factor, a cycle or stability finding. */
export type ExpectedRule =
  | "O1"
  | "O2"
  | "O3"
  | "O4"
  | "O5"
  | "O6"
  | "O7"
  | "R1"
  | "R3"
  | "R4"
  | "cycle.gap"
  | "cycle.overdue"
  | "stable.high"
  | "stable.low";

export interface InjectedSituation {
  /** Stable id, e.g. "S01-inflatedJournal". */
  id: string;
  kind: Role;
  login: string;
  /** School short name, for people reading the manifest. */
  school: string;
  year: number;
  procedure?: Procedure;
  grade?: number;
  subject?: string;
  /** Cycle situations: the direction and component concerned. */
  direction?: DirectionId;
  component?: number;
  expectedRule: ExpectedRule;
  /** Other rules that may legitimately fire on the same data (e.g. O5 next to O3). */
  alsoExpected?: ExpectedRule[];
  /** Russian, one or two sentences. */
  description: string;
}

/** Where each situation sits; years are the sample's last two years (`last`, `prev`). */
export interface SituationPlace {
  year: number;
  procedure?: Procedure;
  grade?: number;
  subject?: string;
  direction?: DirectionId;
  component?: number;
}

/** The fixed places of the situations given the sample's years. */
export function situationPlace(kind: Role, years: readonly number[]): SituationPlace {
  const last = years[years.length - 1];
  const prev = years.length > 1 ? years[years.length - 2] : last;
  switch (kind) {
    case "inflatedJournal":
      return { year: last, procedure: "ВПР", grade: 6, subject: "Математика" };
    case "boundaryPeak":
      return { year: last, procedure: "ВПР", grade: 4, subject: "Русский язык" };
    case "unconfirmedHigh":
      return { year: prev, procedure: "ВПР", grade: 8, subject: "Математика" };
    case "difficultyInversion":
      return { year: last, procedure: "ВПР", grade: 7, subject: "Математика" };
    case "externalGap":
      return { year: prev, procedure: "ВПР", grade: 8, subject: "Русский язык" };
    case "olympiadAnomaly":
      return { year: last };
    case "lowTwoYears":
      return { year: last, procedure: "ВПР", grade: 5, subject: "Математика" };
    case "negativeDynamics":
      return { year: last, procedure: "ВПР", grade: 6, subject: "Математика" };
    case "socialConditions":
      return { year: last };
    case "cycleGap":
      return { year: last, direction: 2, component: 6 };
    case "cycleOverdue":
      return { year: last, direction: 5, component: 8 };
    case "stablyHigh":
    case "stablyLow":
      return { year: last };
  }
}

const RULES: Record<Role, { rule: ExpectedRule; also?: ExpectedRule[] }> = {
  inflatedJournal: { rule: "O1" },
  boundaryPeak: { rule: "O2", also: ["O7"] },
  unconfirmedHigh: { rule: "O3", also: ["O5"] },
  difficultyInversion: { rule: "O4" },
  externalGap: { rule: "O5", also: ["R3"] },
  olympiadAnomaly: { rule: "O6" },
  lowTwoYears: { rule: "R1", also: ["R3"] },
  negativeDynamics: { rule: "R3" },
  socialConditions: { rule: "R4" },
  cycleGap: { rule: "cycle.gap" },
  cycleOverdue: { rule: "cycle.overdue", also: ["cycle.gap"] },
  stablyHigh: { rule: "stable.high" },
  stablyLow: { rule: "stable.low", also: ["R1", "R4"] },
};

/** Objectivity situations (§3): schools without one must raise no sign. */
export const OBJECTIVITY_ROLES: ReadonlySet<Role> = new Set<Role>([
  "inflatedJournal",
  "boundaryPeak",
  "unconfirmedHigh",
  "difficultyInversion",
  "externalGap",
  "olympiadAnomaly",
]);

function where(p: SituationPlace): string {
  return p.procedure ? `${p.procedure}-${p.year}, ${p.grade} класс, ${p.subject}` : `${p.year} г.`;
}

function describe(kind: Role, p: SituationPlace, years: readonly number[]): string {
  const w = where(p);
  switch (kind) {
    case "inflatedJournal":
      return `Завышенные отметки по журналу (${w}): почти 60 % участников «понизили» отметку, у 18 % расхождение с журналом на 2 отметки и более.`;
    case "boundaryPeak":
      return `Пик первичных баллов на границе отметки «3» (${w}): почти все работы на балл ниже границы «дотянуты» до пограничного балла; муниципальная комиссия перепроверила ${RECHECKED_WORKS} работ и у большинства работ на границе понизила отметку до «2».`;
    case "unconfirmedHigh":
      return `Результаты значительно выше муниципальных в обычной СОШ (${w}): качество выше эталона более чем на 25 п.п., а ОГЭ этой параллели через год — на уровне муниципалитета.`;
    case "difficultyInversion":
      return `Инверсия трудности (${w}): задания повышенного и высокого уровня выполнены лучше базовых.`;
    case "externalGap":
      return `Расхождение внутренней и внешней оценки (${w}): качество ВПР выше качества ОГЭ той же параллели через год (${p.year + 1}) более чем на 30 п.п.`;
    case "olympiadAnomaly":
      return `Аномалия олимпиады (${w}): доля победителей и призёров школьного этапа ВсОШ втрое выше муниципальной, а на муниципальном этапе нет ни одного победителя или призёра.`;
    case "lowTwoYears":
      return `Низкие результаты два года подряд (${years.slice(-2).join(" и ")}): доля «2» по ВПР не менее 30 % в нескольких процедурах, в том числе ${p.grade} класс, ${p.subject}.`;
    case "negativeDynamics":
      return `Отрицательная динамика (${w}): слабая параллель, доля «2» выросла более чем на 10 п.п. к прошлому году.`;
    case "socialConditions":
      return `Неблагоприятные социальные условия: самый низкий в муниципалитете индекс социального контекста (ШНСУ).`;
    case "cycleGap":
      return `Разрыв управленческого цикла (${p.year} г.): в направлении 2 (ШНОР/ШНСУ) нет компонента 6 «Адресные рекомендации».`;
    case "cycleOverdue":
      return `Просроченный компонент цикла (${p.year} г.): в направлении 5 компонент 8 «Управленческие решения» выполнен частично, плановый срок 15.10.${p.year} прошёл.`;
    case "stablyHigh":
      return `Стабильно высокие результаты: верхняя четверть своего кластера все ${years.length} года подряд, признаков необъективности нет.`;
    case "stablyLow":
      return `Стабильно низкие результаты: доля «2» не менее 30 % в нескольких процедурах все ${years.length} года.`;
  }
}

/**
 * Whether the years allow the situation: cohort and two-year situations need two years, the
 * stability ones the stability window of three; otherwise the school is generated clean.
 */
export function situationFits(kind: Role, years: readonly number[]): boolean {
  switch (kind) {
    case "unconfirmedHigh":
    case "externalGap":
    case "lowTwoYears":
    case "negativeDynamics":
      return years.length >= 2;
    case "stablyHigh":
    case "stablyLow":
      return years.length >= 3;
    default:
      return true;
  }
}

/** The manifest entry of a school's situation, or null for a school without one. */
export function situationOf(school: RosterEntry, years: readonly number[]): InjectedSituation | null {
  if (!school.role) return null;
  const place = situationPlace(school.role, years);
  const r = RULES[school.role];
  return {
    id: `S${String(school.index + 1).padStart(2, "0")}-${school.role}`,
    kind: school.role,
    login: school.login,
    school: school.shortName,
    ...place,
    expectedRule: r.rule,
    ...(r.also ? { alsoExpected: r.also } : {}),
    description: describe(school.role, place, years),
  };
}

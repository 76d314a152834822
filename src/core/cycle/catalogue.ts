/**
 * The vocabulary of the management cycle (methodology §1): the eight directions of the МСОКО plus
 * the objectivity track of direction 1, and the nine components of every cycle with the
 * regulation's wording (Положение о МСОКО Ленинск-Кузнецкого городского округа, п. 3.2). Every
 * label, status and next step the add-in shows about the cycle is built from this one table.
 */
import { DIRECTION_IDS, type DirectionId } from "../model";

export interface CycleDirection {
  id: DirectionId;
  /** Short code shown in narrow places: "1"…"8", "О" (Cyrillic) for objectivity. */
  code: string;
  /** Full Russian name as the regulations give it. */
  name: string;
  /** A short name for one-line lists. */
  shortName: string;
}

/** Directions in display order: 1, О, 2 … 8 (objectivity is a track of direction 1). */
export const CYCLE_DIRECTIONS: readonly CycleDirection[] = [
  { id: 1, code: "1", name: "Система оценки качества подготовки обучающихся", shortName: "Оценка качества подготовки" },
  {
    id: "O",
    code: "О",
    name: "Система обеспечения объективности процедур оценки качества и олимпиад",
    shortName: "Объективность",
  },
  {
    id: 2,
    code: "2",
    name: "Система работы со школами с низкими результатами обучения и/или в неблагоприятных социальных условиях (ШНОР/ШНСУ)",
    shortName: "ШНОР/ШНСУ",
  },
  {
    id: 3,
    code: "3",
    name: "Система выявления, поддержки и развития способностей и талантов у детей и молодёжи",
    shortName: "Способности и таланты",
  },
  {
    id: 4,
    code: "4",
    name: "Система работы по самоопределению и профессиональной ориентации обучающихся",
    shortName: "Профориентация",
  },
  {
    id: 5,
    code: "5",
    name: "Система мониторинга эффективности руководителей образовательных организаций",
    shortName: "Эффективность руководителей",
  },
  {
    id: 6,
    code: "6",
    name: "Система обеспечения профессионального развития педагогических работников",
    shortName: "Профразвитие педагогов",
  },
  { id: 7, code: "7", name: "Система организации воспитания (и социализации) обучающихся", shortName: "Воспитание" },
  {
    id: 8,
    code: "8",
    name: "Система мониторинга качества дошкольного образования",
    shortName: "Дошкольное образование",
  },
];

// The order above must be the model's order, so arrays indexed by direction agree everywhere.
if (CYCLE_DIRECTIONS.some((d, i) => d.id !== DIRECTION_IDS[i]))
  throw new Error("CYCLE_DIRECTIONS order differs from DIRECTION_IDS");

const BY_ID = new Map<DirectionId, CycleDirection>(CYCLE_DIRECTIONS.map((d) => [d.id, d]));

export function cycleDirection(id: DirectionId): CycleDirection {
  return BY_ID.get(id)!;
}

/** Index of a direction in CYCLE_DIRECTIONS (0…8). */
export function directionIndex(id: DirectionId): number {
  return CYCLE_DIRECTIONS.findIndex((d) => d.id === id);
}

/** «направление 2», «трек объективности» — how a message names the direction. */
export function directionInText(id: DirectionId): string {
  return id === "O" ? "направление «Объективность»" : `направление ${id}`;
}

export interface CycleComponent {
  /** 1…9 */
  n: number;
  /** Russian label (methodology §1 table). */
  label: string;
  /** The regulation's own wording of the stage (п. 3.2). */
  regulation: string;
  /** The concrete next step when the component is missing: what to do and which document proves it. */
  nextStep: string;
}

export const CYCLE_COMPONENTS: readonly CycleComponent[] = [
  {
    n: 1,
    label: "Цели (постановка и обоснование)",
    regulation: "постановка и обоснование целей",
    nextStep: "Поставить и обосновать цели направления (приказ или положение с номером и датой)",
  },
  {
    n: 2,
    label: "Показатели",
    regulation: "выбор муниципальных показателей оценки состояния системы",
    nextStep: "Выбрать показатели оценки состояния системы и утвердить их перечень (приказ с номером и датой)",
  },
  {
    n: 3,
    label: "Методы сбора и обработки информации",
    regulation: "выбор методов сбора и обработки информации",
    nextStep:
      "Выбрать методы сбора и обработки информации, утвердить порядок и график мониторинга (приказ с номером и датой)",
  },
  {
    n: 4,
    label: "Мониторинг показателей",
    regulation: "проведение мониторинга состояния системы (по показателям)",
    nextStep:
      "Провести мониторинг состояния системы по показателям и оформить его результаты (справка с номером и датой)",
  },
  {
    n: 5,
    label: "Анализ результатов мониторинга",
    regulation: "проведение анализа результатов мониторинга",
    nextStep: "Провести анализ результатов мониторинга (аналитическая справка с номером и датой)",
  },
  {
    n: 6,
    label: "Адресные рекомендации",
    regulation: "разработка адресных рекомендаций",
    nextStep: "Подготовить адресные рекомендации по результатам анализа (приказ/распоряжение с номером и датой)",
  },
  {
    n: 7,
    label: "Меры и мероприятия",
    regulation: "разработка комплекса мер и мероприятий, направленных на совершенствование направления",
    nextStep:
      "Разработать комплекс мер и мероприятий, направленных на совершенствование направления (план, утверждённый приказом с номером и датой)",
  },
  {
    n: 8,
    label: "Управленческие решения",
    regulation: "принятие управленческих решений",
    nextStep: "Принять управленческие решения по результатам анализа (приказ/распоряжение с номером и датой)",
  },
  {
    n: 9,
    label: "Анализ эффективности принятых мер",
    regulation: "анализ эффективности принятых управленческих решений, комплекса мер, проведённых мероприятий",
    nextStep:
      "Провести анализ эффективности принятых управленческих решений, комплекса мер и проведённых мероприятий (справка с номером и датой)",
  },
];

export const COMPONENT_COUNT = CYCLE_COMPONENTS.length;

/** Components a partial-cycle track is scored on (methodology §1: only 7–9 count). */
export const PARTIAL_TRACK_FIRST_COMPONENT = 7;

export function cycleComponent(n: number): CycleComponent {
  return CYCLE_COMPONENTS[n - 1];
}

/** «этап 6 «Адресные рекомендации»» */
export function componentInText(n: number): string {
  return `этап ${n} «${cycleComponent(n).label}»`;
}

/** «разрыв на этапе 6 «Адресные рекомендации»» — the status of a cycle with a gap. */
export function gapText(n: number): string {
  return `разрыв на этапе ${n} «${cycleComponent(n).label}»`;
}

/** Whether a component is scored on a track of the given kind. */
export function isCounted(kind: "full" | "partial", n: number): boolean {
  return kind === "full" || n >= PARTIAL_TRACK_FIRST_COMPONENT;
}

/** The next step when a component is marked «есть» but its document has no number or date. */
export function confirmStep(n: number): string {
  return `Указать номер и дату документа, подтверждающего этап ${n} «${cycleComponent(n).label}»`;
}

export const TRACK_KIND_LABELS: Readonly<Record<"full" | "partial", string>> = {
  full: "полный цикл",
  partial: "частичный цикл (этапы 7–9)",
};

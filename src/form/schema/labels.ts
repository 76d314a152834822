/**
 * Names the regulations give to the eight directions, the objectivity track and the nine
 * components of the management cycle (methodology §1). The «Цикл» sheet stores short codes
 * (1–8, «Объективность», 1–9) so its dropdowns stay within Excel's 255-character list limit, and
 * shows these names next to them through native formulas.
 */
import type { DirectionId } from "../../core/model";

export const OBJECTIVITY_CODE = "Объективность";

export const DIRECTION_NAMES: Readonly<Record<string, string>> = {
  "1": "Система оценки качества подготовки обучающихся",
  [OBJECTIVITY_CODE]: "Система обеспечения объективности процедур оценки качества и олимпиад",
  "2": "Система работы со школами с низкими результатами обучения и/или в неблагоприятных социальных условиях (ШНОР/ШНСУ)",
  "3": "Система выявления, поддержки и развития способностей и талантов у детей и молодёжи",
  "4": "Система работы по самоопределению и профессиональной ориентации обучающихся",
  "5": "Система мониторинга эффективности руководителей образовательных организаций",
  "6": "Система обеспечения профессионального развития педагогических работников",
  "7": "Система организации воспитания (и социализации) обучающихся",
  "8": "Система мониторинга качества дошкольного образования",
};

/** Codes of the «Направление» column in sheet order: 1, Объективность, 2 … 8. */
export const DIRECTION_CODES: readonly string[] = ["1", OBJECTIVITY_CODE, "2", "3", "4", "5", "6", "7", "8"];

export const CYCLE_COMPONENT_NAMES: readonly string[] = [
  "Цели (постановка и обоснование)",
  "Показатели",
  "Методы сбора и обработки информации",
  "Мониторинг показателей",
  "Анализ результатов мониторинга",
  "Адресные рекомендации",
  "Меры и мероприятия",
  "Управленческие решения",
  "Анализ эффективности принятых мер",
];

/** «нет», «частично», «есть» → 0, 1, 2 (CycleScore). */
export const CYCLE_SCORE_WORDS: readonly string[] = ["нет", "частично", "есть"];

export const TRACK_KINDS: readonly string[] = ["полный", "частичный"];

/** The form's direction code → the model's DirectionId. */
export function directionIdOf(code: string): DirectionId {
  return code === OBJECTIVITY_CODE ? "O" : (Number(code) as DirectionId);
}

/** The model's DirectionId → the form's direction code. */
export function directionCodeOf(id: DirectionId): string {
  return id === "O" ? OBJECTIVITY_CODE : String(id);
}

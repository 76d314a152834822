/**
 * Names the regulations give to the eight directions, the objectivity track and the nine
 * components of the management cycle (methodology §1). The «Цикл» sheet stores short codes
 * (1–8, «Объективность», 1–9) so its dropdowns stay within Excel's 255-character list limit, and
 * shows these names next to them through native formulas.
 */
import { CYCLE_COMPONENTS, CYCLE_DIRECTIONS } from "../../core/cycle/catalogue";
import type { DirectionId } from "../../core/model";

export const OBJECTIVITY_CODE = "Объективность";

/** Full names by the sheet's code (the core catalogue is the one source of the wording). */
export const DIRECTION_NAMES: Readonly<Record<string, string>> = Object.fromEntries(
  CYCLE_DIRECTIONS.map((d) => [d.id === "O" ? OBJECTIVITY_CODE : String(d.id), d.name]),
);

/** Codes of the «Направление» column in sheet order: 1, Объективность, 2 … 8. */
export const DIRECTION_CODES: readonly string[] = CYCLE_DIRECTIONS.map((d) =>
  d.id === "O" ? OBJECTIVITY_CODE : String(d.id),
);

export const CYCLE_COMPONENT_NAMES: readonly string[] = CYCLE_COMPONENTS.map((c) => c.label);

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

/**
 * The cycle's findings as flags for lists, summaries and recommendations: one «cycle.gap» per
 * track with a gap (at its first not-done component) and one «cycle.overdue» per overdue
 * component. The recommendations module turns a gap into the document to produce.
 */
import type { CellRef, DirectionId } from "../model";
import { componentInText, confirmStep, cycleComponent, directionInText, gapText } from "./catalogue";
import { formatDateRu } from "./dates";
import { trackGapText, type CycleEvaluation } from "./evaluate";

export interface CycleFlag {
  rule: "cycle.gap" | "cycle.overdue";
  direction: DirectionId;
  track: string;
  component: number;
  /** One Russian sentence. */
  message: string;
  /** The next step for this component. */
  nextStep: string;
  plannedDate?: string;
  ref?: CellRef;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function cycleFlags(e: CycleEvaluation): CycleFlag[] {
  const out: CycleFlag[] = [];
  for (const d of e.directions) {
    for (const t of d.tracks) {
      const where = `${capitalise(directionInText(t.direction))}, трек «${t.track}»`;
      for (const c of t.components) {
        const nextStep = c.unconfirmed ? confirmStep(c.component) : cycleComponent(c.component).nextStep;
        if (t.gap === c.component) {
          const flag: CycleFlag = {
            rule: "cycle.gap",
            direction: t.direction,
            track: t.track,
            component: c.component,
            message: `${where}: ${trackGapText(t) ?? gapText(c.component)} (${e.year} год).`,
            nextStep,
          };
          if (c.plannedDate) flag.plannedDate = c.plannedDate;
          if (c.ref) flag.ref = c.ref;
          out.push(flag);
        }
        if (c.overdue) {
          const flag: CycleFlag = {
            rule: "cycle.overdue",
            direction: t.direction,
            track: t.track,
            component: c.component,
            message: `${where}: ${componentInText(c.component)} не выполнен к плановому сроку ${formatDateRu(c.plannedDate!)} (дата оценки ${formatDateRu(e.evaluationDate)}).`,
            nextStep,
            plannedDate: c.plannedDate,
          };
          if (c.ref) flag.ref = c.ref;
          out.push(flag);
        }
      }
    }
  }
  return out;
}

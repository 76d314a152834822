/**
 * The education authority's own cycle as the summary reports it: per direction and track the
 * status, the gap, the overdue components and the next steps, in one plain record that both the
 * «Управленческий цикл» sheet and the JSON (`municipalityCycle`) read, so they never disagree.
 */
import type { DirectionId } from "../model";
import { cycleComponent, gapText } from "./catalogue";
import { formatDateRu } from "./dates";
import { nextStepText, STATUS_CLOSED, type CycleEvaluation, type CycleLevel } from "./evaluate";

export interface MunicipalTrackReport {
  direction: DirectionId;
  /** «1», «О», «2» … */
  code: string;
  directionName: string;
  track: string;
  kind: "full" | "partial";
  /** «замкнут» or «разрыв на этапе k «…»». */
  status: string;
  score: number;
  level: CycleLevel;
  /** First counted component not done; null when closed. */
  gap: number | null;
  /** Overdue components: «этап 9 «Анализ эффективности принятых мер» — срок 01.12.2026». */
  overdue: { component: number; plannedDate: string; text: string }[];
  /** «Подготовить … — срок 15.12.2026 (просрочен)» per not-done component. */
  nextSteps: string[];
}

export interface MunicipalCycleReport {
  year: number;
  evaluationDate: string;
  /** Directions with at least one track (others: «нет данных»). */
  directionsWithData: number;
  closedDirections: number;
  gapCount: number;
  overdueCount: number;
  tracks: MunicipalTrackReport[];
  /** Directions without any track, by code. */
  noData: string[];
}

export function municipalCycleReport(e: CycleEvaluation): MunicipalCycleReport {
  const tracks: MunicipalTrackReport[] = [];
  const noData: string[] = [];
  for (const d of e.directions) {
    if (!d.tracks.length) {
      noData.push(d.code);
      continue;
    }
    const steps = d.nextSteps;
    for (const t of d.tracks) {
      const overdue = t.components
        .filter((c) => c.overdue)
        .map((c) => ({
          component: c.component,
          plannedDate: c.plannedDate!,
          text: `этап ${c.component} «${cycleComponent(c.component).label}» — срок ${formatDateRu(c.plannedDate!)}`,
        }));
      tracks.push({
        direction: d.id,
        code: d.code,
        directionName: d.name,
        track: t.track,
        kind: t.kind,
        status: t.gap === null ? STATUS_CLOSED : gapText(t.gap),
        score: t.score,
        level: t.level,
        gap: t.gap,
        overdue,
        nextSteps: steps.filter((s) => s.track === t.track).map(nextStepText),
      });
    }
  }
  const withData = e.directions.filter((d) => d.tracks.length > 0);
  return {
    year: e.year,
    evaluationDate: e.evaluationDate,
    directionsWithData: withData.length,
    closedDirections: withData.filter((d) => d.status === "closed").length,
    gapCount: tracks.filter((t) => t.gap !== null).length,
    overdueCount: tracks.reduce((n, t) => n + t.overdue.length, 0),
    tracks,
    noData,
  };
}

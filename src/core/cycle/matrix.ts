/**
 * The municipal picture of the management cycle: from every school's «Цикл» sheet (and the
 * municipality's own), a matrix of directions × components with the share of schools that closed
 * each component, and one status row per school, for the summary's «Управленческий цикл» sheet
 * (src/core/summary/analysis-tables.ts). Shares are percentages 0–100, null when no school has
 * the component counted.
 */
import type { DirectionId, Finding, SchoolReport, CycleRecord } from "../model";
import { COMPONENT_COUNT, CYCLE_DIRECTIONS } from "./catalogue";
import {
  evaluateCycle,
  type CycleEvaluation,
  type CycleLevel,
  type CycleOptions,
  type DirectionStatusKind,
} from "./evaluate";

export interface MatrixCell {
  /** Schools where the component is done in every track of the direction that counts it. */
  closed: number;
  /** Schools with at least one track of the direction that counts the component. */
  total: number;
  /** closed / total × 100, null when total is 0. */
  share: number | null;
}

export interface MatrixRow {
  direction: DirectionId;
  code: string;
  name: string;
  /** Components 1…9, index 0 = component 1. */
  cells: MatrixCell[];
  /** Schools whose direction cycle is closed / with any track of the direction. */
  closedCycles: MatrixCell;
}

export interface SchoolDirectionStatus {
  status: DirectionStatusKind;
  statusText: string;
  score: number | null;
  level: CycleLevel | null;
  overdueCount: number;
}

export interface SchoolCycleRow {
  login: string;
  name: string;
  /** In CYCLE_DIRECTIONS order. */
  directions: SchoolDirectionStatus[];
  overdueCount: number;
}

export interface SchoolFinding {
  login: string;
  finding: Finding;
}

export interface CycleMatrix {
  year: number;
  evaluationDate: string;
  schoolCount: number;
  rows: MatrixRow[];
  schools: SchoolCycleRow[];
  /** The municipality's own cycle, when its sheet was given. */
  municipal: CycleEvaluation | null;
  findings: SchoolFinding[];
  levels: readonly [number, number];
  profileVersion: string;
}

function share(closed: number, total: number): MatrixCell {
  return { closed, total, share: total > 0 ? (closed * 100) / total : null };
}

function statusRow(e: CycleEvaluation): SchoolDirectionStatus[] {
  return e.directions.map((d) => ({
    status: d.status,
    statusText: d.statusText,
    score: d.score,
    level: d.level,
    overdueCount: d.overdueCount,
  }));
}

/** One evaluation per school (O(records)), then counts over a fixed 9 × 9 grid per school. */
export function cycleMatrix(
  schools: readonly SchoolReport[],
  municipalCycle: readonly CycleRecord[],
  opts: CycleOptions,
  /** The evaluations already made (with each school's findings), by login; others are evaluated here. */
  evaluated?: ReadonlyMap<string, CycleEvaluation>,
): CycleMatrix {
  const D = CYCLE_DIRECTIONS.length;
  const closed = new Int32Array(D * COMPONENT_COUNT);
  const total = new Int32Array(D * COMPONENT_COUNT);
  const cyclesClosed = new Int32Array(D);
  const cyclesTotal = new Int32Array(D);
  const rows: SchoolCycleRow[] = [];
  const findings: SchoolFinding[] = [];

  for (const s of schools) {
    const e = evaluated?.get(s.passport.login) ?? evaluateCycle(s.cycle, opts);
    for (const f of e.findings) findings.push({ login: s.passport.login, finding: f });
    e.directions.forEach((d, di) => {
      if (d.tracks.length === 0) return;
      cyclesTotal[di]++;
      if (d.status === "closed") cyclesClosed[di]++;
      for (let c = 0; c < COMPONENT_COUNT; c++) {
        let counted = false;
        let allDone = true;
        for (const t of d.tracks) {
          const comp = t.components[c];
          if (!comp.counted) continue;
          counted = true;
          if (!comp.done) allDone = false;
        }
        if (!counted) continue;
        total[di * COMPONENT_COUNT + c]++;
        if (allDone) closed[di * COMPONENT_COUNT + c]++;
      }
    });
    rows.push({
      login: s.passport.login,
      name: s.passport.shortName ?? s.passport.name,
      directions: statusRow(e),
      overdueCount: e.directions.reduce((n, d) => n + d.overdueCount, 0),
    });
  }

  const municipal = municipalCycle.length > 0 ? evaluateCycle(municipalCycle, opts) : null;
  const levels = opts.profile.values["cycle.levels"];

  return {
    year: opts.year,
    evaluationDate: opts.evaluationDate,
    schoolCount: schools.length,
    rows: CYCLE_DIRECTIONS.map((d, di) => ({
      direction: d.id,
      code: d.code,
      name: d.name,
      cells: Array.from({ length: COMPONENT_COUNT }, (_, c) =>
        share(closed[di * COMPONENT_COUNT + c], total[di * COMPONENT_COUNT + c]),
      ),
      closedCycles: share(cyclesClosed[di], cyclesTotal[di]),
    })),
    schools: rows,
    municipal,
    findings,
    levels: [levels[0], levels[1]],
    profileVersion: opts.profile.version,
  };
}

/** Status row of the municipality's own cycle, for the same table as the schools. */
export function municipalStatusRow(m: CycleEvaluation, name = "Муниципальный уровень (МОУО)"): SchoolCycleRow {
  return {
    login: "МОУО",
    name,
    directions: statusRow(m),
    overdueCount: m.directions.reduce((n, d) => n + d.overdueCount, 0),
  };
}

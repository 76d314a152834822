/**
 * What the «Управленческий цикл» board shows, computed from a CycleEvaluation: one row per
 * direction, one cell per component (the tracks of a direction folded into one state), every
 * cell's text for tooltips and screen readers, and the next step of each track with its date.
 * Pure and free of React, so it is tested on its own and the board only renders it.
 */
import type {
  ComponentEvaluation,
  ComponentStateKind,
  CycleEvaluation,
  DirectionEvaluation,
  DirectionStatusKind,
  TrackEvaluation,
} from "../../core/cycle";
import { CYCLE_COMPONENTS, STATE_LABELS, TRACK_KIND_LABELS, formatDateRu, scoreText } from "../../core/cycle";
import type { CellRef, DirectionId } from "../../core/model";
import { countRu } from "../../core/values";

/** A visible mark per state, so the board never relies on colour alone. */
export const STATE_GLYPHS: Readonly<Record<ComponentStateKind, string>> = {
  done: "✓",
  partial: "½",
  missing: "–",
  overdue: "!",
  notCounted: "·",
};

export const LEGEND: readonly { state: ComponentStateKind; glyph: string; label: string }[] = [
  { state: "done", glyph: STATE_GLYPHS.done, label: "выполнен (есть документ)" },
  { state: "partial", glyph: STATE_GLYPHS.partial, label: "частично" },
  { state: "missing", glyph: STATE_GLYPHS.missing, label: "не выполнен" },
  { state: "overdue", glyph: STATE_GLYPHS.overdue, label: "просрочен" },
  { state: "notCounted", glyph: STATE_GLYPHS.notCounted, label: "не учитывается / нет данных" },
];

export interface BoardCell {
  component: number;
  state: ComponentStateKind;
  glyph: string;
  /** Short Russian name of the state. */
  stateLabel: string;
  /** Tooltip: the component, then one line per track (state, document or planned date). */
  title: string;
  /** One sentence for screen readers. */
  ariaLabel: string;
  /** The «Цикл» sheet cell to select on click: the first not-done row, else the first row. */
  ref?: CellRef;
}

export interface BoardRow {
  id: DirectionId;
  code: string;
  name: string;
  shortName: string;
  status: DirectionStatusKind;
  statusText: string;
  scoreText: string;
  levelText: string;
  overdueCount: number;
  trackCount: number;
  cells: BoardCell[];
  /** The next step of each track with a gap (the cycle is sequential: the first gap comes first). */
  steps: BoardStep[];
  /** Further not-done components after those steps. */
  moreSteps: number;
}

export interface BoardStep {
  key: string;
  track: string;
  component: number;
  text: string;
  /** «срок 30.12.2026», "" when not planned. */
  dateText: string;
  overdue: boolean;
  ref?: CellRef;
}

export interface BoardModel {
  year: number;
  evaluationDateText: string;
  rows: BoardRow[];
  legend: typeof LEGEND;
  components: readonly { n: number; label: string }[];
  /** Total overdue components, for the page header. */
  overdueCount: number;
}

function foldState(cs: ComponentEvaluation[]): ComponentStateKind {
  const counted = cs.filter((c) => c.counted);
  if (counted.length === 0) return "notCounted";
  if (counted.every((c) => c.done)) return "done";
  if (counted.some((c) => c.overdue)) return "overdue";
  if (counted.some((c) => c.done || c.state === "partial")) return "partial";
  return "missing";
}

function trackLine(t: TrackEvaluation, c: ComponentEvaluation, several: boolean): string {
  const who = several ? `Трек «${t.track}», ${TRACK_KIND_LABELS[t.kind]}: ` : "";
  let what: string = STATE_LABELS[c.state];
  if (c.document) what += ` — документ № ${c.document.number} от ${formatDateRu(c.document.date)}`;
  else if (c.unconfirmed) what += " — «есть», но не указаны номер и дата документа";
  if (!c.done && c.counted && c.plannedDate) what += ` — срок ${formatDateRu(c.plannedDate)}`;
  if (c.responsible && c.counted && !c.done) what += `; ответственный: ${c.responsible}`;
  if (!c.counted) what += ` (${TRACK_KIND_LABELS[t.kind]})`;
  return who + what;
}

function cellOf(d: DirectionEvaluation, index: number): BoardCell {
  const component = CYCLE_COMPONENTS[index];
  const cs = d.tracks.map((t) => t.components[index]);
  const state = foldState(cs);
  const head = `${component.n}. ${component.label}`;
  const lines =
    d.tracks.length === 0 ? ["нет данных"] : d.tracks.map((t, i) => trackLine(t, cs[i], d.tracks.length > 1));
  const target = cs.find((c) => c.counted && !c.done && c.ref) ?? cs.find((c) => c.ref);
  const stateLabel = d.tracks.length === 0 ? "нет данных" : STATE_LABELS[state];
  const cell: BoardCell = {
    component: component.n,
    state,
    glyph: STATE_GLYPHS[state],
    stateLabel,
    title: [head, ...lines].join("\n"),
    ariaLabel: `Направление ${d.code}, этап ${component.n} «${component.label}»: ${lines.join("; ")}`,
  };
  if (target?.ref) cell.ref = target.ref;
  return cell;
}

function stepsOf(d: DirectionEvaluation): { steps: BoardStep[]; more: number } {
  const steps: BoardStep[] = [];
  const seen = new Set<string>();
  for (const s of d.nextSteps) {
    if (seen.has(s.track)) continue;
    seen.add(s.track);
    const step: BoardStep = {
      key: `${d.code}|${s.track}|${s.component}`,
      track: s.track,
      component: s.component,
      text: d.tracks.length > 1 ? `Трек «${s.track}»: ${s.text}` : s.text,
      dateText: s.plannedDate ? `срок ${formatDateRu(s.plannedDate)}${s.overdue ? " — просрочен" : ""}` : "",
      overdue: s.overdue,
    };
    if (s.ref) step.ref = s.ref;
    steps.push(step);
  }
  return { steps, more: d.nextSteps.length - steps.length };
}

/** The board's data from an evaluation (see src/core/cycle/evaluate.ts). */
export function boardModel(e: CycleEvaluation): BoardModel {
  const rows: BoardRow[] = e.directions.map((d) => {
    const { steps, more } = stepsOf(d);
    return {
      id: d.id,
      code: d.code,
      name: d.name,
      shortName: d.shortName,
      status: d.status,
      statusText: d.statusText,
      scoreText: scoreText(d.score),
      levelText: d.level ?? "",
      overdueCount: d.overdueCount,
      trackCount: d.tracks.length,
      cells: CYCLE_COMPONENTS.map((_, i) => cellOf(d, i)),
      steps,
      moreSteps: more,
    };
  });
  return {
    year: e.year,
    evaluationDateText: formatDateRu(e.evaluationDate),
    rows,
    legend: LEGEND,
    components: CYCLE_COMPONENTS.map((c) => ({ n: c.n, label: c.label })),
    overdueCount: rows.reduce((n, r) => n + r.overdueCount, 0),
  };
}

/** «ещё 3 этапа» */
export function moreStepsText(n: number): string {
  return `ещё ${countRu(n, ["этап", "этапа", "этапов"])} после него`;
}

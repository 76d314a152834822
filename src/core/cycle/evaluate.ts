/**
 * The management cycle of one school or municipality for one academic year (methodology §1):
 * per direction, its tracks; per track, the state of each of the nine components, the score,
 * the level, the status («замкнут» / «разрыв на этапе k») and overdue components; per missing
 * component, the document it needs as a concrete next step with its planned date.
 *
 * Decisions (documented in docs/cycle.md):
 *  - a component counts as done only at «есть» confirmed by a document (number and date); with
 *    `cycle.requireDocument` on (default) an unconfirmed «есть» scores as «частично» and is
 *    reported as a finding;
 *  - a component row that is absent or has a blank score counts as «нет»;
 *  - a direction without any track of the year has the status «нет данных», never «замкнут».
 * One pass over the records, then a fixed 9 × tracks × 9 walk: O(n).
 */
import { InputError } from "../errors";
import type { CellRef, CycleRecord, CycleScore, DirectionId, Finding } from "../model";
import type { Profile } from "../profile";
import { formatPercentRu, plural } from "../values";
import {
  COMPONENT_COUNT,
  CYCLE_DIRECTIONS,
  componentInText,
  confirmStep,
  gapText,
  cycleComponent,
  directionIndex,
  directionInText,
  isCounted,
  type CycleDirection,
} from "./catalogue";
import { formatDateRu, isIsoDate } from "./dates";
import { linkMatches, linkTextOf, STEP_LACKS, STEP_TODO, type CycleFinding } from "./links";

export const CYCLE_SHEET = "Цикл";

export type ComponentStateKind = "done" | "partial" | "missing" | "overdue" | "notCounted";
export type CycleLevel = "высокий" | "средний" | "низкий";
export type DirectionStatusKind = "closed" | "gap" | "noData";

export const STATE_LABELS: Readonly<Record<ComponentStateKind, string>> = {
  done: "выполнен",
  partial: "частично",
  missing: "не выполнен",
  overdue: "просрочен",
  notCounted: "не учитывается",
};

export const STATUS_CLOSED = "замкнут";
export const STATUS_NO_DATA = "нет данных";

export interface ComponentDocument {
  number: string;
  /** ISO date. */
  date: string;
}

export interface ComponentEvaluation {
  component: number;
  label: string;
  /** What the board shows: overdue wins over partial/missing. */
  state: ComponentStateKind;
  counted: boolean;
  /** The score as entered (0 нет, 1 частично, 2 есть), null when blank or the row is absent. */
  entered: CycleScore | null;
  /** Points from `cycle.scores` after the document rule; null when not counted. */
  points: number | null;
  done: boolean;
  overdue: boolean;
  /** «есть» entered without a document number or date. */
  unconfirmed: boolean;
  document?: ComponentDocument;
  /** ISO date. */
  plannedDate?: string;
  responsible?: string;
  ref?: CellRef;
  /** Findings of the analysis this component should answer but no row of the track links to. */
  unanswered?: CycleFinding[];
}

/** Whether the cycle answered one finding: rows linking to it at each required step. */
export interface FindingResponse {
  finding: CycleFinding;
  responded: boolean;
  /** Required steps without a linked row. */
  missingSteps: number[];
  /** Cells of the rows that link to the finding. */
  refs: CellRef[];
}

export interface TrackEvaluation {
  direction: DirectionId;
  track: string;
  kind: "full" | "partial";
  components: ComponentEvaluation[];
  /** Σ points / Σ max × 100. */
  score: number;
  level: CycleLevel;
  closed: boolean;
  /** First counted component that is not done; null when closed. */
  gap: number | null;
  overdueCount: number;
}

export interface NextStep {
  direction: DirectionId;
  track: string;
  component: number;
  label: string;
  /** Russian: what to do and which document proves it. */
  text: string;
  /** ISO date, when planned. */
  plannedDate?: string;
  overdue: boolean;
  responsible?: string;
  ref?: CellRef;
}

export interface DirectionEvaluation {
  id: DirectionId;
  code: string;
  name: string;
  shortName: string;
  tracks: TrackEvaluation[];
  /** Mean of the track scores; null without tracks. */
  score: number | null;
  level: CycleLevel | null;
  status: DirectionStatusKind;
  /** «замкнут», «разрыв на этапе 6 «Адресные рекомендации»» (with the track when there are several), «нет данных». */
  statusText: string;
  /** The earliest gap among the tracks. */
  gap: { component: number; label: string; track: string } | null;
  nextSteps: NextStep[];
  overdueCount: number;
  /** The findings this direction must answer and whether it did. */
  responses: FindingResponse[];
}

export interface CycleEvaluation {
  year: number;
  /** ISO date. */
  evaluationDate: string;
  /** In CYCLE_DIRECTIONS order: 1, О, 2 … 8. */
  directions: DirectionEvaluation[];
  findings: Finding[];
  /** Every finding of the year the cycle had to answer, in direction order. */
  responses: FindingResponse[];
  profileVersion: string;
  /** The level bands used: [средний от, высокий от]. */
  levels: readonly [number, number];
}

export interface CycleOptions {
  year: number;
  /** ISO date "yyyy-mm-dd": components planned before it and not done are overdue. */
  evaluationDate: string;
  profile: Profile;
  /** Findings of the analysis about this school (or municipality); those of `year` become expectations. */
  findings?: readonly CycleFinding[];
}

/** Level of a score by the profile's bands (score ≥ high → высокий; ≥ medium → средний). */
export function cycleLevel(score: number, levels: readonly number[]): CycleLevel {
  const [medium, high] = levels;
  if (score >= high) return "высокий";
  if (score >= medium) return "средний";
  return "низкий";
}

/** Scores are sums and means of a few fractions: round away binary noise so 80 is never 79,999…. */
function clean(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}

function where(ref: CellRef | undefined): { sheet: string; cell: string; text: string } {
  if (!ref) return { sheet: CYCLE_SHEET, cell: "", text: `Лист «${CYCLE_SHEET}»` };
  const file = ref.file ? `Файл «${ref.file}», лист` : "Лист";
  return { sheet: ref.sheet, cell: ref.cell, text: `${file} «${ref.sheet}», ячейка ${ref.cell}` };
}

function finding(
  rule: string,
  ref: CellRef | undefined,
  severity: Finding["severity"],
  body: string,
  hint?: string,
): Finding {
  const w = where(ref);
  const f: Finding = { severity, rule, sheet: w.sheet, cell: w.cell, message: `${w.text}: ${body}` };
  if (hint) f.hint = hint;
  return f;
}

function trackInText(direction: DirectionId, track: string): string {
  return `${directionInText(direction)}, трек «${track}»`;
}

interface TrackDraft {
  direction: DirectionId;
  track: string;
  kind: "full" | "partial";
  rows: (CycleRecord | undefined)[];
}

/** Groups the year's records into tracks, reporting rows that cannot be placed. */
function collectTracks(records: readonly CycleRecord[], year: number, findings: Finding[]): TrackDraft[][] {
  const byDirection: TrackDraft[][] = CYCLE_DIRECTIONS.map(() => []);
  const index = new Map<string, TrackDraft>();
  for (const r of records) {
    if (r.year !== year) continue;
    const d = directionIndex(r.direction);
    if (d < 0) {
      findings.push(
        finding(
          "cycle.direction",
          r.ref,
          "error",
          `направление ${String(r.direction)} не известно; ожидается 1–8 или «Объективность».`,
        ),
      );
      continue;
    }
    if (!Number.isInteger(r.component) || r.component < 1 || r.component > COMPONENT_COUNT) {
      findings.push(
        finding(
          "cycle.component",
          r.ref,
          "error",
          `компонент ${String(r.component)} не известен; ожидается номер этапа от 1 до ${COMPONENT_COUNT}.`,
        ),
      );
      continue;
    }
    const track = r.track.trim() || "основной";
    const key = `${d}\u0000${track.toLowerCase()}`;
    let t = index.get(key);
    if (!t) {
      t = { direction: r.direction, track, kind: r.trackKind, rows: new Array(COMPONENT_COUNT + 1).fill(undefined) };
      index.set(key, t);
      byDirection[d].push(t);
    } else if (t.kind !== r.trackKind) {
      findings.push(
        finding(
          "cycle.trackKind",
          r.ref,
          "warning",
          `у трека «${track}» (${directionInText(r.direction)}) указаны разные типы: «${t.kind === "full" ? "полный" : "частичный"}» в первой строке трека и «${r.trackKind === "full" ? "полный" : "частичный"}» здесь; ожидается один тип на трек. Учтён тип из первой строки.`,
        ),
      );
    }
    if (t.rows[r.component]) {
      findings.push(
        finding(
          "cycle.duplicate",
          r.ref,
          "warning",
          `этап ${r.component} трека «${track}» (${directionInText(r.direction)}) указан повторно; ожидается одна строка на этап. Учтена первая строка${t.rows[r.component]!.ref ? ` (ячейка ${t.rows[r.component]!.ref!.cell})` : ""}.`,
        ),
      );
      continue;
    }
    t.rows[r.component] = r;
  }
  return byDirection;
}

function evaluateComponent(
  t: TrackDraft,
  n: number,
  opts: CycleOptions,
  findings: Finding[],
  unanswered: CycleFinding[],
): ComponentEvaluation {
  const r = t.rows[n];
  const scores = opts.profile.values["cycle.scores"];
  const requireDocument = opts.profile.values["cycle.requireDocument"];
  const counted = isCounted(t.kind, n);
  const entered: CycleScore | null = r?.score ?? null;
  const number = r?.docNumber?.trim() ?? "";
  const date = r?.docDate?.trim() ?? "";
  const hasDocument = number !== "" && date !== "";
  const unconfirmed = entered === 2 && !hasDocument;
  let effective: CycleScore = entered ?? 0;
  if (unconfirmed && requireDocument) effective = 1;
  // A step that leaves a finding unanswered is at most begun (cycle.findingsRequireLink).
  if (counted && unanswered.length && opts.profile.values["cycle.findingsRequireLink"] && effective === 2)
    effective = 1;
  const done = counted && effective === 2;
  const planned = r?.plannedDate && isIsoDate(r.plannedDate) ? r.plannedDate : undefined;
  const overdue = counted && !done && planned !== undefined && planned < opts.evaluationDate;

  if (r && unconfirmed && counted) {
    const missing =
      number === "" && date === ""
        ? "не указаны номер и дата документа"
        : number === ""
          ? "не указан номер документа"
          : "не указана дата документа";
    findings.push(
      finding(
        "cycle.document",
        r.ref,
        "warning",
        `${componentInText(n)} (${trackInText(t.direction, t.track)}) оценён «есть», но ${missing}; ` +
          (requireDocument
            ? "без документа этап не подтверждён и считается выполненным частично."
            : "этап засчитан, но не подтверждён документом."),
        "Укажите номер и дату документа (приказа, справки, плана), подтверждающего этап.",
      ),
    );
  }
  if (r?.plannedDate && !planned) {
    findings.push(
      finding(
        "cycle.plannedDate",
        r.ref,
        "warning",
        `плановый срок «${r.plannedDate}» не дата; ожидается дата вида «31.12.2026».`,
      ),
    );
  }

  const state: ComponentEvaluation["state"] = !counted
    ? "notCounted"
    : done
      ? "done"
      : overdue
        ? "overdue"
        : effective === 1
          ? "partial"
          : "missing";
  const out: ComponentEvaluation = {
    component: n,
    label: cycleComponent(n).label,
    state,
    counted,
    entered,
    points: counted ? scores[effective] : null,
    done,
    overdue,
    unconfirmed,
  };
  if (hasDocument) out.document = { number, date };
  if (planned) out.plannedDate = planned;
  if (r?.responsible?.trim()) out.responsible = r.responsible.trim();
  if (r?.ref) out.ref = r.ref;
  if (counted && unanswered.length) out.unanswered = unanswered;
  return out;
}

/** «разрыв на этапе 7: нет мер по признаку O2 (ВПР 2026, 5 кл., математика)» */
export function findingGapText(n: number, unanswered: readonly CycleFinding[]): string {
  const more = unanswered.length - 1;
  const tail = more > 0 ? ` (и ещё ${more} ${plural(more, ["вывод", "вывода", "выводов"])})` : "";
  return `разрыв на этапе ${n}: нет ${STEP_LACKS[n]} по ${unanswered[0].about}${tail}`;
}

/** The gap of a track with its reason when it is an unanswered finding. */
export function trackGapText(t: TrackEvaluation): string | null {
  if (t.gap === null) return null;
  const c = t.components[t.gap - 1];
  return c.unanswered?.length ? findingGapText(t.gap, c.unanswered) : gapText(t.gap);
}

/** The next step that answers a finding, with the reference to type in «Связь с выводом». */
function findingStep(n: number, f: CycleFinding): string {
  return `${STEP_TODO[n]} по ${f.about} и указать в столбце «Связь с выводом» ссылку «${linkTextOf(f)}»`;
}

function evaluateTrack(
  t: TrackDraft,
  opts: CycleOptions,
  findings: Finding[],
  responses: readonly FindingResponse[],
): TrackEvaluation {
  const scores = opts.profile.values["cycle.scores"];
  const max = Math.max(...scores);
  const components: ComponentEvaluation[] = [];
  let sum = 0;
  let counted = 0;
  let gap: number | null = null;
  let overdueCount = 0;
  for (let n = 1; n <= COMPONENT_COUNT; n++) {
    const unanswered = responses
      .filter((r) => r.missingSteps.includes(n) && forTrack(r.finding, t.track))
      .map((r) => r.finding);
    const c = evaluateComponent(t, n, opts, findings, unanswered);
    components.push(c);
    if (!c.counted) continue;
    counted++;
    sum += c.points!;
    if (!c.done && gap === null) gap = n;
    if (c.overdue) overdueCount++;
  }
  const score = max > 0 ? clean((sum * 100) / (counted * max)) : 0;
  return {
    direction: t.direction,
    track: t.track,
    kind: t.kind,
    components,
    score,
    level: cycleLevel(score, opts.profile.values["cycle.levels"]),
    closed: gap === null,
    gap,
    overdueCount,
  };
}

function nextStepsOf(tr: TrackEvaluation): NextStep[] {
  const out: NextStep[] = [];
  for (const c of tr.components) {
    if (!c.counted || c.done) continue;
    const step: NextStep = {
      direction: tr.direction,
      track: tr.track,
      component: c.component,
      label: c.label,
      text: c.unanswered?.length
        ? findingStep(c.component, c.unanswered[0])
        : c.unconfirmed
          ? confirmStep(c.component)
          : cycleComponent(c.component).nextStep,
      overdue: c.overdue,
    };
    if (c.plannedDate) step.plannedDate = c.plannedDate;
    if (c.responsible) step.responsible = c.responsible;
    if (c.ref) step.ref = c.ref;
    out.push(step);
  }
  return out;
}

function forTrack(f: CycleFinding, track: string): boolean {
  return !f.track || f.track.trim().toLowerCase() === track.toLowerCase();
}

/** Per finding: the required steps (profile) that no row of the direction links to. */
function respond(expected: readonly CycleFinding[], drafts: readonly TrackDraft[], opts: CycleOptions) {
  const first = opts.profile.values["cycle.findingFirstStep"];
  const last = opts.profile.values["cycle.findingLastStep"];
  return expected.map((f): FindingResponse => {
    const missingSteps: number[] = [];
    const refs: CellRef[] = [];
    for (let n = first; n <= last; n++) {
      let found = false;
      for (const t of drafts) {
        if (!forTrack(f, t.track)) continue;
        const r = t.rows[n];
        if (!r?.links?.some((l) => linkMatches(l, f))) continue;
        found = true;
        if (r.ref) refs.push(r.ref);
      }
      if (!found) missingSteps.push(n);
    }
    return { finding: f, responded: missingSteps.length === 0, missingSteps, refs };
  });
}

function evaluateDirection(
  dir: CycleDirection,
  drafts: TrackDraft[],
  opts: CycleOptions,
  findings: Finding[],
  expected: readonly CycleFinding[],
): DirectionEvaluation {
  const responses = respond(expected, drafts, opts);
  const tracks = drafts.map((t) => evaluateTrack(t, opts, findings, responses));
  const base = { id: dir.id, code: dir.code, name: dir.name, shortName: dir.shortName, tracks, responses };
  const open = responses.filter((r) => !r.responded);
  if (tracks.length === 0 && open.length) {
    // Findings to answer and no track at all: the gap is the first required step, with its reason.
    const n = Math.min(...open.map((r) => r.missingSteps[0]));
    const lacking = open.filter((r) => r.missingSteps.includes(n)).map((r) => r.finding);
    return {
      ...base,
      score: null,
      level: null,
      status: "gap",
      statusText: findingGapText(n, lacking),
      gap: { component: n, label: cycleComponent(n).label, track: "" },
      nextSteps: open.flatMap((r) =>
        r.missingSteps.map((k) => ({
          direction: dir.id,
          track: "",
          component: k,
          label: cycleComponent(k).label,
          text: findingStep(k, r.finding),
          overdue: false,
        })),
      ),
      overdueCount: 0,
    };
  }
  if (tracks.length === 0) {
    return {
      ...base,
      score: null,
      level: null,
      status: "noData",
      statusText: STATUS_NO_DATA,
      gap: null,
      nextSteps: [],
      overdueCount: 0,
    };
  }
  const score = clean(tracks.reduce((s, t) => s + t.score, 0) / tracks.length);
  let gapTrack: TrackEvaluation | null = null;
  for (const t of tracks) if (t.gap !== null && (gapTrack === null || t.gap < gapTrack.gap!)) gapTrack = t;
  const gap = gapTrack
    ? { component: gapTrack.gap!, label: cycleComponent(gapTrack.gap!).label, track: gapTrack.track }
    : null;
  const statusText = gapTrack
    ? `${trackGapText(gapTrack)}${tracks.length > 1 ? ` (трек «${gapTrack.track}»)` : ""}`
    : STATUS_CLOSED;
  return {
    ...base,
    score,
    level: cycleLevel(score, opts.profile.values["cycle.levels"]),
    status: gap ? "gap" : "closed",
    statusText,
    gap,
    nextSteps: tracks.flatMap(nextStepsOf),
    overdueCount: tracks.reduce((s, t) => s + t.overdueCount, 0),
  };
}

/**
 * Evaluates the cycle of one academic year. Records of other years are ignored; the evaluation
 * date decides what is overdue (planned strictly before it and not done).
 */
export function evaluateCycle(records: readonly CycleRecord[], opts: CycleOptions): CycleEvaluation {
  if (!isIsoDate(opts.evaluationDate)) {
    throw new InputError(
      `Дата оценки цикла «${opts.evaluationDate}» не распознана: ожидается дата вида «2026-12-31» или «31.12.2026».`,
    );
  }
  if (!Number.isInteger(opts.year)) {
    throw new InputError(`Год цикла «${String(opts.year)}» не распознан: ожидается год, например 2026.`);
  }
  const findings: Finding[] = [];
  const byDirection = collectTracks(records, opts.year, findings);
  const expected = CYCLE_DIRECTIONS.map((d) =>
    (opts.findings ?? []).filter((f) => f.year === opts.year && f.direction === d.id),
  );
  const directions = CYCLE_DIRECTIONS.map((d, i) => evaluateDirection(d, byDirection[i], opts, findings, expected[i]));
  const levels = opts.profile.values["cycle.levels"];
  return {
    year: opts.year,
    evaluationDate: opts.evaluationDate,
    directions,
    findings,
    responses: directions.flatMap((d) => d.responses),
    profileVersion: opts.profile.version,
    levels: [levels[0], levels[1]],
  };
}

/** The latest year among the records, or null when there are none. */
export function latestCycleYear(records: readonly CycleRecord[]): number | null {
  let y: number | null = null;
  for (const r of records) if (Number.isInteger(r.year) && (y === null || r.year > y)) y = r.year;
  return y;
}

/** «Подготовить … — срок 15.12.2026 (просрочен)» — one line of a next step for lists and cells. */
export function nextStepText(s: NextStep): string {
  const date = s.plannedDate ? ` — срок ${formatDateRu(s.plannedDate)}${s.overdue ? " (просрочен)" : ""}` : "";
  return `${s.text}${date}`;
}

/** «78,5 %» or «—». */
export function scoreText(score: number | null): string {
  return score === null ? "—" : formatPercentRu(score);
}

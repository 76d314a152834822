/**
 * Step 9 «Анализ эффективности принятых мер» computed, not declared: a measure (step 7) names the
 * indicator it targets («ВПР 5 математика качество») in «Целевой показатель»; the cycle of the
 * next year compares that indicator in the measure's year and the year after, with the sample-size
 * class of the later year and whether the finding the measure answered persists — one Russian
 * sentence with the numbers. The data come from the caller (a school's or the municipality's
 * results), so this module stays pure.
 */
import { PROCEDURES, type CycleRecord, type CycleTarget, type DirectionId } from "../model";
import { sizeClass, SIZE_CLASS_LABELS, type SizeClass } from "../indicators";
import type { Profile } from "../profile";
import { canonicalSubject } from "../subjects";
import { countRu, formatPercentRu, formatPointsRu } from "../values";
import { linkMatches, type CycleFinding } from "./links";

export type TargetIndicator = CycleTarget["indicator"];

/** Indicator names as the sheet and the sentences write them; share2 improves downwards. */
export const TARGET_INDICATORS: Readonly<Record<TargetIndicator, { label: string; lowerIsBetter: boolean }>> = {
  success: { label: "успеваемость", lowerIsBetter: false },
  quality: { label: "качество", lowerIsBetter: false },
  share2: { label: "доля «2»", lowerIsBetter: true },
};

export const TARGET_EXAMPLE = "«ВПР 5 математика качество» или «ОГЭ 9 русский язык доля «2»»";

/** Directions whose measures target result indicators, so step 9 can be computed from results. */
export const RESULT_DIRECTIONS: readonly DirectionId[] = [1, "O", 2];

export type TargetParse = { ok: true; target: CycleTarget } | { ok: false; error: string };

const PROCEDURE_BY_KEY = new Map(PROCEDURES.map((p) => [p.toUpperCase(), p]));

/** «ВПР 5 математика качество»: procedure, grade, subject and indicator in any order. */
export function parseTarget(text: string): TargetParse {
  const trimmed = text.replace(/[\u00a0\u202f]/g, " ").trim();
  let rest = ` ${trimmed.toLowerCase().replace(/ё/g, "е")} `;
  let indicator: TargetIndicator | null = null;
  const found = (re: RegExp, id: TargetIndicator) => {
    if (indicator || !re.test(rest)) return;
    indicator = id;
    rest = rest.replace(re, " ");
  };
  found(/\sдоля\s*[«"']?[2２][»"']?(?=\s)|\sдвоек(?=\s)/, "share2");
  found(/\sуспеваемост\S*/, "success");
  found(/\sкачеств\S*(?:\s+знаний)?/, "quality");
  if (!indicator) return { ok: false, error: "не указан показатель: «успеваемость», «качество» или «доля «2»»" };
  const tokens = rest.replace(/[,()]/g, " ").split(/\s+/).filter(Boolean);
  let procedure: string | undefined;
  let grade: number | undefined;
  const subject: string[] = [];
  for (const t of tokens) {
    const p = PROCEDURE_BY_KEY.get(t.toUpperCase());
    if (p) procedure = p;
    else if (/^\d{1,2}(?:кл\.?)?$/.test(t)) grade = parseInt(t, 10);
    else if (t === "кл" || t === "кл." || t === "класс") continue;
    else subject.push(t);
  }
  if (!procedure) return { ok: false, error: `не указана процедура (${PROCEDURES.join(", ")})` };
  if (grade === undefined || grade < 1 || grade > 11) return { ok: false, error: "не указан класс 1–11" };
  const s = canonicalSubject(subject.join(" "));
  if (!s)
    return {
      ok: false,
      error: subject.length ? `предмет «${subject.join(" ")}» не распознан` : "не указан предмет",
    };
  return { ok: true, target: { procedure, grade, subject: s, indicator: indicator as TargetIndicator, text: trimmed } };
}

export interface IndicatorValue {
  /** The indicator, % (0–100); null without a denominator. */
  value: number | null;
  /** Participants with a mark. */
  n: number;
}

/** The data of a school (or the municipality): the target's indicator in a year, null when there is no row. */
export type IndicatorOf = (year: number, target: CycleTarget) => IndicatorValue | null;

export interface MeasureEffect {
  direction: DirectionId;
  track: string;
  /** Year of the measure (its row's year). */
  measureYear: number;
  /** The following year, whose data judge it. */
  dataYear: number;
  target: CycleTarget;
  before: IndicatorValue | null;
  after: IndicatorValue | null;
  /** after − before, п.п.; null without both values. */
  change: number | null;
  /** Whether the change goes the indicator's good way (share2: down); null without a change. */
  improved: boolean | null;
  sizeClass: SizeClass | null;
  /** Whether a finding the measure answered is found again in the data year; null when it answered none. */
  persists: boolean | null;
  /** One Russian sentence with the numbers. */
  sentence: string;
  ref?: CycleRecord["ref"];
}

function focus(t: CycleTarget): string {
  return `${TARGET_INDICATORS[t.indicator].label}, ${t.procedure}, ${t.grade} кл., ${t.subject.toLowerCase()}`;
}

/** The effect of one measure of `year − 1`, judged by the data of `year`. */
export function measureEffect(
  r: CycleRecord & { target: CycleTarget },
  year: number,
  indicatorOf: IndicatorOf | undefined,
  findings: readonly CycleFinding[],
  profile: Profile,
): MeasureEffect {
  const t = r.target;
  const before = indicatorOf?.(r.year, t) ?? null;
  const after = indicatorOf?.(year, t) ?? null;
  const change =
    before?.value != null && after?.value != null ? Math.round((after.value - before.value) * 1e9) / 1e9 : null;
  const improved = change === null ? null : TARGET_INDICATORS[t.indicator].lowerIsBetter ? change < 0 : change > 0;
  const size = after ? sizeClass(after.n, profile) : null;
  const links = r.links ?? [];
  const persists = links.length
    ? findings.some((f) => f.year === year && links.some((l) => linkMatches({ ...l, year }, f)))
    : null;
  const head = `Меры ${r.year} года (трек «${r.track}») по показателю «${focus(t)}»`;
  let body: string;
  if (!indicatorOf) body = "данные результатов не переданы";
  else if (change === null || before?.value == null || after?.value == null)
    body = `нет данных ${before?.value == null ? r.year : year} года для сравнения`;
  else
    body =
      `${formatPercentRu(before.value)} → ${formatPercentRu(after.value)} (${formatPointsRu(change)}, ` +
      `${improved ? "улучшение" : change === 0 ? "без изменений" : "ухудшение"}); ${year} — ` +
      `${countRu(after.n, ["участник", "участника", "участников"])}, ${SIZE_CLASS_LABELS[size!]}`;
  const tail =
    persists === null
      ? ""
      : `; ${links.map((l) => l.code).join(", ")} в ${year} году ${persists ? "сохраняется" : "не выявлен"}`;
  const out: MeasureEffect = {
    direction: r.direction,
    track: r.track,
    measureYear: r.year,
    dataYear: year,
    target: t,
    before,
    after,
    change,
    improved,
    sizeClass: size,
    persists,
    sentence: `${head}: ${body}${tail}.`,
  };
  if (r.ref) out.ref = r.ref;
  return out;
}

/**
 * MSOKO.CYCLE / ЦИКЛ: the management cycle of one direction over the form's «Цикл» range
 * (header row included). Returns the status text, or with a mode the score, the level, the
 * number of overdue components or the next step. The JSDoc wrapper in functions.ts only calls
 * `cycle`.
 *
 * The function stays non-volatile: the evaluation date is an argument, or the workbook's
 * reporting date that the pane sets through `setReportingDate` — never TODAY(). The year is the
 * latest one in the range (the form keeps earlier years for history; to evaluate an earlier year,
 * pass a range with that year only).
 */
import { InputError, NoDataError, positionRu } from "../core/errors";
import {
  DIRECTION_EXPECTED,
  cycleComponent,
  cycleDirection,
  evaluateCycle,
  latestCycleYear,
  matchDirection,
  nextStepText,
  parseDate,
  parseLink,
  parseLinks,
  parseTarget,
  makeFinding,
  FINDING_CODES,
  LINK_EXAMPLE,
  TARGET_EXAMPLE,
  type CycleEvaluation,
  type DirectionEvaluation,
} from "../core/cycle";
import type { CycleRecord, CycleScore, DirectionId } from "../core/model";
import type { Profile } from "../core/profile";
import { normaliseKey } from "../core/subjects";
import { quoteValue, readCell, type CellValue } from "../core/values";
import { CYCLE as CYCLE_SCHEMA, headerKey, locateColumns } from "../form/schema";
import { getProfile } from "./context";
import { asRange, isOmitted, readMode, type Range } from "./ranges";

const RANGE_ARG = "диапазон_цикла";
const DIRECTION_ARG = "направление";
const MODE_ARG = "режим";
const DATE_ARG = "дата_оценки";

// ── reporting date of the workbook ───────────────────────────────────────────

let reportingDate: string | null = null;

/**
 * The workbook's reporting date (from its settings), used when the function gets no date. The
 * pane calls this when it reads the settings and whenever the user changes the date; null clears.
 * Accepts ISO text, «31.12.2026», an Excel serial number or a Date.
 */
export function setReportingDate(date: unknown): void {
  if (date === null || date === undefined || date === "") {
    reportingDate = null;
    return;
  }
  const iso = parseDate(date);
  if (!iso)
    throw new InputError(`Отчётная дата ${quoteValue(String(date))} не распознана: ожидается дата вида «31.12.2026».`);
  reportingDate = iso;
}

export function getReportingDate(): string | null {
  return reportingDate;
}

// ── reading the «Цикл» range ─────────────────────────────────────────────────

function bad(row: number, col: number, v: CellValue, expected: string): InputError {
  return new InputError(
    `Значение ${quoteValue(v)} в ${positionRu(row, col)} аргумента «${RANGE_ARG}» не подходит: ${expected}.`,
  );
}

function text(v: CellValue): string {
  const c = readCell(v);
  if (c.kind === "blank") return "";
  if (c.kind === "number") return String(c.value);
  if (c.kind === "text") return c.text;
  return String(v ?? "").trim();
}

const SCORE_WORDS: Record<string, CycleScore> = {
  нет: 0,
  "0": 0,
  "не выполнено": 0,
  частично: 1,
  "1": 1,
  "частично выполнено": 1,
  есть: 2,
  "2": 2,
  да: 2,
  выполнено: 2,
};
const KIND_WORDS: Record<string, "full" | "partial"> = {
  полный: "full",
  "полный цикл": "full",
  full: "full",
  частичный: "partial",
  "частичный цикл": "partial",
  неполный: "partial",
  partial: "partial",
};

function readYear(v: CellValue, r: number, c: number): number {
  const cell = readCell(v);
  if (cell.kind === "number" && Number.isInteger(cell.value) && cell.value >= 2000 && cell.value <= 2100)
    return cell.value;
  // «2025/2026», «2025/26», «2025-2026»: the calendar year the academic year ends in.
  const m = cell.kind === "text" ? /^(\d{4})\s*[/\-–]\s*(\d{2}|\d{4})$/.exec(cell.text) : null;
  if (m) return m[2].length === 2 ? Number(m[1].slice(0, 2) + m[2]) : Number(m[2]);
  throw bad(r, c, v, "ожидается год, например 2026 (для учебного года 2025/26 — 2026)");
}

function readDirection(v: CellValue, r: number, c: number): DirectionId {
  const cell = readCell(v);
  const m = cell.kind === "number" ? matchDirection(cell.value) : matchDirection(text(v));
  if (m.ok) return m.id;
  throw bad(r, c, v, `ожидается ${DIRECTION_EXPECTED}`);
}

function readComponent(v: CellValue, r: number, c: number): number {
  const cell = readCell(v);
  if (cell.kind === "number" && Number.isInteger(cell.value) && cell.value >= 1 && cell.value <= 9) return cell.value;
  if (cell.kind === "text") {
    const lead = /^(\d)\s*[.)]/.exec(cell.text);
    if (lead && +lead[1] >= 1) return +lead[1];
    const k = normaliseKey(cell.text);
    for (let n = 1; n <= 9; n++) if (k.length >= 4 && normaliseKey(cycleComponent(n).label).startsWith(k)) return n;
  }
  throw bad(r, c, v, "ожидается номер компонента цикла от 1 до 9");
}

function readWord<T>(words: Record<string, T>, v: CellValue, r: number, c: number, expected: string): T {
  const k = text(v).toLowerCase().replace(/ё/g, "е").replace(/\s+/g, " ");
  if (Object.prototype.hasOwnProperty.call(words, k)) return words[k];
  throw bad(r, c, v, expected);
}

function readDateCell(v: CellValue, r: number, c: number): string | undefined {
  if ((v as unknown) instanceof Date) return parseDate(v) ?? undefined;
  const cell = readCell(v);
  if (cell.kind === "blank") return undefined;
  const iso = cell.kind === "number" && !cell.fromText ? parseDate(cell.value) : parseDate(String(v).trim());
  if (!iso) throw bad(r, c, v, "ожидается дата вида «31.12.2026»");
  return iso;
}

/** Header spellings of the «Цикл» columns (headerKey form) → column id. */
const HEADER_IDS = new Map<string, string>();
for (const c of CYCLE_SCHEMA.columns)
  for (const h of [c.header, ...(c.aliases ?? [])]) HEADER_IDS.set(headerKey(h), c.id);

type Location = Pick<ReturnType<typeof locateColumns>, "headerRow" | "dataStart" | "missing" | "columns">;

/**
 * The usual case, the range starts at the template's header row: exact or alias headers in the
 * first row are found by a map lookup. The full locator (fuzzy headers, title rows, two-level
 * headers) is much slower and only runs when this finds too little.
 */
function quickLocate(range: Range): Location | null {
  const columns: Location["columns"] = {};
  (range[0] ?? []).forEach((v, col) => {
    const id = HEADER_IDS.get(headerKey(text(v)));
    if (id && !columns[id]) columns[id] = { id, col, header: text(v), how: "exact" };
  });
  const missing = CYCLE_SCHEMA.columns.filter((c) => c.required && !columns[c.id]).map((c) => c.id);
  return missing.length === 0 ? { headerRow: 0, dataStart: 1, missing, columns } : null;
}

/**
 * Reads the range into cycle records. The header row is found by its text (the form's column
 * locator), so columns may be reordered; rows without direction, track and component are skipped.
 */
export function readCycleRange(value: unknown): CycleRecord[] {
  const range: Range = asRange(value);
  const loc = quickLocate(range) ?? locateColumns(range, CYCLE_SCHEMA);
  if (loc.headerRow < 0 || loc.missing.length > 0) {
    const missing =
      loc.headerRow < 0
        ? CYCLE_SCHEMA.columns.filter((c) => c.required).map((c) => c.header)
        : loc.missing.map((id) => CYCLE_SCHEMA.columns.find((c) => c.id === id)!.header);
    throw new InputError(
      `Аргумент «${RANGE_ARG}» должен включать строку заголовков листа «Цикл» (Год, Направление, Трек, Тип трека, Компонент, Оценка, Документ №, Дата документа, Ответственный, Плановый срок); ` +
        `не найдены столбцы: ${missing.map((h) => `«${h}»`).join(", ")}.`,
    );
  }
  const col = (id: string): number => loc.columns[id]?.col ?? -1;
  const C = {
    year: col("year"),
    direction: col("direction"),
    track: col("track"),
    trackKind: col("trackKind"),
    component: col("component"),
    score: col("score"),
    docNumber: col("docNumber"),
    docDate: col("docDate"),
    responsible: col("responsible"),
    plannedDate: col("plannedDate"),
    link: col("link"),
    target: col("target"),
  };
  const at = (row: CellValue[], c: number): CellValue => (c >= 0 ? row[c] : null);
  const records: CycleRecord[] = [];
  for (let r = loc.dataStart; r < range.length; r++) {
    const row = range[r] ?? [];
    if ([C.direction, C.track, C.component].every((c) => text(at(row, c)) === "")) continue;
    for (const [id, c] of [
      ["year", C.year],
      ["direction", C.direction],
      ["track", C.track],
      ["trackKind", C.trackKind],
      ["component", C.component],
    ] as const) {
      if (text(at(row, c)) === "") {
        const header = CYCLE_SCHEMA.columns.find((s) => s.id === id)!.header;
        throw new InputError(
          `В ${positionRu(r, c)} аргумента «${RANGE_ARG}» не заполнен столбец «${header}»: строка цикла требует год, направление, трек, тип трека и компонент.`,
        );
      }
    }
    const scoreText = text(at(row, C.score));
    const record: CycleRecord = {
      year: readYear(at(row, C.year), r, C.year),
      direction: readDirection(at(row, C.direction), r, C.direction),
      track: text(at(row, C.track)),
      trackKind: readWord(KIND_WORDS, at(row, C.trackKind), r, C.trackKind, "ожидается «полный» или «частичный»"),
      component: readComponent(at(row, C.component), r, C.component),
      score:
        scoreText === ""
          ? null
          : readWord(SCORE_WORDS, at(row, C.score), r, C.score, "ожидается «нет», «частично» или «есть» (или 0, 1, 2)"),
    };
    const docNumber = text(at(row, C.docNumber));
    if (docNumber) record.docNumber = docNumber;
    const docDate = readDateCell(at(row, C.docDate), r, C.docDate);
    if (docDate) record.docDate = docDate;
    const responsible = text(at(row, C.responsible));
    if (responsible) record.responsible = responsible;
    const plannedDate = readDateCell(at(row, C.plannedDate), r, C.plannedDate);
    if (plannedDate) record.plannedDate = plannedDate;
    const linkText = text(at(row, C.link));
    if (linkText) {
      const { links, errors } = parseLinks(linkText);
      if (errors.length)
        throw bad(r, C.link, at(row, C.link), `${errors[0]}; ожидается ссылка на вывод, например ${LINK_EXAMPLE}`);
      record.links = links;
    }
    const targetText = text(at(row, C.target));
    if (targetText) {
      const t = parseTarget(targetText);
      if (!t.ok) throw bad(r, C.target, at(row, C.target), `${t.error}; ожидается, например, ${TARGET_EXAMPLE}`);
      record.target = t.target;
    }
    records.push(record);
  }
  return records;
}

// ── arguments ────────────────────────────────────────────────────────────────

export function readDirectionArg(value: unknown): DirectionId {
  const range = asRange(value);
  const v = range[0]?.[0];
  if (range.length !== 1 || range[0].length !== 1 || isOmitted(v)) {
    throw new InputError(`Аргумент «${DIRECTION_ARG}» должен быть одним значением: ${DIRECTION_EXPECTED}.`);
  }
  const cell = readCell(v);
  const m = cell.kind === "number" ? matchDirection(cell.value) : matchDirection(text(v));
  if (m.ok) return m.id;
  const hint =
    m.candidates.length > 1
      ? ` Подходят несколько направлений (${m.candidates.map((id) => cycleDirection(id).code).join(", ")}) — уточните название или укажите номер.`
      : "";
  throw new InputError(
    `Аргумент «${DIRECTION_ARG}»: значение ${quoteValue(v)} не распознано; ожидается ${DIRECTION_EXPECTED}.${hint}`,
  );
}

export function readEvaluationDate(value: unknown): string {
  if (isOmitted(value)) {
    if (reportingDate) return reportingDate;
    throw new InputError(
      `Не задана дата оценки цикла: укажите её аргументом «${DATE_ARG}» (например, «31.12.2026» или ссылку на ячейку с датой) ` +
        "или задайте отчётную дату книги на панели МСОКО.",
    );
  }
  const range = asRange(value);
  const v = range[0][0];
  if (range.length !== 1 || range[0].length !== 1)
    throw new InputError(`Аргумент «${DATE_ARG}» должен быть одной датой, а передан диапазон.`);
  const cell = readCell(v);
  const iso =
    (v as unknown) instanceof Date
      ? parseDate(v)
      : cell.kind === "number" && !cell.fromText
        ? parseDate(cell.value)
        : parseDate(String(v).trim());
  if (!iso)
    throw new InputError(
      `Аргумент «${DATE_ARG}»: значение ${quoteValue(v)} не дата; ожидается дата вида «31.12.2026» или «2026-12-31».`,
    );
  return iso;
}

export type CycleMode = "status" | "score" | "level" | "overdue" | "step" | "findings";

const MODES: Record<string, CycleMode> = {
  статус: "status",
  status: "status",
  балл: "score",
  баллы: "score",
  score: "score",
  уровень: "level",
  level: "level",
  просрочено: "overdue",
  просрочен: "overdue",
  просрочка: "overdue",
  overdue: "overdue",
  шаг: "step",
  "следующий шаг": "step",
  step: "step",
  выводы: "findings",
  вывод: "findings",
  "связь с выводом": "findings",
  findings: "findings",
};

/** «ШНОР 2026 (этапы 6, 7, 8); O2 ВПР 2026 5 математика (этап 7)» — the direction's rows that cite findings. */
function linkedFindings(d: DirectionEvaluation): string {
  const steps = new Map<string, Set<number>>();
  for (const t of d.tracks)
    for (const c of t.components)
      for (const l of c.links ?? []) {
        const set = steps.get(l.text) ?? new Set<number>();
        set.add(c.component);
        steps.set(l.text, set);
      }
  if (!steps.size) return "нет ссылок на выводы анализа";
  return [...steps]
    .map(([text, set]) => {
      const list = [...set].sort((a, b) => a - b);
      return `${text} (${list.length > 1 ? "этапы" : "этап"} ${list.join(", ")})`;
    })
    .join("; ");
}

// ── the function ─────────────────────────────────────────────────────────────

function answer(d: DirectionEvaluation, e: CycleEvaluation, mode: CycleMode): string | number {
  const noData = d.status === "noData";
  const whose = `${d.id === "O" ? "трека «Объективность»" : `направления ${d.code}`}`;
  switch (mode) {
    case "status":
      return d.statusText;
    case "score":
      if (d.score === null)
        throw new NoDataError(`Нет данных о цикле ${whose} за ${e.year} год: в диапазоне нет ни одного трека.`);
      return d.score;
    case "level":
      return d.level ?? d.statusText;
    case "overdue":
      return d.overdueCount;
    case "findings":
      return linkedFindings(d);
    case "step": {
      if (noData) return `нет данных: заполните треки ${whose} на листе «Цикл»`;
      if (!d.gap) return "цикл замкнут";
      const step = d.nextSteps.find((s) => s.component === d.gap!.component && s.track === d.gap!.track)!;
      return nextStepText(step);
    }
  }
}

/**
 * =MSOKO.CYCLE(direction; range; [mode]; [evaluationDate]). Pure: the same arguments (and the same
 * reporting date and profile) give the same answer.
 */
export function cycle(
  direction: unknown,
  range: unknown,
  mode?: unknown,
  evaluationDate?: unknown,
  profile: Profile = getProfile(),
): string | number {
  const id = readDirectionArg(direction);
  const m = readMode(mode, MODE_ARG, MODES, "status");
  const date = readEvaluationDate(evaluationDate);
  const e = evaluationOf(range, date, profile);
  if (e === null) {
    if (m === "score")
      throw new NoDataError(`Нет данных о цикле: в аргументе «${RANGE_ARG}» нет ни одной строки цикла.`);
    if (m === "overdue") return 0;
    if (m === "findings") return "нет ссылок на выводы анализа";
    return m === "step" ? "нет данных: заполните лист «Цикл»" : "нет данных";
  }
  return answer(
    e.directions.find((d) => d.id === id)!,
    e,
    m,
  );
}

// ── cache ────────────────────────────────────────────────────────────────────

interface CacheEntry {
  records?: CycleRecord[];
  error?: unknown;
  /** Evaluations of these records by evaluation date, valid for one profile object. */
  evaluations: Map<string, { profile: Profile; evaluation: CycleEvaluation | null }>;
}

const CACHE_SIZE = 8;
const cache = new Map<string, CacheEntry>();

/**
 * A sheet typically holds a board of 9 directions × 5 modes, all over the same range: the range
 * is read and evaluated once per distinct content (keyed by its values), not once per cell.
 */
function evaluationOf(range: unknown, date: string, profile: Profile): CycleEvaluation | null {
  const key = JSON.stringify(asRange(range));
  let entry = cache.get(key);
  if (entry) {
    cache.delete(key);
  } else {
    entry = { evaluations: new Map() };
    try {
      entry.records = readCycleRange(range);
    } catch (e) {
      entry.error = e;
    }
  }
  cache.set(key, entry);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  if (entry.error !== undefined) throw entry.error;
  const known = entry.evaluations.get(date);
  if (known && known.profile === profile) return known.evaluation;
  const year = latestCycleYear(entry.records!);
  const evaluation = year === null ? null : evaluateCycle(entry.records!, { year, evaluationDate: date, profile });
  entry.evaluations.set(date, { profile, evaluation });
  return evaluation;
}

// ── whether the cycle answered a finding ─────────────────────────────────────

const FINDING_ARG = "вывод";

export type ResponseMode = "answer" | "steps";

const RESPONSE_MODES: Record<string, ResponseMode> = {
  ответ: "answer",
  answer: "answer",
  этапы: "steps",
  steps: "steps",
};

/**
 * =MSOKO.CYCLERESPONSE(finding; range; [mode]): whether the «Цикл» range answers a finding of the
 * analysis («O2 ВПР 2026 5 математика», «ШНОР 2026») at the steps the profile requires (6–8): rows of
 * the finding's direction citing it in «Связь с выводом». «да», or «нет: …» with the steps lacking;
 * mode «этапы» gives the steps without an answer («6, 7») or «—».
 */
export function cycleResponse(
  finding: unknown,
  range: unknown,
  mode?: unknown,
  profile: Profile = getProfile(),
): string {
  const cell = asRange(finding);
  const v = cell[0]?.[0];
  if (cell.length !== 1 || cell[0].length !== 1 || isOmitted(v))
    throw new InputError(`Аргумент «${FINDING_ARG}» должен быть одной ссылкой на вывод, например ${LINK_EXAMPLE}.`);
  const parsed = parseLink(text(v));
  if (!parsed.ok)
    throw new InputError(
      `Аргумент «${FINDING_ARG}»: ${quoteValue(v)} не распознан — ${parsed.error}; ожидается, например, ${LINK_EXAMPLE}.`,
    );
  const m = readMode(mode, MODE_ARG, RESPONSE_MODES, "answer");
  const l = parsed.link;
  const f = makeFinding(l.code, "", { year: l.year, procedure: l.procedure, grade: l.grade, subject: l.subject });
  const records = readCycleRange(range);
  // The answer does not depend on dates: the finding's year is evaluated as of its last day.
  const e = evaluateCycle(records, { year: l.year, evaluationDate: `${l.year}-12-31`, profile, findings: [f] });
  const r = e.responses[0];
  if (m === "steps") return r.missingSteps.length ? r.missingSteps.join(", ") : "—";
  if (r.responded) return "да";
  const d = cycleDirection(FINDING_CODES[l.code].direction);
  const where = d.id === "O" ? "трека «Объективность»" : `направления ${d.code}`;
  return `нет: в цикле ${l.year} года ${where} нет строк со ссылкой «${l.text}» на ${r.missingSteps.length > 1 ? "этапах" : "этапе"} ${r.missingSteps.map((n) => `${n} «${cycleComponent(n).label}»`).join(", ")}`;
}

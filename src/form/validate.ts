/**
 * Validation rules across rows and sheets of the form: sums (marks, journal groups, ЕГЭ groups,
 * graduates' destinations, parts of a whole), duplicates, unknown subjects, participants against
 * the contingent, task points against the task list, the cycle's documents. Works on the typed
 * rows of read.ts; reads only, never changes a cell. validateForm is the one entry point.
 */
import { INTERNAL_PERIODS, type Finding } from "../core/model";
import { canonicalSubject, nearest, SUBJECTS } from "../core/subjects";
import { formatNumberRu, quoteValue } from "../core/values";
import { LINK_EXAMPLE, parseLinks } from "../core/cycle/links";
import { parseTarget, TARGET_EXAMPLE } from "../core/cycle/effect";
import type { SheetRead } from "../host/port";
import { columnName, type TypedValue } from "./cells";
import { isKindergarten, readForm, type FormRead, type TableRead, type TypedRow } from "./read";
import { finding } from "./rules";
import { PRESCHOOL_GROUPS } from "./schema/sheets";
import type { SheetSchema } from "./schema/types";

const num = (v: TypedValue): number | null => (typeof v === "number" ? v : null);

function header(schema: SheetSchema, id: string): string {
  const c = schema.columns.find((x) => x.id === id);
  return c ? columnName(c) : id;
}

/** Values of `ids` when every one is readable and at least one is filled; blanks count 0. */
function partsOf(row: TypedRow, ids: readonly string[]): { sum: number; filled: boolean } | null {
  if (ids.some((id) => row.invalid.has(id))) return null;
  let sum = 0;
  let filled = false;
  for (const id of ids) {
    const v = num(row.values[id]);
    if (v !== null) {
      sum += v;
      filled = true;
    }
  }
  return { sum, filled };
}

/** canonicalSubject, memoised: a form repeats a handful of subject spellings thousands of times. */
const SUBJECT_MEMO = new Map<string, string | null>();
export function canonicalSubjectCached(text: string): string | null {
  let v = SUBJECT_MEMO.get(text);
  if (v === undefined) {
    if (SUBJECT_MEMO.size > 5000) SUBJECT_MEMO.clear();
    v = canonicalSubject(text);
    SUBJECT_MEMO.set(text, v);
  }
  return v;
}

/** Lower case, memoised: the same few procedures, subjects and class letters fill every row. */
const LOWER_MEMO = new Map<string, string>();
function lowerCached(text: string): string {
  let v = LOWER_MEMO.get(text);
  if (v === undefined) {
    if (LOWER_MEMO.size > 5000) LOWER_MEMO.clear();
    v = text.toLowerCase();
    LOWER_MEMO.set(text, v);
  }
  return v;
}

/** A text with an ASCII digit (a participant code, a task number) is no subject: see canonicalSubject. */
function hasAsciiDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) return true;
  }
  return false;
}

/** One value of a key: subjects by their canonical name, texts in lower case. */
function keyPart(v: TypedValue | undefined): string {
  if (typeof v !== "string") return String(v ?? "");
  // Codes are distinct on every row: memoising them would only churn the memos.
  if (hasAsciiDigit(v) && canonicalSubject(v) === null) return v.toLowerCase();
  return lowerCached(canonicalSubjectCached(v) ?? v);
}

function keyText(row: TypedRow, ids: readonly string[]): string | null {
  let key = "";
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    if (row.invalid.has(id)) return null;
    key = i === 0 ? keyPart(row.values[id]) : `${key}|${keyPart(row.values[id])}`;
  }
  return key;
}

function describeKey(t: TableRead, row: TypedRow, ids: readonly string[]): string {
  return ids
    .map((id) => row.values[id])
    .filter((v) => v !== null && v !== undefined && v !== "")
    .map((v) => String(v))
    .join(", ");
}

/** The work a row belongs to: procedure, year, grade, subject. */
const WORK_KEY = ["procedure", "year", "grade", "subject"] as const;

/**
 * keyText(row, WORK_KEY) of every row. Rows of one work follow each other with the very same
 * values: such a row shares the previous row's key string (and the Maps its cached hash).
 */
function workKeysOf(rows: readonly TypedRow[]): (string | null)[] {
  const keys = new Array<string | null>(rows.length);
  let prev: TypedRow | null = null;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const p = prev;
    const same =
      p !== null &&
      row.invalid.size === 0 &&
      p.invalid.size === 0 &&
      row.values.procedure === p.values.procedure &&
      row.values.year === p.values.year &&
      row.values.grade === p.values.grade &&
      row.values.subject === p.values.subject;
    keys[i] = same ? keys[i - 1] : keyText(row, WORK_KEY);
    prev = row;
  }
  return keys;
}

type DuplicateRule = "duplicate.row" | "duplicate.participant";

/** `keys` (by row, as keyText(row, ids) gives them) spares tables whose keys are already known. */
function duplicates(
  t: TableRead,
  ids: readonly string[],
  rule: DuplicateRule,
  cellId: string,
  out: Finding[],
  keys?: readonly (string | null)[],
): void {
  const seen = new Map<string, TypedRow>();
  const rows = t.rows;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const k = keys ? keys[i] : keyText(row, ids);
    if (k === null) continue;
    const first = seen.get(k);
    if (!first) {
      seen.set(k, row);
      continue;
    }
    reportDuplicate(t, row, first, ids, rule, cellId, out);
  }
}

/**
 * duplicates(t, [...WORK_KEY, id], …) given the rows' work keys (workKeysOf), without a joined
 * key string per row: the rows of each work are told apart by the part of `id` alone. When no
 * such part holds "|", two joined keys are equal exactly when both the work keys and the parts
 * are (the part is what follows the last "|"); otherwise the joined keys are used.
 */
function duplicatesInWork(
  t: TableRead,
  workKeys: readonly (string | null)[],
  id: string,
  rule: DuplicateRule,
  out: Finding[],
): void {
  const ids = [...WORK_KEY, id];
  const rows = t.rows;
  const parts = new Array<string | null>(rows.length);
  let plain = true;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (workKeys[i] === null || row.invalid.has(id)) {
      parts[i] = null;
      continue;
    }
    const part = keyPart(row.values[id]);
    if (part.indexOf("|") >= 0) plain = false;
    parts[i] = part;
  }
  if (!plain) {
    duplicates(
      t,
      ids,
      rule,
      id,
      out,
      parts.map((p, i) => (p === null ? null : `${workKeys[i]}|${p}`)),
    );
    return;
  }
  const works = new Map<string, Map<string, TypedRow>>();
  let lastWork: string | null = null;
  let seen = new Map<string, TypedRow>();
  for (let i = 0; i < rows.length; i++) {
    const part = parts[i];
    if (part === null) continue;
    const work = workKeys[i] as string;
    if (work !== lastWork) {
      lastWork = work;
      let m = works.get(work);
      if (!m) {
        m = new Map();
        works.set(work, m);
      }
      seen = m;
    }
    const row = rows[i];
    const first = seen.get(part);
    if (!first) {
      seen.set(part, row);
      continue;
    }
    reportDuplicate(t, row, first, ids, rule, id, out);
  }
}

function reportDuplicate(
  t: TableRead,
  row: TypedRow,
  first: TypedRow,
  ids: readonly string[],
  rule: DuplicateRule,
  cellId: string,
  out: Finding[],
): void {
  const cell = row.cells[cellId] ?? row.cells[ids[0]] ?? "";
  const what =
    rule === "duplicate.participant"
      ? `Код участника ${quoteValue(row.values.code as string)} уже есть в строке ${first.row + 1} (${describeKey(
          t,
          row,
          ids.filter((i) => i !== "code"),
        )}).`
      : `Строка повторяет строку ${first.row + 1}: ${describeKey(t, row, ids)}.`;
  out.push(finding(rule, t.sheet, cell, what, "Удалите повтор или исправьте значения, отличающие строки."));
}

/** part ≤ whole for each pair, on one row. */
function partsNotAbove(t: TableRead, pairs: readonly [readonly string[], string][], out: Finding[]): void {
  for (const row of t.rows) {
    for (const [parts, whole] of pairs) {
      const w = num(row.values[whole]);
      const p = partsOf(row, parts);
      if (w === null || !p || !p.filled || p.sum <= w) continue;
      const names = parts.map((id) => header(t.schema, id)).join(" + ");
      out.push(
        finding(
          "sum.part",
          t.sheet,
          row.cells[parts[0]],
          `${names} = ${formatNumberRu(p.sum)}, а это больше, чем ${header(t.schema, whole)} = ${formatNumberRu(w)}.`,
          "Часть не может быть больше целого: проверьте оба числа.",
        ),
      );
    }
  }
}

interface ContingentIndex {
  byGrade: Map<string, number>;
  byYear: Map<number, number>;
  sheet: string;
}

function contingentIndex(form: FormRead): ContingentIndex | null {
  const t = form.tables.get("passport");
  if (!t || t.rows.length === 0) return null;
  const byGrade = new Map<string, number>();
  const byYear = new Map<number, number>();
  for (const r of t.rows) {
    const y = num(r.values.year);
    const g = num(r.values.grade);
    const p = num(r.values.pupils);
    if (y === null || g === null || p === null) continue;
    byGrade.set(`${y}|${g}`, (byGrade.get(`${y}|${g}`) ?? 0) + p);
    byYear.set(y, (byYear.get(y) ?? 0) + p);
  }
  return { byGrade, byYear, sheet: t.sheet };
}

function resultRules(t: TableRead, contingent: ContingentIndex | null, out: Finding[]): void {
  const s = t.schema;
  for (const row of t.rows) {
    const participants = row.invalid.has("participants") ? null : num(row.values.participants);
    const proc = row.values.procedure;
    // Marks
    const marks = partsOf(row, ["n5", "n4", "n3", "n2"]);
    if (participants !== null && marks?.filled && marks.sum !== participants) {
      out.push(
        finding(
          "sum.marks",
          t.sheet,
          row.cells.participants,
          `«5» + «4» + «3» + «2» = ${formatNumberRu(marks.sum)}, а участников ${formatNumberRu(participants)}; ожидается равенство.`,
          "Проверьте число участников и количества отметок (отсутствовавшие не считаются участниками).",
        ),
      );
    }
    // Journal comparison
    const journal = partsOf(row, ["lowered", "confirmed", "raised"]);
    if (participants !== null && journal?.filled && journal.sum !== participants) {
      const more = journal.sum > participants;
      out.push(
        finding(
          "sum.journal",
          t.sheet,
          row.cells.lowered ?? row.cells.confirmed ?? row.cells.raised,
          `Понизили + подтвердили + повысили = ${formatNumberRu(journal.sum)}, а участников ${formatNumberRu(participants)}; ожидается равенство${more ? "" : " (или меньше, если не у всех есть отметка по журналу)"}.`,
          "Возьмите числа из отчёта ФИС ОКО «Сравнение отметок с отметками по журналу».",
          more ? "error" : "warning",
        ),
      );
    }
    // ЕГЭ groups
    if (participants !== null) {
      for (const ids of [["belowMin"], ["high81", "score100"]] as const) {
        const p = partsOf(row, ids);
        if (p?.filled && p.sum > participants) {
          out.push(
            finding(
              "sum.ege",
              t.sheet,
              row.cells[ids[0]],
              `${ids.map((id) => header(s, id)).join(" + ")} = ${formatNumberRu(p.sum)}, а участников ${formatNumberRu(participants)}.`,
              "Группы баллов ЕГЭ не могут быть больше числа участников.",
            ),
          );
        }
      }
    }
    if (typeof proc === "string" && proc !== "ЕГЭ") {
      const ege = ["meanScore", "high81", "score100"].find((id) => num(row.values[id]) !== null);
      if (ege) {
        out.push(
          finding(
            "ege.fields",
            t.sheet,
            row.cells[ege],
            `${header(s, ege)} заполняется только для ЕГЭ, а в строке процедура «${proc}».`,
            "Для других процедур укажите количества отметок «5», «4», «3», «2».",
          ),
        );
      }
    }
    // Subject
    const subj = row.values.subject;
    if (typeof subj === "string" && subj !== "" && !canonicalSubjectCached(subj)) {
      const near = nearest(subj, SUBJECTS);
      out.push(
        finding(
          "unknown.subject",
          t.sheet,
          row.cells.subject,
          `Неизвестный предмет ${quoteValue(subj)}${near ? `; возможно, «${near}»` : ""}.`,
          "Предметы сводятся по названию: напишите его как в списке предметов (см. лист «Инструкция»).",
        ),
      );
    }
    // Procedure ↔ grade
    const g = num(row.values.grade);
    if (typeof proc === "string" && g !== null) {
      const expected = proc === "ОГЭ" || proc === "ГВЭ-9" ? [9] : proc === "ЕГЭ" || proc === "ГВЭ-11" ? [10, 11] : null;
      if (expected && !expected.includes(g)) {
        out.push(
          finding(
            "cross.procedureGrade",
            t.sheet,
            row.cells.grade,
            `Процедура «${proc}» проводится в ${expected.join(" и ")} классе, а указан ${g} класс.`,
            "Проверьте класс или процедуру.",
          ),
        );
      }
    }
    // Contingent
    const y = num(row.values.year);
    if (contingent && participants !== null && y !== null && g !== null) {
      const pupils = contingent.byGrade.get(`${y}|${g}`);
      if (pupils !== undefined && participants > pupils) {
        out.push(
          finding(
            "cross.contingent",
            t.sheet,
            row.cells.participants,
            `Участников ${formatNumberRu(participants)}, а обучающихся ${g} класса в ${y} году по листу «${contingent.sheet}» — ${formatNumberRu(pupils)}.`,
            "Проверьте число участников или контингент на листе «Паспорт ОО».",
          ),
        );
      }
    }
  }
  duplicates(t, ["procedure", "year", "grade", "className", "subject", "period"], "duplicate.row", "subject", out);
}

const LEVEL_IDS = ["level_1", "level_2", "level_3", "level_4", "level_5"] as const;

/** Pupils over the five levels of functional literacy add up to the participants. */
function literacyRules(t: TableRead, out: Finding[]): void {
  for (const row of t.rows) {
    const participants = row.invalid.has("participants") ? null : num(row.values.participants);
    const levels = partsOf(row, LEVEL_IDS);
    if (participants === null || !levels?.filled || levels.sum === participants) continue;
    out.push(
      finding(
        "sum.levels",
        t.sheet,
        row.cells.participants,
        `${LEVEL_IDS.map((id) => header(t.schema, id)).join(" + ")} = ${formatNumberRu(levels.sum)}, а участников ${formatNumberRu(participants)}; ожидается равенство.`,
        "Каждый участник относится ровно к одному уровню: проверьте число участников и распределение по уровням.",
      ),
    );
  }
}

/** Quarters need 1–4, half-years 1–2; other procedures have no period (a filled one is likely a slip). */
function periodRules(t: TableRead, out: Finding[]): void {
  const col = header(t.schema, "period");
  for (const row of t.rows) {
    const proc = row.values.procedure;
    if (typeof proc !== "string" || row.invalid.has("period")) continue;
    const value = num(row.values.period ?? null);
    const periods = (INTERNAL_PERIODS as Readonly<Record<string, number>>)[proc];
    // Cell addresses only for a finding: row.cells builds every column's address of the row.
    if (periods) {
      if (value === null || value > periods)
        out.push(
          finding(
            "period.required",
            t.sheet,
            row.cells.period ?? row.cells.procedure,
            value === null
              ? `Процедура «${proc}»: не указан номер периода в столбце ${col}.`
              : `Процедура «${proc}»: период ${formatNumberRu(value)}, а допустимо 1–${periods}.`,
            row.cells.period
              ? `Укажите номер ${periods === 4 ? "четверти (1–4)" : "полугодия (1–2)"}.`
              : `Добавьте в конец таблицы столбец ${col} (как в шаблоне) и укажите номер ${periods === 4 ? "четверти (1–4)" : "полугодия (1–2)"}.`,
          ),
        );
    } else if (value !== null) {
      out.push(
        finding(
          "period.unexpected",
          t.sheet,
          row.cells.period ?? row.cells.procedure,
          `Процедура «${proc}» не делится на периоды, а в столбце ${col} указано ${formatNumberRu(value)}; значение не используется.`,
          "Период указывается только для итогов четверти и полугодия; для остальных процедур оставьте ячейку пустой.",
        ),
      );
    }
  }
}

/** `workKeys`: keyText(row, WORK_KEY) of every participant row, shared with participantCountRules. */
function participantRules(
  t: TableRead,
  tasks: TableRead | undefined,
  workKeys: readonly (string | null)[],
  taskWorkKeys: readonly (string | null)[],
  out: Finding[],
): void {
  const rows = t.rows;
  duplicatesInWork(t, workKeys, "code", "duplicate.participant", out);
  const maxByTask = new Map<string, { max: number; number: string }[]>();
  if (tasks) {
    for (let i = 0; i < tasks.rows.length; i++) {
      const r = tasks.rows[i];
      const k = taskWorkKeys[i];
      const max = num(r.values.max);
      if (k === null || max === null) continue;
      const list = maxByTask.get(k) ?? [];
      list.push({ max, number: String(r.values.number ?? list.length + 1) });
      maxByTask.set(k, list);
    }
  }
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    const k = workKeys[r];
    const list = k === null ? undefined : maxByTask.get(k);
    // One pass over the points: the findings against the task list, then the sum (left to
    // right from 0, as the sum of the filled points always was).
    const count = row.pointCount;
    let sum = 0;
    let filled = 0;
    for (let i = 0; i < count; i++) {
      const p = row.point(i);
      if (p === null) continue;
      sum += p;
      filled++;
      if (!list || i >= list.length || p <= list[i].max) continue;
      out.push(
        finding(
          "cross.taskMax",
          t.sheet,
          row.repeatedCells[i],
          `За задание № ${list[i].number} стоит ${formatNumberRu(p)} балла, а максимум по листу «${tasks!.sheet}» — ${formatNumberRu(list[i].max)}.`,
          "Проверьте балл или максимальный балл задания.",
        ),
      );
    }
    const score = num(row.values.score);
    if (score !== null && filled > 0) {
      if (Math.abs(sum - score) > 1e-9) {
        out.push(
          finding(
            "sum.taskPoints",
            t.sheet,
            row.cells.score,
            `Сумма баллов за задания ${formatNumberRu(sum)}, а первичный балл ${formatNumberRu(score)}.`,
            "Проверьте баллы за задания или первичный балл.",
          ),
        );
      }
    }
  }
}

function careerRules(t: TableRead, contingent: ContingentIndex | null, out: Finding[]): void {
  const groups = [
    ["grad9", ["grad9To10", "grad9ToSpo", "grad9Other"], 9],
    ["grad11", ["grad11ToVuz", "grad11ToSpo", "grad11Work", "grad11Army", "grad11Undetermined"], 11],
  ] as const;
  for (const row of t.rows) {
    for (const [whole, parts, grade] of groups) {
      const w = num(row.values[whole]);
      const p = partsOf(row, parts);
      if (w !== null && p?.filled && p.sum !== w) {
        out.push(
          finding(
            "sum.graduates",
            t.sheet,
            row.cells[whole],
            `${parts.map((id) => header(t.schema, id)).join(" + ")} = ${formatNumberRu(p.sum)}, а ${header(t.schema, whole)} = ${formatNumberRu(w)}; ожидается равенство.`,
            "Каждый выпускник учитывается ровно в одном направлении; неизвестных отнесите к «иное» или «не определились».",
          ),
        );
      }
      const y = num(row.values.year);
      const pupils = contingent && y !== null ? contingent.byGrade.get(`${y}|${grade}`) : undefined;
      if (w !== null && pupils !== undefined && w > pupils) {
        out.push(
          finding(
            "cross.contingent",
            t.sheet,
            row.cells[whole],
            `${header(t.schema, whole)} = ${formatNumberRu(w)}, а обучающихся ${grade} класса в ${y} году по листу «${contingent!.sheet}» — ${formatNumberRu(pupils)}.`,
            "Проверьте число выпускников или контингент.",
          ),
        );
      }
    }
  }
  partsNotAbove(t, [[["grad11VuzProfile"], "grad11ToVuz"]], out);
}

function upbringingRules(t: TableRead, contingent: ContingentIndex | null, out: Finding[]): void {
  if (!contingent) return;
  for (const row of t.rows) {
    const y = num(row.values.year);
    const total = y === null ? undefined : contingent.byYear.get(y);
    if (total === undefined) continue;
    for (const id of ["addEducation", "clubs", "movementFirst", "volunteers", "preventionRegister", "summerRest"]) {
      const v = num(row.values[id]);
      if (v !== null && v > total) {
        out.push(
          finding(
            "cross.contingent",
            t.sheet,
            row.cells[id],
            `${header(t.schema, id)} = ${formatNumberRu(v)}, а обучающихся в ${y} году по листу «${contingent.sheet}» — ${formatNumberRu(total)}.`,
            "Проверьте число или контингент.",
          ),
        );
      }
    }
  }
}

export function cycleRules(t: TableRead, out: Finding[]): void {
  duplicates(t, ["year", "direction", "track", "component"], "duplicate.row", "component", out);
  const partialNoted = new Set<string>();
  for (const row of t.rows) {
    if (row.values.score === "есть" && (row.values.docNumber === null || row.values.docNumber === "")) {
      out.push(
        finding(
          "cycle.noDocument",
          t.sheet,
          row.cells.docNumber ?? row.cells.score,
          "Оценка «есть» ставится, когда компонент подтверждён документом, а номер документа не указан.",
          "Укажите номер и дату документа или поставьте «частично».",
        ),
      );
    }
    const linkText = row.values.link;
    if (typeof linkText === "string" && linkText.trim()) {
      for (const error of parseLinks(linkText).errors)
        out.push(
          finding(
            "cycle.link",
            t.sheet,
            row.cells.link,
            `Столбец «Связь с выводом»: ${error}.`,
            `Укажите код вывода, год и, при необходимости, процедуру, класс и предмет, например ${LINK_EXAMPLE}; несколько ссылок — через «;».`,
          ),
        );
    }
    const targetText = row.values.target;
    if (typeof targetText === "string" && targetText.trim()) {
      const parsed = parseTarget(targetText);
      if (!parsed.ok)
        out.push(
          finding(
            "cycle.target",
            t.sheet,
            row.cells.target,
            `Столбец «Целевой показатель»: «${targetText.trim()}» не распознан: ${parsed.error}.`,
            `Укажите процедуру, класс, предмет и показатель, например ${TARGET_EXAMPLE}.`,
          ),
        );
    }
    const comp = num(row.values.component);
    const track = `${row.values.year}|${row.values.direction}|${row.values.track}`;
    if (row.values.trackKind === "частичный" && comp !== null && comp < 7 && !partialNoted.has(track)) {
      // Once per track: listing all nine components of a partial track is common and harmless.
      partialNoted.add(track);
      out.push(
        finding(
          "cycle.partialComponent",
          t.sheet,
          row.cells.component,
          `Трек «${row.values.track}» частичный: в оценке учитываются только компоненты 7–9, компонент ${comp} и другие из 1–6 не участвуют.`,
        ),
      );
    }
  }
}

/**
 * «Результаты» against «Участники»: where the participant list covers a result row (same
 * procedure, year, grade, subject and, for a class row, class), the participants with a mark
 * must number as many as the row says.
 */
function participantCountRules(
  results: TableRead,
  participants: TableRead,
  workKeys: readonly (string | null)[],
  out: Finding[],
): void {
  const counts = new Map<string, number>();
  const rows = participants.rows;
  // Rows of one work and class follow each other: their count keys are built once per run.
  let lastK: string | null = null;
  let lastCls: string | null = null;
  let kAll = "";
  let kCls = "";
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const k = workKeys[i];
    if (k === null) continue;
    const counted = r.values.mark !== null && r.values.mark !== undefined;
    const clsValue = r.values.className;
    const cls = typeof clsValue === "string" ? lowerCached(clsValue) : String(clsValue ?? "").toLowerCase();
    if (k !== lastK) {
      lastK = k;
      lastCls = null;
      kAll = `${k}|`;
    }
    if (cls !== lastCls) {
      lastCls = cls;
      kCls = `${k}|${cls}`;
    }
    const one = counted ? 1 : 0;
    counts.set(kAll, (counts.get(kAll) ?? 0) + one);
    if (cls) counts.set(kCls, (counts.get(kCls) ?? 0) + one);
  }
  for (const row of results.rows) {
    const k = keyText(row, WORK_KEY);
    const n = num(row.values.participants);
    if (k === null || n === null || row.invalid.has("participants")) continue;
    const cls = String(row.values.className ?? "").toLowerCase();
    const listed = counts.get(`${k}|${cls}`);
    if (listed === undefined || listed === n) continue;
    out.push(
      finding(
        "cross.participants",
        results.sheet,
        row.cells.participants,
        `Участников ${formatNumberRu(n)}, а на листе «${participants.sheet}» с отметкой за эту работу${cls ? ` (класс ${String(row.values.className)})` : ""} — ${formatNumberRu(listed)}.`,
        "Проверьте число участников или список участников: отсутствовавшие (без отметки) не считаются.",
      ),
    );
  }
}

/** Rules across rows and sheets of an already read form. */
export function validateRead(form: FormRead): Finding[] {
  const out: Finding[] = [];
  const contingent = contingentIndex(form);
  // A sheet without one of its required columns already has one finding naming the column: its rows
  // are not checked across (every key would lack that part, and one mistake would flood the list).
  const t = (id: string) => {
    const table = form.tables.get(id);
    return table && table.location.missing.length === 0 ? table : undefined;
  };
  const passport = t("passport");
  if (passport) duplicates(passport, ["year", "grade"], "duplicate.row", "grade", out);
  const results = t("results");
  const kindergarten = isKindergarten(form.fields);
  if (results) {
    if (results.rows.length === 0 && !kindergarten)
      out.push(
        finding(
          "sheet.empty",
          results.sheet,
          "",
          `Лист «${results.sheet}» не заполнен.`,
          "Внесите итоги процедур: одна строка — процедура, год, класс, предмет.",
        ),
      );
    resultRules(results, contingent, out);
    periodRules(results, out);
  }
  const participants = t("participants");
  // The work key of a participant row serves three rules; thousands of rows, so it is built once.
  const workKeys = participants ? workKeysOf(participants.rows) : [];
  const tasks = t("tasks");
  const taskWorkKeys = tasks ? workKeysOf(tasks.rows) : [];
  if (participants) participantRules(participants, tasks, workKeys, taskWorkKeys, out);
  if (participants && results) participantCountRules(results, participants, workKeys, out);
  if (tasks) duplicatesInWork(tasks, taskWorkKeys, "number", "duplicate.row", out);
  const olympiads = t("olympiads");
  if (olympiads) {
    duplicates(olympiads, ["year", "stage"], "duplicate.row", "stage", out);
    partsNotAbove(
      olympiads,
      [
        [["winners", "prizeWinners"], "participations"],
        [["participantsUnique"], "participations"],
        [["awardeesUnique"], "participantsUnique"],
      ],
      out,
    );
  }
  const careers = t("careers");
  if (careers) {
    duplicates(careers, ["year"], "duplicate.row", "year", out);
    careerRules(careers, contingent, out);
  }
  const staff = t("staff");
  if (staff) {
    duplicates(staff, ["year"], "duplicate.row", "year", out);
    partsNotAbove(
      staff,
      [
        [["catHighest", "catFirst"], "teachers"],
        [["trained3y"], "teachers"],
        [["deficitDiagnostics"], "teachers"],
        [["individualRoute"], "teachers"],
        [["young"], "teachers"],
        [["youngMentored"], "young"],
      ],
      out,
    );
  }
  const head = t("head");
  if (head) {
    duplicates(head, ["year", "criterion"], "duplicate.row", "criterion", out);
    partsNotAbove(head, [[["points"], "maxPoints"]], out);
  }
  const upbringing = t("upbringing");
  if (upbringing) {
    duplicates(upbringing, ["year"], "duplicate.row", "year", out);
    upbringingRules(upbringing, contingent, out);
  }
  const preschool = t("preschool");
  if (preschool) {
    duplicates(preschool, ["year", "area"], "duplicate.row", "area", out);
    partsNotAbove(preschool, [[["groupsBasicOrAbove"], "groups"]], out);
  }
  const literacy = t("literacy");
  if (literacy) {
    duplicates(literacy, ["year", "grade", "className", "area"], "duplicate.row", "area", out);
    literacyRules(literacy, out);
    partsNotAbove(literacy, [[["ovzCount"], "participants"]], out);
  }
  const groups = t("preschoolGroups");
  if (groups) duplicates(groups, ["year", "group"], "duplicate.row", "group", out);
  if (kindergarten && !groups?.rows.length && !preschool?.rows.length) {
    const sheet = groups?.sheet ?? PRESCHOOL_GROUPS.name;
    out.push(
      finding(
        "sheet.empty",
        sheet,
        "",
        `Тип ОО — «детский сад», а лист «${sheet}» не заполнен: показатели направления 8 не вычисляются.`,
        "Внесите группы: одна строка — группа за год, в столбцах областей — уровень МКДО (1–5) или пусто, если область не оценивалась.",
      ),
    );
  }
  const cycle = t("cycle");
  if (cycle) cycleRules(cycle, out);
  return out;
}

const SEVERITY_ORDER: Record<Finding["severity"], number> = { error: 0, warning: 1, info: 2 };

/** Sheet order of the form, then row, then column, then severity: the order a person fixes them in. */
export function sortFindings(findings: readonly Finding[], sheetOrder: readonly string[]): Finding[] {
  const pos = (f: Finding) => {
    const i = sheetOrder.indexOf(f.sheet);
    return i < 0 ? (f.sheet === "" ? -1 : sheetOrder.length) : i;
  };
  const rc = (cell: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(cell);
    if (!m) return [0, 0];
    let col = 0;
    for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
    return [Number(m[2]), col];
  };
  return [...findings].sort((a, b) => {
    const [ar, ac] = rc(a.cell);
    const [br, bc] = rc(b.cell);
    return pos(a) - pos(b) || ar - br || ac - bc || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
  });
}

/** Every finding of the form: layout and cells (read.ts) and the rules above. */
export function validateForm(
  sheets: readonly SheetRead[],
  opts: { maxText?: number } = {},
): { form: FormRead; findings: Finding[] } {
  const form = readForm(sheets, opts);
  const isEmpty = form.findings.some((f) => f.rule === "form.empty");
  const findings = isEmpty ? form.findings : [...form.findings, ...validateRead(form)];
  return {
    form,
    findings: sortFindings(
      findings,
      sheets.map((s) => s.name),
    ),
  };
}

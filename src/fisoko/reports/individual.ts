/**
 * The individual results table: one row per participant — code, class, points per task, raw
 * score, ВПР mark, journal mark. Columns are found by header; task columns by their number
 * («1», «9.1 (2б)», «№ 6(1)»), with the maximum either inline («(2б)») or in a «Макс. балл»
 * row, and levels in an optional row of Б/П/В. Names (ФИО) are never read: a name column is
 * skipped and reported, so only participant codes enter the model.
 */
import { countRu, plural, readCell } from "../../core/values";
import type { TestHeader } from "../header";
import { schoolOfLabel } from "../hierarchy";
import type { SheetScan } from "../sheet";
import { findHeaderRow, isFootnote, listColumns, readHeaderBlock } from "../table";
import { cellText, norm, quote } from "../text";
import type { IndividualParticipant, IndividualReport, TaskColumn } from "../types";
import { levelOf, taskNumber } from "./tasks";

const CODE_HEADERS = ["Код участника", "Код обучающегося", "Номер участника", "Код"];
const TASK_PREFIX = /^(?:баллы? за (?:задани[еяй] )?|задани[еяй]\s+|№\s*)/i;
const TASK_HEADER = /^(\d{1,2}(?:[.,]\d{1,2}|\s?\(\d{1,2}\)|[кКkK]\d)?)(?:\s*\((\d{1,2})\s*б\.?\))?$/i;
/** «X» (Latin or Cyrillic) marks a task not attempted; ВПР protocols count it as 0 points. */
const NOT_ATTEMPTED = /^[xх]$/i;
const ABSENT = /^(?:отсутствовал|отс\.?|не участвовал|неявка)$/;

interface Columns {
  code: number;
  className: number | null;
  login: number | null;
  variant: number | null;
  score: number | null;
  mark: number | null;
  journal: number | null;
  names: number[];
  tasks: { col: number; number: string; max?: number }[];
}

function classify(h: { columns: string[]; raw: string[]; labelCol: number }): Columns {
  const out: Columns = {
    code: h.labelCol,
    className: null,
    login: null,
    variant: null,
    score: null,
    mark: null,
    journal: null,
    names: [],
    tasks: [],
  };
  h.columns.forEach((t, c) => {
    if (c === h.labelCol || !t) return;
    const raw = h.raw[c].trim();
    const task = TASK_HEADER.exec(raw.replace(TASK_PREFIX, "").trim());
    if (task && !/класс|отметк|балл$/.test(t)) {
      out.tasks.push({ col: c, number: taskNumber(task[1]), ...(task[2] ? { max: Number(task[2]) } : {}) });
      return;
    }
    if (/фио|фамилия|^имя|отчество/.test(t)) out.names.push(c);
    else if (/журнал|предыдущ|четверт|триместр|годов/.test(t)) out.journal ??= c;
    else if (/^отметка|^оценка/.test(t)) out.mark ??= c;
    else if (/первичный балл|сумма баллов|^балл|итоговый балл/.test(t)) out.score ??= c;
    else if (/^класс|литера/.test(t)) out.className ??= c;
    else if (/логин|^оо$|^код оо/.test(t)) out.login ??= c;
    else if (/вариант/.test(t)) out.variant ??= c;
  });
  return out;
}

export function parseIndividual(scan: SheetScan, header: TestHeader): IndividualReport | null {
  const found = findHeaderRow(scan, CODE_HEADERS);
  if (!found) {
    scan.error(
      "fisoko.columns",
      null,
      null,
      "не найдена строка заголовков таблицы участников; ожидаются столбцы «Код участника», «Класс», баллы за задания, «Первичный балл», «Отметка», «Отметка по журналу».",
    );
    return null;
  }
  const codeText = norm(scan.text(found.row, found.col));
  const h = readHeaderBlock(scan, found.row, found.col, (r) => norm(scan.text(r, found.col)) === codeText);
  const cols = classify(h);
  const missing = [
    cols.score === null ? "«Первичный балл»" : "",
    cols.mark === null ? "«Отметка»" : "",
    cols.tasks.length === 0 ? "баллов за задания («1», «2», …)" : "",
  ].filter(Boolean);
  if (missing.length) {
    scan.error(
      "fisoko.columns",
      found.row,
      found.col,
      `в заголовке таблицы участников нет столбцов ${missing.join(", ")}; найдены столбцы: ${listColumns(h)}.`,
    );
    return null;
  }
  if (cols.names.length) {
    scan.info(
      "fisoko.privacy",
      found.row,
      cols.names[0],
      "столбцы с ФИО не читаются: надстройка хранит только коды участников.",
    );
  }
  const tasks: TaskColumn[] = cols.tasks.map((t) => ({
    number: t.number,
    ...(t.max !== undefined ? { max: t.max } : {}),
  }));
  // A row of Б/П/В just above the header (ФИС ОКО protocols) gives the levels.
  if (h.top > 0) readLevelRow(scan, h.top - 1, cols, tasks, true);
  const participants: IndividualParticipant[] = [];
  let absent = 0;
  /** The school of the last group line («МБОУ …(edu203389) | Кол-во участников: 89»). */
  let groupSchool: { login: string; name: string } | null = null;
  const firstTaskCol = Math.min(...cols.tasks.map((t) => t.col));
  for (let r = h.bottom + 1; r < scan.height; r++) {
    if (scan.rowIsBlank(r)) continue;
    const lead =
      scan
        .rowTexts(r)
        .slice(0, firstTaskCol)
        .map(norm)
        .find((t) => t !== "") ?? "";
    if (/^(?:макс|максимальн)/.test(lead)) {
      cols.tasks.forEach((tc, i) => {
        const v = scan.number(r, tc.col, `максимальный балл задания ${tc.number}`, { integer: true, min: 1 });
        if (v !== null) tasks[i].max = v;
      });
      continue;
    }
    if (/^уровень/.test(lead)) {
      readLevelRow(scan, r, cols, tasks, false);
      continue;
    }
    const code = scan.text(r, cols.code);
    if (isFootnote(code)) continue;
    const group = code ? null : groupLine(scan, r);
    if (group) {
      groupSchool = group.school ?? groupSchool;
      continue;
    }
    if (!code) {
      scan.error("fisoko.code", r, cols.code, "у участника нет кода; ожидается код участника ФИС ОКО.");
      continue;
    }
    const variantText = cols.variant !== null ? norm(scan.text(r, cols.variant)) : "";
    const markText = norm(scan.text(r, cols.mark as number));
    if (ABSENT.test(variantText) || ABSENT.test(markText)) {
      absent++;
      continue;
    }
    const p = readParticipant(scan, r, code, cols);
    if (p) participants.push(groupSchool && !p.login ? { ...p, login: groupSchool.login } : p);
  }
  if (absent) {
    const who = `${countRu(absent, ["участник отмечен", "участника отмечены", "участников отмечены"])} как ${plural(absent, ["отсутствовавший", "отсутствовавшие", "отсутствовавшие"])}`;
    scan.info("fisoko.absent", null, null, `${who} и не ${absent === 1 ? "импортируется" : "импортируются"}.`);
  }
  for (const t of tasks) {
    if (t.max === undefined)
      scan.error(
        "fisoko.columns",
        h.top,
        cols.tasks[tasks.indexOf(t)].col,
        `для задания ${t.number} не указан максимальный балл; ожидается «(Nб)» в заголовке или строка «Макс. балл».`,
      );
  }
  if (!scan.hasErrors()) {
    participants.forEach((p) =>
      p.taskPoints.forEach((v, i) => {
        const max = tasks[i].max as number;
        if (v !== null && v > max)
          scan.error(
            "fisoko.number",
            p.row,
            cols.tasks[i].col,
            `у участника ${quote(p.code)} за задание ${tasks[i].number} ${v} балл., а максимум ${max}; ожидается число от 0 до ${max}.`,
          );
      }),
    );
  }
  if (!scan.hasErrors() && participants.length === 0) {
    scan.error(
      "fisoko.truncated",
      h.bottom,
      cols.code,
      "в таблице нет ни одного участника с результатами; возможно, выгрузка оборвана.",
    );
  }
  const school = schoolInTitle(scan, h.top);
  return scan.hasErrors()
    ? null
    : {
        kind: "individual",
        file: scan.file,
        sheet: scan.sheet,
        header,
        tasks,
        participants,
        ...(school ? { school } : {}),
      };
}

function readLevelRow(scan: SheetScan, r: number, cols: Columns, tasks: TaskColumn[], optional: boolean): void {
  const texts = cols.tasks.map((tc) => scan.text(r, tc.col));
  if (optional && !texts.some((t) => levelOf(t) && t.length <= 12)) return;
  cols.tasks.forEach((tc, i) => {
    const level = levelOf(texts[i]);
    if (level) tasks[i].level = level;
    else
      scan.error(
        "fisoko.level",
        r,
        tc.col,
        `уровень задания ${tc.number}: найдено ${texts[i] ? quote(texts[i]) : "пусто"}, ожидается «Б», «П» или «В».`,
      );
  });
}

function readParticipant(scan: SheetScan, r: number, code: string, cols: Columns): IndividualParticipant | null {
  const who = `участник ${quote(code)}`;
  const taskPoints = cols.tasks.map((tc) => {
    const raw = scan.value(r, tc.col);
    if (NOT_ATTEMPTED.test(cellText(raw))) return 0;
    return scan.number(r, tc.col, `${who}, задание ${tc.number}`, { min: 0, blankOk: true });
  });
  const score = scan.number(r, cols.score as number, `${who}, первичный балл`, { min: 0, blankOk: true });
  const mark = markAt(scan, r, cols.mark as number, `${who}, отметка`);
  const journalMark = cols.journal !== null ? markAt(scan, r, cols.journal, `${who}, отметка по журналу`, 1) : null;
  const className = cols.className !== null ? scan.text(r, cols.className).replace(/\s+/g, "") : "";
  const loginText = cols.login !== null ? scan.text(r, cols.login) : "";
  const login = loginText ? (schoolOfLabel(loginText)?.login ?? loginText.toLowerCase()) : undefined;
  if (score !== null) {
    const sum = taskPoints.reduce<number>((a, v) => a + (v ?? 0), 0);
    if (taskPoints.every((v) => v !== null) && Math.abs(sum - score) > 1e-9) {
      scan.warning(
        "fisoko.score",
        r,
        cols.score as number,
        `у участника ${quote(code)} первичный балл ${score}, а сумма баллов за задания ${sum}; импортируется балл из столбца «Первичный балл».`,
      );
    }
  }
  return {
    row: r,
    cell: scan.address(r, cols.code),
    code,
    className,
    score,
    mark,
    journalMark,
    taskPoints,
    ...(login ? { login } : {}),
  };
}

/** A mark 2–5 (journal marks may be 1); «н/а» and blanks are null. */
function markAt(scan: SheetScan, r: number, c: number, what: string, min = 2): number | null {
  const cell = readCell(scan.value(r, c));
  if (cell.kind === "blank" || cell.kind === "na" || cell.kind === "absent") return null;
  return scan.number(r, c, what, { integer: true, min, max: 5 });
}

/**
 * A group line of real Ф1 exports: no participant code, a school label with its login and
 * «Кол-во участников: 89» — it heads the school's participants and is not a participant itself.
 */
function groupLine(scan: SheetScan, r: number): { school: { login: string; name: string } | null } | null {
  let count = false;
  let school: { login: string; name: string } | null = null;
  for (let c = 0; c < scan.width; c++) {
    const t = scan.text(r, c);
    if (!t) continue;
    const m = /кол-?во участников\s*:/i.exec(t);
    if (m) count = true;
    // In one cell («МБОУ …(edu203389) | Кол-во участников: 89») or in two.
    const label = (m ? t.slice(0, m.index) : t).replace(/\|\s*$/, "").trim();
    if (label) school ??= schoolOfLabel(label);
  }
  return count ? { school } : null;
}

function schoolInTitle(scan: SheetScan, top: number): { login: string; name: string } | null {
  for (let r = 0; r < top; r++) {
    for (let c = 0; c < scan.width; c++) {
      const t = scan.text(r, c);
      if (!t) continue;
      const s = schoolOfLabel(t.split("|")[0].trim());
      if (s) return { login: s.login, name: s.name.replace(/кол-?во участников.*$/i, "").trim() };
    }
  }
  return null;
}

/**
 * «Выполнение заданий»: % completion of each task at each hierarchy level. Two orientations
 * occur: tasks as columns (rows «Вся выборка», region, …, then «Макс балл» and optionally
 * «Уровень» rows under the task numbers), as ФИС ОКО shows the table on screen; and tasks as
 * rows (№ задания, уровень, макс. балл, then one column per hierarchy level), as in exports
 * arranged like «Достижение планируемых результатов». Both give the same TasksReport.
 */
import type { TaskCompletion, TaskLevel } from "../../core/model";
import type { TestHeader } from "../header";
import { HierarchyTracker } from "../hierarchy";
import type { SheetScan } from "../sheet";
import { cellsBlank, findHeaderRow, isFootnote, listColumns, readHeaderBlock } from "../table";
import { norm, quote } from "../text";
import type { TaskColumn, TaskRow, TasksReport } from "../types";
import { LABEL_HEADERS } from "./marks";

const TASK_NUMBER = /(?:^|\s|№)(\d{1,2}(?:[.,]\d{1,2}|\s?\(\d{1,2}\)|[кКkK]\d)?)$/i;
const TASK_HEADERS = ["№ задания", "номер задания", "задание", "№ п/п", "№"];
const MAX_LABEL = /^(?:макс|максимальн)/;
const LEVEL_LABEL = /^уровень/;
const PARTICIPANTS_LABEL = /^(?:кол-?во|количество|число) участников/;
/** Header words that stand above the hierarchy columns in the tasks-as-rows layout. */
const VALUE_PREFIX =
  /^(?:средний\s*)?(?:%\s*выполнения|процент выполнения|выполнение,?\s*%|выполнение заданий(?:\s*\(?в %[^)]*\)?)?)\s*/i;

/** «6(1)», «6.1», «1» — the task number as text, spaces and comma decimals normalised. */
export function taskNumber(text: string): string {
  return text.replace(/\s+/g, "").replace(",", ".");
}

export function levelOf(text: string): TaskLevel | null {
  const t = norm(text);
  if (t === "б" || t.startsWith("базов")) return "Б";
  if (t === "п" || t.startsWith("повыш")) return "П";
  if (t === "в" || t.startsWith("высок")) return "В";
  return null;
}

export function parseTasks(scan: SheetScan, header: TestHeader): TasksReport | null {
  const byLabel = findHeaderRow(scan, LABEL_HEADERS);
  if (byLabel) return parseTaskColumns(scan, header, byLabel.row, byLabel.col);
  const byTask = findHeaderRow(scan, TASK_HEADERS);
  if (byTask) return parseTaskRows(scan, header, byTask.row, byTask.col);
  scan.error(
    "fisoko.columns",
    null,
    null,
    "не найдена строка заголовков таблицы; ожидается ячейка «Группы участников» (задания по столбцам) или «№ задания» (задания по строкам).",
  );
  return null;
}

function parseTaskColumns(scan: SheetScan, header: TestHeader, row: number, col: number): TasksReport | null {
  const labelText = norm(scan.text(row, col));
  const h = readHeaderBlock(scan, row, col, (r) => norm(scan.text(r, col)) === labelText);
  const taskCols: { col: number; number: string }[] = [];
  let participantsCol: number | null = null;
  h.columns.forEach((t, c) => {
    if (c === h.labelCol || !t) return;
    if (/участник/.test(t)) {
      if (participantsCol === null) participantsCol = c;
      return;
    }
    if (/(?:кол-?во|количество|число) оо(?![а-я])|^оо$/.test(t)) return;
    const m = TASK_NUMBER.exec(h.raw[c].trim());
    if (m) taskCols.push({ col: c, number: taskNumber(m[1]) });
  });
  if (taskCols.length === 0) {
    scan.error(
      "fisoko.columns",
      row,
      col,
      `в заголовке таблицы нет столбцов с номерами заданий; найдены столбцы: ${listColumns(h)}.`,
    );
    return null;
  }
  const tasks: TaskColumn[] = taskCols.map((t) => ({ number: t.number }));
  const tracker = new HierarchyTracker();
  const rows: TaskRow[] = [];
  let sawMax = false;
  const dataCols = taskCols.map((t) => t.col);
  for (let r = h.bottom + 1; r < scan.height; r++) {
    if (scan.rowIsBlank(r)) continue;
    const label = scan.text(r, h.labelCol);
    const t = norm(label);
    if (MAX_LABEL.test(t)) {
      sawMax = true;
      taskCols.forEach((tc, i) => {
        const v = scan.number(r, tc.col, `максимальный балл задания ${tc.number}`, { integer: true, min: 1 });
        if (v !== null) tasks[i].max = v;
      });
      continue;
    }
    if (LEVEL_LABEL.test(t)) {
      taskCols.forEach((tc, i) => {
        const text = scan.text(r, tc.col);
        const level = levelOf(text);
        if (level) tasks[i].level = level;
        else
          scan.error(
            "fisoko.level",
            r,
            tc.col,
            `уровень задания ${tc.number}: найдено ${text ? quote(text) : "пусто"}, ожидается «Б», «П» или «В».`,
          );
      });
      continue;
    }
    if (!label) {
      scan.error(
        "fisoko.label",
        r,
        h.labelCol,
        "строка с числами без названия; ожидается «Макс балл», «Уровень» или группа участников.",
      );
      continue;
    }
    if (isFootnote(label) && cellsBlank(scan, r, dataCols)) continue;
    const where = tracker.classify(label);
    const participants =
      participantsCol !== null
        ? scan.number(r, participantsCol, `число участников в строке ${quote(label)}`, { integer: true, min: 0 })
        : null;
    const completion: TaskCompletion[] = taskCols.map((tc) => ({
      number: tc.number,
      percent: scan.number(r, tc.col, `% выполнения задания ${tc.number} в строке ${quote(label)}`, {
        min: 0,
        max: 100,
      }),
    }));
    rows.push({
      where,
      row: r,
      cell: scan.address(r, h.labelCol),
      completion,
      ...(participants !== null ? { participants } : {}),
    });
  }
  if (!sawMax && !scan.hasErrors()) {
    scan.error(
      "fisoko.columns",
      h.bottom,
      h.labelCol,
      "нет строки «Макс балл» с максимальными баллами заданий; ожидается строка с этим названием под номерами заданий.",
    );
  }
  return finish(scan, header, tasks, rows, h.bottom, h.labelCol);
}

function parseTaskRows(scan: SheetScan, header: TestHeader, row: number, col: number): TasksReport | null {
  const h = readHeaderBlock(scan, row, col, (r) => {
    const t = norm(scan.text(r, col));
    return t === norm(scan.text(row, col)) || t === "";
  });
  let maxCol: number | null = null;
  let levelCol: number | null = null;
  const levelCols: { col: number; label: string }[] = [];
  h.columns.forEach((t, c) => {
    if (c === h.labelCol || !t) return;
    if (/макс/.test(t)) {
      if (maxCol === null) maxCol = c;
      return;
    }
    if (/^уровень|сложност/.test(t)) {
      if (levelCol === null) levelCol = c;
      return;
    }
    if (/блок|умени|планируем|проверяем|элемент/.test(t)) return;
    const label = h.raw[c].replace(VALUE_PREFIX, "").trim();
    if (label) levelCols.push({ col: c, label });
  });
  if (maxCol === null || levelCols.length === 0) {
    scan.error(
      "fisoko.columns",
      row,
      col,
      `в заголовке таблицы нет ${maxCol === null ? "столбца «Макс. балл»" : "столбцов групп участников (Вся выборка, регион, муниципалитет, ОО)"}; найдены столбцы: ${listColumns(h)}.`,
    );
    return null;
  }
  const mc: number = maxCol;
  const tracker = new HierarchyTracker();
  const wheres = levelCols.map((lc) => tracker.classify(lc.label));
  const tasks: TaskColumn[] = [];
  const perLevel: TaskCompletion[][] = levelCols.map(() => []);
  const participants: (number | null)[] = levelCols.map(() => null);
  for (let r = h.bottom + 1; r < scan.height; r++) {
    if (scan.rowIsBlank(r)) continue;
    const label = scan.text(r, h.labelCol);
    if (PARTICIPANTS_LABEL.test(norm(label))) {
      levelCols.forEach((lc, i) => {
        participants[i] = scan.number(r, lc.col, `число участников (${quote(lc.label)})`, { integer: true, min: 0 });
      });
      continue;
    }
    if (
      isFootnote(label) &&
      cellsBlank(
        scan,
        r,
        levelCols.map((l) => l.col),
      )
    )
      continue;
    const m = TASK_NUMBER.exec(label.trim());
    if (!label || !m) {
      scan.error(
        "fisoko.label",
        r,
        h.labelCol,
        `ожидается номер задания (например, «1», «6(1)», «9.2»), найдено ${label ? quote(label) : "пусто"}.`,
      );
      continue;
    }
    const number = taskNumber(m[1]);
    const max = scan.number(r, mc, `максимальный балл задания ${number}`, { integer: true, min: 1 });
    const task: TaskColumn = { number, ...(max !== null ? { max } : {}) };
    if (levelCol !== null) {
      const text = scan.text(r, levelCol);
      const level = levelOf(text);
      if (level) task.level = level;
      else
        scan.error(
          "fisoko.level",
          r,
          levelCol,
          `уровень задания ${number}: найдено ${text ? quote(text) : "пусто"}, ожидается «Б», «П» или «В».`,
        );
    }
    tasks.push(task);
    levelCols.forEach((lc, i) => {
      perLevel[i].push({
        number,
        percent: scan.number(r, lc.col, `% выполнения задания ${number} (${quote(lc.label)})`, { min: 0, max: 100 }),
      });
    });
  }
  const rows: TaskRow[] = wheres.map((where, i) => ({
    where,
    row: h.bottom,
    cell: scan.address(h.bottom, levelCols[i].col),
    completion: perLevel[i],
    ...(participants[i] !== null ? { participants: participants[i] as number } : {}),
  }));
  return finish(scan, header, tasks, tasks.length ? rows : [], h.bottom, h.labelCol);
}

function finish(
  scan: SheetScan,
  header: TestHeader,
  tasks: TaskColumn[],
  rows: TaskRow[],
  bottom: number,
  labelCol: number,
): TasksReport | null {
  const seen = new Set<string>();
  for (const t of tasks) {
    if (seen.has(t.number))
      scan.error(
        "fisoko.columns",
        bottom,
        labelCol,
        `задание ${t.number} встречается в таблице дважды; ожидается каждый номер один раз.`,
      );
    seen.add(t.number);
  }
  if (!scan.hasErrors() && rows.length === 0) {
    scan.error(
      "fisoko.truncated",
      bottom,
      labelCol,
      "в таблице нет ни одной строки с результатами; возможно, выгрузка оборвана.",
    );
  }
  if (!scan.hasErrors() && tasks.some((t) => !t.level)) {
    scan.info(
      "fisoko.levels",
      null,
      null,
      "в отчёте нет уровней сложности заданий (Б/П/В); укажите их в перечне заданий формы, иначе признак O4 по этим заданиям не вычисляется.",
    );
  }
  // Each completion carries its task's maximum and level, so a row can be read on its own.
  const rowsWithSpecs = rows.map((r) => ({
    ...r,
    completion: r.completion.map((c, i) => {
      const t = tasks[i];
      return { ...c, ...(t?.max !== undefined ? { max: t.max } : {}), ...(t?.level ? { level: t.level } : {}) };
    }),
  }));
  return scan.hasErrors()
    ? null
    : { kind: "tasks", file: scan.file, sheet: scan.sheet, header, tasks, rows: rowsWithSpecs };
}

/**
 * «Статистика по отметкам»: per hierarchy row the number of schools, of participants and the
 * distribution of marks 2–5, as percentages (ФИС ОКО's usual form) or as counts. The kind of
 * the mark columns comes from their header («%», «кол-во») and is verified by the row sums
 * (percentages add up to 100, counts to N), which also catches truncated or garbled rows.
 */
import type { MarkCounts } from "../../core/model";
import { formatNumberRu } from "../../core/values";
import type { TestHeader } from "../header";
import { HierarchyTracker } from "../hierarchy";
import type { SheetScan } from "../sheet";
import { cellsBlank, findHeaderRow, isFootnote, listColumns, readHeaderBlock, type HeaderBlock } from "../table";
import { quote } from "../text";
import type { MarksReport, MarksRow } from "../types";
import { countsFromPercent, PERCENT_SUM_TOLERANCE, type ValueKind, valueKindOf } from "./shares";

export const LABEL_HEADERS = ["Группы участников", "Группа участников", "Наименование", "Территория / ОО", "ОО"];

interface MarkColumns {
  labelCol: number;
  /** A separate «Логин ОО» column (flat tables): a row with a login there is a school. */
  login: number | null;
  schools: number | null;
  participants: number | null;
  /** Column of each mark 2..5 (index 0 → «2»). */
  marks: (number | null)[];
  kinds: ValueKind[];
}

function classify(h: HeaderBlock): MarkColumns {
  const out: MarkColumns = {
    labelCol: h.labelCol,
    login: null,
    schools: null,
    participants: null,
    marks: [null, null, null, null],
    kinds: ["unknown", "unknown", "unknown", "unknown"],
  };
  const percentCols: (number | null)[] = [null, null, null, null];
  h.columns.forEach((t, c) => {
    if (c === h.labelCol || !t) return;
    if (/^логин/.test(t)) {
      if (out.login === null) out.login = c;
      return;
    }
    if (/(?:кол-?во|количество|число) оо(?![а-я])|^оо$/.test(t)) {
      if (out.schools === null) out.schools = c;
      return;
    }
    if (/участник/.test(t) && !/[2-5]$/.test(t)) {
      if (out.participants === null) out.participants = c;
      return;
    }
    const digits = t.match(/(?:^|[^\d])([1-5])(?=$|[^\d])/g);
    if (!digits || digits.length !== 1) return;
    const mark = Number(digits[0].replace(/[^\d]/g, ""));
    if (mark < 2) return;
    const kind = valueKindOf(t);
    const slot = mark - 2; // index 0 → «2»
    if (kind === "percent") {
      if (percentCols[slot] === null) percentCols[slot] = c;
    } else if (out.marks[slot] === null) {
      out.marks[slot] = c;
      out.kinds[slot] = kind;
    }
  });
  // Percent columns are used only where no count column exists for the mark.
  for (let k = 0; k < 4; k++) {
    if (out.marks[k] === null && percentCols[k] !== null) {
      out.marks[k] = percentCols[k];
      out.kinds[k] = "percent";
    }
  }
  return out;
}

export function parseMarks(scan: SheetScan, header: TestHeader): MarksReport | null {
  const found = findHeaderRow(scan, LABEL_HEADERS);
  if (!found) {
    scan.error(
      "fisoko.columns",
      null,
      null,
      "не найдена строка заголовков таблицы; ожидается ячейка «Группы участников», над столбцами «Кол-во участников» и отметок «2», «3», «4», «5».",
    );
    return null;
  }
  const h = readHeaderBlock(scan, found.row, found.col);
  const cols = classify(h);
  const missing: string[] = [];
  if (cols.participants === null) missing.push("«Кол-во участников»");
  cols.marks.forEach((c, k) => {
    if (c === null) missing.push(`«${k + 2}»`);
  });
  if (missing.length) {
    scan.error(
      "fisoko.columns",
      found.row,
      found.col,
      `в заголовке таблицы нет столбцов ${missing.join(", ")}; найдены столбцы: ${listColumns(h)}.`,
    );
    return null;
  }
  const markCols = cols.marks as number[];
  const dataCols = [cols.participants as number, ...markCols, ...(cols.schools !== null ? [cols.schools] : [])];
  const tracker = new HierarchyTracker();
  const rows: MarksRow[] = [];
  for (let r = h.bottom + 1; r < scan.height; r++) {
    if (scan.rowIsBlank(r)) continue;
    const label = scan.text(r, cols.labelCol);
    if (label === "") {
      scan.error(
        "fisoko.label",
        r,
        cols.labelCol,
        `строка с числами без названия группы участников; ожидается «Вся выборка», регион, муниципалитет или ОО с логином.`,
      );
      continue;
    }
    if (isFootnote(label) && cellsBlank(scan, r, dataCols)) continue;
    const loginText = cols.login !== null ? scan.text(r, cols.login) : "";
    const where = loginText
      ? { level: "school" as const, login: loginText.toLowerCase(), name: label }
      : tracker.classify(label);
    const n = scan.number(r, cols.participants as number, `число участников в строке ${quote(label)}`, {
      integer: true,
      min: 0,
    });
    const schools =
      cols.schools !== null
        ? scan.number(r, cols.schools, `число ОО в строке ${quote(label)}`, { integer: true, min: 0, blankOk: true })
        : null;
    const values = markCols.map((c, k) =>
      scan.number(r, c, `значение отметки «${k + 2}» в строке ${quote(label)}`, { min: 0 }),
    );
    if (n === null || values.some((v) => v === null)) continue;
    if (n === 0) {
      scan.info("fisoko.empty", r, cols.labelCol, `в строке ${quote(label)} нет участников; строка пропущена.`);
      continue;
    }
    const marks = toCounts(scan, r, markCols, label, n, values as number[], cols.kinds, where.level !== "school");
    if (!marks) continue;
    rows.push({
      where,
      row: r,
      cell: scan.address(r, cols.labelCol),
      participants: n,
      marks: marks.counts,
      fromPercent: marks.fromPercent,
      ...(schools !== null ? { schools } : {}),
    });
  }
  if (!scan.hasErrors() && rows.length === 0) {
    scan.error(
      "fisoko.truncated",
      h.bottom,
      cols.labelCol,
      "под заголовком таблицы нет ни одной строки с результатами; ожидаются строки «Вся выборка», регион, муниципалитет, ОО. Возможно, выгрузка оборвана.",
    );
  }
  return scan.hasErrors() ? null : { kind: "marks", file: scan.file, sheet: scan.sheet, header, rows };
}

/** Turns the four values into counts, deciding percent vs count by header and by the row sum. */
function toCounts(
  scan: SheetScan,
  r: number,
  cols: number[],
  label: string,
  n: number,
  v: number[],
  kinds: ValueKind[],
  reference: boolean,
): { counts: MarkCounts; fromPercent: boolean } | null {
  const sum = v[0] + v[1] + v[2] + v[3];
  const declared = kinds.find((k) => k !== "unknown");
  const looksCounts = v.every(Number.isInteger) && sum === n;
  const looksPercent = Math.abs(sum - 100) <= PERCENT_SUM_TOLERANCE;
  let percent: boolean;
  if (declared === "count") percent = false;
  else if (declared === "percent") percent = true;
  else if (looksCounts) percent = false;
  else if (looksPercent) percent = true;
  else {
    scan.error(
      "fisoko.sum",
      r,
      cols[0],
      `отметки «2»–«5» в строке ${quote(label)} в сумме дают ${formatNumberRu(sum)}: это ни число участников (${n}), ни 100 %. Проверьте, что строка не обрезана и в ней нет лишних значений.`,
    );
    return null;
  }
  if (!percent) {
    if (!looksCounts) {
      scan.error(
        "fisoko.sum",
        r,
        cols[0],
        `количества отметок «2»–«5» в строке ${quote(label)} в сумме дают ${formatNumberRu(sum)}, а участников ${n}; ожидается, что сумма равна числу участников.`,
      );
      return null;
    }
    return { counts: { n2: v[0], n3: v[1], n4: v[2], n5: v[3] }, fromPercent: false };
  }
  if (!looksPercent) {
    scan.error(
      "fisoko.sum",
      r,
      cols[0],
      `доли отметок «2»–«5» в строке ${quote(label)} в сумме дают ${formatNumberRu(sum)} %, ожидается 100 %.`,
    );
    return null;
  }
  const c = countsFromPercent(scan, r, cols, label, n, v, ["«2»", "«3»", "«4»", "«5»"], reference);
  return c ? { counts: { n2: c[0], n3: c[1], n4: c[2], n5: c[3] }, fromPercent: true } : null;
}

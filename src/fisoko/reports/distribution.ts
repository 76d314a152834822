/**
 * «Распределение первичных баллов»: per hierarchy row the participants with each raw score
 * 0…max — counts or percentages (header «%» or the title «… в %», verified by the row sum).
 * Score columns are found by their header number, so extra columns (Кол-во ОО, Кол-во
 * участников) may stand anywhere; a gap in the scores (column «7» missing) is an error,
 * because O2 compares neighbouring scores.
 */
import { formatNumberRu } from "../../core/values";
import type { TestHeader } from "../header";
import { HierarchyTracker } from "../hierarchy";
import type { SheetScan } from "../sheet";
import { cellsBlank, findHeaderRow, isFootnote, listColumns, readHeaderBlock } from "../table";
import { norm, quote } from "../text";
import type { DistributionReport, DistributionRow } from "../types";
import { LABEL_HEADERS } from "./marks";
import { countsFromPercent, PERCENT_SUM_TOLERANCE, valueKindOf, type ValueKind } from "./shares";

/** No ВПР has more than 100 raw points: a larger number in a header is not a score column. */
const MAX_RAW_SCORE = 100;

export function parseDistribution(scan: SheetScan, header: TestHeader): DistributionReport | null {
  const found = findHeaderRow(scan, LABEL_HEADERS);
  if (!found) {
    scan.error(
      "fisoko.columns",
      null,
      null,
      "не найдена строка заголовков таблицы; ожидается ячейка «Группы участников» и столбцы баллов 0, 1, 2, ….",
    );
    return null;
  }
  const h = readHeaderBlock(scan, found.row, found.col);
  let participantsCol: number | null = null;
  const scoreCols = new Map<number, number>();
  let kind = "unknown" as ValueKind;
  h.columns.forEach((t, c) => {
    if (c === h.labelCol || !t) return;
    // «Кол-во ОО» is not needed here; it must only not be taken for a score column.
    if (/(?:кол-?во|количество|число) оо(?![а-я])|^оо$/.test(t)) return;
    if (/участник/.test(t)) {
      if (participantsCol === null) participantsCol = c;
      return;
    }
    const m = /(?:^|[^\d])(\d{1,3})$/.exec(t);
    if (!m) return;
    const score = Number(m[1]);
    if (score > MAX_RAW_SCORE || scoreCols.has(score)) return;
    scoreCols.set(score, c);
    const k = valueKindOf(t.slice(0, m.index + 1));
    if (k !== "unknown") kind = k;
  });
  if (kind === "unknown") {
    for (let r = 0; r < h.top; r++)
      for (let c = 0; c < scan.width; c++)
        if (/распределение первичных баллов.*(?:%|процент)/.test(norm(scan.text(r, c)))) kind = "percent";
  }
  const maxScore = Math.max(-1, ...scoreCols.keys());
  const missing: string[] = [];
  for (let s = 0; s <= maxScore; s++) if (!scoreCols.has(s)) missing.push(String(s));
  if (scoreCols.size === 0 || missing.length) {
    scan.error(
      "fisoko.columns",
      found.row,
      found.col,
      scoreCols.size === 0
        ? `в заголовке таблицы нет столбцов первичных баллов 0, 1, 2, …; найдены столбцы: ${listColumns(h)}.`
        : `среди столбцов баллов 0…${maxScore} нет ${missing.length === 1 ? "балла" : "баллов"} ${missing.join(", ")}; ожидаются все баллы подряд. Возможно, выгрузка обрезана.`,
    );
    return null;
  }
  if (header.maxScore !== undefined && header.maxScore !== maxScore) {
    scan.error(
      "fisoko.columns",
      found.row,
      found.col,
      `в заголовке указан максимальный первичный балл ${header.maxScore}, а столбцы баллов идут до ${maxScore}; ожидается совпадение. Возможно, таблица обрезана справа.`,
    );
    return null;
  }
  const cols = Array.from({ length: maxScore + 1 }, (_, s) => scoreCols.get(s) as number);
  const dataCols = [...cols, ...(participantsCol !== null ? [participantsCol] : [])];
  const tracker = new HierarchyTracker();
  const rows: DistributionRow[] = [];
  for (let r = h.bottom + 1; r < scan.height; r++) {
    if (scan.rowIsBlank(r)) continue;
    const label = scan.text(r, h.labelCol);
    if (!label) {
      scan.error(
        "fisoko.label",
        r,
        h.labelCol,
        "строка с числами без названия группы участников; ожидается «Вся выборка», регион, муниципалитет или ОО с логином.",
      );
      continue;
    }
    if (isFootnote(label) && cellsBlank(scan, r, dataCols)) continue;
    const where = tracker.classify(label);
    const n =
      participantsCol !== null
        ? scan.number(r, participantsCol, `число участников в строке ${quote(label)}`, { integer: true, min: 0 })
        : null;
    const values = cols.map((c, s) =>
      scan.number(r, c, `значение для балла ${s} в строке ${quote(label)}`, { min: 0 }),
    );
    if (values.some((v) => v === null) || (participantsCol !== null && n === null)) continue;
    const v = values as number[];
    const sum = v.reduce((a, b) => a + b, 0);
    const isCounts = kind === "count" || (kind === "unknown" && v.every(Number.isInteger) && (n === null || sum === n));
    if (isCounts) {
      if (!v.every(Number.isInteger) || (n !== null && sum !== n)) {
        scan.error(
          "fisoko.sum",
          r,
          h.labelCol,
          `числа участников по баллам в строке ${quote(label)} в сумме дают ${formatNumberRu(sum)}${n !== null ? `, а участников ${n}` : ""}; ожидаются целые числа с суммой, равной числу участников.`,
        );
        continue;
      }
      if (sum === 0) {
        scan.info("fisoko.empty", r, h.labelCol, `в строке ${quote(label)} нет участников; строка пропущена.`);
        continue;
      }
      rows.push({
        where,
        row: r,
        cell: scan.address(r, h.labelCol),
        participants: sum,
        distribution: v,
        fromPercent: false,
      });
      continue;
    }
    if (Math.abs(sum - 100) > PERCENT_SUM_TOLERANCE) {
      scan.error(
        "fisoko.sum",
        r,
        h.labelCol,
        `доли участников по баллам в строке ${quote(label)} в сумме дают ${formatNumberRu(sum)} %, ожидается 100 %${n !== null ? ` (или, если это количества, ${n})` : ""}.`,
      );
      continue;
    }
    if (n === null) {
      scan.error(
        "fisoko.columns",
        r,
        h.labelCol,
        `распределение дано в процентах, но в таблице нет столбца «Кол-во участников», чтобы перевести проценты в числа участников.`,
      );
      return null;
    }
    if (n === 0) continue;
    const counts = countsFromPercent(
      scan,
      r,
      cols,
      label,
      n,
      v,
      v.map((_, s) => `балл ${s}`),
      where.level !== "school",
    );
    if (counts)
      rows.push({
        where,
        row: r,
        cell: scan.address(r, h.labelCol),
        participants: n,
        distribution: counts,
        fromPercent: true,
      });
  }
  if (!scan.hasErrors() && rows.length === 0) {
    scan.error(
      "fisoko.truncated",
      h.bottom,
      h.labelCol,
      "под заголовком таблицы нет ни одной строки с результатами; возможно, выгрузка оборвана.",
    );
  }
  return scan.hasErrors() ? null : { kind: "distribution", file: scan.file, sheet: scan.sheet, header, maxScore, rows };
}

/**
 * «Сравнение отметок с отметками по журналу»: after each hierarchy label come four rows —
 * Понизили / Подтвердили / Повысили / Всего — with the number of participants and their
 * percentage. The rows are matched by PREFIX because their endings change between years
 * («Понизили (Отметка < Отметка по журналу) %», «Понизили (Отм. < Отм. по журналу)»), and the
 * two value columns are found by header because their order changes too. A variant puts the
 * hierarchy label in a cell merged down over its four rows and the group names in the next
 * column; it is read the same way. Real 2024–2026 exports are wide instead (groups as columns, one
 * row per level): journal-wide.ts reads those.
 */
import type { TestHeader } from "../header";
import { HierarchyTracker, type HierarchyRow } from "../hierarchy";
import type { SheetScan } from "../sheet";
import { findHeaderRow, isFootnote, listColumns, readHeaderBlock } from "../table";
import { norm, quote } from "../text";
import type { JournalReport, JournalRow } from "../types";
import { parseJournalWide, wideColumns } from "./journal-wide";
import { LABEL_HEADERS } from "./marks";

type Group = "lowered" | "confirmed" | "raised" | "total";

const GROUP_PREFIXES: [Group, string][] = [
  ["lowered", "понизил"],
  ["confirmed", "подтвердил"],
  ["raised", "повысил"],
  ["total", "всего"],
];

const GROUP_LABELS: Record<Group, string> = {
  lowered: "Понизили",
  confirmed: "Подтвердили",
  raised: "Повысили",
  total: "Всего",
};

function groupOf(label: string): Group | null {
  const t = norm(label);
  for (const [g, p] of GROUP_PREFIXES) if (t.startsWith(p)) return g;
  return null;
}

/** The column holding «Понизили…»: the label column itself, or the first other column that has them. */
function groupColumn(scan: SheetScan, from: number, labelCol: number, valueCols: number[]): number {
  const limit = Math.min(scan.height, from + 20);
  for (let r = from; r < limit; r++) if (groupOf(scan.text(r, labelCol))) return labelCol;
  for (let r = from; r < limit; r++) {
    for (let c = 0; c < scan.width; c++) {
      if (c !== labelCol && !valueCols.includes(c) && groupOf(scan.text(r, c))) return c;
    }
  }
  return labelCol;
}

interface Open {
  where: HierarchyRow;
  row: number;
  label: string;
  counts: Partial<Record<Group, number>>;
}

export function parseJournal(scan: SheetScan, header: TestHeader): JournalReport | null {
  const found = findHeaderRow(scan, LABEL_HEADERS);
  if (!found) {
    scan.error(
      "fisoko.columns",
      null,
      null,
      "не найдена строка заголовков таблицы; ожидается ячейка «Группы участников» и столбцы «Кол-во участников», «%».",
    );
    return null;
  }
  const h = readHeaderBlock(scan, found.row, found.col);
  const wide = wideColumns(h);
  if (wide) return parseJournalWide(scan, header, h, wide);
  let countCol: number | null = null;
  let percentCol: number | null = null;
  h.columns.forEach((t, c) => {
    if (c === h.labelCol || !t) return;
    if (/%|доля|процент/.test(t)) {
      if (percentCol === null) percentCol = c;
    } else if (/участник|кол-?во|количеств|чел/.test(t) && countCol === null) countCol = c;
  });
  if (countCol === null) {
    scan.error(
      "fisoko.columns",
      found.row,
      found.col,
      `в заголовке таблицы нет столбца «Кол-во участников»; найдены столбцы: ${listColumns(h)}. Сравнение отметок импортируется только с количествами участников.`,
    );
    return null;
  }
  const cc: number = countCol;
  const tracker = new HierarchyTracker();
  const rows: JournalRow[] = [];
  let open: Open | null = null;

  const close = (o: Open, atRow: number): void => {
    const missing = GROUP_PREFIXES.map(([g]) => g).filter((g) => o.counts[g] === undefined);
    if (missing.length) {
      scan.error(
        "fisoko.truncated",
        atRow,
        h.labelCol,
        `у группы ${quote(o.label)} нет строк ${missing.map((g) => `«${GROUP_LABELS[g]}…»`).join(", ")}; ожидаются четыре строки: Понизили, Подтвердили, Повысили, Всего. Возможно, выгрузка оборвана.`,
      );
      return;
    }
    const { lowered, confirmed, raised, total } = o.counts as Record<Group, number>;
    if (lowered + confirmed + raised !== total) {
      scan.error(
        "fisoko.sum",
        o.row,
        h.labelCol,
        `в группе ${quote(o.label)} понизили ${lowered}, подтвердили ${confirmed}, повысили ${raised} — в сумме ${lowered + confirmed + raised}, а в строке «Всего» ${total}; ожидается равенство.`,
      );
      return;
    }
    if (total === 0) {
      scan.info(
        "fisoko.empty",
        o.row,
        h.labelCol,
        `в группе ${quote(o.label)} нет участников с отметкой по журналу; группа пропущена.`,
      );
      return;
    }
    rows.push({
      where: o.where,
      row: o.row,
      cell: scan.address(o.row, h.labelCol),
      journal: { lowered, confirmed, raised },
      total,
    });
  };

  const groupCol = groupColumn(scan, h.bottom + 1, h.labelCol, [cc, ...(percentCol !== null ? [percentCol] : [])]);
  for (let r = h.bottom + 1; r < scan.height; r++) {
    if (scan.rowIsBlank(r)) continue;
    const groupText = scan.text(r, groupCol);
    const g = groupText ? groupOf(groupText) : null;
    // Merged-label variant: the label repeats on each group row; a new label opens a new group.
    const sideLabel = groupCol !== h.labelCol ? scan.text(r, h.labelCol) : "";
    if (g && sideLabel && !isFootnote(sideLabel) && (!open || open.label !== sideLabel)) {
      if (open) close(open, r);
      open = { where: tracker.classify(sideLabel), row: r, label: sideLabel, counts: {} };
    }
    if (g) {
      if (!open) {
        scan.error(
          "fisoko.label",
          r,
          groupCol,
          `строка ${quote(groupText)} стоит до названия группы участников; ожидается сначала строка «Вся выборка», региона, муниципалитета или ОО.`,
        );
        continue;
      }
      if (open.counts[g] !== undefined) {
        scan.error(
          "fisoko.label",
          r,
          groupCol,
          `в группе ${quote(open.label)} строка «${GROUP_LABELS[g]}…» повторяется.`,
        );
        continue;
      }
      const v = scan.number(r, cc, `число участников «${GROUP_LABELS[g]}» в группе ${quote(open.label)}`, {
        integer: true,
        min: 0,
      });
      if (percentCol !== null)
        scan.number(r, percentCol, `доля «${GROUP_LABELS[g]}» в группе ${quote(open.label)}`, {
          min: 0,
          max: 100,
          blankOk: true,
        });
      if (v !== null) open.counts[g] = v;
      continue;
    }
    const label = scan.text(r, h.labelCol);
    if (!label) {
      scan.error(
        "fisoko.label",
        r,
        h.labelCol,
        "строка с числами без названия; ожидается название группы участников или «Понизили…», «Подтвердили…», «Повысили…», «Всего».",
      );
      continue;
    }
    if (isFootnote(label)) continue;
    if (open) close(open, r);
    open = { where: tracker.classify(label), row: r, label, counts: {} };
  }
  if (open) close(open, scan.height);
  if (!scan.hasErrors() && rows.length === 0) {
    scan.error(
      "fisoko.truncated",
      h.bottom,
      h.labelCol,
      "под заголовком таблицы нет ни одной группы участников; ожидаются строки «Вся выборка», региона, муниципалитета или ОО и под каждой — Понизили, Подтвердили, Повысили, Всего.",
    );
  }
  return scan.hasErrors() ? null : { kind: "journal", file: scan.file, sheet: scan.sheet, header, rows };
}

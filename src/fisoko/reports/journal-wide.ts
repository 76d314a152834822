/**
 * «Сравнение отметок с отметками по журналу» in the wide layout of real 2024–2026 exports: one
 * row per level (region, municipality, school — no «Вся выборка», no «Всего» rows), and per
 * group two columns, «Понизили (Отметка < Отметка по журналу) %» and «Понизили (…) Кол-во
 * участников», beside «Кол-во участников(всего)». The long layout (four rows per level) is read
 * by journal.ts; this module takes over when the groups are columns, not rows.
 */
import type { TestHeader } from "../header";
import { HierarchyTracker } from "../hierarchy";
import type { SheetScan } from "../sheet";
import { isFootnote, listColumns, type HeaderBlock } from "../table";
import { quote } from "../text";
import type { JournalReport, JournalRow } from "../types";
import { countsFromPercent } from "./shares";

type Group = "lowered" | "confirmed" | "raised";

const GROUPS: [Group, string, string][] = [
  ["lowered", "понизил", "Понизили"],
  ["confirmed", "подтвердил", "Подтвердили"],
  ["raised", "повысил", "Повысили"],
];

interface WideColumns {
  total: number | null;
  count: Record<Group, number | null>;
  percent: Record<Group, number | null>;
}

function groupOfHeader(t: string): Group | null {
  for (const [g, prefix] of GROUPS) if (t.startsWith(prefix)) return g;
  return null;
}

/** The wide layout's columns, or null when no header names a group (then the layout is long). */
export function wideColumns(h: HeaderBlock): WideColumns | null {
  const out: WideColumns = {
    total: null,
    count: { lowered: null, confirmed: null, raised: null },
    percent: { lowered: null, confirmed: null, raised: null },
  };
  let any = false;
  h.columns.forEach((t, c) => {
    if (c === h.labelCol || !t) return;
    const g = groupOfHeader(t);
    if (g) {
      any = true;
      // «%» in the group's own wording («Отметка < Отметка по журналу») never appears, so a «%» means a share.
      if (/%|доля|процент/.test(t)) out.percent[g] ??= c;
      else out.count[g] ??= c;
      return;
    }
    if (/участник|всего|кол-?во/.test(t) && out.total === null) out.total = c;
  });
  return any ? out : null;
}

export function parseJournalWide(
  scan: SheetScan,
  header: TestHeader,
  h: HeaderBlock,
  cols: WideColumns,
): JournalReport | null {
  const missing = GROUPS.filter(([g]) => cols.count[g] === null && cols.percent[g] === null).map(
    ([, , label]) => `«${label} …»`,
  );
  if (cols.total === null) missing.unshift("«Кол-во участников(всего)»");
  if (missing.length) {
    scan.error(
      "fisoko.columns",
      h.top,
      h.labelCol,
      `в заголовке таблицы нет столбцов ${missing.join(", ")}; найдены столбцы: ${listColumns(h)}.`,
    );
    return null;
  }
  const totalCol = cols.total as number;
  const tracker = new HierarchyTracker();
  const rows: JournalRow[] = [];
  for (let r = h.bottom + 1; r < scan.height; r++) {
    if (scan.rowIsBlank(r)) continue;
    const label = scan.text(r, h.labelCol);
    if (!label) {
      scan.error(
        "fisoko.label",
        r,
        h.labelCol,
        "строка с числами без названия группы участников; ожидается регион, муниципалитет или ОО с логином.",
      );
      continue;
    }
    if (isFootnote(label) && scan.text(r, totalCol) === "") continue;
    const where = tracker.classify(label);
    const total = scan.number(r, totalCol, `число участников в строке ${quote(label)}`, { integer: true, min: 0 });
    if (total === null) continue;
    const counts = readGroups(scan, r, label, total, cols, where.level !== "school");
    if (!counts) continue;
    const sum = counts.lowered + counts.confirmed + counts.raised;
    if (sum > total + 1e-9) {
      scan.error(
        "fisoko.sum",
        r,
        totalCol,
        `в строке ${quote(label)} понизили, подтвердили и повысили в сумме ${Math.round(sum * 100) / 100}, а участников всего ${total}; ожидается не больше числа участников.`,
      );
      continue;
    }
    if (sum === 0) {
      scan.info(
        "fisoko.empty",
        r,
        h.labelCol,
        `в строке ${quote(label)} нет участников с отметкой по журналу; строка пропущена.`,
      );
      continue;
    }
    rows.push({ where, row: r, cell: scan.address(r, h.labelCol), journal: counts, total });
  }
  if (!scan.hasErrors() && rows.length === 0) {
    scan.error(
      "fisoko.truncated",
      h.bottom,
      h.labelCol,
      "под заголовком таблицы нет ни одной строки с результатами; ожидаются строки региона, муниципалитета и ОО. Возможно, выгрузка оборвана.",
    );
  }
  return scan.hasErrors() ? null : { kind: "journal", file: scan.file, sheet: scan.sheet, header, rows };
}

/** Counts of the three groups: from the count columns, else recovered from the percentages. */
function readGroups(
  scan: SheetScan,
  r: number,
  label: string,
  total: number,
  cols: WideColumns,
  reference: boolean,
): Record<Group, number> | null {
  const out: Partial<Record<Group, number>> = {};
  const fromPercent: Group[] = [];
  for (const [g, , name] of GROUPS) {
    const cc = cols.count[g];
    if (cc !== null) {
      const v = scan.number(r, cc, `число участников «${name}» в строке ${quote(label)}`, { integer: true, min: 0 });
      if (v === null) return null;
      out[g] = v;
      const pc = cols.percent[g];
      if (pc !== null)
        scan.number(r, pc, `доля «${name}» в строке ${quote(label)}`, { min: 0, max: 100, blankOk: true });
    } else fromPercent.push(g);
  }
  if (fromPercent.length) {
    const percents: number[] = [];
    for (const g of fromPercent) {
      const name = GROUPS.find((x) => x[0] === g)![2];
      const p = scan.number(r, cols.percent[g] as number, `доля «${name}» в строке ${quote(label)}`, {
        min: 0,
        max: 100,
      });
      if (p === null) return null;
      percents.push(p);
    }
    // Only the shares of the groups without counts are converted; the rest are known exactly.
    const pcts = fromPercent.map((g) => cols.percent[g] as number);
    const names = fromPercent.map((g) => `«${GROUPS.find((x) => x[0] === g)![2]}»`);
    const counts =
      fromPercent.length === 3
        ? countsFromPercent(scan, r, pcts, label, total, percents, names, reference)
        : percents.map((p) => (reference ? (p * total) / 100 : Math.round((p * total) / 100)));
    if (!counts) return null;
    fromPercent.forEach((g, i) => (out[g] = counts[i]));
  }
  return out as Record<Group, number>;
}

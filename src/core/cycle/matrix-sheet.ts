/**
 * Writes the municipal cycle matrix as a block of write operations for the summary (issue 7):
 * the shares of schools per direction × component, the counts behind them, and the per-school
 * status table. Only values and native formatting (no MSOKO.* formulas), so the file reads the
 * same in any spreadsheet. The caller creates (and marks) the sheet; these ops write from A1.
 * Only the port's op *types* are imported: the ops are plain data, core stays free of Office.
 */
import type { CellValue } from "../values";
import type { WriteOp } from "../../host/port";
import { countRu, formatPercentRu } from "../values";
import { COMPONENT_COUNT, CYCLE_COMPONENTS, CYCLE_DIRECTIONS } from "./catalogue";
import { formatDateRu } from "./dates";
import { STATUS_CLOSED, STATUS_NO_DATA } from "./evaluate";
import { municipalStatusRow, type CycleMatrix } from "./matrix";

/** Fills of the conditional colours (display only, not thresholds). */
export const CYCLE_FILLS = {
  good: "#C6EFCE",
  warn: "#FFEB9C",
  bad: "#FFC7CE",
  none: "#EDEDED",
  header: "#DDEBF7",
} as const;

const SHARE_FORMAT = '0.0" %"';
const NO_VALUE = "—";

/** 0 → "A"; the block never needs more than 26 columns. */
function col(i: number): string {
  return String.fromCharCode(65 + i);
}

function addr(row: number, c: number): string {
  return `${col(c)}${row}`;
}

function area(row1: number, c1: number, row2: number, c2: number): string {
  return `${addr(row1, c1)}:${addr(row2, c2)}`;
}

/** Row numbers (1-based) of the blocks, so the summary and tests can find them. */
export interface CycleMatrixLayout {
  shareHeaderRow: number;
  shareFirstRow: number;
  countHeaderRow: number;
  statusHeaderRow: number;
  statusFirstRow: number;
  statusLastRow: number;
}

export function cycleMatrixLayout(m: CycleMatrix): CycleMatrixLayout {
  const D = CYCLE_DIRECTIONS.length;
  const shareHeaderRow = 4;
  const shareFirstRow = shareHeaderRow + 1;
  const countHeaderRow = shareFirstRow + D + 2;
  const statusHeaderRow = countHeaderRow + 1 + D + 2;
  const statusRows = m.schools.length + (m.municipal ? 1 : 0);
  return {
    shareHeaderRow, shareFirstRow, countHeaderRow, statusHeaderRow,
    statusFirstRow: statusHeaderRow + 1,
    statusLastRow: statusHeaderRow + Math.max(statusRows, 1),
  };
}

/** Excel table names allow letters, digits, underscores; keep them unique per sheet. */
function tableName(sheetName: string): string {
  const base = sheetName.replace(/[^0-9A-Za-zА-Яа-яЁё_]/g, "_");
  return `Цикл_${/^[0-9]/.test(base) ? "_" + base : base}`.slice(0, 250);
}

function shareCell(share: number | null): CellValue {
  return share === null ? NO_VALUE : Math.round(share * 10) / 10;
}

export function cycleMatrixBatch(m: CycleMatrix, sheetName: string): WriteOp[] {
  const L = cycleMatrixLayout(m);
  const D = CYCLE_DIRECTIONS.length;
  const lastShareCol = COMPONENT_COUNT + 2; // A: direction, B…J: components, K: closed cycles, L: schools with data
  const [medium, high] = m.levels;
  const ops: WriteOp[] = [];
  const sheet = sheetName;

  ops.push({
    op: "values", sheet, address: "A1",
    values: [
      [`Управленческий цикл по направлениям МСОКО, ${m.year} год (дата оценки ${formatDateRu(m.evaluationDate)})`],
      [
        `Доля ОО (%), у которых этап выполнен и подтверждён документом во всех треках направления, из ОО, у которых этап учитывается; ` +
          `всего ${countRu(m.schoolCount, ["ОО", "ОО", "ОО"])}. Уровни: высокий от ${formatPercentRu(high)}, средний от ${formatPercentRu(medium)}. ` +
          `Профиль методики ${m.profileVersion}.`,
      ],
    ],
  });
  ops.push({ op: "format", sheet, address: "A1", format: { bold: true, fontSize: 14 } });
  ops.push({ op: "format", sheet, address: "A2", format: { italic: true, wrap: false } });

  // Block 1: shares.
  const header = ["Направление", ...CYCLE_COMPONENTS.map((c) => `${c.n}. ${c.label}`), "Цикл замкнут, % ОО", "ОО с данными"];
  const shareRows: CellValue[][] = m.rows.map((r) => [
    `${r.code}. ${r.name}`,
    ...r.cells.map((c) => shareCell(c.share)),
    shareCell(r.closedCycles.share),
    r.closedCycles.total,
  ]);
  ops.push({ op: "values", sheet, address: addr(L.shareHeaderRow, 0), values: [header, ...shareRows] });
  ops.push({ op: "format", sheet, address: area(L.shareHeaderRow, 0, L.shareHeaderRow, lastShareCol), format: { bold: true, wrap: true, fill: CYCLE_FILLS.header, vAlign: "top", borders: true } });
  // B…J components, K closed cycles: all percentages.
  const shares = area(L.shareFirstRow, 1, L.shareFirstRow + D - 1, COMPONENT_COUNT + 1);
  ops.push({ op: "format", sheet, address: area(L.shareFirstRow, 0, L.shareFirstRow + D - 1, lastShareCol), format: { borders: true, vAlign: "center" } });
  ops.push({ op: "format", sheet, address: shares, format: { numberFormat: SHARE_FORMAT, hAlign: "center" } });
  ops.push({ op: "format", sheet, address: area(L.shareFirstRow, 0, L.shareFirstRow + D - 1, 0), format: { wrap: true } });
  // Non-overlapping expressions: Excel's «between» is inclusive and rule priority differs by host.
  const x = addr(L.shareFirstRow, 1);
  const shareRules: [string, string][] = [
    [`ISTEXT(${x})`, CYCLE_FILLS.none],
    [`AND(ISNUMBER(${x}),${x}>=${high})`, CYCLE_FILLS.good],
    [`AND(ISNUMBER(${x}),${x}>=${medium},${x}<${high})`, CYCLE_FILLS.warn],
    [`AND(ISNUMBER(${x}),${x}<${medium})`, CYCLE_FILLS.bad],
  ];
  for (const [formula1, fill] of shareRules) ops.push({ op: "conditionalFormat", sheet, address: shares, rule: { kind: "expression", formula1, fill } });

  // Block 2: the counts behind the shares, as «выполнили из учитывающих».
  const countRows: CellValue[][] = m.rows.map((r) => [
    `${r.code}. ${r.name}`,
    ...r.cells.map((c) => (c.total > 0 ? `${c.closed} из ${c.total}` : NO_VALUE)),
    r.closedCycles.total > 0 ? `${r.closedCycles.closed} из ${r.closedCycles.total}` : NO_VALUE,
  ]);
  ops.push({
    op: "values", sheet, address: addr(L.countHeaderRow, 0),
    values: [["Число ОО: выполнили этап из тех, у кого он учитывается", ...CYCLE_COMPONENTS.map((c) => String(c.n)), "Цикл замкнут"], ...countRows],
  });
  ops.push({ op: "format", sheet, address: area(L.countHeaderRow, 0, L.countHeaderRow, COMPONENT_COUNT + 1), format: { bold: true, fill: CYCLE_FILLS.header, borders: true } });
  ops.push({ op: "format", sheet, address: area(L.countHeaderRow + 1, 0, L.countHeaderRow + D, COMPONENT_COUNT + 1), format: { borders: true, hAlign: "center" } });

  // Block 3: status per school (and the municipality first), as an Excel table.
  const statusHeader = ["Логин", "ОО", ...CYCLE_DIRECTIONS.map((d) => `Направление ${d.code}`), "Просрочено этапов"];
  const statusSource = [...(m.municipal ? [municipalStatusRow(m.municipal)] : []), ...m.schools];
  const statusRows: CellValue[][] = statusSource.length
    ? statusSource.map((s) => [s.login, s.name, ...s.directions.map((d) => d.statusText), s.overdueCount])
    : [["", "нет школьных форм", ...CYCLE_DIRECTIONS.map(() => ""), ""]];
  const lastStatusCol = statusHeader.length - 1;
  ops.push({ op: "values", sheet, address: addr(L.statusHeaderRow, 0), values: [statusHeader, ...statusRows] });
  ops.push({ op: "table", sheet, address: area(L.statusHeaderRow, 0, L.statusLastRow, lastStatusCol), name: tableName(sheetName), style: "TableStyleLight1" });
  const statuses = area(L.statusFirstRow, 2, L.statusLastRow, 2 + D - 1);
  const first = addr(L.statusFirstRow, 2);
  ops.push({ op: "conditionalFormat", sheet, address: statuses, rule: { kind: "cellValue", operator: "equal", formula1: `"${STATUS_CLOSED}"`, fill: CYCLE_FILLS.good } });
  ops.push({ op: "conditionalFormat", sheet, address: statuses, rule: { kind: "expression", formula1: `LEFT(${first},6)="разрыв"`, fill: CYCLE_FILLS.bad } });
  ops.push({ op: "conditionalFormat", sheet, address: statuses, rule: { kind: "cellValue", operator: "equal", formula1: `"${STATUS_NO_DATA}"`, fill: CYCLE_FILLS.none } });
  ops.push({ op: "format", sheet, address: statuses, format: { wrap: true, vAlign: "top" } });
  const overdue = area(L.statusFirstRow, lastStatusCol, L.statusLastRow, lastStatusCol);
  ops.push({ op: "conditionalFormat", sheet, address: overdue, rule: { kind: "cellValue", operator: "greaterThan", formula1: "0", fill: CYCLE_FILLS.bad } });

  ops.push({ op: "columnWidths", sheet, from: "A", widths: [44, ...CYCLE_COMPONENTS.map(() => 14), 14, 12] });
  ops.push({ op: "freeze", sheet, rows: L.shareHeaderRow, columns: 1 });
  return ops;
}

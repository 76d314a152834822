/**
 * Reading whole sheets through Office.js within Excel's limits. Excel on the web refuses a response
 * over 5 MB (a 50,000 × 20 sheet of Russian text is ~7 MB), and getMergedAreasOrNullObject fails on
 * a range holding more than 512 merged areas — one such sheet would fail every sheet read in the
 * same sync. So:
 * - values (and formulas) are loaded in row blocks sized by the UTF-8 bytes actually seen: small
 *   sheets share a sync, a large sheet is read alone, block after block, each response under
 *   ~4 MB; a response refused for size is retried in smaller blocks;
 * - merged areas of a sheet of at most 512 cells are read with its values (it cannot hold more
 *   than 512 areas: each has its own top-left cell); a larger sheet's are read in a sync of its
 *   own, and if Excel refuses (more than 512 areas) in row blocks of at most 512 cells, combined
 *   (Excel returns the areas whose top-left cell lies in the range, so blocks never repeat one);
 *   if that fails too, the sheet is read without them and the read carries a Russian notice.
 * Called only from officejs.ts (the one module that owns Excel.run).
 */
import { countRu } from "../core/values";
import { formatRange, parseQualified, parseRange, type RangePos } from "../core/a1";
import { isPayloadLimit } from "./excel-errors";
import { PAYLOAD_BUDGET, jsonBytes } from "./payload";
import type { Grid, SheetRead } from "./port";
import { sameName } from "./rules";

/** Largest sheet readSheets accepts (cells of the used range): the pane holds the whole grid in memory. */
export const MAX_READ_CELLS = 2_000_000;

/** getMergedAreasOrNullObject fails above this many merged areas in one range. */
export const MERGED_AREAS_LIMIT = 512;

/** First guess of response bytes per cell (a short Russian word or a number with its quotes and comma); raised by what is seen. */
const FIRST_BYTES_PER_CELL = 24;

/** Merged-area blocks queued per sync in the fallback (each answer is at most 512 short addresses). */
const MERGE_BLOCKS_PER_SYNC = 100;

type Ctx = Excel.RequestContext;

interface SheetPlan {
  name: string;
  /** The used range (values only) on the sheet; null when the sheet is empty. */
  used: RangePos | null;
  /** Where merged areas are looked for: the used range with formats (merged blank cells count there). */
  mergeArea: RangePos | null;
  values: unknown[][];
  formulas: unknown[][];
  merges: string[];
  notices: string[];
  mergesDone: boolean;
}

/** Rows [top, top+rows) of one sheet's used range still to read. */
interface Segment {
  sheet: SheetPlan;
  top: number;
  rows: number;
}

/** «Лист «Ответы» слишком велик…» when a used range exceeds MAX_READ_CELLS. */
function tooLarge(name: string, rows: number, columns: number): Error {
  return new Error(
    `Лист «${name}» слишком велик для чтения: ${countRu(rows, ["строка", "строки", "строк"])} × ${countRu(columns, ["столбец", "столбца", "столбцов"])}, допускается не больше ${countRu(MAX_READ_CELLS, ["ячейки", "ячеек", "ячеек"])}. Удалите лишние строки и столбцы или разделите лист.`,
  );
}

function cellsOf(r: RangePos): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

function width(r: RangePos): number {
  return r.right - r.left + 1;
}

function rowsOf(r: RangePos, top: number, rows: number): string {
  return formatRange({ top: r.top + top, left: r.left, bottom: r.top + top + rows - 1, right: r.right });
}

/**
 * Reads the named sheets (missing ones are skipped), values from A1 as `pad` arranges them.
 * `valuesOnly`: ExcelApi 1.2's getUsedRange(true); `merges`: ExcelApi 1.13.
 */
export async function readSheetsInBlocks(
  ctx: Ctx,
  names: string[],
  opts: { formulas?: boolean; valuesOnly: boolean; merges: boolean },
  pad: (address: string, values: unknown[][], formulas?: unknown[][]) => { values: Grid; formulas?: Grid },
): Promise<SheetRead[]> {
  const sheets = ctx.workbook.worksheets;
  sheets.load("items/name");
  await ctx.sync();
  const found = names
    .map((n) => sheets.items.find((w) => sameName(w.name, n)))
    .filter((w): w is Excel.Worksheet => !!w);
  // Sizes first, so a sheet beyond MAX_READ_CELLS is refused before Excel serialises it.
  const used = found.map((w) => {
    // getUsedRange (ExcelApi 1.1; valuesOnly 1.2) gives A1 for an empty sheet, read as one blank cell.
    const u = opts.valuesOnly ? w.getUsedRange(true) : w.getUsedRange();
    u.load("address,rowCount,columnCount");
    return u;
  });
  // Merged blank cells (a title row's empty right half, a merged spacer) lie outside the
  // values-only used range; the used range with formats covers them.
  const formatted = opts.merges && opts.valuesOnly ? found.map((w) => w.getUsedRange().load("address")) : null;
  await ctx.sync();
  const plans: SheetPlan[] = found.map((w, i) => {
    const u = used[i];
    if (u.rowCount * u.columnCount > MAX_READ_CELLS) throw tooLarge(w.name, u.rowCount, u.columnCount);
    const usedPos = parseRange(parseQualified(u.address).address);
    const mergeArea = formatted ? parseRange(parseQualified(formatted[i].address).address) : usedPos;
    return {
      name: w.name,
      used: usedPos,
      mergeArea,
      values: [],
      formulas: [],
      merges: [],
      notices: [],
      mergesDone: !opts.merges,
    };
  });

  await readValues(ctx, plans, !!opts.formulas, opts.merges);
  for (const plan of plans) if (!plan.mergesDone) await readMerges(ctx, plan);

  return plans.map((p) => {
    const read: SheetRead = { name: p.name, values: [], merges: p.merges };
    if (p.used) {
      const padded = pad(formatRange(p.used), p.values, opts.formulas ? p.formulas : undefined);
      read.values = padded.values;
      if (padded.formulas) read.formulas = padded.formulas;
    } else if (opts.formulas) read.formulas = [];
    if (p.notices.length) read.notices = p.notices;
    return read;
  });
}

/** Loads every sheet's values in row blocks, several small sheets per sync, each response within the budget. */
async function readValues(ctx: Ctx, plans: SheetPlan[], formulas: boolean, merges: boolean): Promise<void> {
  const queue: Segment[] = plans
    .filter((p) => p.used)
    .map((p) => ({ sheet: p, top: 0, rows: p.used!.bottom - p.used!.top + 1 }));
  let perCell = FIRST_BYTES_PER_CELL * (formulas ? 2 : 1);
  let alone = false;
  while (queue.length > 0) {
    // Take whole segments while they fit the budget; cut the first one into a block if it alone does not.
    const batch: Segment[] = [];
    let budget = PAYLOAD_BUDGET;
    while (queue.length > 0 && !(alone && batch.length > 0)) {
      const seg = queue[0];
      const rowBytes = width(seg.sheet.used!) * perCell;
      const fit = Math.floor(budget / rowBytes);
      if (fit >= seg.rows) {
        batch.push(queue.shift()!);
        budget -= seg.rows * rowBytes;
        continue;
      }
      if (batch.length === 0) {
        const rows = Math.max(1, fit);
        batch.push({ sheet: seg.sheet, top: seg.top, rows });
        seg.top += rows;
        seg.rows -= rows;
      }
      break;
    }
    const loaded = batch.map((seg) => {
      const w = ctx.workbook.worksheets.getItem(seg.sheet.name);
      const range = w.getRange(rowsOf(seg.sheet.used!, seg.top, seg.rows));
      if (formulas) range.load("values,formulas");
      else range.load("values");
      // A whole sheet of at most 512 cells cannot hold more than 512 merged areas: safe in a shared sync.
      const area = seg.sheet.mergeArea;
      const small = merges && !seg.sheet.mergesDone && !!area && cellsOf(area) <= MERGED_AREAS_LIMIT;
      const areas = small ? w.getRange(formatRange(area!)).getMergedAreasOrNullObject() : null;
      areas?.load("address");
      return { seg, range, areas };
    });
    try {
      await ctx.sync();
    } catch (e) {
      if (!isPayloadLimit(e)) throw e;
      // Excel refused the response for size: put the blocks back, smaller and one sheet per sync.
      const single = batch.length === 1 ? batch[0] : null;
      if (single && single.rows === 1) throw e;
      perCell *= 2;
      alone = true;
      restore(queue, batch);
      continue;
    }
    let bytes = 0;
    let cells = 0;
    for (const { seg, range, areas } of loaded) {
      seg.sheet.values.push(...range.values);
      if (formulas) seg.sheet.formulas.push(...range.formulas);
      bytes += jsonBytes(range.values) + (formulas ? jsonBytes(range.formulas) : 0);
      cells += seg.rows * width(seg.sheet.used!);
      if (areas) {
        seg.sheet.merges = areas.isNullObject ? [] : splitAreas(areas.address).map((a) => parseQualified(a).address);
        seg.sheet.mergesDone = true;
      }
    }
    // Later blocks are sized by the densest text seen so far, with a margin for longer cells ahead.
    if (cells > 0) perCell = Math.max(perCell, Math.ceil((bytes / cells) * 1.5));
  }
}

/** Puts refused blocks back at the head of the queue, in order, merging a block with the rest of its sheet. */
function restore(queue: Segment[], batch: Segment[]): void {
  for (let i = batch.length - 1; i >= 0; i--) {
    const seg = batch[i];
    const head = queue[0];
    if (head && head.sheet === seg.sheet && head.top === seg.top + seg.rows) {
      head.top = seg.top;
      head.rows += seg.rows;
    } else queue.unshift({ ...seg });
  }
  // A single refused block is halved, so the retry is smaller even if the estimate was right.
  if (batch.length === 1 && queue[0]) {
    const first = queue[0];
    const half = Math.max(1, Math.floor(batch[0].rows / 2));
    if (first.rows > half) {
      queue.splice(
        0,
        1,
        { sheet: first.sheet, top: first.top, rows: half },
        { sheet: first.sheet, top: first.top + half, rows: first.rows - half },
      );
    }
  }
}

/**
 * One sheet's merged areas in a sync of its own; above 512 areas Excel refuses, so then in blocks
 * of at most 512 cells (one block can hold at most that many top-left cells).
 */
async function readMerges(ctx: Ctx, plan: SheetPlan): Promise<void> {
  try {
    const areas = ctx.workbook.worksheets
      .getItem(plan.name)
      .getRange(formatRange(plan.mergeArea!))
      .getMergedAreasOrNullObject();
    areas.load("address");
    await ctx.sync();
    plan.merges = areas.isNullObject ? [] : splitAreas(areas.address).map((a) => parseQualified(a).address);
    return;
  } catch (e) {
    if (!isOverLimit(e)) throw e;
  }
  // Blocks cover the values (not a whole formatted column of a million rows): merged areas that
  // start in blank cells beyond the data are not needed to read it.
  const used = plan.used!;
  const cols = Math.min(width(used), MERGED_AREAS_LIMIT);
  const rowsPer = Math.max(1, Math.floor(MERGED_AREAS_LIMIT / cols));
  const blocks: RangePos[] = [];
  for (let top = used.top; top <= used.bottom; top += rowsPer) {
    for (let left = used.left; left <= used.right; left += cols) {
      blocks.push({
        top,
        left,
        bottom: Math.min(used.bottom, top + rowsPer - 1),
        right: Math.min(used.right, left + cols - 1),
      });
    }
  }
  const merges: string[] = [];
  try {
    for (let i = 0; i < blocks.length; i += MERGE_BLOCKS_PER_SYNC) {
      const w = ctx.workbook.worksheets.getItem(plan.name);
      const part = blocks.slice(i, i + MERGE_BLOCKS_PER_SYNC).map((b) => {
        const areas = w.getRange(formatRange(b)).getMergedAreasOrNullObject();
        areas.load("address");
        return areas;
      });
      await ctx.sync();
      for (const areas of part)
        if (!areas.isNullObject) merges.push(...splitAreas(areas.address).map((a) => parseQualified(a).address));
    }
    plan.merges = [...new Set(merges)];
  } catch (e) {
    if (!isOverLimit(e)) throw e;
    plan.merges = [];
    plan.notices.push(
      `Объединённые ячейки листа «${plan.name}» не прочитаны: Excel не вернул их список (${describeCode(e)}). Значения прочитаны полностью; если форма не распознаётся, отмените объединение ячеек в таблице данных.`,
    );
  }
}

/** A failure of getMergedAreasOrNullObject that is about the range, not about the workbook being unavailable. */
function isOverLimit(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return (
    typeof code === "string" &&
    !["AccessDenied", "ItemNotFound", "RequestAborted", "InvalidOrTimedOutSession", "ServiceNotAvailable"].includes(
      code,
    )
  );
}

function describeCode(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" ? `код ${code}` : "причина не указана";
}

/** Splits "Лист1!A1:B2, 'Свод, итог'!C3" at commas outside quotes. */
export function splitAreas(address: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === "," && !quoted) {
      out.push(cur.trim());
      cur = "";
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

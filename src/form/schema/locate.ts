/**
 * Finding the form's columns by their header text, not by position: schools reorder columns,
 * rename them slightly («Кол-во участников»), add title rows above the header, merge header
 * cells into two-level headers, type Latin look-alikes or «ё». Validation, parsing and the
 * ФИС ОКО importers all call locateColumns, so the form keeps working however it was edited.
 */
import { editDistance, normaliseKey } from "../../core/subjects";
import type { CellValue } from "../../core/values";
import { memoizeText } from "../../core/text-memo";
import { formatCell, parseRange } from "../../core/a1";
import type { Grid } from "../../host/port";
import type { ColumnSpec, FieldSpec, SheetSchema } from "./types";

export type MatchKind = "exact" | "alias" | "fuzzy";

export interface LocatedColumn {
  id: string;
  /** 0-based column index. */
  col: number;
  /** The header text as found on the sheet. */
  header: string;
  how: MatchKind;
}

export interface ColumnLocation {
  /** 0-based index of the header row (the lower one of a two-level header); -1 when none was found. */
  headerRow: number;
  /** 0-based index of the header's top row (differs from headerRow for two-level headers). */
  firstHeaderRow: number;
  /** 0-based index of the first data row. */
  dataStart: number;
  columns: Record<string, LocatedColumn>;
  /** Numbered columns (З1…Зn), sorted by n. */
  repeated: { n: number; col: number; header: string }[];
  /** Ids of required columns that were not found. */
  missing: string[];
  /** Non-empty header cells that match no column of the schema. */
  unknown: { col: number; header: string }[];
  /** Further columns whose header matches a column already found (the first one is used). */
  duplicates: { id: string; col: number; header: string }[];
  /** Merged areas (A1) that touch the header rows. */
  mergedHeaderCells: string[];
  /** The found columns are not in the template's order. */
  reordered: boolean;
}

export interface LocateOptions {
  /** Merged areas of the sheet (SheetRead.merges). */
  merges?: readonly string[];
  /** First row (0-based) to look at; the passport's table starts below its fields. */
  startRow?: number;
  /** How many rows to scan for the header (default 30). */
  maxScanRows?: number;
}

/**
 * Header key: normaliseKey without spaces and the "*" of required fields, so «Класс (буква)»,
 * «Класс-буква» and «классбуква» agree. Remembered: every located sheet and every enum cell asks again.
 */
export const headerKey = memoizeText((text) => {
  const key = normaliseKey(text.indexOf("*") < 0 ? text : text.replace(/\*/g, " "));
  return key.indexOf(" ") >= 0 ? key.replace(/ /g, "") : key;
});

const UNIT_SUFFIX = /(?:чел|человек|%|баллов|балл|шт|ед)$/;

function cellText(v: CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "object") {
    const inner = (v as { result?: unknown; richText?: { text: string }[] }).result;
    if (inner !== undefined) return cellText(inner as CellValue);
    const rich = (v as { richText?: { text: string }[] }).richText;
    return Array.isArray(rich) ? rich.map((r) => r.text).join("") : "";
  }
  return String(v).trim();
}

interface Candidate {
  specIndex: number;
  col: number;
  how: MatchKind;
  rank: number;
}

interface SpecKeys {
  main: string;
  aliases: string[];
  /** main, then the aliases: the order fuzzy matching tries them in. */
  targets: string[];
}

const SPEC_KEYS = new WeakMap<object, SpecKeys>();

function specKeys(spec: Pick<ColumnSpec, "header" | "aliases">): SpecKeys {
  let k = SPEC_KEYS.get(spec);
  if (!k) {
    const main = headerKey(spec.header);
    const aliases = (spec.aliases ?? []).map(headerKey);
    k = { main, aliases, targets: [main, ...aliases] };
    SPEC_KEYS.set(spec, k);
  }
  return k;
}

const NO_KEYS: readonly string[] = Object.freeze([]);

/** Keys to try for a header text: as is, and without a trailing unit («Участников, чел.»). */
function textKeys(text: string): readonly string[] {
  const key = headerKey(text);
  if (key === "") return NO_KEYS;
  const stripped = key.replace(UNIT_SUFFIX, "");
  return stripped !== key && stripped !== "" ? [key, stripped] : [key];
}

function matchKeys(
  keys: readonly string[],
  spec: Pick<ColumnSpec, "header" | "aliases">,
): { how: MatchKind; rank: number } | null {
  if (keys.length === 0) return null;
  const { main, aliases, targets } = specKeys(spec);
  if (keys.includes(main)) return { how: "exact", rank: 0 };
  for (const a of aliases) if (keys.includes(a)) return { how: "alias", rank: 1 };
  let best = Infinity;
  for (const k of keys) {
    for (const target of targets) {
      const shorter = Math.min(k.length, target.length);
      const allowed = shorter >= 10 ? 2 : shorter >= 5 ? 1 : 0;
      if (allowed === 0 || Math.abs(k.length - target.length) > allowed) continue;
      const d = editDistance(k, target);
      if (d <= allowed && d < best) best = d;
    }
  }
  return best === Infinity ? null : { how: "fuzzy", rank: 1 + best };
}

/** How well a header text matches a spec: null, or the kind and a rank (lower is better). */
export function matchHeader(
  text: string,
  spec: Pick<ColumnSpec, "header" | "aliases">,
): { how: MatchKind; rank: number } | null {
  return matchKeys(textKeys(text), spec);
}

/** The grid with each merged area's top-left value copied over the whole area (header rows only). */
function fillMerges(grid: Grid, merges: readonly string[], rowLimit: number): (r: number, c: number) => string {
  const filled = new Map<string, string>();
  for (const m of merges) {
    let area;
    try {
      area = parseRange(m);
    } catch {
      continue;
    }
    if (area.top >= rowLimit) continue;
    const text = cellText(grid[area.top]?.[area.left]);
    for (let r = area.top; r <= Math.min(area.bottom, rowLimit); r++) {
      for (let c = area.left; c <= Math.min(area.right, area.left + 200); c++) filled.set(`${r}:${c}`, text);
    }
  }
  // Most sheets have no merged header: no "r:c" key per cell then.
  if (filled.size === 0) return (r, c) => cellText(grid[r]?.[c]);
  return (r, c) => filled.get(`${r}:${c}`) ?? cellText(grid[r]?.[c]);
}

interface HeaderTry {
  row: number;
  top: number;
  texts: string[];
  assigned: Map<number, Candidate>;
  score: number;
}

/**
 * Matches of one text against every column of the sheet, memoised per column list: texts repeat
 * down a column and across the files of one run (numbers, subjects, procedures). The columns are
 * constant declarations, as specKeys already assumes.
 */
type MatchMemo = Map<string, { specIndex: number; how: MatchKind; rank: number }[]>;
const MATCH_MEMOS = new WeakMap<readonly ColumnSpec[], MatchMemo>();
const MATCH_MEMO_LIMIT = 5_000;

function matchMemoOf(sheet: SheetSchema): MatchMemo {
  let memo = MATCH_MEMOS.get(sheet.columns);
  if (!memo) {
    memo = new Map();
    MATCH_MEMOS.set(sheet.columns, memo);
  } else if (memo.size >= MATCH_MEMO_LIMIT) {
    memo.clear();
  }
  return memo;
}

function matchesOf(
  text: string,
  sheet: SheetSchema,
  memo: MatchMemo,
): { specIndex: number; how: MatchKind; rank: number }[] {
  let m = memo.get(text);
  if (!m) {
    const keys = textKeys(text);
    m = [];
    sheet.columns.forEach((spec, specIndex) => {
      const r = matchKeys(keys, spec);
      if (r) m!.push({ specIndex, ...r });
    });
    memo.set(text, m);
  }
  return m;
}

/** What a row without a single header-like text assigns (shared: never written to). */
const NOTHING_ASSIGNED: Map<number, Candidate> = new Map();

function assign(texts: string[], sheet: SheetSchema, memo: MatchMemo): Map<number, Candidate> {
  // Plain loops, and nothing made for a row whose texts match no column (most rows scanned: data).
  let cands: Candidate[] | null = null;
  for (let col = 0; col < texts.length; col++) {
    const t = texts[col];
    if (t === "") continue;
    const matches = matchesOf(t, sheet, memo);
    for (let i = 0; i < matches.length; i++) {
      const m = matches[i];
      (cands ??= []).push({ specIndex: m.specIndex, col, how: m.how, rank: m.rank });
    }
  }
  if (cands === null) return NOTHING_ASSIGNED;
  cands.sort((a, b) => a.rank - b.rank || a.col - b.col);
  const bySpec = new Map<number, Candidate>();
  const usedCols = new Set<number>();
  for (const c of cands) {
    if (bySpec.has(c.specIndex) || usedCols.has(c.col)) continue;
    bySpec.set(c.specIndex, c);
    usedCols.add(c.col);
  }
  return bySpec;
}

function scoreOf(assigned: Map<number, Candidate>, sheet: SheetSchema): number {
  let s = 0;
  for (const [i, c] of assigned) s += (sheet.columns[i].required ? 2 : 1) * (c.how === "fuzzy" ? 0.75 : 1);
  return s;
}

/** Rows with more required columns win; then the higher score (a data row of numbers may match «5»…«2»). */
function rankOf(t: HeaderTry, sheet: SheetSchema): number {
  let required = 0;
  for (const i of t.assigned.keys()) if (sheet.columns[i].required) required++;
  return required * 1000 + t.score;
}

/**
 * Finds the header row and every column of `sheet` in `grid`. Tries each of the first rows as a
 * one-row header and as the top of a two-row header (merged group titles above sub-headers), and
 * keeps the row that matches the most columns (required ones count double).
 */
export function locateColumns(grid: Grid, sheet: SheetSchema, opts: LocateOptions = {}): ColumnLocation {
  const start = opts.startRow ?? 0;
  const scanEnd = Math.min(grid.length, start + (opts.maxScanRows ?? 30));
  const merges = opts.merges ?? [];
  const text = fillMerges(grid, merges, scanEnd + 1);
  const width = Math.max(0, ...grid.slice(start, scanEnd + 1).map((r) => r?.length ?? 0));
  const rowTexts = (r: number): string[] => {
    const out = new Array<string>(width);
    for (let c = 0; c < width; c++) out[c] = text(r, c);
    return out;
  };

  let best: HeaderTry | null = null;
  let bestRank = 0;
  // The rank of a row matching every column exactly: no later row can rank higher (a later row
  // replaces the best only when it ranks strictly higher), so the scan stops there (issue 23: the
  // form's header is its first row, and 29 rows of data were matched against the columns for nothing).
  let topRank = 0;
  for (const c of sheet.columns) topRank += c.required ? 1002 : 1;
  const memo = matchMemoOf(sheet);
  // Row r + 1 read as the lower header row is read again as the next single row.
  let next: { row: number; texts: string[] } | null = null;
  for (let r = start; r < scanEnd; r++) {
    const one = next && next.row === r ? next.texts : rowTexts(r);
    if (one.every((t) => t === "")) continue;
    const single = assign(one, sheet, memo);
    const tries: HeaderTry[] = [{ row: r, top: r, texts: one, assigned: single, score: scoreOf(single, sheet) }];
    if (r + 1 < grid.length) {
      const below = rowTexts(r + 1);
      next = { row: r + 1, texts: below };
      const two = one.map((t, c) => (below[c] !== "" ? below[c] : t));
      const assigned = assign(two, sheet, memo);
      // A small penalty: a one-row header under a title row must win over "title + header".
      tries.push({ row: r + 1, top: r, texts: two, assigned, score: scoreOf(assigned, sheet) - 0.1 });
    }
    for (const t of tries) {
      const rank = rankOf(t, sheet);
      if (!best || rank > bestRank) {
        best = t;
        bestRank = rank;
      }
    }
    if (bestRank >= topRank) break;
  }

  const minScore = Math.min(2, sheet.columns.length);
  const requiredCount = sheet.columns.filter((c) => c.required).length;
  const requiredFound = best ? [...best.assigned.keys()].filter((i) => sheet.columns[i].required).length : 0;
  if (!best || best.score < minScore || requiredFound < Math.min(2, requiredCount)) {
    return {
      headerRow: -1,
      firstHeaderRow: -1,
      dataStart: start,
      columns: {},
      repeated: [],
      unknown: [],
      duplicates: [],
      missing: sheet.columns.filter((c) => c.required).map((c) => c.id),
      mergedHeaderCells: [],
      reordered: false,
    };
  }

  // A header cell merged down from the row above (vertical merge) makes that row part of the header.
  let top = best.top;
  for (const m of merges) {
    try {
      const a = parseRange(m);
      if (a.top < top && a.bottom >= best.row && a.top >= best.row - 3) top = a.top;
      // A group title merged over some (not all) of the columns right above the header.
      const headerWidth = best.texts.filter((t) => t !== "").length;
      if (a.bottom === best.row - 1 && a.right > a.left && a.right - a.left + 1 < headerWidth && a.top < top)
        top = a.top;
    } catch {
      /* an unreadable merge address is ignored */
    }
  }
  const columns: Record<string, LocatedColumn> = {};
  for (const [i, c] of best.assigned)
    columns[sheet.columns[i].id] = { id: sheet.columns[i].id, col: c.col, header: best.texts[c.col], how: c.how };
  const usedCols = new Set([...best.assigned.values()].map((c) => c.col));
  const repeated: ColumnLocation["repeated"] = [];
  const unknown: ColumnLocation["unknown"] = [];
  const duplicates: ColumnLocation["duplicates"] = [];
  best.texts.forEach((t, col) => {
    if (t === "" || usedCols.has(col)) return;
    const n = sheet.repeated?.match(normaliseKey(t));
    if (n !== undefined && n !== null) {
      repeated.push({ n, col, header: t });
      return;
    }
    const keys = textKeys(t);
    const dup = sheet.columns.find((spec) => {
      const how = matchKeys(keys, spec)?.how;
      return how === "exact" || how === "alias";
    });
    if (dup) duplicates.push({ id: dup.id, col, header: t });
    else unknown.push({ col, header: t });
  });
  repeated.sort((a, b) => a.n - b.n);

  const order = sheet.columns.map((c) => columns[c.id]?.col).filter((c): c is number => c !== undefined);
  const reordered = order.some((c, i) => i > 0 && c < order[i - 1]);
  const mergedHeaderCells = merges.filter((m) => {
    try {
      const a = parseRange(m);
      return a.top <= best.row && a.bottom >= top && !(a.top === a.bottom && a.left === a.right);
    } catch {
      return false;
    }
  });
  return {
    headerRow: best.row,
    firstHeaderRow: top,
    dataStart: best.row + 1,
    columns,
    repeated,
    missing: sheet.columns.filter((c) => c.required && !columns[c.id]).map((c) => c.id),
    unknown,
    duplicates,
    mergedHeaderCells,
    reordered,
  };
}

export interface LocatedField {
  id: string;
  /** 0-based position of the label cell. */
  row: number;
  col: number;
  label: string;
  how: MatchKind;
  /** A1 of the value cell: the cell right of the label. */
  valueCell: string;
}

/**
 * Finds the key/value fields of a sheet (the passport): a label anywhere in the first rows and
 * columns, its value in the cell to its right.
 */
export function locateFields(
  grid: Grid,
  fields: readonly FieldSpec[],
  opts: { maxRows?: number; maxCols?: number } = {},
): Record<string, LocatedField> {
  const rows = Math.min(grid.length, opts.maxRows ?? 40);
  const cands: { field: number; row: number; col: number; how: MatchKind; rank: number; label: string }[] = [];
  for (let r = 0; r < rows; r++) {
    const row = grid[r] ?? [];
    for (let c = 0; c < Math.min(row.length, opts.maxCols ?? 6); c++) {
      const label = cellText(row[c]);
      if (label === "" || label.length > 80) continue;
      const keys = textKeys(label);
      fields.forEach((f, i) => {
        const m = matchKeys(keys, f);
        if (m) cands.push({ field: i, row: r, col: c, how: m.how, rank: m.rank, label });
      });
    }
  }
  cands.sort((a, b) => a.rank - b.rank || a.row - b.row || a.col - b.col);
  const out: Record<string, LocatedField> = {};
  const used = new Set<string>();
  for (const c of cands) {
    const id = fields[c.field].id;
    if (out[id] || used.has(`${c.row}:${c.col}`)) continue;
    used.add(`${c.row}:${c.col}`);
    out[id] = {
      id,
      row: c.row,
      col: c.col,
      label: c.label,
      how: c.how,
      valueCell: formatCell({ row: c.row, col: c.col + 1 }),
    };
  }
  return out;
}

/**
 * One worksheet part → `SheetRead` (values and merged areas), read from its UTF-8 bytes. A form's
 * participant sheet is megabytes of mostly empty styled cells, so the cells are walked byte by
 * byte: no decoding of the whole part, no regex or string per cell. Shared-string indices and
 * plain numbers are read in place; anything rarer (inline strings, formulas, typed text, prefixed
 * value tags) is decoded and read by `cellValue`. Element names may carry any namespace prefix
 * ("<x:c>"); attribute values may use either quote.
 */
import { countRu, type CellValue } from "../../core/values";
import type { Grid, SheetRead } from "../../host/port";
import { dateToSerial } from "../../host/serial";
import { areaCells, type BookBudget } from "./budget";
import { attributes, decodeXml, elements, itemText, P, utf8Text } from "./xml";

export const DEFAULT_MAX_CELLS = 5_000_000;

const ROWS = ["строка", "строки", "строк"] as const;
const COLUMNS = ["столбец", "столбца", "столбцов"] as const;
const CELLS = ["ячейки", "ячеек", "ячеек"] as const;

const V_RE = new RegExp(`<${P}v(?:\\s[^>]*)?>([\\s\\S]*?)</${P}v>`);
const IS_RE = new RegExp(`<${P}is\\b[^>]*>([\\s\\S]*?)</${P}is>`);
const DIMENSION_RE = new RegExp(`<${P}dimension\\b([^>]*)>`);

const LT = 60; // <
const GT = 62; // >
const SLASH = 47;
const COLON = 58;

/** "AB12" → [row 11, col 27] (0-based), or null. */
function cellPos(ref: string): [number, number] | null {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  if (i === 0 || i === ref.length) return null;
  const row = Number(ref.slice(i).replace(/\$/g, ""));
  if (!Number.isInteger(row) || row < 1) return null;
  return [row - 1, col - 1];
}

/** The value of a cell from its decoded content (`<v>`, `<f>`, `<is>`…) and its "t" attribute. */
function cellValue(type: string | undefined, inner: string | undefined, strings: readonly string[]): CellValue {
  if (!inner) return null;
  if (type === "inlineStr") {
    const is = IS_RE.exec(inner);
    return is ? itemText(is[1]) : null;
  }
  let text: string;
  // The usual shape is exactly <v>…</v>; anything else (formulas, prefixes) goes through the regex.
  if (inner.startsWith("<v>") && inner.endsWith("</v>") && inner.indexOf("<", 3) === inner.length - 4)
    text = inner.slice(3, -4);
  else {
    const v = V_RE.exec(inner);
    if (!v) return null;
    text = v[1];
  }
  return valueOfText(type, text, strings);
}

/** The value of a cell from the raw (undecoded) text of its `<v>` and its "t" attribute. */
function valueOfText(type: string | undefined, text: string, strings: readonly string[]): CellValue {
  switch (type) {
    case "s": {
      const s = strings[Number(text)];
      return s === undefined ? null : s;
    }
    case "str":
    case "e":
      return decodeXml(text);
    case "b":
      return text.trim() === "1" || text.trim() === "true";
    case "d": {
      const d = new Date(decodeXml(text).trim());
      return Number.isNaN(d.getTime()) ? null : dateToSerial(d);
    }
    default: {
      const n = Number(text);
      return text.trim() !== "" && Number.isFinite(n) ? n : null;
    }
  }
}

function isSpace(ch: number): boolean {
  return ch === 32 || ch === 9 || ch === 10 || ch === 13;
}

/** ASCII bytes as a string (attribute values, numbers: a few characters each). */
function ascii(b: Uint8Array, from: number, to: number): string {
  let s = "";
  for (let i = from; i < to; i++) s += String.fromCharCode(b[i]);
  return s;
}

/** The single-letter cell types as shared strings: one string per typed cell was garbage to collect (issue 23). */
function oneLetterType(ch: number): string | undefined {
  switch (ch) {
    case 115:
      return "s";
    case 98:
      return "b";
    case 101:
      return "e";
    case 110:
      return "n";
    case 100:
      return "d";
    default:
      return undefined;
  }
}

/** A cell's t="…" value: the usual ones without building a string, anything else as read. */
function cellType(b: Uint8Array, from: number, to: number): string {
  if (to - from === 1) {
    const t = oneLetterType(b[from]);
    if (t !== undefined) return t;
  } else if (to - from === 3 && b[from] === 115 && b[from + 1] === 116 && b[from + 2] === 114) return "str";
  return ascii(b, from, to);
}

/** Bytes as text: short ASCII runs (numbers, codes) without a decoder call, the rest as UTF-8. */
function textAt(b: Uint8Array, from: number, to: number): string {
  if (to - from > 64) return utf8Text(b.subarray(from, to));
  for (let i = from; i < to; i++) if (b[i] > 127) return utf8Text(b.subarray(from, to));
  return ascii(b, from, to);
}

/** Whether `b` holds the bytes of `word` at `at`. */
function bytesAt(b: Uint8Array, at: number, word: string): boolean {
  if (at < 0 || at + word.length > b.length) return false;
  for (let i = 0; i < word.length; i++) if (b[at + i] !== word.charCodeAt(i)) return false;
  return true;
}

/** The digits between `from` and `to` as a number; NaN when empty, not all digits or too long to be exact. */
function digits(b: Uint8Array, from: number, to: number): number {
  if (from >= to || to - from > 15) return NaN;
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = b[i] - 48;
    if (d < 0 || d > 9) return NaN;
    n = n * 10 + d;
  }
  return n;
}

/** The "r" and "t" attributes of a tag, reused from tag to tag. */
interface Attrs {
  /** Row number (1-based) of a row, column (0-based) of a cell; NaN when absent or empty. */
  ref: number;
  type: string | undefined;
  /** The tag ends with "/>". */
  empty: boolean;
}

/**
 * Reads "r" and "t" (unprefixed, either quote) from the attributes starting at `from` and returns
 * the position of the tag's ">" (−1 when the tag does not end before `end`). One pass over the
 * bytes finds both, and a ">" inside a quoted value does not end the tag.
 */
function readAttrs(b: Uint8Array, from: number, end: number, isRow: boolean, out: Attrs): number {
  out.ref = NaN;
  out.type = undefined;
  out.empty = false;
  let i = from;
  while (i < end) {
    const ch = b[i];
    if (ch === GT) {
      out.empty = b[i - 1] === SLASH;
      return i;
    }
    // The usual cell tags are read by cellAttrs and the usual row tags by plainRowEnd: what comes
    // here is rarer, and read step by step.
    if (isSpace(ch) || ch === SLASH) {
      i++;
      continue;
    }
    const nameStart = i;
    while (i < end && b[i] !== 61 /* = */ && b[i] !== GT && !isSpace(b[i])) i++;
    const nameEnd = i;
    while (i < end && isSpace(b[i])) i++;
    if (b[i] !== 61) continue;
    i++;
    while (i < end && isSpace(b[i])) i++;
    if (b[i] !== 34 && b[i] !== 39) continue;
    const valueStart = i + 1;
    const quote = b[valueStart - 1];
    let valueEnd = valueStart;
    while (valueEnd < end && b[valueEnd] !== quote) valueEnd++;
    if (valueEnd >= end) return -1;
    i = valueEnd + 1;
    if (nameEnd - nameStart !== 1 || valueEnd === valueStart) continue;
    if (b[nameStart] === 116 /* t */) out.type = cellType(b, valueStart, valueEnd);
    else if (b[nameStart] === 114 /* r */) {
      if (isRow) {
        const n = digits(b, valueStart, valueEnd);
        out.ref = n === n ? n : Number(ascii(b, valueStart, valueEnd));
      } else {
        let col = 0;
        for (let k = valueStart; k < valueEnd; k++) {
          const c = b[k];
          if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
          else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
          else break;
        }
        out.ref = col - 1;
      }
    }
  }
  return -1;
}

/**
 * readAttrs for a cell's tag in the shape writers use, « name="value"» after single spaces: "r"
 * and "t" read, any other attribute passed over. Returns the position of the tag's ">", or −2
 * at anything else (other spaces or quotes, a cut tag), for readAttrs to read the tag from the
 * start. Small, so it is compiled at once on a cold run (issue 23).
 */
function cellAttrs(b: Uint8Array, from: number, end: number, out: Attrs): number {
  out.ref = NaN;
  out.type = undefined;
  let i = from;
  while (i < end) {
    const ch = b[i];
    if (ch === GT) {
      out.empty = b[i - 1] === SLASH;
      return i;
    }
    if (ch !== 32 || b[i + 2] !== 61 || b[i + 3] !== 34) return -2;
    // A one-letter name: « r="C2"», « t="s"», « s="3"».
    const n = b[i + 1];
    let k = i + 4;
    if (n === 114 /* r */) {
      let col = 0;
      for (let c = b[k]; c >= 65 && c <= 90; c = b[++k]) col = col * 26 + (c - 64);
      if (k === i + 4) return -2;
      out.ref = col - 1;
    } else if (n === 116 /* t */) {
      while (k < end && b[k] !== 34) k++;
      if (k === i + 4) return -2;
      out.type = cellType(b, i + 4, k);
    }
    while (k < end && b[k] !== 34) k++;
    if (k >= end) return -2;
    i = k + 1;
  }
  return -2;
}

/** A start tag found by nextStartTag: where it begins ("<"), its name and local name (after any prefix). */
interface StartTag {
  lt: number;
  nameStart: number;
  nameEnd: number;
  local: number;
}

/**
 * The next start tag from `pos` before `end` into `tag` (end tags, comments and processing
 * instructions skipped); false when there is none. Its attributes and ">" are left to the caller.
 */
function nextStartTag(b: Uint8Array, pos: number, end: number, tag: StartTag): boolean {
  let i = pos;
  for (;;) {
    while (i < end && b[i] !== LT) i++;
    if (i >= end) return false;
    const nameStart = i + 1;
    const first = b[nameStart];
    if (first === SLASH || first === 33 || first === 63) {
      i = nameStart;
      continue;
    }
    let nameEnd = nameStart;
    let local = nameStart;
    for (; nameEnd < end; nameEnd++) {
      const ch = b[nameEnd];
      if (isSpace(ch) || ch === GT || ch === SLASH) break;
      if (ch === COLON) local = nameEnd + 1;
    }
    tag.lt = i;
    tag.nameStart = nameStart;
    tag.nameEnd = nameEnd;
    tag.local = local;
    return true;
  }
}

/** The ">" of a tag whose attributes do not matter (quote-aware, as readAttrs); −1 when it does not end before `end`. */
function skipAttrs(b: Uint8Array, from: number, end: number): number {
  let quote = 0;
  for (let i = from; i < end; i++) {
    const ch = b[i];
    if (quote) {
      if (ch === quote) quote = 0;
    } else if (ch === 34 || ch === 39) quote = ch;
    else if (ch === GT) return i;
  }
  return -1;
}

function isRowTag(b: Uint8Array, tag: StartTag): boolean {
  const l = tag.local;
  return tag.nameEnd - l === 3 && b[l] === 114 && b[l + 1] === 111 && b[l + 2] === 119; /* row */
}

function isCellTag(b: Uint8Array, tag: StartTag): boolean {
  return tag.nameEnd - tag.local === 1 && b[tag.local] === 99; /* c */
}

/** Where the content of <sheetData> is: [start, end) and where what follows it begins; null for none. */
function sheetDataRange(b: Uint8Array): { start: number; end: number; after: number } | null {
  // The start tag: the first "sheetData" name (elements before it — sheetPr, dimension, sheetViews, cols — never contain it).
  let open = -1;
  for (let i = 1; i + 9 < b.length; i++) {
    if (
      b[i] === 115 /* s */ &&
      (b[i - 1] === LT || b[i - 1] === COLON) &&
      bytesAt(b, i, "sheetData") &&
      (isSpace(b[i + 9]) || b[i + 9] === GT || b[i + 9] === SLASH)
    ) {
      open = i;
      break;
    }
  }
  if (open < 0) return null;
  let gt = open + 9;
  while (gt < b.length && b[gt] !== GT) gt++;
  if (gt >= b.length || b[gt - 1] === SLASH) return null;
  // The end tag, searched from the end: after it come only merges, validations, page setup.
  for (let i = b.length - 10; i > gt; i--) {
    if (b[i] !== 115 /* s */ || !bytesAt(b, i, "sheetData>")) continue;
    let k = i - 1;
    if (b[k] === COLON) while (k > gt && b[k] !== SLASH && b[k] !== LT) k--;
    if (b[k] === SLASH && b[k - 1] === LT) return { start: gt + 1, end: k - 1, after: k - 1 };
  }
  return { start: gt + 1, end: b.length, after: b.length };
}

/** Cells of the area the part's <dimension> claims (before sheetData, at most its first 64 KB); 0 without one. */
function claimedCells(b: Uint8Array, range: { start: number } | null): number {
  const head = utf8Text(b.subarray(0, Math.min(range ? range.start : b.length, 16_384)));
  const m = DIMENSION_RE.exec(head);
  return m ? areaCells(attributes(m[1]).get("ref") ?? "") : 0;
}

/** Cells inside the merged areas of the part's tail (the whole areas, the top-left cells included). */
function mergedCellsOf(tail: string): { refs: string[]; cells: number } {
  const refs: string[] = [];
  let cells = 0;
  for (const m of elements(tail, "mergeCell", false)) {
    const ref = attributes(m.attrs).get("ref");
    if (!ref) continue;
    refs.push(ref);
    cells += areaCells(ref);
  }
  return { refs, cells };
}

/**
 * What a worksheet part asks of the book budget before its cells are read: the cells its
 * dimension claims and the cells of its merged areas. The exceljs path calls it on every sheet
 * before exceljs builds anything; the values-only reader charges the same figures itself.
 */
export function sheetClaims(b: Uint8Array): { dimensionCells: number; mergedCells: number } {
  const range = sheetDataRange(b);
  return {
    dimensionCells: claimedCells(b, range),
    mergedCells: mergedCellsOf(utf8Text(range ? b.subarray(range.after) : b)).cells,
  };
}

/**
 * Merged areas from the part's tail, and the positions (row × 16 384 + column) of their non-top-left
 * cells in the rows read (above `maxRows`). A read of the first rows (a protocol's head: the book
 * budget is not charged there) marks no cell below them: a hostile sheet's 17 areas of a million
 * cells each would otherwise fill a Set of 17 million before the full read refuses the book.
 */
function readMerges(refs: readonly string[], maxRows = Infinity): { merges: string[]; slaves: Set<number> } {
  const merges: string[] = [];
  const slaves = new Set<number>();
  for (const ref of refs) {
    const [a, b = a] = ref.toUpperCase().split(":");
    const p = cellPos(a);
    const q = cellPos(b);
    if (!p || !q) continue;
    merges.push(ref.toUpperCase());
    // Only the top-left cell of a merged area keeps its value; mark the others (cells ≤ 10⁶ per area).
    if ((q[0] - p[0] + 1) * (q[1] - p[1] + 1) > 1_000_000) continue;
    const last = Math.min(q[0], maxRows - 1);
    for (let r = p[0]; r <= last; r++)
      for (let c = p[1]; c <= q[1]; c++) if (r !== p[0] || c !== p[1]) slaves.add(r * 16_384 + c);
  }
  return { merges, slaves };
}

/** Position of the end tag `</name>` (name as the bytes from..to of the start tag) at or after `at`; −1 when none. */
function endTag(b: Uint8Array, at: number, end: number, nameFrom: number, nameTo: number): number {
  const n = nameTo - nameFrom;
  // From "<" to "<" with the native indexOf: a form's formula cells hold a kilobyte of text each
  // (escaped, so without "<"), which the byte-by-byte loop walked (issue 23).
  for (let k = b.indexOf(LT, at); k >= 0 && k + n + 2 < end; k = b.indexOf(LT, k + 1)) {
    if (b[k + 1] !== SLASH || b[k + n + 2] !== GT) continue;
    let same = true;
    for (let j = 0; j < n && same; j++) same = b[k + 2 + j] === b[nameFrom + j];
    if (same) return k;
  }
  return -1;
}

/**
 * The value of a cell whose content is bytes s..e. A `<v>` closing the content (after a formula or
 * alone) holding a shared-string index or an integer is read in place; other values are decoded
 * from the `<v>` on, inline strings from the whole content, and read by `cellValue`.
 */
function valueAt(b: Uint8Array, s: number, e: number, type: string | undefined, strings: readonly string[]): CellValue {
  if (type !== "inlineStr" && e - s >= 7 && bytesAt(b, e - 4, "</v>")) {
    let v = e - 5;
    while (v >= s && b[v] !== LT) v--;
    if (v >= s && b[v + 1] === 118 /* v */ && b[v + 2] === GT) return vValue(b, v + 3, e - 4, type, strings);
  }
  // A formula without a cached value (as exceljs writes them) has no <v>: nothing to decode.
  if (type !== "inlineStr" && !hasElement(b, s, e, 118 /* v */)) return null;
  return cellValue(type, utf8Text(b.subarray(s, e)), strings);
}

/** The value of a cell from the raw text of its `<v>` (bytes from..to): indices and integers in place. */
function vValue(
  b: Uint8Array,
  from: number,
  to: number,
  type: string | undefined,
  strings: readonly string[],
): CellValue {
  if (type === "s") {
    const i = digits(b, from, to);
    if (i === i) return strings[i] ?? null;
  } else if (type === undefined || type === "n") {
    const negative = b[from] === 45; /* - */
    const n = digits(b, negative ? from + 1 : from, to);
    if (n === n) return negative ? -n : n;
  }
  return valueOfText(type, textAt(b, from, to), strings);
}

/** Whether the content s..e holds an element with a one-letter name, whatever its prefix (<f>, <f …/>, <x:v>). */
function hasElement(b: Uint8Array, s: number, e: number, letter: number): boolean {
  for (let k = b.indexOf(LT, s); k >= 0 && k < e; k = b.indexOf(LT, k + 1)) {
    if (b[k + 1] === SLASH) continue;
    let n = k + 1;
    let local = n;
    for (; n < e && !isSpace(b[n]) && b[n] !== GT && b[n] !== SLASH; n++) if (b[n] === COLON) local = n + 1;
    if (n < e && n - local === 1 && b[local] === letter) return true;
  }
  return false;
}

/** One worksheet part (UTF-8 bytes) → SheetRead (values only); with `maxRows`, only its first rows. */
export function readSheetBytes(
  b: Uint8Array,
  name: string,
  fileName: string,
  strings: readonly string[],
  maxCells = DEFAULT_MAX_CELLS,
  maxRows = Infinity,
  budget?: BookBudget,
): SheetRead {
  const { values, merges } = scanSheet(b, name, fileName, strings, maxCells, maxRows, budget, null);
  return { name, values, merges };
}

/**
 * Receives a sheet row by row: `r` is the 0-based row, `cells[c]` the value of column c (null
 * when empty; undefined past the widest row so far). The array is the reader's own and is reused
 * for the next row: read what is needed and keep nothing of it.
 */
export type RowVisitor = (r: number, cells: readonly CellValue[]) => void;

/** Thrown by visitSheetBytes when a row comes after a row below it: such a sheet must be read whole. */
export class RowOrderError extends Error {
  constructor(sheet: string, fileName: string) {
    super(`Строки листа «${sheet}» файла «${fileName}» записаны не по порядку.`);
  }
}

/**
 * The rows of a worksheet part handed to `visit` one by one as they are read, without building
 * the grid (issue 23: a regional protocol is 25 000 rows that are read once): the same values as
 * readSheetBytes's rows that hold any, in the same order, and the same limits and budget. Rows
 * whose cells are all empty are not handed over. A row written after a row below it (rows out of
 * order, or one row in two pieces with others between them) throws RowOrderError before it is
 * handed over: the caller then reads the sheet whole. Returns the used range and merged areas.
 */
export function visitSheetBytes(
  b: Uint8Array,
  name: string,
  fileName: string,
  strings: readonly string[],
  visit: RowVisitor,
  maxCells = DEFAULT_MAX_CELLS,
  budget?: BookBudget,
): { rows: number; cols: number; merges: string[] } {
  const { rows, cols, merges } = scanSheet(b, name, fileName, strings, maxCells, Infinity, budget, visit);
  return { rows, cols, merges };
}

/**
 * The cells read so far and where they go: the grid (readSheetBytes) or the row handed to a
 * visitor (visitSheetBytes). Kept apart from the loop over the bytes so that loop stays small:
 * V8 runs a function in its interpreter until it has run long enough for its size, and a
 * protocol is read once, cold (issue 23: the first thousand rows cost as much as the rest).
 */
class CellSink {
  readonly values: Grid = [];
  cols = 0;
  cellCount = 0;
  maxRow = 0;
  /** Past the cell limit: only the size is still measured (for the message), no more cells are stored. */
  tooBig = false;
  /** Cells stored in the grid row last started. */
  private lineCells = 0;
  /** With a visitor: the row being gathered, its cells and the columns written (cleared once it is handed over). */
  private rowOfCells = -1;
  private readonly cells: CellValue[] = [];
  private lowCol = Infinity;
  private highCol = -1;

  constructor(
    private readonly maxCells: number,
    private readonly visit: RowVisitor | null,
    private readonly name: string,
    private readonly fileName: string,
  ) {}

  /** A cell without a value that still belongs to the used range (a formula without its result). */
  extend(r: number, c: number): void {
    if (r + 1 > this.maxRow) this.maxRow = r + 1;
    if (c + 1 > this.cols) this.cols = c + 1;
    this.cellCount++;
  }

  add(r: number, c: number, v: CellValue): void {
    // The usual case of a visitor: a cell of the row being gathered within its width (so the used
    // range and the limit stay as they are). A small method that V8 optimizes early on a cold run,
    // the rest apart in `place` (issue 23).
    if (r === this.rowOfCells && c < this.cells.length && !this.tooBig) {
      this.cellCount++;
      this.cells[c] = v;
      if (c < this.lowCol) this.lowCol = c;
      if (c > this.highCol) this.highCol = c;
    } else this.place(r, c, v);
  }

  private place(r: number, c: number, v: CellValue): void {
    if (r + 1 > this.maxRow) this.maxRow = r + 1;
    if (c + 1 > this.cols) this.cols = c + 1;
    this.cellCount++;
    if (this.tooBig || this.maxRow * this.cols > this.maxCells) {
      this.tooBig = true;
      return;
    }
    if (r === this.rowOfCells && c < this.cells.length) {
      this.cells[c] = v;
      if (c < this.lowCol) this.lowCol = c;
      if (c > this.highCol) this.highCol = c;
    } else if (this.visit) this.toRow(r, c, v);
    else this.toGrid(r, c, v);
  }

  private toRow(r: number, c: number, v: CellValue): void {
    const cells = this.cells;
    if (r !== this.rowOfCells) {
      if (r < this.rowOfCells) throw new RowOrderError(this.name, this.fileName);
      this.flush();
      this.rowOfCells = r;
    }
    while (cells.length <= c) cells.push(null);
    cells[c] = v;
    if (c < this.lowCol) this.lowCol = c;
    if (c > this.highCol) this.highCol = c;
  }

  /** Hands the gathered row to the visitor and clears it. */
  flush(): void {
    if (this.rowOfCells < 0 || !this.visit) return;
    this.visit(this.rowOfCells, this.cells);
    for (let k = this.lowCol; k <= this.highCol; k++) this.cells[k] = null;
    this.lowCol = Infinity;
    this.highCol = -1;
  }

  private toGrid(r: number, c: number, v: CellValue): void {
    const values = this.values;
    let line = values[r];
    if (!line) {
      // In a dense table a new row starts as wide as the widest so far (every row is padded to that
      // width below anyway): one allocation instead of growing by pushes (issue 23). Only after a
      // row at least half full, so a sparse sheet (a far cell, then one cell per row) allocates no
      // more than its cells before the book budget is charged.
      line = values[r] = this.lineCells * 2 >= this.cols ? new Array<CellValue>(this.cols).fill(null) : [];
      this.lineCells = 0;
    }
    this.lineCells++;
    while (line.length < c) line.push(null);
    line[c] = v;
  }
}

/** readSheetBytes, or with `visit` visitSheetBytes (then `values` stays empty). */
function scanSheet(
  b: Uint8Array,
  name: string,
  fileName: string,
  strings: readonly string[],
  maxCells: number,
  maxRows: number,
  budget: BookBudget | undefined,
  visit: RowVisitor | null,
): { values: Grid; merges: string[]; rows: number; cols: number } {
  const range = sheetDataRange(b);
  const tail = mergedCellsOf(utf8Text(range ? b.subarray(range.after) : b));
  budget?.addMerges(name, tail.cells);
  const claimed = budget ? claimedCells(b, range) : 0;
  const { merges, slaves } = readMerges(tail.refs, maxRows);
  const sink = new CellSink(maxCells, visit, name, fileName);
  if (range) scanCells(b, range.start, range.end, strings, slaves, maxRows, sink);
  const { values, cols } = sink;
  const rows = sink.cellCount ? sink.maxRow : 0;
  if (rows * cols > maxCells) {
    throw new Error(
      `Лист «${name}» файла «${fileName}» слишком велик: ${countRu(rows, ROWS)} × ${countRu(cols, COLUMNS)}, допускается не больше ${countRu(maxCells, CELLS)}.`,
    );
  }
  // Charged before the padding below allocates the rectangle.
  budget?.addSheet(name, Math.max(claimed, rows * cols));
  if (visit) {
    sink.flush();
    return { values, merges, rows, cols };
  }
  // Pad to a rectangle from A1, as Office.js gives it.
  for (let r = 0; r < rows; r++) {
    const line = values[r] ?? (values[r] = []);
    while (line.length < cols) line.push(null);
  }
  values.length = rows;
  return { values, merges, rows, cols };
}

/**
 * The cells of sheetData (bytes start..end) into `sink`. The usual tags are read by plainCells;
 * every other tag (prefixed names, other attribute shapes, formulas, inline strings, comments)
 * here, by the general steps.
 */
function scanCells(
  b: Uint8Array,
  start: number,
  end: number,
  strings: readonly string[],
  slaves: Set<number>,
  maxRows: number,
  sink: CellSink,
): void {
  const at = cursor;
  at.row = -1;
  at.col = -1;
  const attrs: Attrs = { ref: NaN, type: undefined, empty: false };
  // A cell name whose end tag is missing from some position on: later cells of that name are skipped without searching again.
  let unclosedName = "";
  let unclosedFrom = Infinity;
  const tag: StartTag = { lt: 0, nameStart: 0, nameEnd: 0, local: 0 };
  let i = start;
  for (;;) {
    const lt = plainCells(b, i, end, strings, slaves, maxRows, sink);
    if (lt < 0) return;
    let nameStart = lt + 1;
    let nameEnd = lt + 2;
    if (b[nameStart] !== 99 /* c */ || b[nameEnd] !== 32) {
      if (!nextStartTag(b, lt, end, tag)) return;
      nameStart = tag.nameStart;
      nameEnd = tag.nameEnd;
      if (isRowTag(b, tag)) {
        const tagEnd = readAttrs(b, nameEnd, end, true, attrs);
        if (tagEnd < 0) return;
        i = tagEnd + 1;
        at.row = attrs.ref === attrs.ref ? attrs.ref - 1 : at.row + 1;
        at.col = -1;
        if (at.row >= maxRows) return;
        continue;
      }
      if (!isCellTag(b, tag)) {
        const tagEnd = skipAttrs(b, nameEnd, end);
        if (tagEnd < 0) return;
        i = tagEnd + 1;
        continue;
      }
    }
    let tagEnd = cellAttrs(b, nameEnd, end, attrs);
    if (tagEnd === -2) tagEnd = readAttrs(b, nameEnd, end, false, attrs);
    if (tagEnd < 0) return;
    i = tagEnd + 1;
    at.col = attrs.ref === attrs.ref ? attrs.ref : at.col + 1;
    if (attrs.empty) continue;
    // The usual content, exactly <v>…</v> in an unprefixed <c>: its end is found in the same pass.
    const vEnd = nameEnd - nameStart === 1 && attrs.type !== "inlineStr" ? plainValueEnd(b, i, end) : -1;
    if (vEnd < 0 && i >= unclosedFrom && unclosedName === ascii(b, nameStart, nameEnd)) continue;
    const close = vEnd >= 0 ? vEnd + 4 : endTag(b, i, end, nameStart, nameEnd);
    // A cell that never closes is skipped like any other tag.
    if (close < 0) {
      unclosedName = ascii(b, nameStart, nameEnd);
      unclosedFrom = i;
      continue;
    }
    const innerStart = i;
    i = close + 3 + (nameEnd - nameStart);
    if (close === innerStart) continue;
    const r = at.row;
    const c = at.col;
    if (r < 0 || c < 0 || (slaves.size && slaves.has(r * 16_384 + c))) continue;
    const v =
      vEnd >= 0
        ? vValue(b, innerStart + 3, vEnd, attrs.type, strings)
        : valueAt(b, innerStart, close, attrs.type, strings);
    if (v !== null && v !== "") sink.add(r, c, v);
    // A formula without a cached result still belongs to the used range (as in exceljs and Excel).
    else if (hasElement(b, innerStart, close, 102 /* f */)) sink.extend(r, c);
  }
}

/** The row and column scanCells and plainCells are at (0-based; −1 before the first). */
const cursor = { row: -1, col: -1 };

/**
 * The run of usual tags from `i` on, read into `sink`: end tags passed over, «<row r="12" …>»
 * (plainRowEnd) and the usual cell (plainCellEnd). Returns the "<" of the first other tag for
 * scanCells to read, or −1 at the end of sheetData or past `maxRows`. A protocol is 600 000 usual
 * cells read once, cold: this loop is kept apart from the general steps, so V8 compiles only it
 * for the long run of usual cells (issue 23).
 */
function plainCells(
  b: Uint8Array,
  i: number,
  end: number,
  strings: readonly string[],
  slaves: Set<number>,
  maxRows: number,
  sink: CellSink,
): number {
  const at = cursor;
  for (;;) {
    // Cells follow each other with nothing between them, and a row's end tag is four bytes before
    // the next "<": the native search only after a longer gap (Buffer#indexOf goes through Node's
    // argument checks, a microsecond a call).
    let lt = i;
    while (lt < end && b[lt] !== LT && lt - i < 8) lt++;
    if (lt < end && b[lt] !== LT) lt = b.indexOf(LT, lt);
    if (lt < 0 || lt >= end) return -1;
    // End tags are passed over (as nextStartTag does), the usual row tag read in place.
    if (b[lt + 1] === SLASH) {
      i = lt + 2;
      continue;
    }
    const rowEnd = plainRowEnd(b, lt, end);
    if (rowEnd >= 0) {
      i = rowEnd + 1;
      at.row = plain.value - 1;
      at.col = -1;
      if (at.row >= maxRows) return -1;
      continue;
    }
    const after = plainCellEnd(b, lt, end);
    if (after < 0) return lt;
    i = after;
    const r = at.row;
    const c = (at.col = plain.col);
    if (r < 0 || (slaves.size && slaves.has(r * 16_384 + c))) continue;
    const v = plain.shared ? (strings[plain.value] ?? null) : plain.value;
    if (v !== null && v !== "") sink.add(r, c, v);
  }
}

/** The cell plainCellEnd read last: its column (0-based), its number or shared-string index. */
const plain = { col: 0, value: 0, shared: false };

/**
 * The usual row tag at `lt`, «<row r="12" …>» (unprefixed, "r" first and not repeated): its
 * number into `plain.value` and the position of its ">" (quote-aware, as skipAttrs); −1 for any
 * other shape.
 */
function plainRowEnd(b: Uint8Array, lt: number, end: number): number {
  // «<row r="»
  if (
    b[lt + 1] !== 114 ||
    b[lt + 2] !== 111 ||
    b[lt + 3] !== 119 ||
    b[lt + 4] !== 32 ||
    b[lt + 5] !== 114 ||
    b[lt + 6] !== 61 ||
    b[lt + 7] !== 34
  )
    return -1;
  let k = lt + 8;
  let n = 0;
  let ch = b[k];
  while (ch >= 48 && ch <= 57 && k - lt < 23) {
    n = n * 10 + (ch - 48);
    ch = b[++k];
  }
  if (k === lt + 8 || ch !== 34 || n === 0) return -1;
  let quote = 0;
  for (k++; k < end; k++) {
    ch = b[k];
    if (quote) {
      if (ch === quote) quote = 0;
    } else if (ch === 34 || ch === 39) quote = ch;
    else if (ch === GT) {
      plain.value = n;
      return k;
    } else if (ch === 114 /* r */ && b[k + 1] === 61 && isSpace(b[k - 1])) return -1;
  }
  return -1;
}

/**
 * The usual cell at `lt`, written by every tool alike — «<c r="AB12" s="3" t="s"><v>15</v></c>»:
 * unprefixed, "r" first, one-letter attributes after single spaces, no type or "s"/"n", and an
 * unsigned integer of up to 15 digits in a lone <v>. Read into `plain` without a call or an
 * object per cell; returns the position after its "</c>", or −1 for any other shape, which the
 * general steps below read. A protocol is 600 000 such cells read once, cold: V8 interprets a
 * loop until it has run long enough for its size, so this path is kept short (issue 23).
 */
function plainCellEnd(b: Uint8Array, lt: number, end: number): number {
  // «<c r="»
  if (b[lt + 1] !== 99 || b[lt + 2] !== 32 || b[lt + 3] !== 114 || b[lt + 4] !== 61 || b[lt + 5] !== 34) return -1;
  let k = lt + 6;
  let col = 0;
  let ch = b[k];
  while (ch >= 65 && ch <= 90) {
    col = col * 26 + (ch - 64);
    ch = b[++k];
  }
  if (k === lt + 6) return -1;
  const digitsFrom = k;
  while (ch >= 48 && ch <= 57) ch = b[++k];
  if (k === digitsFrom || ch !== 34) return -1;
  k++;
  let shared = false;
  // Further attributes: « t="s"», « t="n"» and one-letter others (« s="3"») passed over.
  while (b[k] === 32) {
    const name = b[k + 1];
    if (b[k + 2] !== 61 || b[k + 3] !== 34 || name === 114) return -1;
    k += 4;
    if (name === 116 /* t */) {
      if (b[k + 1] !== 34 || (b[k] !== 115 && b[k] !== 110)) return -1;
      shared = b[k] === 115;
      k += 2;
      continue;
    }
    while (k < end && b[k] !== 34 && b[k] !== GT) k++;
    if (b[k] !== 34) return -1;
    k++;
  }
  // «><v>»
  if (b[k] !== GT || b[k + 1] !== LT || b[k + 2] !== 118 || b[k + 3] !== GT) return -1;
  k += 4;
  const from = k;
  let n = 0;
  ch = b[k];
  while (ch >= 48 && ch <= 57 && k - from < 15) {
    n = n * 10 + (ch - 48);
    ch = b[++k];
  }
  // «</v></c>»
  if (
    k === from ||
    ch !== LT ||
    b[k + 1] !== SLASH ||
    b[k + 2] !== 118 ||
    b[k + 3] !== GT ||
    b[k + 4] !== LT ||
    b[k + 5] !== SLASH ||
    b[k + 6] !== 99 ||
    b[k + 7] !== GT ||
    k + 8 > end
  )
    return -1;
  plain.col = col - 1;
  plain.value = n;
  plain.shared = shared;
  return k + 8;
}

/** When the content at `i` is exactly "<v>…</v></c>", where its "</v>" is; −1 otherwise. */
function plainValueEnd(b: Uint8Array, i: number, end: number): number {
  if (b[i] !== LT || b[i + 1] !== 118 || b[i + 2] !== GT) return -1;
  let vEnd = i + 3;
  while (vEnd < end && b[vEnd] !== LT) vEnd++;
  // "</v></c>", byte by byte: this check runs for almost every cell.
  return b[vEnd + 1] === SLASH &&
    b[vEnd + 2] === 118 &&
    b[vEnd + 3] === GT &&
    b[vEnd + 4] === LT &&
    b[vEnd + 5] === SLASH &&
    b[vEnd + 6] === 99 &&
    b[vEnd + 7] === GT
    ? vEnd
    : -1;
}

const utf8 = new TextEncoder();

/** Same as readSheetBytes for the part's text. */
export function readSheetXml(
  xml: string,
  name: string,
  fileName: string,
  strings: readonly string[],
  maxCells = DEFAULT_MAX_CELLS,
  maxRows = Infinity,
): SheetRead {
  return readSheetBytes(utf8.encode(xml), name, fileName, strings, maxCells, maxRows);
}

/**
 * The worksheet part with only its first `rows` rows of cells: what follows in sheetData is cut,
 * the rest of the part (columns, merges, formatting, page setup) is kept. Used to load a book
 * whose generated sheets will be replaced anyway, without building their cells in exceljs; their
 * title and marker rows stay, so they are still recognised as generated.
 */
export function keepFirstRows(b: Uint8Array, rows: number): Uint8Array {
  const range = sheetDataRange(b);
  if (!range) return b;
  const tag: StartTag = { lt: 0, nameStart: 0, nameEnd: 0, local: 0 };
  const attrs: Attrs = { ref: NaN, type: undefined, empty: false };
  let rowIndex = -1;
  let i = range.start;
  while (nextStartTag(b, i, range.end, tag)) {
    const row = isRowTag(b, tag);
    const tagEnd = row ? readAttrs(b, tag.nameEnd, range.end, true, attrs) : skipAttrs(b, tag.nameEnd, range.end);
    if (tagEnd < 0) return b;
    i = tagEnd + 1;
    if (!row) continue;
    rowIndex = attrs.ref === attrs.ref ? attrs.ref - 1 : rowIndex + 1;
    if (rowIndex < rows) continue;
    const out = new Uint8Array(tag.lt + (b.length - range.end));
    out.set(b.subarray(0, tag.lt));
    out.set(b.subarray(range.end), tag.lt);
    return out;
  }
  return b;
}

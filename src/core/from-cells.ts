/**
 * Participant columns straight from a cell grid — the array of row arrays that Excel's
 * `range.values`, a custom function's range argument or the add-in's .xlsx reader
 * (src/xlsx/exceljs/read) gives — without building a row object or a key string per row.
 *
 * How (O(n), one pass over the rows, no per-row allocation, nothing kept between calls):
 *  1. each key column (e.g. school, year, grade, subject) is interned on its own into small ids
 *     0…c−1 with one Map per column. The reader hands out the same string object for repeated
 *     shared strings, so a string's hash is computed once and cached; numbers hash by value;
 *  2. in the same pass over the rows, the row's ids are looked up in one open-addressing hash
 *     table of the groups seen so far (a few hundred KB for tens of thousands of groups: it stays
 *     in cache, unlike a table over the product of the cardinalities) and a new combination gets
 *     the next dense group id — first-seen row order, the columns' ids of each group stored once;
 *  3. marks, journal marks and scores become the typed arrays of `ParticipantColumns`.
 *
 * Key cells compare as values, the way the form reads them: text is trimmed (NBSP as a space),
 * numbers stored as text are numbers («2026», « 2026 » and 2026 are one year; «4,0» is 4), blank
 * cells ("", null, undefined) are one blank key. Text is otherwise compared exactly (case and
 * subject synonyms are the caller's business: the form canonicalises subjects before this).
 *
 * Mark cells follow the model (`fromParticipantRows`): an integer 1–5 (number or text «4»,
 * «4,0») is a mark; blank, «отс», «н/а» are 0 = no mark («н/а» is 1 when `naAsOne`, the
 * profile's `marks.naAsOne`); anything else (text, 4.5, 7, errors) is 0 too and counted in
 * `unread`, so the caller can tell a clean table from a suspicious one. Scores: numbers (or
 * numbers stored as text), NaN otherwise. Data rows blank in every read column (the tail of a
 * whole-column range) are skipped and counted; validating cells with messages naming the cell
 * stays the parsers' job (src/form, src/functions/analysis-table.ts).
 */
import { aggregate, GAP_SLOT, PAIR_SLOT, SLOT, STRIDE, type GroupTotals, type ParticipantColumns } from "./aggregate";
import { readCell, type CellValue } from "./values";

/** A key cell's value after reading: trimmed text, a number, a boolean, or null for blank. */
export type KeyValue = string | number | boolean | null;

/** Where the columns are in the grid (0-based column indices within each row array). */
export interface CellGridLayout {
  /** Rows above the data (the header row, titles): skipped. Default 1. */
  headerRows?: number;
  /** Columns whose values together form the group key, e.g. [school, year, grade, subject]. */
  keys: readonly number[];
  mark: number;
  /** Journal mark column; without it every journal mark is 0 (no comparison). */
  journal?: number;
  /** Raw (primary) score column; without it every score is NaN. */
  score?: number;
  /** Count «н/а» as mark 1 (the profile's `marks.naAsOne`); default false: no mark. */
  naAsOne?: boolean;
}

export interface CellColumns {
  columns: ParticipantColumns;
  groups: GroupKeys;
  /** Data rows blank in every read column, left out of `columns`. */
  skippedRows: number;
  /** Non-blank cells that could not be read as a mark / journal mark / score (read as none). */
  unread: { mark: number; journal: number; score: number };
}

/** Integers below this are looked up in an Int32Array (16 KB a column): years up to 4095 fit. */
const SMALL_INT = 4096;

/** Slots of a column's text cache (a power of two). */
const TEXT_CACHE = 4096;

/** Slots of a new group table (a power of two); it doubles when half full. */
const GROUP_SLOTS = 1024;

/** Widest direct index of DenseGroups: 2²² entries (16 MB). */
const DENSE_MAX_BITS = 22;

/**
 * Slot of a text key in a column's text cache: a direct-mapped cache in front of the Map, the slot
 * from the length and the last three characters (no full hash — a string read from JSON, as
 * Excel's range.values is, has none computed yet), `===` confirming the hit; a miss or a
 * collision only costs the Map lookup that would happen anyway. (100 000 rows with fresh
 * school-code strings: 6.1 → 5.3 ms.) A thousand school codes collide here for about one code in
 * six; a second way per slot was tried and did not pay (1 000 000 rows: 76 → 80 ms).
 */
function textSlot(v: string, len: number): number {
  const h =
    Math.imul(Math.imul(len, 31) + v.charCodeAt(len - 1), 0x9e3779b1) +
    Math.imul(v.charCodeAt(len >= 2 ? len - 2 : 0), 0x85ebca6b) +
    Math.imul(v.charCodeAt(len >= 3 ? len - 3 : 0), 0xc2b2ae35);
  return (h ^ (h >>> 15)) & (TEXT_CACHE - 1);
}

/** Shared empty caches of a column that has not met such a key yet: read, never written. */
const NO_SMALL = new Int32Array(SMALL_INT).fill(-1);
const NO_TEXT: string[] = new Array<string>(TEXT_CACHE).fill("");
const NO_TEXT_IDS = new Int32Array(TEXT_CACHE);

/** One key column's distinct values: raw cell values and their read forms map to one id. */
class KeyColumn {
  /** Raw cell value → id, and read value → id (both kinds of keys in one Map). */
  private readonly ids = new Map<unknown, number>();
  readonly values: KeyValue[] = [];

  /**
   * Ids of small non-negative integers (years, grades, codes) by direct indexing, −1 = not yet
   * seen: an array read instead of a Map lookup for the commonest numeric keys. Until the first
   * such key, the shared NO_SMALL (never written).
   */
  private small = NO_SMALL;
  /** The text cache (see textSlot); "" never matches. Until the first text key, the shared NO_TEXT. */
  private cacheKeys = NO_TEXT;
  private cacheIds = NO_TEXT_IDS;
  /**
   * The hits of the small-integer table and of the text cache; anything else in slowId. Small
   * enough to be inlined four times into the row loop with the text cache in it (before, the text
   * lookup was a call per text cell: V8's inlining budget ran out). (A "same as the previous cell"
   * check was tried and dropped: on rows in random order it costs more than it saves, 6.1 → 3.9 ms
   * per 100,000 rows.)
   */
  id(v: unknown): number {
    if (typeof v === "string") {
      const len = v.length;
      if (len > 0) {
        const slot = textSlot(v, len);
        if (this.cacheKeys[slot] === v) return this.cacheIds[slot];
      }
    } else if (typeof v === "number" && v >= 0 && v < SMALL_INT && (v | 0) === v) {
      const id = this.small[v];
      if (id >= 0) return id;
    }
    return this.slowId(v);
  }

  /** A key the fast paths of `id` did not find: the Map, and the caches filled for next time. */
  private slowId(v: unknown): number {
    if (typeof v === "number" && v >= 0 && v < SMALL_INT && (v | 0) === v) {
      if (this.small === NO_SMALL) this.small = new Int32Array(SMALL_INT).fill(-1);
      return (this.small[v] = this.miss(v));
    }
    let id = this.ids.get(v);
    if (id === undefined) id = this.miss(v);
    if (typeof v === "string" && v.length > 0) {
      if (this.cacheKeys === NO_TEXT) {
        this.cacheKeys = new Array<string>(TEXT_CACHE).fill("");
        this.cacheIds = new Int32Array(TEXT_CACHE);
      }
      const slot = textSlot(v, v.length);
      this.cacheKeys[slot] = v;
      this.cacheIds[slot] = id;
    }
    return id;
  }

  /** First sight of a raw value: read it, find or assign the id of its read value, remember the raw one. */
  private miss(v: unknown): number {
    const key = keyValue(v);
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(key);
      this.ids.set(key, id);
    }
    // Objects (error or rich values) are not remembered: identity keys would only grow the Map.
    if (v === null || typeof v !== "object") this.ids.set(v, id);
    return id;
  }

  /** Id of a value without adding it; −1 when absent. */
  find(v: unknown): number {
    return this.ids.get(v) ?? this.ids.get(keyValue(v)) ?? -1;
  }

  get size(): number {
    return this.values.length;
  }
}

/** How a key cell reads: see the module comment. */
export function keyValue(v: unknown): KeyValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? (v === 0 ? 0 : v) : String(v);
  if (typeof v === "boolean") return v;
  const cell = readCell(v as CellValue);
  switch (cell.kind) {
    case "blank":
      return null;
    case "number":
      return cell.value;
    case "boolean":
      return cell.value;
    case "text":
      return cell.text;
    case "error":
      return cell.code;
    default:
      // «н/а», «отс» as a key: keep the text as written (trimmed).
      return typeof v === "string" ? v.replace(/[\u00a0\u202f]+/g, " ").trim() : String(v);
  }
}

/** Dense group ids and the key values of each group, in first-seen row order. */
export class GroupKeys {
  private index: Map<string, number> | null = null;

  constructor(
    private readonly columns: readonly KeyColumn[],
    /** groupCount × keys.length column ids, group by group. */
    private readonly parts: Int32Array,
    readonly size: number,
  ) {}

  /** Key values of group g, in the order of `layout.keys`. */
  key(g: number): KeyValue[] {
    const k = this.columns.length;
    const out = new Array<KeyValue>(k);
    for (let j = 0; j < k; j++) out[j] = this.columns[j].values[this.parts[g * k + j]];
    return out;
  }

  /** Group id of a key (cell values read as key cells are), or −1. */
  find(key: readonly unknown[]): number {
    const k = this.columns.length;
    if (key.length !== k) return -1;
    const ids = new Array<number>(k);
    for (let j = 0; j < k; j++) {
      ids[j] = this.columns[j].find(key[j]);
      if (ids[j] < 0) return -1;
    }
    if (this.index === null) {
      this.index = new Map();
      for (let g = 0; g < this.size; g++)
        this.index.set(Array.from(this.parts.subarray(g * k, g * k + k)).join(","), g);
    }
    return this.index.get(ids.join(",")) ?? -1;
  }
}

/** Mark code 0–5 of a cell, or −1 for a non-blank cell that is not a mark. */
function markOf(v: unknown, naAsOne: boolean): number {
  if (typeof v === "number") return v >= 1 && v <= 5 && Math.floor(v) === v ? v : -1;
  if (v === null || v === undefined || v === "") return 0;
  // «2», «3» stored as text (real files have them): no parsing for one digit.
  if (typeof v === "string" && v.length === 1) {
    const d = v.charCodeAt(0) - 48;
    if (d >= 1 && d <= 5) return d;
  }
  const cell = readCell(v as CellValue);
  switch (cell.kind) {
    case "number":
      return cell.value >= 1 && cell.value <= 5 && Math.floor(cell.value) === cell.value ? cell.value : -1;
    case "blank":
    case "absent":
      return 0;
    case "na":
      return naAsOne ? 1 : 0;
    default:
      return -1;
  }
}

/** Score of a cell; NaN when blank or «отс»/«н/а»; undefined for a non-blank cell that is not a number. */
function scoreOf(v: unknown): number | undefined {
  if (typeof v === "number") return Number.isFinite(v) ? v : undefined;
  if (v === null || v === undefined || v === "") return NaN;
  const cell = readCell(v as CellValue);
  if (cell.kind === "number") return cell.value;
  return cell.kind === "blank" || cell.kind === "absent" || cell.kind === "na" ? NaN : undefined;
}

/** True when every read cell of the row is blank (only then is a row skipped). */
function blankRow(row: readonly unknown[], layout: CellGridLayout): boolean {
  const blank = (c: number | undefined): boolean => c === undefined || keyValue(row[c]) === null;
  return layout.keys.every(blank) && blank(layout.mark) && blank(layout.journal) && blank(layout.score);
}

/** Hash of four column ids (a 32-bit mix spreading every id into the low bits). */
function hash4(a: number, b: number, c: number, d: number): number {
  let h = Math.imul(a, 0x9e3779b1) + b;
  h = Math.imul(h, 0x85ebca6b) + c;
  h = Math.imul(h, 0xc2b2ae35) + d;
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  return h ^ (h >>> 16);
}

/** Hash of k column ids starting at ids[at]. */
function hashK(ids: Int32Array, at: number, k: number): number {
  let h = 0;
  for (let j = 0; j < k; j++) h = Math.imul(h, 0x9e3779b1) + ids[at + j];
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  return h ^ (h >>> 16);
}

/**
 * Dense group ids of key-id combinations in first-seen order, assigned while the rows are read:
 * open addressing (linear probing) over slots holding group id + 1 (0 = empty), kept less than half
 * full; each group's column ids are stored once in `parts` and compared on a hit. Up to four keys
 * go through `id4` (absent keys are 0, stride 4); more keys through `idOf` (stride k).
 */
class GroupTable {
  private slots = new Int32Array(GROUP_SLOTS);
  private mask = GROUP_SLOTS - 1;
  /** Column ids of each group, `stride` per group; room for half the slots. */
  private parts: Int32Array;
  count = 0;

  constructor(private readonly stride: number) {
    this.parts = new Int32Array((GROUP_SLOTS / 2) * stride);
  }

  /** Group id of four column ids (the usual key: school, year, grade, subject). */
  id4(a: number, b: number, c: number, d: number): number {
    const slots = this.slots;
    const parts = this.parts;
    const mask = this.mask;
    let s = hash4(a, b, c, d) & mask;
    for (;;) {
      const g1 = slots[s];
      if (g1 === 0) break;
      const p = (g1 - 1) << 2;
      if (parts[p] === a && parts[p + 1] === b && parts[p + 2] === c && parts[p + 3] === d) return g1 - 1;
      s = (s + 1) & mask;
    }
    const g = this.count;
    const p = g << 2;
    // Fewer than half the slots are taken and `parts` has room for half: one more group fits.
    parts[p] = a;
    parts[p + 1] = b;
    parts[p + 2] = c;
    parts[p + 3] = d;
    this.added(s);
    return g;
  }

  /** Group id of `stride` column ids (five keys or more). */
  idOf(ids: Int32Array): number {
    const k = this.stride;
    let s = hashK(ids, 0, k) & this.mask;
    for (;;) {
      const g1 = this.slots[s];
      if (g1 === 0) break;
      const p = (g1 - 1) * k;
      let j = 0;
      while (j < k && this.parts[p + j] === ids[j]) j++;
      if (j === k) return g1 - 1;
      s = (s + 1) & this.mask;
    }
    const g = this.count;
    this.parts.set(ids, g * k);
    this.added(s);
    return g;
  }

  /** The group whose ids were just written takes empty slot s; at half full, everything doubles. */
  private added(s: number): void {
    this.slots[s] = ++this.count;
    if (this.count * 2 < this.slots.length) return;
    const size = this.slots.length * 2;
    const k = this.stride;
    const parts = new Int32Array((size / 2) * k);
    parts.set(this.parts);
    this.parts = parts;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    for (let g = 0; g < this.count; g++) {
      const p = g * k;
      let t = (k === 4 ? hash4(parts[p], parts[p + 1], parts[p + 2], parts[p + 3]) : hashK(parts, p, k)) & this.mask;
      while (this.slots[t] !== 0) t = (t + 1) & this.mask;
      this.slots[t] = g + 1;
    }
  }

  /** The groups' column ids, k per group (k ≤ stride: the padding of fewer than four keys dropped). */
  partsOf(k: number): Int32Array {
    const n = this.count;
    if (k === this.stride) return this.parts.slice(0, n * k);
    const out = new Int32Array(n * k);
    for (let g = 0; g < n; g++) for (let j = 0; j < k; j++) out[g * k + j] = this.parts[g * this.stride + j];
    return out;
  }
}

/**
 * Dense group ids of four column ids by direct indexing, for `totalsFromCells`: the ids' bits side
 * by side (each column as many bits as its largest id so far needs) index a table of group id + 1
 * (0 = not seen yet). One lookup in a table that stays small when the columns' values combine
 * densely — schools × years × grades × subjects: 1 000 × 2 × 5 × 2 groups in 2¹⁵ entries, 128 KB —
 * with no key comparison and no probing; the groups' counters are kept right in the aggregate's
 * layout. When an id outgrows its bits the table is rebuilt wider; when the table would get
 * larger than 2¹⁶ entries and 4 entries a row of the grid, or 2²² entries, `sparse` is set and the
 * caller takes the hash table path instead (the product of the columns' sizes is then far beyond
 * the groups there can be).
 */
class DenseGroups {
  private wb = 0;
  private wc = 0;
  private wd = 0;
  private wa = 0;
  private index = new Int32Array(1);
  /** Column ids of each group, four per group. */
  parts: Int32Array;
  /**
   * Each group's counters in the aggregate's layout (STRIDE a group, SLOT order) and score sums,
   * for room to `capacity` groups: `totals()` hands out views of them, no copy.
   */
  blocks: Int32Array;
  sums: Float64Array;
  count = 0;
  sparse = false;

  constructor(
    capacity: number,
    /** Most entries of the index: 4 a row of the grid, at least 2¹⁶, at most 2²². */
    private readonly maxEntries = 2 ** 16,
  ) {
    this.parts = new Int32Array(Math.max(1, capacity) * 4);
    this.blocks = new Int32Array(Math.max(1, capacity) * STRIDE);
    this.sums = new Float64Array(Math.max(1, capacity));
  }

  /** Group id of four column ids, or −1 once the table got too sparse. */
  id4(a: number, b: number, c: number, d: number): number {
    if ((a >> this.wa) | (b >> this.wb) | (c >> this.wc) | (d >> this.wd)) {
      if (!this.widen(a, b, c, d)) return -1;
    }
    const wd = this.wd;
    const wcd = this.wc + wd;
    const i = (((a << this.wb) | b) << wcd) | (c << wd) | d;
    const g1 = this.index[i];
    return g1 !== 0 ? g1 - 1 : this.add(i, a, b, c, d);
  }

  private add(i: number, a: number, b: number, c: number, d: number): number {
    const g = this.count++;
    this.index[i] = g + 1;
    if (g * 4 >= this.parts.length) {
      const parts = new Int32Array(this.parts.length * 2);
      parts.set(this.parts);
      this.parts = parts;
      const blocks = new Int32Array(this.blocks.length * 2);
      blocks.set(this.blocks);
      this.blocks = blocks;
      const sums = new Float64Array(this.sums.length * 2);
      sums.set(this.sums);
      this.sums = sums;
    }
    const p = g * 4;
    this.parts[p] = a;
    this.parts[p + 1] = b;
    this.parts[p + 2] = c;
    this.parts[p + 3] = d;
    return g;
  }

  /** New widths for the ids; false when the index would be too large. */
  private widen(a: number, b: number, c: number, d: number): boolean {
    const width = (w: number, id: number): number => (id >> w === 0 ? w : 32 - Math.clz32(id));
    const wa = width(this.wa, a);
    const wb = width(this.wb, b);
    const wc = width(this.wc, c);
    const wd = width(this.wd, d);
    const bits = wa + wb + wc + wd;
    if (2 ** bits > this.maxEntries) {
      this.sparse = true;
      return false;
    }
    this.wa = wa;
    this.wb = wb;
    this.wc = wc;
    this.wd = wd;
    this.index = new Int32Array(2 ** bits);
    const parts = this.parts;
    for (let g = 0; g < this.count; g++) {
      const p = g * 4;
      this.index[(((((parts[p] << wb) | parts[p + 1]) << wc) | parts[p + 2]) << wd) | parts[p + 3]] = g + 1;
    }
    return true;
  }

  /** The counters in the aggregate's layout (STRIDE a group) and the score sums. */
  totals(): GroupTotals {
    const groupCount = this.count;
    const counts = new Uint32Array(this.blocks.buffer, 0, groupCount * STRIDE);
    return { groupCount, counts, scoreSum: this.sums.subarray(0, groupCount) };
  }

  /** The groups' column ids, k per group (k ≤ 4; four: a view, no copy). */
  partsOf(k: number): Int32Array {
    if (k === 4) return this.parts.subarray(0, this.count * 4);
    const n = this.count;
    const out = new Int32Array(n * k);
    for (let g = 0; g < n; g++) for (let j = 0; j < k; j++) out[g * k + j] = this.parts[g * 4 + j];
    return out;
  }
}

/**
 * One instance of each class of the row loop lives as long as the module: V8 keeps a hidden class
 * only while an object of it is alive, and optimized code depends on it weakly. Without these,
 * every full GC between two calls collected the classes with the last call's objects and threw
 * the row loop's optimized code away (100 000 rows: the first call after a GC 30–40 ms instead
 * of 7–10). NO_KEY also stands for the absent key columns of a table with fewer than four keys.
 */
const NO_KEY = new KeyColumn();
export const keptClasses: readonly object[] = [NO_KEY, new GroupTable(4), new DenseGroups(0)];

/**
 * Builds `ParticipantColumns` from a cell grid: one group per distinct combination of the key
 * columns' values. See the module comment for how cells are read.
 */
export function columnsFromCells(
  grid: readonly (readonly unknown[] | undefined)[],
  layout: CellGridLayout,
): CellColumns {
  const start = layout.headerRows ?? 1;
  const k = layout.keys.length;
  const n = Math.max(0, grid.length - start);
  const keyCols = layout.keys.map(() => new KeyColumn());
  const table = new GroupTable(Math.max(4, k));
  const out: RowColumns = {
    group: new Int32Array(n),
    mark: new Uint8Array(n),
    journal: new Uint8Array(n),
    score: new Float32Array(n),
    counts: new Int32Array(COUNTS),
  };
  const m = readRows(grid, layout, start, keyCols, table, out);
  const { counts } = out;
  const cut = <T extends Int32Array | Uint8Array | Float32Array>(a: T): T => (m < n ? (a.subarray(0, m) as T) : a);
  return {
    columns: {
      group: cut(out.group),
      groupCount: table.count,
      mark: cut(out.mark),
      journal: cut(out.journal),
      score: cut(out.score),
    },
    groups: new GroupKeys(keyCols, table.partsOf(k), table.count),
    skippedRows: counts[SKIPPED],
    unread: unreadOf(counts),
  };
}

/** What the row loop fills: the participant columns and its counters (indices below). */
interface RowColumns {
  group: Int32Array;
  mark: Uint8Array;
  journal: Uint8Array;
  score: Float32Array;
  counts: Int32Array;
}
const SKIPPED = 0;
const UNREAD_MARK = 1;
const UNREAD_JOURNAL = 2;
const UNREAD_SCORE = 3;
const COUNTS = 4;
/** readTotals: rows in the current batch. */
const BATCHED = 5;

/** The unread cells the row loop counted, as CellColumns and CellTotals report them. */
function unreadOf(counts: Int32Array): CellColumns["unread"] {
  return { mark: counts[UNREAD_MARK], journal: counts[UNREAD_JOURNAL], score: counts[UNREAD_SCORE] };
}

/**
 * The row loop; returns the number of data rows kept. A function of its own that ends right after
 * the loop: V8 compiles a long first call's loop on the fly (on-stack replacement) before any
 * code after the loop has run, and that compiled loop then gave up at the first property read
 * after it — on every later call too (measured: a hundred such bailouts in a warm-up). The
 * counters are typed-array elements for the same reason: no object to read after the loop.
 */
function readRows(
  grid: readonly (readonly unknown[] | undefined)[],
  layout: CellGridLayout,
  start: number,
  keyCols: readonly KeyColumn[],
  table: GroupTable,
  out: RowColumns,
): number {
  const k = keyCols.length;
  const { group, mark, journal, score, counts } = out;
  /** The row's column ids when there are more than four keys. */
  const wide = new Int32Array(Math.max(4, k));
  const naAsOne = layout.naAsOne === true;
  const mc = layout.mark;
  const jc = layout.journal ?? -1;
  const sc = layout.score ?? -1;
  // The first four key columns in locals (most tables have four keys): a monomorphic row loop
  // with no array-of-columns indexing per cell. Absent ones are never touched (guarded by k).
  // No closure over the arguments and no array destructuring: after a full GC between calls,
  // either made V8 deoptimize the loop («wrong map»), run after run (see readBatch).
  const keys = layout.keys;
  const K0 = k > 0 ? keyCols[0] : NO_KEY;
  const K1 = k > 1 ? keyCols[1] : NO_KEY;
  const K2 = k > 2 ? keyCols[2] : NO_KEY;
  const K3 = k > 3 ? keyCols[3] : NO_KEY;
  const c0 = k > 0 ? keys[0] : -1;
  const c1 = k > 1 ? keys[1] : -1;
  const c2 = k > 2 ? keys[2] : -1;
  const c3 = k > 3 ? keys[3] : -1;
  let m = 0;
  for (let r = start; r < grid.length; r++) {
    const row = grid[r];
    if (row === undefined || row === null) {
      counts[SKIPPED]++;
      continue;
    }
    // Column ids of the row; keys beyond k stay 0 (one group for no keys at all).
    let a = 0;
    let b = 0;
    let c = 0;
    let d = 0;
    if (k > 0) {
      a = K0.id(row[c0]);
      // Only a row whose first key reads blank can be blank throughout: the full check runs for those alone.
      if (K0.values[a] === null && blankRow(row, layout)) {
        counts[SKIPPED]++;
        continue;
      }
      if (k > 1) {
        b = K1.id(row[c1]);
        if (k > 2) {
          c = K2.id(row[c2]);
          if (k > 3) d = K3.id(row[c3]);
        }
      }
    } else if (blankRow(row, layout)) {
      counts[SKIPPED]++;
      continue;
    }
    if (k <= 4) group[m] = table.id4(a, b, c, d);
    else {
      wide[0] = a;
      wide[1] = b;
      wide[2] = c;
      wide[3] = d;
      for (let j = 4; j < k; j++) wide[j] = keyCols[j].id(row[layout.keys[j]]);
      group[m] = table.idOf(wide);
    }
    // Marks and scores: numbers inline, anything else through the readers.
    let v = row[mc];
    let x = typeof v === "number" && v >= 1 && v <= 5 && (v | 0) === v ? v : markOf(v, naAsOne);
    if (x < 0) {
      counts[UNREAD_MARK]++;
      x = 0;
    }
    mark[m] = x;
    if (jc >= 0) {
      v = row[jc];
      x = typeof v === "number" && v >= 1 && v <= 5 && (v | 0) === v ? v : markOf(v, naAsOne);
      if (x < 0) {
        counts[UNREAD_JOURNAL]++;
        x = 0;
      }
      journal[m] = x;
    }
    if (sc >= 0) {
      v = row[sc];
      if (typeof v === "number" && v - v === 0) score[m] = v;
      else {
        const s = scoreOf(v);
        if (s === undefined) counts[UNREAD_SCORE]++;
        score[m] = s === undefined ? NaN : s;
      }
    } else score[m] = NaN;
    m++;
  }
  return m;
}

export interface CellTotals {
  /** Every group's counters, as `aggregate` gives them for the columns of `columnsFromCells`. */
  totals: GroupTotals;
  groups: GroupKeys;
  /** Data rows counted (the rows `columnsFromCells` would keep). */
  rows: number;
  skippedRows: number;
  unread: { mark: number; journal: number; score: number };
}

/**
 * `aggregate(columnsFromCells(grid, layout).columns)` in one pass over the rows, for callers that
 * need the groups' totals and not the participant columns: each row's counters are added as soon
 * as its group is known (DenseGroups: a direct index of the groups, counted BATCH rows at a time), so no
 * million-entry column is written and read again. Same groups in the same order, same counts and
 * score sums (scores summed as the float32 the columns hold) — a property test holds it to the
 * two-step path, which it takes itself for more than four key columns or key values that combine
 * sparsely (see DenseGroups).
 */
export function totalsFromCells(grid: readonly (readonly unknown[] | undefined)[], layout: CellGridLayout): CellTotals {
  const k = layout.keys.length;
  if (k <= 4) {
    const start = layout.headerRows ?? 1;
    const keyCols = layout.keys.map(() => new KeyColumn());
    const rows = Math.max(0, grid.length - start);
    const table = new DenseGroups(GROUP_SLOTS / 2, Math.min(2 ** DENSE_MAX_BITS, Math.max(2 ** 16, 4 * rows)));
    const counts = new Int32Array(BATCHED + 1);
    readTotals(grid, layout, start, keyCols, table, counts);
    if (!table.sparse) {
      return {
        totals: table.totals(),
        groups: new GroupKeys(keyCols, table.partsOf(k), table.count),
        rows: counts[COUNTS],
        skippedRows: counts[SKIPPED],
        unread: unreadOf(counts),
      };
    }
  }
  const { columns, groups, skippedRows, unread } = columnsFromCells(grid, layout);
  return { totals: aggregate(columns), groups, rows: columns.group.length, skippedRows, unread };
}

/**
 * The row loop of `totalsFromCells`: BATCH rows read (readBatch), then counted (countBatch), until
 * the grid ends or the table gets sparse. `counts` holds readRows's counters, at COUNTS the rows
 * counted and at BATCHED the rows of the current batch.
 */
function readTotals(
  grid: readonly (readonly unknown[] | undefined)[],
  layout: CellGridLayout,
  start: number,
  keyCols: readonly KeyColumn[],
  table: DenseGroups,
  counts: Int32Array,
): void {
  const batch: Batch = {
    group: new Int32Array(BATCH),
    mark: new Uint8Array(BATCH),
    pair: new Uint8Array(BATCH),
    score: new Float32Array(BATCH),
  };
  for (let r = start; r < grid.length;) {
    r = readBatch(grid, layout, r, keyCols, table, counts, batch);
    if (table.sparse) return;
    countBatch(table, batch, counts[BATCHED]);
  }
}

/**
 * Reads rows from `start` until BATCH of them are in `batch` (or the grid ends); returns the row
 * to go on from. The same reading of cells as readRows. A short call per batch rather than one
 * loop over the whole grid: V8 optimizes it as a whole function (no on-stack replacement inside
 * a long first call), and the row loop does not carry the counting's code, so the key columns'
 * lookups fit V8's inlining budget.
 */
function readBatch(
  grid: readonly (readonly unknown[] | undefined)[],
  layout: CellGridLayout,
  start: number,
  keyCols: readonly KeyColumn[],
  table: DenseGroups,
  counts: Int32Array,
  batch: Batch,
): number {
  const k = keyCols.length;
  const naAsOne = layout.naAsOne === true;
  const mc = layout.mark;
  const jc = layout.journal ?? -1;
  const sc = layout.score ?? -1;
  // No closure over the arguments and no array destructuring here: either made every full GC
  // between calls deoptimize the loop («wrong map» on the key columns), run after run.
  const keys = layout.keys;
  const K0 = k > 0 ? keyCols[0] : NO_KEY;
  const K1 = k > 1 ? keyCols[1] : NO_KEY;
  const K2 = k > 2 ? keyCols[2] : NO_KEY;
  const K3 = k > 3 ? keyCols[3] : NO_KEY;
  const c0 = k > 0 ? keys[0] : -1;
  const c1 = k > 1 ? keys[1] : -1;
  const c2 = k > 2 ? keys[2] : -1;
  const c3 = k > 3 ? keys[3] : -1;
  const { group, mark, pair, score } = batch;
  let q = 0;
  let r = start;
  for (; r < grid.length && q < BATCH; r++) {
    const row = grid[r];
    if (row === undefined || row === null) {
      counts[SKIPPED]++;
      continue;
    }
    let a = 0;
    let b = 0;
    let c = 0;
    let d = 0;
    if (k > 0) {
      a = K0.id(row[c0]);
      if (K0.values[a] === null && blankRow(row, layout)) {
        counts[SKIPPED]++;
        continue;
      }
      if (k > 1) {
        b = K1.id(row[c1]);
        if (k > 2) {
          c = K2.id(row[c2]);
          if (k > 3) d = K3.id(row[c3]);
        }
      }
    } else if (blankRow(row, layout)) {
      counts[SKIPPED]++;
      continue;
    }
    const g = table.id4(a, b, c, d);
    if (g < 0) break;
    let v = row[mc];
    let m = typeof v === "number" && v >= 1 && v <= 5 && (v | 0) === v ? v : markOf(v, naAsOne);
    if (m < 0) {
      counts[UNREAD_MARK]++;
      m = 0;
    }
    let j = 0;
    if (jc >= 0) {
      v = row[jc];
      j = typeof v === "number" && v >= 1 && v <= 5 && (v | 0) === v ? v : markOf(v, naAsOne);
      if (j < 0) {
        counts[UNREAD_JOURNAL]++;
        j = 0;
      }
    }
    let x = NaN;
    if (sc >= 0) {
      v = row[sc];
      const s = typeof v === "number" && v - v === 0 ? v : scoreOf(v);
      if (s === undefined) counts[UNREAD_SCORE]++;
      else x = s;
    }
    group[q] = g;
    mark[q] = m;
    pair[q] = m * 6 + j;
    score[q] = x;
    q++;
  }
  counts[BATCHED] = q;
  counts[COUNTS] += q;
  return r;
}

/** Rows read but not yet counted (see countBatch). */
interface Batch {
  group: Int32Array;
  mark: Uint8Array;
  /** mark · 6 + journal mark: the index of PAIR_SLOT and GAP_SLOT. */
  pair: Uint8Array;
  /** Score as float32, NaN = none. */
  score: Float32Array;
}

/**
 * Rows of the grid counted BATCH at a time: the counting loop is short, so the processor has the
 * counter blocks of many rows in flight at once instead of waiting for each group's block in turn
 * behind the long reading of the row's cells.
 */
const BATCH = 256;

function countBatch(table: DenseGroups, batch: Batch, q: number): void {
  const block = table.blocks;
  const sums = table.sums;
  const { group, mark, pair, score } = batch;
  for (let i = 0; i < q; i++) {
    const g = group[i];
    const at = g * STRIDE;
    const p = pair[i];
    block[at + mark[i]]++;
    block[at + PAIR_SLOT[p]]++;
    block[at + GAP_SLOT[p]]++;
    const s = score[i];
    if (s === s) {
      sums[g] += s;
      block[at + SLOT.scoreCount]++;
    }
  }
}

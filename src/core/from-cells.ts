/**
 * Participant columns straight from a cell grid — the array of row arrays that Excel's
 * `range.values`, a custom function's range argument or the add-in's .xlsx reader
 * (src/xlsx/exceljs/read) gives — without building a row object or a key string per row.
 *
 * How (O(n), no per-row allocation):
 *  1. each key column (e.g. school, year, grade, subject) is interned on its own into small ids
 *     0…c−1 with one Map per column. The reader hands out the same string object for repeated
 *     shared strings, so a string's hash is computed once and cached; numbers hash by value;
 *  2. the ids are combined arithmetically into one composite number id₀·c₁·c₂·c₃ + … + id₃ and
 *     that number is mapped to a dense group id 0…groupCount−1 in first-seen row order — through
 *     an Int32Array lookup when the product of the cardinalities is small (the usual case:
 *     1 000 schools × 3 years × 6 grades × 3 subjects is 54 000 slots), otherwise a
 *     Map<number, number>; products beyond 2⁵³ are folded column by column so nothing overflows;
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
import type { ParticipantColumns } from "./aggregate";
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

/** Largest dense lookup table (Int32Array slots) before the Map is used: 16 MB. */
const DENSE_MAX_SLOTS = 1 << 22;
/** A dense table may also take this many slots per row (small grids stay cheap). */
const DENSE_SLOTS_PER_ROW = 8;

/** Integers below this are looked up in an Int32Array (16 KB a column): years up to 4095 fit. */
const SMALL_INT = 4096;

/** Slots of a column's text cache (a power of two). */
const TEXT_CACHE = 4096;

/**
 * Per-row key ids live only during a call: one buffer is kept between calls (up to 16 MB, four
 * keys of a million rows) so repeated calls — a recalculation, a benchmark — do not allocate
 * and zero it again, nor push V8 into a full collection of the grid's heap for external memory.
 * Larger grids get a buffer of their own that is dropped with the call.
 */
const SCRATCH_KEEP = 1 << 22;
let scratch = new Int32Array(0);

function keyIdScratch(size: number): Int32Array {
  if (size <= scratch.length) return scratch;
  const buffer = new Int32Array(size);
  if (size <= SCRATCH_KEEP) scratch = buffer;
  return buffer;
}

/** One key column's distinct values: raw cell values and their read forms map to one id. */
class KeyColumn {
  /** Raw cell value → id, and read value → id (both kinds of keys in one Map). */
  private readonly ids = new Map<unknown, number>();
  readonly values: KeyValue[] = [];

  /**
   * Ids of small non-negative integers (years, grades, codes) by direct indexing, −1 = not yet
   * seen: an array read instead of a Map lookup for the commonest numeric keys.
   */
  private small: Int32Array | null = null;
  /** The text cache (see textId); "" never matches, empty text does not use the cache. */
  private cacheKeys: string[] | null = null;
  private cacheIds: Int32Array | null = null;
  /**
   * Small enough to be inlined into the row loop. (A "same as the previous cell" check was tried
   * and dropped: on rows in random order it costs more than it saves, 6.1 → 3.9 ms per 100,000 rows.)
   */
  id(v: unknown): number {
    if (typeof v === "number" && v >= 0 && v < SMALL_INT && (v | 0) === v) {
      const small = this.small ?? (this.small = new Int32Array(SMALL_INT).fill(-1));
      const id = small[v];
      return id >= 0 ? id : (small[v] = this.miss(v));
    }
    if (typeof v === "string" && v.length > 0) return this.textId(v);
    const id = this.ids.get(v);
    return id !== undefined ? id : this.miss(v);
  }

  /**
   * Text keys go through a small direct-mapped cache in front of the Map: the slot comes from
   * the length and the last three characters (no full hash — a string read from JSON, as
   * Excel's range.values is, has none computed yet), and `===` confirms the hit. A miss or a
   * collision only costs the Map lookup that would happen anyway.
   * (100 000 rows with fresh school-code strings: 6.1 → 5.3 ms.)
   */
  private textId(v: string): number {
    const len = v.length;
    const h =
      Math.imul(Math.imul(len, 31) + v.charCodeAt(len - 1), 0x9e3779b1) +
      Math.imul(v.charCodeAt(len >= 2 ? len - 2 : 0), 0x85ebca6b) +
      Math.imul(v.charCodeAt(len >= 3 ? len - 3 : 0), 0xc2b2ae35);
    const slot = (h ^ (h >>> 15)) & (TEXT_CACHE - 1);
    const keys = this.cacheKeys ?? (this.cacheKeys = new Array<string>(TEXT_CACHE).fill(""));
    const ids = this.cacheIds ?? (this.cacheIds = new Int32Array(TEXT_CACHE));
    if (keys[slot] === v) return ids[slot];
    let id = this.ids.get(v);
    if (id === undefined) id = this.miss(v);
    keys[slot] = v;
    ids[slot] = id;
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
  const ids0 = keyIdScratch(k * n);
  const keyIds = layout.keys.map((_, j) => ids0.subarray(j * n, j * n + n));
  const mark = new Uint8Array(n);
  const journal = new Uint8Array(n);
  const score = new Float32Array(n);
  const naAsOne = layout.naAsOne === true;
  const mc = layout.mark;
  const jc = layout.journal ?? -1;
  const sc = layout.score ?? -1;
  const unread = { mark: 0, journal: 0, score: 0 };
  // The first four key columns in locals (most tables have four keys): a monomorphic row loop
  // with no array-of-columns indexing per cell. Absent ones are never touched (guarded by k).
  const none = new KeyColumn();
  const noIds = new Int32Array(0);
  const [K0, K1, K2, K3] = [0, 1, 2, 3].map((j) => keyCols[j] ?? none);
  const [I0, I1, I2, I3] = [0, 1, 2, 3].map((j) => keyIds[j] ?? noIds);
  const [c0, c1, c2, c3] = [0, 1, 2, 3].map((j) => layout.keys[j] ?? -1);
  let skippedRows = 0;
  let m = 0;
  for (let r = start; r < grid.length; r++) {
    const row = grid[r];
    if (row === undefined || row === null) {
      skippedRows++;
      continue;
    }
    if (k > 0) {
      const id0 = K0.id(row[c0]);
      // Only a row whose first key reads blank can be blank throughout: the full check runs for those alone.
      if (K0.values[id0] === null && blankRow(row, layout)) {
        skippedRows++;
        continue;
      }
      I0[m] = id0;
      if (k > 1) {
        I1[m] = K1.id(row[c1]);
        if (k > 2) {
          I2[m] = K2.id(row[c2]);
          if (k > 3) {
            I3[m] = K3.id(row[c3]);
            for (let j = 4; j < k; j++) keyIds[j][m] = keyCols[j].id(row[layout.keys[j]]);
          }
        }
      }
    } else if (blankRow(row, layout)) {
      skippedRows++;
      continue;
    }
    // Marks and scores: numbers inline, anything else through the readers.
    let v = row[mc];
    let x = typeof v === "number" && v >= 1 && v <= 5 && (v | 0) === v ? v : markOf(v, naAsOne);
    if (x < 0) {
      unread.mark++;
      x = 0;
    }
    mark[m] = x;
    if (jc >= 0) {
      v = row[jc];
      x = typeof v === "number" && v >= 1 && v <= 5 && (v | 0) === v ? v : markOf(v, naAsOne);
      if (x < 0) {
        unread.journal++;
        x = 0;
      }
      journal[m] = x;
    }
    if (sc >= 0) {
      v = row[sc];
      if (typeof v === "number" && v - v === 0) score[m] = v;
      else {
        const s = scoreOf(v);
        if (s === undefined) unread.score++;
        score[m] = s === undefined ? NaN : s;
      }
    } else score[m] = NaN;
    m++;
  }
  const ids = keyIds.map((a) => (m < n ? a.subarray(0, m) : a));
  const { group, groupCount, firstRow } = denseGroups(
    ids,
    keyCols.map((c) => c.size),
    m,
  );
  const parts = new Int32Array(groupCount * k);
  for (let g = 0; g < groupCount; g++) for (let j = 0; j < k; j++) parts[g * k + j] = ids[j][firstRow[g]];
  const cut = <T extends Uint8Array | Float32Array>(a: T): T => (m < n ? (a.subarray(0, m) as T) : a);
  return {
    columns: { group, groupCount, mark: cut(mark), journal: cut(journal), score: cut(score) },
    groups: new GroupKeys(keyCols, parts, groupCount),
    skippedRows,
    unread,
  };
}

interface Dense {
  group: Int32Array;
  groupCount: number;
  /** Row of each group's first occurrence. */
  firstRow: Int32Array;
}

/** Dense ids of the combinations of per-column ids, in first-seen row order. */
function denseGroups(ids: readonly Int32Array[], cards: readonly number[], n: number): Dense {
  let product = 1;
  for (const c of cards) product *= Math.max(1, c);
  if (ids.length === 0) return { group: new Int32Array(n), groupCount: n > 0 ? 1 : 0, firstRow: new Int32Array(1) };
  if (product > Number.MAX_SAFE_INTEGER) {
    // Fold: densify the first two columns, then go on with the result as one column. Each step's
    // product is at most n × c, far below 2⁵³ for any grid that fits in memory.
    const first = denseGroups([ids[0], ids[1]], [cards[0], cards[1]], n);
    return denseGroups([first.group, ...ids.slice(2)], [first.groupCount, ...cards.slice(2)], n);
  }
  const k = ids.length;
  const group = new Int32Array(n);
  const first: number[] = [];
  let count = 0;
  // The row's composite number: ((id₀·c₁ + id₁)·c₂ + id₂)… — unique per combination.
  const composite = (i: number): number => {
    let x = ids[0][i];
    for (let j = 1; j < k; j++) x = x * cards[j] + ids[j][i];
    return x;
  };
  if (product <= DENSE_MAX_SLOTS && product <= Math.max(1024, n * DENSE_SLOTS_PER_ROW)) {
    const slot = new Int32Array(product).fill(-1);
    if (k === 4) {
      // The usual four keys, unrolled: no closure call per row.
      const [a, b, c, d] = ids;
      const [, cb, cc, cd] = cards;
      for (let i = 0; i < n; i++) {
        const x = ((a[i] * cb + b[i]) * cc + c[i]) * cd + d[i];
        let g = slot[x];
        if (g < 0) {
          g = slot[x] = count++;
          first.push(i);
        }
        group[i] = g;
      }
    } else {
      for (let i = 0; i < n; i++) {
        const x = composite(i);
        let g = slot[x];
        if (g < 0) {
          g = slot[x] = count++;
          first.push(i);
        }
        group[i] = g;
      }
    }
  } else {
    const map = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const x = composite(i);
      let g = map.get(x);
      if (g === undefined) {
        g = count++;
        map.set(x, g);
        first.push(i);
      }
      group[i] = g;
    }
  }
  return { group, groupCount: count, firstRow: Int32Array.from(first) };
}

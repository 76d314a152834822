/**
 * Columnar aggregation of participant rows: the engine behind every per-group result indicator
 * (school × procedure × year × grade × subject, or any other grouping the caller interns).
 *
 * Why columnar: a municipality's or region's participant lines run into the millions; one pass over
 * typed arrays with integer group ids keeps that O(n) with no per-row allocation, and is an order
 * of magnitude faster than grouping objects or data frames (see bench/results.md).
 * The caller interns group keys to ids with `Interner`; `fromParticipantRows` does it for the model.
 */
import * as ind from "./indicators";
import type { MarkCounts, ParticipantRow } from "./model";
import type { Profile } from "./profile";

/** Maps string keys to dense ids 0…size−1 in first-seen order, and back. */
export class Interner {
  private readonly ids = new Map<string, number>();
  private readonly list: string[] = [];

  /** The id of `key`, assigning the next free id when the key is new. */
  id(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.list.length;
      this.ids.set(key, id);
      this.list.push(key);
    }
    return id;
  }

  /** The id of `key`, or −1 when it was never interned. */
  find(key: string): number {
    return this.ids.get(key) ?? -1;
  }

  key(id: number): string {
    return this.list[id];
  }

  get size(): number {
    return this.list.length;
  }

  get keys(): readonly string[] {
    return this.list;
  }
}

/**
 * Participant rows as columns of equal length. Marks are 1–5 with 0 for «no mark» (absent, or
 * «н/а» not counted); scores are raw (primary) scores with NaN for «no score».
 */
export interface ParticipantColumns {
  /** Group id of each row, 0…groupCount−1. */
  group: Int32Array;
  /** Number of groups; ids at or above it are an error. */
  groupCount: number;
  mark: Uint8Array;
  journal: Uint8Array;
  score: Float32Array;
}

/**
 * Per-group counters in one strided Uint32Array: a row updates one 48-byte block, so a pass
 * touches one cache line per row whatever the number of counters.
 * Slot k (0…5) counts rows with mark k, slot 0 being rows without a mark.
 */
export const SLOT = {
  noMark: 0,
  n1: 1,
  n2: 2,
  n3: 3,
  n4: 4,
  n5: 5,
  lowered: 6,
  confirmed: 7,
  raised: 8,
  gap2: 9,
  scoreCount: 10,
  /** Scratch: rows without a test/journal pair (or without a gap of 2) count here; never read. */
  unpaired: 11,
} as const;
export const STRIDE = 12;

export interface GroupTotals {
  groupCount: number;
  /** groupCount × STRIDE counters, see SLOT. */
  counts: Uint32Array;
  /** Sum of the present scores of each group. */
  scoreSum: Float64Array;
}

const MAX_MARK = 5;

/**
 * Counter slots of the test/journal comparison by mark m and journal mark j (index m·6 + j):
 * lowered / confirmed / raised, and gap2 when they differ by 2 or more; SLOT.unpaired where
 * either is missing. A table lookup instead of comparisons: the outcome is random from row to
 * row, so branches on it are mispredicted (100 000 rows: 1.19 → 0.75 ms).
 */
export const PAIR_SLOT = new Uint8Array(36).fill(SLOT.unpaired);
export const GAP_SLOT = new Uint8Array(36).fill(SLOT.unpaired);
for (let m = 1; m <= MAX_MARK; m++) {
  for (let j = 1; j <= MAX_MARK; j++) {
    PAIR_SLOT[m * 6 + j] = m < j ? SLOT.lowered : m > j ? SLOT.raised : SLOT.confirmed;
    if (Math.abs(m - j) >= 2) GAP_SLOT[m * 6 + j] = SLOT.gap2;
  }
}

/**
 * One pass over the columns. Marks outside 0–5 and group ids outside the range are programming
 * errors of the caller (parsers validate input and report cells), so they throw RangeError.
 */
export function aggregate(cols: ParticipantColumns): GroupTotals {
  const { group, mark, journal, score, groupCount } = cols;
  const n = group.length;
  if (mark.length !== n || journal.length !== n || score.length !== n) {
    throw new RangeError(
      `Столбцы разной длины: группа ${n}, отметка ${mark.length}, журнал ${journal.length}, балл ${score.length}.`,
    );
  }
  const counts = new Uint32Array(groupCount * STRIDE);
  const scoreSum = new Float64Array(groupCount);
  for (let i = 0; i < n; i++) {
    const g = group[i];
    const m = mark[i];
    if (g < 0 || g >= groupCount || m > MAX_MARK) {
      throw new RangeError(`Строка ${i}: группа ${g} (допустимо 0…${groupCount - 1}), отметка ${m} (допустимо 0…5).`);
    }
    const base = g * STRIDE;
    counts[base + m]++;
    const j = journal[i];
    if (j > MAX_MARK) throw new RangeError(`Строка ${i}: отметка по журналу ${j} (допустимо 0…5).`);
    counts[base + PAIR_SLOT[m * 6 + j]]++;
    counts[base + GAP_SLOT[m * 6 + j]]++;
    const s = score[i];
    if (s === s) {
      scoreSum[g] += s;
      counts[base + SLOT.scoreCount]++;
    }
  }
  return { groupCount, counts, scoreSum };
}

/** Mark counts of group g, in the model's shape. */
export function markCountsOf(t: GroupTotals, g: number): Required<MarkCounts> {
  const b = g * STRIDE;
  const c = t.counts;
  return { n5: c[b + SLOT.n5], n4: c[b + SLOT.n4], n3: c[b + SLOT.n3], n2: c[b + SLOT.n2], n1: c[b + SLOT.n1] };
}

/** All rows of group g, with or without a mark. */
export function participantsOf(t: GroupTotals, g: number): number {
  const b = g * STRIDE;
  let sum = 0;
  for (let k = SLOT.noMark; k <= SLOT.n5; k++) sum += t.counts[b + k];
  return sum;
}

export function journalOf(t: GroupTotals, g: number): ind.Confirmation {
  const b = g * STRIDE;
  const c = t.counts;
  const lowered = c[b + SLOT.lowered];
  const confirmed = c[b + SLOT.confirmed];
  const raised = c[b + SLOT.raised];
  return { n: lowered + confirmed + raised, lowered, confirmed, raised, gap2: c[b + SLOT.gap2] };
}

/** Result indicators of one group; shares in %, null where there is no denominator. */
export interface GroupIndicators {
  participants: number;
  /** Participants with a mark (N of the share formulas). */
  marked: number;
  success: number | null;
  quality: number | null;
  sou: number | null;
  meanMark: number | null;
  share2: number | null;
  /** Pairs with both a test and a journal mark. */
  compared: number;
  confirmed: number | null;
  lowered: number | null;
  raised: number | null;
  gap2: number | null;
  meanScore: number | null;
}

export function indicatorsOf(t: GroupTotals, g: number, profile: Profile): GroupIndicators {
  return indicatorsWith(t, g, profile.values["sou.weights"], markCountsOf(t, g), journalOf(t, g));
}

/** A group's mark and journal counters (its slots from `b`) into the scratch objects. */
function loadGroup(c: GroupTotals["counts"], b: number, marks: Required<MarkCounts>, journal: ind.Confirmation): void {
  marks.n5 = c[b + SLOT.n5];
  marks.n4 = c[b + SLOT.n4];
  marks.n3 = c[b + SLOT.n3];
  marks.n2 = c[b + SLOT.n2];
  marks.n1 = c[b + SLOT.n1];
  journal.lowered = c[b + SLOT.lowered];
  journal.confirmed = c[b + SLOT.confirmed];
  journal.raised = c[b + SLOT.raised];
  journal.gap2 = c[b + SLOT.gap2];
  journal.n = journal.lowered + journal.confirmed + journal.raised;
}

/** Fills the scratch objects in place: allIndicators reuses them so a group allocates one record. */
function indicatorsWith(
  t: GroupTotals,
  g: number,
  weights: readonly number[],
  marks: Required<MarkCounts>,
  journal: ind.Confirmation,
): GroupIndicators {
  const b = g * STRIDE;
  const c = t.counts;
  loadGroup(c, b, marks, journal);
  const scored = c[b + SLOT.scoreCount];
  return {
    participants: c[b + SLOT.noMark] + ind.markedCount(marks),
    marked: ind.markedCount(marks),
    success: ind.successRate(marks),
    quality: ind.quality(marks),
    sou: ind.sou(marks, weights),
    meanMark: ind.meanMark(marks),
    share2: ind.share2(marks),
    compared: journal.n,
    confirmed: ind.confirmationShare(journal, "confirmed"),
    lowered: ind.confirmationShare(journal, "lowered"),
    raised: ind.confirmationShare(journal, "raised"),
    gap2: ind.confirmationShare(journal, "gap2"),
    meanScore: scored > 0 ? t.scoreSum[g] / scored : null,
  };
}

/** Indicators of every group, index = group id (groups without rows get nulls). */
export function allIndicators(t: GroupTotals, profile: Profile): GroupIndicators[] {
  const weights = profile.values["sou.weights"];
  const marks = { n5: 0, n4: 0, n3: 0, n2: 0, n1: 0 };
  const journal = { n: 0, lowered: 0, confirmed: 0, raised: 0, gap2: 0 };
  const out = new Array<GroupIndicators>(t.groupCount);
  for (let g = 0; g < t.groupCount; g++) out[g] = indicatorsWith(t, g, weights, marks, journal);
  return out;
}

/**
 * Every group's indicators as columns (index = group id): the same values as `allIndicators`, with
 * NaN where a record has null (no denominator). No object per group — a region's tens of thousands
 * of groups cost thirteen arrays over one buffer instead of a record and its boxed numbers each.
 */
export interface IndicatorColumns {
  groupCount: number;
  participants: Uint32Array;
  marked: Uint32Array;
  compared: Uint32Array;
  success: Float64Array;
  quality: Float64Array;
  sou: Float64Array;
  meanMark: Float64Array;
  share2: Float64Array;
  confirmed: Float64Array;
  lowered: Float64Array;
  raised: Float64Array;
  gap2: Float64Array;
  meanScore: Float64Array;
}

/** The share indicators of IndicatorColumns, in the order of their arrays in the buffer. */
export const INDICATOR_SHARES = [
  "success",
  "quality",
  "sou",
  "meanMark",
  "share2",
  "confirmed",
  "lowered",
  "raised",
  "gap2",
  "meanScore",
] as const;

/** Indicators of every group as columns; the formulas are indicators.ts's, as in `allIndicators`. */
export function indicatorColumns(t: GroupTotals, profile: Profile): IndicatorColumns {
  const n = t.groupCount;
  const buffer = new ArrayBuffer(n * (INDICATOR_SHARES.length * 8 + 3 * 4));
  const f64 = (i: number): Float64Array => new Float64Array(buffer, i * n * 8, n);
  const u32 = (i: number): Uint32Array => new Uint32Array(buffer, INDICATOR_SHARES.length * n * 8 + i * n * 4, n);
  const out: IndicatorColumns = {
    groupCount: n,
    participants: u32(0),
    marked: u32(1),
    compared: u32(2),
    success: f64(0),
    quality: f64(1),
    sou: f64(2),
    meanMark: f64(3),
    share2: f64(4),
    confirmed: f64(5),
    lowered: f64(6),
    raised: f64(7),
    gap2: f64(8),
    meanScore: f64(9),
  };
  fillIndicatorColumns(t, profile.values["sou.weights"], out);
  return out;
}

const orNaN = (x: number | null): number => (x === null ? NaN : x);

/** The loop of indicatorColumns, a function that ends with it (see from-cells.ts, readRows). */
function fillIndicatorColumns(t: GroupTotals, weights: readonly number[], out: IndicatorColumns): void {
  const c = t.counts;
  const marks = { n5: 0, n4: 0, n3: 0, n2: 0, n1: 0 };
  const journal = { n: 0, lowered: 0, confirmed: 0, raised: 0, gap2: 0 };
  const { participants, marked, compared, success, quality, sou, meanMark, share2 } = out;
  const { confirmed, lowered, raised, gap2, meanScore } = out;
  for (let g = 0; g < t.groupCount; g++) {
    const b = g * STRIDE;
    loadGroup(c, b, marks, journal);
    const m = ind.markedCount(marks);
    const scored = c[b + SLOT.scoreCount];
    participants[g] = c[b + SLOT.noMark] + m;
    marked[g] = m;
    compared[g] = journal.n;
    success[g] = orNaN(ind.successRate(marks));
    quality[g] = orNaN(ind.quality(marks));
    sou[g] = orNaN(ind.sou(marks, weights));
    meanMark[g] = orNaN(ind.meanMark(marks));
    share2[g] = orNaN(ind.share2(marks));
    confirmed[g] = orNaN(ind.confirmationShare(journal, "confirmed"));
    lowered[g] = orNaN(ind.confirmationShare(journal, "lowered"));
    raised[g] = orNaN(ind.confirmationShare(journal, "raised"));
    gap2[g] = orNaN(ind.confirmationShare(journal, "gap2"));
    meanScore[g] = scored > 0 ? t.scoreSum[g] / scored : NaN;
  }
}

/** The grouping `fromParticipantRows` uses: one line of a school's results. */
export function participantGroupKey(r: ParticipantRow, school = ""): string {
  return `${school}\u0001${r.procedure}\u0001${r.year}\u0001${r.grade}\u0001${r.subject}`;
}

/** Mark as stored in a column: 1–5, otherwise 0 (no mark). */
function markCode(v: number | null): number {
  return v !== null && Number.isInteger(v) && v >= 1 && v <= MAX_MARK ? v : 0;
}

/**
 * Builds the columns from the model's participant rows, grouped by procedure × year × grade ×
 * subject within the school given by `schoolOf` (default: one school). Pass a shared Interner to
 * put rows of many schools into one id space.
 */
export function fromParticipantRows(
  rows: readonly ParticipantRow[],
  interner: Interner = new Interner(),
  schoolOf: (r: ParticipantRow) => string = () => "",
): { columns: ParticipantColumns; groups: Interner } {
  const n = rows.length;
  const group = new Int32Array(n);
  const mark = new Uint8Array(n);
  const journal = new Uint8Array(n);
  const score = new Float32Array(n);
  // Forms list participants class by class, so most rows share the previous row's group: compare
  // the key parts before building and hashing the key string.
  let prev: ParticipantRow | null = null;
  let prevSchool = "";
  let prevId = -1;
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    const school = schoolOf(r);
    if (
      prev === null ||
      school !== prevSchool ||
      r.procedure !== prev.procedure ||
      r.year !== prev.year ||
      r.grade !== prev.grade ||
      r.subject !== prev.subject
    ) {
      prevId = interner.id(participantGroupKey(r, school));
      prev = r;
      prevSchool = school;
    }
    group[i] = prevId;
    mark[i] = markCode(r.mark);
    journal[i] = markCode(r.journalMark);
    score[i] = r.score === null ? NaN : r.score;
  }
  return { columns: { group, groupCount: interner.size, mark, journal, score }, groups: interner };
}

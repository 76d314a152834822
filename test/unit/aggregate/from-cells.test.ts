import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { aggregate, allIndicators, fromParticipantRows, Interner } from "../../../src/core/aggregate";
import { columnsFromCells, keyValue, type CellGridLayout } from "../../../src/core/from-cells";
import type { ParticipantRow } from "../../../src/core/model";
import { DEFAULT_PROFILE } from "../../../src/core/profile";

const HEADER = ["ОО", "Год", "Класс", "Предмет", "Балл", "Отметка", "Отметка по журналу"];
const LAYOUT: CellGridLayout = { keys: [0, 1, 2, 3], score: 4, mark: 5, journal: 6 };

/**
 * Hand-made grid, the way real files come:
 *  g0 sch1/2026/4/Математика: marks 4, «3», blank, «пять»; journal 4, 4, 5, 5; scores 15, «12», –, 20
 *     (year «2026» as text, grade «4» as text, « sch1 » with spaces: the same group);
 *  g1 sch2/2026/4/Математика: mark 5, journal 3, score 18;
 *  g2 sch1/2025/4/Математика: mark 2, journal 3, score 10;
 *  two blank rows (skipped); g3 sch2/2026/4/Русский язык: «н/а» mark and score, «отс» journal.
 */
const GRID: unknown[][] = [
  HEADER,
  ["sch1", 2026, 4, "Математика", 15, 4, 4],
  ["sch1", "2026", 4, "Математика", "12", "3", 4],
  [" sch1 ", 2026, "4", "Математика", null, "", 5],
  ["sch1", 2026, 4, "Математика", 20, "пять", 5],
  ["sch2", 2026, 4, "Математика", 18, 5, 3],
  ["sch1", 2025, 4, "Математика", 10, 2, 3],
  [null, null, null, null, null, null, null],
  ["", "", " ", "", "", "", ""],
  ["sch2", 2026, 4, "Русский язык", "н/а", "н/а", "отс"],
];

describe("columnsFromCells: a small grid by hand", () => {
  const { columns, groups, skippedRows, unread } = columnsFromCells(GRID, LAYOUT);
  const [g0, g1, g2, g3] = allIndicators(aggregate(columns), DEFAULT_PROFILE);

  it("groups by the four keys in first-seen order; «2026» and 2026 are one year", () => {
    expect(columns.groupCount).toBe(4);
    expect(Array.from(columns.group)).toEqual([0, 0, 0, 0, 1, 2, 3]);
    expect(groups.key(0)).toEqual(["sch1", 2026, 4, "Математика"]);
    expect(groups.key(3)).toEqual(["sch2", 2026, 4, "Русский язык"]);
    expect(groups.find(["sch1", "2026", "4", "Математика"])).toBe(0);
    expect(groups.find([" sch2", 2025, 4, "Математика"])).toBe(-1);
    expect(groups.find(["sch1", 2025, 4, "Математика"])).toBe(2);
  });

  it("skips rows blank in every read column and counts unreadable cells", () => {
    expect(skippedRows).toBe(2);
    expect(columns.mark.length).toBe(7);
    expect(unread).toEqual({ mark: 1, journal: 0, score: 0 });
  });

  it("marks: numbers and «3» count; blank and text are no mark; scores with a blank", () => {
    expect(Array.from(columns.mark)).toEqual([4, 3, 0, 0, 5, 2, 0]);
    expect(Array.from(columns.journal)).toEqual([4, 4, 5, 5, 3, 3, 0]);
    expect(g0.participants).toBe(4);
    expect(g0.marked).toBe(2);
    expect(g0.success).toBe(100);
    expect(g0.quality).toBe(50);
    expect(g0.meanMark).toBe(3.5);
    expect(g0.sou).toBe(50); // (64 + 36) / 2
    // (4,4) confirmed, (3,4) lowered; rows without a test mark are not compared.
    expect(g0.compared).toBe(2);
    expect(g0.confirmed).toBe(50);
    expect(g0.lowered).toBe(50);
    expect(g0.meanScore).toBeCloseTo(47 / 3, 12); // 15 + 12 + 20 over 3 scores
  });

  it("other groups: raised with a gap of 2, a «2», a participant with «н/а» only", () => {
    expect(g1.raised).toBe(100);
    expect(g1.gap2).toBe(100);
    expect(g1.meanScore).toBe(18);
    expect(g2.success).toBe(0);
    expect(g2.share2).toBe(100);
    expect(g2.lowered).toBe(100);
    expect(g3.participants).toBe(1);
    expect(g3.marked).toBe(0);
    expect(g3.success).toBeNull();
    expect(g3.meanScore).toBeNull();
  });

  it("«н/а» is mark 1 when the profile says so", () => {
    const r = columnsFromCells(GRID, { ...LAYOUT, naAsOne: true });
    const ind = allIndicators(aggregate(r.columns), DEFAULT_PROFILE)[3];
    expect(ind.marked).toBe(1);
    expect(ind.success).toBe(0);
    expect(ind.share2).toBe(100);
  });

  it("marks 4,5 and 7, an error value and a text score are read as none and counted", () => {
    const r = columnsFromCells(
      [HEADER, ["a", 1, 1, "x", "много", 4.5, 7], ["a", 1, 1, "x", "#N/A", "4,0", " 5 "], ["a", 1, 1, "x", 3, 5, 0]],
      LAYOUT,
    );
    expect(Array.from(r.columns.mark)).toEqual([0, 4, 5]);
    expect(Array.from(r.columns.journal)).toEqual([0, 5, 0]);
    expect(r.unread).toEqual({ mark: 1, journal: 2, score: 2 });
    expect(Array.from(r.columns.score)).toEqual([NaN, NaN, 3]);
  });

  it("without journal and score columns: no comparisons, no scores", () => {
    const r = columnsFromCells(GRID, { keys: [0], mark: 5 });
    expect(r.columns.groupCount).toBe(2);
    expect(Array.from(r.columns.journal)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(r.columns.score.every((s) => Number.isNaN(s))).toBe(true);
  });

  it("an empty grid and a header-only grid give no groups", () => {
    expect(columnsFromCells([], LAYOUT).columns.groupCount).toBe(0);
    expect(columnsFromCells([HEADER], LAYOUT).columns.group.length).toBe(0);
  });

  it("key cells read like the form: text trimmed, numbers stored as text are numbers", () => {
    expect(keyValue(" 2026 ")).toBe(2026);
    expect(keyValue("4,0")).toBe(4);
    expect(keyValue("\u00a0Математика ")).toBe("Математика");
    expect(keyValue("")).toBeNull();
    expect(keyValue(undefined)).toBeNull();
    expect(keyValue(-0)).toBe(0);
  });
});

/** Seeded table of participant rows in random order (5 schools × 2 years × 3 grades × 2 subjects). */
function generated(n: number): { rows: ParticipantRow[]; grid: unknown[][] } {
  let seed = 12345;
  const rnd = (k: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % k;
  };
  const subjects = ["Русский язык", "Математика"];
  const rows: ParticipantRow[] = [];
  const grid: unknown[][] = [["ОО", "Процедура", "Год", "Класс", "Предмет", "Балл", "Отметка", "Журнал"]];
  for (let i = 0; i < n; i++) {
    const school = `sch${420000 + rnd(5)}`;
    const year = 2025 + rnd(2);
    const grade = 4 + rnd(3);
    const subject = subjects[rnd(2)];
    const mark = rnd(6); // 0 = no mark
    const journal = rnd(6);
    const score = rnd(4) === 0 ? null : rnd(21);
    rows.push({
      procedure: "ВПР",
      year,
      grade,
      className: "",
      subject,
      code: String(i),
      score,
      mark: mark || null,
      journalMark: journal || null,
      taskPoints: [],
      source: school,
    });
    // Some keys and marks as text, the way real files mix them.
    grid.push([
      school,
      "ВПР",
      i % 7 === 0 ? String(year) : year,
      grade,
      subject,
      score,
      mark === 0 ? "" : i % 5 === 0 ? String(mark) : mark,
      journal || null,
    ]);
  }
  return { rows, grid };
}

describe("columnsFromCells equals the model path (fromParticipantRows + aggregate)", () => {
  const { rows, grid } = generated(4000);
  const expected = fromParticipantRows(rows, new Interner(), (r) => r.source);
  const want = allIndicators(aggregate(expected.columns), DEFAULT_PROFILE);

  it.each([
    ["four keys (unrolled dense path)", [0, 2, 3, 4]],
    ["five keys (generic dense path)", [0, 1, 2, 3, 4]],
  ])("%s: same groups in the same order, same indicators", (_, keys) => {
    const r = columnsFromCells(grid, { keys, score: 5, mark: 6, journal: 7 });
    expect(r.columns.groupCount).toBe(expected.columns.groupCount);
    expect(r.columns.group).toEqual(expected.columns.group);
    expect(allIndicators(aggregate(r.columns), DEFAULT_PROFILE)).toEqual(want);
    const parts = expected.groups.key(17).split("\u0001");
    const key = r.groups.key(17);
    expect(key[0]).toBe(parts[0]);
    expect(key[key.length - 1]).toBe(parts[4]);
  });
});

/** Reference grouping: one JSON key string per row, dense ids in first-seen order. */
function bruteGroups(grid: readonly unknown[][], keys: readonly number[]): number[] {
  const ids = new Map<string, number>();
  return grid.slice(1).map((row) => {
    const key = JSON.stringify(keys.map((c) => keyValue(row[c])));
    let g = ids.get(key);
    if (g === undefined) ids.set(key, (g = ids.size));
    return g;
  });
}

describe("columnsFromCells: large cardinalities", () => {
  it("a product of cardinalities beyond the dense table goes through the Map", () => {
    // 3 000 rows, two columns of ~3 000 and ~1 000 distinct codes: 3 million slots > 8 per row.
    const grid: unknown[][] = [["a", "b", "m"]];
    for (let i = 0; i < 3000; i++) grid.push([`c${i}`, (i * 7919) % 1000, 1 + (i % 5)]);
    grid.push(["c5", (5 * 7919) % 1000, 3]); // a repeat: joins the group of row 5
    const r = columnsFromCells(grid, { keys: [0, 1], mark: 2 });
    expect(r.columns.groupCount).toBe(3000);
    expect(r.columns.group[3000]).toBe(5);
    expect(Array.from(r.columns.group)).toEqual(bruteGroups(grid, [0, 1]));
    expect(r.groups.key(5)).toEqual(["c5", (5 * 7919) % 1000]);
  });

  it("a product beyond 2⁵³ is folded column by column", () => {
    // Five columns of up to 2 000 distinct values each: 2 000⁵ = 3,2·10¹⁶ > 2⁵³.
    const grid: unknown[][] = [["a", "b", "c", "d", "e", "m"]];
    for (let i = 0; i < 2000; i++)
      grid.push([i, `x${(i * 31) % 2000}`, (i * 17) % 2000, `z${(i * 3) % 2000}`, `y${i}`, 4]);
    for (let i = 0; i < 500; i++) grid.push([...grid[1 + ((i * 13) % 2000)]]);
    const r = columnsFromCells(grid, { keys: [0, 1, 2, 3, 4], mark: 5 });
    expect(r.columns.groupCount).toBe(2000);
    expect(Array.from(r.columns.group)).toEqual(bruteGroups(grid, [0, 1, 2, 3, 4]));
    const last = [1999, `x${(1999 * 31) % 2000}`, (1999 * 17) % 2000, `z${(1999 * 3) % 2000}`, "y1999"];
    expect(r.groups.key(1999)).toEqual(last);
    expect(r.groups.find(last)).toBe(1999);
  });

  it("texts that collide in the text cache (same length, same last characters) stay apart", () => {
    const grid: unknown[][] = [["k", "m"]];
    for (let i = 0; i < 3000; i++) grid.push([`${String.fromCharCode(0x410 + (i % 32))}${(i * 7) % 100}-xyz`, 3]);
    const r = columnsFromCells(grid, { keys: [0], mark: 1 });
    expect(r.columns.groupCount).toBe(new Set(grid.slice(1).map((row) => row[0])).size);
    expect(Array.from(r.columns.group)).toEqual(bruteGroups(grid, [0]));
  });

  it("property: any small grid groups exactly like one key string per row", () => {
    const cell = fc.oneof(fc.constantFrom("a", " a", "b", "1", "2,0", "", null), fc.integer({ min: 0, max: 3 }));
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell, cell), { maxLength: 60 }), (rows) => {
        const grid = [["k1", "k2", "m"], ...rows];
        const r = columnsFromCells(grid, { keys: [0, 1], mark: 2 });
        const kept = grid.filter((row, i) => i === 0 || !row.every((v) => keyValue(v) === null));
        expect(Array.from(r.columns.group)).toEqual(bruteGroups(kept, [0, 1]));
        expect(r.skippedRows).toBe(grid.length - kept.length);
      }),
      { numRuns: 200 },
    );
  });
});

describe("columnsFromCells: the group table filled while the rows are read", () => {
  /** Rows over `groups` distinct four-part keys, each key first seen in a shuffled order, then repeated. */
  function manyGroups(groups: number): unknown[][] {
    const grid: unknown[][] = [HEADER];
    const order = Array.from({ length: groups }, (_, i) => (i * 7919) % groups); // a permutation (7919 is prime)
    const keyOf = (g: number): unknown[] => [`sch${g % 613}`, 2020 + (g % 7), 1 + (g % 11), `s${Math.floor(g / 4291)}`];
    for (const g of order) grid.push([...keyOf(g), 10, 1 + (g % 5), null]);
    for (let i = 0; i < groups; i++) grid.push([...keyOf((i * 104729) % groups), 12, 3, 4]);
    return grid;
  }

  it("20 000 groups (the table doubles many times): first-seen order, each group's key and find", () => {
    const grid = manyGroups(20000);
    const r = columnsFromCells(grid, LAYOUT);
    expect(r.columns.groupCount).toBe(20000);
    expect(Array.from(r.columns.group)).toEqual(bruteGroups(grid, [0, 1, 2, 3]));
    // Group 0 is the first row's key, group 19 999 the last new key of the first half.
    expect(r.groups.key(0)).toEqual(grid[1].slice(0, 4));
    expect(r.groups.key(19999)).toEqual(grid[20000].slice(0, 4));
    expect(r.groups.find(grid[20000].slice(0, 4))).toBe(19999);
    expect(r.groups.find(["sch0", 2020, 1, "нет такого"])).toBe(-1);
  });

  it.each([
    ["no keys: one group", [] as number[]],
    ["one key", [0]],
    ["two keys", [3, 1]],
    ["three keys", [0, 1, 2]],
    ["six keys (the generic path)", [0, 1, 2, 3, 4, 5]],
  ])("%s: groups like one key string per row, keys without padding", (_, keys) => {
    const grid = manyGroups(3000);
    const r = columnsFromCells(grid, { keys, score: 4, mark: 5, journal: 6 });
    const want = bruteGroups(grid, keys);
    expect(Array.from(r.columns.group)).toEqual(want);
    expect(r.columns.groupCount).toBe(Math.max(0, ...want) + 1);
    const last = r.columns.groupCount - 1;
    const row = grid[1 + want.indexOf(last)];
    expect(r.groups.key(last)).toEqual(keys.map((c) => keyValue(row[c])));
    expect(r.groups.find(keys.map((c) => row[c]))).toBe(last);
  });

  it("nothing is kept between calls: a call after another grid gives the same result", () => {
    const a = columnsFromCells(GRID, LAYOUT);
    columnsFromCells(manyGroups(5000), LAYOUT);
    const again = columnsFromCells(GRID, LAYOUT);
    expect(Array.from(again.columns.group)).toEqual(Array.from(a.columns.group));
    expect(again.columns.groupCount).toBe(a.columns.groupCount);
    expect(again.groups.key(3)).toEqual(a.groups.key(3));
    expect(again.skippedRows).toBe(2);
    expect(again.unread).toEqual(a.unread);
  });
});

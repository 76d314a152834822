import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  aggregate,
  allIndicators,
  INDICATOR_SHARES,
  indicatorColumns,
  SLOT,
  STRIDE,
  type GroupIndicators,
  type GroupTotals,
  type IndicatorColumns,
} from "../../../src/core/aggregate";
import { columnsFromCells, totalsFromCells, type CellGridLayout } from "../../../src/core/from-cells";
import { DEFAULT_PROFILE } from "../../../src/core/profile";

const HEADER = ["ОО", "Год", "Класс", "Предмет", "Балл", "Отметка", "Отметка по журналу"];
const LAYOUT: CellGridLayout = { keys: [0, 1, 2, 3], score: 4, mark: 5, journal: 6 };

/** The two-step path totalsFromCells must equal. */
function twoStep(grid: readonly (readonly unknown[])[], layout: CellGridLayout) {
  const c = columnsFromCells(grid, layout);
  return { totals: aggregate(c.columns), c };
}

/** totalsFromCells against the two-step path: totals, groups with their keys, row counts. */
function expectSameAsTwoStep(grid: readonly (readonly unknown[])[], layout: CellGridLayout): void {
  const { totals, c } = twoStep(grid, layout);
  const r = totalsFromCells(grid, layout);
  expect(r.totals.groupCount).toBe(totals.groupCount);
  expect(Array.from(r.totals.counts)).toEqual(Array.from(totals.counts));
  expect(Array.from(r.totals.scoreSum)).toEqual(Array.from(totals.scoreSum));
  expect(r.rows).toBe(c.columns.group.length);
  expect(r.skippedRows).toBe(c.skippedRows);
  expect(r.unread).toEqual(c.unread);
  for (let g = 0; g < totals.groupCount; g++) expect(r.groups.key(g)).toEqual(c.groups.key(g));
}

/** A record's value as indicatorColumns holds it: null → NaN. */
const asColumn = (x: number | null): number => (x === null ? NaN : x);

function expectColumnsLikeRecords(cols: IndicatorColumns, records: readonly GroupIndicators[]): void {
  expect(cols.groupCount).toBe(records.length);
  records.forEach((r, g) => {
    expect(cols.participants[g]).toBe(r.participants);
    expect(cols.marked[g]).toBe(r.marked);
    expect(cols.compared[g]).toBe(r.compared);
    for (const f of INDICATOR_SHARES) expect(cols[f][g]).toBe(asColumn(r[f]));
  });
}

describe("totalsFromCells: a small grid by hand", () => {
  // g0 sch1/2026/4/Математика: marks 4, «3», blank; journal 4, 4, 5; scores 15, «12,5», –;
  // g1 sch2/2026/4/Математика: mark 5, journal 3, score 18; a blank row; g2 with «н/а» only.
  const grid: unknown[][] = [
    HEADER,
    ["sch1", 2026, 4, "Математика", 15, 4, 4],
    [" sch1", "2026", "4", "Математика", "12,5", "3", 4],
    ["sch1", 2026, 4, "Математика", null, "", 5],
    ["sch2", 2026, 4, "Математика", 18, 5, 3],
    [null, null, null, null, null, null, null],
    ["sch2", 2026, 4, "Русский язык", "н/а", "н/а", "отс"],
  ];
  const r = totalsFromCells(grid, LAYOUT);
  const at = (g: number, slot: number): number => r.totals.counts[g * STRIDE + slot];

  it("groups, counters and score sums", () => {
    expect(r.totals.groupCount).toBe(3);
    expect(r.groups.key(0)).toEqual(["sch1", 2026, 4, "Математика"]);
    expect(r.groups.find(["sch2", "2026", 4, "Русский язык"])).toBe(2);
    expect([at(0, SLOT.noMark), at(0, SLOT.n3), at(0, SLOT.n4)]).toEqual([1, 1, 1]);
    // (4,4) confirmed, (3,4) lowered; the row without a test mark is not compared.
    expect([at(0, SLOT.confirmed), at(0, SLOT.lowered), at(0, SLOT.raised)]).toEqual([1, 1, 0]);
    expect([at(1, SLOT.raised), at(1, SLOT.gap2)]).toEqual([1, 1]);
    expect(at(0, SLOT.scoreCount)).toBe(2);
    expect(Array.from(r.totals.scoreSum)).toEqual([27.5, 18, 0]);
    expect(at(2, SLOT.noMark)).toBe(1);
    expect(r.rows).toBe(5);
    expect(r.skippedRows).toBe(1);
    expect(r.unread).toEqual({ mark: 0, journal: 0, score: 0 });
  });

  it("indicator columns: shares, NaN where a record has null", () => {
    const c = indicatorColumns(r.totals, DEFAULT_PROFILE);
    expect(Array.from(c.participants)).toEqual([3, 1, 1]);
    expect(Array.from(c.marked)).toEqual([2, 1, 0]);
    expect(c.quality[0]).toBe(50);
    expect(c.meanMark[0]).toBe(3.5);
    expect(c.lowered[0]).toBe(50);
    expect(c.meanScore[0]).toBe(13.75);
    expect(c.success[2]).toBeNaN();
    expect(c.meanScore[2]).toBeNaN();
    expect(c.raised[1]).toBe(100);
    expectColumnsLikeRecords(c, allIndicators(r.totals, DEFAULT_PROFILE));
  });

  it("an empty grid and a header-only grid: no groups", () => {
    for (const g of [[], [HEADER]]) {
      const e = totalsFromCells(g, LAYOUT);
      expect(e.totals.groupCount).toBe(0);
      expect(e.rows).toBe(0);
      expect(indicatorColumns(e.totals, DEFAULT_PROFILE).success.length).toBe(0);
    }
  });
});

describe("totalsFromCells equals columnsFromCells + aggregate", () => {
  const key = fc.oneof(
    fc.constantFrom("sch1", " sch1", "sch2", "2026", "4,0", "", null, "Математика"),
    fc.integer({ min: 0, max: 5 }),
    fc.constantFrom(2025, 2026, 4.5),
  );
  const mark = fc.oneof(
    fc.constantFrom(null, "", "н/а", "отс", "4", "5,0", "пять", 4.5, 7, 0, " 3 "),
    fc.integer({ min: 1, max: 5 }),
  );
  const score = fc.oneof(
    fc.constantFrom(null, "", "12", "7,5", "н/а", "много", Infinity),
    fc.integer({ min: 0, max: 40 }),
    fc.double({ min: 0, max: 40, noNaN: true }),
  );
  const row = fc.tuple(key, key, key, key, key, score, mark, mark);
  const layouts: [string, CellGridLayout][] = [
    ["four keys", { keys: [0, 1, 2, 3], score: 5, mark: 6, journal: 7 }],
    ["no journal", { keys: [0, 1, 2, 3], score: 5, mark: 6 }],
    ["no score, «н/а» as 1", { keys: [3, 0], mark: 6, journal: 7, naAsOne: true }],
    ["one key", { keys: [2], score: 5, mark: 6, journal: 7 }],
    ["no keys", { keys: [], score: 5, mark: 6, journal: 7 }],
    ["five keys (the two-step path)", { keys: [0, 1, 2, 3, 4], score: 5, mark: 6, journal: 7 }],
  ];

  it.each(layouts)("property, %s: random grids with repeated keys, text codes and marks, blanks", (_, layout) => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 80 }), fc.integer({ min: 0, max: 3 }), (rows, blanks) => {
        const grid: unknown[][] = [["k1", "k2", "k3", "k4", "k5", "s", "m", "j"], ...rows];
        for (let i = 0; i < blanks; i++) grid.splice(1 + ((i * 7) % grid.length), 0, [null, "", " "]);
        expectSameAsTwoStep(grid, layout);
        const t = totalsFromCells(grid, layout).totals;
        expectColumnsLikeRecords(indicatorColumns(t, DEFAULT_PROFILE), allIndicators(t, DEFAULT_PROFILE));
      }),
      { numRuns: 150 },
    );
  });

  /** Rows over `groups` four-part keys in a shuffled first-seen order, each then repeated. */
  function manyGroups(groups: number, keyOf: (g: number) => unknown[]): unknown[][] {
    const grid: unknown[][] = [HEADER];
    for (let i = 0; i < groups; i++) {
      const g = (i * 7919) % groups;
      grid.push([...keyOf(g), g % 21, 1 + (g % 5), g % 6 || null]);
    }
    for (let i = 0; i < groups; i++) grid.push([...keyOf((i * 104729) % groups), 12.25, 3, 4]);
    return grid;
  }

  it("20 000 groups: the direct index widens column by column, same totals", () => {
    expectSameAsTwoStep(
      manyGroups(20000, (g) => [`sch${g % 613}`, 2020 + (g % 7), 1 + (g % 11), `s${Math.floor(g / 4291)}`]),
      LAYOUT,
    );
  });

  it("key values that combine sparsely (3 000 × 3 000 distinct) take the hash table, same totals", () => {
    const grid = manyGroups(3000, (g) => [`c${g}`, `d${(g * 31) % 3000}`, 2026, "Математика"]);
    expectSameAsTwoStep(grid, LAYOUT);
    expect(totalsFromCells(grid, LAYOUT).totals.groupCount).toBe(3000);
  });

  it("a large grid of the bench's shape (1 000 schools) stays on the direct index, same totals", () => {
    const grid = manyGroups(20000, (g) => [
      `sch${420000 + Math.floor(g / 20)}`,
      2025 + (g % 2),
      4 + (Math.floor(g / 2) % 5),
      g % 4 < 2 ? "Р" : "М",
    ]);
    expectSameAsTwoStep(grid, LAYOUT);
  });
});

describe("indicatorColumns equals allIndicators", () => {
  it("property: random counters, empty groups included", () => {
    const group = fc.tuple(
      fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 12, maxLength: 12 }),
      fc.double({ min: 0, max: 500, noNaN: true }),
    );
    fc.assert(
      fc.property(fc.array(group, { maxLength: 20 }), (groups) => {
        const counts = new Uint32Array(groups.length * STRIDE);
        groups.forEach(([c], g) => counts.set(c, g * STRIDE));
        const t: GroupTotals = {
          groupCount: groups.length,
          counts,
          scoreSum: Float64Array.from(groups.map((g) => g[1])),
        };
        expectColumnsLikeRecords(indicatorColumns(t, DEFAULT_PROFILE), allIndicators(t, DEFAULT_PROFILE));
      }),
      { numRuns: 200 },
    );
  });
});

/**
 * The analysis functions' cache (src/functions/analysis-cache.ts) hashes a range once per array
 * object and freezes it. These properties prove that this never returns a stale answer: an edited
 * copy of a range (as Excel passes an edited range) always gets another key and the same answer
 * as an uncached analysis, and an edit in place of a hashed range is refused.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analysisCount, clearAnalysisCache, risk } from "../../../src/functions/analysis";
import { cacheKey, fullHashCount, LruCache, rangeFingerprint } from "../../../src/functions/analysis-cache";
import { MAX_ANALYSED_CELLS } from "../../../src/functions/analysis-table";
import { DEFAULT_PROFILE } from "../../../src/core/profile";
import { RESULTS_TABLE_HEADER } from "./results-header";

const P = DEFAULT_PROFILE;
type Cell = string | number | boolean | null;

// Short strings from a tiny alphabet make near-collisions likely («12» vs «1», «2»).
const cell: fc.Arbitrary<Cell> = fc.oneof(
  fc.integer({ min: -3, max: 12 }),
  fc.double({ noNaN: true }),
  fc.string({ unit: fc.constantFrom("1", "2", "а", " "), maxLength: 3 }),
  fc.boolean(),
  fc.constant(null),
);

const grid = fc
  .record({ rows: fc.integer({ min: 1, max: 12 }), cols: fc.integer({ min: 1, max: 5 }) })
  .chain(({ rows, cols }) =>
    fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }),
  );

/** Blank cells (null, "") are one value for every reader; any other change is a real edit. */
function sameValue(a: Cell, b: Cell): boolean {
  const blank = (v: Cell) => v === null || v === "";
  return (blank(a) && blank(b)) || Object.is(a, b);
}

const copy = (g: Cell[][]): Cell[][] => g.map((row) => [...row]);

describe("the range cache key", () => {
  it("a single-cell edit in a copy changes the key; an unedited copy keeps it (random tables)", () => {
    fc.assert(
      fc.property(grid, fc.nat(), fc.nat(), cell, (g, i, j, v) => {
        const r = i % g.length;
        const c = j % g[0].length;
        fc.pre(!sameValue(g[r][c], v));
        const original = cacheKey(g, "", P);
        expect(cacheKey(g, "", P)).toBe(original); // from the object's memo
        expect(cacheKey(copy(g), "", P)).toBe(original);
        const edited = copy(g);
        edited[r][c] = v;
        expect(cacheKey(edited, "", P)).not.toBe(original);
        expect(cacheKey(g, "", P)).toBe(original);
      }),
      { numRuns: 2000 },
    );
  });

  it("an edit in place of a hashed range throws instead of leaving a stale key", () => {
    const g: Cell[][] = [
      ["Год", "«5»"],
      [2025, 3],
    ];
    const key = rangeFingerprint(g);
    expect(() => {
      g[1][1] = 4;
    }).toThrow(TypeError);
    expect(() => g.push([2026, 1])).toThrow(TypeError);
    expect(g[1][1]).toBe(3);
    expect(rangeFingerprint(g)).toBe(key);
  });

  it("one array called a thousand times is hashed once; a new array with the same cells is hashed again", () => {
    const g: Cell[][] = [
      ["a", 1],
      ["b", 2],
    ];
    const before = fullHashCount();
    for (let k = 0; k < 1000; k++) rangeFingerprint(g);
    expect(fullHashCount() - before).toBe(1);
    expect(rangeFingerprint(copy(g))).toBe(rangeFingerprint(g));
    expect(fullHashCount() - before).toBe(2);
  });

  it("a range with an object cell is not frozen and is hashed on every call", () => {
    const g = [[{ type: "Error" }, 1]] as unknown as Cell[][];
    const before = fullHashCount();
    const key = rangeFingerprint(g);
    expect(Object.isFrozen(g)).toBe(false);
    (g[0] as unknown[])[1] = 2;
    expect(rangeFingerprint(g)).not.toBe(key);
    expect(fullHashCount() - before).toBe(2);
  });

  it("the extra text and the profile are part of the key", () => {
    const g: Cell[][] = [[1]];
    expect(cacheKey(g, "a", P)).not.toBe(cacheKey(g, "b", P));
    expect(cacheKey(g, "", { ...P })).not.toBe(cacheKey(g, "", P));
  });
});

const HEADER = RESULTS_TABLE_HEADER;
const SCHOOLS = ["sch0", "sch1", "sch2", "sch3"];

/** A results table: 4 schools × 3 years × 2 subjects, marks drawn at random, 20 participants per line. */
const resultsTable = fc
  .array(fc.tuple(fc.nat(20), fc.nat(20), fc.nat(20)), { minLength: 24, maxLength: 24 })
  .map((marks) => {
    const rows: Cell[][] = [HEADER];
    let k = 0;
    for (const year of [2023, 2024, 2025]) {
      for (const subject of ["Математика", "Русский язык"]) {
        for (const login of SCHOOLS) {
          const [a, b, c] = marks[k++];
          const n5 = Math.min(a, 20);
          const n4 = Math.min(b, 20 - n5);
          const n2 = Math.min(c, 20 - n5 - n4);
          rows.push([login, "СОШ", "город", "ВПР", year, 5, "", subject, 20, n5, n4, 20 - n5 - n4 - n2, n2]);
        }
      }
    }
    return rows;
  });

/** Every school's risk score and factors: what MSOKO.RISK answers. */
function answers(t: Cell[][]): string {
  return SCHOOLS.map((s) => `${risk(s, t, "балл", P)}/${risk(s, t, "факторы", P)}`).join(" ");
}

describe("MSOKO.RISK through the cache", () => {
  it("after a random single-cell edit the cached answer equals an uncached analysis (random tables)", () => {
    fc.assert(
      fc.property(
        resultsTable,
        fc.integer({ min: 1, max: 24 }),
        fc.integer({ min: 9, max: 12 }),
        fc.nat(20),
        (t, r, c, v) => {
          fc.pre(t[r][c] !== v);
          clearAnalysisCache();
          const before = answers(t);
          const edited = copy(t);
          edited[r][c] = v;
          // Keep the line consistent (participants = sum of marks) so the table stays valid input.
          edited[r][8] = (edited[r].slice(9, 13) as number[]).reduce((x, y) => x + y, 0);
          fc.pre((edited[r][8] as number) > 0);
          const cached = answers(edited); // t's analysis is in the cache: edited must not reuse it
          clearAnalysisCache();
          expect(cached).toBe(answers(copy(edited)));
          expect(answers(t)).toBe(before);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("1000 calls over one table run one analysis and hash the table once", () => {
    clearAnalysisCache();
    const t: Cell[][] = [HEADER];
    for (const year of [2023, 2024, 2025])
      for (const login of SCHOOLS) t.push([login, "СОШ", "город", "ВПР", year, 5, "", "Математика", 20, 2, 8, 8, 2]);
    const analyses = analysisCount();
    const hashes = fullHashCount();
    for (let k = 0; k < 1000; k++) risk(SCHOOLS[k % 4], t, null, P);
    expect(analysisCount() - analyses).toBe(1);
    expect(fullHashCount() - hashes).toBe(1);
  });
});

describe("the analysis's memory bound", () => {
  it("data rows beyond MAX_ANALYSED_CELLS are refused before any analysis, naming the size", () => {
    expect(MAX_ANALYSED_CELLS).toBe(8_388_608);
    const line = ["sch1", "СОШ", "город", "ВПР", 2025, 5, "", "Математика", 20, 2, 6, 10, 2];
    const rows = Math.floor(MAX_ANALYSED_CELLS / 13) + 1; // 8 388 608 / 13 = 645 277,5: 645 278 lines × 13 = 8 388 614 cells, just over
    const table = [HEADER, ...new Array(rows).fill(line)];
    const before = analysisCount();
    expect(() => risk("sch1", table, null, P)).toThrow(
      "Аргумент «таблица»: 645\u00a0278 строк с данными × 13 столбцов = 8\u00a0388\u00a0614 ячеек — анализ такой таблицы не поместится в память " +
        "(предел — 8\u00a0388\u00a0608 ячеек, ≈ 1 ГБ). Разделите таблицу по годам или процедурам, или оставьте в диапазоне только нужные столбцы.",
    );
    expect(analysisCount()).toBe(before);
  });
});

describe("the LRU's weight bound", () => {
  it("keeps the total weight under the bound, evicting the least recently used; the newest always stays", () => {
    const c = new LruCache<string>(8, 100);
    c.set("a", "A", 40);
    c.set("b", "B", 40);
    expect(c.get("a")).toBe("A"); // a is now the most recent
    c.set("c", "C", 40); // 120 > 100: b (least recent) goes
    expect(c.get("b")).toBeUndefined();
    expect([c.length, c.totalWeight]).toEqual([2, 80]);
    c.set("huge", "H", 500); // over the bound alone: kept, everything else goes
    expect([c.length, c.totalWeight, c.get("huge")]).toEqual([1, 500, "H"]);
    c.set("huge", "H2", 10); // replacing an entry replaces its weight
    expect([c.length, c.totalWeight]).toEqual([1, 10]);
    c.clear();
    expect([c.length, c.totalWeight]).toEqual([0, 0]);
  });
});

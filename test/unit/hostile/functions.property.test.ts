/**
 * Property tests of every custom function over hostile ranges: whatever Excel passes, a function
 * returns a finite number (shares within 0–100 %) or text, or raises CustomFunctions.Error with a
 * Russian message and code «#ЗНАЧ!»/«#Н/Д» — never an "internal error" (an exception the code did
 * not expect) and never a crash of the runtime. Indicators do not depend on row order.
 */
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import * as F from "../../../src/functions/functions";
import { setProfile } from "../../../src/functions/context";
import { clearAnalysisCache } from "../../../src/functions/analysis";
import { ShimCustomFunctionError } from "../../../src/functions/shim";
import { applyOverrides, DEFAULT_PROFILE } from "../../../src/core/profile";
import * as ind from "../../../src/core/indicators";
import type { MarkCounts } from "../../../src/core/model";
import { grid, hostileCell, INJECTIONS, LONG_TEXT, LOOKALIKES, runs } from "./arbitraries";
import type { CellValue } from "../../../src/core/values";
import { RESULTS_TABLE_HEADER } from "../functions/results-header";

type Outcome = { ok: true; value: unknown } | { ok: false; code: string; message: string };

/** Calls a function as Excel would, classifying its outcome; any other exception fails the test. */
function call(fn: () => unknown): Outcome {
  try {
    return { ok: true, value: fn() };
  } catch (e) {
    if (!(e instanceof ShimCustomFunctionError)) throw new Error(`не CustomFunctions.Error: ${String(e)}`);
    return { ok: false, code: e.code, message: e.message };
  }
}

/** The documented contract of an outcome: Russian error codes, no internal errors, finite numbers. */
function expectContract(o: Outcome, share: boolean): void {
  if (o.ok) {
    if (typeof o.value === "number") {
      expect(Number.isFinite(o.value)).toBe(true);
      if (share) {
        expect(o.value).toBeGreaterThanOrEqual(0);
        expect(o.value).toBeLessThanOrEqual(100);
      }
    } else expect(typeof o.value).toBe("string");
    return;
  }
  expect(["#ЗНАЧ!", "#Н/Д"]).toContain(o.code);
  expect(o.message).toMatch(/[А-Яа-яЁё]/);
  // "Внутренняя ошибка" means an exception escaped the code's own checks: a defect.
  expect(o.message).not.toMatch(/^Внутренняя ошибка/);
  // Messages quote values, shortened: a 10⁵-character cell must not flood the message.
  expect(o.message.length).toBeLessThan(2_000);
}

const arg: fc.Arbitrary<unknown> = fc.oneof(grid(), hostileCell, fc.constant([]), fc.constant([[]]));
const textArg: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    "ВПР",
    "впр",
    "ЕГЭ",
    "EГЭ",
    "ОГЭ",
    "НИКО",
    "ГВЭ-9",
    "КДР",
    "Русский язык",
    "математика",
    "Физика",
    "рус",
    ...LOOKALIKES,
    ...INJECTIONS,
    LONG_TEXT,
  ),
  hostileCell,
  grid(hostileCell, 2, 2),
);

afterEach(() => {
  setProfile(DEFAULT_PROFILE);
  clearAnalysisCache();
});

describe("property: result functions never throw anything but a Russian Excel error", () => {
  for (const [name, fn] of [
    ["SUCCESS", F.success],
    ["QUALITY", F.quality],
    ["SOU", F.sou],
  ] as const) {
    it(`${name}: a share in 0–100 % or #ЗНАЧ!/#Н/Д`, () => {
      fc.assert(
        fc.property(arg, (a) =>
          expectContract(
            call(() => fn(a as CellValue[][])),
            true,
          ),
        ),
        runs(150),
      );
    });
  }
  it("MEANMARK: a mean mark within 1–5 or a Russian error", () => {
    fc.assert(
      fc.property(arg, (a) => {
        const o = call(() => F.meanmark(a as CellValue[][]));
        expectContract(o, false);
        if (o.ok) expect(o.value as number).toBeGreaterThanOrEqual(1);
        if (o.ok) expect(o.value as number).toBeLessThanOrEqual(5);
      }),
      runs(150),
    );
  });
  it("CONFIRM: any test/journal/mode combination", () => {
    fc.assert(
      fc.property(
        arg,
        fc.oneof(arg, fc.constant(null)),
        fc.oneof(textArg, fc.constantFrom("понизили", "gap2", "повысили", null)),
        (t, j, m) =>
          expectContract(
            call(() => F.confirm(t as CellValue[][], j as CellValue[][], m)),
            true,
          ),
      ),
      runs(150),
    );
  });
  it("BELOWMIN: any procedure, subject, year and values", () => {
    fc.assert(
      fc.property(
        textArg,
        textArg,
        fc.oneof(fc.constantFrom(2026, "2026", 2025.5, 1e308, NaN, "#Н/Д"), hostileCell),
        arg,
        (p, s, y, v) =>
          expectContract(
            call(() => F.belowmin(p, s, y, v as CellValue[][])),
            true,
          ),
      ),
      runs(150),
    );
  });
  it("DYNAMICS: numbers or marks of two years, any indicator", () => {
    fc.assert(
      fc.property(
        arg,
        arg,
        fc.oneof(textArg, fc.constantFrom("quality", "соу", "доля2", "meanmark", null)),
        (a, b, i) => {
          const o = call(() => F.dynamics(a as CellValue[][], b as CellValue[][], i));
          expectContract(o, false);
        },
      ),
      runs(150),
    );
  });
});

/** A results table of the documented layout with hostile values in random cells and shuffled columns. */
const HEADER = RESULTS_TABLE_HEADER;
const goodRow = fc
  .tuple(
    fc.constantFrom("sch0", "sch1", "sch2", "__proto__", "constructor"),
    fc.constantFrom(2024, 2025, 2026),
    fc.constantFrom("Математика", "Русский язык"),
    fc.nat(8),
    fc.nat(8),
    fc.nat(8),
    fc.nat(8),
  )
  .map(
    ([login, year, subject, a, b, c, d]) =>
      [login, "СОШ", "город", "ВПР", year, 5, "", subject, a + b + c + d, a, b, c, d] as CellValue[],
  );
const table: fc.Arbitrary<CellValue[][]> = fc
  .tuple(
    fc.array(goodRow, { minLength: 1, maxLength: 14 }),
    fc.array(fc.tuple(fc.nat(13), fc.nat(12), hostileCell), { maxLength: 4 }),
    fc.shuffledSubarray([...HEADER.keys()], { minLength: HEADER.length, maxLength: HEADER.length }),
  )
  .map(([rows, spoil, order]) => {
    const t = [HEADER.slice(), ...rows.map((r) => r.slice())];
    for (const [r, c, v] of spoil) if (r + 1 < t.length) t[r + 1][c] = v;
    return t.map((row) => order.map((i) => row[i]));
  });
const school = fc.constantFrom<unknown>("sch0", "sch1", "SCH2", "__proto__", "toString", null, "", LONG_TEXT, [
  ["sch0"],
]);

describe("property: analysis functions over hostile results tables", () => {
  it("OBJECTIVITY, RISK, STABLE, EXPLAIN answer or refuse in Russian", () => {
    fc.assert(
      fc.property(
        fc.oneof({ weight: 4, arbitrary: table }, { weight: 1, arbitrary: grid() }),
        school,
        fc.constantFrom<unknown>(
          null,
          "список",
          "count",
          "балл",
          "факторы",
          "группа",
          "O1",
          "R4",
          "F",
          "cluster",
          "xyz",
          "__proto__",
        ),
        (t, s, mode) => {
          expectContract(
            call(() => F.objectivity(s, t, mode)),
            false,
          );
          expectContract(
            call(() => F.risk(s, t, mode)),
            false,
          );
          expectContract(
            call(() => F.stable(s, t)),
            false,
          );
          expectContract(
            call(() => F.explain(s, mode, t)),
            false,
          );
        },
      ),
      runs(25),
    );
  });
  it("CYCLE over hostile ranges", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<unknown>(1, "1", "8", "O", "О", "объективность", 9, 0, null, "__proto__", LONG_TEXT),
        grid(hostileCell, 8, 12),
        fc.constantFrom<unknown>(null, "status", "балл", "уровень", "просрочено", "шаг", "xyz"),
        fc.constantFrom<unknown>(null, 46157, "2026-05-15", "15.05.2026", "#Н/Д", NaN, -1, 1e308),
        (d, r, m, date) =>
          expectContract(
            call(() => F.cycle(d, r, m, date)),
            false,
          ),
      ),
      runs(80),
    );
  });
});

describe("property: indicators", () => {
  const counts = fc
    .tuple(fc.nat(1e6), fc.nat(1e6), fc.nat(1e6), fc.nat(1e6), fc.option(fc.nat(1e6), { nil: undefined }))
    .map(([n5, n4, n3, n2, n1]) => (n1 === undefined ? { n5, n4, n3, n2 } : { n5, n4, n3, n2, n1 }) as MarkCounts);

  it("shares of «2», «3», «4», «5» (and «1») sum to 100 % and stay within 0–100 %", () => {
    fc.assert(
      fc.property(counts, (c) => {
        const total = ind.markedCount(c);
        const s2 = ind.share2(c);
        const s5 = ind.share5(c);
        const q = ind.quality(c);
        const succ = ind.successRate(c);
        if (total === 0) {
          expect([s2, s5, q, succ]).toEqual([null, null, null, null]);
          return;
        }
        for (const v of [s2!, s5!, q!, succ!, ind.sou(c, DEFAULT_PROFILE.values["sou.weights"])!]) {
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(100);
        }
        // success = «3»+«4»+«5»; quality = «4»+«5»; «2» and «1» are the rest.
        const s1 = ((c.n1 ?? 0) * 100) / total;
        // share2 counts «2» and «1» together (the minimum threshold is not passed by either).
        expect(succ! + s2!).toBeCloseTo(100, 9);
        expect(s1).toBeLessThanOrEqual(s2! + 1e-9);
        expect(q!).toBeLessThanOrEqual(succ! + 1e-9);
        expect(s5!).toBeLessThanOrEqual(q! + 1e-9);
      }),
      runs(200),
    );
  });

  it("SUCCESS + share «2» (BELOWMIN for ВПР) = 100 % for a row of counts without «1»", () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.nat(500), fc.nat(500), fc.nat(500), fc.nat(500)).filter((a) => a.some((x) => x > 0)),
        (row) => {
          const succ = F.success([row]);
          const below = F.belowmin("ВПР", "Математика", 2026, [row]);
          expect(succ + below).toBeCloseTo(100, 9);
        },
      ),
      runs(200),
    );
  });

  it("a column of marks gives the same values in any row order, and the same as its counts", () => {
    const marks = fc.array(fc.constantFrom<CellValue>(2, 3, 4, 5, "5", "4,0", null, "", "отс", "н/а"), {
      minLength: 1,
      maxLength: 60,
    });
    fc.assert(
      fc.property(marks, fc.boolean(), fc.nat(), (m, naAsOne, seed) => {
        setProfile(applyOverrides([{ key: "marks.naAsOne", value: naAsOne ? "да" : "нет" }]).profile);
        const shuffled = fc.sample(fc.shuffledSubarray(m, { minLength: m.length, maxLength: m.length }), {
          seed,
          numRuns: 1,
        })[0];
        for (const fn of [F.success, F.quality, F.sou, F.meanmark]) {
          const a = call(() => fn(m.map((x) => [x])));
          const b = call(() => fn(shuffled.map((x) => [x])));
          if (a.ok && b.ok) expect(a.value as number).toBeCloseTo(b.value as number, 9);
          else expect(a.ok).toBe(b.ok);
        }
      }),
      runs(150),
    );
  });

  it("analysis results do not depend on the order of the table's rows", () => {
    fc.assert(
      fc.property(table, fc.nat(), (t, seed) => {
        const [head, ...rows] = t;
        const shuffled = [
          head,
          ...fc.sample(fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }), {
            seed,
            numRuns: 1,
          })[0],
        ];
        for (const s of ["sch0", "sch1"]) {
          clearAnalysisCache();
          const a = [
            call(() => F.risk(s, t, "балл")),
            call(() => F.objectivity(s, t, null)),
            call(() => F.stable(s, t)),
          ];
          clearAnalysisCache();
          const b = [
            call(() => F.risk(s, shuffled, "балл")),
            call(() => F.objectivity(s, shuffled, null)),
            call(() => F.stable(s, shuffled)),
          ];
          expect(b.map((o) => (o.ok ? o.value : o.code))).toEqual(a.map((o) => (o.ok ? o.value : o.code)));
        }
      }),
      runs(25),
    );
  });
});

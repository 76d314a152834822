import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { columnIndex, columnLetters, formatRange, parseQualified, parseRange, qualify } from "../../../src/core/a1";
import { MemoryWorkbook } from "../../../src/host/memory";
import { needsTextFormat } from "../../../src/host/officejs";
import { looksLikeFormula, renameInFormula } from "../../../src/host/rules";

const cell = fc.oneof(
  fc.constantFrom<string | number | boolean | null>(null, "", "=1+1", "+7", "-3", "@A1", "\t=2", "#N/A", "н/а", "0012"),
  fc.string({ maxLength: 40 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.boolean(),
);

describe("property: A1 notation", () => {
  it("column letters and indexes are inverse", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 16383 }), (i) => columnIndex(columnLetters(i)) === i));
  });
  it("ranges format and parse back, and sheet names survive quoting", () => {
    const name = fc
      .string({ minLength: 1, maxLength: 31 })
      .filter((s) => !/[[\]:*?/\\]/.test(s) && !s.startsWith("'") && !s.endsWith("'"));
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 0, max: 700 }),
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 0, max: 30 }),
        name,
        (top, left, h, w, sheet) => {
          const r = { top, left, bottom: top + h, right: left + w };
          expect(parseRange(formatRange(r))).toEqual(r);
          expect(parseQualified(qualify(sheet, formatRange(r)))).toEqual({ sheet, address: formatRange(r) });
        },
      ),
    );
  });
});

describe("property: the memory workbook keeps what it is given", () => {
  it("any grid of values reads back identically (text never becomes a formula, '' is blank)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 }),
        async (grid) => {
          const wb = MemoryWorkbook.fromGrids({ Л: [] });
          await wb.write({ ops: [{ op: "values", sheet: "Л", address: "B2", values: grid }] });
          const [r] = await wb.readSheets(["Л"], { formulas: true });
          const width = Math.max(...grid.map((row) => row.length));
          grid.forEach((row, i) => {
            for (let j = 0; j < width; j++) {
              const v = j < row.length ? row[j] : null;
              const expected = v === "" ? null : v;
              expect(r.values[i + 1]?.[j + 1] ?? null).toEqual(expected);
            }
          });
          expect(Object.keys(wb.snapshot().sheets[0].formulas)).toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("property: helpers", () => {
  it("every formula-like string is given the text format in Excel", () => {
    fc.assert(fc.property(fc.string(), (s) => !looksLikeFormula(s) || needsTextFormat(s)));
  });
  it("renaming a sheet in a formula twice and back is the identity for references", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("Данные", "Свод по ОО", "O'Brien", "Data"),
        fc.constantFrom("Новый", "Итоги 2026", "X"),
        (from, to) => {
          const f = `SUM(${qualify(from, "A1:A3")})+"${from}!A1"`;
          expect(renameInFormula(renameInFormula(f, from, to), to, from)).toBe(f);
          expect(renameInFormula(f, from, to)).toContain(qualify(to, "A1:A3"));
          expect(renameInFormula(f, from, to)).toContain(`"${from}!A1"`);
        },
      ),
    );
  });
});

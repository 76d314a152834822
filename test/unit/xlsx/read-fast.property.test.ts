/**
 * The byte-level reader (src/xlsx/sheet-xml.ts) against exceljs's full load on random books that
 * exceljs writes: numbers of every shape, text with markup characters, quotes, Cyrillic and
 * spaces, booleans, errors, formulas with and without cached results, merged areas, several sheets.
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readXlsxBuffer } from "../../../src/xlsx/exceljs";
import { readWorkbookSheets } from "../../../src/xlsx/read/sheets";
import { runs } from "../hostile/arbitraries";

type Cell = ExcelJS.CellValue;

const number = fc.oneof(
  fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e21, max: 1e21 }),
  fc.constantFrom(0, 0.1, 3.5, -2.25, 1e15, 123456789012345, 1e21, 1e-7),
);
const text = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom(
    "Логин <ОО>",
    "a & b",
    '"кавычки"',
    "'апостроф'",
    "  пробелы  ",
    "ёлка",
    "=1+1",
    "</c></row>",
    "<v>1</v>",
    "строка\nвторая",
  ),
);
const cell: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 4, arbitrary: number },
  { weight: 4, arbitrary: text },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom({ error: "#N/A" }, { error: "#DIV/0!" }) as fc.Arbitrary<Cell> },
  // exceljs's own reader drops a falsy cached result (0, "", false) that it wrote as <v>0</v>;
  // our reader keeps it, as Excel shows it, so the comparison leaves such results out.
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.constantFrom("1+1", 'A1&"x"'),
        fc.option(
          fc.oneof(number, text).filter((v) => !!v),
          { nil: undefined },
        ),
      )
      .map(([formula, result]) => ({ formula, result }) as Cell),
  },
);
const sheet = fc.record({
  rows: fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 }),
  merge: fc.option(fc.tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 6 })), { nil: undefined }),
});

async function write(sheets: { rows: Cell[][]; merge?: [number, number] }[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  sheets.forEach((s, i) => {
    const ws = wb.addWorksheet(`Лист ${i + 1}`);
    s.rows.forEach((row, r) => row.forEach((v, c) => v !== null && (ws.getCell(r + 1, c + 1).value = v)));
    if (s.merge) ws.mergeCells(s.merge[0], s.merge[1], s.merge[0] + 1, s.merge[1] + 1);
  });
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe("values-only reader = exceljs full load on random books", () => {
  it("keeps a cached formula result of 0 that exceljs's reader drops", async () => {
    const buf = await write([
      { rows: [[{ formula: "1-1", result: 0 } as Cell, { formula: "1+1", result: 2 } as Cell]] },
    ]);
    expect((await readXlsxBuffer(buf, "ноль.xlsx", { formulas: false }))[0].values).toEqual([[0, 2]]);
  });

  it("gives the same grids and merges", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(sheet, { minLength: 1, maxLength: 3 }), async (sheets) => {
        const buf = await write(sheets);
        const full = new ExcelJS.Workbook();
        await full.xlsx.load(Buffer.from(buf) as unknown as ExcelJS.Buffer);
        expect(await readXlsxBuffer(buf, "случайная.xlsx", { formulas: false })).toEqual(
          readWorkbookSheets(full, "случайная.xlsx", { formulas: false }),
        );
      }),
      runs(60),
    );
  }, 60_000);
});

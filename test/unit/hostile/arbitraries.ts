/**
 * Hostile cell values for the property tests: what dozens of people and tools put into school
 * workbooks and what Excel passes to custom functions — blanks, Excel errors in both languages and
 * as objects, numbers stored as text, huge and negative numbers, NaN/Infinity, Cyrillic/Latin
 * look-alikes, formula-like text and very long strings. Seeds are fixed so failures reproduce.
 */
import fc from "fast-check";
import type { CellValue } from "../../../src/core/values";

/** One seed for the whole suite: a failure prints its path and reproduces on every run. */
export const SEED = 20261122;

/** Property runs tuned so the whole hostile suite stays well under 30 s. */
export function runs(numRuns: number): fc.Parameters<unknown> {
  return { seed: SEED, numRuns, endOnFailure: true };
}

export const EXCEL_ERRORS = [
  "#Н/Д",
  "#ЗНАЧ!",
  "#N/A",
  "#VALUE!",
  "#ДЕЛ/0!",
  "#DIV/0!",
  "#ССЫЛКА!",
  "#REF!",
  "#ИМЯ?",
  "#ЧИСЛО!",
  "#ПУСТО!",
  "#SPILL!",
  "#CALC!",
];

/** Look-alikes: Latin letters that read as Cyrillic ones and back («о»/«o», «а»/«a», «5»/«S»). */
export const LOOKALIKES = [
  "н/а",
  "h/a",
  "н/a",
  "отс",
  "oтс",
  "отc",
  "Н/А",
  "нa",
  "З",
  "3",
  "О",
  "0",
  "б",
  "6",
  "5",
  "S",
  "4",
  "Ч",
  "ВПР",
  "BПР",
  "ОГЭ",
  "OГЭ",
  "ЕГЭ",
  "EГЭ",
];

/** Strings that would become formulas, commands or links if written carelessly. */
export const INJECTIONS = [
  '=HYPERLINK("http://evil","x")',
  "+cmd|' /C calc'!A0",
  "@SUM(1)",
  "-2+3",
  "\t=1+1",
  "=1+1",
  "'=1",
  "#REF!",
];

const excelErrorObject: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom(...EXCEL_ERRORS).map((code) => ({ type: "Error", errorType: code }) as Record<string, unknown>),
  fc.constantFrom(...EXCEL_ERRORS).map((code) => ({ error: code }) as Record<string, unknown>),
  fc.constant({ type: "Error", basicType: "Error" } as Record<string, unknown>),
  fc.constant({} as Record<string, unknown>),
  fc.constant({ result: "5" } as Record<string, unknown>),
  fc.constant({ text: { text: { text: "4" } } } as Record<string, unknown>),
);

const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: -5, max: 10 }),
  fc.constantFrom(
    NaN,
    Infinity,
    -Infinity,
    -0,
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER,
    2 ** 53 + 1,
    5e-324,
    3.0000000001,
    4.5,
    1e21,
  ),
  fc.double(),
);

const numberText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "5",
    "4,0",
    "3.0",
    " 4 ",
    "1\u00a0000",
    "12,5 %",
    "−3",
    "+4",
    "1e3",
    "1e400",
    "1 234 567",
    "4,5,6",
    ",",
    ".",
    "%",
    "-",
    "1'000",
    "٣",
    "５",
  ),
  hostileNumber.map((n) => String(n)),
  hostileNumber.map((n) => String(n).replace(".", ",")),
);

/** A long string (10⁵ characters) — cheap to build, expensive for quadratic code. */
export const LONG_TEXT = "ш".repeat(100_000);

export const hostileCell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom<CellValue>(null, undefined, "", " ", "\u00a0") },
  { weight: 4, arbitrary: hostileNumber },
  { weight: 3, arbitrary: numberText },
  { weight: 2, arbitrary: fc.constantFrom(...EXCEL_ERRORS) },
  { weight: 2, arbitrary: excelErrorObject },
  { weight: 2, arbitrary: fc.constantFrom(...LOOKALIKES) },
  { weight: 1, arbitrary: fc.constantFrom(...INJECTIONS) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom(LONG_TEXT, "__proto__", "constructor", "toString", "hasOwnProperty") },
);

/** A rectangular grid (Excel ranges are rectangular). */
export function grid(
  cell: fc.Arbitrary<CellValue> = hostileCell,
  maxRows = 12,
  maxCols = 8,
): fc.Arbitrary<CellValue[][]> {
  return fc
    .tuple(fc.integer({ min: 1, max: maxRows }), fc.integer({ min: 1, max: maxCols }))
    .chain(([r, c]) => fc.array(fc.array(cell, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }));
}

/** A ragged grid (what readers of files may produce). */
export function raggedGrid(
  cell: fc.Arbitrary<CellValue> = hostileCell,
  maxRows = 14,
  maxCols = 12,
): fc.Arbitrary<CellValue[][]> {
  return fc.array(fc.array(cell, { maxLength: maxCols }), { maxLength: maxRows });
}

/**
 * The row visitor of the sheet reader (visitSheetBytes, issue 23): a regional protocol's rows go
 * from the sheet's XML to the importer without a grid. It must hand over exactly the rows of
 * readSheetBytes's grid that hold a value, with the same limits, budget and messages, and refuse
 * (RowOrderError) a sheet whose rows come out of order. The usual cell and row tags are read by
 * a short path of their own (plainCellEnd, plainRowEnd); every other shape by the general steps:
 * both are checked here against values known in advance.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CellValue } from "../../../src/core/values";
import { BookBudget } from "../../../src/xlsx/read/budget";
import { readSheetXml } from "../../../src/xlsx/read/parts";
import { readSheetBytes, RowOrderError, visitSheetBytes } from "../../../src/xlsx/read/sheet-xml";
import { runs } from "../hostile/arbitraries";

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const utf8 = new TextEncoder();
const sheet = (data: string, tail = "") =>
  utf8.encode(`<worksheet ${NS}><sheetData>${data}</sheetData>${tail}</worksheet>`);

/** Every visit as [row, copy of its cells up to the last value]. */
function visited(b: Uint8Array, strings: string[], maxCells?: number, budget?: BookBudget) {
  const rows: [number, CellValue[]][] = [];
  const size = visitSheetBytes(
    b,
    "Протокол",
    "p.xlsx",
    strings,
    (r, cells) => {
      const copy = [...cells];
      while (copy.length && (copy[copy.length - 1] === null || copy[copy.length - 1] === undefined)) copy.pop();
      rows.push([r, copy]);
    },
    maxCells,
    budget,
  );
  return { rows, size };
}

/** The grid's rows that hold a value, trimmed like `visited`. */
function gridRows(values: CellValue[][]): [number, CellValue[]][] {
  const out: [number, CellValue[]][] = [];
  values.forEach((row, r) => {
    const copy = [...row];
    while (copy.length && copy[copy.length - 1] === null) copy.pop();
    if (copy.length) out.push([r, copy]);
  });
  return out;
}

const STRINGS = ["Школа", "скрыто слиянием", "Код"];

// Row 1: shared strings (one hidden by the merge A1:B1, one with a style before its type) and a
// number; row 2 absent; row 3: an inline string, a cell without "r", a formula without its value
// (in the used range, never handed over), a boolean; row 4 without "r", a prefixed cell, single
// quotes, a typed text with an entity; row 5: a formula with its value, an empty cell, an empty
// <v>, an index past the shared strings, a negative and a decimal number after spaces.
const NASTY = sheet(
  `<row r="1" spans="1:4" x14ac:dyDescent="0.25"><c r="A1" t="s"><v>0</v></c><c r="B1" s="2" t="s"><v>1</v></c><c r="D1" s="1"><v>42</v></c></row>` +
    `<row r="3"><c r="A3" t="inlineStr"><is><t>инлайн</t></is></c><c t="n"><v>-2.5</v></c><c r="C3"><f>A1+1</f></c><c r="D3" t="b"><v>1</v></c></row>` +
    `<row><x:c r="A4"><x:v>7</x:v></x:c><c r='B4' t='s'><v>2</v></c><c r="C4" t="str"><v>a &amp; b</v></c></row>` +
    `<row r="5"><c r="A5"><f>1+1</f><v>2</v></c><c r="B5"/><c r="C5"><v></v></c><c r="D5" t="s"><v>99</v></c><c  r="E5"><v>-3</v></c><c r="F5" cm="1"><v>0.25</v></c></row>`,
  `<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>`,
);

describe("visitSheetBytes", () => {
  it("hands over the rows with values, as the grid has them", () => {
    const { rows, size } = visited(NASTY, STRINGS);
    expect(rows).toEqual([
      [0, ["Школа", null, null, 42]],
      [2, ["инлайн", -2.5, null, true]],
      [3, [7, "Код", "a & b"]],
      [4, [2, null, null, null, -3, 0.25]],
    ]);
    expect(size).toEqual({ rows: 5, cols: 6, merges: ["A1:B1"] });
    const grid = readSheetBytes(NASTY, "Протокол", "p.xlsx", STRINGS);
    expect(grid.values.length).toBe(5);
    expect(grid.values[1]).toEqual([null, null, null, null, null, null]);
    expect(gridRows(grid.values)).toEqual(rows);
  });

  it("gathers one row written in two consecutive pieces, and refuses rows out of order", () => {
    const twice = sheet(`<row r="1"><c r="A1"><v>1</v></c></row><row r="1"><c r="B1"><v>2</v></c></row>`);
    expect(visited(twice, []).rows).toEqual([[0, [1, 2]]]);
    const backwards = sheet(`<row r="2"><c r="A2"><v>1</v></c></row><row r="1"><c r="A1"><v>2</v></c></row>`);
    const seen: number[] = [];
    expect(() => visitSheetBytes(backwards, "Л", "f.xlsx", [], (r) => seen.push(r))).toThrow(RowOrderError);
    expect(seen).toEqual([]);
    // The grid reader takes such a sheet as it is.
    expect(
      readSheetXml(
        `<worksheet><sheetData><row r="2"><c r="A2"><v>1</v></c></row><row r="1"><c r="A1"><v>2</v></c></row></sheetData></worksheet>`,
        "Л",
        "f.xlsx",
        [],
      ).values,
    ).toEqual([[2], [1]]);
    const split = sheet(
      `<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row><row r="1"><c r="B1"><v>3</v></c></row>`,
    );
    const before: number[] = [];
    expect(() => visitSheetBytes(split, "Л", "f.xlsx", [], (r) => before.push(r))).toThrow(
      "Строки листа «Л» файла «f.xlsx» записаны не по порядку.",
    );
    expect(before).toEqual([0]);
  });

  it("reads the first rows of a sheet with 17 merged areas of a million cells without marking the cells below them", () => {
    // The hostile corpus's «17-million-merged»: a protocol's head (30 rows, no book budget yet) used
    // to mark all 17 million covered cells in a Set — beyond V8's largest Set, and ≈ 0,5 GB before that.
    const areas = Array.from(
      { length: 17 },
      (_, k) => `<mergeCell ref="${k === 0 ? "B1" : `A${k * 1000 + 1}`}:ALL${k * 1000 + 1000}"/>`,
    );
    const b = sheet(
      `<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><v>3</v></c></row><row r="2"><c r="A2"><v>4</v></c></row>`,
      `<mergeCells count="17">${areas.join("")}</mergeCells>`,
    );
    const head = readSheetBytes(b, "Протокол", "p.xlsx", [], undefined, 30);
    // B1 starts the first area and keeps its value; C1 is covered by it (so the used range ends at B).
    expect(head.values).toEqual([
      [1, 2],
      [4, null],
    ]);
    expect(head.merges.length).toBe(17);
  });

  it("refuses a sheet over the cell limit with the grid reader's message and charges the same budget", () => {
    const rows = Array.from(
      { length: 30 },
      (_, r) => `<row r="${r + 1}"><c r="A${r + 1}"><v>${r}</v></c><c r="D${r + 1}"><v>1</v></c></row>`,
    ).join("");
    const b = sheet(rows);
    const message =
      "Лист «Протокол» файла «p.xlsx» слишком велик: 30 строк × 4 столбца, допускается не больше 100 ячеек.";
    expect(() => readSheetBytes(b, "Протокол", "p.xlsx", [], 100)).toThrow(message);
    expect(() => visited(b, [], 100)).toThrow(message);
    const a = new BookBudget("p.xlsx");
    const v = new BookBudget("p.xlsx");
    readSheetBytes(b, "Протокол", "p.xlsx", [], undefined, undefined, a);
    expect(visited(b, [], undefined, v).rows.length).toBe(30);
    expect(v.cells).toBe(120);
    expect(v).toEqual(a);
  });

  it("stops the grid at maxRows on the short row path too", () => {
    const b = sheet(
      `<row r="1" spans="1:1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row><row r="3"><c r="A3"><v>3</v></c></row>`,
    );
    expect(readSheetBytes(b, "Л", "f.xlsx", [], undefined, 2).values).toEqual([[1], [2]]);
  });

  /** A cell written in one of the shapes writers use (short path) or others (general steps). */
  type Shape = "plain" | "styled" | "typed" | "prefixed" | "quotes" | "spaces" | "noRef" | "wide" | "late";
  const shapes: Shape[] = ["plain", "styled", "typed", "prefixed", "quotes", "spaces", "noRef", "wide", "late"];
  const colName = (c: number) =>
    (c < 26 ? "" : String.fromCharCode(64 + Math.floor(c / 26))) + String.fromCharCode(65 + (c % 26));

  function cellXml(shape: Shape, ref: string, v: { shared: boolean; text: string }): string {
    const t = v.shared ? ' t="s"' : "";
    switch (shape) {
      case "plain":
        return `<c r="${ref}"${t}><v>${v.text}</v></c>`;
      case "styled":
        return `<c r="${ref}" s="3"${t}><v>${v.text}</v></c>`;
      case "typed":
        return `<c r="${ref}" t="${v.shared ? "s" : "n"}" s="5"><v>${v.text}</v></c>`;
      case "prefixed":
        return `<x:c r="${ref}"${t}><x:v>${v.text}</x:v></x:c>`;
      case "quotes":
        return `<c r='${ref}'${t.replace(/"/g, "'")}><v>${v.text}</v></c>`;
      case "spaces":
        return `<c  r="${ref}"${t} ><v>${v.text}</v></c>`;
      case "noRef":
        return `<c${t}><v>${v.text}</v></c>`;
      case "wide":
        return `<c r="${ref}" cm="1"${t}><v>${v.text}</v></c>`;
      case "late":
        return `<c s="1" r="${ref}"${t}><v>${v.text}</v></c>`;
    }
  }

  const value = fc.oneof(
    fc.record({ kind: fc.constant("shared" as const), i: fc.integer({ min: 0, max: 3 }) }),
    fc.record({
      kind: fc.constant("number" as const),
      n: fc.oneof(fc.integer({ min: -1000, max: 999_999_999 }), fc.constantFrom(0, 0.5, 1e15, 123456789012345680)),
    }),
  );
  const row = fc.record({
    gap: fc.integer({ min: 1, max: 2 }),
    rowShape: fc.constantFrom(
      '<row r="N">',
      '<row r="N" spans="1:9" x14ac:dyDescent="0.25">',
      "<row spans='1:2' r='N'>",
      '<x:row r="N">',
      "<row>",
    ),
    cells: fc.array(fc.tuple(fc.constantFrom(...shapes), value), { minLength: 1, maxLength: 8 }),
  });

  it("reads every shape of cell and row to the value written, in both readers", () => {
    const strings = ["ноль", "один", "", "три"];
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 6 }), (spec) => {
        let xml = "";
        let r = 0;
        const expected: CellValue[][] = [];
        for (const { gap, rowShape, cells } of spec) {
          // A row without "r" is the one after the last: no gap then.
          r += rowShape === "<row>" ? 1 : gap;
          const open = rowShape.replace("N", String(r));
          const close = open.startsWith("<x:") ? "</x:row>" : "</row>";
          const line: CellValue[] = [];
          let body = "";
          cells.forEach(([shape, v], c) => {
            const text = v.kind === "shared" ? String(v.i) : String(v.n);
            body += cellXml(shape, `${colName(c)}${r}`, { shared: v.kind === "shared", text });
            const want = v.kind === "shared" ? strings[v.i] : v.n;
            line[c] = want === "" ? null : want;
          });
          xml += open + body + close;
          expected[r - 1] = line;
        }
        const b = utf8.encode(
          `<worksheet ${NS} xmlns:x="${NS.slice(7, -1)}"><sheetData>${xml}</sheetData></worksheet>`,
        );
        const want: [number, CellValue[]][] = [];
        expected.forEach((line, i) => {
          const copy = Array.from(line, (v) => v ?? null);
          while (copy.length && copy[copy.length - 1] === null) copy.pop();
          if (copy.length) want.push([i, copy]);
        });
        expect(gridRows(readSheetBytes(b, "Л", "f.xlsx", strings).values)).toEqual(want);
        expect(visited(b, strings).rows).toEqual(want);
      }),
      runs(200),
    );
  });
});

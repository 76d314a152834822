import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readXlsxBuffer } from "../../../src/xlsx/exceljs";
import { readWorkbookSheets } from "../../../src/xlsx/read/sheets";
import { readSheetXml, sharedStrings } from "../../../src/xlsx/read/parts";
import { keepFirstRows } from "../../../src/xlsx/read/sheet-xml";

const FORMS = join(__dirname, "../../fixtures/forms");

async function fullRead(buf: Uint8Array, name: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(buf) as unknown as ExcelJS.Buffer);
  return readWorkbookSheets(wb, name, { formulas: false });
}

describe("values-only reader (formulas: false) gives what the exceljs full load gives", () => {
  it("on every fixture form", async () => {
    const files = readdirSync(FORMS)
      .filter((f) => f.endsWith(".xlsx"))
      .slice(0, 6);
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const buf = readFileSync(join(FORMS, f));
      expect(await readXlsxBuffer(buf, f, { formulas: false }), f).toEqual(await fullRead(buf, f));
    }
  });

  it("on every kind of cell: text, numbers, booleans, dates, formulas, rich text, errors, links, merges, hidden sheets", async () => {
    const wb = new ExcelJS.Workbook();
    const a = wb.addWorksheet("Данные & «итоги»");
    a.getCell("A1").value = "Логин <ОО>";
    a.getCell("B1").value = 42.5;
    a.getCell("C1").value = true;
    a.getCell("D1").value = new Date(Date.UTC(2026, 4, 15));
    a.getCell("E1").value = { formula: "B1*2", result: 85 } as ExcelJS.CellFormulaValue;
    a.getCell("F1").value = { formula: '"a"&"b"', result: "ab" } as ExcelJS.CellFormulaValue;
    a.getCell("A2").value = { richText: [{ text: "жир", font: { bold: true } }, { text: "ный" }] };
    a.getCell("B2").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
    a.getCell("C2").value = { text: "ссылка", hyperlink: "https://example.org" };
    a.getCell("A4").value = "Заголовок";
    a.mergeCells("A4:C5");
    a.getCell("E6").value = "";
    // A formula never calculated: no cached value, but part of the used range.
    a.getCell("B7").value = { formula: "1+1" } as ExcelJS.CellFormulaValue;
    const b = wb.addWorksheet("Скрытый", { state: "hidden" });
    b.getCell("B3").value = 7;
    wb.addWorksheet("Пустой");
    const buf = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const fast = await readXlsxBuffer(buf, "все.xlsx", { formulas: false });
    expect(fast).toEqual(await fullRead(buf, "все.xlsx"));
    expect(fast[0]).toEqual({
      name: "Данные & «итоги»",
      values: [
        ["Логин <ОО>", 42.5, true, 46157, 85, "ab"],
        ["жирный", "#N/A", "ссылка", null, null, null],
        [null, null, null, null, null, null],
        ["Заголовок", null, null, null, null, null],
        [null, null, null, null, null, null],
        [null, null, null, null, null, null],
        [null, null, null, null, null, null],
      ],
      merges: ["A4:C5"],
    });
    expect(fast[1]).toEqual({
      name: "Скрытый",
      values: [
        [null, null],
        [null, null],
        [null, 7],
      ],
      merges: [],
    });
    expect(fast[2]).toEqual({ name: "Пустой", values: [], merges: [] });
  });

  it("reads sheet XML of other writers: prefixes, cells without r, inline strings, entities, ISO dates", () => {
    const xml =
      '<x:worksheet xmlns:x="urn"><x:sheetData><x:row r="2"><x:c t="inlineStr"><x:is><x:t>A&amp;B</x:t></x:is></x:c><x:c><x:v>1.5E2</x:v></x:c>' +
      '<x:c t="d"><x:v>2026-05-15T00:00:00Z</x:v></x:c></x:row><x:row><x:c r="B3" t="s"><x:v>1</x:v></x:c><x:c r="C3" t="str"><x:v>&#1040;&#x42;</x:v></x:c></x:row></x:sheetData>' +
      '<x:mergeCells><x:mergeCell ref="b3:c3"/></x:mergeCells></x:worksheet>';
    const strings = sharedStrings(
      '<sst><si><t>ноль</t></si><si><r><t>од</t></r><r><t xml:space="preserve">ин</t></r><rPh><t>x</t></rPh></si></sst>',
    );
    expect(strings).toEqual(["ноль", "один"]);
    expect(readSheetXml(xml, "Лист", "f.xlsx", strings)).toEqual({
      name: "Лист",
      values: [
        [null, null, null],
        ["A&B", 150, 46157],
        [null, "один", null],
      ],
      merges: ["B3:C3"],
    });
  });

  it("reads cells byte by byte as the full reader would: formulas with and without results, quotes, signs, text in UTF-8", () => {
    const xml =
      "<worksheet><sheetData>" +
      "<row r='1'><c r='A1'><v>-12</v></c><c r='B1'><v>3.25</v></c><c r='C1' t='str'><f>A1&amp;\"ы\"</f><v>-12ы</v></c><c r='D1' t='b'><v>1</v></c></row>" +
      // A formula exceljs wrote without a cached result belongs to the used range but has no value.
      '<row r="2"><c r="A2" s="3"/><c r="E2"><f>SUM(A1:B1)</f></c></row>' +
      '<row r="3"><c r="A3" t="s"><v>7</v></c><c r="B3" t="s"><v>0</v></c><c r="C3" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="D3"><v></v></c></row>' +
      // Cells are only cells: <col>, <cols> and <cell> are not <c>.
      '<row r="4"><col r="A4"><v>9</v></col><c r="B4" t="inlineStr"><is><r><t>При</t></r><r><t>вет</t></r></is></c></row>' +
      "</sheetData><mergeCells><mergeCell ref='A3:A4'/></mergeCells></worksheet>";
    expect(readSheetXml(xml, "Лист", "f.xlsx", ["ноль"])).toEqual({
      name: "Лист",
      values: [
        [-12, 3.25, "-12ы", true, null],
        [null, null, null, null, null],
        [null, "ноль", "#DIV/0!", null, null],
        [null, "Привет", null, null, null],
      ],
      merges: ["A3:A4"],
    });
  });

  it("gives the same rectangle whether rows start at full width (dense) or grow cell by cell (sparse)", () => {
    const row = (r: number, cells: string) => `<row r="${r}">${cells}</row>`;
    const xml =
      "<worksheet><sheetData>" +
      row(1, '<c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><v>3</v></c>') +
      // Full rows: the next one starts 3 wide; this one is wider and out of order (C before A).
      row(2, '<c r="C2"><v>6</v></c><c r="A2"><v>4</v></c><c r="D2"><v>7</v></c>') +
      row(3, '<c r="B3" t="s"><v>0</v></c>') +
      // After a row one quarter full the next starts empty and is padded at the end.
      row(4, '<c r="A4"><v>8</v></c><c r="F4"><v>9</v></c>') +
      row(5, '<c r="E5"><v>10</v></c>') +
      "</sheetData></worksheet>";
    expect(readSheetXml(xml, "Лист", "f.xlsx", ["ы"]).values).toEqual([
      [1, 2, 3, null, null, null],
      [4, null, 6, 7, null, null],
      [null, "ы", null, null, null, null],
      [8, null, null, null, null, 9],
      [null, null, null, null, 10, null],
    ]);
  });

  it("skips a cell that never closes without searching the rest of the sheet again for each such cell", () => {
    const open = '<c r="A1"><v>1</v>'.repeat(20_000);
    const xml = `<worksheet><sheetData><row r="1"><c r="B1"><v>5</v></c>${open}</row></sheetData></worksheet>`;
    const read = readSheetXml(xml, "Лист", "f.xlsx", []);
    expect(read.values).toEqual([[null, 5]]);
  });

  it("finds sheetData with a prefix and an empty sheetData", () => {
    expect(readSheetXml("<x:worksheet><x:sheetData/></x:worksheet>", "Л", "f.xlsx", [])).toEqual({
      name: "Л",
      values: [],
      merges: [],
    });
    const xml =
      '<x:worksheet><x:sheetData><x:row><x:c><x:v>4</x:v></x:c></x:row></x:sheetData><x:mergeCells><x:mergeCell ref="A1:B1"/></x:mergeCells></x:worksheet>';
    expect(readSheetXml(xml, "Л", "f.xlsx", [])).toEqual({ name: "Л", values: [[4]], merges: ["A1:B1"] });
  });

  it("reads or keeps only the first rows when asked (rows numbered or not)", () => {
    const xml =
      '<worksheet><sheetData><row r="1"><c><v>1</v></c></row><row><c><v>2</v></c></row><row r="3"><c><v>3</v></c></row><row r="9"><c><v>9</v></c></row></sheetData><mergeCells><mergeCell ref="A1:B1"/></mergeCells></worksheet>';
    expect(readSheetXml(xml, "Л", "f.xlsx", [], undefined, 2).values).toEqual([[1], [2]]);
    const kept = new TextDecoder().decode(keepFirstRows(new TextEncoder().encode(xml), 2));
    expect(kept).toBe(
      '<worksheet><sheetData><row r="1"><c><v>1</v></c></row><row><c><v>2</v></c></row></sheetData><mergeCells><mergeCell ref="A1:B1"/></mergeCells></worksheet>',
    );
    // Nothing to cut: the same bytes.
    const short = new TextEncoder().encode('<x:worksheet><x:sheetData><x:row r="1"/></x:sheetData></x:worksheet>');
    expect(keepFirstRows(short, 2)).toBe(short);
  });

  it("refuses a sheet over the cell limit with the sheet, file and size named", () => {
    const xml =
      '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="300"><c r="Z300"><v>2</v></c></row></sheetData></worksheet>';
    expect(() => readSheetXml(xml, "Лист1", "школа.xlsx", [], 1000)).toThrow(
      "Лист «Лист1» файла «школа.xlsx» слишком велик: 300 строк × 26 столбцов, допускается не больше 1000 ячеек.",
    );
  });
});

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { XlsxWorkbook, readXlsxBuffer, readXlsxFile } from "../../../src/xlsx/exceljs";
import type { Grid, WriteOp } from "../../../src/host/port";
import { portContract } from "./contract";

async function fromGrids(grids: Record<string, Grid>): Promise<XlsxWorkbook> {
  const wb = XlsxWorkbook.create();
  const ops: WriteOp[] = [];
  for (const [name, grid] of Object.entries(grids)) {
    ops.push({ op: "addSheet", name });
    if (grid.length) ops.push({ op: "values", sheet: name, address: "A1", values: grid });
  }
  await wb.write({ ops });
  return wb;
}

portContract("XlsxWorkbook (exceljs)", fromGrids);

const tmp = mkdtempSync(join(tmpdir(), "msoko-xlsx-"));

/** A minimal zip of stored/deflated parts, to craft hostile files. */
function zip(parts: { name: string; data: Buffer; deflate?: boolean }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const body = p.deflate ? deflateRawSync(p.data) : p.data;
    const name = Buffer.from(p.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(p.deflate ? 8 : 0, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(p.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(p.deflate ? 8 : 0, 10);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(p.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

describe("readXlsxFile", () => {
  it("reads values by the documented conventions", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Результаты");
    ws.getCell("A1").value = "Код";
    ws.getCell("B1").value = new Date(Date.UTC(2026, 4, 15));
    ws.getCell("C1").value = { richText: [{ text: "Школа " }, { text: "№1", font: { bold: true } }] };
    ws.getCell("D1").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
    ws.getCell("A2").value = 4;
    ws.getCell("B2").value = 5;
    ws.getCell("C2").value = { formula: "A2+B2", result: 9 };
    ws.getCell("D2").value = { text: "ссылка", hyperlink: "https://example.org" };
    ws.getCell("A3").value = true;
    ws.getCell("B3").value = "=1+1";
    ws.mergeCells("A5:C5");
    ws.getCell("A5").value = "Объединено";
    wb.addWorksheet("Скрытый", { state: "hidden" }).getCell("A1").value = 1;
    const path = join(tmp, "conventions.xlsx");
    await wb.xlsx.writeFile(path);
    const sheets = await readXlsxFile(path);
    expect(sheets.map((s) => s.name)).toEqual(["Результаты", "Скрытый"]);
    const [r] = sheets;
    expect(r.values).toEqual([
      ["Код", 46157, "Школа №1", "#N/A"],
      [4, 5, 9, "ссылка"],
      [true, "=1+1", null, null],
      [null, null, null, null],
      ["Объединено", null, null, null],
    ]);
    expect(r.formulas![1]).toEqual([4, 5, "=A2+B2", "ссылка"]);
    expect(r.formulas![2][1]).toBe("=1+1");
    expect(r.merges).toEqual(["A5:C5"]);
    const only = await readXlsxFile(path, { sheets: ["Скрытый"], formulas: false });
    expect(only).toEqual([{ name: "Скрытый", values: [[1]], merges: [] }]);
  });

  it("refuses files over the limit, non-zip files and old .xls with a message naming the file", async () => {
    const big = join(tmp, "большой.xlsx");
    writeFileSync(big, Buffer.alloc(2048, 1));
    await expect(readXlsxFile(big, { maxBytes: 1024 })).rejects.toThrow(
      /Файл «большой\.xlsx» слишком велик: .* не больше/,
    );
    const text = join(tmp, "отчёт.xlsx");
    writeFileSync(text, "Школа;Доля\n1;2\n");
    await expect(readXlsxFile(text)).rejects.toThrow(
      /«отчёт\.xlsx» не является книгой Excel .xlsx \(это не zip-архив\)/,
    );
    const xls = join(tmp, "старый.xlsx");
    writeFileSync(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    await expect(readXlsxFile(xls)).rejects.toThrow(/«старый\.xlsx» — книга старого формата Excel 97–2003/);
    await expect(readXlsxFile(join(tmp, "нет.xlsx"))).rejects.toThrow(/не найден/);
  });

  it("refuses a zip bomb before unpacking it", async () => {
    const bomb = zip([{ name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(8 * 1024 * 1024, 0x20), deflate: true }]);
    expect(bomb.length).toBeLessThan(100_000);
    await expect(readXlsxBuffer(bomb, "бомба.xlsx")).rejects.toThrow(/«бомба\.xlsx».*zip-бомб/);
  });

  it("refuses XML parts that declare entities", async () => {
    const xml = Buffer.from('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]><Types/>');
    await expect(
      readXlsxBuffer(zip([{ name: "[Content_Types].xml", data: xml, deflate: true }]), "сущности.xlsx"),
    ).rejects.toThrow(/DTD\/ENTITY/);
    await expect(readXlsxBuffer(zip([{ name: "[Content_Types].xml", data: xml }]), "сущности.xlsx")).rejects.toThrow(
      /DTD\/ENTITY/,
    );
  });

  it("refuses a sheet larger than maxCells", async () => {
    const wb = await fromGrids({
      Л: [
        [1, 2, 3],
        [4, 5, 6],
      ],
    });
    await expect(readXlsxBuffer(await wb.toBuffer(), "книга.xlsx", { maxCells: 5 })).rejects.toThrow(
      /Лист «Л» файла «книга\.xlsx» слишком велик: 2 строки × 3 столбца, допускается не больше 5 ячеек/,
    );
    await expect(readXlsxBuffer(await wb.toBuffer(), "книга.xlsx", { maxSheets: 0 })).rejects.toThrow(
      /содержит 1 лист, допускается не больше 0/,
    );
  });
});

describe("XlsxWorkbook writes files that exceljs (and Excel) read back", () => {
  it("keeps every op in the saved file", async () => {
    const wb = XlsxWorkbook.create();
    const { notices } = await wb.write({
      ops: [
        { op: "addSheet", name: "Данные" },
        { op: "addSheet", name: "Свод по ОО", position: 0, tabColor: "#1F4E79" },
        {
          op: "values",
          sheet: "Свод по ОО",
          address: "A1",
          values: [
            ["Школа", "Доля"],
            ["=cmd|'/c calc'!A1", 12.5],
            ["@SUM(1)", 40],
          ],
        },
        { op: "formulas", sheet: "Свод по ОО", address: "B4", formulas: [["=SUM(B2:B3)"]] },
        {
          op: "format",
          sheet: "Свод по ОО",
          address: "A1:B1",
          format: {
            bold: true,
            fill: "#DDEBF7",
            fontColor: "#1F3864",
            fontSize: 12,
            wrap: true,
            hAlign: "center",
            vAlign: "center",
            borders: true,
          },
        },
        { op: "format", sheet: "Свод по ОО", address: "B2:B4", format: { numberFormat: '0.0" %"', locked: false } },
        { op: "merge", sheet: "Свод по ОО", address: "A6:B6" },
        { op: "columnWidths", sheet: "Свод по ОО", from: "A", widths: [30, 12] },
        { op: "rowHeight", sheet: "Свод по ОО", row: 1, height: 30 },
        { op: "freeze", sheet: "Свод по ОО", rows: 1, columns: 1 },
        { op: "table", sheet: "Свод по ОО", address: "A1:B3", name: "СводОО", style: "TableStyleMedium2" },
        {
          op: "validationList",
          sheet: "Данные",
          address: "A2:A50",
          list: ["да", "нет"],
          prompt: "Выберите",
          error: "Только да или нет",
        },
        { op: "validationNumber", sheet: "Данные", address: "B2:B50", kind: "whole", min: 0, max: 100 },
        {
          op: "conditionalFormat",
          sheet: "Свод по ОО",
          address: "B2:B3",
          rule: { kind: "cellValue", operator: "lessThan", formula1: "=20", fill: "#FFC7CE" },
        },
        { op: "conditionalFormat", sheet: "Данные", address: "B2:B50", rule: { kind: "colorScale" } },
        { op: "chart", sheet: "Свод по ОО", type: "columnClustered", source: "A1:B3", title: "Доли", anchor: "D2" },
        { op: "print", sheet: "Свод по ОО", landscape: true, fitToWidth: true, titleRows: "1:1", area: "A1:B6" },
        { op: "protect", sheet: "Данные", allowFormatting: true },
        { op: "sheetVisibility", name: "Данные", visibility: "hidden" },
      ],
    });
    // Charts are written too (src/cli/xlsx/chart-parts.ts): nothing is skipped.
    expect(notices).toEqual([]);
    await wb.select("Свод по ОО", "B2");
    const path = join(tmp, "все-действия.xlsx");
    await wb.save(path);
    expect(await wb.fileName()).toBe("все-действия.xlsx");

    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(path);
    expect(back.worksheets.map((w) => [w.name, w.state])).toEqual([
      ["Свод по ОО", "visible"],
      ["Данные", "hidden"],
    ]);
    const s = back.getWorksheet("Свод по ОО")!;
    expect(s.getCell("A2").value).toBe("=cmd|'/c calc'!A1");
    expect(s.getCell("A3").value).toBe("@SUM(1)");
    expect(s.getCell("B4").value).toMatchObject({ formula: "SUM(B2:B3)" });
    expect(s.getCell("A1").font).toMatchObject({ bold: true, size: 12, color: { argb: "FF1F3864" } });
    expect(s.getCell("A1").fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } });
    expect(s.getCell("A1").alignment).toMatchObject({ wrapText: true, horizontal: "center", vertical: "middle" });
    expect(s.getCell("B1").border.top).toMatchObject({ style: "thin" });
    expect(s.getCell("B2").numFmt).toBe('0.0" %"');
    expect(s.getCell("B2").protection).toMatchObject({ locked: false });
    expect(s.getColumn(1).width).toBe(30);
    expect(s.getRow(1).height).toBe(30);
    expect(s.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 1, activeCell: "B2" });
    expect(s.getTables().length).toBe(1);
    expect(s.pageSetup).toMatchObject({
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printArea: "A1:B6",
      printTitlesRow: "1:1",
    });
    expect(s.properties.tabColor).toMatchObject({ argb: "FF1F4E79" });
    const cf = (
      s as unknown as {
        conditionalFormattings: { ref: string; rules: { type: string; operator: string; formulae: string[] }[] }[];
      }
    ).conditionalFormattings;
    expect(cf[0]).toMatchObject({ ref: "B2:B3", rules: [{ type: "cellIs", operator: "lessThan", formulae: ["20"] }] });
    const d = back.getWorksheet("Данные")!;
    expect(d.getCell("A10").dataValidation).toMatchObject({
      type: "list",
      formulae: ['"да,нет"'],
      prompt: "Выберите",
      error: "Только да или нет",
    });
    expect(d.getCell("B2").dataValidation).toMatchObject({ type: "whole", operator: "between", formulae: [0, 100] });
    expect((d as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection).toMatchObject({
      sheet: true,
      formatCells: true,
      formatRows: true,
    });
    // And through our own reader: text stays text, the merge and the formula are there.
    const [read] = await readXlsxFile(path, { sheets: ["Свод по ОО"] });
    expect(read.values.slice(0, 3)).toEqual([
      ["Школа", "Доля"],
      ["=cmd|'/c calc'!A1", 12.5],
      ["@SUM(1)", 40],
    ]);
    expect(read.formulas![3][1]).toBe("=SUM(B2:B3)");
    expect(read.merges).toEqual(["A6:B6"]);
  });
});

describe("XlsxWorkbook formats ranges with shared style objects", () => {
  it("gives cells formatted alike one style object, and a later format on part of them a new one", async () => {
    const wb = XlsxWorkbook.create();
    await wb.write({
      ops: [
        { op: "addSheet", name: "Лист" },
        {
          op: "values",
          sheet: "Лист",
          address: "A1",
          values: [
            [1, 2, 3],
            [4, 5, 6],
          ],
        },
        { op: "format", sheet: "Лист", address: "A1:C2", format: { bold: true, numberFormat: "0.0" } },
        { op: "format", sheet: "Лист", address: "A1", format: { fill: "#FFC7CE" } },
      ],
    });
    const s = wb.workbook.getWorksheet("Лист")!;
    const styles = ["A1", "B1", "C1", "A2", "B2", "C2"].map((a) => s.getCell(a).style);
    expect(new Set(styles.slice(1)).size).toBe(1);
    expect(styles[0]).not.toBe(styles[1]);
    expect(styles[1]).toEqual({ numFmt: "0.0", font: { name: "Calibri", family: 2, bold: true } });
    expect(styles[0]).toEqual({
      numFmt: "0.0",
      font: { name: "Calibri", family: 2, bold: true },
      fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" } },
    });
    // The same formatting again reuses the same object.
    await wb.write({
      ops: [{ op: "format", sheet: "Лист", address: "D1", format: { bold: true, numberFormat: "0.0" } }],
    });
    expect(s.getCell("D1").style).toBe(styles[1]);
  });

  it("changes a style of the user's own book in place, keeping what the format does not touch", async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet("Свой");
    ws.getCell("A1").value = "x";
    ws.getCell("A1").font = { italic: true, name: "Arial" };
    ws.getCell("A1").border = { top: { style: "double" } };
    const path = join(tmp, "свой-стиль.xlsx");
    await book.xlsx.writeFile(path);
    const wb = await XlsxWorkbook.load(path);
    await wb.write({ ops: [{ op: "format", sheet: "Свой", address: "A1:B1", format: { bold: true } }] });
    const s = wb.workbook.getWorksheet("Свой")!;
    expect(s.getCell("A1").font).toMatchObject({ italic: true, bold: true, name: "Arial" });
    expect(s.getCell("A1").border.top).toMatchObject({ style: "double" });
    expect(s.getCell("B1").font).toEqual({ name: "Calibri", family: 2, bold: true });
  });

  it("formats one cell of a loaded book without changing other cells that had the same style", async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet("Свой");
    for (const a of ["A1", "A2", "B5"]) {
      ws.getCell(a).value = a;
      ws.getCell(a).font = { italic: true };
    }
    const path = join(tmp, "общий-стиль.xlsx");
    await book.xlsx.writeFile(path);
    const wb = await XlsxWorkbook.load(path);
    const s = wb.workbook.getWorksheet("Свой")!;
    // exceljs gives cells of one style in the file one object.
    expect(s.getCell("A1").style).toBe(s.getCell("A2").style);
    await wb.write({ ops: [{ op: "format", sheet: "Свой", address: "A1", format: { bold: true } }] });
    expect(s.getCell("A1").font).toEqual({ italic: true, bold: true });
    expect(s.getCell("A2").font).toEqual({ italic: true });
    // A whole-column format reaches every cell of the column, and only those.
    await wb.write({ ops: [{ op: "format", sheet: "Свой", address: "A:A", format: { fontColor: "#FF0000" } }] });
    expect(s.getCell("A2").font).toMatchObject({ italic: true, color: { argb: "FFFF0000" } });
    expect(s.getCell("B5").font).toEqual({ italic: true });
  });
});

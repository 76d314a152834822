/**
 * The pane never writes a summary into a school's form (issue #21 item 4): from a form it opens a
 * new book — the preview writes the summary there and the form keeps its sheets and values; Excel
 * (ExcelApi 1.8) opens an empty book in its own window and nothing is written; an older Excel gets
 * a Russian sentence saying what to do. Other books (a methodist's book with forms copied in)
 * still get the summary themselves.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { MemoryWorkbook } from "../../../src/host/memory";
import { createOfficePort } from "../../../src/host/officejs";
import { formGroups, readFormGroups } from "../../../src/summary/sources";
import { summarizeInto } from "../../../src/summary/run";
import { summaryTarget } from "../../../src/taskpane/summary/target";
import { detectRole } from "../../../src/taskpane/workbook/role";
import { readXlsxBuffer } from "../../../src/xlsx/exceljs";
import { FakeExcel } from "../host/fakeExcel";

const FORM = join(__dirname, "../../fixtures/forms/valid.xlsx");

async function schoolForm(): Promise<MemoryWorkbook> {
  const sheets = await readXlsxBuffer(readFileSync(FORM), "valid.xlsx");
  return MemoryWorkbook.fromGrids(Object.fromEntries(sheets.map((s) => [s.name, s.values])));
}

let uninstall: (() => void) | null = null;
afterEach(() => {
  uninstall?.();
  uninstall = null;
});

describe("where the pane writes the summary", () => {
  it("from a school's form: into a new book; the form keeps its sheets and values", async () => {
    const form = await schoolForm();
    const names = (await form.listSheets()).map((s) => s.name);
    expect(detectRole(names)).toBe("school");
    const before = JSON.stringify(await form.readSheets(names));

    const target = await summaryTarget(form, detectRole(names));
    expect(target.kind).toBe("new");
    if (target.kind !== "new") return;
    expect(form.opened).toEqual([target.port]);
    const forms = await readFormGroups(form, formGroups(names));
    const result = await summarizeInto(target.port, { forms, evaluationDate: "2026-12-31" });

    expect((await form.listSheets()).map((s) => s.name)).toEqual(names);
    expect(JSON.stringify(await form.readSheets(names))).toBe(before);
    const made = (await target.port.listSheets()).map((s) => s.name);
    expect(made).toContain("Свод по ОО");
    expect(made).toContain("Справка");
    expect(made[0]).toBe("Лист1");
    expect(result.consolidation.schools.length).toBe(1);
  }, 60_000);

  it("a methodist's book (forms copied in, no own form) gets the summary itself", async () => {
    const book = MemoryWorkbook.fromGrids({ "Паспорт ОО (sch2)": [["x"]], Лист1: [] });
    const target = await summaryTarget(book, detectRole(["Паспорт ОО (sch2)", "Лист1"]));
    expect(target).toEqual({ kind: "here", port: book });
    expect(book.opened).toEqual([]);
  });

  it("Excel with ExcelApi 1.8: Excel.createWorkbook opens an empty book; nothing is written anywhere", async () => {
    const fake = new FakeExcel(MemoryWorkbook.fromGrids({ "Паспорт ОО": [["Логин ОО", "sch1"]] }), "1.14");
    uninstall = fake.install();
    const port = createOfficePort();
    expect(await summaryTarget(port, "school")).toEqual({ kind: "window" });
    expect(fake.log.created).toEqual([""]);
    expect((await fake.wb.listSheets()).map((s) => s.name)).toEqual(["Паспорт ОО"]);
  });

  it("Excel 2016 (ExcelApi 1.2): a Russian sentence, no book, no write", async () => {
    const fake = new FakeExcel(MemoryWorkbook.fromGrids({ "Паспорт ОО": [["Логин ОО", "sch1"]] }), "1.2");
    uninstall = fake.install();
    await expect(summaryTarget(createOfficePort(), "school")).rejects.toThrow(
      "Эта версия Excel не умеет создавать книгу из надстройки (нужен ExcelApi 1.8): создайте новую книгу сами (Файл → Создать) и откройте в ней надстройку.",
    );
    expect(fake.log.created).toEqual([]);
    expect((await fake.wb.listSheets()).map((s) => s.name)).toEqual(["Паспорт ОО"]);
  });
});

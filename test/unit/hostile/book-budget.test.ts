/**
 * Issue 22, item 1: limits that hold for the whole book. The hostile2 corpus files of kind
 * "book-budget" are refused in Russian, naming the file, on both reading paths (values-only and
 * exceljs, which books in the 1904 date system and `import-fisoko --into` take), before anything
 * of their size is allocated; a real form still reads. Also the budget's arithmetic by hand.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { areaCells, BookBudget, defaultBookLimits } from "../../../src/xlsx/read/budget";
import { loadXlsxBuffer, readXlsxBuffer, XlsxWorkbook } from "../../../src/xlsx/exceljs";
import { fillForm } from "../../../src/form";
import { baseReport } from "../../fixtures/forms/base";
import { book, CORPUS, HOSTILE2_DIR, num, row } from "../../fixtures/hostile2/generate";

describe("the hostile2 corpus is what the generator builds", () => {
  for (const f of CORPUS) {
    it(f.file, () => {
      expect(readFileSync(join(HOSTILE2_DIR, f.file)).equals(f.build())).toBe(true);
    });
  }
});

describe("whole-book budgets refuse the corpus on every reading path", () => {
  for (const f of CORPUS.filter((x) => x.kind === "book-budget")) {
    const buf = readFileSync(join(HOSTILE2_DIR, f.file));
    it(`${f.file}: values-only reader`, async () => {
      await expect(readXlsxBuffer(buf, f.file, { formulas: false })).rejects.toThrow(f.refusal);
      await expect(readXlsxBuffer(buf, f.file, { formulas: false })).rejects.toThrow(`«${f.file}»`);
    });
    it(`${f.file}: exceljs (formulas, loadXlsxBuffer)`, async () => {
      await expect(readXlsxBuffer(buf, f.file)).rejects.toThrow(f.refusal);
      await expect(loadXlsxBuffer(buf, f.file)).rejects.toThrow(f.refusal);
    });
  }

  it("200 sheets of A1:XFD305: refused at the 3rd sheet, 3 × 305 × 16 384 = 14\u00a0991\u00a0360 cells", async () => {
    const buf = readFileSync(join(HOSTILE2_DIR, "200-sheets-claimed-1904.xlsx"));
    await expect(loadXlsxBuffer(buf, "b.xlsx")).rejects.toThrow(
      "вместе с листом «Л3» его листы занимают 14\u00a0991\u00a0360 ячеек",
    );
  });

  it("17 merges of a million cells: no «Set maximum size exceeded», the total is named", async () => {
    const buf = readFileSync(join(HOSTILE2_DIR, "17-million-merged-1904.xlsx"));
    const err = await loadXlsxBuffer(buf, "m.xlsx").catch((e: Error) => e);
    expect(String(err)).toContain(
      "охватывают 17\u00a0000\u00a0000 ячеек, допускается не больше 1\u00a0000\u00a0000 ячеек на книгу",
    );
    expect(String(err)).not.toContain("Set maximum");
  });

  it("a dimension that claims less than the cells hold does not hide them (used range counted)", async () => {
    const sheets = Array.from({ length: 3 }, (_, i) => ({
      name: `S${i}`,
      head: `<dimension ref="A1"/>`,
      body: row(1, num("A1", 1)) + row(305, num("XFD305", 2)),
    }));
    await expect(readXlsxBuffer(book({ sheets }), "d.xlsx", { formulas: false })).rejects.toThrow(
      "14\u00a0991\u00a0360 ячеек",
    );
    await expect(readXlsxBuffer(book({ sheets }), "d.xlsx")).rejects.toThrow("14\u00a0991\u00a0360 ячеек");
  });

  it("two sheets of A1:XFD305 (9 994 240 cells) are still within the budget", async () => {
    const sheets = Array.from({ length: 2 }, (_, i) => ({
      name: `S${i}`,
      head: `<dimension ref="A1:XFD305"/>`,
      body: row(1, num("A1", 1)),
    }));
    const read = await readXlsxBuffer(book({ sheets }), "ok.xlsx", { formulas: false });
    expect(read.map((s) => s.values)).toEqual([[[1]], [[1]]]);
  });

  it("a real school form reads on both paths", async () => {
    const wb = XlsxWorkbook.create("f.xlsx");
    await wb.write({ ops: fillForm(baseReport()) });
    const buf = await wb.toBuffer();
    expect((await readXlsxBuffer(buf, "f.xlsx", { formulas: false })).length).toBeGreaterThan(1);
    expect((await readXlsxBuffer(buf, "f.xlsx")).length).toBeGreaterThan(1);
  });
});

describe("BookBudget arithmetic", () => {
  it("areaCells by hand", () => {
    expect(areaCells("A1")).toBe(1);
    expect(areaCells("A1:XFD305")).toBe(305 * 16_384);
    expect(areaCells("$B$2:$C$3")).toBe(4);
    expect(areaCells("C3:A1")).toBe(9);
    expect(areaCells("A1:XFD1048576")).toBe(16_384 * 1_048_576);
    expect(areaCells("не ссылка")).toBe(0);
  });

  it("limits are inclusive: equal passes, one more is refused", () => {
    const b = new BookBudget("x.xlsx", {
      ...defaultBookLimits(),
      maxBookCells: 10,
      maxMergedCells: 4,
      maxStringBytes: 100,
      maxInflatedBytes: 1000,
    });
    b.addSheet("A", 6);
    b.addSheet("B", 4);
    expect(() => b.addSheet("C", 1)).toThrow(
      "Файл «x.xlsx» слишком велик: вместе с листом «C» его листы занимают 11 ячеек",
    );
    b.addMerges("A", 4);
    expect(() => b.addMerges("B", 1)).toThrow("охватывают 5 ячеек, допускается не больше 4 ячеек на книгу");
    b.addStrings("xl/sharedStrings.xml", 100);
    expect(() => b.addStrings("xl/sharedStrings.xml", 1)).toThrow("«xl/sharedStrings.xml»");
    b.addInflated("p", 1000);
    expect(() => b.addInflated("q", 1)).toThrow("zip-бомбу");
  });
});

/**
 * Issue 22: a summary re-saved by openpyxl (test/fixtures/resaved/generate.py: absolute
 * relationship targets, a drawing in the default namespace, inline strings, no shared strings,
 * worksheet parts named page1.xml…) is rebuilt: its generated sheet is replaced, the user's sheet
 * and the settings are kept. It used to fail with «Cannot read properties of undefined (reading
 * 'anchors')», or — with other part names — lose every sheet exceljs did not recognise.
 */
import { copyFileSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { memoryIo } from "../../../src/cli/io";
import { main } from "../../../src/cli/main";
import { findGeneratedSheets, writeGeneratedSheets } from "../../../src/host/generated";
import { checkXlsxPackage, defaultLimits, loadForRebuild, XlsxWorkbook } from "../../../src/xlsx/exceljs";
import { normalizeForExceljs } from "../../../src/xlsx/exceljs/normalize";
import { editParts } from "../../../src/xlsx/exceljs/repack";
import { drawingSheetsOfFile, loadXlsxBuffer } from "../../../src/xlsx/exceljs/read";
import { zipEntries } from "../../../src/xlsx/read/zip";

const FIXTURES = join(__dirname, "../../fixtures/resaved");
const dir = mkdtempSync(join(tmpdir(), "msoko-resaved-"));
const VARIANTS = ["openpyxl-summary.xlsx", "openpyxl-summary-inline.xlsx"];

function copy(file: string): string {
  const path = join(dir, `${Math.random().toString(36).slice(2)}-${file}`);
  copyFileSync(join(FIXTURES, file), path);
  return path;
}

const names = (buf: Uint8Array) => zipEntries(buf, "x", defaultLimits()).map((e) => e.name);

describe("a summary re-saved by openpyxl", () => {
  it("the package is reshaped for exceljs: the default-namespace drawing and its sheet reference go, sheets get exceljs's names", () => {
    const plain = readFileSync(join(FIXTURES, VARIANTS[0]));
    const fixed = normalizeForExceljs(plain, checkXlsxPackage(plain, "a", defaultLimits()), "a");
    expect(names(fixed)).not.toContain("xl/drawings/drawing1.xml");
    expect(names(fixed)).not.toContain("xl/drawings/_rels/drawing1.xml.rels");
    expect(names(fixed)).toContain("xl/charts/chart1.xml");
    const inline = readFileSync(join(FIXTURES, VARIANTS[1]));
    const renamed = names(normalizeForExceljs(inline, checkXlsxPackage(inline, "b", defaultLimits()), "b"));
    expect(renamed.filter((n) => n.startsWith("xl/worksheets/"))).toEqual([
      "xl/worksheets/sheet1.xml",
      "xl/worksheets/sheet2.xml",
      "xl/worksheets/sheet3.xml",
      "xl/worksheets/_rels/sheet1.xml.rels",
    ]);
  });

  it("a book Excel (or this add-in) wrote is passed to exceljs byte for byte", async () => {
    const wb = XlsxWorkbook.create("свой.xlsx");
    await wb.write({
      ops: [
        { op: "addSheet", name: "Лист1" },
        { op: "values", sheet: "Лист1", address: "A1", values: [[1]] },
      ],
    });
    const buf = await wb.toBuffer();
    expect(normalizeForExceljs(buf, checkXlsxPackage(buf, "c", defaultLimits()), "c")).toBe(buf);
  });

  for (const file of VARIANTS) {
    it(`${file}: loaded for a rebuild with every sheet, the generated one recognised, the user's sheet whole`, async () => {
      const path = copy(file);
      // The CLI sees the drawing on the generated sheet (it is rebuilt, so nothing of the user's is lost).
      expect(await drawingSheetsOfFile(path)).toEqual(["Свод по ОО"]);
      const book = await loadForRebuild(path);
      expect((await book.listSheets()).map((s) => s.name)).toEqual(["Свод по ОО", "Мои заметки", "Настройки МСОКО"]);
      expect([...(await findGeneratedSheets(book)).values()].map((g) => g.name)).toEqual(["Свод по ОО"]);
      expect((await book.readSheets(["Мои заметки"]))[0].values).toEqual([
        ["Заметки методиста"],
        ["Проверить СОШ № 2 в мае"],
      ]);
    });

    it(`${file}: the rebuild replaces the generated sheet and keeps the user's sheet and the settings`, async () => {
      const path = copy(file);
      const book = await loadForRebuild(path);
      await writeGeneratedSheets(
        book,
        [
          {
            name: "Свод по ОО",
            kind: "summary.schools",
            batch: (s) => [
              {
                op: "values",
                sheet: s,
                address: "A3",
                values: [
                  ["Логин ОО", "ОО"],
                  ["sch420103", "СОШ № 3"],
                ],
              },
            ],
          },
        ],
        { profileVersion: "test" },
      );
      await book.save(path);
      const back = await XlsxWorkbook.load(path);
      const values = async (name: string) => (await back.readSheets([name]))[0].values;
      expect((await values("Свод по ОО")).slice(2)).toEqual([
        ["Логин ОО", "ОО"],
        ["sch420103", "СОШ № 3"],
      ]);
      expect(await values("Мои заметки")).toEqual([["Заметки методиста"], ["Проверить СОШ № 2 в мае"]]);
      expect((await values("Настройки МСОКО"))[2]).toEqual([
        "generated|Свод по ОО",
        "summary.schools",
        expect.any(String),
      ]);
    });
  }

  it("msoko summarize --out on the re-saved summary: rebuilt, the user's sheet kept, no English", async () => {
    for (const file of VARIANTS) {
      const out = copy(file);
      const io = memoryIo();
      const code = await main(["summarize", join(__dirname, "../../fixtures/forms/valid.xlsx"), "--out", out], io);
      const all = [...io.stdout, ...io.stderr].join("\n");
      expect(code, all).toBe(0);
      expect(all).toContain("Свод построен");
      expect(all).not.toMatch(/Cannot|undefined|anchors/);
      const back = await XlsxWorkbook.load(out);
      const names = (await back.listSheets()).map((s) => s.name);
      expect(names).toContain("Мои заметки");
      expect(names).toContain("Свод по ОО");
      expect((await back.readSheets(["Мои заметки"]))[0].values).toEqual([
        ["Заметки методиста"],
        ["Проверить СОШ № 2 в мае"],
      ]);
    }
  }, 60_000);

  it("a sheet exceljs still cannot see is refused in Russian, naming the file and the sheet, never dropped", async () => {
    // The workbook's relationships point the second sheet at a part exceljs does not load and the normaliser leaves alone (a missing part).
    const plain = readFileSync(join(FIXTURES, VARIANTS[0]));
    const broken = editParts(plain, new Map([["xl/worksheets/sheet2.xml", null]]));
    await expect(loadXlsxBuffer(broken, "свод.xlsx")).rejects.toThrow(
      "Файл «свод.xlsx» записан не так, как его пишет Excel: лист «Мои заметки» не удалось прочитать, и файл не будет изменён. Откройте его в Excel и пересохраните как «Книга Excel (.xlsx)».",
    );
  });
});

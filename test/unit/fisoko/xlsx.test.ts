/**
 * The committed .xlsx fixtures (written by test/fixtures/fisoko/generate-xlsx.ts with exceljs)
 * read through the CLI's adapter give exactly the model their grids give: merged cells, numbers
 * stored as text and Cyrillic file names survive the trip through a real file.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readXlsxFile } from "../../../src/xlsx/exceljs";
import { importFisoko } from "../../../src/fisoko";
import { fixtureFiles, XLSX_DIR } from "../../fixtures/fisoko/generate-xlsx";

describe("xlsx fixtures", () => {
  const files = fixtureFiles();
  it.each(Object.keys(files))("%s parses like its grids", async (name) => {
    const fromFile = importFisoko([{ name, sheets: await readXlsxFile(join(XLSX_DIR, name), { formulas: false }) }]);
    const fromGrids = importFisoko([{ name, sheets: files[name] }]);
    expect(fromFile).toEqual(fromGrids);
  });

  it("the truncated export is refused with the cells named", async () => {
    const name = "оборванная-выгрузка.xlsx";
    const res = importFisoko([{ name, sheets: await readXlsxFile(join(XLSX_DIR, name), { formulas: false }) }]);
    expect(res.ok).toBe(false);
    expect(res.results).toEqual([]);
    expect(res.findings.map((f) => f.cell)).toEqual(["E12", "F12", "G12"]);
  });
});

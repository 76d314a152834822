/**
 * Print-ready summary (issue #21): the layout arithmetic by hand, then the demo summary written
 * through the CLI's xlsx port, its page setup read back, and — where LibreOffice is installed (CI
 * installs it) — converted to PDF to check that no page is shrunk below the legible scale.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_PROFILE } from "../../../src/core/profile";
import { buildSummary, type Summary } from "../../../src/summary/model/build";
import { consolidate } from "../../../src/summary/model/consolidate";
import { generateMunicipality } from "../../../src/sample";
import { writeSummary } from "../../../src/summary/write";
import { XlsxWorkbook } from "../../../src/xlsx/exceljs";
import {
  columnPoints,
  columnsOnFirstPage,
  headerWidth,
  MIN_PRINT_SCALE,
  pagePlan,
  PRINTABLE_WIDTH_PT,
} from "../../../src/summary/write/print-layout";
import { rowHeightFor, wrappedLines } from "../../../src/host/text-lines";
import { tableWidths } from "../../../src/summary/write/table-ops";

describe("print layout arithmetic", () => {
  it("converts widths like Excel: 10 characters of Calibri 11 are 75 px = 56,25 pt", () => {
    expect(columnPoints(10)).toBe(56.25);
    expect(PRINTABLE_WIDTH_PT).toBeCloseTo(741.2, 5);
  });

  it("wraps at spaces within the width less one character (bold headers: 90 % of it)", () => {
    // width 12 → capacity 12 − 1 = 11 characters a line
    expect(wrappedLines("", 12)).toBe(1);
    expect(wrappedLines("доля «2»", 12)).toBe(1); // 8 characters
    expect(wrappedLines("ВПР: участников", 12)).toBe(2); // «ВПР:» | «участников»
    expect(wrappedLines("участников", 12)).toBe(1); // 10 characters
    expect(wrappedLines("информативная", 12)).toBe(2); // a 13-letter word is broken over two lines
    expect(wrappedLines("а б\nв", 12)).toBe(2); // a line break starts a line
    // bold, width 12 → capacity floor(10,8) − 1 = 9: «ВПР:» | «участнико» | «в»
    expect(wrappedLines("ВПР: участников", 12, true)).toBe(3);
    expect(wrappedLines("участников", 12, true)).toBe(2);
  });

  it("widens a column so the longest header word fits in bold", () => {
    // «необъективности» is 15 letters: ceil(15 × 1,15) + 2 = 18 + 2 = 20
    expect(headerWidth({ id: "x", header: "Признаков необъективности", kind: "integer" }, 10)).toBe(20);
    expect(headerWidth({ id: "x", header: "ОО", kind: "text" }, 30)).toBe(30);
  });

  it("fits to the page width only while the scale stays at or above 80 %", () => {
    expect(pagePlan(700)).toEqual({ scale: 100, fitsWidth: true });
    expect(pagePlan(741.2 / 0.8)).toEqual({ scale: 80, fitsWidth: true });
    expect(pagePlan(741.2 / 0.79)).toEqual({ scale: MIN_PRINT_SCALE, fitsWidth: false });
    expect(pagePlan(3000)).toEqual({ scale: 80, fitsWidth: false });
  });

  it("row heights: 15 pt a line plus 3 pt, at most Excel's 409 pt", () => {
    expect(rowHeightFor(1)).toBe(18);
    expect(rowHeightFor(3)).toBe(48);
    expect(rowHeightFor(100)).toBe(409);
  });

  it("the first printed page at 80 % holds 926,5 pt of columns", () => {
    // 80 characters = 423,75 pt: two fit (847,5), a third does not
    expect(columnsOnFirstPage([80, 80, 80])).toBe(2);
    expect(columnsOnFirstPage([300])).toBe(1);
  });
});

describe("the demo summary prints legibly", () => {
  let summary: Summary;
  let dir: string;
  let path: string;
  let book: ExcelJS.Workbook;

  beforeAll(async () => {
    const { municipality } = generateMunicipality({ seed: 2026, schools: 8 });
    const c = consolidate(
      municipality.schools.map((r) => ({ file: `${r.passport.login}.xlsx`, report: r, findings: [] })),
    );
    summary = buildSummary({
      municipality: { ...municipality, schools: c.schools },
      files: c.files,
      profile: DEFAULT_PROFILE,
      evaluationDate: "2026-12-31",
      runAt: "2026-11-22T10:00:00",
    });
    dir = mkdtempSync(join(tmpdir(), "msoko-print-"));
    path = join(dir, "свод.xlsx");
    const wb = XlsxWorkbook.create("свод.xlsx");
    await writeSummary(wb, summary, { now: new Date("2026-11-22T10:00:00") });
    await wb.save(path);
    book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
  }, 120_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("every summary sheet is A4 landscape at ≥ 80 %: fitted only when the fitted scale is ≥ 80 %", () => {
    for (const sheet of summary.sheets) {
      const w = book.getWorksheet(sheet.name)!;
      const setup = w.pageSetup;
      expect(setup.paperSize, sheet.name).toBe(9);
      expect(setup.orientation, sheet.name).toBe("landscape");
      if (setup.fitToPage) {
        expect(setup.fitToWidth, sheet.name).toBe(1);
        let widthPt = 0;
        for (let c = 1; c <= w.columnCount; c++) widthPt += columnPoints(w.getColumn(c).width ?? 8.43);
        // charts add their own width: the sheet-ops plan accounts for them; tables alone must fit at 80 %
        // (a sheet printing an excerpt is checked on the excerpt's columns below)
        if (!sheet.charts?.length && sheet.printTable === undefined)
          expect((PRINTABLE_WIDTH_PT / widthPt) * 100, sheet.name).toBeGreaterThanOrEqual(80);
      } else {
        expect(setup.scale, sheet.name).toBeGreaterThanOrEqual(80);
      }
    }
  });

  it("header rows repeat only on one-table sheets without charts; the chart sheet breaks pages between charts", async () => {
    const charts = summary.sheets.find((s) => s.id === "charts")!;
    const w = book.getWorksheet(charts.name)!;
    expect(w.pageSetup.printTitlesRow).toBeUndefined();
    // exceljs does not read page breaks back: count them in the sheet parts.
    const { default: JSZip } = await import("jszip");
    const files = await JSZip.loadAsync(readFileSync(path));
    const sheets = await Promise.all(
      Object.keys(files.files)
        .filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))
        .map((n) => files.file(n)!.async("string")),
    );
    const withBreaks = sheets.filter((x) => x.includes("<rowBreaks"));
    expect(withBreaks.length).toBe(1);
    expect(withBreaks[0].match(/<brk /g)!.length).toBe(charts.tables.length - 1);
    const byschool = book.getWorksheet("Свод по ОО")!;
    expect(byschool.pageSetup.printTitlesRow).toBe("5:5");
    const objectivity = summary.sheets.find((s) => s.id === "objectivity")!;
    expect(objectivity.tables.length).toBeGreaterThan(1);
    expect(book.getWorksheet(objectivity.name)!.pageSetup.printTitlesRow).toBeUndefined();
  });

  it("every long-text column is wrapped, and its rows are tall enough for the lines at the printed width", () => {
    for (const sheet of summary.sheets) {
      const w = book.getWorksheet(sheet.name)!;
      // The first table's position is known exactly: header at row 5, data from row 6.
      const top = 1;
      for (const table of sheet.tables.slice(0, 1)) {
        const widths = tableWidths(table);
        table.columns.forEach((c, i) => {
          if (c.kind !== "text" || !table.rows.length) return;
          const long =
            widths[i] >= 20 ||
            table.rows.some((r) => typeof r[c.id] === "string" && (r[c.id] as string).length > widths[i] - 1);
          if (!long) return;
          table.rows.forEach((r, k) => {
            const cell = w.getRow(top + 5 + k).getCell(i + 1);
            expect(cell.alignment?.wrapText, `${sheet.name}!${cell.address}`).toBe(true);
            const text = r[c.id];
            if (typeof text === "string" && text) {
              // Stacked tables share the sheet's columns, narrowed to fit the page (sheet-ops.ts): the
              // lines are those of the column as written.
              const printed = w.getColumn(i + 1).width ?? widths[i];
              const height = w.getRow(top + 5 + k).height ?? 15;
              expect(height, `${sheet.name}!${cell.address}`).toBeGreaterThanOrEqual(
                rowHeightFor(wrappedLines(text, printed)) - 3,
              );
            }
          });
        });
      }
    }
  });

  it("«Свод по ОО» ends with the municipality's total row under the schools", () => {
    const table = summary.sheets.find((s) => s.id === "byschool")!.tables[0];
    const w = book.getWorksheet("Свод по ОО")!;
    const row = w.getRow(5 + table.rows.length + 1);
    expect(row.getCell(2).value).toBe("Муниципалитет, итого");
    expect(row.getCell(2).font?.bold).toBe(true);
    const sumN = table.rows.reduce((a, r) => a + ((r.vprN as number | null) ?? 0), 0);
    expect(row.getCell(6).value).toBe(sumN);
  });

  it("the long data sheets print only their excerpt: latest year, municipality and clusters, one page wide", () => {
    for (const id of ["results", "ege"]) {
      const sheet = summary.sheets.find((s) => s.id === id)!;
      const data = sheet.tables[0];
      const excerpt = sheet.tables[sheet.printTable!];
      expect(sheet.printTable, id).toBe(1);
      const year = Math.max(...data.rows.map((r) => r.year as number));
      expect(excerpt.title, id).toContain(String(year));
      const expected = data.rows.filter((r) => r.year === year && r.level !== "ОО").length;
      expect(excerpt.rows.length, id).toBe(expected);
      expect(excerpt.rows.length, id).toBeGreaterThan(0);
      expect(
        excerpt.columns.some((c) => c.formula),
        id,
      ).toBe(false);
      // The excerpt sits two rows under the data table (and its total) and alone is the print area.
      const top = 5 + Math.max(data.rows.length, 1) + (data.total ? 1 : 0) + 1 + 2;
      const w = book.getWorksheet(sheet.name)!;
      expect(w.getRow(top).getCell(1).value, id).toBe(excerpt.title);
      const lastCol = String.fromCharCode(64 + excerpt.columns.length);
      expect(w.pageSetup.printArea, id).toBe(`A${top}:${lastCol}${top + 4 + excerpt.rows.length}`);
      expect(w.pageSetup.printTitlesRow, id).toBe(`${top + 4}:${top + 4}`);
      // With the data table's wider columns above it, the excerpt still fits one page width at ≥ 80 %.
      let widthPt = 0;
      for (let c = 1; c <= excerpt.columns.length; c++) widthPt += columnPoints(w.getColumn(c).width ?? 8.43);
      expect((PRINTABLE_WIDTH_PT / widthPt) * 100, id).toBeGreaterThanOrEqual(MIN_PRINT_SCALE);
    }
  });

  it("counts from 10 000 print with a thousands separator, years and smaller counts whole", () => {
    const w = book.getWorksheet("Свод по ОО")!;
    const table = summary.sheets.find((s) => s.id === "byschool")!.tables[0];
    expect(w.getRow(5 + table.rows.length + 1).getCell(6).numFmt).toBe("[<10000]0;#,##0");
    expect(book.getWorksheet("Результаты")!.getRow(6).getCell(1).numFmt).toBe("[<10000]0;#,##0");
  });

  it("the risk pie is red, amber, green for высокий, средний, низкий; chart texts in a named font", async () => {
    const zip = readFileSync(path);
    const { default: JSZip } = await import("jszip");
    const files = await JSZip.loadAsync(zip);
    const parts = Object.keys(files.files).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
    const xml = await Promise.all(parts.map((p) => files.file(p)!.async("string")));
    const pie = xml.find((x) => x.includes("<c:pieChart>"))!;
    expect(
      [
        ...pie.matchAll(
          /<c:dPt><c:idx val="(\d)"\/><c:bubble3D val="0"\/><c:spPr><a:solidFill><a:srgbClr val="([0-9A-F]{6})"/g,
        ),
      ].map((m) => [m[1], m[2]]),
    ).toEqual([
      ["0", "C00000"],
      ["1", "FFC000"],
      ["2", "70AD47"],
    ]);
    for (const x of xml) expect(x).toContain('<a:latin typeface="Calibri"/>');
  });

  it("LibreOffice prints it with no text below the 80 % scale", () => {
    const soffice = spawnSync("soffice", ["--version"], { encoding: "utf8" });
    if (soffice.status !== 0) {
      console.warn("LibreOffice (soffice) не установлен: проверка PDF пропущена; в CI он установлен.");
      return;
    }
    const conv = spawnSync("soffice", ["--headless", "--convert-to", "pdf", "--outdir", dir, path], {
      encoding: "utf8",
      timeout: 300_000,
    });
    expect(conv.status, conv.stderr).toBe(0);
    const pdf = join(dir, "свод.pdf");
    // The long data sheets print their excerpts (municipality and clusters of the latest year; «ФГ и
    // ОВЗ» two excerpts, 2 pages instead of 93), and a sheet whose stacked tables are wider than the
    // page at 80 % gets its sentence columns narrowed until it fits («Методика» 19 pages instead of
    // 43): the 8-school demo book is 128 A4 pages (255 before), the 25-school one 260 (509 before;
    // 856 before the first excerpts, «Результаты» alone 453, now 7). Most pages now: «Управленческий
    // цикл» (8 ОО: 41, 25 ОО: 101; its 11-column matrix cannot fit one page width at 80 %),
    // «Направления 3–8» (17, 44), «Методика» (19), «Объективность» (17, 20).
    const info = spawnSync("pdfinfo", [pdf], { encoding: "utf8" });
    if (info.status === 0) {
      const pages = Number(/Pages:\s+(\d+)/.exec(info.stdout)![1]);
      expect(pages).toBeGreaterThanOrEqual(40);
      expect(pages).toBeLessThanOrEqual(160);
    }
    const bbox = spawnSync("pdftotext", ["-bbox", pdf, "-"], { encoding: "utf8", maxBuffer: 1 << 28 });
    if (bbox.status !== 0) {
      console.warn("pdftotext (poppler) не установлен: размер текста в PDF не проверен.");
      return;
    }
    const heights = [
      ...bbox.stdout.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">/g),
    ].map((m) => Number(m[2]) - Number(m[1]));
    expect(heights.length).toBeGreaterThan(1000);
    // A word's box is about 1,16 × the font size (DejaVu Sans, LibreOffice's stand-in for Calibri):
    // the 9-pt notes at 80 % give 7,2 pt letters in an ≈ 8,4 pt box; body text at 80 % ≈ 10,2 pt.
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(8);
  }, 400_000);
});

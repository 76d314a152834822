/**
 * The streaming writer (src/xlsx/stream, issue 23) gives the same summary as the exceljs port:
 * the demo municipality's summary is written through both, both files are read back with exceljs,
 * and every sheet is compared — names, order, visibility, values, formulas, number formats,
 * fonts, fills, alignment, borders, merges, widths, heights, tables, conditional formats, page
 * setup, print titles and areas, page breaks — and the chart parts are compared as XML.
 */
import JSZip from "jszip";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_PROFILE } from "../../../src/core/profile";
import { buildSummary, type Summary } from "../../../src/summary/model/build";
import { consolidate } from "../../../src/summary/model/consolidate";
import { generateMunicipality } from "../../../src/sample";
import { fillForm } from "../../../src/form/template";
import { writeSummary } from "../../../src/summary/write";
import { XlsxWorkbook } from "../../../src/xlsx/exceljs";
import { StreamXlsxWorkbook } from "../../../src/xlsx/stream/workbook";
import { readXlsxBuffer } from "../../../src/xlsx/exceljs";

const NOW = new Date("2026-11-22T10:00:00");

let summary: Summary;
let viaExceljs: Buffer;
let viaStream: Buffer;
/** Both files read back once: [exceljs port, streaming writer]. */
let a: ExcelJS.Workbook;
let b: ExcelJS.Workbook;

beforeAll(async () => {
  const { municipality } = generateMunicipality({ seed: 2026, schools: 2 });
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
  const x = XlsxWorkbook.create("свод.xlsx");
  await writeSummary(x, summary, { now: NOW });
  viaExceljs = await x.toBuffer();
  const s = StreamXlsxWorkbook.create("свод.xlsx");
  await writeSummary(s, summary, { now: NOW });
  viaStream = await s.toBuffer();
  [a, b] = [await load(viaExceljs), await load(viaStream)];
}, 60_000);

async function load(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

function cellLook(c: ExcelJS.Cell) {
  const v = c.value as unknown;
  const formula = v && typeof v === "object" && "formula" in v ? (v as { formula: string }).formula : undefined;
  const font = c.font ?? {};
  const fill = c.fill as ExcelJS.FillPattern | undefined;
  const border = c.border ?? {};
  return {
    value: formula === undefined ? (v ?? null) : null,
    formula,
    numFmt: c.numFmt || undefined,
    bold: !!font.bold,
    italic: !!font.italic,
    size: font.size && font.size !== 11 ? font.size : undefined,
    color: font.color?.argb && font.color.argb !== "FF000000" ? font.color.argb : undefined,
    fill: fill?.pattern === "solid" ? fill.fgColor?.argb : undefined,
    wrap: !!c.alignment?.wrapText,
    vertical: c.alignment?.vertical,
    horizontal: c.alignment?.horizontal,
    border: border.top?.style,
  };
}

describe("streaming summary writer", () => {
  it("writes the same sheets in the same order with the same visibility", async () => {
    expect(b.worksheets.map((w) => [w.name, w.state])).toEqual(a.worksheets.map((w) => [w.name, w.state]));
    expect(b.worksheets.length).toBe(summary.sheets.length + 1); // and the hidden settings sheet
  });

  it("every cell has the same value, formula and look", async () => {
    let compared = 0;
    for (const wa of a.worksheets) {
      const wb = b.getWorksheet(wa.name)!;
      expect(wb.rowCount, wa.name).toBe(wa.rowCount);
      for (let r = 1; r <= wa.rowCount; r++) {
        const ra = wa.getRow(r);
        const rb = wb.getRow(r);
        expect(rb.height, `${wa.name} row ${r}`).toBe(ra.height);
        const cols = Math.max(ra.cellCount, rb.cellCount);
        for (let c = 1; c <= cols; c++) {
          const where = `${wa.name}!${ra.getCell(c).address}`;
          expect(cellLook(rb.getCell(c)), where).toEqual(cellLook(ra.getCell(c)));
          compared++;
        }
      }
      // exceljs leaves out a width of 9, its own default (Excel then shows 8,43); the stream writes it.
      for (let c = 1; c <= wa.columnCount; c++)
        expect(wb.getColumn(c).width, `${wa.name} column ${c}`).toBe(
          wa.getColumn(c).width ?? (wb.getColumn(c).width === 9 ? 9 : undefined),
        );
      const merges = (w: ExcelJS.Worksheet) => Object.keys((w as unknown as { _merges: object })._merges).sort();
      expect(merges(wb), wa.name).toEqual(merges(wa));
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it("keeps tables, conditional formats, page setup, print titles and page breaks", async () => {
    for (const wa of a.worksheets) {
      const wb = b.getWorksheet(wa.name)!;
      const tables = (w: ExcelJS.Worksheet) =>
        w.getTables().map((t) => {
          const m = (t as unknown as { table: { name: string; tableRef: string; columns: { name: string }[] } }).table;
          return [m.name, m.tableRef, m.columns.map((c) => c.name)];
        });
      expect(tables(wb), wa.name).toEqual(tables(wa));
      const cf = (w: ExcelJS.Worksheet) =>
        (w as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings.map(
          (x) => [
            x.ref,
            x.rules.map((r) => {
              const rule = r as { type: string; operator?: string; formulae?: string[]; style?: ExcelJS.Style };
              const fill = rule.style?.fill as ExcelJS.FillPattern | undefined;
              return [rule.type, rule.operator, rule.formulae, fill?.bgColor?.argb];
            }),
          ],
        );
      expect(cf(wb), wa.name).toEqual(cf(wa));
      const setup = (w: ExcelJS.Worksheet) => {
        const p = w.pageSetup;
        return {
          paperSize: p.paperSize,
          orientation: p.orientation ?? "portrait",
          fitToPage: !!p.fitToPage,
          fitToWidth: p.fitToPage ? p.fitToWidth : undefined,
          fitToHeight: p.fitToPage ? p.fitToHeight : undefined,
          scale: p.fitToPage ? undefined : (p.scale ?? 100),
          printArea: p.printArea?.replace(/\$/g, ""),
          printTitlesRow: p.printTitlesRow?.replace(/\$/g, ""),
          printTitlesColumn: p.printTitlesColumn?.replace(/\$/g, ""),
        };
      };
      expect(setup(wb), wa.name).toEqual(setup(wa));
      const breaks = (w: ExcelJS.Worksheet) =>
        ((w as unknown as { rowBreaks: { id: number }[] }).rowBreaks ?? []).map((x) => x.id);
      expect(breaks(wb), wa.name).toEqual(breaks(wa));
      expect(wb.views?.[0]?.state ?? "normal", wa.name).toBe(wa.views?.[0]?.state ?? "normal");
    }
  });

  it("draws the same charts (chart XML identical, anchored to the same cells)", async () => {
    const parts = async (buf: Buffer) => {
      const zip = await JSZip.loadAsync(buf);
      const charts = Object.keys(zip.files).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
      charts.sort((x, y) => Number(/\d+/.exec(x)![0]) - Number(/\d+/.exec(y)![0]));
      const anchors = await Promise.all(
        Object.keys(zip.files)
          .filter((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n))
          .map(async (n) =>
            [...(await zip.file(n)!.async("string")).matchAll(/<xdr:from>.*?<\/xdr:to>/g)].map((m) => m[0]),
          ),
      );
      return { charts: await Promise.all(charts.map((n) => zip.file(n)!.async("string"))), anchors: anchors.flat() };
    };
    const [a, b] = [await parts(viaExceljs), await parts(viaStream)];
    expect(a.charts.length).toBeGreaterThan(0);
    expect(b.charts).toEqual(a.charts);
    expect(b.anchors.sort()).toEqual(a.anchors.sort());
  });

  it("is read back by the add-in's own fast reader with the marker in row 2", async () => {
    const sheets = await readXlsxBuffer(new Uint8Array(viaStream), "свод.xlsx", { formulas: false });
    const first = sheets.find((s) => s.name === summary.sheets[0].name)!;
    expect(String(first.values[1][0])).toMatch(/^Создано надстройкой МСОКО для Excel 22\.11\.2026 10:00/);
    expect(sheets.find((s) => s.name === "Настройки МСОКО")).toBeDefined();
  });

  it("refuses to change a sheet once written, in Russian", async () => {
    const w = StreamXlsxWorkbook.create();
    await w.write({
      ops: [
        { op: "addSheet", name: "Лист" },
        { op: "values", sheet: "Лист", address: "A1", values: [[1]] },
      ],
    });
    await expect(w.write({ ops: [{ op: "values", sheet: "Лист", address: "A2", values: [[2]] }] })).rejects.toThrow(
      /Лист «Лист» уже записан в файл/,
    );
    const read = await w.readSheets(["Лист"]);
    expect(read[0].values).toEqual([[1]]);
  });
});

describe("streaming writer on a school form (msoko demo)", () => {
  let fa: ExcelJS.Workbook;
  let fb: ExcelJS.Workbook;
  beforeAll(async () => {
    const { municipality } = generateMunicipality({ seed: 2026, schools: 1 });
    const ops = fillForm(municipality.schools[0]);
    const x = XlsxWorkbook.create("форма.xlsx");
    await x.write({ ops });
    const s = StreamXlsxWorkbook.create("форма.xlsx");
    await s.write({ ops });
    [fa, fb] = [await load(await x.toBuffer()), await load(await s.toBuffer())];
  }, 30_000);

  it("has the same cells, drop-down lists, number checks and sheet protection", () => {
    expect(fb.worksheets.map((w) => [w.name, w.state])).toEqual(fa.worksheets.map((w) => [w.name, w.state]));
    let validated = 0;
    for (const wa of fa.worksheets) {
      const wb = fb.getWorksheet(wa.name)!;
      expect(wb.rowCount, wa.name).toBe(wa.rowCount);
      // The form's rows repeat one pattern: the first 40 of each sheet show every kind of cell.
      for (let r = 1; r <= Math.min(wa.rowCount, 40); r++) {
        const ra = wa.getRow(r);
        const rb = wb.getRow(r);
        for (let c = 1; c <= Math.max(ra.cellCount, rb.cellCount); c++) {
          const where = `${wa.name}!${ra.getCell(c).address}`;
          expect({ ...cellLook(rb.getCell(c)), locked: rb.getCell(c).protection?.locked }, where).toEqual({
            ...cellLook(ra.getCell(c)),
            locked: ra.getCell(c).protection?.locked,
          });
        }
      }
      const dv = (w: ExcelJS.Worksheet) => {
        const model = (w as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } })
          .dataValidations.model;
        return Object.entries(model)
          .map(([ref, v]) => [ref, v.type, v.operator ?? null, v.formulae, v.prompt ?? null, v.error ?? null])
          .sort();
      };
      expect(dv(wb), wa.name).toEqual(dv(wa));
      validated += dv(wa).length;
      const prot = (w: ExcelJS.Worksheet) => {
        const p = (w as unknown as { sheetProtection: Record<string, unknown> | null }).sheetProtection;
        return p ? { sheet: !!p.sheet, formatCells: !!p.formatCells, formatRows: !!p.formatRows } : null;
      };
      expect(prot(wb), wa.name).toEqual(prot(wa));
    }
    expect(validated).toBeGreaterThan(0);
  });
});

/**
 * Formula and CSV injection, end to end: text from school files that starts with "=", "+", "-",
 * "@" or a tab reaches the municipal summary as TEXT — in the memory workbook (the pane) and in
 * an .xlsx written by the CLI and read back with exceljs — no cell gets a formula built from file
 * content, and no hyperlink points anywhere but the summary's own sheets («Содержание»).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { MemoryWorkbook } from "../../../src/host/memory";
import { XlsxWorkbook } from "../../../src/xlsx/exceljs";
import { fillForm, parseForm } from "../../../src/form";
import { summarizeInto } from "../../../src/summary/run";
import type { LoadedForm } from "../../../src/summary/model/consolidate";
import type { SchoolReport } from "../../../src/core/model";
import type { WorkbookPort } from "../../../src/host/port";
import { baseReport } from "../../fixtures/forms/base";

const dir = mkdtempSync(join(tmpdir(), "msoko-inject-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HYPERLINK = '=HYPERLINK("http://evil","x")';
const DDE = "+cmd|' /C calc'!A0";
const AT = "@SUM(1)";
const MINUS = "-919+1";
const TAB = "\t=777+1";
const PAYLOADS = [HYPERLINK, DDE, AT, MINUS, TAB];
/** What identifies a payload inside any cell or formula text. */
const MARKERS = ["evil", "cmd|", "SUM(1)", "919+1", "777+1"];

function hostileReport(i: number): SchoolReport {
  const r = baseReport();
  r.passport.login = `sch42000${i}`;
  r.passport.name = HYPERLINK;
  r.passport.shortName = i === 1 ? DDE : AT;
  r.passport.municipality = MINUS;
  r.results = r.results.map((x) => (x.procedure === "ВПР" && x.className === "А" ? { ...x, className: TAB } : x));
  r.participants = r.participants.map((p, k) => ({ ...p, code: PAYLOADS[k % PAYLOADS.length] }));
  r.cycle = r.cycle.map((c) => ({ ...c, comment: AT, measures: DDE }) as typeof c);
  return r;
}

/** The form as a school would send it: filled into a workbook, then parsed like any other file. */
async function parsedForm(i: number, file: string): Promise<LoadedForm> {
  const wb = new MemoryWorkbook();
  await wb.write({ ops: fillForm(hostileReport(i)) });
  const sheets = await wb.readSheets((await wb.listSheets()).map((s) => s.name));
  const { report, findings } = parseForm(sheets, { file });
  return { file, report, findings };
}

async function forms(): Promise<LoadedForm[]> {
  return [
    await parsedForm(1, `${DDE}.xlsx`),
    await parsedForm(2, "школа2.xlsx"),
    // A report that never went through the form's checks: whatever a future reader lets through,
    // the writer alone must keep it text.
    {
      file: `${AT}.xlsx`,
      report: hostileReport(3),
      findings: [{ severity: "error", rule: "x", sheet: HYPERLINK, cell: "A1", message: HYPERLINK }],
    },
  ];
}

async function summarize(port: WorkbookPort): Promise<void> {
  await summarizeInto(port, {
    forms: await forms(),
    now: new Date(2026, 10, 22, 10, 15),
    evaluationDate: "2026-11-22",
  });
}

describe("formula injection: text from files stays text in the summary", () => {
  it("the forms really carry the payloads into the model (so the test tests something)", async () => {
    const f = await parsedForm(1, "a.xlsx");
    expect(f.report!.passport.name).toBe(HYPERLINK);
    expect(f.report!.passport.shortName).toBe(DDE);
    expect(f.report!.passport.municipality).toBe(MINUS);
    // Participant codes are checked by the form: formula-like codes are refused with the cell named.
    expect(f.report!.participants.map((p) => p.code)).toEqual([]);
    expect(f.findings.filter((x) => x.sheet === "Участники" && x.severity === "error").map((x) => x.cell)).toEqual([
      "F2",
      "F3",
      "F4",
      "F5",
    ]);
  });

  it("memory workbook: payloads are plain text values; formulas never contain them", async () => {
    const wb = new MemoryWorkbook();
    await summarize(wb);
    const snap = wb.snapshot();
    let found = 0;
    for (const sheet of snap.sheets) {
      for (const row of sheet.values) {
        for (const v of row) if (typeof v === "string" && PAYLOADS.some((p) => v.includes(p.trim()))) found++;
      }
      for (const [cell, f] of Object.entries(sheet.formulas)) {
        for (const m of MARKERS) expect(f, `${sheet.name}!${cell}`).not.toContain(m);
        // Only the summary's own links: HYPERLINK("#'Sheet'!A1") built from its sheet names.
        if (/HYPERLINK/i.test(f)) expect(f, `${sheet.name}!${cell}`).toMatch(/HYPERLINK\("#"/);
      }
    }
    expect(found).toBeGreaterThan(0);
  });

  it("xlsx written by the CLI port and read back with exceljs: string cells, no formulas, no external links", async () => {
    const path = join(dir, "свод.xlsx");
    const book = XlsxWorkbook.create(path);
    await summarize(book);
    await book.save(path);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    let textCells = 0;
    wb.eachSheet((ws) => {
      ws.eachRow({ includeEmpty: false }, (row) => {
        row.eachCell({ includeEmpty: false }, (cell) => {
          const where = `${ws.name}!${cell.address}`;
          const v = cell.value;
          if (cell.type === ExcelJS.ValueType.Formula) {
            const f = cell.formula ?? "";
            for (const m of MARKERS) expect(f, where).not.toContain(m);
            if (/HYPERLINK/i.test(f)) expect(f, where).toMatch(/^HYPERLINK\("#"/);
          }
          if (cell.type === ExcelJS.ValueType.Hyperlink) {
            const link = (v as ExcelJS.CellHyperlinkValue).hyperlink;
            expect(link.startsWith("#"), `${where}: ${link}`).toBe(true);
          }
          // A merged area's other cells report its first cell's value (type Merge); that one is checked.
          if (cell.type === ExcelJS.ValueType.Merge) return;
          if (typeof v === "string" && PAYLOADS.some((p) => v.includes(p.trim()))) {
            expect(cell.type, where).toBe(ExcelJS.ValueType.String);
            textCells++;
          }
        });
      });
    });
    expect(textCells).toBeGreaterThan(0);
  });
});

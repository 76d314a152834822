/**
 * Privacy: pupil names found in a school form — an extra «ФИО» column on «Участники», names typed
 * where participant codes belong, a name in a class letter — never reach the municipal summary
 * (every cell of every sheet) or its JSON output. Static checks: the source makes no network
 * requests and the manifest asks for no more than it needs.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { MemoryWorkbook } from "../../../src/host/memory";
import { XlsxWorkbook } from "../../../src/xlsx/exceljs";
import { fillForm } from "../../../src/form";
import { run as summarizeCli } from "../../../src/cli/commands/summarize";
import { memoryIo } from "../../../src/cli/io";
import { readXlsxFile } from "../../../src/xlsx/exceljs";
import { parseForm } from "../../../src/form";
import { summarizeInto } from "../../../src/summary/run";
import { columnLetters } from "../../../src/core/a1";
import { baseReport } from "../../fixtures/forms/base";

const dir = mkdtempSync(join(tmpdir(), "msoko-privacy-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Names a school might type; searched for in every output (also by surname alone). */
const NAMES = ["Иванов Иван Иванович", "Петрова Мария", "Сидоров С.С.", "Kuznetsov Ivan"];
const SURNAMES = ["Иванов", "Петрова", "Сидоров", "Kuznetsov"];

/** A filled form with names in an «ФИО» column and in place of two participant codes. */
async function formWithNames(): Promise<MemoryWorkbook> {
  const r = baseReport();
  r.participants[1] = { ...r.participants[1], code: NAMES[0] };
  r.participants[2] = { ...r.participants[2], code: NAMES[1] };
  const wb = new MemoryWorkbook();
  await wb.write({ ops: fillForm(r) });
  const [sheet] = await wb.readSheets(["Участники"]);
  const col = columnLetters(sheet.values[0].length);
  await wb.write({
    ops: [
      {
        op: "values",
        sheet: "Участники",
        address: `${col}1`,
        values: [["ФИО"], [NAMES[2]], [NAMES[3]], [NAMES[0]], [NAMES[1]]],
      },
    ],
  });
  return wb;
}

function leaks(text: string): string[] {
  return SURNAMES.filter((s) => text.includes(s));
}

describe("privacy: pupil names never reach the summary or its JSON", () => {
  it("summarizeInto: no cell of the summary and no JSON field holds a name", async () => {
    const form = await formWithNames();
    const sheets = await form.readSheets((await form.listSheets()).map((s) => s.name));
    // The form really holds the names (so the test tests something).
    expect(JSON.stringify(sheets)).toContain(NAMES[3]);
    const { report, findings } = parseForm(sheets, { file: "школа.xlsx" });
    expect(JSON.stringify(report)).not.toContain("Иванов");
    const out = new MemoryWorkbook();
    const result = await summarizeInto(out, {
      forms: [{ file: "школа.xlsx", report, findings }],
      now: new Date(2026, 10, 22),
      evaluationDate: "2026-11-22",
    });
    const cells = out.snapshot().sheets.flatMap((s) =>
      s.values
        .flat()
        .filter((v): v is string => typeof v === "string")
        .map((v) => `${s.name}: ${v}`),
    );
    expect(cells.filter((c) => leaks(c).length > 0)).toEqual([]);
    expect(leaks(JSON.stringify(result.summary.json))).toEqual([]);
    expect(leaks(result.notices.join("\n"))).toEqual([]);
  });

  it("msoko summarize --json: the .xlsx and the JSON text carry no names", async () => {
    const form = await formWithNames();
    const xlsxForm = XlsxWorkbook.create(join(dir, "школа.xlsx"));
    // Copy the memory form into a real file, cell by cell.
    const names = (await form.listSheets()).map((s) => s.name);
    const reads = await form.readSheets(names);
    await xlsxForm.write({
      ops: reads.flatMap((s) => [
        { op: "addSheet" as const, name: s.name },
        ...(s.values.length
          ? [
              {
                op: "values" as const,
                sheet: s.name,
                address: "A1",
                values: s.values.map((row) => {
                  const w = Math.max(...s.values.map((x) => x.length));
                  return [...row, ...new Array(w - row.length).fill(null)];
                }),
              },
            ]
          : []),
      ]),
    });
    await xlsxForm.save(join(dir, "школа.xlsx"));
    const io = memoryIo();
    const code = await summarizeCli(
      [join(dir, "школа.xlsx"), "--out", join(dir, "свод.xlsx"), "--json", join(dir, "свод.json")],
      io,
    );
    expect(code).toBeLessThanOrEqual(1);
    expect(leaks(readFileSync(join(dir, "свод.json"), "utf8"))).toEqual([]);
    expect(leaks(io.stdout.join("\n") + io.stderr.join("\n"))).toEqual([]);
    const summary = await readXlsxFile(join(dir, "свод.xlsx"));
    expect(leaks(JSON.stringify(summary.map((s) => s.values)))).toEqual([]);
  });
});

function sourceFiles(root: string): string[] {
  return readdirSync(root).flatMap((n) => {
    const p = join(root, n);
    return statSync(p).isDirectory() ? sourceFiles(p) : /\.(ts|tsx|js|html)$/.test(n) ? [p] : [];
  });
}

describe("privacy: no network, minimal manifest (static checks)", () => {
  it("src/ has no fetch(, XMLHttpRequest, WebSocket, sendBeacon, EventSource or import()", () => {
    const offenders = sourceFiles("src").flatMap((f) => {
      const text = readFileSync(f, "utf8");
      return [
        /\bfetch\s*\(/,
        /XMLHttpRequest/,
        /\bWebSocket\b/,
        /sendBeacon/,
        /\bEventSource\b/,
        /\bimportScripts\b/,
        /\bimport\s*\(\s*["'`]https?:/,
      ]
        .filter((re) => re.test(text))
        .map((re) => `${f}: ${re}`);
    });
    expect(offenders).toEqual([]);
  });
  it("manifest.xml: no AppDomains, only ReadWriteDocument, sources on the add-in's own host", () => {
    const xml = readFileSync("manifest.xml", "utf8");
    expect(xml).not.toMatch(/<AppDomains?>/);
    expect([...xml.matchAll(/<Permissions>([^<]*)<\/Permissions>/g)].map((m) => m[1])).toEqual(["ReadWriteDocument"]);
    const hosts = new Set([...xml.matchAll(/https?:\/\/([^/"'<]+)/g)].map((m) => m[1]));
    for (const h of hosts)
      expect(h, h).toMatch(
        /^(localhost(:\d+)?|schemas\.microsoft\.com|www\.w3\.org|[^ ]*\.?example\.[a-z]+|go\.microsoft\.com)$/,
      );
  });
});

/**
 * Issue 23: `msoko summarize --out` into an existing summary goes through the zip-level merge
 * (src/xlsx/merge): the user's own sheet — styles, shared strings, a chart, a print area and a
 * defined name — comes through byte for byte, the generated sheets are replaced, the summary's
 * JSON is the one a new file gives, and LibreOffice opens the merged book without repair.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inflateRawSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { memoryIo } from "../../../src/cli/io";
import { main } from "../../../src/cli/main";
import { readXlsxFile, XlsxWorkbook } from "../../../src/xlsx/exceljs";
import { editParts } from "../../../src/xlsx/exceljs/repack";
import { MergeXlsxWorkbook } from "../../../src/xlsx/merge/workbook";
import { writeSetting } from "../../../src/host/settings";
import { patchSheetXml } from "../../../src/xlsx/merge/patch-cells";
import { parseRels } from "../../../src/xlsx/merge/base-package";
import { relsPath } from "../../../src/xlsx/read/parts";
import { defaultLimits, zipEntries } from "../../../src/xlsx/read/zip";

const FORM = join(__dirname, "../../fixtures/forms/valid.xlsx");
const dir = mkdtempSync(join(tmpdir(), "msoko-merge-"));
const out = join(dir, "свод.xlsx");
const BASIS = "Положение о МСОКО Заречного округа";
const NAME = `<definedName name="МоиДанные">'Мой график'!$A$1:$B$3</definedName>`;

/** Every part of a package, unpacked, by name. */
function parts(path: string): Map<string, Buffer> {
  const buf = readFileSync(path);
  const m = new Map<string, Buffer>();
  for (const e of zipEntries(buf, "x", defaultLimits())) {
    const data = buf.subarray(e.dataStart, e.dataStart + e.packed);
    m.set(e.name, e.method === 0 ? Buffer.from(data) : inflateRawSync(data));
  }
  return m;
}

const text = (p: Map<string, Buffer>, name: string) => p.get(name)?.toString("utf8") ?? "";

/** The parts a sheet reaches (its XML, rels, drawing, chart…), by name, from the workbook. */
function sheetParts(p: Map<string, Buffer>, sheet: string): Map<string, Buffer> {
  const wb = text(p, "xl/workbook.xml");
  const rid = new RegExp(`<sheet\\b[^>]*name="${sheet}"[^>]*r:id="([^"]+)"`).exec(wb)![1];
  const target = parseRels(text(p, "xl/_rels/workbook.xml.rels"), "xl/workbook.xml").find((r) => r.id === rid)!.target;
  const outParts = new Map<string, Buffer>();
  const visit = (part: string) => {
    if (outParts.has(part) || !p.has(part)) return;
    outParts.set(part, p.get(part)!);
    const rels = relsPath(part);
    if (!p.has(rels)) return;
    outParts.set(rels, p.get(rels)!);
    for (const r of parseRels(text(p, rels), part)) if (!r.external) visit(r.target);
  };
  visit(target);
  return outParts;
}

/** What Excel repairs on opening: a relationship to a missing part, a part without a content type. */
function packageProblems(p: Map<string, Buffer>): string[] {
  const out: string[] = [];
  for (const [name, bytes] of p) {
    if (!name.endsWith(".rels")) continue;
    const source = name.replace("_rels/", "").replace(/\.rels$/, "");
    for (const r of parseRels(bytes.toString("utf8"), source))
      if (!r.external && !p.has(r.target)) out.push(`${name} → ${r.target}`);
  }
  const types = text(p, "[Content_Types].xml");
  const defaults = [...types.matchAll(/Extension="([^"]+)"/g)].map((m) => m[1].toLowerCase());
  const overrides = new Set([...types.matchAll(/PartName="\/([^"]+)"/g)].map((m) => m[1]));
  for (const name of p.keys())
    if (
      name !== "[Content_Types].xml" &&
      !overrides.has(name) &&
      !defaults.includes(name.split(".").pop()!.toLowerCase())
    )
      out.push(`${name}: нет типа`);
  for (const o of overrides) if (!p.has(o)) out.push(`${o}: тип без части`);
  return out;
}

const items = (xml: string, section: string, item: string) =>
  [
    ...(new RegExp(`<${section}\\b[^>]*>([\\s\\S]*?)</${section}>`).exec(xml)?.[1] ?? "").matchAll(
      new RegExp(`<${item}\\b[^>]*?(?:/>|>[\\s\\S]*?</${item}>)`, "g"),
    ),
  ].map((m) => m[0]);

let before: Map<string, Buffer>;
let json1: Record<string, unknown>;

beforeAll(async () => {
  const j1 = join(dir, "1.json");
  expect(await main(["summarize", FORM, "--out", out, "--json", j1, "--date", "2026-12-31"], memoryIo())).toBe(0);
  json1 = JSON.parse(readFileSync(j1, "utf8"));
  // The methodist's own sheet, saved by exceljs: text, numbers, bold and filled headers, a number format, a chart, a print area.
  const wb = await XlsxWorkbook.load(out);
  await wb.write({
    ops: [
      { op: "addSheet", name: "Мой график" },
      {
        op: "values",
        sheet: "Мой график",
        address: "A1",
        values: [
          ["Год", "Доля, %"],
          ["2025", 10.5],
          ["2026", 12.25],
        ],
      },
      { op: "format", sheet: "Мой график", address: "A1:B1", format: { bold: true, fill: "#FFE699" } },
      { op: "format", sheet: "Мой график", address: "B2:B3", format: { numberFormat: "0.0" } },
      { op: "chart", sheet: "Мой график", type: "line", source: "A1:B3", title: "Моя динамика", anchor: "D2" },
      { op: "print", sheet: "Мой график", area: "A1:B3" },
    ],
  });
  // Her own regulation on the settings sheet (an override the next run must read and keep).
  await writeSetting(wb, "basis.msoko", BASIS);
  await wb.save(out);
  // …and a name of her own in the workbook.
  const pkg = readFileSync(out);
  const wbXml = parts(out).get("xl/workbook.xml")!.toString("utf8");
  const withName = wbXml.includes("<definedNames>")
    ? wbXml.replace("<definedNames>", `<definedNames>${NAME}`)
    : wbXml.replace("</sheets>", `</sheets><definedNames>${NAME}</definedNames>`);
  writeFileSync(out, editParts(pkg, new Map([["xl/workbook.xml", { bytes: Buffer.from(withName, "utf8") }]])));
  before = parts(out);
}, 120_000);

describe("msoko summarize into an existing summary: the zip-level merge", () => {
  it("the book is merged, not rebuilt through exceljs", async () => {
    expect(await MergeXlsxWorkbook.open(out)).toBeInstanceOf(MergeXlsxWorkbook);
  });

  it("keeps the user's sheet byte for byte, its cells, styles, strings and names; replaces the generated sheets", async () => {
    const cellsBefore = (await readXlsxFile(out, { formulas: false })).find((s) => s.name === "Мой график")!;
    const mine = sheetParts(before, "Мой график");
    expect([...mine.keys()].some((n) => /charts\/chart\d+\.xml$/.test(n))).toBe(true);
    expect([...mine.keys()].some((n) => /drawings\/drawing\d+\.xml$/.test(n))).toBe(true);
    const oldSheets = [...before.keys()].filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n));

    const j2 = join(dir, "2.json");
    const io = memoryIo();
    expect(await main(["summarize", FORM, "--out", out, "--json", j2, "--date", "2026-12-31"], io)).toBe(0);
    expect(io.stderr.join("\n")).not.toContain("диаграммы");
    const after = parts(out);
    expect(packageProblems(after)).toEqual([]);

    // The same parts under the same names, the same bytes.
    const mineAfter = sheetParts(after, "Мой график");
    expect([...mineAfter.keys()].sort()).toEqual([...mine.keys()].sort());
    for (const [name, bytes] of mine) expect(mineAfter.get(name)!.equals(bytes), name).toBe(true);
    const cellsAfter = (await readXlsxFile(out, { formulas: false })).find((s) => s.name === "Мой график")!;
    expect(cellsAfter.values).toEqual(cellsBefore.values);
    expect(cellsAfter.values).toEqual([
      ["Год", "Доля, %"],
      ["2025", 10.5],
      ["2026", 12.25],
    ]);

    // Its s="N" and string indices still point at the same styles and strings: the old tables are the new ones' prefix.
    const [sb, sa] = [text(before, "xl/styles.xml"), text(after, "xl/styles.xml")];
    for (const [section, item] of [
      ["fonts", "font"],
      ["fills", "fill"],
      ["borders", "border"],
      ["cellXfs", "xf"],
      ["numFmts", "numFmt"],
    ]) {
      const old = items(sb, section, item);
      expect(items(sa, section, item).slice(0, old.length), section).toEqual(old);
    }
    const sstItems = (xml: string) => [...xml.matchAll(/<si>[\s\S]*?<\/si>/g)].map((m) => m[0]);
    const oldStrings = sstItems(text(before, "xl/sharedStrings.xml"));
    expect(oldStrings.length).toBeGreaterThan(10);
    expect(sstItems(text(after, "xl/sharedStrings.xml")).slice(0, oldStrings.length)).toEqual(oldStrings);

    // Names: the user's own kept verbatim, the print area follows her sheet to its new position.
    const wb = text(after, "xl/workbook.xml");
    expect(wb).toContain(NAME);
    const names = wb.replace(/&apos;/g, "'");
    const order = [...wb.matchAll(/<sheet\b[^>]*?name="([^"]+)"/g)].map((m) => m[1]);
    expect(names).toContain(
      `<definedName name="_xlnm.Print_Area" localSheetId="${order.indexOf("Мой график")}">'Мой график'!$A$1:$B$3</definedName>`,
    );
    for (const m of names.matchAll(/localSheetId="(\d+)">'([^']+)'!/g)) expect(order[Number(m[1])]).toBe(m[2]);

    // Generated sheets: replaced (new parts), once each, in the order a rebuild gives; no orphan part left.
    const orderBefore = [...text(before, "xl/workbook.xml").matchAll(/<sheet\b[^>]*?name="([^"]+)"/g)].map((m) => m[1]);
    expect(order).toEqual(orderBefore);
    expect(order.filter((n) => n === "Свод по ОО")).toHaveLength(1);
    const sheetsAfter = [...after.keys()].filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n));
    expect(sheetsAfter).toHaveLength(order.length);
    const keptOld = sheetsAfter.filter((n) => oldSheets.includes(n));
    // Only the user's sheet and the settings sheet (its registry patched) keep their parts.
    expect(keptOld).toHaveLength(2);
    expect(after.has("xl/calcChain.xml")).toBe(false);
    expect(wb).toMatch(/fullCalcOnLoad="1"/);

    // The settings sheet: her override kept, the registry rewritten (each generated sheet once), the header's style kept.
    const settings = (await readXlsxFile(out, { formulas: false })).find((s) => s.name === "Настройки МСОКО")!;
    expect(settings.values[0]).toEqual(["Ключ", "Значение", "Пояснение"]);
    expect(settings.values.filter((r) => r[0] === "basis.msoko").map((r) => r[1])).toEqual([BASIS]);
    expect(settings.values.filter((r) => r[0] === "generated|Свод по ОО")).toHaveLength(1);
    const settingsPart = sheetParts(after, "Настройки МСОКО");
    const settingsXml = [...settingsPart.entries()].find(([n]) => /worksheets\/[^/]+\.xml$/.test(n))![1].toString();
    const headerBefore = /<c r="A1"[^>]*>/.exec(
      [...sheetParts(before, "Настройки МСОКО").entries()]
        .find(([n]) => /worksheets\/[^/]+\.xml$/.test(n))![1]
        .toString(),
    )![0];
    expect(settingsXml).toContain(headerBefore.replace(/\s+t="[^"]*"/, "").replace(/>$/, ""));

    const json2 = JSON.parse(readFileSync(j2, "utf8"));
    // The summary is the one a new file gets, with her override read from the settings sheet (one override: «+1»).
    expect(json2.profileVersion).toBe(`${json1.profileVersion as string}+1`);
    expect({ ...json2, runAt: "", profileVersion: "" }).toEqual({ ...json1, runAt: "", profileVersion: "" });

    // One more run of the same forms adds no style and no string: the merged book's own are reused
    // (the first merge added the writer's styles next to those exceljs had written).
    expect(await main(["summarize", FORM, "--out", out, "--date", "2026-12-31"], memoryIo())).toBe(0);
    const again = parts(out);
    expect(items(text(again, "xl/styles.xml"), "cellXfs", "xf")).toEqual(items(sa, "cellXfs", "xf"));
    // At most the run's time stamps are new: the marker, the registry's «построен …» note, the run date.
    expect(sstItems(text(again, "xl/sharedStrings.xml")).length).toBeLessThanOrEqual(
      sstItems(text(after, "xl/sharedStrings.xml")).length + 3,
    );
    for (const [name, bytes] of mine) expect(again.get(name)!.equals(bytes), name).toBe(true);

    // exceljs still reads the merged book whole.
    const back = await XlsxWorkbook.load(out);
    expect((await back.readSheets(["Мой график"]))[0].values[1]).toEqual(["2025", 10.5]);
  }, 120_000);

  it.skipIf(!existsSync("/usr/bin/soffice"))(
    "LibreOffice opens the merged book and prints it to PDF",
    async () => {
      const copy = join(dir, "merged.xlsx");
      copyFileSync(out, copy);
      // And a summary re-saved by openpyxl (the relationships namespace declared on each <sheet>, not on the root).
      const resaved = join(dir, "merged-openpyxl.xlsx");
      copyFileSync(join(__dirname, "../../fixtures/resaved/openpyxl-summary.xlsx"), resaved);
      expect(await main(["summarize", FORM, "--out", resaved], memoryIo())).toBe(0);
      expect(packageProblems(parts(resaved))).toEqual([]);
      expect(text(parts(resaved), "xl/workbook.xml")).toMatch(/^<\?xml[^>]*>\s*<workbook [^>]*xmlns:r="/);
      execFileSync("soffice", ["--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir, copy, resaved], {
        stdio: "ignore",
        timeout: 120_000,
      });
      for (const name of ["merged.pdf", "merged-openpyxl.pdf"]) {
        const pdf = readFileSync(join(dir, name));
        expect(pdf.subarray(0, 5).toString(), name).toBe("%PDF-");
        expect(pdf.length, name).toBeGreaterThan(10_000);
      }
    },
    150_000,
  );

  it("a book with what the merge cannot carry (an external link) keeps the exceljs path, and says why", async () => {
    const linked = join(dir, "со-ссылкой.xlsx");
    const pkg = readFileSync(out);
    const rels = parts(out).get("xl/_rels/workbook.xml.rels")!.toString("utf8");
    const ext = `<Relationship Id="rIdX1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink" Target="externalLinks/externalLink1.xml"/>`;
    writeFileSync(
      linked,
      editParts(
        pkg,
        new Map([
          [
            "xl/_rels/workbook.xml.rels",
            { bytes: Buffer.from(rels.replace("</Relationships>", `${ext}</Relationships>`)) },
          ],
        ]),
      ),
    );
    expect(await MergeXlsxWorkbook.open(linked)).toEqual({ unmergeable: "ссылки на другие книги" });
  });

  it("such a book with a chart on the user's sheet is refused as before (exceljs would drop it)", async () => {
    const old = join(dir, "1904.xlsx");
    const wbXml = parts(out).get("xl/workbook.xml")!.toString("utf8");
    const in1904 = wbXml.replace(/<workbookPr\b/, '<workbookPr date1904="1"');
    writeFileSync(
      old,
      editParts(readFileSync(out), new Map([["xl/workbook.xml", { bytes: Buffer.from(in1904, "utf8") }]])),
    );
    expect(await MergeXlsxWorkbook.open(old)).toEqual({ unmergeable: "система дат 1904" });
    const io = memoryIo();
    expect(await main(["summarize", FORM, "--out", old], io)).toBe(2);
    expect(io.stderr.join("\n")).toContain("на листах «Мой график» есть диаграммы или рисунки");
  }, 60_000);
});

describe("patchSheetXml: new values for a few cells of a kept sheet", () => {
  const ids = new Map<string, number>();
  const id = (t: string) => {
    if (!ids.has(t)) ids.set(t, 100 + ids.size);
    return ids.get(t)!;
  };
  const xml =
    `<worksheet><dimension ref="A1:C2"/><cols><col min="1" max="1" width="34"/></cols><sheetData>` +
    `<row r="1" spans="1:3"><c r="A1" s="3" t="s"><v>0</v></c><c r="B1" s="3"><f>1+1</f><v>2</v></c><c r="C1" t="s"><v>1</v></c></row>` +
    `<row r="2"><c r="A2"><v>5</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A5:B5"/></mergeCells></worksheet>`;

  it("keeps styles and untouched cells, replaces formulas, adds rows in order, grows the dimension", () => {
    const patch = new Map([
      [0, new Map<number, string | number | boolean | null>([[1, "ключ"]])],
      [
        3,
        new Map<number, string | number | boolean | null>([
          [0, true],
          [2, 7.5],
        ]),
      ],
      [1, new Map<number, string | number | boolean | null>([[0, null]])],
    ]);
    expect(patchSheetXml(xml, patch, id, "лист")).toBe(
      `<worksheet><dimension ref="A1:C4"/><cols><col min="1" max="1" width="34"/></cols><sheetData>` +
        `<row r="1"><c r="A1" s="3" t="s"><v>0</v></c><c r="B1" s="3" t="s"><v>100</v></c><c r="C1" t="s"><v>1</v></c></row>` +
        `<row r="2"></row>` +
        `<row r="4"><c r="A4" t="b"><v>1</v></c><c r="C4"><v>7.5</v></c></row>` +
        `</sheetData><mergeCells count="1"><mergeCell ref="A5:B5"/></mergeCells></worksheet>`,
    );
  });

  it("refuses to overwrite the master cell of a shared formula, naming the sheet and the cell", () => {
    const shared = `<worksheet><sheetData><row r="1"><c r="A1"><f t="shared" ref="A1:A3" si="0">B1</f><v>1</v></c></row></sheetData></worksheet>`;
    expect(() => patchSheetXml(shared, new Map([[0, new Map([[0, 1]])]]), id, "Лист «Настройки МСОКО»")).toThrow(
      "Лист «Настройки МСОКО», ячейка A1: в ней общая формула других ячеек, значение не записать.",
    );
  });
});

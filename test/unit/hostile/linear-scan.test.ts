/**
 * Issue 22, item 2: the scanners of shared strings, relationships, merged areas and cells stay
 * linear on unclosed tags (500 000 unclosed <si>, 200 000 unclosed prefixed cells): the values-only
 * reader reads what is well-formed and skips the rest; exceljs refuses naming the file. No timing
 * assertions: a quadratic scan of these files takes minutes and would fail by the test timeout.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readXlsxBuffer } from "../../../src/xlsx/exceljs";
import { relationships, sharedStrings } from "../../../src/xlsx/read/parts";
import { elements, itemText } from "../../../src/xlsx/read/xml";
import { HOSTILE2_DIR } from "../../fixtures/hostile2/generate";

const file = (name: string) => readFileSync(join(HOSTILE2_DIR, name));

describe("unclosed tags in the corpus", () => {
  it("500 000 unclosed <si>: the first string is read, the rest ignored", async () => {
    const read = await readXlsxBuffer(file("unclosed-si.xlsx"), "unclosed-si.xlsx", { formulas: false });
    expect(read.map((s) => s.values)).toEqual([[["первая"]]]);
  }, 20_000);

  it("200 000 unclosed <x:c> and 100 000 unclosed <mergeCell: A1 is read, the cells skipped", async () => {
    const read = await readXlsxBuffer(file("unclosed-prefixed-cells.xlsx"), "u.xlsx", { formulas: false });
    // The first <mergeCell runs to the part's last ">" and keeps its ref; the others are inside it.
    expect(read).toEqual([{ name: "Лист1", values: [[7]], merges: ["A1:B1"] }]);
  }, 20_000);

  it("the exceljs path refuses them naming the file", async () => {
    await expect(readXlsxBuffer(file("unclosed-si.xlsx"), "unclosed-si.xlsx")).rejects.toThrow(
      "Файл «unclosed-si.xlsx»",
    );
  }, 30_000);
});

describe("linear element scanner", () => {
  it("elements: prefixes, empty tags, content, unclosed end", () => {
    expect(elements(`<a:si x="1"><t>a</t></a:si><si/><si>b</si><si>c`, "si", true)).toEqual([
      { attrs: ` x="1"`, inner: "<t>a</t>" },
      { attrs: "", inner: "" },
      { attrs: "", inner: "b" },
    ]);
    // "sheet" does not match "sheets" nor "worksheet"; an unclosed start tag ends the scan.
    expect(
      elements(`<sheets><sheet name="A"/><x:sheet name="B"/><worksheet/><sheet name="C"`, "sheet", false).map((e) =>
        e.attrs.trim(),
      ),
    ).toEqual(['name="A"', 'name="B"']);
  });

  it("sharedStrings keeps indices: empty items count, unclosed ones at the end do not", () => {
    expect(
      sharedStrings(`<sst><si><t>a</t></si><si/><si><r><t>b</t></r><r><t xml:space="preserve"> c</t></r></si><si><t>d`),
    ).toEqual(["a", "", "b c"]);
  });

  it("sharedStrings: plain parts (indexOf only) and the rest (general scan) give the same items", () => {
    const general = (xml: string) => elements(xml, "si", true).map((si) => (si.inner ? itemText(si.inner) : ""));
    const parts = [
      // Plain: bare <si>, one <t> run each, entities, an empty item written as <si></si>, runs and phonetics.
      `<?xml version="1.0"?><sst count="4"><si><t>Школа</t></si><si></si><si><t>a &amp; b</t></si><si><r><t>x</t></r><r><t xml:space="preserve"> y</t></r></si><si><t>漢</t><rPh><t>かん</t></rPh></si></sst>`,
      // Not plain: prefixed, empty, with attributes, unclosed at the end, a name that only starts with «si».
      `<x:sst><x:si><x:t>a</x:t></x:si><x:si/></x:sst>`,
      `<sst><si><t>a</t></si><si/><si><t>b</t></si></sst>`,
      `<sst><si foo="1"><t>a</t></si></sst>`,
      `<sst><si><t>a</t></si><si><t>b`,
      `<sst><sig/><si><t>a</t></si></sst>`,
    ];
    for (const xml of parts) expect(sharedStrings(xml)).toEqual(general(xml));
    expect(sharedStrings(parts[0])).toEqual(["Школа", "", "a & b", "x y", "漢"]);
    expect(sharedStrings(parts[4])).toEqual(["a"]);
  });

  it("itemText leaves out phonetic hints, even unclosed ones", () => {
    expect(itemText(`<t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh><t>&amp;</t>`)).toBe("漢字&");
    expect(itemText(`<t>a</t>${"<rPh>".repeat(50_000)}`)).toBe("a");
  });

  it("relationships: 100 000 unclosed tags after a real one", () => {
    const rels = relationships(
      `<Relationships><Relationship Id="rId1" Type="t/worksheet" Target="worksheets/sheet1.xml"/>${"<Relationship Id='x'".repeat(100_000)}`,
      "xl/workbook.xml",
    );
    expect([...rels.entries()]).toEqual([["rId1", { target: "xl/worksheets/sheet1.xml", type: "t/worksheet" }]]);
  });
});

describe("internal English errors of exceljs become Russian (issue 22, item 7)", () => {
  it("a broken sheet XML on the exceljs path: Russian, names the file, no English", async () => {
    const err = await readXlsxBuffer(file("unclosed-prefixed-cells.xlsx"), "u.xlsx").catch((e: Error) => e);
    expect(String(err)).toContain("Файл «u.xlsx» не удалось прочитать как книгу Excel: части книги повреждены");
    expect(String(err)).not.toMatch(/attribute|unexpected|Cannot|undefined/);
  }, 30_000);
});

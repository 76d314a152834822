/**
 * Issue 22: before exceljs parses a book, every XML part must close its elements
 * (src/xlsx/read/balance.ts). exceljs spent ~4 s on each corpus file of unclosed tags before it
 * failed; now such a book is refused at once, naming the file and the part, and no real book (our
 * own, Excel-like or openpyxl-like: 2 900 parts of the fixtures) is refused.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkClosed, unclosedElements } from "../../../src/xlsx/read/balance";
import { readXlsxBuffer } from "../../../src/xlsx/exceljs";
import { HOSTILE2_DIR } from "../../fixtures/hostile2/generate";

const bytes = (s: string) => new TextEncoder().encode(s);
const open = (s: string) => unclosedElements(bytes(s));

describe("unclosedElements", () => {
  it("a well-formed part: 0, whatever prolog, comments, CDATA and quoted attributes hold", () => {
    expect(open(`<?xml version="1.0"?><sst count="2"><si><t>a</t></si><si/></sst>`)).toBe(0);
    expect(open(`<a><!-- <b> <c --><![CDATA[<d><e>]]><f x="1>2" y='</g>' z="a/"/></a>`)).toBe(0);
    expect(open(`<x:worksheet xmlns:x="u"><x:c r="A1"><x:v>1</x:v></x:c><x:c r="B1"/></x:worksheet>`)).toBe(0);
    // ">" is allowed in text; only "<" starts markup.
    expect(open(`<t>5 > 3</t>`)).toBe(0);
  });

  it("counts what is left open, more end tags than starts, a tag cut in the middle", () => {
    expect(open(`<sst><si><t>a</t></si><si><si><si>`)).toBe(4);
    expect(open(`<a></a></b>`)).toBe(-1);
    expect(open(`<a><b x="1`)).toBe(2);
  });

  it("checkClosed: a Russian refusal naming file and part; .vml and UTF-16 parts are left to the parser", () => {
    expect(() => checkClosed(bytes(`<sst><si>`), "xl/sharedStrings.xml", "форма.xlsx")).toThrow(
      "Файл «форма.xlsx» не удалось прочитать как книгу Excel: части книги повреждены — в части «xl/sharedStrings.xml» не закрыто 2 элемента",
    );
    expect(() => checkClosed(bytes(`<xml><br></xml>`), "xl/drawings/vmlDrawing1.vml", "ф.xlsx")).not.toThrow();
    const utf16 = new Uint8Array([...bytes("<a>")].flatMap((c) => [c, 0]));
    expect(() => checkClosed(utf16, "xl/workbook.xml", "ф.xlsx")).not.toThrow();
  });

  it("the exceljs path refuses the corpus's unclosed parts at once (well under exceljs's seconds)", async () => {
    for (const [file, part, count] of [
      ["unclosed-si.xlsx", "xl/sharedStrings.xml", "500\u00a0000 элементов"],
      ["unclosed-prefixed-cells.xlsx", "xl/worksheets/sheet1.xml", "400\u00a0003 элемента"],
    ]) {
      const t = Date.now();
      await expect(readXlsxBuffer(readFileSync(join(HOSTILE2_DIR, file)), file)).rejects.toThrow(
        `в части «${part}» не закрыто ${count} (файл записан не полностью`,
      );
      expect(Date.now() - t, file).toBeLessThan(2000);
    }
  });
});

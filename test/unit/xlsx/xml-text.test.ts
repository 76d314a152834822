/** The streaming writer's one-pass escaper gives what escapeXml gives (issue 23). */
import { describe, expect, it } from "vitest";
import { escapeXml } from "../../../src/xlsx/exceljs/chart-xml";
import { ByteChunks, xmlText } from "../../../src/xlsx/stream/bytes";

describe("xmlText", () => {
  it("escapes &, <, > and quotes and drops characters XML forbids, as escapeXml does", () => {
    const texts = [
      "",
      "Школа № 1",
      'IF(G6>0,(K6+L6)/G6*100,"")',
      "a < b & c > d",
      "&amp; stays escaped once more",
      "tab\tnew\nline\rkept",
      "\u0000\u0001bell\u0007\u000b\u000c\u001f end\ufffe\uffff",
      "'apostrophe' kept",
    ];
    for (const t of texts) expect(xmlText(t)).toBe(escapeXml(t));
    expect(xmlText('IF(G6>0,"да","")')).toBe("IF(G6&gt;0,&quot;да&quot;,&quot;&quot;)");
    expect(xmlText("\u0001A&B")).toBe("A&amp;B");
  });

  it("returns a text that needs nothing as it is", () => {
    const t = "Математика, 5 класс";
    expect(xmlText(t)).toBe(t);
  });
});

describe("ByteChunks", () => {
  it("writes numbers as a template literal would, ASCII and UTF-8 text as their bytes", () => {
    const out = new ByteChunks(16);
    const numbers = [0, -0, 7, 10, 99, 100, 2024, 2_147_483_647, 2_147_483_648, -1, -2024, 0.1, 12.5, 1e21, 1e-7, NaN];
    for (const n of numbers) {
      out.number(n);
      out.ascii("|");
    }
    out.utf8("Лист «Результаты»!A1");
    const first = out.take();
    expect(first.toString("utf8")).toBe(numbers.map((n) => `${n}|`).join("") + "Лист «Результаты»!A1");
    // After a take, writing starts over in a new chunk; the taken bytes stay as they were.
    out.ascii("<row/>");
    expect(out.take().toString("utf8")).toBe("<row/>");
    expect(first.subarray(0, 2).toString("utf8")).toBe("0|");
  });
});

describe("ByteChunks.escaped", () => {
  it("writes what xmlText gives, as UTF-8", () => {
    const texts = [
      'IF(G6>0,(K6+L6)/G6*100,"")',
      "'Результаты'!A1&\"x\"",
      "a\u0001b\tc\u001fd<e>",
      "ё & «да» < 1",
      "",
      "😀 > 1",
    ];
    const out = new ByteChunks(8);
    for (const t of texts) out.escaped(t);
    expect(out.take().toString("utf8")).toBe(texts.map(xmlText).join(""));
  });
});

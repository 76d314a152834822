/** The streaming writer's one-pass escaper gives what escapeXml gives (issue 23). */
import { describe, expect, it } from "vitest";
import { escapeXml } from "../../../src/xlsx/exceljs/chart-xml";
import { xmlText } from "../../../src/xlsx/stream/sheet";

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

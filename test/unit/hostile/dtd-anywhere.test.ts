/**
 * Issue 22, item 3: a DTD is refused wherever it hides — after a long comment, in a part whose
 * name does not end in .xml, in a UTF-16 part — on the values-only and the exceljs paths; a part
 * present twice in the zip is refused instead of silently read from one of its copies.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadXlsxBuffer, readXlsxBuffer } from "../../../src/xlsx/exceljs";
import { hasDtd } from "../../../src/xlsx/read/zip";
import { CORPUS, HOSTILE2_DIR } from "../../fixtures/hostile2/generate";

describe("DTD anywhere and duplicate parts are refused on every path", () => {
  for (const f of CORPUS.filter((x) => x.kind === "dtd")) {
    const buf = readFileSync(join(HOSTILE2_DIR, f.file));
    it(`${f.file}: ${f.what}`, async () => {
      await expect(readXlsxBuffer(buf, f.file, { formulas: false })).rejects.toThrow(f.refusal);
      await expect(readXlsxBuffer(buf, f.file)).rejects.toThrow(`Файл «${f.file}»`);
      await expect(loadXlsxBuffer(buf, f.file)).rejects.toThrow(f.refusal);
    });
  }

  it("the refusal names the part", async () => {
    const buf = readFileSync(join(HOSTILE2_DIR, "dtd-bin-name.xlsx"));
    await expect(readXlsxBuffer(buf, "x.xlsx", { formulas: false })).rejects.toThrow(
      "часть «xl/worksheets/data.bin» содержит объявление DTD/ENTITY",
    );
    const dup = readFileSync(join(HOSTILE2_DIR, "duplicate-part.xlsx"));
    await expect(readXlsxBuffer(dup, "d.xlsx", { formulas: false })).rejects.toThrow(
      "часть «XL/worksheets/sheet1.xml» записана в zip-архиве дважды",
    );
  });
});

describe("hasDtd", () => {
  const u8 = (s: string, enc: BufferEncoding = "utf8") => new Uint8Array(Buffer.from(s, enc));
  it("finds declarations in any case and encoding, anywhere", () => {
    expect(hasDtd(u8("<a/><!doctype x>"))).toBe(true);
    expect(hasDtd(u8(`<!--${"x".repeat(10_000)}--><!ENTITY e "1">`))).toBe(true);
    expect(hasDtd(u8("<!DOCTYPE x>", "utf16le"))).toBe(true);
    expect(hasDtd(new Uint8Array(Buffer.from("<!DOCTYPE x>", "utf16le").swap16()))).toBe(true);
  });
  it("does not flag ordinary XML, comments, CDATA or escaped text", () => {
    expect(hasDtd(u8('<?xml version="1.0"?><!-- DOCTYPE --><a><![CDATA[x]]></a>'))).toBe(false);
    expect(hasDtd(u8("<t>&lt;!DOCTYPE x&gt;</t>"))).toBe(false);
    expect(hasDtd(u8("<!DOCTYP"))).toBe(false);
    expect(hasDtd(new Uint8Array(0))).toBe(false);
  });
});

import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { readXlsxBuffer } from "../../../src/xlsx/exceljs";
import { readXlsxInBrowser } from "../../../src/xlsx/read/browser";

const FORMS = join(__dirname, "../../fixtures/forms");

function arrayBuffer(buf: Uint8Array): ArrayBuffer {
  return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
}

describe("readXlsxInBrowser (no Node APIs: DecompressionStream, pure zip checks)", () => {
  it("reads a school form exactly as the CLI does", async () => {
    const f = readdirSync(FORMS).find((x) => x.endsWith(".xlsx"))!;
    const buf = readFileSync(join(FORMS, f));
    expect(await readXlsxInBrowser(arrayBuffer(buf), f)).toEqual(await readXlsxBuffer(buf, f, { formulas: false }));
  });

  it("refuses XML with a DTD, naming the file and the part", async () => {
    const zip = new JSZip();
    zip.file("[Content_Types].xml", '<?xml version="1.0"?><Types/>');
    zip.file(
      "xl/workbook.xml",
      '<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY a "aaaa">]><workbook><sheets/></workbook>',
    );
    const buf = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    await expect(readXlsxInBrowser(arrayBuffer(buf), "бомба.xlsx")).rejects.toThrow(
      "Файл «бомба.xlsx»: часть «xl/workbook.xml» содержит объявление DTD/ENTITY, которого в книгах Excel не бывает; файл не открыт из соображений безопасности.",
    );
  });

  it("stops inflating a part that lies about its size", async () => {
    const zip = new JSZip();
    zip.file("xl/workbook.xml", `<workbook>${" ".repeat(100_000)}</workbook>`, { createFolders: false });
    const buf = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    // Patch the declared unpacked size in the central directory to 100 bytes.
    const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    const cd = view.getUint32(buf.length - 22 + 16, true);
    view.setUint32(cd + 24, 100, true);
    await expect(readXlsxInBrowser(arrayBuffer(buf), "лжец.xlsx")).rejects.toThrow(
      "Часть «xl/workbook.xml» файла «лжец.xlsx» распаковывается больше заявленного размера",
    );
  });

  it("refuses files that are not .xlsx with the CLI's messages", async () => {
    await expect(
      readXlsxInBrowser(new TextEncoder().encode("Логин;Класс\n").buffer as ArrayBuffer, "форма.csv"),
    ).rejects.toThrow("Файл «форма.csv» не является книгой Excel .xlsx (это не zip-архив).");
  });
});

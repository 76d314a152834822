import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { deflatePackage } from "../../../src/xlsx/exceljs/repack";
import { defaultLimits, zipEntries } from "../../../src/xlsx/read/zip";

async function storedPackage(): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file("[Content_Types].xml", '<?xml version="1.0"?><Types/>');
  zip.file("xl/worksheets/sheet1.xml", "<worksheet>" + "<row><c><v>1</v></c></row>".repeat(5000) + "</worksheet>");
  zip.file("xl/Лист с именем.xml", "текст по-русски");
  zip.file("xl/empty.xml", "");
  return zip.generateAsync({ type: "uint8array", compression: "STORE" });
}

describe("deflatePackage (zlib instead of pako for the written book)", () => {
  it("keeps every part byte for byte, in order, with CRCs a strict reader accepts", async () => {
    const stored = await storedPackage();
    const packed = deflatePackage(stored);
    const before = zipEntries(stored, "a", defaultLimits());
    const after = zipEntries(packed, "b", defaultLimits());
    expect(after.map((e) => e.name)).toEqual(before.map((e) => e.name));
    expect(after.map((e) => e.crc32)).toEqual(before.map((e) => e.crc32));
    const read = await JSZip.loadAsync(packed, { checkCRC32: true });
    const original = await JSZip.loadAsync(stored);
    for (const name of Object.keys(original.files)) {
      expect(await read.file(name)?.async("string"), name).toBe(await original.file(name)?.async("string"));
    }
    // Big parts are deflated; empty parts and folders stay stored.
    const sheet = after.find((e) => e.name === "xl/worksheets/sheet1.xml")!;
    expect(sheet.method).toBe(8);
    expect(sheet.packed).toBeLessThan(sheet.unpacked / 20);
    expect(after.filter((e) => e.unpacked === 0).every((e) => e.method === 0)).toBe(true);
    expect(after.some((e) => e.name === "xl/")).toBe(true);
    expect(packed.length).toBeLessThan(stored.length / 10);
  });

  it("marks non-ASCII part names as UTF-8 and copies parts that are already deflated", async () => {
    const packed = deflatePackage(await storedPackage());
    const again = deflatePackage(packed);
    expect(again).toEqual(packed);
    const view = new DataView(packed.buffer, packed.byteOffset, packed.byteLength);
    const entry = zipEntries(packed, "b", defaultLimits()).find((e) => e.name === "xl/Лист с именем.xml")!;
    const name = new TextEncoder().encode(entry.name);
    const local = entry.dataStart - 30 - name.length;
    expect(view.getUint16(local + 6, true) & 0x0800).toBe(0x0800);
  });
});

/**
 * Laying parts out as a zip package (a .xlsx): local headers with the data, the central directory,
 * its end record. Shared by the writers that produce packages (src/xlsx/exceljs/repack.ts rewrites a
 * book exceljs wrote; src/xlsx/stream/zip.ts assembles a streamed one). No ZIP64: parts and
 * package stay under 4 GB, checked here. Pure: bytes in, bytes out.
 */

/** Bit 11 of the general purpose flags: the part name is UTF-8. */
const UTF8_NAMES = 0x0800;

/** One part of the package being written, its data already packed by `method` (0 stored, 8 deflate). */
export interface OutPart {
  name: string;
  method: number;
  crc32: number;
  unpacked: number;
  modTime: number;
  modDate: number;
  data: Uint8Array;
}

export function writeZip(parts: readonly OutPart[]): Uint8Array {
  const encoder = new TextEncoder();
  const names = parts.map((p) => encoder.encode(p.name));
  const localSize = parts.reduce((n, p, i) => n + 30 + names[i].length + p.data.length, 0);
  const centralSize = names.reduce((n, name) => n + 46 + name.length, 0);
  if (localSize + centralSize > 0xffffffff) throw new Error("Книга больше 4 ГБ: такой файл .xlsx не записать.");
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  let at = 0;
  const offsets: number[] = [];
  // Local header, then the data.
  parts.forEach((p, i) => {
    offsets.push(at);
    view.setUint32(at, 0x04034b50, true);
    header(view, at + 4, p, names[i].length);
    out.set(names[i], at + 30);
    out.set(p.data, at + 30 + names[i].length);
    at += 30 + names[i].length + p.data.length;
  });
  const centralStart = at;
  parts.forEach((p, i) => {
    view.setUint32(at, 0x02014b50, true);
    view.setUint16(at + 4, 20, true); // made by: MS-DOS, zip 2.0
    header(view, at + 6, p, names[i].length);
    // Comment length, disk, internal and external attributes stay 0.
    view.setUint32(at + 42, offsets[i], true);
    out.set(names[i], at + 46);
    at += 46 + names[i].length;
  });
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, parts.length, true);
  view.setUint16(at + 10, parts.length, true);
  view.setUint32(at + 12, at - centralStart, true);
  view.setUint32(at + 16, centralStart, true);
  return out;
}

/** The fields local and central headers share, from "version needed" to the extra field length. */
function header(view: DataView, at: number, p: OutPart, nameLength: number): void {
  view.setUint16(at, 20, true); // version needed: 2.0 (deflate)
  view.setUint16(at + 2, /^[\x20-\x7e]*$/.test(p.name) ? 0 : UTF8_NAMES, true);
  view.setUint16(at + 4, p.method, true);
  view.setUint16(at + 6, p.modTime, true);
  view.setUint16(at + 8, p.modDate, true);
  view.setUint32(at + 10, p.crc32, true);
  view.setUint32(at + 14, p.data.length, true);
  view.setUint32(at + 18, p.unpacked, true);
  view.setUint16(at + 22, nameLength, true);
  view.setUint16(at + 24, 0, true);
}

/**
 * Compresses a .xlsx package with node:zlib. exceljs and JSZip deflate with pako, pure JavaScript
 * several times slower than zlib: a municipal summary spends about a third of a second there. So the
 * book is written stored (uncompressed) and deflated here, part by part, into a plain zip with the
 * same parts in the same order, CRCs and dates kept. Parts that are already deflated are copied.
 */
import { deflateRawSync } from "node:zlib";
import { zipEntries, type ZipEntry, type ZipLimits } from "../../xlsx/zip";

/** Our own output: no file size limit beyond what a zip without ZIP64 can hold. */
const OWN_OUTPUT: ZipLimits = { maxBytes: 0xffffffff, maxUnpackedBytes: 0xffffffff, maxRatio: Infinity, maxEntries: 0xffff };

/** Bit 11 of the general purpose flags: the part name is UTF-8. */
const UTF8_NAMES = 0x0800;

export function deflatePackage(pkg: Uint8Array, level = 6): Uint8Array {
  const encoder = new TextEncoder();
  const parts = zipEntries(pkg, "книга", OWN_OUTPUT).map((e) => ({
    entry: e,
    name: encoder.encode(e.name),
    // Empty parts (and folder entries) stay stored, as zip tools write them.
    method: e.unpacked === 0 ? 0 : 8,
    data: e.unpacked === 0 ? new Uint8Array(0) : e.method === 0 ? deflateRawSync(pkg.subarray(e.dataStart, e.dataStart + e.packed), { level }) : pkg.subarray(e.dataStart, e.dataStart + e.packed),
  }));
  const localSize = parts.reduce((n, p) => n + 30 + p.name.length + p.data.length, 0);
  const centralSize = parts.reduce((n, p) => n + 46 + p.name.length, 0);
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  let at = 0;
  const offsets: number[] = [];
  // Local header, then the data.
  for (const p of parts) {
    offsets.push(at);
    view.setUint32(at, 0x04034b50, true);
    header(view, at + 4, p);
    out.set(p.name, at + 30);
    out.set(p.data, at + 30 + p.name.length);
    at += 30 + p.name.length + p.data.length;
  }
  const centralStart = at;
  for (const [i, p] of parts.entries()) {
    view.setUint32(at, 0x02014b50, true);
    view.setUint16(at + 4, 20, true); // made by: MS-DOS, zip 2.0
    header(view, at + 6, p);
    // Comment length, disk, internal and external attributes stay 0.
    view.setUint32(at + 42, offsets[i], true);
    out.set(p.name, at + 46);
    at += 46 + p.name.length;
  }
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, parts.length, true);
  view.setUint16(at + 10, parts.length, true);
  view.setUint32(at + 12, at - centralStart, true);
  view.setUint32(at + 16, centralStart, true);
  return out;
}

/** The fields local and central headers share, from "version needed" to the extra field length. */
function header(view: DataView, at: number, { entry: e, name, method, data }: { entry: ZipEntry; name: Uint8Array; method: number; data: Uint8Array }): void {
  view.setUint16(at, 20, true); // version needed: 2.0 (deflate)
  view.setUint16(at + 2, /^[\x20-\x7e]*$/.test(e.name) ? 0 : UTF8_NAMES, true);
  view.setUint16(at + 4, method, true);
  view.setUint16(at + 6, e.modTime, true);
  view.setUint16(at + 8, e.modDate, true);
  view.setUint32(at + 10, e.crc32, true);
  view.setUint32(at + 14, data.length, true);
  view.setUint32(at + 18, e.unpacked, true);
  view.setUint16(at + 22, name.length, true);
  view.setUint16(at + 24, 0, true);
}

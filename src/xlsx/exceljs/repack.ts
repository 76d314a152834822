/**
 * Rewriting a .xlsx package with node:zlib:
 * - `deflatePackage` compresses a book written stored (uncompressed). exceljs and JSZip deflate
 *   with pako, pure JavaScript several times slower than zlib: a municipal summary spent about a
 *   third of a second there. Same parts in the same order, CRCs and dates kept; parts already
 *   deflated are copied, empty parts and folders stay stored.
 * - `replaceParts` swaps the content of some parts and copies the others as they are.
 */
import { deflateRawSync } from "node:zlib";
import { zipEntries, type ZipEntry, type ZipLimits } from "../read/zip";

/** Our own packages: no size limit beyond what a zip without ZIP64 can hold. */
const OWN_PACKAGE: ZipLimits = {
  maxBytes: 0xffffffff,
  maxUnpackedBytes: 0xffffffff,
  maxRatio: Infinity,
  maxEntries: 0xffff,
};

/** Bit 11 of the general purpose flags: the part name is UTF-8. */
const UTF8_NAMES = 0x0800;

/** One part of the package being written. */
interface OutPart {
  name: string;
  method: number;
  crc32: number;
  unpacked: number;
  modTime: number;
  modDate: number;
  data: Uint8Array;
}

/** The part as it is in the package (packed data copied). */
function copied(pkg: Uint8Array, e: ZipEntry): OutPart {
  return { ...e, data: pkg.subarray(e.dataStart, e.dataStart + e.packed) };
}

export function deflatePackage(pkg: Uint8Array, level = 6): Uint8Array {
  return writeZip(
    zipEntries(pkg, "книга", OWN_PACKAGE).map((e): OutPart => {
      if (e.unpacked === 0) return { ...e, method: 0, data: new Uint8Array(0) };
      if (e.method !== 0) return copied(pkg, e);
      return { ...e, method: 8, data: deflateRawSync(pkg.subarray(e.dataStart, e.dataStart + e.packed), { level }) };
    }),
  );
}

/**
 * The package with the parts named in `replacements` (lower case: part names are matched as the
 * readers match them, regardless of case) holding the new bytes, deflated; the others copied.
 */
export function replaceParts(pkg: Uint8Array, replacements: ReadonlyMap<string, Uint8Array>): Uint8Array {
  return writeZip(
    zipEntries(pkg, "книга", OWN_PACKAGE).map((e): OutPart => {
      const next = replacements.get(e.name.toLowerCase());
      if (!next) return copied(pkg, e);
      return { ...e, method: 8, crc32: crc32(next), unpacked: next.length, data: deflateRawSync(next) };
    }),
  );
}

/** A change to one part: new content, a new name, or both; `null` drops the part. */
export type PartEdit = { name?: string; bytes?: Uint8Array } | null;

/** The package with parts renamed, rewritten or dropped (keys in lower case, as in replaceParts); the others copied. */
export function editParts(pkg: Uint8Array, edits: ReadonlyMap<string, PartEdit>): Uint8Array {
  const out: OutPart[] = [];
  for (const e of zipEntries(pkg, "книга", OWN_PACKAGE)) {
    const edit = edits.get(e.name.toLowerCase());
    if (edit === null) continue;
    if (edit === undefined) out.push(copied(pkg, e));
    else if (edit.bytes === undefined) out.push({ ...copied(pkg, e), name: edit.name ?? e.name });
    else {
      const next = edit.bytes;
      out.push({
        ...e,
        name: edit.name ?? e.name,
        method: 8,
        crc32: crc32(next),
        unpacked: next.length,
        data: deflateRawSync(next),
      });
    }
  }
  return writeZip(out);
}

function writeZip(parts: readonly OutPart[]): Uint8Array {
  const encoder = new TextEncoder();
  const names = parts.map((p) => encoder.encode(p.name));
  const localSize = parts.reduce((n, p, i) => n + 30 + names[i].length + p.data.length, 0);
  const centralSize = names.reduce((n, name) => n + 46 + name.length, 0);
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

let crcTable: Int32Array | undefined;

/** CRC-32 (IEEE) of the bytes, as zip stores it. */
export function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c;
    }
  }
  let crc = -1;
  for (let i = 0; i < bytes.length; i++) crc = crcTable[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

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
import { writeZip, type OutPart } from "../zip-write";

/** Our own packages: no size limit beyond what a zip without ZIP64 can hold. */
const OWN_PACKAGE: ZipLimits = {
  maxBytes: 0xffffffff,
  maxUnpackedBytes: 0xffffffff,
  maxRatio: Infinity,
  maxEntries: 0xffff,
};

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

/**
 * Checks a .xlsx file before exceljs unpacks it: school files come from dozens of people and
 * tools, and a zip bomb or an XML file with a DTD must be refused with a clear message, not
 * allowed to exhaust memory. The zip directory checks are shared with the browser reader
 * (src/xlsx/zip.ts); here only the first bytes of each XML part are inflated with node:zlib to
 * look for a DTD, so the check costs little even on large files.
 */
import { inflateRawSync, constants as zlibConstants } from "node:zlib";
import { checkNoDtd, isXmlPart, zipEntries, type ZipEntry, type ZipLimits } from "../read/zip";

export { DEFAULT_MAX_BYTES, defaultLimits, megabytes, type ZipLimits } from "../read/zip";

/** Throws a Russian error naming the file when the buffer is not a safe-looking .xlsx package; returns its entries. */
export function checkXlsxPackage(buf: Uint8Array, fileName: string, limits: ZipLimits): ZipEntry[] {
  const entries = zipEntries(buf, fileName, limits);
  for (const e of entries) if (isXmlPart(e.name)) checkNoDtd(xmlPrologue(buf, e, fileName), e.name, fileName);
  return entries;
}

function xmlPrologue(buf: Uint8Array, e: ZipEntry, fileName: string): string {
  const head = buf.subarray(e.dataStart, e.dataStart + Math.min(e.packed, 8192));
  if (e.method === 0) return new TextDecoder().decode(head.subarray(0, 4096));
  try {
    // A prefix of the deflate stream inflates to a prefix of the part: enough to see the prologue.
    return new TextDecoder().decode(
      inflateRawSync(head, { finishFlush: zlibConstants.Z_SYNC_FLUSH }).subarray(0, 4096),
    );
  } catch {
    throw new Error(`Файл «${fileName}» повреждён: часть «${e.name}» не распаковывается.`);
  }
}

const MIN_CHUNK = 64; // zlib's smallest chunk
const MAX_CHUNK = 64 * 1024 * 1024;

/** The unpacked bytes of a part, never inflating beyond its declared size (a lying header stops there). */
export function inflatePart(buf: Uint8Array, e: ZipEntry, fileName: string): Uint8Array {
  const data = buf.subarray(e.dataStart, e.dataStart + e.packed);
  if (e.method === 0) return data;
  try {
    // One output chunk of the declared size (at most 64 MB): node:zlib's default 16 KB chunks made a
    // 16 MB sheet a thousand buffers and a full copy to join them (issue 23). The declared size was
    // already checked against the book's limits and the compression ratio, so a lying header costs
    // no more than those allow.
    return inflateRawSync(data, {
      maxOutputLength: Math.max(1, e.unpacked),
      chunkSize: Math.min(Math.max(MIN_CHUNK, e.unpacked), MAX_CHUNK),
    });
  } catch {
    throw new Error(
      `Файл «${fileName}» повреждён: часть «${e.name}» не распаковывается или больше заявленного размера.`,
    );
  }
}

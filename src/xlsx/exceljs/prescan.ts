/**
 * The whole-book checks exceljs cannot make itself, run before it loads a book (books in the
 * 1904 date system, `import-fisoko --into`, rebuilding a summary). exceljs (through JSZip)
 * inflates every part in full whatever the zip directory declares, and expands every merged
 * area cell by cell; so here every part is first inflated with node:zlib, stopping at its declared
 * size and counting the bytes really produced, and every worksheet's claimed dimension and merged
 * areas are charged to the book budget (src/xlsx/read/scan.ts, shared with the pane), and every
 * part, whatever its name or encoding, is searched for a DTD. Only then does exceljs see the file.
 */
import type { BookLimits } from "../read/budget";
import { scanBookParts } from "../read/scan";
import { checkNoDtdBytes, type ZipEntry } from "../read/zip";
import { inflatePart } from "./zipguard";

/** Throws a Russian Error naming the file when the book would pass a whole-book limit; returns the worksheets' names. */
export async function prescanBook(
  buf: Uint8Array,
  entries: readonly ZipEntry[],
  fileName: string,
  limits?: BookLimits,
): Promise<string[]> {
  const byName = new Map(entries.map((e) => [e.name.toLowerCase(), e]));
  return scanBookParts(
    async (name) => {
      const e = byName.get(name.toLowerCase());
      if (!e) return null;
      const bytes = inflatePart(buf, e, fileName);
      checkNoDtdBytes(bytes, e.name, fileName);
      return bytes;
    },
    entries,
    fileName,
    limits,
  );
}

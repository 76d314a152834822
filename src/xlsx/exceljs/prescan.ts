/**
 * The whole-book checks exceljs cannot make itself, run before it loads a book (books in the
 * 1904 date system, `import-fisoko --into`, rebuilding a summary). exceljs (through JSZip)
 * inflates every part in full whatever the zip directory declares, and expands every merged
 * area cell by cell; so here every part is first inflated with node:zlib, stopping at its declared
 * size and counting the bytes really produced, and every worksheet's claimed dimension and merged
 * areas are charged to the book budget (src/xlsx/read/budget.ts), and every part, whatever its name
 * or encoding, is searched for a DTD. Only then does exceljs see the file.
 */
import { BookBudget } from "../read/budget";
import { allWorksheetParts } from "../read/parts";
import { sheetClaims } from "../read/sheet-xml";
import { checkNoDtdBytes, type ZipEntry } from "../read/zip";
import { inflatePart } from "./zipguard";

/** Throws a Russian Error naming the file when the book would pass a whole-book limit; returns the worksheets' names. */
export async function prescanBook(buf: Uint8Array, entries: readonly ZipEntry[], fileName: string): Promise<string[]> {
  const budget = new BookBudget(fileName);
  const byName = new Map(entries.map((e) => [e.name.toLowerCase(), e]));
  // Each part once: a part inflated here for a claim is not inflated again for the byte count.
  const seen = new Set<string>();
  const part = async (name: string) => {
    const e = byName.get(name.toLowerCase());
    if (!e) return null;
    seen.add(e.name);
    const bytes = inflatePart(buf, e, fileName);
    checkNoDtdBytes(bytes, e.name, fileName);
    return bytes;
  };
  const worksheets = await allWorksheetParts(part, budget);
  for (const s of worksheets) {
    const bytes = await part(s.target);
    if (!bytes) continue;
    budget.addInflated(s.target, bytes.length);
    const claims = sheetClaims(bytes);
    budget.addSheet(s.name, claims.dimensionCells);
    budget.addMerges(s.name, claims.mergedCells);
  }
  for (const e of entries) {
    if (seen.has(e.name)) continue;
    const bytes = inflatePart(buf, e, fileName);
    checkNoDtdBytes(bytes, e.name, fileName);
    budget.addInflated(e.name, bytes.length);
    if (/sharedStrings[^/]*\.xml$/i.test(e.name)) budget.addStrings(e.name, bytes.length);
  }
  return worksheets.map((w) => w.name);
}

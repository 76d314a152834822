/**
 * The whole-book checks that must run before a library that trusts the package (exceljs, through
 * JSZip) loads it: every part inflated through `part` (which stops at the part's declared size and
 * refuses DTDs), the bytes really produced charged to the book budget, every worksheet's claimed
 * dimension and merged areas charged too (src/xlsx/read/budget.ts), and every XML part is checked
 * to close all its elements (src/xlsx/read/balance.ts). Pure: the CLI passes a
 * node:zlib reader (src/xlsx/exceljs/prescan.ts), the pane a DecompressionStream or JavaScript one
 * (src/xlsx/read/browser.ts), so both refuse the same books with the same Russian messages.
 */
import { checkClosed } from "./balance";
import { BookBudget, type BookLimits } from "./budget";
import { allWorksheetParts, type PartReader } from "./parts";
import { sheetClaims } from "./sheet-xml";
import type { ZipEntry } from "./zip";

/** Throws a Russian Error naming the file when the book would pass a whole-book limit; returns the worksheets' names. */
export async function scanBookParts(
  part: PartReader,
  entries: readonly ZipEntry[],
  fileName: string,
  limits?: BookLimits,
): Promise<string[]> {
  const budget = new BookBudget(fileName, limits);
  // Each part once: a part inflated for a claim is not inflated again for the byte count.
  const seen = new Set<string>();
  const once: PartReader = async (name) => {
    seen.add(name.toLowerCase());
    const bytes = await part(name);
    if (bytes) checkClosed(bytes, name, fileName);
    return bytes;
  };
  const worksheets = await allWorksheetParts(once, budget);
  for (const s of worksheets) {
    const bytes = await once(s.target);
    if (!bytes) continue;
    budget.addInflated(s.target, bytes.length);
    const claims = sheetClaims(bytes);
    budget.addSheet(s.name, claims.dimensionCells);
    budget.addMerges(s.name, claims.mergedCells);
  }
  for (const e of entries) {
    if (seen.has(e.name.toLowerCase())) continue;
    const bytes = (await part(e.name)) ?? new Uint8Array(0);
    budget.addInflated(e.name, bytes.length);
    checkClosed(bytes, e.name, fileName);
    if (/sharedStrings[^/]*\.xml$/i.test(e.name)) budget.addStrings(e.name, bytes.length);
  }
  return worksheets.map((w) => w.name);
}

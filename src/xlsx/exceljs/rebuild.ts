/**
 * Loading a book the CLI is about to rebuild (an existing `summarize --out`, a school report):
 * its generated sheets — listed in the settings registry AND marked in row 2, exactly as
 * src/host/generated.ts decides — are loaded with only their title and marker rows, because they
 * are replaced anyway; every other sheet (the user's own) is loaded whole. exceljs builds an
 * object per cell, so for a 500-school summary this saves tens of seconds and gigabytes.
 * Which sheets are generated is read with the values-only reader first (row 2 of each sheet and
 * the settings sheet), so a user's sheet is never cut.
 */
import { basename } from "node:path";
import { findGeneratedSheets } from "../../host/generated";
import { MemoryWorkbook } from "../../host/memory";
import { sameName } from "../../host/rules";
import { SETTINGS_SHEET } from "../../host/settings";
import type { BookLimits } from "../read/budget";
import { readSheetsFromParts, worksheetParts } from "../read/parts";
import { keepFirstRows } from "../read/sheet-xml";
import { partReader, readChecked } from "./read";
import { replaceParts } from "./repack";
import { XlsxWorkbook } from "./workbook";
import { checkXlsxPackage, defaultLimits } from "./zipguard";

/** Row 1 is a generated sheet's title, row 2 its marker. */
const KEPT_ROWS = 2;

/** `limits`: the whole-book limits of the run's profile (`--set limits.…`), default ones when omitted. */
export async function loadForRebuild(path: string, limits?: BookLimits): Promise<XlsxWorkbook> {
  const name = basename(path);
  const buf = await readChecked(path);
  const part = partReader(buf, checkXlsxPackage(buf, name, defaultLimits()), name);
  const heads = await readSheetsFromParts(part, name, { rows: KEPT_ROWS, limits });
  const settingsName = heads?.find((s) => sameName(s.name, SETTINGS_SHEET))?.name;
  // A book in the 1904 date system, or without the add-in's settings, has no generated sheets to lighten.
  if (!heads || !settingsName) return XlsxWorkbook.fromBuffer(buf, name, { limits });
  const [settings] = (await readSheetsFromParts(part, name, { sheets: [settingsName], limits })) ?? [];
  const grids = Object.fromEntries(heads.map((s) => [s.name, s.name === settingsName ? settings.values : s.values]));
  const generated = await findGeneratedSheets(MemoryWorkbook.fromGrids(grids));
  if (generated.size === 0) return XlsxWorkbook.fromBuffer(buf, name, { limits });

  // The generated parts are inflated a second time here rather than kept from the first read:
  // holding every sheet's bytes at once would cost more memory than the second inflate costs time.
  const replacements = new Map<string, Uint8Array>();
  for (const s of (await worksheetParts(part, name)) ?? []) {
    if (!generated.has(s.name.toLocaleUpperCase("ru"))) continue;
    const bytes = await part(s.target);
    if (bytes) replacements.set(s.target.toLowerCase(), keepFirstRows(bytes, KEPT_ROWS));
  }
  return XlsxWorkbook.fromBuffer(replaceParts(buf, replacements), name, { limits });
}

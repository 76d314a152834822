/**
 * A values-only .xlsx reader for parsing forms and exports: reads the workbook, shared strings and
 * sheet XML directly into the plain grids of `SheetRead`, without building exceljs's cell objects,
 * styles or per-cell validations — consolidation reads hundreds of school files and only needs
 * values and merged areas. Pure: the unzipped parts come as bytes through `part(name)`, so the CLI
 * (node:zlib) and the pane (DecompressionStream) share it; worksheets are read from their bytes
 * (sheet-xml.ts), the small parts as text.
 *
 * Conventions are those of src/cli/xlsx/read.ts (and Office.js `range.values`): numbers, strings,
 * booleans; empty cells null; dates as Excel serials of the 1900 system (a date cell holds its
 * serial in the file, so no styles are needed); formula cells as their cached result; rich text
 * flattened; errors as codes; non-top-left cells of merged areas null. Books in the 1904 date
 * system are not handled here (`null` is returned so the caller reads them the full way).
 */
import { countRu } from "../../core/values";
import type { SheetRead } from "../../host/port";
import { BookBudget, type BookLimits } from "./budget";
import { readSheetBytes } from "./sheet-xml";
import { attributes, elements, itemText, utf8Text } from "./xml";

export { DEFAULT_MAX_CELLS, readSheetXml } from "./sheet-xml";

/** Unpacked bytes of a package part, or null when the package has no such part. */
export type PartReader = (name: string) => Promise<Uint8Array | null>;

export interface PartsReadOptions {
  /** Read only these sheets (names as in the file); all when omitted. */
  sheets?: string[];
  maxCells?: number;
  maxSheets?: number;
  /** Read only the first rows of each sheet (e.g. 2: a title and the generated-sheet marker). */
  rows?: number;
  /** Whole-book limits (default: the default profile's «Ограничения»). */
  limits?: BookLimits;
}

export const DEFAULT_MAX_SHEETS = 1_000;

const SHEETS = ["лист", "листа", "листов"] as const;

/** The value of an attribute whatever its namespace prefix ("r:id", "x:id"…). */
function attr(a: Map<string, string>, local: string): string | undefined {
  if (a.has(local)) return a.get(local);
  for (const [k, v] of a) if (k.endsWith(`:${local}`)) return v;
  return undefined;
}

export function sharedStrings(xml: string): string[] {
  const plain = plainSharedStrings(xml);
  if (plain) return plain;
  const out: string[] = [];
  // A linear scan: 500 000 unclosed <si> made the former lazy regex quadratic (minutes).
  for (const si of elements(xml, "si", true)) out.push(si.inner ? itemText(si.inner) : "");
  return out;
}

/**
 * The items of a shared-strings part written the usual way — every item a bare «<si>…</si>», none
 * prefixed, empty or unclosed — found with indexOf alone: the general scan over a protocol's
 * thousand items is hot enough for V8 to compile it twice on a cold run (issue 23). null for any
 * other part, which then goes the general way; where both apply, the items are the same.
 */
function plainSharedStrings(xml: string): string[] | null {
  if (xml.includes(":si")) return null;
  const out: string[] = [];
  let pos = 0;
  for (;;) {
    const lt = xml.indexOf("<si", pos);
    if (lt < 0) return out;
    if (xml.charCodeAt(lt + 3) !== 62 /* > */) return null;
    const close = xml.indexOf("</si>", lt + 4);
    if (close < 0) return null;
    out.push(close > lt + 4 ? itemText(xml.slice(lt + 4, close)) : "");
    pos = close + 5;
  }
}

/** Relationship id → target part, resolved against the part that holds the relationships. */
export function relationships(xml: string, basePart: string): Map<string, { target: string; type: string }> {
  const dir = basePart.split("/").slice(0, -1);
  const out = new Map<string, { target: string; type: string }>();
  for (const rel of elements(xml, "Relationship", false)) {
    const a = attributes(rel.attrs);
    const id = a.get("Id");
    const target = a.get("Target");
    if (!id || !target || a.get("TargetMode") === "External") continue;
    const stack = target.startsWith("/") ? [] : [...dir];
    for (const seg of target.replace(/^\//, "").split("/")) {
      if (seg === "..") stack.pop();
      else if (seg !== "." && seg !== "") stack.push(seg);
    }
    out.set(id, { target: stack.join("/"), type: a.get("Type") ?? "" });
  }
  return out;
}

/** "xl/worksheets/_rels/sheet3.xml.rels" for "xl/worksheets/sheet3.xml": where a part's relationships live (OPC). */
export function relsPath(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** A part as text, or null when the package has no such part; charged to the book's budget when one is given. */
async function textOf(part: PartReader, name: string, budget?: BookBudget): Promise<string | null> {
  const bytes = await part(name);
  if (bytes === null) return null;
  budget?.addInflated(name, bytes.length);
  budget?.addStrings(name, bytes.length);
  return utf8Text(bytes);
}

/** A worksheet of the package: its name and its part ("xl/worksheets/sheet3.xml"). */
export interface WorksheetPart {
  name: string;
  target: string;
}

/** The workbook part's text and its sheets in workbook order, each with its part and relationship type. */
async function bookSheets(
  part: PartReader,
  budget?: BookBudget,
): Promise<{
  workbookPart: string;
  workbook: string | null;
  rels: Map<string, { target: string; type: string }>;
  sheets: (WorksheetPart & { type: string })[];
}> {
  const rootRels = await textOf(part, "_rels/.rels", budget);
  const office = rootRels
    ? [...relationships(rootRels, "").values()].find((r) => r.type.endsWith("/officeDocument"))
    : undefined;
  const workbookPart = office?.target ?? "xl/workbook.xml";
  const workbook = await textOf(part, workbookPart, budget);
  const rels = relationships((await textOf(part, relsPath(workbookPart), budget)) ?? "", workbookPart);
  const sheets: (WorksheetPart & { type: string })[] = [];
  for (const sheet of elements(workbook ?? "", "sheet", false)) {
    const a = attributes(sheet.attrs);
    const rel = rels.get(attr(a, "id") ?? "");
    if (rel) sheets.push({ name: a.get("name") ?? "", target: rel.target, type: rel.type });
  }
  return { workbookPart, workbook, rels, sheets };
}

/**
 * The worksheets of the package in workbook order (chart and dialog sheets hold no cells and are
 * left out, as exceljs does), with the shared strings; null when the book uses the 1904 date system.
 */
async function packageSheets(
  part: PartReader,
  fileName: string,
  budget?: BookBudget,
): Promise<{ sheets: WorksheetPart[]; strings: string[] } | null> {
  const { workbookPart, workbook, rels, sheets } = await bookSheets(part, budget);
  if (workbook === null)
    throw new Error(
      `Файл «${fileName}» не является книгой Excel: в нём нет описания книги (${workbookPart}). Пересохраните его как «Книга Excel (.xlsx)».`,
    );
  if (elements(workbook, "workbookPr", false).some((w) => /\bdate1904\s*=\s*["'](?:1|true)["']/.test(w.attrs)))
    return null;
  const sstRel = [...rels.values()].find((r) => r.type.endsWith("/sharedStrings"));
  const sstXml = sstRel ? await textOf(part, sstRel.target, budget) : null;
  return {
    sheets: sheets.filter((s) => s.type.endsWith("/worksheet")).map(({ name, target }) => ({ name, target })),
    strings: sstXml ? sharedStrings(sstXml) : [],
  };
}

/** The worksheets of the package and their parts, or null for a book in the 1904 date system. */
export async function worksheetParts(part: PartReader, fileName: string): Promise<WorksheetPart[] | null> {
  return (await packageSheets(part, fileName))?.sheets ?? null;
}

/** A book opened for reading its worksheets one at a time (openBook). */
export interface OpenedBook {
  /** The worksheets to read (all, or those of `opts.sheets`), in workbook order. */
  sheets: WorksheetPart[];
  strings: string[];
  /** The book's budget, already charged with the text parts; each sheet read is charged to it too. */
  budget: BookBudget;
  /** The unpacked bytes of a worksheet part, charged to the budget: call it once per sheet. */
  bytes(sheet: WorksheetPart): Promise<Uint8Array>;
}

/**
 * The worksheets and shared strings of the package, checked against the sheet limit, to be read
 * one by one (readSheetBytes, visitSheetBytes); null when the book uses the 1904 date system.
 */
export async function openBook(
  part: PartReader,
  fileName: string,
  opts: Pick<PartsReadOptions, "sheets" | "maxSheets" | "limits"> = {},
): Promise<OpenedBook | null> {
  const budget = new BookBudget(fileName, opts.limits);
  const book = await packageSheets(part, fileName, budget);
  if (!book) return null;
  const { sheets, strings } = book;
  const maxSheets = opts.maxSheets ?? DEFAULT_MAX_SHEETS;
  if (sheets.length > maxSheets) {
    throw new Error(
      `Файл «${fileName}» содержит ${countRu(sheets.length, SHEETS)}, допускается не больше ${maxSheets}: это не похоже на школьную форму или отчёт.`,
    );
  }
  const wanted = opts.sheets ? new Set(opts.sheets) : null;
  return {
    sheets: wanted ? sheets.filter((s) => wanted.has(s.name)) : sheets,
    strings,
    budget,
    async bytes(s) {
      const bytes = (await part(s.target)) ?? new Uint8Array(0);
      budget.addInflated(s.target, bytes.length);
      return bytes;
    },
  };
}

/**
 * Every worksheet of the package (hidden ones too, in workbook order), or null when the book uses
 * the 1904 date system (dates would need styles to convert; read such books with exceljs).
 */
export async function readSheetsFromParts(
  part: PartReader,
  fileName: string,
  opts: PartsReadOptions = {},
): Promise<SheetRead[] | null> {
  const book = await openBook(part, fileName, opts);
  if (!book) return null;
  const out: SheetRead[] = [];
  for (const s of book.sheets)
    out.push(
      readSheetBytes(await book.bytes(s), s.name, fileName, book.strings, opts.maxCells, opts.rows, book.budget),
    );
  return out;
}

/**
 * Every worksheet of the package with its part, whatever the date system — for the checks that
 * must run before exceljs loads a book (src/xlsx/exceljs/prescan.ts); text parts charged to `budget`.
 */
export async function allWorksheetParts(part: PartReader, budget: BookBudget): Promise<WorksheetPart[]> {
  return (await bookSheets(part, budget)).sheets
    .filter((s) => s.type.endsWith("/worksheet"))
    .map(({ name, target }) => ({ name, target }));
}

/**
 * Names of the worksheets that carry a drawing (charts, pictures, shapes). exceljs drops drawings
 * when it re-saves a book, so a tool that rewrites a user's file must know which sheets would lose them.
 */
export async function sheetsWithDrawings(part: PartReader): Promise<string[]> {
  const out: string[] = [];
  for (const s of (await bookSheets(part)).sheets) {
    const sheetRels = await textOf(part, relsPath(s.target));
    if (sheetRels && [...relationships(sheetRels, s.target).values()].some((r) => r.type.endsWith("/drawing")))
      out.push(s.name);
  }
  return out;
}

/**
 * A values-only .xlsx reader for parsing forms and exports: reads the workbook, shared strings and
 * sheet XML directly into the plain grids of `SheetRead`, without building exceljs's cell objects,
 * styles or per-cell validations — consolidation reads hundreds of school files and only needs
 * values and merged areas. Pure: the unzipped parts come through `part(name)`, so the CLI
 * (node:zlib) and the pane (DecompressionStream) share it.
 *
 * Conventions are those of src/cli/xlsx/read.ts (and Office.js `range.values`): numbers, strings,
 * booleans; empty cells null; dates as Excel serials of the 1900 system (a date cell holds its
 * serial in the file, so no styles are needed); formula cells as their cached result; rich text
 * flattened; errors as codes; non-top-left cells of merged areas null. Books in the 1904 date
 * system are not handled here (`null` is returned so the caller reads them the full way).
 */
import { countRu, type CellValue } from "../core/values";
import type { Grid, SheetRead } from "../host/port";
import { dateToSerial } from "../host/serial";

export interface PartsReadOptions {
  /** Read only these sheets (names as in the file); all when omitted. */
  sheets?: string[];
  maxCells?: number;
  maxSheets?: number;
}

export const DEFAULT_MAX_SHEETS = 1_000;
export const DEFAULT_MAX_CELLS = 5_000_000;

const SHEETS = ["лист", "листа", "листов"] as const;
const ROWS = ["строка", "строки", "строк"] as const;
const COLUMNS = ["столбец", "столбца", "столбцов"] as const;
const CELLS = ["ячейки", "ячеек", "ячеек"] as const;

/** Any namespace prefix: some writers emit <x:c> instead of <c>. */
const P = "(?:[A-Za-z_][\\w.-]*:)?";

const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#(\d+)|#x([0-9A-Fa-f]+));/g;
const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

export function decodeXml(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(ENTITY, (m, named: string | undefined, dec: string | undefined, hex: string | undefined) => {
    if (named) return NAMED[named];
    const code = dec ? Number(dec) : parseInt(hex!, 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

export function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out.set(m[1], decodeXml(m[2] ?? m[3] ?? ""));
  return out;
}

/** The value of an attribute whatever its namespace prefix ("r:id", "x:id"…). */
function attr(a: Map<string, string>, local: string): string | undefined {
  if (a.has(local)) return a.get(local);
  for (const [k, v] of a) if (k.endsWith(`:${local}`)) return v;
  return undefined;
}

const T_RE = new RegExp(`<${P}t(?:\\s[^>]*)?>([^<]*)</${P}t>`, "g");
const RPH_RE = new RegExp(`<${P}rPh\\b[\\s\\S]*?</${P}rPh>`, "g");

/** Text of a string item (<si> or <is>): its <t> runs, phonetic hints left out. */
function itemText(xml: string): string {
  const body = xml.includes("rPh") ? xml.replace(RPH_RE, "") : xml;
  let s = "";
  for (const m of body.matchAll(T_RE)) s += m[1];
  return decodeXml(s);
}

export function sharedStrings(xml: string): string[] {
  const out: string[] = [];
  for (const m of xml.matchAll(new RegExp(`<${P}si\\b[^>]*?(?:/>|>([\\s\\S]*?)</${P}si>)`, "g"))) out.push(m[1] ? itemText(m[1]) : "");
  return out;
}

/** Relationship id → target part, resolved against the part that holds the relationships. */
export function relationships(xml: string, basePart: string): Map<string, { target: string; type: string }> {
  const dir = basePart.split("/").slice(0, -1);
  const out = new Map<string, { target: string; type: string }>();
  for (const m of xml.matchAll(new RegExp(`<${P}Relationship\\b([^>]*)>`, "g"))) {
    const a = attributes(m[1]);
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

function relsPath(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** "AB12" → [row 11, col 27] (0-based), or null. */
function cellPos(ref: string): [number, number] | null {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  if (i === 0 || i === ref.length) return null;
  const row = Number(ref.slice(i).replace(/\$/g, ""));
  if (!Number.isInteger(row) || row < 1) return null;
  return [row - 1, col - 1];
}

/** Rows and cells of sheetData in one pass: a row start (attributes) or a whole cell (attributes, content). */
const ROW_OR_CELL_RE = new RegExp(`<${P}(?:row\\b([^>]*)>|c\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${P}c>))`, "g");
const V_RE = new RegExp(`<${P}v(?:\\s[^>]*)?>([\\s\\S]*?)</${P}v>`);
const IS_RE = new RegExp(`<${P}is\\b[^>]*>([\\s\\S]*?)</${P}is>`);
const FORMULA_RE = new RegExp(`<${P}f[\\s/>]`);
const MERGE_RE = new RegExp(`<${P}mergeCell\\b([^>]*)>`, "g");

/** The value of attribute `name` in an attribute string (" r=\"A1\" t=\"s\""), without a regex. */
function quickAttr(attrs: string, name: string): string | undefined {
  const i = attrs.indexOf(` ${name}="`);
  if (i < 0) return undefined;
  const from = i + name.length + 3;
  return attrs.slice(from, attrs.indexOf('"', from));
}

/** Column index (0-based) of the letters at the start of a cell reference. */
function columnOf(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  return col - 1;
}

function cellValue(type: string | undefined, inner: string | undefined, strings: readonly string[]): CellValue {
  if (!inner) return null;
  if (type === "inlineStr") {
    const is = IS_RE.exec(inner);
    return is ? itemText(is[1]) : null;
  }
  let text: string;
  // The usual shape is exactly <v>…</v>; anything else (formulas, prefixes) goes through the regex.
  if (inner.startsWith("<v>") && inner.endsWith("</v>") && inner.indexOf("<", 3) === inner.length - 4) text = inner.slice(3, -4);
  else {
    const v = V_RE.exec(inner);
    if (!v) return null;
    text = v[1];
  }
  switch (type) {
    case "s": {
      const s = strings[Number(text)];
      return s === undefined ? null : s;
    }
    case "str":
    case "e":
      return decodeXml(text);
    case "b":
      return text.trim() === "1" || text.trim() === "true";
    case "d": {
      const d = new Date(decodeXml(text).trim());
      return Number.isNaN(d.getTime()) ? null : dateToSerial(d);
    }
    default: {
      const n = Number(text);
      return text.trim() !== "" && Number.isFinite(n) ? n : null;
    }
  }
}

/** One worksheet part → SheetRead (values only). */
export function readSheetXml(xml: string, name: string, fileName: string, strings: readonly string[], maxCells = DEFAULT_MAX_CELLS): SheetRead {
  let start = xml.indexOf("<sheetData");
  if (start < 0) start = xml.search(new RegExp(`<${P}sheetData\\b`));
  let end = xml.indexOf("</sheetData>", start);
  if (end < 0) end = xml.search(new RegExp(`</${P}sheetData>`));
  const data = start >= 0 ? xml.slice(start, end > start ? end : undefined) : "";
  // mergeCells follow sheetData in the schema.
  const tail = end > start ? xml.slice(end) : xml;

  const merges: string[] = [];
  const slaves = new Set<number>();
  for (const m of tail.matchAll(MERGE_RE)) {
    const ref = attributes(m[1]).get("ref");
    if (!ref) continue;
    const [a, b = a] = ref.toUpperCase().split(":");
    const p = cellPos(a);
    const q = cellPos(b);
    if (!p || !q) continue;
    merges.push(ref.toUpperCase());
    // Only the top-left cell of a merged area keeps its value; mark the others (cells ≤ 10⁶ per area).
    if ((q[0] - p[0] + 1) * (q[1] - p[1] + 1) > 1_000_000) continue;
    for (let r = p[0]; r <= q[0]; r++) for (let c = p[1]; c <= q[1]; c++) if (r !== p[0] || c !== p[1]) slaves.add(r * 16_384 + c);
  }

  const values: Grid = [];
  let cols = 0;
  let cellCount = 0;
  let maxRow = 0;
  let tooBig = false;
  let rowIndex = -1;
  let colIndex = -1;
  ROW_OR_CELL_RE.lastIndex = 0;
  for (let m = ROW_OR_CELL_RE.exec(data); m; m = ROW_OR_CELL_RE.exec(data)) {
    if (m[1] !== undefined) {
      const r = quickAttr(m[1], "r");
      rowIndex = r ? Number(r) - 1 : rowIndex + 1;
      colIndex = -1;
      continue;
    }
    const attrs = m[2];
    const ref = quickAttr(attrs, "r");
    colIndex = ref ? columnOf(ref) : colIndex + 1;
    const inner = m[3];
    if (!inner) continue;
    const r = rowIndex;
    const c = colIndex;
    if (r < 0 || c < 0 || (slaves.size && slaves.has(r * 16_384 + c))) continue;
    const v = cellValue(quickAttr(attrs, "t"), inner, strings);
    if (v === null || v === "") {
      // A formula without a cached result still belongs to the used range (as in exceljs and Excel).
      if (FORMULA_RE.test(inner)) {
        if (r + 1 > maxRow) maxRow = r + 1;
        if (c + 1 > cols) cols = c + 1;
        cellCount++;
      }
      continue;
    }
    if (r + 1 > maxRow) maxRow = r + 1;
    if (c + 1 > cols) cols = c + 1;
    cellCount++;
    // Past the limit only the size is still measured (for the message): no more cells are stored.
    if (tooBig || maxRow * cols > maxCells) {
      tooBig = true;
      continue;
    }
    let line = values[r];
    if (!line) line = values[r] = [];
    while (line.length < c) line.push(null);
    line[c] = v;
  }
  const rows = cellCount ? maxRow : 0;
  if (rows * cols > maxCells) {
    throw new Error(`Лист «${name}» файла «${fileName}» слишком велик: ${countRu(rows, ROWS)} × ${countRu(cols, COLUMNS)}, допускается не больше ${countRu(maxCells, CELLS)}.`);
  }
  // Pad to a rectangle from A1, as Office.js gives it.
  for (let r = 0; r < rows; r++) {
    const line = values[r] ?? (values[r] = []);
    while (line.length < cols) line.push(null);
  }
  values.length = rows;
  return { name, values, merges };
}

/**
 * Every worksheet of the package (hidden ones too, in workbook order), or null when the book uses
 * the 1904 date system (dates would need styles to convert; read such books with exceljs).
 * `part` returns a part's text or null when the package has no such part.
 */
export async function readSheetsFromParts(part: (name: string) => Promise<string | null>, fileName: string, opts: PartsReadOptions = {}): Promise<SheetRead[] | null> {
  const rootRels = await part("_rels/.rels");
  const office = rootRels ? [...relationships(rootRels, "").values()].find((r) => r.type.endsWith("/officeDocument")) : undefined;
  const workbookPart = office?.target ?? "xl/workbook.xml";
  const workbook = await part(workbookPart);
  if (workbook === null) throw new Error(`Файл «${fileName}» не является книгой Excel: в нём нет описания книги (${workbookPart}). Пересохраните его как «Книга Excel (.xlsx)».`);
  if (/<(?:[\w.-]+:)?workbookPr\b[^>]*\bdate1904="(?:1|true)"/.test(workbook)) return null;
  const rels = relationships((await part(relsPath(workbookPart))) ?? "", workbookPart);
  const sstRel = [...rels.values()].find((r) => r.type.endsWith("/sharedStrings"));
  const sstXml = sstRel ? await part(sstRel.target) : null;
  const strings = sstXml ? sharedStrings(sstXml) : [];

  const sheets: { name: string; target: string }[] = [];
  for (const m of workbook.matchAll(new RegExp(`<${P}sheet\\b([^>]*)>`, "g"))) {
    const a = attributes(m[1]);
    const rel = rels.get(attr(a, "id") ?? "");
    // Chart sheets and dialog sheets hold no cells: exceljs skips them too.
    if (!rel || !rel.type.endsWith("/worksheet")) continue;
    sheets.push({ name: a.get("name") ?? "", target: rel.target });
  }
  const maxSheets = opts.maxSheets ?? DEFAULT_MAX_SHEETS;
  if (sheets.length > maxSheets) {
    throw new Error(`Файл «${fileName}» содержит ${countRu(sheets.length, SHEETS)}, допускается не больше ${maxSheets}: это не похоже на школьную форму или отчёт.`);
  }
  const wanted = opts.sheets ? new Set(opts.sheets) : null;
  const out: SheetRead[] = [];
  for (const s of sheets) {
    if (wanted && !wanted.has(s.name)) continue;
    const xml = await part(s.target);
    out.push(readSheetXml(xml ?? "", s.name, fileName, strings, opts.maxCells));
  }
  return out;
}

/**
 * Names of the worksheets that carry a drawing (charts, pictures, shapes). exceljs drops drawings
 * when it re-saves a book, so a tool that rewrites a user's file must know which sheets would lose them.
 */
export async function sheetsWithDrawings(part: (name: string) => Promise<string | null>): Promise<string[]> {
  const rootRels = await part("_rels/.rels");
  const office = rootRels ? [...relationships(rootRels, "").values()].find((r) => r.type.endsWith("/officeDocument")) : undefined;
  const workbookPart = office?.target ?? "xl/workbook.xml";
  const workbook = (await part(workbookPart)) ?? "";
  const rels = relationships((await part(relsPath(workbookPart))) ?? "", workbookPart);
  const out: string[] = [];
  for (const m of workbook.matchAll(new RegExp(`<${P}sheet\\b([^>]*)>`, "g"))) {
    const a = attributes(m[1]);
    const rel = rels.get(attr(a, "id") ?? "");
    if (!rel) continue;
    const sheetRels = await part(relsPath(rel.target));
    if (sheetRels && [...relationships(sheetRels, rel.target).values()].some((r) => r.type.endsWith("/drawing"))) out.push(a.get("name") ?? "");
  }
  return out;
}

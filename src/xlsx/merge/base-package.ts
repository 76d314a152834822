/**
 * An existing .xlsx package opened for a zip-level merge (issue 23: `msoko summarize --out` into
 * the summary the methodist keeps her own sheets in): its directory, workbook, relationships,
 * content types, styles and shared strings are read; every other part stays packed, to be copied
 * byte for byte. Nothing here loads exceljs or builds a cell model.
 *
 * `unmergeable` says why a book cannot be merged safely (then the caller keeps the exceljs path):
 * the 1904 date system, external links, pivot caches, macros, connections and other workbook-level
 * parts whose meaning depends on the sheets being replaced, or XML written with namespace prefixes
 * the merge does not rewrite.
 */
import { basename } from "node:path";
import { constants as zlibConstants, inflateRawSync } from "node:zlib";
import { checkXlsxPackage, defaultLimits, inflatePart } from "../exceljs/zipguard";
import { readChecked } from "../exceljs/read";
import { checkNoDtdBytes, type ZipEntry } from "../read/zip";
import { relationships, relsPath } from "../read/parts";
import { BookBudget, type BookLimits } from "../read/budget";
import { attributes, decodeXml, elements, itemText, utf8Text } from "../read/xml";
import type { BaseStyles } from "../stream/styles";

export interface BaseRel {
  id: string;
  type: string;
  /** The part it points to (resolved), or the raw target when external. */
  target: string;
  external: boolean;
  /** The `<Relationship …/>` element as it is. */
  xml: string;
}

export interface BaseSheet {
  name: string;
  sheetId: number;
  rid: string;
  visibility: "visible" | "hidden" | "veryHidden";
  /** The part ("xl/worksheets/sheet3.xml"); "" when the relationship is missing. */
  part: string;
  /** "worksheet", "chartsheet", "dialogsheet"… */
  kind: string;
  /** The `<sheet …/>` element as it is. */
  xml: string;
}

export interface BasePackage {
  fileName: string;
  buf: Uint8Array;
  /** Directory entries by lower-cased part name. */
  entries: Map<string, ZipEntry>;
  workbookPart: string;
  workbookXml: string;
  /** Root relationships (_rels/.rels). */
  rootRels: BaseRel[];
  workbookRels: BaseRel[];
  sheets: BaseSheet[];
  /** `<Default …/>` elements and `<Override …/>` by lower-cased part name. */
  defaults: string[];
  overrides: Map<string, string>;
  styles: BaseStyles;
  strings: { xml: string; count: number; ids: Map<string, number>; texts: string[] };
  /** One above every number in a part name, sheetId and table id of the package. */
  firstId: number;
  /** Why the package cannot be merged (the caller then rebuilds it through exceljs), or "". */
  unmergeable: string;
}

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
/** Workbook-level relationships the merge carries or rewrites; anything else keeps the exceljs path. */
const WORKBOOK_RELS: Record<string, string> = {
  worksheet: "sheet",
  chartsheet: "sheet",
  dialogsheet: "sheet",
  styles: "styles",
  sharedStrings: "strings",
  theme: "keep",
  calcChain: "drop",
  customXml: "keep",
  person: "keep",
  sheetMetadata: "keep",
};
/** Workbook-level relationships that tie the book to its sheets' contents: merging is not safe. */
const REFUSED: Record<string, string> = {
  externalLink: "ссылки на другие книги",
  pivotCacheDefinition: "сводные таблицы",
  vbaProject: "макросы",
  connections: "подключения к данным",
  slicerCache: "срезы",
  timelineCache: "временные шкалы",
  queryTable: "запросы",
};

/** The relationships of a rels part's text, each with its element. */
export function parseRels(xml: string, basePart: string): BaseRel[] {
  const resolved = relationships(xml, basePart);
  const out: BaseRel[] = [];
  for (const m of xml.matchAll(/<Relationship\b[^>]*?\/?>/g)) {
    const a = attributes(m[0]);
    const id = a.get("Id") ?? "";
    const external = a.get("TargetMode") === "External";
    out.push({
      id,
      type: a.get("Type") ?? "",
      target: external ? (a.get("Target") ?? "") : (resolved.get(id)?.target ?? ""),
      external,
      xml: m[0].endsWith("/>") ? m[0] : `${m[0].slice(0, -1)}/>`,
    });
  }
  return out;
}

function typeName(type: string): string {
  return type.slice(type.lastIndexOf("/") + 1);
}

/** `limits`: the run's whole-book limits (`--set limits.…`); the parts read as text are charged to them. */
export async function openBasePackage(path: string, limits?: BookLimits): Promise<BasePackage> {
  const fileName = basename(path);
  const buf = await readChecked(path);
  const list = checkXlsxPackage(buf, fileName, defaultLimits());
  const entries = new Map(list.map((e) => [e.name.toLowerCase(), e]));
  const budget = new BookBudget(fileName, limits);
  const text = (name: string): string | null => {
    const e = entries.get(name.toLowerCase());
    if (!e) return null;
    const bytes = inflatePart(buf, e, fileName);
    checkNoDtdBytes(bytes, e.name, fileName);
    budget.addInflated(e.name, bytes.length);
    budget.addStrings(e.name, bytes.length);
    return utf8Text(bytes);
  };
  const why: string[] = [];
  const rootRels = parseRels(text("_rels/.rels") ?? "", "");
  const workbookPart = rootRels.find((r) => r.type.endsWith("/officeDocument"))?.target ?? "xl/workbook.xml";
  const workbookXml = text(workbookPart);
  if (workbookXml === null)
    throw new Error(
      `Файл «${fileName}» не является книгой Excel: в нём нет описания книги (${workbookPart}). Пересохраните его как «Книга Excel (.xlsx)».`,
    );
  const workbookRels = parseRels(text(relsPath(workbookPart)) ?? "", workbookPart);
  for (const r of workbookRels) {
    const t = typeName(r.type);
    if (REFUSED[t]) why.push(REFUSED[t]);
    else if (!WORKBOOK_RELS[t] || r.external) why.push(`связь книги «${t}»`);
  }
  if (!/<workbook[\s>]/.test(workbookXml) || !/<sheets[\s>]/.test(workbookXml)) why.push("описание книги с префиксами");
  if (/<(externalReferences|pivotCaches|customWorkbookViews|oleSize)[\s>]/.test(workbookXml))
    why.push("связи книги вне листов");
  if (elements(workbookXml, "workbookPr", false).some((w) => /\bdate1904\s*=\s*["'](?:1|true)["']/.test(w.attrs)))
    why.push("система дат 1904");
  if ([...entries.keys()].some((n) => n.endsWith(".bin") && n.includes("vba"))) why.push("макросы");

  const relById = new Map(workbookRels.map((r) => [r.id, r]));
  const sheets: BaseSheet[] = [];
  for (const m of workbookXml.matchAll(/<sheet\b[^>]*?\/?>/g)) {
    const a = attributes(m[0]);
    const rid = a.get("r:id") ?? [...a].find(([k]) => k.endsWith(":id"))?.[1] ?? "";
    const rel = relById.get(rid);
    const state = a.get("state");
    sheets.push({
      name: a.get("name") ?? "",
      sheetId: Number(a.get("sheetId")) || 0,
      rid,
      visibility: state === "hidden" || state === "veryHidden" ? state : "visible",
      part: rel?.target ?? "",
      kind: rel ? typeName(rel.type) : "",
      xml: m[0],
    });
  }

  const types = text("[Content_Types].xml") ?? "";
  const defaults = [...types.matchAll(/<Default\b[^>]*?\/?>/g)].map((m) => m[0]);
  const overrides = new Map<string, string>();
  for (const m of types.matchAll(/<Override\b[^>]*?\/?>/g)) {
    const part = (attributes(m[0]).get("PartName") ?? "").replace(/^\//, "").toLowerCase();
    overrides.set(part, m[0]);
  }
  if ([...overrides.values()].some((o) => /macroEnabled/i.test(o))) why.push("макросы");

  const stylesRel = workbookRels.find((r) => typeName(r.type) === "styles");
  const stylesXml = stylesRel ? text(stylesRel.target) : null;
  const styles = stylesXml ? parseStyles(stylesXml) : null;
  if (stylesXml && !styles) why.push("стили с префиксами");
  const stringsRel = workbookRels.find((r) => typeName(r.type) === "sharedStrings");
  const strings = parseStrings(stringsRel ? (text(stringsRel.target) ?? "") : "");
  if (!strings) why.push("общие строки с префиксами");

  // Part numbers, sheet and table ids the new parts must not take.
  let max = 0;
  for (const e of list) for (const n of e.name.match(/\d+/g) ?? []) max = Math.max(max, Math.min(Number(n), 1e6));
  for (const s of sheets) max = Math.max(max, s.sheetId);
  return {
    fileName,
    buf,
    entries,
    workbookPart,
    workbookXml,
    rootRels,
    workbookRels,
    sheets,
    defaults,
    overrides,
    styles: styles ?? emptyStyles(),
    strings: strings ?? { xml: "", count: 0, ids: new Map(), texts: [] },
    firstId: max + 1,
    unmergeable: [...new Set(why)].join(", "),
  };
}

/** The unpacked bytes of a part of the package, or null. */
export function partBytes(base: BasePackage, name: string): Uint8Array | null {
  const e = base.entries.get(name.toLowerCase());
  if (!e) return null;
  const bytes = inflatePart(base.buf, e, base.fileName);
  checkNoDtdBytes(bytes, e.name, base.fileName);
  return bytes;
}

/**
 * The beginning of a part holding at least its first `rows` rows (whole when short): a prefix of
 * the deflate stream inflates to a prefix of the part, so the marker row of a generated sheet of
 * 60 MB costs a few kilobytes, not the whole sheet, at the moment memory is fullest (the run reads
 * the markers just before it writes).
 */
export function partHead(base: BasePackage, name: string, rows: number): Uint8Array | null {
  const e = base.entries.get(name.toLowerCase());
  if (!e) return null;
  if (e.method !== 8) return partBytes(base, name);
  for (let n = 1 << 16; n < e.packed; n *= 4) {
    let head: Uint8Array;
    try {
      head = inflateRawSync(base.buf.subarray(e.dataStart, e.dataStart + n), {
        finishFlush: zlibConstants.Z_SYNC_FLUSH,
        maxOutputLength: Math.max(1, e.unpacked),
      });
    } catch {
      break;
    }
    if (rowStarts(head) > rows) {
      checkNoDtdBytes(head, e.name, base.fileName);
      return head;
    }
  }
  return partBytes(base, name);
}

/** How many <row> start tags (any prefix) the bytes hold. */
function rowStarts(b: Uint8Array): number {
  let n = 0;
  for (let i = 1; i + 4 < b.length; i++)
    if (
      b[i] === 114 /* r */ &&
      b[i + 1] === 111 /* o */ &&
      b[i + 2] === 119 /* w */ &&
      (b[i - 1] === 60 /* < */ || b[i - 1] === 58) /* : */ &&
      (b[i + 3] === 32 || b[i + 3] === 62 || b[i + 3] === 47)
    )
      n++;
  return n;
}

export function partText(base: BasePackage, name: string): string | null {
  const b = partBytes(base, name);
  return b === null ? null : utf8Text(b);
}

function emptyStyles(): BaseStyles {
  return {
    root: `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`,
    numFmts: [],
    fonts: ['<font><sz val="11"/><color rgb="FF000000"/><name val="Calibri"/><family val="2"/></font>'],
    fills: ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'],
    borders: ["<border><left/><right/><top/><bottom/><diagonal/></border>"],
    cellXfs: ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'],
    dxfs: [],
    cellStyleXfs: "",
    cellStyles: "",
    tableStyles: "",
    colors: "",
    extLst: "",
  };
}

/** A whole section `<tag …>…</tag>` or `<tag …/>`, or "". */
function section(xml: string, tag: string): string {
  const m = new RegExp(`<${tag}\\b[^>]*?(?:/>|>[\\s\\S]*?</${tag}>)`).exec(xml);
  return m ? m[0] : "";
}

/** The items `<item …/>` / `<item …>…</item>` of a section (items never nest in themselves). */
function items(sectionXml: string, item: string): string[] {
  const inner = sectionXml.replace(/^<[^>]*>/, "");
  return [...inner.matchAll(new RegExp(`<${item}\\b[^>]*?(?:/>|>[\\s\\S]*?</${item}>)`, "g"))].map((m) => m[0]);
}

/** The styles part split into the lists a streamed workbook continues; null when written with prefixes. */
export function parseStyles(xml: string): BaseStyles | null {
  const root = /<styleSheet\b[^>]*>/.exec(xml);
  if (!root) return null;
  const numFmts = items(section(xml, "numFmts"), "numFmt").map((x) => {
    const a = attributes(x);
    return { id: Number(a.get("numFmtId")), code: a.get("formatCode") ?? "", xml: x };
  });
  const s: BaseStyles = {
    root: root[0],
    numFmts,
    fonts: items(section(xml, "fonts"), "font"),
    fills: items(section(xml, "fills"), "fill"),
    borders: items(section(xml, "borders"), "border"),
    cellXfs: items(section(xml, "cellXfs"), "xf"),
    dxfs: items(section(xml, "dxfs"), "dxf"),
    cellStyleXfs: section(xml, "cellStyleXfs"),
    cellStyles: section(xml, "cellStyles"),
    tableStyles: section(xml, "tableStyles"),
    colors: section(xml, "colors"),
    extLst: section(xml, "extLst"),
  };
  // Excel needs the first two fills (none, gray125), one font, one border and one cell xf.
  if (!s.fonts.length || s.fills.length < 2 || !s.borders.length || !s.cellXfs.length) return null;
  return s;
}

/** The shared strings: their items as they are, their count, plain texts for reuse; null when prefixed. */
export function parseStrings(xml: string): BasePackage["strings"] | null {
  if (!xml) return { xml: "", count: 0, ids: new Map(), texts: [] };
  if (!/<sst\b/.test(xml)) return null;
  const first = xml.indexOf("<si");
  const last = xml.lastIndexOf("</si>");
  const body = first >= 0 && last > first ? xml.slice(first, last + 5) : "";
  // The items are copied under a new <sst> root that declares only the main namespace.
  if (/<[A-Za-z_][\w.-]*:/.test(body)) return null;
  const ids = new Map<string, number>();
  const texts: string[] = [];
  for (const si of elements(body, "si", true)) {
    const inner = si.inner;
    const t = inner ? itemText(inner) : "";
    // Only a plain item is reused for a new cell: a rich one would bring its runs' formatting along.
    const plain = /^<t(?:\s+xml:space="preserve")?>([^<]*)<\/t>$/.exec(inner);
    if (plain && !ids.has(t)) ids.set(decodeXml(plain[1]), texts.length);
    texts.push(t);
  }
  return { xml: body, count: texts.length, ids, texts };
}

export const REL_TYPES = {
  sheet: `${REL}/worksheet`,
  styles: `${REL}/styles`,
  strings: `${REL}/sharedStrings`,
};

/**
 * A book written by another tool, reshaped into what exceljs can load. exceljs recognises parts
 * by fixed names and prefixes rather than by relationships, so a book re-saved by openpyxl (or
 * written by other libraries) failed with «Cannot read properties of undefined (reading
 * 'anchors')» or silently lost its sheets:
 * - worksheets stored under other names than xl/worksheets/sheetN.xml are ignored by exceljs
 *   (the sheet disappears, and a rebuild would take a generated sheet for the user's): such parts
 *   are renamed to free sheetN.xml names, with their relationships, and the workbook's
 *   relationships are pointed at the new names;
 * - drawings exceljs cannot model — written in the default namespace (<wsDr xmlns="…">, as
 *   openpyxl writes them), named otherwise than drawingN.xml, or missing — make exceljs read an
 *   undefined drawing: they are left out, and the sheets' <drawing> elements with them. exceljs
 *   drops charts on a re-save anyway; the CLI says which of the user's sheets would lose drawings
 *   before it rewrites a file (src/cli/commands/summarize.ts), and generated sheets get their
 *   charts back when they are rebuilt.
 * A book Excel wrote needs none of this and is returned as it is (the same bytes).
 */
import { relationships, relsPath } from "../read/parts";
import { attributes, utf8Text } from "../read/xml";
import type { ZipEntry } from "../read/zip";
import { editParts, type PartEdit } from "./repack";
import { inflatePart } from "./zipguard";

const WORKBOOK = "xl/workbook.xml";
const WORKBOOK_RELS = "xl/_rels/workbook.xml.rels";
/** The names exceljs's loader matches (lib/xlsx/xlsx.js). */
const EXCELJS_SHEET = /^xl\/worksheets\/sheet\d+\.xml$/i;
const EXCELJS_DRAWING = /^xl\/drawings\/[a-zA-Z0-9]+\.xml$/;
/** exceljs's drawing parser starts only on this exact tag. */
const EXCELJS_DRAWING_ROOT = /^\s*(?:<\?xml[^>]*\?>)?\s*(?:<!--[\s\S]*?-->\s*)*<xdr:wsDr[\s>]/;
const DRAWING_ELEMENT =
  /<(?:[A-Za-z_][\w.-]*:)?drawing\b[^>]*?\/>|<(?:[A-Za-z_][\w.-]*:)?drawing\b[^>]*>[^<]*<\/(?:[A-Za-z_][\w.-]*:)?drawing>/g;
const RELATIONSHIP_TAG = /<((?:[A-Za-z_][\w.-]*:)?Relationship)\b([^>]*?)(\/?)>/g;

function escapeAttr(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}

/** The package exceljs can load: the same bytes when nothing needs changing. */
export function normalizeForExceljs(buf: Uint8Array, entries: readonly ZipEntry[], fileName: string): Uint8Array {
  const byName = new Map(entries.map((e) => [e.name.toLowerCase(), e]));
  const text = (name: string): string | null => {
    const e = byName.get(name.toLowerCase());
    return e ? utf8Text(inflatePart(buf, e, fileName)) : null;
  };
  const edits = new Map<string, PartEdit>();
  const wbRelsXml = text(WORKBOOK_RELS);
  if (text(WORKBOOK) === null || wbRelsXml === null) return buf; // not a book exceljs can read at all: its own message
  const wbRels = relationships(wbRelsXml, WORKBOOK);

  // Worksheets under other names: renamed to free sheetN.xml names.
  const worksheets = [...wbRels].filter(([, r]) => r.type.endsWith("/worksheet") && byName.has(r.target.toLowerCase()));
  const used = new Set(entries.map((e) => e.name.toLowerCase()));
  const retarget = new Map<string, string>();
  let n = 1;
  for (const [id, r] of worksheets) {
    if (EXCELJS_SHEET.test(r.target)) continue;
    while (used.has(`xl/worksheets/sheet${n}.xml`)) n++;
    const next = `xl/worksheets/sheet${n}.xml`;
    used.add(next);
    edits.set(r.target.toLowerCase(), { name: next });
    if (byName.has(relsPath(r.target).toLowerCase()))
      edits.set(relsPath(r.target).toLowerCase(), { name: relsPath(next) });
    retarget.set(id, `/${next}`);
  }
  if (retarget.size) {
    const xml = wbRelsXml.replace(RELATIONSHIP_TAG, (tag, el: string, attrs: string, close: string) => {
      const id = attributes(attrs).get("Id");
      const target = id === undefined ? undefined : retarget.get(id);
      if (target === undefined) return tag;
      const rest = attrs.replace(/\sTarget\s*=\s*("[^"]*"|'[^']*')/, "");
      return `<${el}${rest} Target="${escapeAttr(target)}"${close}>`;
    });
    edits.set(WORKBOOK_RELS, { bytes: new TextEncoder().encode(xml) });
  }

  // Drawings exceljs cannot model: dropped, with the sheets' references to them.
  const unusable = (target: string): boolean => {
    if (!EXCELJS_DRAWING.test(target)) return true;
    const e = byName.get(target.toLowerCase());
    if (!e) return true;
    const head = utf8Text(inflatePart(buf, e, fileName).subarray(0, 4096));
    return !EXCELJS_DRAWING_ROOT.test(head);
  };
  // Every drawing part, referenced or not: exceljs reconciles each one it finds.
  const dropped = new Set(
    entries
      .map((e) => e.name)
      .filter((name) => /^xl\/drawings\/[^/]+\.xml$/i.test(name) && unusable(name))
      .map((name) => name.toLowerCase()),
  );
  for (const [, r] of worksheets) {
    const relsXml = text(relsPath(r.target));
    if (relsXml === null) continue;
    const drawings = [...relationships(relsXml, r.target).values()].filter((d) => d.type.endsWith("/drawing"));
    if (!drawings.some((d) => dropped.has(d.target.toLowerCase()) || unusable(d.target))) continue;
    const e = byName.get(r.target.toLowerCase())!;
    const sheet = utf8Text(inflatePart(buf, e, fileName)).replace(DRAWING_ELEMENT, "");
    const key = r.target.toLowerCase();
    edits.set(key, { ...edits.get(key), bytes: new TextEncoder().encode(sheet) });
  }
  for (const target of dropped) {
    edits.set(target, null);
    if (byName.has(relsPath(target))) edits.set(relsPath(target), null);
  }
  return edits.size ? editParts(buf, edits) : buf;
}

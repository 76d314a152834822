/**
 * New values for some cells of a kept worksheet's XML, everything else of the part left as it is
 * (column widths, styles, merges, validations, page setup): the merge writes the settings sheet's
 * registry this way (a few hundred cells), never a user's own sheet. A cell keeps its style (s);
 * a formula in it is replaced by the value. Pure: text in, text out.
 */
import { columnLetters, formatCell, parseCell } from "../../core/a1";
import { attributes } from "../read/xml";

export type PatchValue = string | number | boolean | null;

/** New values by row (0-based), then column (0-based). */
export type CellPatch = Map<number, Map<number, PatchValue>>;

const ROW = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;
const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;

function cellXml(ref: string, attrs: string, v: PatchValue, stringId: (t: string) => number): string {
  const a = attributes(attrs);
  const s = a.get("s");
  const head = `<c r="${ref}"${s && s !== "0" ? ` s="${s}"` : ""}`;
  if (v === null || v === "") return s && s !== "0" ? `${head}/>` : "";
  if (typeof v === "number") return `${head}><v>${Number.isFinite(v) ? v : 0}</v></c>`;
  if (typeof v === "boolean") return `${head} t="b"><v>${v ? 1 : 0}</v></c>`;
  return `${head} t="s"><v>${stringId(v)}</v></c>`;
}

export function patchSheetXml(xml: string, patch: CellPatch, stringId: (t: string) => number, where: string): string {
  if (!patch.size) return xml;
  const open = /<sheetData\b[^>]*?(\/)?>/.exec(xml);
  if (!open) throw new Error(`${where}: в листе нет данных ячеек (sheetData), значения не записать.`);
  const start = open.index + open[0].length;
  const end = open[1] ? start : xml.indexOf("</sheetData>", start);
  if (end < 0) throw new Error(`${where}: данные листа не закрыты (sheetData).`);
  const body = open[1] ? "" : xml.slice(start, end);
  const rows: { r: number; xml: string }[] = [];
  let rowNo = 0;
  for (const m of body.matchAll(ROW)) {
    const a = attributes(m[1]);
    rowNo = Number(a.get("r")) || rowNo + 1;
    const cells = patch.get(rowNo - 1);
    rows.push({ r: rowNo, xml: cells ? patchRow(m[1], m[2] ?? "", rowNo, cells, stringId, where) : m[0] });
  }
  for (const [r, cells] of patch)
    if (!rows.some((x) => x.r === r + 1)) rows.push({ r: r + 1, xml: patchRow("", "", r + 1, cells, stringId, where) });
  rows.sort((x, y) => x.r - y.r);
  let maxRow = 0;
  let maxCol = 0;
  for (const [r, cells] of patch) {
    maxRow = Math.max(maxRow, r);
    for (const c of cells.keys()) maxCol = Math.max(maxCol, c);
  }
  const data = `<sheetData>${rows.map((x) => x.xml).join("")}</sheetData>`;
  const out = xml.slice(0, open.index) + data + xml.slice(open[1] ? start : end + "</sheetData>".length);
  // The used range grows to the written cells.
  return out.replace(/<dimension\b[^>]*?ref="([^"]*)"[^>]*?\/>/, (m, ref: string) => {
    const [a, b = a] = ref.split(":");
    try {
      const from = parseCell(a);
      const to = parseCell(b);
      const r = formatCell({ row: Math.max(to.row, maxRow), col: Math.max(to.col, maxCol) });
      return m.replace(`ref="${ref}"`, `ref="${formatCell(from)}:${r}"`);
    } catch {
      return m;
    }
  });
}

function patchRow(
  rowAttrs: string,
  inner: string,
  rowNo: number,
  cells: Map<number, PatchValue>,
  stringId: (t: string) => number,
  where: string,
): string {
  const kept: { c: number; xml: string }[] = [];
  const attrsAt = new Map<number, string>();
  let col = -1;
  for (const m of inner.matchAll(CELL)) {
    const ref = attributes(m[1]).get("r");
    col = ref ? parseCell(ref).col : col + 1;
    if (!cells.has(col)) {
      kept.push({ c: col, xml: m[0] });
      continue;
    }
    if (/<f\b[^>]*\bt="shared"[^>]*\bref=/.test(m[2] ?? ""))
      throw new Error(
        `${where}, ячейка ${columnLetters(col)}${rowNo}: в ней общая формула других ячеек, значение не записать.`,
      );
    attrsAt.set(col, m[1]);
  }
  for (const [c, v] of cells) {
    const x = cellXml(`${columnLetters(c)}${rowNo}`, attrsAt.get(c) ?? "", v, stringId);
    if (x) kept.push({ c, xml: x });
  }
  kept.sort((a, b) => a.c - b.c);
  // spans would be stale: it is optional, so it goes.
  const attrs = rowAttrs.replace(/\s+spans="[^"]*"/, "").replace(/\s+r="[^"]*"/, "");
  return `<row r="${rowNo}"${attrs}>${kept.map((k) => k.xml).join("")}</row>`;
}

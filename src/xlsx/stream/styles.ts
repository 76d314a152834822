/**
 * The styles table of a streamed workbook (xl/styles.xml), built up while sheets are written:
 * a cell holds only the index of its style (xf), and a `format` op maps (style, format) to a
 * style once, whatever the number of cells. Formats compose as in the exceljs port
 * (src/xlsx/exceljs/workbook.ts): a font set by any op starts from Calibri, fills are solid,
 * borders thin grey, so both writers give a cell the same look.
 */
import type { CellFormat, HAlign, VAlign } from "../../host/port";
import { escapeXml } from "../exceljs/chart-xml";

interface FontState {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  /** "FFRRGGBB" */
  color?: string;
}

/** What a cell's style is made of; absent parts are Excel's defaults. */
interface StyleState {
  numFmt?: string;
  font?: FontState;
  /** "FFRRGGBB" */
  fill?: string;
  wrap?: boolean;
  hAlign?: HAlign;
  vAlign?: "top" | "center" | "bottom";
  borders?: boolean;
  locked?: boolean;
}

/** Number formats Excel knows by id (ECMA-376 §18.8.30); others get ids from 164. */
const BUILTIN_FORMATS: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "@": 49 };

export function argb(hex: string): string {
  const h = hex.replace(/^#/, "").toUpperCase();
  if (!/^[0-9A-F]{6}$/.test(h)) throw new Error(`Цвет «${hex}» не в формате #RRGGBB.`);
  return `FF${h}`;
}

/** Unique strings → index, in order of first use. */
class Interned {
  readonly items: string[] = [];
  private readonly index = new Map<string, number>();
  constructor(first: string[] = []) {
    for (const x of first) this.id(x);
  }
  id(x: string): number {
    let i = this.index.get(x);
    if (i === undefined) {
      i = this.items.length;
      this.items.push(x);
      this.index.set(x, i);
    }
    return i;
  }
}

const DEFAULT_FONT = '<font><sz val="11"/><color rgb="FF000000"/><name val="Calibri"/><family val="2"/></font>';

/**
 * The styles of an existing package the table starts from (a summary re-run merged into the user's
 * book, src/xlsx/merge): its lists' items as they are in the file, so the kept sheets' s="N" and
 * dxfId keep pointing at the same styles; new styles are appended (an identical one is reused).
 * The sections the writer does not build (cell style xfs, named styles, table styles, colours,
 * extensions) are written back as they were.
 */
export interface BaseStyles {
  /** The `<styleSheet …>` start tag as it is (its namespaces serve the items' prefixes). */
  root: string;
  /** `<numFmt …/>` elements. */
  numFmts: { id: number; code: string; xml: string }[];
  fonts: string[];
  fills: string[];
  borders: string[];
  cellXfs: string[];
  dxfs: string[];
  /** Whole sections (`<cellStyleXfs …>…</cellStyleXfs>`), "" when absent. */
  cellStyleXfs: string;
  cellStyles: string;
  tableStyles: string;
  colors: string;
  extLst: string;
}

export class StyleTable {
  /** Style state by xf index; a base xf other than 0 has none (new cells never start from it). */
  private readonly states: StyleState[] = [{}];
  private readonly xfs: Interned;
  private readonly fonts: Interned;
  private readonly fills: Interned;
  private readonly borders: Interned;
  private readonly numFmts = new Map<string, number>();
  private readonly dxfs: Interned;
  private nextNumFmt = 164;

  constructor(private readonly base?: BaseStyles) {
    this.xfs = new Interned(base?.cellXfs ?? ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>']);
    this.fonts = new Interned(base?.fonts ?? [DEFAULT_FONT]);
    this.fills = new Interned(
      base?.fills ?? [
        '<fill><patternFill patternType="none"/></fill>',
        '<fill><patternFill patternType="gray125"/></fill>',
      ],
    );
    this.borders = new Interned(base?.borders ?? ["<border><left/><right/><top/><bottom/><diagonal/></border>"]);
    this.dxfs = new Interned(base?.dxfs ?? []);
    for (const f of base?.numFmts ?? []) {
      if (!this.numFmts.has(f.code)) this.numFmts.set(f.code, f.id);
      this.nextNumFmt = Math.max(this.nextNumFmt, f.id + 1);
    }
  }
  /** `${style}\n${format key}` → style. */
  private readonly applied = new Map<string, number>();

  /**
   * What one format op does to styles: style before → style after, asked per cell. Built once per
   * op (`key`: the format's JSON), so a cell costs one lookup by number, not a key string.
   */
  applier(format: CellFormat, key: string): (xf: number) => number {
    const seen = new Map<number, number>();
    return (xf) => {
      let next = seen.get(xf);
      if (next === undefined) {
        const memo = `${xf}\n${key}`;
        next = this.applied.get(memo);
        if (next === undefined) {
          next = this.xf(compose(this.states[xf], format));
          this.applied.set(memo, next);
        }
        seen.set(xf, next);
      }
      return next;
    };
  }

  /** A differential style for a conditional format: fill and/or font colour. */
  dxf(fill?: string, fontColor?: string): number {
    const font = fontColor ? `<font><color rgb="${argb(fontColor)}"/></font>` : "";
    const f = fill ? `<fill><patternFill patternType="solid"><bgColor rgb="${argb(fill)}"/></patternFill></fill>` : "";
    return this.dxfs.id(`<dxf>${font}${f}</dxf>`);
  }

  private xf(s: StyleState): number {
    const numFmtId = s.numFmt === undefined ? 0 : this.numFmtId(s.numFmt);
    const fontId = s.font ? this.fonts.id(fontXml(s.font)) : 0;
    const fillId = s.fill
      ? this.fills.id(`<fill><patternFill patternType="solid"><fgColor rgb="${s.fill}"/></patternFill></fill>`)
      : 0;
    const borderId = s.borders
      ? this.borders.id(
          `<border>${["left", "right", "top", "bottom"].map((side) => `<${side} style="thin"><color rgb="FF808080"/></${side}>`).join("")}<diagonal/></border>`,
        )
      : 0;
    const align =
      s.wrap !== undefined || s.hAlign || s.vAlign
        ? `<alignment${s.hAlign ? ` horizontal="${s.hAlign}"` : ""}${s.vAlign ? ` vertical="${s.vAlign}"` : ""}${s.wrap ? ' wrapText="1"' : ""}/>`
        : "";
    const protection = s.locked !== undefined ? `<protection locked="${s.locked ? 1 : 0}"/>` : "";
    const applies =
      (numFmtId ? ' applyNumberFormat="1"' : "") +
      (fontId ? ' applyFont="1"' : "") +
      (fillId ? ' applyFill="1"' : "") +
      (borderId ? ' applyBorder="1"' : "") +
      (align ? ' applyAlignment="1"' : "") +
      (protection ? ' applyProtection="1"' : "");
    const body = align + protection;
    const xml = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applies}${body ? `>${body}</xf>` : "/>"}`;
    const id = this.xfs.id(xml);
    this.states[id] ??= s;
    return id;
  }

  private numFmtId(code: string): number {
    const builtin = BUILTIN_FORMATS[code];
    if (builtin !== undefined) return builtin;
    let id = this.numFmts.get(code);
    if (id === undefined) {
      id = this.nextNumFmt++;
      this.numFmts.set(code, id);
    }
    return id;
  }

  xml(): string {
    const b = this.base;
    const own = new Set(b?.numFmts.map((f) => f.id));
    const numFmts = [
      ...(b?.numFmts.map((f) => f.xml) ?? []),
      ...[...this.numFmts]
        .filter(([, id]) => !own.has(id))
        .map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`),
    ];
    const list = (tag: string, items: readonly string[]) =>
      `<${tag} count="${items.length}">${items.join("")}</${tag}>`;
    return (
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
      (b?.root ?? `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`) +
      (numFmts.length ? list("numFmts", numFmts) : "") +
      list("fonts", this.fonts.items) +
      list("fills", this.fills.items) +
      list("borders", this.borders.items) +
      (b?.cellStyleXfs ||
        `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>`) +
      list("cellXfs", this.xfs.items) +
      (b?.cellStyles || `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>`) +
      list("dxfs", this.dxfs.items) +
      (b?.tableStyles ||
        `<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>`) +
      (b?.colors ?? "") +
      (b?.extLst ?? "") +
      `</styleSheet>`
    );
  }
}

function fontXml(f: FontState): string {
  return (
    `<font>${f.bold ? "<b/>" : ""}${f.italic ? "<i/>" : ""}<sz val="${f.size ?? 11}"/>` +
    `<color rgb="${f.color ?? "FF000000"}"/><name val="Calibri"/><family val="2"/></font>`
  );
}

/** The style after a format op, as the exceljs port composes it. */
function compose(before: StyleState, f: CellFormat): StyleState {
  const s: StyleState = { ...before };
  if (f.numberFormat !== undefined) s.numFmt = f.numberFormat;
  if (f.bold !== undefined || f.italic !== undefined || f.fontSize !== undefined || f.fontColor !== undefined) {
    const font: FontState = { ...(s.font ?? {}) };
    if (f.bold !== undefined) font.bold = f.bold;
    if (f.italic !== undefined) font.italic = f.italic;
    if (f.fontSize !== undefined) font.size = f.fontSize;
    if (f.fontColor !== undefined) font.color = argb(f.fontColor);
    s.font = font;
  }
  if (f.fill !== undefined) s.fill = argb(f.fill);
  if (f.wrap !== undefined) s.wrap = f.wrap;
  if (f.hAlign !== undefined) s.hAlign = f.hAlign;
  if (f.vAlign !== undefined) s.vAlign = f.vAlign satisfies VAlign;
  if (f.borders) s.borders = true;
  if (f.locked !== undefined) s.locked = f.locked;
  return s;
}

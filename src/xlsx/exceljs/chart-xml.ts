/**
 * DrawingML for native charts in the .xlsx files the CLI writes. exceljs cannot create charts, so
 * XlsxWorkbook records each `chart` op and, when saving, adds these parts to the package
 * (see chart-parts.ts). This module is pure: it turns a chart description — series as sheet
 * ranges with the cell values cached — into the chart part XML and the drawing anchor XML.
 * Series point at the sheet's cells (c:f formulas), so Excel and LibreOffice redraw them when the
 * cells change; the caches only let a viewer show the chart before recalculating.
 */
import type { CellValue } from "../../core/values";
import type { ChartType } from "../../host/port";

export interface ChartSeries {
  /** Formula of the series name cell, e.g. 'Диаграммы'!$B$5. */
  nameRef: string;
  name: string;
  /** Formula of the category labels, e.g. 'Диаграммы'!$A$6:$A$9. */
  catRef: string;
  categories: string[];
  valRef: string;
  values: (number | null)[];
}

export interface ChartModel {
  type: ChartType;
  title: string;
  series: ChartSeries[];
  /** "#RRGGBB": slices of a pie in category order, series in order for other types. */
  colors?: string[];
}

/** Every text of a chart in a named sans font: without one, viewers fall back to a serif. */
const FONT = `<a:latin typeface="Calibri"/><a:cs typeface="Calibri"/>`;

function solid(hex: string | undefined): string {
  const h = (hex ?? "").replace(/^#/, "").toUpperCase();
  return /^[0-9A-F]{6}$/.test(h) ? `<a:solidFill><a:srgbClr val="${h}"/></a:solidFill>` : "";
}

/** Where the chart sits: top-left and bottom-right cells (0-based) with offsets in EMU. */
export interface ChartAnchor {
  fromCol: number;
  fromRow: number;
  toCol: number;
  toColOff: number;
  toRow: number;
  toRowOff: number;
}

const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** 1 point = 12 700 EMU, the unit of DrawingML. */
export const EMU_PER_POINT = 12_700;

export function escapeXml(s: string): string {
  // Characters XML 1.0 forbids would make the whole part unreadable.
  return (
    s
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
  );
}

/** Text of a cell for a label cache (numbers as Excel shows them in General format, roughly). */
export function labelText(v: CellValue): string {
  if (v === null || v === undefined) return "";
  return typeof v === "number" ? String(v) : String(v);
}

function strCache(items: readonly string[]): string {
  return `<c:strCache><c:ptCount val="${items.length}"/>${items.map((t, i) => (t === "" ? "" : `<c:pt idx="${i}"><c:v>${escapeXml(t)}</c:v></c:pt>`)).join("")}</c:strCache>`;
}

function numCache(items: readonly (number | null)[]): string {
  const pts = items
    .map((v, i) => (v === null || !Number.isFinite(v) ? "" : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`))
    .join("");
  return `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${items.length}"/>${pts}</c:numCache>`;
}

function seriesXml(s: ChartSeries, i: number, kind: "bar" | "line" | "pie", colors: readonly string[] = []): string {
  const tx = `<c:tx><c:strRef><c:f>${escapeXml(s.nameRef)}</c:f>${strCache([s.name])}</c:strRef></c:tx>`;
  const cat = `<c:cat><c:strRef><c:f>${escapeXml(s.catRef)}</c:f>${strCache(s.categories)}</c:strRef></c:cat>`;
  const val = `<c:val><c:numRef><c:f>${escapeXml(s.valRef)}</c:f>${numCache(s.values)}</c:numRef></c:val>`;
  const own = kind === "pie" ? "" : solid(colors[i]);
  const spPr = own
    ? kind === "line"
      ? `<c:spPr><a:ln w="28575">${own}</a:ln></c:spPr>`
      : `<c:spPr>${own}</c:spPr>`
    : "";
  const head = `<c:idx val="${i}"/><c:order val="${i}"/>${tx}${spPr}`;
  // Element order follows the schema (CT_BarSer, CT_LineSer, CT_PieSer): Excel rejects any other.
  if (kind === "bar") return `<c:ser>${head}<c:invertIfNegative val="0"/>${cat}${val}</c:ser>`;
  if (kind === "line")
    return `<c:ser>${head}<c:marker><c:symbol val="circle"/><c:size val="5"/></c:marker>${cat}${val}<c:smooth val="0"/></c:ser>`;
  const points = colors
    .map((c, p) =>
      solid(c) ? `<c:dPt><c:idx val="${p}"/><c:bubble3D val="0"/><c:spPr>${solid(c)}</c:spPr></c:dPt>` : "",
    )
    .join("");
  return `<c:ser>${head}${points}${cat}${val}</c:ser>`;
}

function axes(barDir: "col" | "bar", percent: boolean): string {
  const catPos = barDir === "col" ? "b" : "l";
  const valPos = barDir === "col" ? "l" : "b";
  const valFmt = percent
    ? `<c:numFmt formatCode="0%" sourceLinked="0"/>`
    : `<c:numFmt formatCode="General" sourceLinked="1"/>`;
  return (
    `<c:catAx><c:axId val="500001"/><c:scaling><c:orientation val="${barDir === "bar" ? "maxMin" : "minMax"}"/></c:scaling><c:delete val="0"/><c:axPos val="${catPos}"/>` +
    `<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="500002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="500002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${valPos}"/><c:majorGridlines/>` +
    `${valFmt}<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="500001"/><c:crosses val="${barDir === "bar" ? "max" : "autoZero"}"/><c:crossBetween val="between"/></c:valAx>`
  );
}

function plotXml(m: ChartModel): string {
  switch (m.type) {
    case "columnClustered":
    case "barClustered":
    case "columnStacked100":
    case "barStacked100": {
      const dir = m.type.startsWith("column") ? "col" : "bar";
      const percent = m.type.endsWith("Stacked100");
      const ser = m.series.map((s, i) => seriesXml(s, i, "bar", m.colors)).join("");
      return (
        `<c:barChart><c:barDir val="${dir}"/><c:grouping val="${percent ? "percentStacked" : "clustered"}"/><c:varyColors val="0"/>${ser}` +
        `<c:gapWidth val="${percent ? 60 : 150}"/>${percent ? `<c:overlap val="100"/>` : ""}<c:axId val="500001"/><c:axId val="500002"/></c:barChart>${axes(dir, percent)}`
      );
    }
    case "line": {
      const ser = m.series.map((s, i) => seriesXml(s, i, "line", m.colors)).join("");
      return `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${ser}<c:marker val="1"/><c:axId val="500001"/><c:axId val="500002"/></c:lineChart>${axes("col", false)}`;
    }
    case "pie": {
      // A pie shows one series: the first one.
      const ser = m.series
        .slice(0, 1)
        .map((s, i) => seriesXml(s, i, "pie", m.colors))
        .join("");
      const labels = `<c:dLbls><c:showLegendKey val="0"/><c:showVal val="0"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="1"/><c:showBubbleSize val="0"/><c:showLeaderLines val="1"/></c:dLbls>`;
      return `<c:pieChart><c:varyColors val="1"/>${ser}${labels}<c:firstSliceAng val="0"/></c:pieChart>`;
    }
  }
}

/** The chart part (xl/charts/chartN.xml). */
export function chartXml(m: ChartModel): string {
  const title =
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1">${FONT}</a:defRPr></a:pPr>` +
    `<a:r><a:rPr lang="ru-RU" sz="1200" b="1">${FONT}</a:rPr><a:t>${escapeXml(m.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}"><c:lang val="ru-RU"/><c:roundedCorners val="0"/>` +
    `<c:chart>${m.title ? title : ""}<c:autoTitleDeleted val="${m.title ? 0 : 1}"/><c:plotArea><c:layout/>${plotXml(m)}</c:plotArea>` +
    `<c:legend><c:legendPos val="${m.type === "pie" ? "r" : "b"}"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1000">${FONT}</a:defRPr></a:pPr><a:endParaRPr lang="ru-RU"/></a:p></c:txPr>` +
    `</c:chartSpace>`
  );
}

/** One anchored chart frame for a drawing part; `relId` points at the chart in the drawing's rels. */
export function chartAnchorXml(a: ChartAnchor, shapeId: number, name: string, relId: string): string {
  return (
    `<xdr:twoCellAnchor editAs="oneCell">` +
    `<xdr:from><xdr:col>${a.fromCol}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${a.fromRow}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
    `<xdr:to><xdr:col>${a.toCol}</xdr:col><xdr:colOff>${a.toColOff}</xdr:colOff><xdr:row>${a.toRow}</xdr:row><xdr:rowOff>${a.toRowOff}</xdr:rowOff></xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${shapeId}" name="${escapeXml(name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" xmlns:r="${NS_R}" r:id="${relId}"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

/** An empty drawing part to hold chart anchors. */
export function drawingXml(anchors: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="${NS_A}">${anchors}</xdr:wsDr>`
  );
}

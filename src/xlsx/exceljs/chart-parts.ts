/**
 * Adds native charts to a package exceljs has written: the chart parts, a drawing per sheet (or
 * the sheet's existing drawing, e.g. with images, extended), the relationships sheet → drawing →
 * chart and the [Content_Types].xml overrides. exceljs has no chart model, so this is done on the
 * zip after exceljs serialises the workbook.
 */
import JSZip from "jszip";
import { relsPath } from "../read/parts";
import { chartAnchorXml, chartXml, drawingXml, type ChartAnchor, type ChartModel } from "./chart-xml";

export interface SheetCharts {
  /** The sheet part, e.g. "xl/worksheets/sheet3.xml". */
  sheetPart: string;
  charts: { model: ChartModel; anchor: ChartAnchor }[];
}

const REL_DRAWING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing";
const REL_CHART = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";
const CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";
const CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
const NS_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Resolves a relationship target relative to the part that holds it ("../drawings/d1.xml"). */
function resolveTarget(part: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const stack = part.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") stack.pop();
    else if (seg !== ".") stack.push(seg);
  }
  return stack.join("/");
}

function emptyRels(): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS_REL}"></Relationships>`;
}

/** Adds a relationship and returns its new id (rId + a number not yet used in the part). */
function addRel(rels: { xml: string }, type: string, target: string): string {
  const used = new Set([...rels.xml.matchAll(/\bId="([^"]+)"/g)].map((m) => m[1]));
  let n = used.size + 1;
  while (used.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  rels.xml = rels.xml.replace(
    /<\/Relationships>\s*$/,
    `<Relationship Id="${id}" Type="${type}" Target="${target}"/></Relationships>`,
  );
  return id;
}

/** Inserts <drawing> where CT_Worksheet's element order wants it: before these elements or the end. */
const AFTER_DRAWING = [
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

export function insertDrawingElement(sheetXml: string, relId: string): string {
  let at = -1;
  for (const name of AFTER_DRAWING) {
    const i = sheetXml.search(new RegExp(`<${name}[\\s/>]`));
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  if (at < 0) at = sheetXml.lastIndexOf("</worksheet>");
  let xml = `${sheetXml.slice(0, at)}<drawing r:id="${relId}"/>${sheetXml.slice(at)}`;
  // The r: prefix must be declared on the root (exceljs declares it; other writers may not).
  if (!/<worksheet[^>]*\sxmlns:r=/.test(xml)) xml = xml.replace(/<worksheet\b/, `<worksheet xmlns:r="${NS_R}"`);
  return xml;
}

function nextNumber(zip: JSZip, re: RegExp): () => number {
  let max = 0;
  zip.forEach((path) => {
    const m = re.exec(path);
    if (m) max = Math.max(max, Number(m[1]));
  });
  return () => ++max;
}

/** Returns the package with the charts added, stored (uncompressed); the input is not changed. */
export async function addChartsToPackage(pkg: Uint8Array, sheets: readonly SheetCharts[]): Promise<Uint8Array> {
  if (!sheets.some((s) => s.charts.length)) return pkg;
  const zip = await JSZip.loadAsync(pkg);
  const nextDrawing = nextNumber(zip, /^xl\/drawings\/drawing(\d+)\.xml$/);
  const nextChart = nextNumber(zip, /^xl\/charts\/chart(\d+)\.xml$/);
  const typesFile = zip.file("[Content_Types].xml");
  if (!typesFile) throw new Error("В записанной книге нет [Content_Types].xml: диаграммы не добавлены.");
  let types = await typesFile.async("string");
  const override = (part: string, type: string) => {
    if (!types.includes(`PartName="/${part}"`))
      types = types.replace(/<\/Types>\s*$/, `<Override PartName="/${part}" ContentType="${type}"/></Types>`);
  };

  for (const sheet of sheets) {
    if (!sheet.charts.length) continue;
    const sheetFile = zip.file(sheet.sheetPart);
    if (!sheetFile) throw new Error(`В записанной книге нет части ${sheet.sheetPart}: диаграммы не добавлены.`);
    let sheetXml = await sheetFile.async("string");
    const sheetRelsPath = relsPath(sheet.sheetPart);
    const sheetRels = { xml: (await zip.file(sheetRelsPath)?.async("string")) ?? emptyRels() };

    // Reuse the sheet's drawing (exceljs writes one for images): a sheet may have only one.
    let drawingPart: string;
    let drawing: string;
    const existing = /<drawing\s+r:id="([^"]+)"/.exec(sheetXml);
    const existingTarget =
      existing &&
      new RegExp(`<Relationship[^>]*\\bId="${existing[1]}"[^>]*\\bTarget="([^"]+)"`).exec(sheetRels.xml)?.[1];
    const existingAlt =
      existing &&
      new RegExp(`<Relationship[^>]*\\bTarget="([^"]+)"[^>]*\\bId="${existing[1]}"`).exec(sheetRels.xml)?.[1];
    const target = existingTarget ?? existingAlt;
    if (target && zip.file(resolveTarget(sheet.sheetPart, target))) {
      drawingPart = resolveTarget(sheet.sheetPart, target);
      drawing = await zip.file(drawingPart)!.async("string");
    } else {
      drawingPart = `xl/drawings/drawing${nextDrawing()}.xml`;
      drawing = drawingXml("");
      const relId = addRel(sheetRels, REL_DRAWING, `../drawings/${drawingPart.split("/").pop()}`);
      sheetXml = insertDrawingElement(sheetXml.replace(/<drawing\s+r:id="[^"]*"\s*\/>/, ""), relId);
      override(drawingPart, CT_DRAWING);
    }
    const drawingRelsPath = relsPath(drawingPart);
    const drawingRels = { xml: (await zip.file(drawingRelsPath)?.async("string")) ?? emptyRels() };
    let shapeId = Math.max(1, ...[...drawing.matchAll(/<xdr:cNvPr\s+id="(\d+)"/g)].map((m) => Number(m[1])));
    const anchors: string[] = [];
    for (const { model, anchor } of sheet.charts) {
      const chartPart = `xl/charts/chart${nextChart()}.xml`;
      zip.file(chartPart, chartXml(model));
      override(chartPart, CT_CHART);
      const relId = addRel(drawingRels, REL_CHART, `../charts/${chartPart.split("/").pop()}`);
      shapeId++;
      anchors.push(chartAnchorXml(anchor, shapeId, `Диаграмма ${shapeId - 1}`, relId));
    }
    drawing = drawing.replace(/<\/xdr:wsDr>\s*$/, `${anchors.join("")}</xdr:wsDr>`);
    zip.file(drawingPart, drawing);
    zip.file(drawingRelsPath, drawingRels.xml);
    zip.file(sheetRelsPath, sheetRels.xml);
    zip.file(sheet.sheetPart, sheetXml);
  }
  zip.file("[Content_Types].xml", types);
  // Stored: the caller deflates the whole package with zlib (repack.ts).
  return zip.generateAsync({ type: "uint8array", compression: "STORE" });
}

/**
 * A report document (src/summary/model/report/doc.ts) as a .docx through the maintained `docx`
 * package: A4 portrait, Calibri 12 pt body, numbered headings, bulleted lists, charts as SVG
 * pictures with a PNG fallback, and the build date in the footer. Node only (the CLI).
 */
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { formatNumberRu } from "../../core/values";
import type { Block, ReportDoc } from "../../summary/model/report/doc";
import { CHART_WIDTH, chartHeight, chartPng, chartSvg } from "./chart";

/** Charts are drawn 640 px wide and placed at 16 cm (A4 portrait less 2,5 cm margins). */
const CHART_PLACED_WIDTH = 605;

/** A4 portrait less the margins below (2,5 cm left, 1,5 cm right), in twentieths of a point. */
const TEXT_WIDTH_TWIPS = 11906 - 1418 - 851;

/**
 * Column widths by content: a column as wide as its longest cell (or its header's longest word,
 * up to 9 letters), within 4–16 characters, the page width shared in that proportion — names wide, numbers narrow.
 */
function columnWidths(columns: readonly string[], rows: readonly string[][]): number[] {
  const weights = columns.map((h, i) => {
    const word = Math.max(...h.split(/\s+/).map((w) => w.length));
    const cell = Math.max(0, ...rows.map((r) => (r[i] ?? "").length));
    // A long header word («Успеваемость,») may break rather than widen a column of short numbers.
    // +2: the cell's side margins (0,19 cm each) take about two characters of 9-pt text.
    return Math.min(16, Math.max(4, cell, Math.min(word, 9))) + 2;
  });
  const sum = weights.reduce((a, w) => a + w, 0);
  return weights.map((w) => Math.floor((w / sum) * TEXT_WIDTH_TWIPS));
}

function blockParagraphs(b: Block): (Paragraph | Table)[] {
  switch (b.kind) {
    case "heading":
      return [
        new Paragraph({
          text: b.text,
          heading: b.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
          spacing: { before: b.level === 1 ? 240 : 160, after: 80 },
          keepNext: true,
        }),
      ];
    case "paragraph":
      return [new Paragraph({ text: b.text, alignment: AlignmentType.JUSTIFIED, spacing: { after: 120 } })];
    case "bullets":
      return b.items.map((t) => new Paragraph({ text: t, bullet: { level: 0 }, spacing: { after: 60 } }));
    case "table":
      return [
        new Table({
          width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
          layout: TableLayoutType.FIXED,
          columnWidths: columnWidths(b.columns, b.rows),
          rows: [b.columns, ...b.rows].map(
            (cells, i) =>
              new TableRow({
                tableHeader: i === 0,
                // 9 pt in the tables: a school's analysis has up to a dozen columns on a portrait page.
                children: cells.map(
                  (c) =>
                    new TableCell({
                      children: [
                        new Paragraph({
                          spacing: { after: 0 },
                          children: [new TextRun({ text: c, bold: i === 0, size: 18 })],
                        }),
                      ],
                    }),
                ),
              }),
          ),
        }),
      ];
    case "chart": {
      const h = chartHeight(b.bars);
      const scale = CHART_PLACED_WIDTH / CHART_WIDTH;
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          keepLines: true,
          // An explicit single «auto» line: LibreOffice otherwise clips the picture to one text line.
          spacing: { before: 120, after: 120, line: 240, lineRule: LineRuleType.AUTO },
          children: [
            new ImageRun({
              type: "svg",
              data: Buffer.from(chartSvg(b.title, b.bars, b.unit, b.max), "utf8"),
              fallback: { type: "png", data: chartPng(b.bars, b.max) },
              transformation: { width: CHART_PLACED_WIDTH, height: Math.round(h * scale) },
              altText: { name: b.title, title: b.title, description: b.title },
            }),
          ],
        }),
        // The picture's labels are SVG text; a reader showing the PNG fallback (LibreOffice before
        // 7.6, old Word) sees bars only, so the values are also written under it, in bar order.
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { after: 160 },
          children: [new TextRun({ text: chartCaption(b), size: 20, italics: true })],
        }),
      ];
    }
  }
}

export function chartCaption(b: Extract<Block, { kind: "chart" }>): string {
  const unit = b.unit && b.unit !== "ОО" ? `\u00a0${b.unit}` : "";
  return `${b.title} (сверху вниз): ${b.bars.map((x) => `${x.label} — ${formatNumberRu(x.value, 1)}${unit}`).join("; ")}.`;
}

export async function reportDocx(doc: ReportDoc): Promise<Buffer> {
  const document = new Document({
    creator: "МСОКО для Excel",
    title: doc.title,
    styles: {
      default: {
        document: {
          run: { font: "Calibri", size: 24 },
          paragraph: { spacing: { line: 276, lineRule: LineRuleType.AUTO } },
        },
        heading1: { run: { font: "Calibri", size: 30, bold: true, color: "1F3864" } },
        heading2: { run: { font: "Calibri", size: 26, bold: true, color: "1F5AA6" } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 1134, bottom: 1134, left: 1418, right: 851 },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT], size: 20 })],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({
            heading: HeadingLevel.TITLE,
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: doc.title, bold: true, size: 32, font: "Calibri" })],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [new TextRun({ text: doc.subtitle, italics: true })],
          }),
          ...doc.blocks.flatMap(blockParagraphs),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

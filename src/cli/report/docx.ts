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
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { formatNumberRu } from "../../core/values";
import type { Block, ReportDoc } from "../../summary/model/report/doc";
import { CHART_WIDTH, chartHeight, chartPng, chartSvg } from "./chart";

/** Charts are drawn 640 px wide and placed at 16 cm (A4 portrait less 2,5 cm margins). */
const CHART_PLACED_WIDTH = 605;

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
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [b.columns, ...b.rows].map(
            (cells, i) =>
              new TableRow({
                tableHeader: i === 0,
                children: cells.map(
                  (c) =>
                    new TableCell({
                      children: [new Paragraph({ children: [new TextRun({ text: c, bold: i === 0 })] })],
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

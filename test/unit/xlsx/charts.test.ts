import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { XlsxWorkbook } from "../../../src/xlsx/exceljs";
import { insertDrawingElement } from "../../../src/xlsx/exceljs/chart-parts";
import { relsPath } from "../../../src/xlsx/read/parts";
import type { WriteOp } from "../../../src/host/port";

const TEMP = "~МСОКО 1";

function dataOps(sheet: string): WriteOp[] {
  return [
    { op: "addSheet", name: sheet },
    {
      op: "values",
      sheet,
      address: "A5",
      values: [
        ["Отметка", "Муниципалитет", "Регион"],
        ["«2»", 10, 12],
        ["«3»", 30, 33],
        ["«4»", 40, 38],
        ["«5»", 20, 17],
      ],
    },
  ];
}

async function parts(wb: XlsxWorkbook): Promise<JSZip> {
  return JSZip.loadAsync(await wb.toBuffer());
}

describe("native charts in .xlsx written by the CLI", () => {
  it("writes chart, drawing, relationships and content types; formulas use the final sheet name", async () => {
    const wb = XlsxWorkbook.create("свод.xlsx");
    const { notices } = await wb.write({
      ops: [
        ...dataOps(TEMP),
        {
          op: "chart",
          sheet: TEMP,
          type: "columnClustered",
          source: "A5:C9",
          title: "Распределение отметок",
          anchor: "E5",
          width: 480,
          height: 280,
          seriesBy: "columns",
        },
        { op: "chart", sheet: TEMP, type: "pie", source: "A5:B9", title: "Доли", anchor: "E25" },
      ],
    });
    expect(notices).toEqual([]);
    await wb.write({ ops: [{ op: "renameSheet", from: TEMP, to: "Диаграммы" }] });
    const zip = await parts(wb);
    const sheetXml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(sheetXml).toMatch(/<drawing r:id="rId\d+"\/>/);
    const sheetRels = await zip.file(relsPath("xl/worksheets/sheet1.xml"))!.async("string");
    expect(sheetRels).toContain('Target="../drawings/drawing1.xml"');
    const drawing = await zip.file("xl/drawings/drawing1.xml")!.async("string");
    expect(drawing.match(/<xdr:twoCellAnchor/g)).toHaveLength(2);
    // E5 is column 4, row 4 (0-based).
    expect(drawing).toContain("<xdr:from><xdr:col>4</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>4</xdr:row>");
    const drawingRels = await zip.file("xl/drawings/_rels/drawing1.xml.rels")!.async("string");
    expect(drawingRels).toContain('Target="../charts/chart1.xml"');
    expect(drawingRels).toContain('Target="../charts/chart2.xml"');
    const types = await zip.file("[Content_Types].xml")!.async("string");
    expect(types).toContain(
      '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>',
    );
    expect(types).toContain(
      '<Override PartName="/xl/charts/chart2.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>',
    );

    const chart = await zip.file("xl/charts/chart1.xml")!.async("string");
    expect(chart).toContain('<c:barDir val="col"/><c:grouping val="clustered"/>');
    expect([...chart.matchAll(/<c:f>([^<]*)<\/c:f>/g)].map((m) => m[1])).toEqual([
      "'Диаграммы'!$B$5",
      "'Диаграммы'!$A$6:$A$9",
      "'Диаграммы'!$B$6:$B$9",
      "'Диаграммы'!$C$5",
      "'Диаграммы'!$A$6:$A$9",
      "'Диаграммы'!$C$6:$C$9",
    ]);
    expect(chart).toContain("<a:t>Распределение отметок</a:t>");
    expect(chart).toContain('<c:pt idx="3"><c:v>20</c:v></c:pt>');
    expect(chart).toContain("<c:legend>");
    const pie = await zip.file("xl/charts/chart2.xml")!.async("string");
    expect(pie).toContain("<c:pieChart>");
    expect(pie.match(/<c:ser>/g)).toHaveLength(1);

    // exceljs still reads the file back.
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await wb.toBuffer()) as unknown as ExcelJS.Buffer);
    expect(back.worksheets.map((w) => w.name)).toEqual(["Диаграммы"]);
  });

  it("quotes apostrophes in sheet names, maps types, and drops charts of deleted sheets", async () => {
    const wb = XlsxWorkbook.create();
    await wb.write({
      ops: [
        ...dataOps("Свод"),
        ...dataOps("O'Brien"),
        {
          op: "chart",
          sheet: "Свод",
          type: "barStacked100",
          source: "'O''Brien'!A5:C9",
          title: "Доли «2»",
          anchor: "E1",
        },
        {
          op: "chart",
          sheet: "O'Brien",
          type: "line",
          source: "A5:C9",
          title: "Динамика",
          anchor: "E1",
          seriesBy: "rows",
        },
      ],
    });
    let zip = await parts(wb);
    const stacked = await zip.file("xl/charts/chart1.xml")!.async("string");
    expect(stacked).toContain('<c:barDir val="bar"/><c:grouping val="percentStacked"/>');
    expect(stacked).toContain('<c:overlap val="100"/>');
    expect(stacked).toContain("<c:f>'O''Brien'!$A$6:$A$9</c:f>");
    expect(stacked).toContain("<a:t>Доли «2»</a:t>");
    const line = await zip.file("xl/charts/chart2.xml")!.async("string");
    expect(line).toContain("<c:lineChart>");
    // By rows: four series (one per mark), categories from the header row.
    expect(line.match(/<c:ser>/g)).toHaveLength(4);
    expect(line).toContain("<c:f>'O''Brien'!$B$5:$C$5</c:f>");

    await wb.write({ ops: [{ op: "deleteSheet", name: "O'Brien" }] });
    zip = await parts(wb);
    expect(zip.file(/^xl\/charts\//)).toHaveLength(0);
  });

  it("adds a drawing before tableParts in the sheet XML", () => {
    const xml =
      '<worksheet xmlns:r="x"><sheetData/><pageMargins/><tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>';
    expect(insertDrawingElement(xml, "rId2")).toBe(
      '<worksheet xmlns:r="x"><sheetData/><pageMargins/><drawing r:id="rId2"/><tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>',
    );
  });

  it("merges charts into the drawing exceljs wrote for an image", async () => {
    const wb = XlsxWorkbook.create();
    await wb.write({ ops: dataOps("Свод") });
    // A 1×1 PNG.
    const png = Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
      "base64",
    );
    const id = wb.workbook.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: "png" });
    wb.workbook.getWorksheet("Свод")!.addImage(id, "H1:I2");
    await wb.write({
      ops: [{ op: "chart", sheet: "Свод", type: "columnClustered", source: "A5:C9", title: "Т", anchor: "E1" }],
    });
    const zip = await parts(wb);
    expect(zip.file(/^xl\/drawings\/drawing\d+\.xml$/)).toHaveLength(1);
    const drawing = await zip.file("xl/drawings/drawing1.xml")!.async("string");
    expect(drawing).toContain("<xdr:pic>");
    expect(drawing).toContain("<c:chart ");
    const sheetXml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(sheetXml.match(/<drawing /g)).toHaveLength(1);
    const rels = await zip.file("xl/drawings/_rels/drawing1.xml.rels")!.async("string");
    expect(rels).toContain("../media/");
    expect(rels).toContain("../charts/chart1.xml");
  });
});

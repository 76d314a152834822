/**
 * The municipal аналитическая справка (issue #21 item 2) and the public report (item 3): built from
 * the demo summary, written as .docx, converted to PDF by LibreOffice where installed; its text names
 * the municipality, has a section per direction 3–8 and quotes numbers equal to the summary JSON.
 * The picture encoder is checked byte by byte; the CLI command end to end on a fixture form.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inflateSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_PROFILE } from "../../../src/core/profile";
import { formatNumberRu } from "../../../src/core/values";
import { memoryIo } from "../../../src/cli/io";
import { main } from "../../../src/cli/main";
import { chartPng, chartSvg, crc32 } from "../../../src/cli/report/chart";
import { chartCaption, reportDocx } from "../../../src/cli/report/docx";
import { generateMunicipality } from "../../../src/sample";
import { buildSummary, type Summary } from "../../../src/summary/model/build";
import { consolidate } from "../../../src/summary/model/consolidate";
import { headings, plainText, type ReportDoc } from "../../../src/summary/model/report/doc";
import { municipalReport } from "../../../src/summary/model/report/municipal";
import { publicReport } from "../../../src/summary/model/report/public";

const NBSP = "\u00a0";
let summary: Summary;
let doc: ReportDoc;
let dir: string;
const profile = {
  ...DEFAULT_PROFILE,
  values: { ...DEFAULT_PROFILE.values, "basis.msoko": "Положение о МСОКО Заречного округа (приказ № 17)" },
};

beforeAll(() => {
  const { municipality } = generateMunicipality({ seed: 2026, schools: 8 });
  const c = consolidate(
    municipality.schools.map((r) => ({ file: `${r.passport.login}.xlsx`, report: r, findings: [] })),
  );
  summary = buildSummary({
    municipality: { ...municipality, schools: c.schools },
    files: c.files,
    profile,
    evaluationDate: "2026-12-31",
    runAt: "2026-11-22T10:00:00",
  });
  doc = municipalReport(summary, profile);
  dir = mkdtempSync(join(tmpdir(), "msoko-report-"));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Sum of a result field over the JSON's schools for one procedure of the summary's year. */
function jsonSum(procedure: string, field: string): number {
  let sum = 0;
  for (const s of summary.json.schools)
    for (const r of s.results)
      if (r.procedure === procedure && r.year === summary.json.year)
        sum += field === "qnm" ? ((r.quality as number) ?? 0) * (r.nm as number) : ((r[field] as number) ?? 0);
  return sum;
}

describe("the municipal справка", () => {
  it("has the eight sections, a section per direction 3–8 and the user's own regulation name", () => {
    expect(headings(doc, 1)).toEqual([
      "1. Цель и источники",
      "2. Результаты оценочных процедур",
      "3. Объективность результатов",
      "4. Зона риска: школы с низкими результатами и в сложных условиях",
      `5. Направления 3–8 (${summary.json.year} год)`,
      "6. Управленческий цикл",
      "7. Адресные рекомендации",
      "8. Управленческие решения",
    ]);
    const dirs = headings(doc, 2).filter((h) => /^[3-8]\. /.test(h));
    expect(dirs.map((h) => h[0])).toEqual(["3", "4", "5", "6", "7", "8"]);
    const text = plainText(doc);
    expect(text).toContain("«Положение о МСОКО Заречного округа (приказ № 17)»");
    expect(text).toContain(summary.json.municipality);
    // No rule codes and no undefined in what a reader sees.
    expect(text).not.toMatch(/undefined|NaN|\bR[1-6]\b/);
  });

  it("quotes the summary JSON's numbers: schools, ВПР works and quality, signs, high risk", () => {
    const text = plainText(doc);
    const year = summary.json.year!;
    expect(text).toContain(`формы ОО — ${summary.json.schools.length} ОО`);
    const n = jsonSum("ВПР", "n");
    expect(n).toBeGreaterThan(1000);
    expect(text).toContain(`Написано ${formatNumberRu(n, 0)} работ`);
    // Quality of the pooled works: Σ quality × with-a-mark / Σ with-a-mark over the JSON's school rows.
    const q = jsonSum("ВПР", "qnm") / jsonSum("ВПР", "nm");
    expect(text).toContain(`качество знаний — ${formatNumberRu(q, 1)}${NBSP}%`);
    const signs = summary.json.schools.flatMap((s) => s.signs.filter((x) => x.year === year));
    const signed = new Set(signs.map((x) => x.evidence && x)).size;
    expect(signed).toBe(signs.length);
    if (signs.length) expect(text).toMatch(new RegExp(`\\(${signs.length} признак`));
    const high = summary.json.schools.filter((s) => s.risk.find((r) => r.year === year)?.level === "высокий").length;
    expect(text).toContain(`высокий уровень риска — у ${high} ОО`);
  });

  it("gives the same text on the «Справка» sheet of the summary book", () => {
    const sheet = summary.sheets.find((s) => s.id === "report")!;
    expect(sheet.name).toBe("Справка");
    const rows = sheet.tables[0].rows;
    expect(rows[0].section).toBe("1. Цель и источники");
    const paragraphs = doc.blocks.filter((b) => b.kind === "paragraph").length;
    const bullets = doc.blocks.reduce((a, b) => a + (b.kind === "bullets" ? b.items.length : 0), 0);
    const charts = doc.blocks.filter((b) => b.kind === "chart").length;
    const sub = doc.blocks.filter((b) => b.kind === "heading" && b.level === 2).length;
    expect(rows.length).toBe(paragraphs + bullets + charts + sub);
  });

  it("LibreOffice converts the .docx to PDF whose text names the municipality and every direction", async () => {
    const path = join(dir, "справка.docx");
    writeFileSync(path, await reportDocx(doc));
    expect(readFileSync(path).subarray(0, 2).toString()).toBe("PK");
    if (spawnSync("soffice", ["--version"]).status !== 0) {
      console.warn("LibreOffice (soffice) не установлен: проверка PDF пропущена.");
      return;
    }
    const conv = spawnSync("soffice", ["--headless", "--convert-to", "pdf", "--outdir", dir, path], {
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(conv.status, conv.stderr).toBe(0);
    const pdf = join(dir, "справка.pdf");
    const out = spawnSync("pdftotext", [pdf, "-"], { encoding: "utf8" });
    if (out.status !== 0) return;
    const text = out.stdout.replace(/\s+/g, " ");
    expect(text).toContain(summary.json.municipality);
    expect(text).toContain("Аналитическая справка");
    for (const d of [
      "3. Выявление",
      "4. Самоопределение",
      "5. Эффективность",
      "6. Профессиональное",
      "7. Организация",
      "8. Качество дошкольного",
    ])
      expect(text).toContain(d);
    expect(text).toContain(`Написано ${formatNumberRu(jsonSum("ВПР", "n"), 0).replace(NBSP, " ")} работ`);
    const pages = Number(/Pages:\s+(\d+)/.exec(spawnSync("pdfinfo", [pdf], { encoding: "utf8" }).stdout)?.[1] ?? 0);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(pages).toBeLessThanOrEqual(20);
  }, 150_000);
});

describe("the public report", () => {
  it("shows each school's results but no signs, risk or recommendations, and hides groups under the minimum", () => {
    const pub = publicReport(summary, profile);
    const text = plainText(pub);
    const results = summary.sheets.find((x) => x.id === "results")!.tables[0].rows;
    for (const s of summary.json.schools)
      expect(text).toContain((results.find((r) => r.login === s.login)?.unit as string | undefined) ?? s.name);
    expect(text).not.toMatch(/необъективн|ШНОР|ШНСУ|риск|признак|перепровер/i);
    expect(text).not.toMatch(/edu\d{6}/);
    const table = pub.blocks.find((b) => b.kind === "table")!;
    expect(table.kind === "table" && table.rows.length).toBe(summary.json.schools.length);
    // A school's ВПР quality is its JSON rows' quality pooled by works with a mark, or hidden when few wrote.
    const s = summary.json.schools[0];
    const rows = s.results.filter((r) => r.procedure === "ВПР" && r.year === summary.json.year);
    const n = rows.reduce((a, r) => a + (r.n as number), 0);
    const nm = rows.reduce((a, r) => a + (r.nm as number), 0);
    const q = rows.reduce((a, r) => a + ((r.quality as number) ?? 0) * (r.nm as number), 0) / nm;
    const cell = table.kind === "table" ? table.rows[0][1] : "";
    expect(cell).toBe(n < profile.values["sample.group"] ? "мало участников" : `${formatNumberRu(q, 1)}${NBSP}%`);
  });
});

describe("chart pictures", () => {
  const bars = [
    { label: "высокий", value: 2, tone: "bad" as const },
    { label: "низкий <&>", value: 6, tone: "good" as const },
  ];

  it("PNG: signature, IHDR 640 × 102, chunk CRCs, red and green bars at scale", () => {
    const png = Buffer.from(chartPng(bars));
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.readUInt32BE(16)).toBe(640);
    expect(png.readUInt32BE(20)).toBe(34 + 2 * 30 + 10);
    expect(crc32(Buffer.from("IEND"))).toBe(0xae426082);
    const idatLen = png.readUInt32BE(33);
    const raw = inflateSync(png.subarray(41, 41 + idatLen));
    const stride = 640 * 3 + 1;
    const px = (x: number, y: number) => [...raw.subarray(y * stride + 1 + x * 3, y * stride + 4 + x * 3)];
    // Bar area 640 − 220 − 70 − 10 = 340 px for the largest value (6): 2 → 113 px, 6 → 340 px.
    expect(px(220, 40)).toEqual([0xc0, 0, 0]);
    expect(px(220 + 112, 40)).toEqual([0xc0, 0, 0]);
    expect(px(220 + 114, 40)).toEqual([0xff, 0xff, 0xff]);
    expect(px(220 + 339, 70)).toEqual([0x70, 0xad, 0x47]);
  });

  it("SVG escapes labels and writes Russian numbers; the caption lists bars in order", () => {
    const svg = chartSvg("Уровни риска", bars, "ОО");
    expect(svg).toContain("низкий &lt;&amp;&gt;");
    expect(svg).toContain('fill="#c00000"');
    expect(
      chartCaption({ kind: "chart", title: "Качество", unit: "%", bars: [{ label: "Математика", value: 50.25 }] }),
    ).toBe(`Качество (сверху вниз): Математика — 50,3${NBSP}%.`);
  });
});

describe("msoko report", () => {
  const FORM = join(__dirname, "../../fixtures/forms/valid.xlsx");

  it("writes the справка from a form, and refuses an --out that is the form through a link", async () => {
    const form = join(dir, "sch1.xlsx");
    copyFileSync(FORM, form);
    const out = join(dir, "итог.docx");
    const io = memoryIo();
    const code = await main(["report", form, "--out", out, "--set", "basis.msoko=Положение о МСОКО округа"], io);
    expect([0, 1], io.stderr.join("\n")).toContain(code);
    expect(io.stdout.at(-1)).toMatch(/^Аналитическая справка сохранена: .*итог\.docx/);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe("PK");

    const link = join(dir, "ссылка.docx");
    symlinkSync(form, link);
    const before = readFileSync(form);
    const io2 = memoryIo();
    expect(await main(["report", form, "--out", link, "--force"], io2)).toBe(2);
    expect(io2.stderr.join("\n")).toContain(`--out «${link}» — это входной файл (через ссылку)`);
    expect(readFileSync(form).equals(before)).toBe(true);

    const io3 = memoryIo();
    expect(await main(["report", form, "--out", join(dir, "x.xlsx")], io3)).toBe(2);
    expect(io3.stderr[0]).toContain("укажите файл .docx");
  }, 60_000);
});

describe("school-report --docx", () => {
  it("writes the school's analysis as Word next to the book; participants' rows stay in the book", async () => {
    const form = join(dir, "школа.xlsx");
    copyFileSync(join(__dirname, "../../fixtures/forms/valid.xlsx"), form);
    const out = join(dir, "анализ.xlsx");
    const docx = join(dir, "анализ.docx");
    const io = memoryIo();
    const code = await main(["school-report", form, "--out", out, "--docx", docx], io);
    expect([0, 1], io.stderr.join("\n")).toContain(code);
    expect(io.stdout).toContain(`Отчёт в формате Word: ${docx}.`);
    const bytes = readFileSync(docx);
    expect(bytes.subarray(0, 2).toString()).toBe("PK");
    const io2 = memoryIo();
    expect(await main(["school-report", form, "--out", join(dir, "a2.xlsx"), "--docx", join(dir, "a2.pdf")], io2)).toBe(
      2,
    );
    expect(io2.stderr[0]).toContain("После --docx укажите файл .docx");
  }, 60_000);

  it("cells read as in Russian Excel: percent, points, counts with thousands", async () => {
    const { cellText } = await import("../../../src/school/model/report-doc");
    expect(cellText({ id: "q", header: "q", kind: "percent" }, 68.5)).toBe(`68,5${NBSP}%`);
    expect(cellText({ id: "d", header: "d", kind: "points" }, 1.25)).toBe(`+1,3${NBSP}п.п.`);
    expect(cellText({ id: "n", header: "n", kind: "integer" }, 16850)).toBe(`16${NBSP}850`);
    expect(cellText({ id: "n", header: "n", kind: "integer" }, 2026)).toBe("2026");
    expect(cellText({ id: "t", header: "t", kind: "text" }, null)).toBe("");
  });
});

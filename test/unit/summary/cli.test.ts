/**
 * `msoko summarize` on real .xlsx forms: builds the summary and its JSON, keeps the user's sheets
 * on a second run, and LibreOffice recalculates the workbook's formulas to the JSON's values.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { main } from "../../../src/cli/main";
import { memoryIo } from "../../../src/cli/io";
import { drawingSheetsOfFile, readXlsxFile, XlsxWorkbook } from "../../../src/xlsx/exceljs";
import type { SummaryJson } from "../../../src/summary/model/build";
import { fillForm } from "../../../src/form/template";
import { generateSchools } from "../../../src/sample";

const dir = mkdtempSync(join(tmpdir(), "msoko-summarize-"));
const forms = join(dir, "forms");
const out = join(dir, "svod.xlsx");
const json = join(dir, "svod.json");
const logins: string[] = [];

beforeAll(async () => {
  execFileSync("mkdir", ["-p", forms]);
  const it = generateSchools({ seed: 7 });
  for (let i = 0; i < 3; i++) {
    const { report } = it.next().value!;
    logins.push(report.passport.login);
    const wb = XlsxWorkbook.create(`${report.passport.login}.xlsx`);
    await wb.write({ ops: fillForm(report) });
    await wb.save(join(forms, `${report.passport.login}.xlsx`));
  }
}, 120_000);

describe("msoko summarize", () => {
  it("builds the summary and the JSON from a folder of forms", async () => {
    const io = memoryIo();
    expect(await main(["summarize", forms, "--out", out, "--json", json, "--date", "2026-12-31"], io)).toBe(0);
    expect(io.stdout.at(-1)).toContain("В своде 3 ОО");
    const j = JSON.parse(readFileSync(json, "utf8")) as SummaryJson;
    expect(j.format).toBe("msoko-summary/1");
    expect(j.schools.map((s) => s.login).sort()).toEqual([...logins].sort());
    expect(j.evaluationDate).toBe("2026-12-31");
    const sheets = (await readXlsxFile(out, { formulas: false })).map((s) => s.name);
    for (const n of ["Содержание", "Свод по ОО", "Результаты", "Объективность", "Зона риска", "Методика"])
      expect(sheets).toContain(n);
  }, 180_000);

  it("a second run replaces only its own sheets", async () => {
    const wb = await XlsxWorkbook.load(out);
    await wb.write({
      ops: [
        { op: "addSheet", name: "Мой анализ" },
        { op: "values", sheet: "Мой анализ", address: "A1", values: [["=мой текст, не формула"]] },
      ],
    });
    await wb.save(out);
    expect(await main(["summarize", forms, "--out", out, "--date", "2026-12-31"], memoryIo())).toBe(0);
    const read = await readXlsxFile(out, { formulas: false });
    const mine = read.find((s) => s.name === "Мой анализ")!;
    expect(mine.values[0][0]).toBe("=мой текст, не формула");
    expect(read.filter((s) => s.name === "Свод по ОО")).toHaveLength(1);
  }, 180_000);

  it("refuses to overwrite a user's own book without --force; with it, merges the summary in and keeps her chart", async () => {
    const own = join(dir, "с-диаграммой.xlsx");
    const wb = XlsxWorkbook.create("с-диаграммой.xlsx");
    await wb.write({
      ops: [
        { op: "addSheet", name: "Мой график" },
        {
          op: "values",
          sheet: "Мой график",
          address: "A1",
          values: [
            ["Год", "Доля"],
            ["2025", 10],
            ["2026", 12],
          ],
        },
        { op: "chart", sheet: "Мой график", type: "line", source: "A1:B3", title: "Моя динамика", anchor: "D2" },
      ],
    });
    await wb.save(own);
    const io = memoryIo();
    expect(await main(["summarize", forms, "--out", own], io)).toBe(2);
    expect(io.stderr.join("\n")).toContain("уже существует и не будет перезаписан");
    expect(io.stderr.join("\n")).not.toContain("диаграммы");
    // The zip-level merge (src/xlsx/merge) carries the chart, which the exceljs rebuild used to drop.
    expect(await main(["summarize", forms, "--out", own, "--force"], memoryIo())).toBe(0);
    expect(await drawingSheetsOfFile(own)).toContain("Мой график");
    const sheets = (await readXlsxFile(own, { formulas: false })).map((s) => s.name);
    expect(sheets).toContain("Свод по ОО");
  }, 180_000);

  it.skipIf(!existsSync("/usr/bin/soffice"))(
    "LibreOffice recalculates the formulas to the JSON's values",
    () => {
      // Convert the «Результаты» sheet to CSV: LibreOffice computes every formula while loading.
      const csvDir = join(dir, "csv");
      execFileSync(
        "soffice",
        [
          "--headless",
          "--norestore",
          "--convert-to",
          "csv:Text - txt - csv (StarCalc):59,34,76,1,,1033,false,true,false,false,false,3",
          "--outdir",
          csvDir,
          out,
        ],
        { stdio: "ignore", timeout: 120_000 },
      );
      const files = execFileSync("ls", [csvDir], { encoding: "utf8" }).trim().split("\n");
      const file = files.find((f) => f.endsWith(".csv"))!;
      const rows = readFileSync(join(csvDir, file), "utf8")
        .trim()
        .split("\n")
        .map((l) => l.split(";").map((c) => c.replace(/^"|"$/g, "")));
      const header = rows.findIndex((r) => r[0] === "Год" && r.includes("Качество, %"));
      expect(header).toBeGreaterThan(0);
      const col = (name: string) => rows[header].indexOf(name);
      const j = JSON.parse(readFileSync(json, "utf8")) as SummaryJson;
      let checked = 0;
      for (const school of j.schools) {
        for (const r of school.results.slice(0, 5)) {
          const row = rows.find(
            (x) =>
              x[col("Логин ОО")] === school.login &&
              x[col("Год")] === String(r.year) &&
              x[col("Предмет")] === r.subject &&
              x[col("Класс")] === String(r.grade) &&
              x[col("Процедура")] === r.procedure,
          );
          expect(row, `${school.login} ${r.procedure} ${r.year} ${r.grade} ${r.subject}`).toBeDefined();
          for (const [name, key] of [
            ["Качество, %", "quality"],
            ["Успеваемость, %", "success"],
            ["СОУ, %", "sou"],
            ["Средний балл", "mean"],
          ] as const) {
            const v = r[key];
            if (v === null) expect(row![col(name)]).toBe("");
            else expect(Number(row![col(name)])).toBeCloseTo(v as number, 6);
          }
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(5);
    },
    180_000,
  );
});

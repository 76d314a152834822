/**
 * The committed real-layout files read through the CLI's byte reader give the model their grids
 * give; `msoko analyze` takes regional protocols directly: today's JSON shape with every school
 * of the file and its municipality, a missing scale stops with the --set key, --set supplies it,
 * and a broken protocol imports nothing and changes no file.
 */
import { createHash } from "node:crypto";
import { copyFileSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../../src/cli/commands/analyze";
import { memoryIo } from "../../../src/cli/io";
import { DEFAULT_PROFILE } from "../../../src/core/profile";
import { importFisoko, importRaw } from "../../../src/fisoko";
import { readXlsxFile } from "../../../src/xlsx/exceljs";
import { realFixtureFiles, XLSX_DIR } from "../../fixtures/fisoko/generate-xlsx";

const dir = mkdtempSync(join(tmpdir(), "raw-cli-"));
const P2021 = join(XLSX_DIR, "протокол-ВПР-2021-математика-4.xlsx");
const P2022 = join(XLSX_DIR, "ВПР 2026 русский язык 4 класс (протокол).xlsx");
const hash = (p: string) => createHash("sha256").update(readFileSync(p)).digest("hex");

/** The analysis JSON as `msoko analyze` writes it: indented by two spaces, each school on one line. */
function indentedButSchools(a: { schools: unknown[] }): string {
  const lines = a.schools.map((s) => `    ${JSON.stringify(s)}`).join(",\n");
  return JSON.stringify({ ...a, schools: [0] }, null, 2).replace("[\n    0\n  ]", `[\n${lines}\n  ]`);
}

describe("real-layout .xlsx files", () => {
  const { exports, protocols } = realFixtureFiles();
  it.each(Object.keys(exports))("%s parses like its grids", async (name) => {
    const fromFile = importFisoko([{ name, sheets: await readXlsxFile(join(XLSX_DIR, name), { formulas: false }) }]);
    expect(fromFile.ok).toBe(true);
    expect(fromFile).toEqual(importFisoko([{ name, sheets: exports[name] }]));
  });
  it.each(Object.keys(protocols))("%s parses like its grids", async (name) => {
    const fromFile = importRaw(
      [{ name, sheets: await readXlsxFile(join(XLSX_DIR, name), { formulas: false }) }],
      DEFAULT_PROFILE,
    );
    expect(fromFile).toEqual(importRaw([{ name, sheets: protocols[name] }], DEFAULT_PROFILE));
  });
});

describe("msoko analyze on regional protocols", () => {
  it("a missing scale stops with the message naming the --set key (exit 1), nothing analysed", async () => {
    const io = memoryIo();
    const before = hash(P2021);
    expect(await run([P2021], io)).toBe(1);
    expect(io.stderr[0]).toContain("параметр «scale|ВПР|2021|4|Математика»");
    expect(io.stderr[0]).toContain("--set 'scale|ВПР|2021|4|Математика=max;мин.3;мин.4;мин.5'");
    expect(io.stderr[1]).toBe(
      "Протоколы результатов содержат ошибки: из них ничего не импортировано, файлы не изменены.",
    );
    expect(io.stdout.some((l) => l.startsWith("Анализ:"))).toBe(false);
    expect(hash(P2021)).toBe(before);
  });

  it("--set supplies the scale; the JSON lists every school of the file with its municipality", async () => {
    const io = memoryIo();
    const json = join(dir, "a.json");
    expect(await run([P2021, "--set", "scale|ВПР|2021|4|Математика=20;6;10;15", "--json", json], io)).toBe(0);
    const a = JSON.parse(readFileSync(json, "utf8"));
    expect([a.municipality, a.municipalities, a.years, a.latestYear, a.profileVersion]).toEqual([
      "Чеченская Республика",
      ["Чеченская Республика"],
      [2021],
      2021,
      `${DEFAULT_PROFILE.version.split("+")[0]}+1`,
    ]);
    expect(
      a.schools.map((s: { login: string; municipality: string; years: { year: number; signs: unknown[] }[] }) => [
        s.login,
        s.municipality,
        s.years.map((y) => y.year),
        Array.isArray(s.years[0].signs),
      ]),
    ).toEqual([
      ["sch203389", "Чеченская Республика", [2021], true],
      ["sch203390", "Чеченская Республика", [2021], true],
    ]);
    expect(a.imported.raw).toEqual(["протокол-ВПР-2021-математика-4.xlsx"]);
    expect(io.stdout).toContain("Протоколы результатов: протокол-ВПР-2021-математика-4.xlsx — 1 муниципалитет, 2 ОО.");
  });

  it("2022+ layout: one analysis per municipality, or one for the region with --level region", async () => {
    const io = memoryIo();
    const json = join(dir, "b.json");
    expect(await run([P2022, "--json", json], io)).toBe(0);
    const text = readFileSync(json, "utf8");
    const a = JSON.parse(text);
    // Written municipality by municipality, the file is still exactly JSON.stringify(…, null, 2) of
    // the whole, but for each school being one compact line.
    expect(text).toBe(indentedButSchools(a));
    expect(text.split("\n").filter((l) => l.startsWith('    {"login":'))).toHaveLength(2);
    expect(a.municipalities).toEqual(["Каменский район", "Мамонтовский район"]);
    expect(
      a.schools.map((s: { login: string; name: string; municipality: string }) => [s.login, s.name, s.municipality]),
    ).toEqual([
      ["edu223144", "МБОУ «СОШ № 2 г. Камень-на-Оби»", "Каменский район"],
      ["edu223200", "МКОУ «Комсомольская ООШ» с. Комсомольский", "Мамонтовский район"],
    ]);
    const io2 = memoryIo();
    const regionJson = join(dir, "region.json");
    expect(await run([P2022, "--level", "region", "--json", regionJson], io2)).toBe(0);
    const regionText = readFileSync(regionJson, "utf8");
    const r = JSON.parse(regionText);
    expect(regionText).toBe(indentedButSchools(r));
    expect([r.municipality, r.municipalities, r.schools.length]).toEqual(["Алтайский край", ["Алтайский край"], 2]);
  });

  it("a broken protocol imports nothing and is left unchanged", async () => {
    const broken = join(dir, "протокол-ВПР-2021-математика-4-без-шапки.xlsx");
    copyFileSync(P2021, broken);
    const io = memoryIo();
    const before = hash(broken);
    expect(await run([broken, "--test", "ВПР 2021 Математика 4 класс"], io)).toBe(1);
    expect(io.stderr.join("\n")).toContain("scale|ВПР|2021|4|Математика");
    expect(hash(broken)).toBe(before);
  });

  it("refuses a bad --level or --test with exit 2", async () => {
    const io = memoryIo();
    expect(await run([P2022, "--level", "страна"], io)).toBe(2);
    expect(io.stderr[0]).toContain(
      "--level ожидает «municipality» (по муниципалитетам) или «region» (весь регион), а указано «страна»",
    );
    const io2 = memoryIo();
    expect(await run([P2022, "--test", "математика"], io2)).toBe(2);
    expect(io2.stderr[0]).toContain("--test ожидает работу вида «ВПР 2021 Математика 4 класс», а указано «математика»");
  });
});

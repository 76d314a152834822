/**
 * `msoko analyze` takes FIOKO marker and risk-profile lists among its inputs: files generated
 * here (two school forms, a marker list, a risk-profile list, a broken marker list) go through
 * the whole CLI path — reading, classifying, attaching by login, analysing, printing, JSON.
 */
import ExcelJS from "exceljs";
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../../../src/cli/commands/analyze";
import { memoryIo } from "../../../src/cli/io";
import { XlsxWorkbook } from "../../../src/xlsx/exceljs/workbook";
import { RISK_PROFILE_FACTORS } from "../../../src/core/risk";
import { fillForm } from "../../../src/form/template";
import { XLSX_DIR } from "../../fixtures/fisoko/generate-xlsx";
import { addResult, school, withQuality } from "../analysis/build";

let dir: string;

async function writeGrid(path: string, sheet: string, rows: (string | number | null)[][]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  for (const r of rows) ws.addRow(r);
  await wb.xlsx.writeFile(path);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "msoko-fioko-"));
  await mkdir(join(dir, "ok"));
  for (const login of ["sch1", "sch2"]) {
    const s = school(login);
    s.passport.name = `МБОУ СОШ ${login}`;
    addResult(s, "ВПР", 2025, 5, "Математика", withQuality(20, 50));
    const wb = XlsxWorkbook.create(`${login}.xlsx`);
    await wb.write({ ops: fillForm(s) });
    await wb.save(join(dir, "ok", `${login}.xlsx`));
  }
  await writeGrid(join(dir, "ok", "markers.xlsx"), "Маркеры", [
    ["Маркеры необъективности ВПР, 2025 год"],
    ["Логин", "Наименование ОО", "5 РУ", "5 МА"],
    ["SCH1", "МБОУ СОШ sch1", 0, 1],
    ["sch2", "МБОУ СОШ sch2", 0, 0],
  ]);
  const high = (n: number) => RISK_PROFILE_FACTORS.map((_, i) => (i < n ? "высокий" : "низкий"));
  await writeGrid(join(dir, "ok", "profiles.xlsx"), "Профили", [
    ["Рисковые профили ФИОКО"],
    ["Логин", "Год", ...RISK_PROFILE_FACTORS],
    ["sch2", 2025, ...high(3)],
    ["sch1", 2025, ...high(1)],
  ]);
  await mkdir(join(dir, "fisoko"));
  const s = school("sch420101");
  addResult(s, "ВПР", 2024, 6, "Математика", withQuality(20, 50));
  const wb = XlsxWorkbook.create("sch420101.xlsx");
  await wb.write({ ops: fillForm(s) });
  await wb.save(join(dir, "fisoko", "sch420101.xlsx"));
  await writeGrid(join(dir, "broken-markers.xlsx"), "Маркеры", [
    ["Логин", "Год", "5 МА"],
    ["sch1", 2025, 7],
  ]);
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("msoko analyze with FIOKO lists", () => {
  it("marker → F for sch1, 5 класс, математика; 3 high factors → R5 for sch2; both in text and JSON", async () => {
    const io = memoryIo();
    const out = join(dir, "a.json");
    const code = await run([join(dir, "ok"), "--json", out], io);
    expect(io.stderr).toEqual([]);
    expect(code).toBe(0);
    const text = io.stdout.join("\n");
    expect(text).toContain("Данные ФИОКО: markers.xlsx, profiles.xlsx — 4 маркера, 2 рисковых профиля.");
    const json = JSON.parse(await readFile(out, "utf8"));
    const s1 = json.schools.find((s: { login: string }) => s.login === "sch1");
    const s2 = json.schools.find((s: { login: string }) => s.login === "sch2");
    expect(
      s1.years[0].signs.map(
        (g: { rule: string; grade: number; subject: string }) => `${g.rule} ${g.grade} ${g.subject}`,
      ),
    ).toEqual(["F 5 Математика"]);
    expect(s1.years[0].signs[0].reference).toEqual({ kind: "fioko", value: 1, n: 0, source: "markers.xlsx" });
    expect(s2.years[0].signs).toEqual([]);
    const fired = (s: { years: { risk: { factors: { id: string; fired: boolean }[] } }[] }) =>
      s.years[0].risk.factors.filter((f) => f.fired).map((f) => f.id);
    expect(fired(s2)).toContain("R5");
    expect(fired(s1)).not.toContain("R5");
    expect(fired(s1)).toContain("R6");
    expect(json.imported).toMatchObject({
      exports: [],
      fiokoFiles: ["markers.xlsx", "profiles.xlsx"],
      fiokoMarkers: 4,
      riskProfiles: 2,
      findings: [],
    });
  }, 120_000);

  it("a marker list with an error: the cell is reported on stderr and the exit code is 1", async () => {
    const io = memoryIo();
    const code = await run([join(dir, "ok"), join(dir, "broken-markers.xlsx")], io);
    expect(code).toBe(1);
    expect(io.stderr).toEqual([
      "Файл «broken-markers.xlsx»: Ячейка C2 листа «Маркеры»: значение «7» не является маркером; ожидается 0 или 1 (пусто — маркер не указан).",
    ]);
  }, 120_000);

  it("takes ФИС ОКО exports like summarize: the school's rows join its form, municipality and region rows become the reference", async () => {
    const io = memoryIo();
    const out = join(dir, "f.json");
    const code = await run(
      [join(dir, "fisoko"), join(XLSX_DIR, "ВПР-2023-математика-5-sch420101.xlsx"), "--json", out],
      io,
    );
    expect(io.stderr).toEqual([]);
    expect(code).toBe(0);
    expect(io.stdout).toContain(
      "Выгрузки ФИС ОКО: ВПР-2023-математика-5-sch420101.xlsx (эталон для O1–O3: 2 строки муниципалитета и региона).",
    );
    const json = JSON.parse(await readFile(out, "utf8"));
    expect(json.years).toEqual([2023, 2024]);
    expect(json.imported.exports).toEqual(["ВПР-2023-математика-5-sch420101.xlsx"]);
    expect(json.schools[0].years.map((y: { year: number; evaluatedSigns: number }) => y.year)).toEqual([2023, 2024]);
  }, 120_000);
});

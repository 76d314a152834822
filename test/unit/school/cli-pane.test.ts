/**
 * The same report from the CLI (`msoko school-report`) and from the pane's page logic
 * (src/taskpane/school/run.ts) on the constructed school's filled form.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseArgs, run } from "../../../src/cli/commands/school-report";
import { memoryIo } from "../../../src/cli/io";
import { readXlsxFile, XlsxWorkbook } from "../../../src/xlsx/exceljs";
import { SCHOOL_SHEET_NAMES } from "../../../src/school/model/report";
import { fillForm } from "../../../src/form/template";
import { MemoryWorkbook } from "../../../src/host/memory";
import { doneMessage, generateSchoolAnalysis, loadSchoolForm } from "../../../src/taskpane/school/run";
import { constructedSchool } from "./fixture";

let dir: string;
let form: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "msoko-school-"));
  form = join(dir, "form.xlsx");
  const wb = XlsxWorkbook.create("form.xlsx");
  await wb.write({ ops: fillForm(constructedSchool()) });
  await wb.save(form);
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("msoko school-report", () => {
  it("checks its arguments (exit 2)", async () => {
    expect(parseArgs(["form.xlsx"])).toBe("Укажите файл отчёта: --out анализ.xlsx.");
    expect(parseArgs(["form.xlsx", "--out", "a.xlsx", "--procedure", "ВПРР"])).toMatch(/^Процедура «ВПРР» неизвестна/);
    expect(parseArgs(["form.xlsx", "--out", "a.xlsx", "--year", "26"])).toMatch(/^Год «26» указан неверно/);
    const io = memoryIo();
    expect(await run(["--out", "a.xlsx"], io)).toBe(2);
    expect(io.stderr[0]).toMatch(/^Укажите файл формы ОО/);
  });

  it("builds the analysis sheets from the form (exit 0) and keeps the user's sheets on a rerun", async () => {
    const out = join(dir, "report.xlsx");
    const io = memoryIo();
    expect(await run([form, "--out", out], io)).toBe(0);
    // Alone, O1 has no reference to rule out chance: the rise of «2» and the task deficits remain.
    expect(io.stdout.at(-1)).toBe(`Анализ ВПР 2026 построен: ${out}. Работ: 3; листов: 8; выводов для решений: 2.`);
    const sheets = await readXlsxFile(out, { formulas: false });
    expect(sheets.map((s) => s.name).filter((n) => n.startsWith("Анализ"))).toEqual(Object.values(SCHOOL_SHEET_NAMES));
    const dec = sheets.find((s) => s.name === SCHOOL_SHEET_NAMES.decisions)!;
    expect(dec.values.some((row) => row.includes("Документ решения (№, дата)"))).toBe(true);

    const again = memoryIo();
    expect(await run([form, "--out", out, "--year", "2025", "--subject", "Математика"], again)).toBe(0);
    expect(again.stdout.at(-1)).toMatch(/^Анализ ВПР 2025 построен/);
  }, 60_000);

  it("with other schools' forms the school is analysed within its municipality; --set names the school's own regulation", async () => {
    const second = join(dir, "other.xlsx");
    const other = constructedSchool();
    other.passport = { ...other.passport, login: "sch000002", name: "МБОУ СОШ № 2" };
    const wb = XlsxWorkbook.create("other.xlsx");
    await wb.write({ ops: fillForm(other) });
    await wb.save(second);
    const out = join(dir, "within.xlsx");
    const io = memoryIo();
    expect(
      await run(
        [
          form,
          second,
          "--out",
          out,
          "--set",
          "basis.vsoko=Положение о ВСОКО МБОУ СОШ № 1 (приказ от 30.08.2025 № 101)",
          "--set",
          "basis.clause.deficits=п. 4.2",
        ],
        io,
      ),
    ).toBe(0);
    expect(io.stdout.at(-1)).toBe(
      `Анализ ВПР 2026 построен: ${out}. Работ: 3; листов: 8; выводов для решений: 2; эталон и положение в муниципалитете — по 2 формам ОО.`,
    );
    const sheets = await readXlsxFile(out, { formulas: false });
    const cells = sheets
      .find((s) => s.name === SCHOOL_SHEET_NAMES.complex)!
      .values.flat()
      .map(String);
    expect(cells).toContain("Положение ОО в муниципалитете: кластер, риск (ШНОР/ШНСУ), стабильность");
    expect(cells).toContain("Кластер");
    const dec = sheets
      .find((s) => s.name === SCHOOL_SHEET_NAMES.decisions)!
      .values.flat()
      .map(String);
    expect(dec).toContain("Положение о ВСОКО МБОУ СОШ № 1 (приказ от 30.08.2025 № 101), п. 4.2");
    const bad = memoryIo();
    expect(await run([form, "--out", out, "--set", "basis.vsoko"], bad)).toBe(2);
    expect(bad.stderr[0]).toMatch(/^--set ожидает «ключ=значение»/);
  }, 60_000);

  it("says which procedures and years the form holds when the chosen one is absent (exit 2)", async () => {
    const io = memoryIo();
    expect(await run([form, "--out", join(dir, "x.xlsx"), "--procedure", "ОГЭ"], io)).toBe(2);
    expect(io.stderr[0]).toBe(
      "В форме «form.xlsx» нет результатов ОГЭ (листы «Участники», «Результаты»). В форме есть: ВПР 2026, ВПР 2025.",
    );
  });
});

describe("pane page logic (src/taskpane/school/run.ts)", () => {
  it("reads the form from the port, lists its choices and writes the analysis with progress", async () => {
    const book = new MemoryWorkbook();
    await book.write({ ops: fillForm(constructedSchool()) });
    const loaded = await loadSchoolForm(book);
    expect(loaded.report?.passport.login).toBe("sch000001");
    expect(loaded.choices.map((c) => `${c.procedure} ${c.year}`)).toEqual(["ВПР 2026", "ВПР 2025"]);
    const steps: string[] = [];
    const sel = { procedure: "ВПР" as const, year: 2026, grades: [5], subjects: ["Математика"] };
    const res = await generateSchoolAnalysis(
      book,
      loaded.report!,
      sel,
      (_d, _t, label) => steps.push(label),
      new AbortController().signal,
    );
    expect(steps).toHaveLength(8);
    expect(steps[0]).toBe(`Лист 1 из 8: ${SCHOOL_SHEET_NAMES.individual}`);
    expect(doneMessage(res, sel)).toBe(
      `Построено листов анализа ВПР 2026: 8; работ: 1; выводов для решений: 1 (лист «${SCHOOL_SHEET_NAMES.decisions}»).`,
    );
    // A second read ignores the analysis sheets it wrote.
    expect((await loadSchoolForm(book)).report?.participants).toHaveLength(20);
  });

  it("a cancelled run leaves the workbook unchanged", async () => {
    const book = new MemoryWorkbook();
    await book.write({ ops: fillForm(constructedSchool()) });
    const before = (await book.listSheets()).map((s) => s.name);
    const { report } = await loadSchoolForm(book);
    const ctrl = new AbortController();
    ctrl.abort();
    await expect(
      generateSchoolAnalysis(
        book,
        report!,
        { procedure: "ВПР", year: 2026, grades: [], subjects: [] },
        () => undefined,
        ctrl.signal,
      ),
    ).rejects.toThrow();
    expect((await book.listSheets()).map((s) => s.name)).toEqual(before);
  });
});

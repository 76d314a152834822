/**
 * `msoko import-fisoko`: exit codes 0/1/2, Russian counts, the original form never overwritten,
 * the updated copy readable by the form parser.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, existsSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { run, defaultOutput } from "../../../src/cli/commands/import-fisoko";
import { memoryIo } from "../../../src/cli/io";
import { readXlsxFile, XlsxWorkbook } from "../../../src/xlsx/exceljs";
import type { SchoolReport } from "../../../src/core/model";
import { fillForm } from "../../../src/form";
import { parseForm } from "../../../src/form/parse";
import { XLSX_DIR } from "../../fixtures/fisoko/generate-xlsx";

const dir = mkdtempSync(join(tmpdir(), "fisoko-cli-"));
const form = join(dir, "форма.xlsx");
const SCHOOL_2023 = join(XLSX_DIR, "ВПР-2023-математика-5-sch420101.xlsx");
const TRUNCATED = join(XLSX_DIR, "оборванная-выгрузка.xlsx");

const report: SchoolReport = {
  passport: { login: "sch420101", name: 'МБОУ "СОШ № 1"', type: "СОШ", location: "город", contingent: [] },
  results: [],
  participants: [],
  tasks: [],
  directions: {},
  cycle: [],
  findings: [],
};

const hash = (p: string) => createHash("sha256").update(readFileSync(p)).digest("hex");

beforeAll(async () => {
  const wb = XlsxWorkbook.create("форма.xlsx");
  await wb.write({ ops: fillForm(report) });
  await wb.save(form);
});

describe("msoko import-fisoko", () => {
  it("checks exports without --into and prints what they hold (exit 0)", async () => {
    const io = memoryIo();
    expect(await run([SCHOOL_2023], io)).toBe(0);
    expect(io.stdout[0]).toBe("Прочитано: 4 отчёта из 1 файла.");
    expect(io.stdout[1]).toBe(
      "  «ВПР-2023-математика-5-sch420101.xlsx», лист «Статистика по отметкам»: Статистика по отметкам — ВПР 2023, Математика, 5 класс (4 строки).",
    );
    expect(io.stdout[5]).toBe(
      "Найдено: 1 строка результатов ОО, 0 участников, 0 перечней заданий, 2 эталонные строки (муниципалитет, регион).",
    );
    expect(io.stderr).toEqual([]);
  });

  it("appends to a copy of the form, never to the original (exit 0)", async () => {
    const before = hash(form);
    const io = memoryIo();
    expect(await run([SCHOOL_2023, "--into", form], io)).toBe(0);
    const out = defaultOutput(form);
    expect(out).toBe(join(dir, "форма (импорт ФИС ОКО).xlsx"));
    expect(io.stdout.at(-1)).toBe(
      `В форму ОО sch420101 добавлено: 1 строка результатов, 0 участников, 0 заданий. Записано в «${out}»; исходная форма «${form}» не изменена.`,
    );
    expect(hash(form)).toBe(before);
    const { report: parsed } = parseForm(await readXlsxFile(out));
    expect(parsed?.results).toEqual([
      expect.objectContaining({
        procedure: "ВПР",
        year: 2023,
        grade: 5,
        subject: "Математика",
        participants: 52,
        marks: { n5: 10, n4: 20, n3: 18, n2: 4 },
        journal: { lowered: 10, confirmed: 38, raised: 4 },
      }),
    ]);
  });

  it("refuses to overwrite: the form itself, or an existing output without --force (exit 2)", async () => {
    let io = memoryIo();
    expect(await run([SCHOOL_2023, "--into", form, "--out", form], io)).toBe(2);
    expect(io.stderr[0]).toBe(
      `Файл «${form}» — это сама форма; исходную форму команда не перезаписывает. Укажите другое имя в --out.`,
    );
    const out = join(dir, "копия.xlsx");
    copyFileSync(form, out);
    io = memoryIo();
    expect(await run([SCHOOL_2023, "--into", form, "--out", out], io)).toBe(2);
    expect(io.stderr[0]).toBe(
      `Файл «${out}» уже существует и не будет перезаписан. Укажите другое имя в --out или добавьте --force.`,
    );
    io = memoryIo();
    expect(await run([SCHOOL_2023, "--into", form, "--out", out, "--force"], io)).toBe(0);
  });

  it("a broken export stops everything (exit 1), no output file", async () => {
    const out = join(dir, "не-должно-появиться.xlsx");
    const io = memoryIo();
    expect(await run([SCHOOL_2023, TRUNCATED, "--into", form, "--out", out], io)).toBe(1);
    expect(io.stderr[0]).toMatch(
      /^Ошибка: Файл «оборванная-выгрузка\.xlsx», лист «Статистика по отметкам», ячейка E12: нет значения/,
    );
    expect(io.stderr.at(-1)).toBe(
      "Импорт не выполнен: исправьте ошибки выгрузок (или выгрузите отчёты заново) и повторите.",
    );
    expect(existsSync(out)).toBe(false);
  });

  it("a missing file is a data problem (exit 1); no files or unknown options are usage errors (exit 2)", async () => {
    let io = memoryIo();
    expect(await run([join(dir, "нет-такого.xlsx")], io)).toBe(1);
    expect(io.stderr[0]).toMatch(/^Ошибка: Файл «.*нет-такого\.xlsx» не найден\.$/);
    io = memoryIo();
    expect(await run([], io)).toBe(2);
    expect(io.stderr[0]).toContain("Укажите хотя бы один файл выгрузки ФИС ОКО.");
    io = memoryIo();
    expect(await run([SCHOOL_2023, "--merge"], io)).toBe(2);
    expect(io.stderr[0]).toContain("Неизвестный параметр --merge.");
    io = memoryIo();
    // A file in the wrong format is bad input, as the README documents (exit 1), not a wrong call.
    expect(await run(["отчёт.xls"], io)).toBe(1);
  });

  it("--json prints the import for other tools", async () => {
    const io = memoryIo();
    expect(await run([SCHOOL_2023, "--json"], io)).toBe(0);
    const json = JSON.parse(io.stdout.join("\n"));
    expect(json.ok).toBe(true);
    expect(json.results[0].marks).toEqual({ n2: 4, n3: 18, n4: 20, n5: 10 });
    expect(json.references.map((r: { level: string }) => r.level)).toEqual(["region", "municipality"]);
  });
});

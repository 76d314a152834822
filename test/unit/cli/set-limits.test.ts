/**
 * Issue 22 follow-up: `msoko validate` and `msoko import-fisoko` take `--set ключ=значение` as the
 * other commands do, so a book past the default «Ограничения» can be read by raising a limit (never
 * past its hard cap); every failure of import-fisoko after the call is checked exits 1 (README).
 *
 * The book: the valid corpus form (11 sheets, 551 cells by their dimensions: 3×17, 21×9, 16×5, 8×8,
 * 7×3, 14×2, 10×2, 4×3, 8×2, 5×2, 12×5) with its last sheet «Цикл» claiming A1:K909091 instead of
 * A1:L5 — 11 × 909 091 = 10 000 001 cells. The book: 551 − 60 + 10 000 001 = 10 000 492 cells, just
 * over the default limit of 10 000 000.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { main } from "../../../src/cli/main";
import { memoryIo } from "../../../src/cli/io";
import type { SchoolReport } from "../../../src/core/model";
import { fillForm } from "../../../src/form";
import { XlsxWorkbook } from "../../../src/xlsx/exceljs";
import { XLSX_DIR } from "../../fixtures/fisoko/generate-xlsx";

const FORMS = join(__dirname, "../../fixtures/forms");
const SCHOOL_2023 = join(XLSX_DIR, "ВПР-2023-математика-5-sch420101.xlsx");
const NB = "\u00a0";

const dir = mkdtempSync(join(tmpdir(), "msoko-set-limits-"));
const big = join(dir, "форма.xlsx");
const bigExport = join(dir, "выгрузка.xlsx");
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

/** The book with the dimension of `part` replaced by `ref` (the cells themselves unchanged). */
async function claiming(source: string, part: string, ref: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(readFileSync(source));
  const xml = await zip.file(part)!.async("string");
  const patched = xml.replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="${ref}"/>`);
  expect(patched).not.toBe(xml);
  zip.file(part, patched);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

beforeAll(async () => {
  writeFileSync(big, await claiming(join(FORMS, "valid.xlsx"), "xl/worksheets/sheet11.xml", "A1:K909091"));
  writeFileSync(bigExport, await claiming(SCHOOL_2023, "xl/worksheets/sheet1.xml", "A1:K909091"));
});

async function run(args: string[]) {
  const io = memoryIo();
  const code = await main(args, io);
  return { code, out: io.stdout.join("\n"), err: io.stderr.join("\n") };
}

describe("msoko validate --set", () => {
  it("the valid form passes; the same form claiming 10 000 492 cells is refused with the default limit", async () => {
    expect((await run(["validate", join(FORMS, "valid.xlsx")])).code).toBe(0);
    const r = await run(["validate", big]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `Файл «форма.xlsx» слишком велик: вместе с листом «Цикл» его листы занимают 10${NB}000${NB}492 ячейки (по заявленным в файле размерам листов), допускается не больше 10${NB}000${NB}000 ячеек на книгу. Удалите лишние листы, пустые строки и столбцы и пересохраните книгу в Excel.`,
    );
  });

  it("limits.bookCells raised to exactly the book's 10 000 492 cells reads it; one cell less still refuses", async () => {
    const at = await run(["validate", big, "--set", "limits.bookCells=10000492"]);
    expect(at.code).toBe(0);
    expect(at.out).toContain("Файл «форма.xlsx»: 0 ошибок, 0 предупреждений, 0 сведений. Форма прошла проверку.");
    const below = await run(["validate", big, "--set", "limits.bookCells=10000491"]);
    expect(below.code).toBe(2);
    expect(below.err).toContain(`допускается не больше 10${NB}000${NB}491 ячейки на книгу`);
    // --json: the same, as an object.
    const json = await run(["validate", "--json", "--set", "limits.bookCells=20000000", big]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out)).toMatchObject({ file: "форма.xlsx", valid: true, counts: { error: 0 } });
  });

  it("any profile key is accepted as elsewhere; an unknown key or a value past the hard cap is a Russian error naming the key, nothing read", async () => {
    expect((await run(["validate", join(FORMS, "valid.xlsx"), "--set", "o1.gap2Share=15"])).code).toBe(0);
    const missing = join(dir, "нет-такой.xlsx");
    const unknown = await run(["validate", missing, "--set", "limits.bookcells=20000000"]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toBe("Параметр «limits.bookcells»: неизвестный параметр методики «limits.bookcells».");
    const capped = await run(["validate", missing, "--set", "limits.bookCells=30000001"]);
    expect(capped.code).toBe(2);
    expect(capped.err).toMatch(/^Параметр «limits\.bookCells»: ожидается число в диапазоне 100000…30000000/);
    // The file was never opened: the message is about --set, not about the missing file.
    expect(capped.err).not.toContain("не найден");
    const noValue = await run(["validate", missing, "--set"]);
    expect(noValue.code).toBe(2);
    expect(noValue.err).toContain(
      "--set ожидает «ключ=значение», например --set limits.bookCells=20000000, а указано «».",
    );
  });
});

describe("msoko import-fisoko --set", () => {
  it("an export or a form past the default limit: exit 1, nothing written; raised with --set: imported", async () => {
    const exp = await run(["import-fisoko", bigExport]);
    expect(exp.code).toBe(1);
    expect(exp.err).toContain("Файл «выгрузка.xlsx» слишком велик");
    expect((await run(["import-fisoko", bigExport, "--set", "limits.bookCells=20000000"])).code).toBe(0);

    const out = join(dir, "импорт.xlsx");
    const refused = await run(["import-fisoko", SCHOOL_2023, "--into", big, "--out", out]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(`допускается не больше 10${NB}000${NB}000 ячеек на книгу`);
    expect(existsSync(out)).toBe(false);
  });

  it("a bad --set is a wrong call (exit 2) naming the key", async () => {
    const r = await run(["import-fisoko", SCHOOL_2023, "--set", "limits.bookCells=30000001"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("Параметр «limits.bookCells»: ожидается число в диапазоне 100000…30000000");
    const u = await run(["import-fisoko", SCHOOL_2023, "--set", "limits.cells=1"]);
    expect(u.code).toBe(2);
    expect(u.err).toContain("Параметр «limits.cells»: неизвестный параметр методики «limits.cells».");
  });
});

describe("msoko import-fisoko: every failure after the call is checked exits 1, in Russian", () => {
  let form = "";
  // An empty form of the export's school (sch420101), as in test/unit/fisoko/cli.test.ts.
  beforeAll(async () => {
    form = join(dir, "форма-1.xlsx");
    const report: SchoolReport = {
      passport: { login: "sch420101", name: "МБОУ СОШ № 1", type: "СОШ", location: "город", contingent: [] },
      results: [],
      participants: [],
      tasks: [],
      directions: {},
      cycle: [],
      findings: [],
    };
    const wb = XlsxWorkbook.create("форма-1.xlsx");
    await wb.write({ ops: fillForm(report) });
    await wb.save(form);
  });

  it("the form and the export agree: imported (exit 0), the base of the failures below", async () => {
    const out = join(dir, "импорт-0.xlsx");
    expect((await run(["import-fisoko", SCHOOL_2023, "--into", form, "--out", out])).code).toBe(0);
    expect(existsSync(out)).toBe(true);
  });

  it("a form exceljs cannot walk: exit 1, the internal error in Russian with the form, nothing written", async () => {
    vi.spyOn(XlsxWorkbook.prototype, "readSheets").mockRejectedValue(
      new TypeError("Cannot read properties of undefined (reading 'richText')"),
    );
    const out = join(dir, "не-записано-1.xlsx");
    const r = await run(["import-fisoko", SCHOOL_2023, "--into", form, "--out", out]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(
      "Ошибка: Внутренняя ошибка (файл «" + form + "»): Cannot read properties of undefined (reading 'richText').",
    );
    expect(existsSync(out)).toBe(false);
  });

  it("no space left while saving: exit 1, the half-written copy removed, the form unchanged", async () => {
    const before = readFileSync(form);
    vi.spyOn(XlsxWorkbook.prototype, "save").mockImplementation(async (path: string) => {
      writeFileSync(path, "обрыв");
      throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC", syscall: "write" });
    });
    const out = join(dir, "не-записано-2.xlsx");
    const r = await run(["import-fisoko", SCHOOL_2023, "--into", form, "--out", out]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("Не хватает места на диске для записи");
    expect(r.err).toContain(`Копия формы не записана; исходная форма «${form}» не изменена.`);
    expect(existsSync(out)).toBe(false);
    expect(readFileSync(form).equals(before)).toBe(true);
  });

  it("a failure the steps did not foresee (the import itself): exit 1, not the CLI's catch-all 2", async () => {
    vi.spyOn(XlsxWorkbook.prototype, "write").mockRejectedValue(new RangeError("Invalid row number in model"));
    const out = join(dir, "не-записано-3.xlsx");
    const r = await run(["import-fisoko", SCHOOL_2023, "--into", form, "--out", out]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("Ошибка: Внутренняя ошибка: Invalid row number in model.");
    expect(r.err).toContain(
      "Импорт не выполнен (файлы «ВПР-2023-математика-5-sch420101.xlsx», «форма-1.xlsx»); ничего не записано.",
    );
    expect(existsSync(out)).toBe(false);
  });

  it("the documented codes, path by path: 1 for a bad input, 2 for a wrong call", async () => {
    const hostile = join(__dirname, "../../fixtures/hostile2/200-sheets-claimed.xlsx");
    const cases: [string[], number][] = [
      [["import-fisoko", join(dir, "нет.xlsx")], 1], // missing export
      [["import-fisoko", "отчёт.xls"], 1], // not .xlsx
      [["import-fisoko", hostile], 1], // export past the whole-book limit
      [["import-fisoko", SCHOOL_2023, "--into", hostile, "--out", join(dir, "x1.xlsx")], 1], // hostile form
      [["import-fisoko", SCHOOL_2023, "--into", join(dir, "нет.xlsx"), "--out", join(dir, "x2.xlsx")], 1], // missing form
      [["import-fisoko", SCHOOL_2023, "--into", SCHOOL_2023, "--out", join(dir, "x3.xlsx")], 1], // an export is no form
      [["import-fisoko"], 2],
      [["import-fisoko", SCHOOL_2023, "--out", join(dir, "x4.xlsx")], 2], // --out without --into
      [["import-fisoko", SCHOOL_2023, "--into", form, "--out", form], 2], // the form itself
      [["import-fisoko", SCHOOL_2023, "--into", form, "--out", join(dir, "нет", "x.xlsx")], 2], // no such folder
    ];
    for (const [args, code] of cases) {
      const r = await run(args);
      expect(r.code, args.join(" ")).toBe(code);
      expect(r.err, args.join(" ")).toMatch(/[а-яё]/i);
      expect(r.err, args.join(" ")).not.toMatch(/Внутренняя ошибка/);
    }
    for (const n of ["x1", "x2", "x3"]) expect(existsSync(join(dir, `${n}.xlsx`))).toBe(false);
  });
});

import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { memoryIo } from "../../../src/cli/io";
import { main } from "../../../src/cli/main";
import { findingLine } from "../../../src/cli/commands/validate";
import { readXlsxFile } from "../../../src/xlsx/exceljs";

const FORMS = join(__dirname, "../../fixtures/forms");
const dir = mkdtempSync(join(tmpdir(), "msoko-form-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("msoko template", () => {
  it("writes the form, refuses to overwrite it, and the file reads back with every sheet", async () => {
    const out = join(dir, "form.xlsx");
    const io = memoryIo();
    expect(await main(["template", "--out", out], io)).toBe(0);
    expect(io.stdout).toEqual([`Форма записана в «${out}».`]);
    expect(existsSync(out)).toBe(true);
    const again = memoryIo();
    expect(await main(["template", "--out", out], again)).toBe(2);
    expect(again.stderr[0]).toContain("уже существует");
    const sheets = await readXlsxFile(out);
    expect(sheets.map((s) => s.name)).toContain("Инструкция");
    expect(sheets.find((s) => s.name === "Результаты")!.values[0][18]).toBe("Качество, %");
  });

  it("--mouo writes the МОУО cycle book: one sheet «Цикл МОУО» with the form's cycle columns", async () => {
    const out = join(dir, "цикл-моуо.xlsx");
    const io = memoryIo();
    expect(await main(["template", "--mouo", "--out", out], io)).toBe(0);
    expect(io.stdout[0]).toContain("Книга цикла МОУО (лист «Цикл МОУО»)");
    const sheets = await readXlsxFile(out);
    expect(sheets.map((s) => s.name)).toEqual(["Цикл МОУО"]);
    expect(sheets[0].values[0][7]).toBe("Оценка");
  });

  it("prints the Markdown reference with --docs and rejects a call without --out", async () => {
    const io = memoryIo();
    expect(await main(["template", "--docs"], io)).toBe(0);
    expect(io.stdout[0]).toContain("### Листы и столбцы");
    expect(await main(["template"], memoryIo())).toBe(2);
    expect(await main(["template", "--out", join(dir, "x.txt")], memoryIo())).toBe(2);
  });
});

describe("msoko validate", () => {
  it("exits 0 on a valid form and prints the summary", async () => {
    const io = memoryIo();
    expect(await main(["validate", join(FORMS, "valid.xlsx")], io)).toBe(0);
    expect(io.stdout.at(-1)).toBe("Файл «valid.xlsx»: 0 ошибок, 0 предупреждений, 0 сведений. Форма прошла проверку.");
  });

  it("exits 1 and names the sheet and cell of each finding", async () => {
    const io = memoryIo();
    expect(await main(["validate", join(FORMS, "marks-sum.xlsx")], io)).toBe(1);
    const [line, hint] = io.stdout[0].split("\n");
    expect(line).toBe(
      "Ошибка. Лист «Результаты», ячейка F2: «5» + «4» + «3» + «2» = 49, а участников 48; ожидается равенство.",
    );
    expect(hint).toContain("Что сделать:");
    expect(io.stdout.at(-1)).toContain("1 ошибка");
  });

  it("gives the documented JSON", async () => {
    const io = memoryIo();
    expect(await main(["validate", join(FORMS, "number-as-text.xlsx"), "--json"], io)).toBe(0);
    const out = JSON.parse(io.stdout.join("\n"));
    expect(out).toMatchObject({
      file: "number-as-text.xlsx",
      valid: true,
      counts: { error: 0, warning: 1, info: 0 },
      school: { login: "sch420001", results: 8, participants: 4, cycle: 4 },
    });
    expect(out.findings[0]).toMatchObject({
      severity: "warning",
      rule: "number.text",
      sheet: "Результаты",
      cell: "G2",
    });
  });

  it("exits 2 on a missing or unreadable file and on a wrong call", async () => {
    const io = memoryIo();
    expect(await main(["validate", join(dir, "нет.xlsx")], io)).toBe(2);
    expect(io.stderr[0]).toContain("не найден");
    expect(await main(["validate", join(FORMS, "not-a-workbook.xlsx")], memoryIo())).toBe(2);
    expect(await main(["validate"], memoryIo())).toBe(2);
    expect(await main(["validate", "a.xlsx", "--csv"], memoryIo())).toBe(2);
  });

  it("formats findings without a cell or a sheet", () => {
    expect(
      findingLine({
        severity: "error",
        rule: "sheet.missing",
        sheet: "Результаты",
        cell: "",
        message: "В книге нет листа «Результаты».",
      }),
    ).toBe("Ошибка. Лист «Результаты»: В книге нет листа «Результаты».");
  });

  it("never changes the file it checks", async () => {
    const path = join(FORMS, "valid.xlsx");
    const before = readFileSync(path);
    await main(["validate", path, "--json"], memoryIo());
    expect(readFileSync(path).equals(before)).toBe(true);
  });
});

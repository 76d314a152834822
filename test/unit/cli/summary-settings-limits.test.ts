/**
 * Issue 22 follow-up: `msoko summarize --out СВОД.xlsx` into an existing summary reads the forms with
 * the «Ограничения» of the summary's own settings sheet (as the pane does with the open book), and
 * `--set` on top; a value past its hard cap on the sheet is reported and not applied.
 *
 * The forms: sch420002 (the valid corpus form under another login, 551 cells) and sch420001, the
 * valid form whose sheet «Цикл» claims A1:K909091: 551 − 60 + 11 × 909 091 = 10 000 492 cells, just
 * over the default limit of 10 000 000 (the count by hand: test/unit/cli/set-limits.test.ts).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../../src/cli/main";
import { memoryIo } from "../../../src/cli/io";
import { writeSetting } from "../../../src/host/settings";
import { XlsxWorkbook } from "../../../src/xlsx/exceljs";

const FORMS = join(__dirname, "../../fixtures/forms");
const NB = "\u00a0";
const dir = mkdtempSync(join(tmpdir(), "msoko-svod-limits-"));
const forms = join(dir, "формы");
const svod = join(dir, "свод.xlsx");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function patched(part: string, from: RegExp, to: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(readFileSync(join(FORMS, "valid.xlsx")));
  const xml = await zip.file(part)!.async("string");
  expect(from.test(xml)).toBe(true);
  zip.file(part, xml.replace(from, to));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

beforeAll(async () => {
  mkdirSync(forms);
  writeFileSync(
    join(forms, "большая.xlsx"),
    await patched("xl/worksheets/sheet11.xml", /<dimension ref="A1:L5"\/>/, `<dimension ref="A1:K909091"/>`),
  );
  // The login sits in the shared strings of the passport.
  writeFileSync(join(forms, "обычная.xlsx"), await patched("xl/sharedStrings.xml", /sch420001/, "sch420002"));
});

async function summarize(...extra: string[]) {
  const io = memoryIo();
  const code = await main(["summarize", forms, "--out", svod, "--date", "2026-12-31", ...extra], io);
  return { code, out: io.stdout.join("\n"), err: io.stderr.join("\n") };
}

async function setOnSheet(value: number): Promise<void> {
  const wb = await XlsxWorkbook.fromBuffer(readFileSync(svod), "свод.xlsx");
  await writeSetting(wb, "limits.bookCells", value);
  await wb.save(svod);
}

describe("summarize --out an existing summary: its «Ограничения» apply to the forms", () => {
  it("default limits: the book of 10 000 492 cells is refused, 1 school summarised", async () => {
    const r = await summarize();
    expect(r.code).toBe(1);
    expect(r.out).toContain("В своде 1 ОО; форм с ошибками: 1");
  });

  it("limits.bookCells = 10 000 492 on the summary's settings sheet: both forms read, 2 schools", async () => {
    await setOnSheet(10_000_492);
    const r = await summarize();
    expect(r.code).toBe(0);
    expect(r.out).toContain("В своде 2 ОО.");
  });

  it("--set on top of the sheet wins: 10 000 491 refuses the book again", async () => {
    const r = await summarize("--set", "limits.bookCells=10000491");
    expect(r.code).toBe(1);
    expect(r.out).toContain("В своде 1 ОО; форм с ошибками: 1");
  });

  it("a value past the hard cap on the sheet is reported with its cell and not applied (the default holds)", async () => {
    await setOnSheet(40_000_000);
    const r = await summarize();
    expect(r.code).toBe(1);
    expect(r.out).toContain("В своде 1 ОО; форм с ошибками: 1");
    expect(r.err).toMatch(
      /Параметр «limits\.bookCells» \(лист «Настройки МСОКО», ячейка B\d+\): ожидается число в диапазоне 100000…30000000, а указано «40.000.000»/,
    );
    expect(r.err).not.toContain(`40${NB}000${NB}000 ячеек на книгу`);
  });
});

describe("msoko report: the forms are read with --set and with the summary's «Ограничения»", () => {
  const docx = join(dir, "справка.docx");
  async function report(...args: string[]) {
    const io = memoryIo();
    const code = await main(["report", ...args, "--out", docx, "--force", "--date", "2026-12-31"], io);
    return { code, out: io.stdout.join("\n") };
  }

  it("forms only: the default limit refuses the big book, --set limits.bookCells=10000492 reads it", async () => {
    expect(await report(forms)).toMatchObject({ code: 1, out: expect.stringContaining("; 1 ОО; форм с ошибками: 1") });
    const raised = await report(forms, "--set", "limits.bookCells=10000492");
    expect(raised.code).toBe(0);
    expect(raised.out).toMatch(/; 2 ОО\.$/);
  });

  it("with the summary whose settings sheet says 10 000 492: both forms read", async () => {
    await setOnSheet(10_000_492);
    const r = await report(svod, forms);
    expect(r.code).toBe(0);
    expect(r.out).toContain("— свод: из него взяты настройки методики.");
    expect(r.out).toMatch(/; 2 ОО\.$/);
  });
});

describe("msoko school-report --out an existing report: its «Ограничения» apply to the forms it reads", () => {
  const analysis = join(dir, "анализ.xlsx");
  async function schoolReport() {
    const io = memoryIo();
    const code = await main(
      ["school-report", join(forms, "обычная.xlsx"), join(forms, "большая.xlsx"), "--out", analysis, "--force"],
      io,
    );
    return { code, err: io.stderr.join("\n") };
  }

  it("default limits refuse the municipality's big form; the report book's 10 000 492 reads it", async () => {
    const before = await schoolReport();
    expect(before.code).toBe(2);
    expect(before.err).toContain("«большая.xlsx»");
    expect(before.err).toContain("10 000 000".replace(/ /g, NB));
    // A report book made from the school's form alone, then the limit raised on its settings sheet.
    const io = memoryIo();
    expect(await main(["school-report", join(forms, "обычная.xlsx"), "--out", analysis, "--force"], io)).toBe(0);
    const wb = await XlsxWorkbook.fromBuffer(readFileSync(analysis), "анализ.xlsx");
    await writeSetting(wb, "limits.bookCells", 10_000_492);
    await wb.save(analysis);
    const after = await schoolReport();
    expect(after.err).not.toContain("«большая.xlsx»");
    expect(after.code).toBe(0);
  });
});

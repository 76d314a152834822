/**
 * Where every command writes is checked before anything is read: a missing folder, a folder, an
 * existing file without --force, an input (same path or through a link) or a school form even with
 * --force. Every refusal leaves the files as they were and reads no input (no «Файл 1 из …» lines).
 */
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memoryIo } from "../../../src/cli/io";
import { main } from "../../../src/cli/main";
import { checkOutputs, inspectBook } from "../../../src/cli/outputs";

const FORM = join(__dirname, "../../fixtures/forms/valid.xlsx");
const EXPORT = join(__dirname, "../../fixtures/fisoko/xlsx/ВПР-2023-математика-5-sch420101.xlsx");

let dir: string;
let forms: string;
let form: string;
let other: string;
let exp: string;
let formLink: string;

/** Bytes and modification time: the file must be exactly as before. */
function snapshot(path: string): string {
  return `${statSync(path).mtimeMs}:${readFileSync(path).toString("base64")}`;
}

async function refused(args: string[], expected: RegExp | string, unchanged: string[] = []): Promise<string> {
  const before = unchanged.map(snapshot);
  const io = memoryIo();
  expect(await main(args, io)).toBe(2);
  const text = io.stderr.join("\n");
  if (typeof expected === "string") expect(text).toContain(expected);
  else expect(text).toMatch(expected);
  // Refused before reading: no progress line of a read form, no result line.
  expect(io.stdout.filter((l) => /^Файл \d+ из|построен|записан/.test(l))).toEqual([]);
  expect(unchanged.map(snapshot)).toEqual(before);
  return text;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "msoko-outputs-"));
  forms = join(dir, "forms");
  mkdirSync(forms);
  form = join(forms, "sch1.xlsx");
  copyFileSync(FORM, form);
  other = join(dir, "другая-школа.xlsx");
  copyFileSync(FORM, other);
  exp = join(dir, "выгрузка.xlsx");
  copyFileSync(EXPORT, exp);
  formLink = join(dir, "ссылка-на-форму.xlsx");
  symlinkSync(form, formLink);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const INPUT = "входной файл";
const SCHOOL_FORM = "форма ОО (в книге есть лист «Паспорт ОО»)";

describe("summarize: --out and --json", () => {
  it("refuses an input form by the same path and through a link, even with --force", async () => {
    await refused(["summarize", form, "--out", form, "--force"], `--out «${form}» — это ${INPUT}`, [form]);
    await refused(
      ["summarize", form, "--out", formLink, "--force"],
      `--out «${formLink}» — это ${INPUT} (через ссылку)`,
      [form],
    );
    await refused(
      ["summarize", form, "--out", join(dir, "s.xlsx"), "--json", formLink, "--force"],
      `--json «${formLink}» — это ${INPUT} (через ссылку)`,
      [form],
    );
  });

  it("refuses a form found in an input folder and another school's form, even with --force", async () => {
    await refused(["summarize", forms, "--out", form, "--force"], `--out «${form}» — это ${INPUT}`, [form]);
    await refused(["summarize", forms, "--out", other, "--force"], `--out «${other}» — ${SCHOOL_FORM}`, [other]);
  });

  it("refuses at once a missing folder, a folder, the same file twice, an existing file without --force", async () => {
    await refused(
      ["summarize", forms, "--out", join(dir, "нет", "s.xlsx")],
      `Папка «${join(dir, "нет")}» для --out «s.xlsx» не существует: создайте её или укажите другую папку.`,
    );
    await refused(
      ["summarize", forms, "--out", join(dir, "s.xlsx"), "--json", join(dir, "нет", "s.json")],
      `Папка «${join(dir, "нет")}» для --json «s.json» не существует`,
    );
    await refused(
      ["summarize", forms, "--out", forms],
      `--out «${forms}» — это папка, а нужен файл: укажите имя файла, например «${join(forms, "свод.xlsx")}».`,
    );
    await refused(
      ["summarize", forms, "--out", join(dir, "s.xlsx"), "--json", join(dir, "s.xlsx")],
      `--json и --out указывают на один и тот же файл «${join(dir, "s.xlsx")}»`,
    );
    const json = join(dir, "было.json");
    writeFileSync(json, "{}\n");
    await refused(
      ["summarize", forms, "--out", join(dir, "s.xlsx"), "--json", json],
      `Файл «${json}» уже существует и не будет перезаписан. Укажите другое имя в --json или добавьте --force.`,
      [json],
    );
  });
});

describe("school-report: --out", () => {
  it("refuses the form itself, a link to it, an export given with it, another school's form — even with --force", async () => {
    await refused(["school-report", form, "--out", form, "--force"], `--out «${form}» — это ${INPUT}`, [form]);
    await refused(
      ["school-report", form, "--out", formLink, "--force"],
      `--out «${formLink}» — это ${INPUT} (через ссылку)`,
      [form],
    );
    await refused(["school-report", form, exp, "--out", exp, "--force"], `--out «${exp}» — это ${INPUT}`, [exp]);
    await refused(["school-report", form, "--out", other, "--force"], `--out «${other}» — ${SCHOOL_FORM}`, [other]);
    // An export found by listing a folder given after the form is an input too.
    const exports = join(dir, "выгрузки");
    mkdirSync(exports);
    const inFolder = join(exports, "выгрузка.xlsx");
    copyFileSync(EXPORT, inFolder);
    await refused(
      ["school-report", form, exports, "--out", inFolder, "--force"],
      `--out «${inFolder}» — это ${INPUT}`,
      [inFolder],
    );
  });

  it("accepts --force, refuses a missing folder and an existing file that is not a report", async () => {
    await refused(
      ["school-report", form, "--out", join(dir, "нет", "r.xlsx"), "--force"],
      `Папка «${join(dir, "нет")}» для --out «r.xlsx» не существует`,
    );
    const mine = join(dir, "мой.xlsx");
    copyFileSync(EXPORT, mine);
    await refused(
      ["school-report", form, "--out", mine],
      `Файл «${mine}» уже существует и не будет перезаписан. Укажите другое имя в --out или добавьте --force.`,
      [mine],
    );
  });
});

describe("analyze: --json", () => {
  it("refuses an input (same path, link, found in a folder) and a school form, even with --force", async () => {
    await refused(["analyze", form, "--json", form, "--force"], `--json «${form}» — это ${INPUT}`, [form]);
    await refused(
      ["analyze", form, "--json", formLink, "--force"],
      `--json «${formLink}» — это ${INPUT} (через ссылку)`,
      [form],
    );
    await refused(["analyze", forms, "--json", form, "--force"], `--json «${form}» — это ${INPUT}`, [form]);
    await refused(["analyze", form, "--json", other, "--force"], `--json «${other}» — ${SCHOOL_FORM}`, [other]);
  });

  it("refuses a missing folder and an existing file without --force; --force replaces it", async () => {
    await refused(
      ["analyze", form, "--json", join(dir, "нет", "a.json")],
      `Папка «${join(dir, "нет")}» для --json «a.json» не существует`,
    );
    const json = join(dir, "анализ.json");
    writeFileSync(json, "старый\n");
    await refused(["analyze", form, "--json", json], `Файл «${json}» уже существует и не будет перезаписан`, [json]);
    const io = memoryIo();
    expect(await main(["analyze", form, "--json", json, "--force"], io)).toBeLessThan(2);
    expect(JSON.parse(readFileSync(json, "utf8")).schools).toHaveLength(1);
  }, 60_000);
});

describe("import-fisoko: --out", () => {
  it("refuses the form or an export by the same path or through a link, even with --force", async () => {
    await refused(["import-fisoko", exp, "--into", form, "--out", exp, "--force"], `--out «${exp}» — это ${INPUT}`, [
      exp,
    ]);
    await refused(
      ["import-fisoko", exp, "--into", form, "--out", formLink, "--force"],
      `--out «${formLink}» — это ${INPUT} (через ссылку)`,
      [form],
    );
    await refused(
      ["import-fisoko", exp, "--into", form, "--out", join(dir, "нет", "f.xlsx")],
      `Папка «${join(dir, "нет")}» для --out «f.xlsx» не существует`,
    );
    await refused(
      ["import-fisoko", exp, "--into", form, "--out", other],
      `Файл «${other}» уже существует и не будет перезаписан`,
      [other],
    );
  });
});

describe("template: --out", () => {
  it("refuses a folder, a missing folder, a link loop, an existing file without --force", async () => {
    await refused(
      ["template", "--out", join(dir, "нет", "f.xlsx")],
      `Папка «${join(dir, "нет")}» для --out «f.xlsx» не существует`,
    );
    const folder = join(dir, "папка.xlsx");
    mkdirSync(folder);
    await refused(["template", "--out", folder, "--force"], `--out «${folder}» — это папка, а нужен файл`);
    const loop = join(dir, "петля.xlsx");
    symlinkSync(loop, loop);
    await refused(
      ["template", "--out", loop, "--force"],
      `Ссылка «${loop}» ведёт сама на себя (циклическая символическая ссылка)`,
    );
    await refused(["template", "--out", other], `Файл «${other}» уже существует и не будет перезаписан`, [other]);
    await refused(["template", "--out", formLink], `Файл «${formLink}» уже существует`, [form]);
  });
});

describe("demo: --out", () => {
  it("refuses a file as the folder, and forms already in the folder without --force", async () => {
    await refused(
      ["demo", "--out", other, "--schools", "1"],
      `Ошибка: --out «${other}» — файл, а нужна папка для форм.`,
      [other],
    );
    const folder = join(dir, "демо");
    mkdirSync(folder);
    writeFileSync(join(folder, "situations.json"), "мой файл\n");
    await refused(
      ["demo", "--out", folder, "--schools", "1"],
      `В папке «${folder}» уже есть 1 файл с теми же именами («situations.json»): они не будут перезаписаны. Укажите другую папку или добавьте --force.`,
      [join(folder, "situations.json")],
    );
  });
});

describe("commands that write nothing accept --force too", () => {
  it("validate and calc", async () => {
    const io = memoryIo();
    expect(await main(["validate", form, "--force"], io)).toBe(0);
    expect(await main(["calc", "SOU", "[[5,10,8,2]]", "--force"], io)).toBe(0);
    expect(io.stdout.at(-1)).toBe("58.4");
  });
});

describe("checkOutputs and inspectBook", () => {
  it("tells a school form from other books and non-books", async () => {
    expect(await inspectBook(form)).toEqual({ form: true, generated: false });
    expect(await inspectBook(exp)).toEqual({ form: false, generated: false });
    const text = join(dir, "текст.json");
    writeFileSync(text, "{}");
    expect(await inspectBook(text)).toBeNull();
  });

  it("a summary built earlier inside the forms' folder is rebuilt and left out of the inputs", async () => {
    const svod = join(forms, "свод.xlsx");
    const first = memoryIo();
    expect(await main(["summarize", forms, "--out", svod, "--date", "2026-12-31"], first)).toBeLessThan(2);
    expect(await inspectBook(svod)).toEqual({ form: false, generated: true });
    const check = await checkOutputs(
      [{ path: svod, flag: "--out", rebuildable: true }],
      { named: [forms], files: [form, svod] },
      false,
    );
    expect(check).toEqual({ ok: true, skip: [svod] });
    const second = memoryIo();
    expect(await main(["summarize", forms, "--out", svod, "--date", "2026-12-31"], second)).toBeLessThan(2);
    expect(second.stdout).toContain(`Файл «${svod}» — сам свод (--out), среди форм он не читается.`);
    expect(second.stdout).toContain("Файл 1 из 1: sch1.xlsx");
    // Named explicitly, the same summary is an input: refused.
    const named = await checkOutputs(
      [{ path: svod, flag: "--out", rebuildable: true }],
      { named: [svod], files: [svod] },
      true,
    );
    expect(named).toMatchObject({ ok: false, reason: "input" });
  }, 120_000);
});

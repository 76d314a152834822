/**
 * Only regular files are read: a link loop, a dangling link, a folder, a named pipe (which would
 * block), a device or a /proc file (endless or lying about its size) are refused at once, in Russian,
 * naming the file as the user typed it. Node's error codes all have a Russian sentence.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expandPaths, readInputBytes, regularFile } from "../../../src/cli/files";
import { aboutFile, errorText, fsErrorMessage } from "../../../src/cli/fs-errors";
import { memoryIo } from "../../../src/cli/io";
import { main } from "../../../src/cli/main";

const FORM = join(__dirname, "../../fixtures/forms/valid.xlsx");
let dir: string;
let loop: string;
let fifo: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "msoko-files-"));
  loop = join(dir, "петля.xlsx");
  symlinkSync(join(dir, "петля2.xlsx"), loop);
  symlinkSync(loop, join(dir, "петля2.xlsx"));
  fifo = join(dir, "канал.xlsx");
  execFileSync("mkfifo", [fifo]);
  symlinkSync(join(dir, "нет-такого.xlsx"), join(dir, "битая.xlsx"));
  symlinkSync("/proc/self/status", join(dir, "proc.xlsx"));
  copyFileSync(FORM, join(dir, "форма.xlsx"));
  symlinkSync(join(dir, "форма.xlsx"), join(dir, "ссылка.xlsx"));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("regularFile / readInputBytes", () => {
  it("refuses what is not a regular file, naming it as typed", async () => {
    await expect(regularFile(loop)).rejects.toThrow(
      `Ссылка «${loop}» ведёт сама на себя (циклическая символическая ссылка). Укажите сам файл, а не ссылку.`,
    );
    await expect(regularFile(join(dir, "битая.xlsx"))).rejects.toThrow(
      `Ссылка «${join(dir, "битая.xlsx")}» ведёт к файлу, которого нет.`,
    );
    await expect(regularFile(join(dir, "нет.xlsx"))).rejects.toThrow(`Файл «${join(dir, "нет.xlsx")}» не найден.`);
    await expect(regularFile(dir)).rejects.toThrow(`«${dir}» — папка, а нужен файл .xlsx.`);
    await expect(regularFile(fifo)).rejects.toThrow(
      `«${fifo}» — не обычный файл (именованный канал): укажите файл .xlsx на диске.`,
    );
    await expect(regularFile("/dev/zero")).rejects.toThrow(
      "«/dev/zero» — системный файл, а не книга Excel: укажите файл .xlsx.",
    );
    await expect(regularFile("/proc/self/status")).rejects.toThrow(
      /^«\/proc\/self\/status» ведёт к системному файлу «\/proc\/\d+\/status», а не к книге Excel/,
    );
    await expect(regularFile(join(dir, "proc.xlsx"))).rejects.toThrow(
      `«${join(dir, "proc.xlsx")}» ведёт к системному файлу`,
    );
  });

  it("resolves a link once and reads the file it points at", async () => {
    expect(await regularFile(join(dir, "ссылка.xlsx"))).toBe(join(dir, "форма.xlsx"));
    const bytes = await readInputBytes(join(dir, "ссылка.xlsx"));
    expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]);
  });

  it("reads no further than the limit", async () => {
    const big = join(dir, "большой.xlsx");
    writeFileSync(big, Buffer.alloc(2 * 1024 * 1024 + 1));
    await expect(readInputBytes(big, 2 * 1024 * 1024)).rejects.toThrow(
      "Файл «большой.xlsx» слишком велик: 2 МБ, допускается не больше 2 МБ. Разделите книгу или удалите лишние листы.",
    );
    expect((await readInputBytes(big, 3 * 1024 * 1024)).length).toBe(2 * 1024 * 1024 + 1);
    const empty = join(dir, "пустой.xlsx");
    writeFileSync(empty, "");
    expect((await readInputBytes(empty)).length).toBe(0);
  });

  it("lists a folder's .xlsx files in name order, skipping Excel's lock files", async () => {
    const folder = join(dir, "формы");
    mkdirSync(folder);
    for (const n of ["б.xlsx", "а.XLSX", "~$а.xlsx", "заметки.txt"]) writeFileSync(join(folder, n), "");
    expect(await expandPaths([folder])).toEqual([join(folder, "а.XLSX"), join(folder, "б.xlsx")]);
    await expect(expandPaths([loop])).rejects.toThrow("ведёт сама на себя");
    await expect(expandPaths([join(dir, "битая.xlsx")])).rejects.toThrow(
      `Ссылка «${join(dir, "битая.xlsx")}» ведёт к файлу, которого нет.`,
    );
    await expect(expandPaths([join(dir, "нет")])).rejects.toThrow(`Нет файла или папки «${join(dir, "нет")}».`);
  });
});

describe("every command that reads refuses files that are not files, in Russian", () => {
  it("validate, analyze, summarize, school-report, import-fisoko", async () => {
    const cases: [string[], number, string][] = [
      [["validate", loop], 2, "ведёт сама на себя"],
      [["validate", fifo], 2, "именованный канал"],
      [["validate", "/proc/self/mem"], 2, "системному файлу"],
      [["analyze", loop], 2, "ведёт сама на себя"],
      // The device is listed as unreadable; with no form left there is nothing to summarise (2).
      [["summarize", "/dev/zero", "--out", join(dir, "s.xlsx")], 2, "«/dev/zero» — системный файл"],
      [
        ["school-report", fifo, "--out", join(dir, "r.xlsx")],
        2,
        `«${fifo}» — не обычный файл (именованный канал): укажите файл .xlsx на диске.`,
      ],
      [["import-fisoko", join(dir, "proc.xlsx")], 1, "ведёт к системному файлу"],
      [["import-fisoko", loop], 1, "ведёт сама на себя"],
    ];
    for (const [args, code, text] of cases) {
      const io = memoryIo();
      const got = await main(args, io);
      const all = [...io.stderr, ...io.stdout].join("\n");
      expect(all, args.join(" ")).toContain(text);
      expect(got, args.join(" ")).toBe(code);
      expect(all).not.toMatch(/ENOENT|ELOOP|EISDIR|no such file|too many symbolic links/i);
    }
  }, 60_000);
});

describe("Node's error codes in Russian", () => {
  it("names the file and never falls back to English", () => {
    const codes = [
      "ENOENT",
      "ENOTDIR",
      "EACCES",
      "EPERM",
      "EISDIR",
      "ELOOP",
      "ENAMETOOLONG",
      "ENOSPC",
      "EDQUOT",
      "EROFS",
      "EFBIG",
      "EMFILE",
      "ENFILE",
      "EBUSY",
      "ETXTBSY",
      "EEXIST",
      "EIO",
      "ENXIO",
      "ENODEV",
      "EXDEV",
      "EAGAIN",
      "EINTR",
      "ENOMEM",
      "ECONNRESET",
      "ETIMEDOUT",
      "EWHATEVER",
    ];
    for (const code of codes) {
      const text = fsErrorMessage(code, "свод.xlsx");
      expect(text, code).toMatch(/[а-яё]/i);
      expect(text, code).not.toMatch(/\b(no such|permission denied|is a directory|operation)\b/i);
      if (code !== "EPIPE") expect(text, code).toContain("свод.xlsx");
    }
    expect(fsErrorMessage("ENOSPC", "свод.xlsx", "write")).toBe(
      "Не хватает места на диске для записи файла «свод.xlsx». Освободите место и повторите.",
    );
    expect(fsErrorMessage("EACCES", "свод.xlsx", "write")).toBe(
      "Нет прав на запись в файл «свод.xlsx». Проверьте права доступа или выберите другую папку.",
    );
    expect(fsErrorMessage("EACCES", "форма.xlsx", "open")).toBe(
      "Нет прав доступа к файлу «форма.xlsx». Проверьте права доступа или выберите другой файл.",
    );
    expect(fsErrorMessage("EMFILE", "")).toBe(
      "Открыто слишком много файлов одновременно. Закройте другие программы или укажите меньше файлов и повторите.",
    );
    expect(fsErrorMessage("EPIPE", "")).toBe("Программа, принимавшая вывод, закрыла канал.");
  });

  it("translates a real Node error by its code and path, and says internal errors in Russian", () => {
    const e = Object.assign(new Error("ENOSPC: no space left on device, write"), {
      code: "ENOSPC",
      path: "/tmp/свод.xlsx",
      syscall: "write",
    });
    expect(errorText(e)).toBe(
      "Не хватает места на диске для записи файла «/tmp/свод.xlsx». Освободите место и повторите.",
    );
    expect(errorText(new Error("Файл «a.xlsx» повреждён."))).toBe("Файл «a.xlsx» повреждён.");
    expect(errorText(new RangeError("Maximum call stack size exceeded"), "a.xlsx")).toBe(
      "Данные вложены слишком глубоко (файл «a.xlsx»): обработка остановлена.",
    );
    expect(errorText(new TypeError("Cannot read properties of undefined (reading 'richText')"), "a.xlsx")).toBe(
      "Внутренняя ошибка (файл «a.xlsx»): Cannot read properties of undefined (reading 'richText'). Сообщите разработчикам, с какой командой и файлом она возникла.",
    );
  });

  it("does not say the file name twice", async () => {
    expect(aboutFile("отчёт.xlsx", "Файл «отчёт.xlsx» повреждён.")).toBe("Файл «отчёт.xlsx» повреждён.");
    expect(aboutFile("отчёт.xlsx", "Нет листа «Паспорт ОО».")).toBe(
      "Файл «отчёт.xlsx» не прочитан: нет листа «Паспорт ОО».",
    );
    expect(aboutFile("отчёт.xlsx", "ОО не найдена.")).toBe("Файл «отчёт.xlsx» не прочитан: ОО не найдена.");
    // An Excel 97–2003 book given to school-report: one sentence, the name once.
    const xls = join(dir, "старая.xlsx");
    writeFileSync(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]));
    const io = memoryIo();
    expect(await main(["school-report", xls, "--out", join(dir, "r.xlsx")], io)).toBe(2);
    expect(io.stderr).toEqual([
      "Файл «старая.xlsx» — книга старого формата Excel 97–2003 (.xls) или зашифрованная книга. Откройте её в Excel и сохраните как «Книга Excel (.xlsx)» без пароля.",
    ]);
  });
});

/**
 * `msoko import-fisoko <файлы…> [--into форма.xlsx] [--out новый.xlsx] [--force] [--json]`:
 * reads ФИС ОКО ВПР report exports (src/fisoko) and, with --into, appends the school's rows to a
 * copy of the form — the original file is never overwritten. Without --into it checks the exports
 * and prints what they hold (or, with --json, the import as JSON for other tools).
 *
 * The output is checked before any file is read: never the form itself or another input (also
 * through a link), an existing file only with --force.
 *
 * --set ключ=значение takes any profile key as the other commands do; only the «Ограничения»
 * (limits.bookCells…) matter here: the limits the exports and the form are read with.
 *
 * Exit codes: 0 — imported (or checked) without errors; 1 — an export, the form or a file could
 * not be read or is not .xlsx, the exports hold errors, or the copy could not be written: nothing
 * written; 2 — wrong invocation (no files, unknown option, bad --set, output would overwrite a file
 * or an input). Every failure after the call is checked is caught here and gives 1, never the
 * CLI's catch-all 2.
 */
import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import { basename, dirname, extname, join, resolve } from "node:path";
import type { Finding } from "../../core/model";
import { applyOverrides, type OverrideEntry } from "../../core/profile";
import { countRu } from "../../core/values";
import { importFisoko, importIntoForm, type FisokoFile, type FisokoImport } from "../../fisoko";
import { COMMAND_INFO } from "../command-table";
import { readInputBytes, readInputXlsx } from "../files";
import { errorText } from "../fs-errors";
import type { Io } from "../io";
import { checkOutputs } from "../outputs";
import { parseSetArg } from "../set-arg";
import { XlsxWorkbook } from "../../xlsx/exceljs";
import { bookLimits, type BookLimits } from "../../xlsx/read/budget";

export const { summary, usage } = COMMAND_INFO["import-fisoko"];

const SEVERITY: Record<Finding["severity"], string> = { error: "Ошибка", warning: "Предупреждение", info: "Сведения" };

interface Args {
  files: string[];
  into?: string;
  out?: string;
  force: boolean;
  json: boolean;
  /** --set ключ=значение: profile overrides; the «Ограничения» set how large a book is read. */
  sets: OverrideEntry[];
}

function parseArgs(args: string[]): Args | string {
  const out: Args = { files: [], force: false, json: false, sets: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--into" || a === "--out") {
      const v = args[i + 1];
      if (!v || v.startsWith("--")) return `после ${a} укажите файл .xlsx`;
      if (a === "--into") out.into = v;
      else out.out = v;
      i++;
    } else if (a === "--set") {
      const set = parseSetArg(args[++i], "limits.bookCells=20000000");
      // The message is already a sentence; run() capitalises the first letter of the others.
      if (typeof set === "string") return set.replace(/\.$/, "");
      out.sets.push(set);
    } else if (a === "--force") out.force = true;
    else if (a === "--json") out.json = true;
    else if (a.startsWith("--")) return `неизвестный параметр ${a}`;
    else out.files.push(a);
  }
  if (out.files.length === 0) return "укажите хотя бы один файл выгрузки ФИС ОКО";
  if (out.out && !out.into) return "--out задаётся вместе с --into";
  const bad = applyOverrides(out.sets).errors[0];
  if (bad) return bad.message.replace(/\.$/, "");
  return out;
}

/** «форма.xlsx» → «форма (импорт ФИС ОКО).xlsx» next to it. */
export function defaultOutput(form: string): string {
  const ext = extname(form);
  return join(dirname(form), `${basename(form, ext)} (импорт ФИС ОКО)${ext || ".xlsx"}`);
}

function printFindings(findings: readonly Finding[], io: Io): void {
  for (const f of findings) (f.severity === "info" ? io.out : io.err)(`${SEVERITY[f.severity]}: ${f.message}`);
}

function describeImport(res: FisokoImport, io: Io): void {
  const files = new Set(res.reports.map((r) => r.file)).size;
  io.out(
    `Прочитано: ${countRu(res.reports.length, ["отчёт", "отчёта", "отчётов"])} из ${countRu(files, ["файла", "файлов", "файлов"])}.`,
  );
  for (const r of res.reports)
    io.out(
      `  «${r.file}», лист «${r.sheet}»: ${r.title} — ВПР ${r.year}, ${r.subject}, ${r.grade} класс (${countRu(r.rows, ["строка", "строки", "строк"])}).`,
    );
  if (!res.ok) return;
  io.out(
    `Найдено: ${countRu(res.results.length, ["строка результатов ОО", "строки результатов ОО", "строк результатов ОО"])}, ` +
      `${countRu(res.participants.length, ["участник", "участника", "участников"])}, ` +
      `${countRu(res.tasks.length, ["перечень заданий", "перечня заданий", "перечней заданий"])}, ` +
      `${countRu(res.references.length, ["эталонная строка", "эталонные строки", "эталонных строк"])} (муниципалитет, регион).`,
  );
}

export async function run(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === "string") {
    io.err(`Использование: msoko ${usage}\n${args[0].toUpperCase()}${args.slice(1)}.`);
    return 2;
  }
  for (const f of [...args.files, ...(args.into ? [args.into] : [])]) {
    if (!/\.xlsx$/i.test(f)) {
      io.err(`Файл «${f}» не .xlsx: ФИС ОКО выгружает отчёты в Excel (.xlsx); сохраните файл в этом формате.`);
      return 1;
    }
  }
  let output: string | undefined;
  if (args.into) {
    output = args.out ?? defaultOutput(args.into);
    if (resolve(output) === resolve(args.into)) {
      io.err(
        `Файл «${output}» — это сама форма; исходную форму команда не перезаписывает. Укажите другое имя в --out.`,
      );
      return 2;
    }
    // The product is a school form: --force may replace an earlier import, never an input (links included).
    const inputs = [...args.files, args.into];
    const checked = await checkOutputs(
      [{ path: output, flag: "--out", form: true, example: "форма (импорт ФИС ОКО).xlsx" }],
      { named: inputs, files: inputs },
      args.force,
    );
    if (!checked.ok) {
      io.err(checked.message);
      return 2;
    }
  }

  const limits = bookLimits(applyOverrides(args.sets).profile);
  try {
    return await importFiles(args, output, limits, io);
  } catch (e) {
    // Whatever the reading and import steps did not foresee is still bad input with nothing written: code 1, as documented.
    const inputs = [...args.files, ...(args.into ? [args.into] : [])].map((f) => `«${basename(f)}»`);
    io.err(`Ошибка: ${errorText(e)}`);
    io.err(`Импорт не выполнен (файлы ${inputs.join(", ")}); ничего не записано.`);
    return 1;
  }
}

/** Everything after the call is checked: reads the exports (and the form), writes the copy. */
async function importFiles(args: Args, output: string | undefined, limits: BookLimits, io: Io): Promise<number> {
  const files: FisokoFile[] = [];
  for (const path of args.files) {
    try {
      files.push({ name: basename(path), sheets: await readInputXlsx(path, { formulas: false, limits }) });
    } catch (e) {
      io.err(`Ошибка: ${errorText(e, path)}`);
      return 1;
    }
  }
  const res = importFisoko(files);
  if (args.json && !args.into) {
    io.out(JSON.stringify(res, null, 2));
    return res.ok ? 0 : 1;
  }
  describeImport(res, io);
  printFindings(res.findings, io);
  if (!res.ok) {
    io.err("Импорт не выполнен: исправьте ошибки выгрузок (или выгрузите отчёты заново) и повторите.");
    return 1;
  }
  if (!args.into || !output) return 0;

  let wb: XlsxWorkbook;
  let sheets;
  try {
    wb = await XlsxWorkbook.fromBuffer(await readInputBytes(args.into), basename(args.into), { limits });
    sheets = await wb.readSheets(
      (await wb.listSheets()).map((s) => s.name),
      { formulas: false },
    );
  } catch (e) {
    io.err(`Ошибка: ${errorText(e, args.into)}`);
    return 1;
  }
  const form = importIntoForm(res, sheets);
  printFindings(form.findings, io);
  if (!form.ok) {
    io.err(`Форма «${basename(args.into)}» не изменена.`);
    return 1;
  }
  const { notices } = await wb.write({ ops: form.ops });
  for (const n of notices) io.err(n);
  const existed = existsSync(output);
  try {
    await wb.save(output);
  } catch (e) {
    // A write cut short (no space left) leaves a broken book: removed, unless it was there before (--force).
    if (!existed) await rm(output, { force: true }).catch(() => undefined);
    io.err(`Ошибка: ${errorText(e, output)}`);
    io.err(`Копия формы не записана; исходная форма «${args.into}» не изменена.`);
    return 1;
  }
  const w = form.written;
  io.out(
    `В форму ОО ${form.login ?? ""} добавлено: ${countRu(w.results, ["строка результатов", "строки результатов", "строк результатов"])}, ` +
      `${countRu(w.participants, ["участник", "участника", "участников"])}, ${countRu(w.tasks, ["задание", "задания", "заданий"])}. ` +
      `Записано в «${output}»; исходная форма «${args.into}» не изменена.`,
  );
  return 0;
}

/**
 * `msoko import-fisoko <файлы…> [--into форма.xlsx] [--out новый.xlsx] [--force] [--json]`:
 * reads ФИС ОКО ВПР report exports (src/fisoko) and, with --into, appends the school's rows to a
 * copy of the form — the original file is never overwritten. Without --into it checks the exports
 * and prints what they hold (or, with --json, the import as JSON for other tools).
 *
 * The output is checked before any file is read: never the form itself or another input (also
 * through a link), an existing file only with --force.
 *
 * Exit codes: 0 — imported (or checked) without errors; 1 — an export, the form or a file could
 * not be read or is not .xlsx, nothing written; 2 — wrong invocation (no files, unknown option,
 * output would overwrite a file or an input).
 */
import { basename, dirname, extname, join, resolve } from "node:path";
import type { Finding } from "../../core/model";
import { countRu } from "../../core/values";
import { importFisoko, importIntoForm, type FisokoFile, type FisokoImport } from "../../fisoko";
import { COMMAND_INFO } from "../command-table";
import { readInputBytes, readInputXlsx } from "../files";
import { errorText } from "../fs-errors";
import type { Io } from "../io";
import { checkOutputs } from "../outputs";
import { XlsxWorkbook } from "../../xlsx/exceljs";

export const { summary, usage } = COMMAND_INFO["import-fisoko"];

const SEVERITY: Record<Finding["severity"], string> = { error: "Ошибка", warning: "Предупреждение", info: "Сведения" };

interface Args {
  files: string[];
  into?: string;
  out?: string;
  force: boolean;
  json: boolean;
}

function parseArgs(args: string[]): Args | string {
  const out: Args = { files: [], force: false, json: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--into" || a === "--out") {
      const v = args[i + 1];
      if (!v || v.startsWith("--")) return `после ${a} укажите файл .xlsx`;
      if (a === "--into") out.into = v;
      else out.out = v;
      i++;
    } else if (a === "--force") out.force = true;
    else if (a === "--json") out.json = true;
    else if (a.startsWith("--")) return `неизвестный параметр ${a}`;
    else out.files.push(a);
  }
  if (out.files.length === 0) return "укажите хотя бы один файл выгрузки ФИС ОКО";
  if (out.out && !out.into) return "--out задаётся вместе с --into";
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

  const files: FisokoFile[] = [];
  for (const path of args.files) {
    try {
      files.push({ name: basename(path), sheets: await readInputXlsx(path, { formulas: false }) });
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
  try {
    wb = await XlsxWorkbook.fromBuffer(await readInputBytes(args.into), basename(args.into));
  } catch (e) {
    io.err(`Ошибка: ${errorText(e, args.into)}`);
    return 1;
  }
  const sheets = await wb.readSheets(
    (await wb.listSheets()).map((s) => s.name),
    { formulas: false },
  );
  const form = importIntoForm(res, sheets);
  printFindings(form.findings, io);
  if (!form.ok) {
    io.err(`Форма «${basename(args.into)}» не изменена.`);
    return 1;
  }
  const { notices } = await wb.write({ ops: form.ops });
  for (const n of notices) io.err(n);
  await wb.save(output);
  const w = form.written;
  io.out(
    `В форму ОО ${form.login ?? ""} добавлено: ${countRu(w.results, ["строка результатов", "строки результатов", "строк результатов"])}, ` +
      `${countRu(w.participants, ["участник", "участника", "участников"])}, ${countRu(w.tasks, ["задание", "задания", "заданий"])}. ` +
      `Записано в «${output}»; исходная форма «${args.into}» не изменена.`,
  );
  return 0;
}

/**
 * `msoko summarize <forms…|dir> --out summary.xlsx [--json summary.json] [--date ГГГГ-ММ-ДД]`:
 * the methodist's municipal summary without Excel. School forms are parsed and validated one by
 * one; ФИС ОКО exports among the inputs are imported (their municipality and region rows become
 * the reference). When --out exists, only the sheets an earlier run generated are replaced.
 * Without --date the cycle is evaluated on the book's reporting date (settings), else 31 December.
 * An existing --out whose own (non-generated) sheets hold charts or pictures is refused without
 * --force: exceljs would drop them on re-save.
 * Exit codes: 0 — built; 1 — built, but some forms have errors or could not be read; 2 — nothing
 * to build, a wrong call, or an --out that would lose the user's charts.
 */
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { countRu } from "../../core/values";
import { NothingToSummarizeError, summarizeInto } from "../../summary/run";
import { expandInputs, loadInputs } from "../inputs";
import type { Io } from "../io";
import { findGeneratedSheets } from "../../host/generated";
import { drawingSheetsOfFile, loadForRebuild, XlsxWorkbook } from "../../xlsx/exceljs";

export const summary = "свод по муниципалитету из форм ОО (и выгрузок ФИС ОКО) в .xlsx и JSON";
export const usage = "summarize ФОРМЫ…|ПАПКА --out СВОД.xlsx [--json СВОД.json] [--date ГГГГ-ММ-ДД] [--force]";

interface Args {
  inputs: string[];
  out: string;
  json?: string;
  date: string;
  force: boolean;
}

function parseArgs(args: string[]): Args | string {
  const inputs: string[] = [];
  let out = "";
  let json: string | undefined;
  let date = "";
  let force = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--force") force = true;
    else if (a === "--out") out = args[++i] ?? "";
    else if (a === "--json") json = args[++i] ?? "";
    else if (a === "--date") date = args[++i] ?? "";
    else if (a.startsWith("--")) return `Неизвестный параметр ${a}.`;
    else inputs.push(a);
  }
  if (!inputs.length) return "Укажите формы ОО или папку с ними.";
  if (!out) return "Укажите файл свода: --out свод.xlsx.";
  if (json === "") return "После --json укажите имя файла.";
  if (date && !/^\d{4}-\d{2}-\d{2}$/.test(date)) return `Дата оценки «${date}» не в формате ГГГГ-ММ-ДД.`;
  return { inputs, out, json, date, force };
}

export async function run(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === "string") {
    io.err(`${args}\nИспользование: msoko ${usage}`);
    return 2;
  }
  const files = await expandInputs(args.inputs);
  if (!files.length) {
    io.err("Не найдено ни одного файла .xlsx.");
    return 2;
  }
  const { forms, exports, raw, fiokoMarkers, riskProfiles, fiokoFindings } = await loadInputs(files, (i, n, f) => io.out(`Файл ${i} из ${n}: ${f}`));
  for (const f of fiokoFindings) io.err(f.file ? `Файл «${f.file}»: ${f.message}` : f.message);
  // An existing summary keeps its methodology overrides (settings sheet) and the user's own sheets.
  const book = existsSync(args.out) ? await loadForRebuild(args.out) : XlsxWorkbook.create(args.out);
  if (existsSync(args.out) && !args.force) {
    // exceljs cannot carry charts and pictures of the user's sheets through a re-save: refuse rather than lose them.
    const generated = await findGeneratedSheets(book);
    const lost = (await drawingSheetsOfFile(args.out)).filter((n) => !generated.has(n.toLocaleUpperCase("ru")));
    if (lost.length) {
      io.err(
        `В файле «${args.out}» на листах ${lost.map((n) => `«${n}»`).join(", ")} есть диаграммы или рисунки: командная строка не сохранит их при перезаписи файла. ` +
          `Укажите новый файл в --out (или --force, чтобы перезаписать без них); в Excel постройте свод панелью — она их не трогает.`,
      );
      return 2;
    }
  }
  let result;
  try {
    result = await summarizeInto(book, { forms, exports, raw, fiokoMarkers, riskProfiles, evaluationDate: args.date || undefined });
  } catch (e) {
    if (!(e instanceof NothingToSummarizeError)) throw e;
    io.err(e.message);
    return 2;
  }
  await book.save(args.out);
  for (const n of result.notices) io.err(n);
  if (args.json) await writeFile(args.json, JSON.stringify(result.summary.json, null, 2) + "\n", "utf8");

  const c = result.consolidation;
  const withErrors = c.files.filter((f) => f.state === "includedWithErrors" || f.state === "unreadable");
  const duplicates = c.files.filter((f) => f.state === "duplicate");
  io.out(
    `Свод построен: ${args.out}${args.json ? `, ${args.json}` : ""}. В своде ${countRu(c.schools.length, ["ОО", "ОО", "ОО"])}` +
      `${duplicates.length ? `; повторов: ${duplicates.length}` : ""}${withErrors.length ? `; форм с ошибками: ${withErrors.length} (лист «Файлы свода»)` : ""}.`,
  );
  return withErrors.length ? 1 : 0;
}

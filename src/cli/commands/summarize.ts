/**
 * `msoko summarize <forms…|dir> --out summary.xlsx [--json summary.json] [--date ГГГГ-ММ-ДД] [--cycle цикл-моуо.xlsx] [--set ключ=значение]…`:
 * the methodist's municipal summary without Excel. School forms are parsed and validated one by
 * one; ФИС ОКО exports among the inputs are imported (their municipality and region rows become
 * the reference). When --out exists, only the sheets an earlier run generated are replaced.
 * The МОУО's own cycle is a book with the sheet «Цикл МОУО» (msoko template --mouo): found among the
 * inputs by that sheet, or named with --cycle (then it must be one).
 * Without --date the cycle is evaluated on the book's reporting date (settings), else 31 December.
 * The forms are read with the limits («Ограничения») of an existing --out's settings sheet, --set on top.
 * An existing --out is merged with the new sheets at the zip level (src/xlsx/merge): the user's own
 * sheets, their charts and pictures included, are copied as they are. A book the merge cannot carry
 * safely (external links, pivot tables, macros…) is rebuilt through exceljs, and then one whose own
 * sheets hold charts or pictures is refused without --force: exceljs would drop them on re-save.
 * --out and --json are checked before any form is read:
 * never an input (links included) or a school form, an existing file that is not a summary built
 * earlier only with --force; a summary found in the forms' folder is not read as a form.
 * Exit codes: 0 — built; 1 — built, but some forms have errors or could not be read; 2 — nothing
 * to build, a wrong call, or an --out that would lose the user's charts.
 */
import { applyOverrides, type OverrideEntry } from "../../core/profile";
import { existsSync } from "node:fs";
import { basename } from "node:path";
import { MUNICIPAL_CYCLE_SHEET, municipalCycleFindingText } from "../../form/municipal-cycle";
import { writeFile } from "node:fs/promises";
import { countRu } from "../../core/values";
import { NothingToSummarizeError, summarizeInto } from "../../summary/run";
import { COMMAND_INFO } from "../command-table";
import { expandInputs, loadInputs } from "../inputs";
import { bookLimits, type BookLimits } from "../../xlsx/read/budget";
import type { Io } from "../io";
import { checkOutputs } from "../outputs";
import { findGeneratedSheets } from "../../host/generated";
import { loadProfile } from "../../host/settings";
import { drawingSheetsOfFile, loadForRebuild, XlsxWorkbook } from "../../xlsx/exceljs";
import { StreamXlsxWorkbook } from "../../xlsx/stream/workbook";
import { MergeXlsxWorkbook } from "../../xlsx/merge/workbook";
import { collectGarbage, HEAP_BOUND_MB } from "../memory";
import { parseSetArg } from "../set-arg";

/**
 * Garbage let pile up above what the last collection left alive before the next one. A region's
 * summary keeps its forms' reports alive (500 forms: about 300 MB), so a fixed bound just above
 * that collected after nearly every sheet — each a full collection of 0,2–0,3 s CPU — while the
 * peak memory stayed the same (issue 23).
 */
const HEAP_HEADROOM_MB = 256;

/** collectGarbage with a bound that follows the live heap: HEAP_BOUND_MB, or the last live size plus the headroom. */
function garbageCollector(): () => void {
  let bound = HEAP_BOUND_MB;
  return () => {
    if (!collectGarbage(bound)) return;
    bound = Math.max(HEAP_BOUND_MB, process.memoryUsage().heapUsed / 1e6 + HEAP_HEADROOM_MB);
  };
}

export const { summary, usage } = COMMAND_INFO.summarize;

interface Args {
  inputs: string[];
  out: string;
  json?: string;
  date: string;
  /** --cycle: the МОУО cycle book. */
  cycle?: string;
  force: boolean;
  /** --set ключ=значение: methodology overrides on top of the book's settings sheet. */
  sets: OverrideEntry[];
}

function parseArgs(args: string[]): Args | string {
  const inputs: string[] = [];
  let out = "";
  let json: string | undefined;
  let date = "";
  let cycle: string | undefined;
  let force = false;
  const sets: OverrideEntry[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--force") force = true;
    else if (a === "--out") out = args[++i] ?? "";
    else if (a === "--json") json = args[++i] ?? "";
    else if (a === "--date") date = args[++i] ?? "";
    else if (a === "--cycle") cycle = args[++i] ?? "";
    else if (a === "--set") {
      const set = parseSetArg(args[++i], `"basis.msoko=Положение о МСОКО Заречного муниципального округа"`);
      if (typeof set === "string") return set;
      sets.push(set);
    } else if (a.startsWith("--")) return `Неизвестный параметр ${a}.`;
    else inputs.push(a);
  }
  if (!inputs.length) return "Укажите формы ОО или папку с ними.";
  if (!out) return "Укажите файл свода: --out свод.xlsx.";
  if (json === "") return "После --json укажите имя файла.";
  if (cycle === "") return "После --cycle укажите книгу цикла МОУО, например --cycle цикл-моуо.xlsx.";
  if (cycle !== undefined) inputs.push(cycle);
  if (date && !/^\d{4}-\d{2}-\d{2}$/.test(date)) return `Дата оценки «${date}» не в формате ГГГГ-ММ-ДД.`;
  const bad = applyOverrides(sets).errors[0];
  if (bad) return bad.message;
  return { inputs, out, json, date, cycle, force, sets };
}

export async function run(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === "string") {
    io.err(`${args}\nИспользование: msoko ${usage}`);
    return 2;
  }
  let files = await expandInputs(args.inputs);
  const outputs = [
    { path: args.out, flag: "--out", rebuildable: true, example: "свод.xlsx" },
    ...(args.json ? [{ path: args.json, flag: "--json", example: "свод.json" }] : []),
  ];
  const checked = await checkOutputs(outputs, { named: args.inputs, files }, args.force);
  if (!checked.ok) {
    // A user's own book with charts: say what --force would cost (nothing when the merge carries them).
    const lost =
      checked.reason === "exists" && checked.path === args.out && !(await mergeable(args.out))
        ? await drawingSheetsOfFile(args.out).catch(() => [])
        : [];
    io.err(lost.length ? chartsWouldBeLost(args.out, lost) : checked.message);
    return 2;
  }
  if (checked.skip.length) {
    files = files.filter((f) => !checked.skip.includes(f));
    for (const f of checked.skip) io.out(`Файл «${f}» — сам свод (--out), среди форм он не читается.`);
  }
  if (!files.length) {
    io.err("Не найдено ни одного файла .xlsx.");
    return 2;
  }
  // An existing summary keeps its methodology overrides (settings sheet) and the user's own sheets.
  // With --force, a file that is not a readable book is replaced by a new one.
  // Limits on reading the summary itself: `--set limits.…` (its settings sheet is read only after it).
  const setProfile = applyOverrides(args.sets).profile;
  const limits = bookLimits(setProfile);
  // A new file is written sheet by sheet with bounded memory (src/xlsx/stream); an existing summary is
  // merged at the zip level (src/xlsx/merge: the user's sheets copied as they are, charts included),
  // or, when its package holds what the merge cannot carry safely, rebuilt in place through exceljs.
  const book: XlsxWorkbook | StreamXlsxWorkbook | MergeXlsxWorkbook = await openOut(args.out, args.force, limits);
  if (book instanceof XlsxWorkbook && !args.force) {
    // exceljs cannot carry charts and pictures of the user's sheets through a re-save: refuse rather than lose them.
    const generated = await findGeneratedSheets(book);
    const lost = (await drawingSheetsOfFile(args.out)).filter((n) => !generated.has(n.toLocaleUpperCase("ru")));
    if (lost.length) {
      io.err(chartsWouldBeLost(args.out, lost));
      return 2;
    }
  }
  // The forms are read with the summary's own «Ограничения» (its settings sheet, set on the «Методика»
  // page, as the pane does) with --set on top; applyOverrides keeps every value within its hard cap.
  // The summary itself was read above with --set only: its settings are not known before it is read.
  const formProfile =
    book instanceof StreamXlsxWorkbook
      ? setProfile
      : applyOverrides(args.sets, (await loadProfile(book)).profile).profile;
  const collect = garbageCollector();
  const loaded = await loadInputs(
    files,
    (i, n, f) => {
      io.out(`Файл ${i} из ${n}: ${f}`);
      // Each form read leaves its sheets behind as garbage: collected as they pile up.
      if (i % 50 === 0) collect();
    },
    bookLimits(formProfile),
    formProfile.values["limits.textLength"],
    { slim: true },
  );
  collect();
  const { forms, exports, raw, fiokoMarkers, riskProfiles, fiokoFindings } = loaded;
  for (const f of fiokoFindings) io.err(f.file ? `Файл «${f.file}»: ${f.message}` : f.message);
  if (args.cycle && !loaded.municipalCycleFiles.includes(basename(args.cycle))) {
    io.err(
      `Файл «${args.cycle}» (--cycle) не книга цикла МОУО: в нём нет листа «${MUNICIPAL_CYCLE_SHEET}» (или это форма ОО). Шаблон: msoko template --mouo --out цикл-моуо.xlsx.`,
    );
    return 2;
  }
  for (const { file, finding } of loaded.municipalCycleFindings)
    if (finding.severity !== "info") io.err(municipalCycleFindingText(finding, file));
  if (loaded.municipalCycleFiles.length)
    io.out(
      `Цикл МОУО: ${loaded.municipalCycleFiles.join(", ")} — ${countRu(loaded.municipalCycle.length, ["строка", "строки", "строк"])}.`,
    );
  let result;
  try {
    result = await summarizeInto(book, {
      forms,
      exports,
      raw,
      fiokoMarkers,
      riskProfiles,
      evaluationDate: args.date || undefined,
      municipalCycle: loaded.municipalCycle,
      municipalMeasures: loaded.municipalMeasures,
      municipalRechecks: loaded.municipalRechecks,
      overrides: args.sets,
      releaseParticipants: true,
      // The build and each written sheet leave garbage (tables, ops, XML): collected between sheets.
      onSheet: collect,
    });
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

/** The port the summary is written through (see the comment at its call). */
async function openOut(
  out: string,
  force: boolean,
  limits: BookLimits,
): Promise<XlsxWorkbook | StreamXlsxWorkbook | MergeXlsxWorkbook> {
  if (!existsSync(out)) return StreamXlsxWorkbook.create(out);
  try {
    const merged = await MergeXlsxWorkbook.open(out, limits);
    if (merged instanceof MergeXlsxWorkbook) return merged;
    return await loadForRebuild(out, limits);
  } catch (e) {
    // With --force, a file that is not a readable book is replaced by a new one.
    if (force) return StreamXlsxWorkbook.create(out);
    throw e;
  }
}

/** Whether an existing file would be merged (its charts and pictures kept) rather than rebuilt through exceljs. */
async function mergeable(path: string): Promise<boolean> {
  return MergeXlsxWorkbook.open(path).then(
    (b) => b instanceof MergeXlsxWorkbook,
    () => false,
  );
}

function chartsWouldBeLost(out: string, sheets: readonly string[]): string {
  return (
    `В файле «${out}» на листах ${sheets.map((n) => `«${n}»`).join(", ")} есть диаграммы или рисунки: командная строка не сохранит их при перезаписи файла. ` +
    `Укажите новый файл в --out (или --force, чтобы перезаписать без них); в Excel постройте свод панелью — она их не трогает.`
  );
}

/**
 * `msoko report ФОРМЫ…|ПАПКА [СВОД.xlsx] --out справка.docx [--public] [--date ГГГГ-ММ-ДД] [--set ключ=значение]… [--force]`:
 * the municipal аналитическая справка (or, with --public, the public report for parents) as a
 * .docx. The summary is rebuilt from the school forms with the same code as `summarize` — not read
 * back from a summary book, whose indicator cells are formulas without saved values until Excel
 * recalculates them — so its numbers equal the summary's JSON. A summary book among the inputs
 * gives its settings (the methodology overrides and the user's own regulation names `basis.*`,
 * the reporting date, the «Ограничения» the forms are read with; --set on top); it is not read as a
 * form. --out is checked before anything is read.
 * Exit codes: 0 — written; 1 — written, but some forms have errors; 2 — nothing to build or a wrong call.
 */
import { writeFile } from "node:fs/promises";
import { extname } from "node:path";
import { applyOverrides, type OverrideEntry } from "../../core/profile";
import { MemoryWorkbook } from "../../host/memory";
import { loadProfile, SETTINGS_SHEET } from "../../host/settings";
import { MUNICIPAL_CYCLE } from "../../form/municipal-cycle";
import { headerKey } from "../../form/schema/locate";
import { municipalReport } from "../../summary/model/report/municipal";
import { publicReport } from "../../summary/model/report/public";
import { buildFromForms, NothingToSummarizeError } from "../../summary/run";
import { COMMAND_INFO } from "../command-table";
import { readInputXlsx } from "../files";
import { errorText } from "../fs-errors";
import { expandInputs, loadInputs } from "../inputs";
import type { Io } from "../io";
import { checkOutputs, inspectBook } from "../outputs";
import { reportDocx } from "../report/docx";
import { bookLimits } from "../../xlsx/read/budget";
import { parseSetArg } from "../set-arg";

export const { summary, usage } = COMMAND_INFO.report;

interface Args {
  inputs: string[];
  out: string;
  public: boolean;
  date: string;
  force: boolean;
  sets: OverrideEntry[];
}

function parseArgs(args: string[]): Args | string {
  const inputs: string[] = [];
  let out = "";
  let date = "";
  let force = false;
  let pub = false;
  const sets: OverrideEntry[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--force") force = true;
    else if (a === "--public") pub = true;
    else if (a === "--out") out = args[++i] ?? "";
    else if (a === "--date") date = args[++i] ?? "";
    else if (a === "--set") {
      const set = parseSetArg(args[++i], `"basis.msoko=Положение о МСОКО Заречного муниципального округа"`);
      if (typeof set === "string") return set;
      sets.push(set);
    } else if (a.startsWith("--")) return `Неизвестный параметр ${a}.`;
    else inputs.push(a);
  }
  if (!inputs.length) return "Укажите формы ОО (или папку с ними) и, если нужно, свод с настройками.";
  if (!out) return "Укажите файл справки: --out справка.docx.";
  if (extname(out).toLowerCase() !== ".docx")
    return `Справка сохраняется в формате Word: укажите файл .docx, а не «${out}».`;
  if (date && !/^\d{4}-\d{2}-\d{2}$/.test(date)) return `Дата оценки «${date}» не в формате ГГГГ-ММ-ДД.`;
  const bad = applyOverrides(sets).errors[0];
  if (bad) return bad.message;
  return { inputs, out, public: pub, date, force, sets };
}

export async function run(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === "string") {
    io.err(`${args}\nИспользование: msoko ${usage}`);
    return 2;
  }
  let files = await expandInputs(args.inputs);
  const checked = await checkOutputs(
    [{ path: args.out, flag: "--out", example: "справка.docx" }],
    { named: args.inputs, files },
    args.force,
  );
  if (!checked.ok) {
    io.err(checked.message);
    return 2;
  }
  files = files.filter((f) => !checked.skip.includes(f));
  // Limits on reading the summary: `--set limits.…`; the forms also take the summary's own «Ограничения» (below).
  const setProfile = applyOverrides(args.sets).profile;
  // A book this add-in generated (a summary) lends its settings; it is not a form.
  let settings: MemoryWorkbook | null = null;
  const forms: string[] = [];
  for (const f of files) {
    const kind = await inspectBook(f).catch(() => null);
    if (kind?.generated && !kind.form) {
      if (!settings) {
        try {
          const sheets = await readInputXlsx(f, { formulas: false, limits: bookLimits(setProfile) });
          const s = sheets.find((x) => x.name.toLocaleUpperCase("ru") === SETTINGS_SHEET.toLocaleUpperCase("ru"));
          // The МОУО's own cycle sheet kept in the summary book counts too, as `summarize` reads it there.
          const cycleNames = [MUNICIPAL_CYCLE.name, ...(MUNICIPAL_CYCLE.aliases ?? [])].map(headerKey);
          const cycle = sheets.find((x) => cycleNames.includes(headerKey(x.name)));
          settings = MemoryWorkbook.fromGrids({
            ...(s ? { [SETTINGS_SHEET]: s.values } : {}),
            ...(cycle ? { [cycle.name]: cycle.values } : {}),
          });
          io.out(`Файл «${f}» — свод: из него взяты настройки методики${s ? "" : " (листа настроек в нём нет)"}.`);
        } catch (e) {
          io.err(errorText(e, f));
          return 2;
        }
      } else io.out(`Файл «${f}» — ещё один свод: не читается.`);
    } else forms.push(f);
  }
  if (!forms.length) {
    io.err(
      "Справка строится по формам ОО — тем же, из которых построен свод (числа свода в книге — формулы, их значения считает Excel). " +
        `Укажите вместе со сводом папку форм, например: msoko report свод.xlsx формы/ --out ${args.out}`,
    );
    return 2;
  }
  // As in `summarize --out`: the summary's settings sheet with --set on top, every value within its hard cap.
  const formProfile = settings ? applyOverrides(args.sets, (await loadProfile(settings)).profile).profile : setProfile;
  const inputs = await loadInputs(
    forms,
    (i, n, f) => io.out(`Файл ${i} из ${n}: ${f}`),
    bookLimits(formProfile),
    formProfile.values["limits.textLength"],
  );
  for (const f of inputs.fiokoFindings) io.err(f.file ? `Файл «${f.file}»: ${f.message}` : f.message);
  let built;
  try {
    built = await buildFromForms(settings ?? new MemoryWorkbook(), {
      forms: inputs.forms,
      exports: inputs.exports,
      raw: inputs.raw,
      fiokoMarkers: inputs.fiokoMarkers,
      riskProfiles: inputs.riskProfiles,
      municipalCycle: inputs.municipalCycle,
      evaluationDate: args.date || undefined,
      overrides: args.sets,
    });
  } catch (e) {
    if (!(e instanceof NothingToSummarizeError)) throw e;
    io.err(e.message);
    return 2;
  }
  for (const n of built.notices) io.err(n);
  const doc = args.public ? publicReport(built.summary, built.profile) : municipalReport(built.summary, built.profile);
  try {
    await writeFile(args.out, await reportDocx(doc));
  } catch (e) {
    io.err(errorText(e, args.out));
    return 1;
  }
  const c = built.consolidation;
  const withErrors = c.files.filter((f) => f.state === "includedWithErrors" || f.state === "unreadable");
  io.out(
    `${args.public ? "Публичный отчёт сохранён" : "Аналитическая справка сохранена"}: ${args.out}. ` +
      `${built.summary.json.municipality}, ${built.summary.json.year ?? ""} год; ${c.schools.length} ОО` +
      `${withErrors.length ? `; форм с ошибками: ${withErrors.length} (их данные учтены там, где позволяют)` : ""}.`,
  );
  return withErrors.length ? 1 : 0;
}

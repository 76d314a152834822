/**
 * `msoko validate form.xlsx [--json] [--set ключ=значение]…`: checks a school form without Excel, with
 * the same rules as the pane's «Проверка». Exit codes: 0 — no errors (warnings allowed), 1 — errors
 * found, 2 — the file cannot be read or the call is wrong (a bad --set included). The file is only
 * read, never written. --set takes any profile key as the other commands do; only the «Ограничения»
 * (limits.bookCells, limits.textLength…) change what validate does: how large a book it reads.
 *
 * JSON (--json), one object on stdout:
 * { "file": "form.xlsx", "valid": false,
 *   "counts": { "error": 1, "warning": 2, "info": 0 },
 *   "findings": [ { "severity": "error", "rule": "sum.marks", "sheet": "Результаты", "cell": "F7",
 *                   "message": "…", "hint": "…" } ],
 *   "school": { "login": "sch420001", "name": "…", "results": 7, "participants": 4, "cycle": 4 } | null }
 */
import { basename } from "node:path";
import type { Finding } from "../../core/model";
import { applyOverrides, type OverrideEntry } from "../../core/profile";
import { countRu } from "../../core/values";
import { parseForm } from "../../form/parse";
import { finding } from "../../form/rules";
import { looksLikeFisokoExport } from "../../fisoko";
import { COMMAND_INFO } from "../command-table";
import { readInputXlsx } from "../files";
import { errorText } from "../fs-errors";
import type { Io } from "../io";
import { parseSetArg } from "../set-arg";
import { bookLimits } from "../../xlsx/read/budget";

export const { summary, usage } = COMMAND_INFO.validate;

const SEVERITY_RU: Record<Finding["severity"], string> = {
  error: "Ошибка",
  warning: "Предупреждение",
  info: "Сведения",
};

/** «Лист «Результаты», ячейка F7: …» — the line the human output prints for a finding. */
export function findingLine(f: Finding): string {
  const where = f.sheet === "" ? "Книга" : f.cell === "" ? `Лист «${f.sheet}»` : `Лист «${f.sheet}», ячейка ${f.cell}`;
  return `${SEVERITY_RU[f.severity]}. ${where}: ${f.message}${f.hint ? `\n    Что сделать: ${f.hint}` : ""}`;
}

/** A ФИС ОКО export given to `validate`: one finding, not dozens about a «form» it never was. */
function fisokoBookFinding(file: string): Finding {
  return finding(
    "book.fisoko",
    "",
    "",
    `Файл «${file}» — выгрузка ФИС ОКО, а не форма ОО; как форма он не проверяется.`,
    "Добавьте её строки в форму ОО (msoko import-fisoko или «Импорт ФИС ОКО» в панели) или передайте выгрузку в msoko summarize вместе с формами.",
  );
}

interface Args {
  json: boolean;
  files: string[];
  unknown: string[];
  sets: OverrideEntry[];
}

function parseArgs(args: string[]): Args | string {
  const out: Args = { json: false, files: [], unknown: [], sets: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--json") out.json = true;
    // --force is accepted by every command; validate only reads, so it changes nothing here.
    else if (a === "--force") continue;
    else if (a === "--set") {
      const set = parseSetArg(args[++i], "limits.bookCells=20000000");
      if (typeof set === "string") return set;
      out.sets.push(set);
    } else if (a.startsWith("--")) out.unknown.push(a);
    else out.files.push(a);
  }
  return out;
}

export async function run(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === "string") {
    io.err(`${args}\nИспользование: msoko ${usage}`);
    return 2;
  }
  const { json, files, unknown } = args;
  if (files.length !== 1 || unknown.length > 0) {
    io.err(`Использование: msoko ${usage}${unknown.length ? `\nНеизвестный параметр: ${unknown.join(" ")}` : ""}`);
    return 2;
  }
  // A bad key or a value past its hard cap stops the call before the file is read.
  const { profile, errors } = applyOverrides(args.sets);
  if (errors.length) {
    for (const e of errors) io.err(e.message);
    return 2;
  }
  const file = files[0];
  let sheets;
  try {
    sheets = await readInputXlsx(file, { formulas: false, limits: bookLimits(profile) });
  } catch (e) {
    const message = errorText(e, file);
    if (json)
      io.out(
        JSON.stringify({
          file: basename(file),
          valid: false,
          unreadable: message,
          counts: { error: 0, warning: 0, info: 0 },
          findings: [],
          school: null,
        }),
      );
    else io.err(message);
    return 2;
  }
  const { report, findings } = looksLikeFisokoExport(sheets)
    ? { report: null, findings: [fisokoBookFinding(basename(file))] }
    : parseForm(sheets, { file: basename(file), maxText: profile.values["limits.textLength"] });
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  const valid = counts.error === 0;
  if (json) {
    const school = report
      ? {
          login: report.passport.login,
          name: report.passport.name,
          results: report.results.length,
          participants: report.participants.length,
          cycle: report.cycle.length,
          // Lines of the newer sheets, only when the form has them (older readers see the same keys as before).
          ...(report.internal ? { internal: report.internal.length } : {}),
          ...(report.literacy ? { literacy: report.literacy.length } : {}),
          ...(report.preschoolGroups ? { preschoolGroups: report.preschoolGroups.length } : {}),
        }
      : null;
    io.out(JSON.stringify({ file: basename(file), valid, counts, findings, school }, null, 2));
  } else {
    for (const f of findings) io.out(findingLine(f));
    const summaryLine = `Файл «${basename(file)}»: ${countRu(counts.error, ["ошибка", "ошибки", "ошибок"])}, ${countRu(counts.warning, ["предупреждение", "предупреждения", "предупреждений"])}, ${countRu(counts.info, ["сведение", "сведения", "сведений"])}.`;
    io.out(valid ? `${summaryLine} Форма прошла проверку.` : `${summaryLine} Исправьте ошибки и проверьте снова.`);
  }
  return valid ? 0 : 1;
}

/**
 * `msoko validate form.xlsx [--json]`: checks a school form without Excel, with the same rules
 * as the pane's «Проверка». Exit codes: 0 — no errors (warnings allowed), 1 — errors found,
 * 2 — the file cannot be read or the call is wrong. The file is only read, never written.
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
import { countRu } from "../../core/values";
import { parseForm } from "../../form/parse";
import type { Io } from "../io";
import { readXlsxFile } from "../../xlsx/exceljs";

export const summary = "проверить заполненную форму ОО (.xlsx); --json — результат в JSON";
export const usage = "validate ФАЙЛ.xlsx [--json]";

const SEVERITY_RU: Record<Finding["severity"], string> = { error: "Ошибка", warning: "Предупреждение", info: "Сведения" };

/** «Лист «Результаты», ячейка F7: …» — the line the human output prints for a finding. */
export function findingLine(f: Finding): string {
  const where = f.sheet === "" ? "Книга" : f.cell === "" ? `Лист «${f.sheet}»` : `Лист «${f.sheet}», ячейка ${f.cell}`;
  return `${SEVERITY_RU[f.severity]}. ${where}: ${f.message}${f.hint ? `\n    Что сделать: ${f.hint}` : ""}`;
}

export async function run(args: string[], io: Io): Promise<number> {
  const json = args.includes("--json");
  const files = args.filter((a) => !a.startsWith("--"));
  const unknown = args.filter((a) => a.startsWith("--") && a !== "--json");
  if (files.length !== 1 || unknown.length > 0) {
    io.err(`Использование: msoko ${usage}${unknown.length ? `\nНеизвестный параметр: ${unknown.join(" ")}` : ""}`);
    return 2;
  }
  const file = files[0];
  let sheets;
  try {
    sheets = await readXlsxFile(file, { formulas: false });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (json) io.out(JSON.stringify({ file: basename(file), valid: false, unreadable: message, counts: { error: 0, warning: 0, info: 0 }, findings: [], school: null }));
    else io.err(message);
    return 2;
  }
  const { report, findings } = parseForm(sheets, { file: basename(file) });
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  const valid = counts.error === 0;
  if (json) {
    const school = report
      ? { login: report.passport.login, name: report.passport.name, results: report.results.length, participants: report.participants.length, cycle: report.cycle.length }
      : null;
    io.out(JSON.stringify({ file: basename(file), valid, counts, findings, school }, null, 2));
  } else {
    for (const f of findings) io.out(findingLine(f));
    const summaryLine = `Файл «${basename(file)}»: ${countRu(counts.error, ["ошибка", "ошибки", "ошибок"])}, ${countRu(counts.warning, ["предупреждение", "предупреждения", "предупреждений"])}, ${countRu(counts.info, ["сведение", "сведения", "сведений"])}.`;
    io.out(valid ? `${summaryLine} Форма прошла проверку.` : `${summaryLine} Исправьте ошибки и проверьте снова.`);
  }
  return valid ? 0 : 1;
}

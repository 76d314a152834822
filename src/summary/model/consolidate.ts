/**
 * Consolidation of school forms: one report per school (key: ФИС ОКО login). A school sent twice
 * is reported and the newest form kept (file date, then the latest year in its data, then the
 * later file). A form with errors is still included where its data allow; an unreadable one is
 * listed with its findings.
 */
import type { Finding, SchoolReport } from "../../core/model";

export interface LoadedForm {
  file: string;
  /** File modification time, ISO; optional. */
  modified?: string;
  report: SchoolReport | null;
  findings: Finding[];
}

export type FileState = "included" | "includedWithErrors" | "unreadable" | "duplicate";

export const FILE_STATE_LABELS: Record<FileState, string> = {
  included: "включена",
  includedWithErrors: "включена, есть ошибки",
  unreadable: "не прочитана",
  duplicate: "повтор ОО: оставлена более новая форма",
};

export interface FileStatus {
  file: string;
  login: string;
  name: string;
  state: FileState;
  errors: number;
  warnings: number;
  /** For duplicates: the file that was kept. */
  keptFile?: string;
  findings: Finding[];
}

export interface Consolidation {
  schools: SchoolReport[];
  files: FileStatus[];
}

function latestYear(r: SchoolReport): number {
  let y = 0;
  for (const row of r.results) if (row.year > y) y = row.year;
  for (const row of r.participants) if (row.year > y) y = row.year;
  return y;
}

/** True when b is newer than a. */
function newer(a: LoadedForm, ai: number, b: LoadedForm, bi: number): boolean {
  if (a.modified && b.modified && a.modified !== b.modified) return b.modified > a.modified;
  const ya = latestYear(a.report!);
  const yb = latestYear(b.report!);
  if (ya !== yb) return yb > ya;
  return bi > ai;
}

export function consolidate(forms: readonly LoadedForm[]): Consolidation {
  const kept = new Map<string, number>();
  forms.forEach((f, i) => {
    if (!f.report) return;
    const login = f.report.passport.login.trim().toLowerCase();
    const prev = kept.get(login);
    if (prev === undefined || newer(forms[prev], prev, f, i)) kept.set(login, i);
  });
  const keptIndex = new Set(kept.values());
  const files: FileStatus[] = forms.map((f, i) => {
    const errors = f.findings.filter((x) => x.severity === "error").length;
    const warnings = f.findings.filter((x) => x.severity === "warning").length;
    const base = { file: f.file, errors, warnings, findings: f.findings };
    if (!f.report) return { ...base, login: "", name: "", state: "unreadable" };
    const login = f.report.passport.login.trim().toLowerCase();
    const who = { login: f.report.passport.login, name: f.report.passport.name };
    if (!keptIndex.has(i)) return { ...base, ...who, state: "duplicate", keptFile: forms[kept.get(login)!].file };
    return { ...base, ...who, state: errors ? "includedWithErrors" : "included" };
  });
  const schools = [...keptIndex].sort((a, b) => a - b).map((i) => forms[i].report!);
  return { schools, files };
}

/**
 * How the «Проверка» page presents the validator's findings: a count line with Russian plurals,
 * the findings grouped by sheet in the form's sheet order, and a label per severity (the icon is
 * never the only sign). Pure, so wording and order are unit-tested.
 */
import type { Finding } from "../../core/model";
import { FORM_SHEETS, INSTRUCTION_SHEET } from "../../form/schema";
import { sameName } from "../../host/rules";
import { countRu } from "../../core/values";

export type Severity = Finding["severity"];

export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = {
  error: "Ошибка",
  warning: "Предупреждение",
  info: "Замечание",
};

const FORMS: Readonly<Record<Severity, readonly [string, string, string]>> = {
  error: ["ошибка", "ошибки", "ошибок"],
  warning: ["предупреждение", "предупреждения", "предупреждений"],
  info: ["замечание", "замечания", "замечаний"],
};

export interface FindingCounts {
  error: number;
  warning: number;
  info: number;
}

export function countFindings(findings: readonly Finding[]): FindingCounts {
  const c: FindingCounts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

/** «Найдено: 2 ошибки, 1 предупреждение.» or «Ошибок нет.» with the other counts. */
export function findingsSummary(findings: readonly Finding[]): string {
  const c = countFindings(findings);
  const others = (["warning", "info"] as const).filter((s) => c[s] > 0).map((s) => countRu(c[s], FORMS[s]));
  if (c.error === 0) {
    return others.length === 0
      ? "Ошибок нет: форма заполнена верно."
      : `Ошибок нет. Есть ${others.join(", ")} — посмотрите их.`;
  }
  return `Найдено: ${[countRu(c.error, FORMS.error), ...others].join(", ")}.`;
}

export interface FindingGroup {
  sheet: string;
  /** Title line: «Результаты — 2 ошибки, 1 предупреждение». */
  title: string;
  findings: Finding[];
}

const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** Position of a sheet in the form (unknown sheets after the form's, file-level findings first). */
function sheetRank(sheet: string): number {
  if (sheet === "") return -1;
  const i = FORM_SHEETS.findIndex((s) => sameName(s.name, sheet));
  if (i >= 0) return i;
  return sameName(sheet, INSTRUCTION_SHEET) ? FORM_SHEETS.length : FORM_SHEETS.length + 1;
}

function groupTitle(sheet: string, findings: readonly Finding[]): string {
  const c = countFindings(findings);
  const counts = (["error", "warning", "info"] as const).filter((s) => c[s] > 0).map((s) => countRu(c[s], FORMS[s]));
  return `${sheet === "" ? "Книга целиком" : `Лист «${sheet}»`} — ${counts.join(", ")}`;
}

/** Groups by sheet in form order; inside a sheet: errors first, then by row and column of the cell. */
export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const bySheet = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = bySheet.get(f.sheet);
    if (list) list.push(f);
    else bySheet.set(f.sheet, [f]);
  }
  return [...bySheet]
    .sort(([a], [b]) => sheetRank(a) - sheetRank(b) || a.localeCompare(b, "ru"))
    .map(([sheet, list]) => {
      const sorted = [...list].sort(
        (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || cellOrder(a.cell, b.cell),
      );
      return { sheet, title: groupTitle(sheet, sorted), findings: sorted };
    });
}

/** Row-major order of A1 addresses ("" first); ranges sort by their first cell. */
export function cellOrder(a: string, b: string): number {
  const pa = cellPosition(a);
  const pb = cellPosition(b);
  return pa.row - pb.row || pa.col - pb.col;
}

function cellPosition(address: string): { row: number; col: number } {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)/i.exec(address.trim());
  if (!m) return { row: 0, col: 0 };
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

/** Where a click on the finding leads: a cell, the sheet itself, or nowhere (the sheet is missing). */
export function findingTarget(f: Finding, sheetNames: readonly string[]): { sheet: string; cell: string } | null {
  const sheet = sheetNames.find((n) => sameName(n, f.sheet));
  if (!sheet || f.sheet === "") return null;
  return { sheet, cell: f.cell || "A1" };
}

/** «B7» or «лист целиком» — the place shown before the message. */
export function findingPlace(f: Finding): string {
  return f.cell ? `ячейка ${f.cell}` : "лист целиком";
}

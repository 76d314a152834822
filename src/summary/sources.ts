/**
 * School forms inside one workbook: the book's own form («Паспорт ОО», «Результаты», …) and forms
 * of other schools copied in with a suffix («Паспорт ОО (sch420127)», «Результаты (sch420127)»).
 * The methodist can consolidate them without leaving Excel.
 */
import type { LoadedForm } from "./model/consolidate";
import { FORM_SHEETS } from "../form/schema";
import { parseForm } from "../form/parse";
import type { WorkbookPort, WriteOp } from "../host/port";

const BASES = FORM_SHEETS.map((s) => s.name);
const PASSPORT = FORM_SHEETS[0].name;

export interface FormGroup {
  /** "" for the book's own form, else the text in brackets (usually the school's login). */
  suffix: string;
  /** Base sheet name → the sheet's name in the book. */
  sheets: Map<string, string>;
}

/** Splits «Результаты (sch1)» into base and suffix when the base is a form sheet. */
function split(name: string): { base: string; suffix: string } | null {
  const m = /^(.*?)(?:\s+\((.+)\))?$/.exec(name.trim());
  if (!m) return null;
  const base = BASES.find((b) => b.toLowerCase() === m[1].trim().toLowerCase());
  return base ? { base, suffix: (m[2] ?? "").trim() } : null;
}

/** The forms in a book: groups of form sheets sharing a suffix that have a passport. */
export function formGroups(sheetNames: readonly string[]): FormGroup[] {
  const groups = new Map<string, FormGroup>();
  for (const name of sheetNames) {
    const s = split(name);
    if (!s) continue;
    const g = groups.get(s.suffix) ?? { suffix: s.suffix, sheets: new Map() };
    if (!g.sheets.has(s.base)) g.sheets.set(s.base, name);
    groups.set(s.suffix, g);
  }
  return [...groups.values()].filter((g) => g.sheets.has(PASSPORT));
}

/** Reads and parses each group, one round trip per form; findings name the sheets as they are in the book. */
export async function readFormGroups(
  port: WorkbookPort,
  groups: readonly FormGroup[],
  opts: { signal?: AbortSignal; onForm?: (index: number, total: number, label: string) => void } = {},
): Promise<LoadedForm[]> {
  const out: LoadedForm[] = [];
  for (const [i, g] of groups.entries()) {
    opts.signal?.throwIfAborted();
    const label = g.suffix ? `формы «${g.suffix}»` : "форма этой книги";
    opts.onForm?.(i + 1, groups.length, label);
    const actual = [...g.sheets.values()];
    const toBase = new Map([...g.sheets].map(([base, name]) => [name, base]));
    const read = await port.readSheets(actual);
    const { report, findings } = parseForm(
      read.map((r) => ({ ...r, name: toBase.get(r.name) ?? r.name })),
      { file: label },
    );
    out.push({
      file: label,
      report,
      findings: findings.map((f) => ({ ...f, sheet: g.sheets.get(f.sheet) ?? f.sheet })),
    });
  }
  return out;
}

/**
 * Re-addresses a form's ops to suffixed sheets, to place several schools' forms in one book.
 * Ops on other sheets (the instruction) are dropped: the book needs them once, not per school.
 */
export function withSuffix(ops: readonly WriteOp[], suffix: string): WriteOp[] {
  const out: WriteOp[] = [];
  for (const op of ops) {
    const sheet = "sheet" in op ? op.sheet : "name" in op ? op.name : null;
    if (sheet === null || !BASES.includes(sheet)) continue;
    const name = `${sheet} (${suffix})`;
    out.push(("sheet" in op ? { ...op, sheet: name } : { ...op, name }) as WriteOp);
  }
  return out;
}

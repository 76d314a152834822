/**
 * The education authority's (МОУО's) own management cycle: the sheet «Цикл МОУО» has exactly the
 * columns, codes and rules of the school form's «Цикл» sheet (one schema, so the same evaluation
 * scores both), but lives in its own book — a МОУО cycle book given to the summary, or a user
 * sheet of the summary book itself. Reading, the template and filling from records are here.
 */
import type { CycleRecord, Finding } from "../core/model";
import type { SheetRead, WriteOp } from "../host/port";
import { isoDateToSerial } from "../host/serial";
import { finding } from "./rules";
import { cycleOf } from "./parse";
import { findSheet, readTable } from "./read";
import { CYCLE, PASSPORT } from "./schema/sheets";
import { CYCLE_SCORE_WORDS, directionCodeOf } from "./schema/labels";
import type { SheetSchema } from "./schema/types";
import { sheetOps } from "./template";
import { cycleRules } from "./validate";

export const MUNICIPAL_CYCLE_SHEET = "Цикл МОУО";

export const MUNICIPAL_CYCLE: SheetSchema = {
  ...CYCLE,
  id: "municipalCycle",
  name: MUNICIPAL_CYCLE_SHEET,
  aliases: ["Цикл муниципалитета", "Управленческий цикл МОУО", "Цикл УО"],
  tabColor: "#5B2C83",
  purpose:
    "Управленческий цикл органа управления образованием (МОУО) по направлениям: для каждого трека — 9 компонентов с оценкой и подтверждающим документом.",
  templateRows: 200,
};

/** Whether a book holds the МОУО cycle and is not a school form (a form's «Цикл» is the school's). */
export function looksLikeMunicipalCycle(sheets: readonly SheetRead[]): boolean {
  return findSheet(sheets, MUNICIPAL_CYCLE) !== null && findSheet(sheets, PASSPORT) === null;
}

export interface MunicipalCycleRead {
  records: CycleRecord[];
  /** Layout, cell and rule findings, each naming the file, sheet and cell. */
  findings: Finding[];
}

/** Reads «Цикл МОУО» from a book; null when the book has no such sheet. */
export function readMunicipalCycle(sheets: readonly SheetRead[], file?: string): MunicipalCycleRead | null {
  const found = findSheet(sheets, MUNICIPAL_CYCLE);
  if (!found) return null;
  const findings: Finding[] = [];
  const table = readTable(found.read, MUNICIPAL_CYCLE, findings);
  if (!table) {
    findings.push(
      finding(
        "header.notFound",
        found.read.name,
        "A1",
        `На листе «${found.read.name}» не найдена строка заголовков цикла МОУО: нет столбцов «Год», «Направление», «Трек», «Тип трека», «Компонент».`,
        "Создайте лист по шаблону (msoko template --mouo --out цикл-моуо.xlsx) и перенесите данные.",
      ),
    );
  } else cycleRules(table, findings);
  return { records: table ? cycleOf(table, file) : [], findings };
}

/** «Файл «цикл.xlsx», лист «Цикл МОУО», ячейка G5: …» — a finding of the МОУО cycle as one line. */
export function municipalCycleFindingText(f: Finding, file?: string): string {
  const where = f.cell ? `лист «${f.sheet}», ячейка ${f.cell}` : `лист «${f.sheet}»`;
  return `${file ? `Файл «${file}», ${where}` : where.charAt(0).toUpperCase() + where.slice(1)}: ${f.message}${f.hint ? ` ${f.hint}` : ""}`;
}

const serial = (iso: string | undefined): number | null => (iso ? isoDateToSerial(iso) : null);

/** The empty «Цикл МОУО» sheet (template) or the sheet filled with the records plus spare rows. */
export function municipalCycleOps(records: readonly CycleRecord[] = [], spareRows = 20): WriteOp[] {
  const ids = MUNICIPAL_CYCLE.columns.map((c) => c.id);
  const data = records.map((c) => {
    const v: Record<string, string | number | null> = {
      year: c.year,
      direction: directionCodeOf(c.direction),
      track: c.track,
      trackKind: c.trackKind === "partial" ? "частичный" : "полный",
      component: c.component,
      score: c.score === null ? null : CYCLE_SCORE_WORDS[c.score],
      docNumber: c.docNumber ?? null,
      docDate: serial(c.docDate),
      responsible: c.responsible ?? null,
      plannedDate: serial(c.plannedDate),
      link: c.links?.length ? c.links.map((l) => l.text).join("; ") : null,
    };
    return ids.map((id) => v[id] ?? null);
  });
  const rows = records.length ? data.length + spareRows : MUNICIPAL_CYCLE.templateRows;
  return sheetOps(MUNICIPAL_CYCLE, rows, data);
}

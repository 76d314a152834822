/**
 * The education authority's (МОУО's) own management cycle: the sheet «Цикл МОУО» has exactly the
 * columns, codes and rules of the school form's «Цикл» sheet (one schema, so the same evaluation
 * scores both), but lives in its own book — a МОУО cycle book given to the summary, or a user
 * sheet of the summary book itself. Reading, the template and filling from records are here.
 */
import {
  findingPlace,
  type CycleRecord,
  type Finding,
  type ObjectivityMeasureRow,
  type RecheckRow,
} from "../core/model";
import type { SheetRead, WriteOp } from "../host/port";
import { finding } from "./rules";
import { cycleOf, measuresOf, rechecksOf } from "./parse";
import { findSheet, readTable } from "./read";
import { headerKey } from "./schema/locate";
import { CYCLE, OBJECTIVITY_MEASURES, PASSPORT, RECHECK } from "./schema/sheets";
import type { SheetSchema } from "./schema/types";
import { cycleCells, sheetOps } from "./template";
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
  /** The МОУО's own «Меры объективности» and «Перепроверка» (municipal procedures), when the book has them. */
  measures: ObjectivityMeasureRow[];
  rechecks: RecheckRow[];
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
  const optional = (schema: SheetSchema) => {
    const sheet = findSheet(sheets, schema);
    return sheet ? (readTable(sheet.read, schema, findings) ?? undefined) : undefined;
  };
  return {
    records: table ? cycleOf(table, file) : [],
    measures: measuresOf(optional(OBJECTIVITY_MEASURES), file),
    rechecks: rechecksOf(optional(RECHECK), file),
    findings,
  };
}

/** «Файл «цикл.xlsx», лист «Цикл МОУО», ячейка G5: …» — a finding of the МОУО cycle as one line. */
export function municipalCycleFindingText(f: Finding, file?: string): string {
  const where = findingPlace(f);
  return `${file ? `Файл «${file}», ${where}` : where.charAt(0).toUpperCase() + where.slice(1)}: ${f.message}${f.hint ? ` ${f.hint}` : ""}`;
}

/** The name of the book's «Цикл МОУО» sheet (or one of its aliases, compared as Excel does), null when absent. */
export function municipalCycleSheetName(sheetNames: readonly string[]): string | null {
  const wanted = [MUNICIPAL_CYCLE.name, ...(MUNICIPAL_CYCLE.aliases ?? [])].map(headerKey);
  return sheetNames.find((n) => wanted.includes(headerKey(n))) ?? null;
}

/**
 * Only the empty «Цикл МОУО» sheet, exactly as the template writes it: the pane adds it to a
 * summary book, where the book's other sheets (the summary's own «Объективность», a user's sheets)
 * must stay as they are.
 */
export function municipalCycleSheetOps(): WriteOp[] {
  return sheetOps(MUNICIPAL_CYCLE, MUNICIPAL_CYCLE.templateRows, []);
}

/** The empty «Цикл МОУО» sheet (template) or the sheet filled with the records plus spare rows. */
export function municipalCycleOps(records: readonly CycleRecord[] = [], spareRows = 20): WriteOp[] {
  const ids = MUNICIPAL_CYCLE.columns.map((c) => c.id);
  const data = records.map((c) => {
    const v = cycleCells(c);
    return ids.map((id) => v[id] ?? null);
  });
  const ops = records.length ? sheetOps(MUNICIPAL_CYCLE, data.length + spareRows, data) : municipalCycleSheetOps();
  // The template also carries the МОУО's objectivity measures (municipal procedures, re-check by its commission).
  if (!records.length)
    ops.push(
      ...sheetOps(OBJECTIVITY_MEASURES, OBJECTIVITY_MEASURES.templateRows, []),
      ...sheetOps(RECHECK, RECHECK.templateRows, []),
    );
  return ops;
}

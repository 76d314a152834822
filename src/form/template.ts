/**
 * The form as WriteOp batches, built from the schema: the empty template (styles, widths, frozen
 * headers, dropdowns, number formats, input cells yellow and computed ones grey, native formulas,
 * print setup, the instruction sheet) and the same layout filled from a SchoolReport (fillForm),
 * which the sample generator and the round-trip tests use. Ports apply the ops; nothing here
 * touches a workbook.
 */
import type { CycleRecord, SchoolReport } from "../core/model";
import { KINDERGARTEN, MKDO_AREAS, MKDO_LEVELS } from "../core/preschool";
import { columnLetters, formatCell, rangeFrom } from "../core/a1";
import type { Grid, WriteOp } from "../host/port";
import { isoDateToSerial } from "../host/serial";
import { rowHeightFor, wrappedLines } from "../host/text-lines";
import type { CellValue } from "../core/values";
import { typeWord } from "./cells";
import { RULES } from "./rules";
import { CYCLE_SCORE_WORDS, directionCodeOf } from "./schema/labels";
import { DIRECTION_SHEETS } from "./schema";
import { FORM_SHEETS, INSTRUCTION_SHEET, PASSPORT, PRESCHOOL_FORM_SHEETS } from "./schema/sheets";
import type { ColumnSpec, SheetSchema } from "./schema/types";

export const HEADER_FILL = "#D9E1F2";
export const INPUT_FILL = "#FFF9DB";
export const COMPUTED_FILL = "#E7E6E6";
const HELP_COLOR = "#595959";

/** Where a sheet's table sits (1-based rows) and its columns in template order. */
export interface SheetLayout {
  headerRow: number;
  dataRow: number;
  columns: ColumnSpec[];
}

/** Rows of the passport: header, fields, a blank row, the table title, the table header. */
export function passportLayout(): { fieldRow: number; titleRow: number; headerRow: number; dataRow: number } {
  const fields = PASSPORT.fields?.length ?? 0;
  return { fieldRow: 2, titleRow: fields + 3, headerRow: fields + 4, dataRow: fields + 5 };
}

/** The template layout of a sheet, with `repeatedCount` numbered columns (З1…Зn) after the fixed ones. */
export function sheetLayout(schema: SheetSchema, repeatedCount = schema.repeated?.templateCount ?? 0): SheetLayout {
  const columns: ColumnSpec[] = [...schema.columns];
  const rep = schema.repeated;
  if (rep) {
    for (let n = 1; n <= repeatedCount; n++) {
      columns.push({
        id: `${rep.id}${n}`,
        header: rep.header(n),
        type: rep.type,
        min: rep.min,
        help: rep.help,
        width: rep.width,
        allowAbsent: true,
      });
    }
  }
  if (schema.fields) {
    const p = passportLayout();
    return { headerRow: p.headerRow, dataRow: p.dataRow, columns };
  }
  return { headerRow: 1, dataRow: 2, columns };
}

/** Excel limits an input prompt to 255 and an error message to 225 characters. */
function prompt(text: string): string {
  return text.length > 220 ? text.slice(0, 219) + "…" : text;
}

function validationOps(sheet: string, c: ColumnSpec, address: string): WriteOp[] {
  if (c.formula) return [];
  if (c.type === "enum" && c.values) {
    return [
      {
        op: "validationList",
        sheet,
        address,
        list: [...c.values],
        prompt: prompt(c.help),
        error: prompt(`Выберите значение из списка: ${c.values.join(", ")}.`),
      },
    ];
  }
  if ((c.type === "integer" || c.type === "year") && !c.allowAbsent) {
    return [
      {
        op: "validationNumber",
        sheet,
        address,
        kind: "whole",
        min: c.min,
        max: c.max,
        prompt: prompt(c.help),
        error: prompt(`Ожидается ${typeWord(c.type)}${rangeText(c)}.`),
      },
    ];
  }
  if (c.type === "number" && !c.allowAbsent && c.min !== undefined) {
    return [
      {
        op: "validationNumber",
        sheet,
        address,
        kind: "decimal",
        min: c.min,
        max: c.max,
        prompt: prompt(c.help),
        error: prompt(`Ожидается число${rangeText(c)}.`),
      },
    ];
  }
  return [];
}

function rangeText(c: Pick<ColumnSpec, "min" | "max">): string {
  if (c.min !== undefined && c.max !== undefined) return ` от ${c.min} до ${c.max}`;
  if (c.min !== undefined) return ` не меньше ${c.min}`;
  if (c.max !== undefined) return ` не больше ${c.max}`;
  return "";
}

/**
 * The rows of `data` as a "values" op writes them: as wide as the layout, blanks null, computed
 * columns null (their formulas are written apart). A row that already is so is used as it is: a
 * form's participants sheet is tens of thousands of rows, each would otherwise be copied (issue 23).
 */
function inputGrid(data: Grid, columns: SheetLayout["columns"]): Grid {
  const computed = columns.some((c) => c.formula);
  return data.map((r) =>
    !computed && r.length === columns.length && !(r as readonly unknown[]).includes(undefined)
      ? r
      : columns.map((c, j) => (c.formula ? null : (r[j] ?? null))),
  );
}

/**
 * Ops of one table sheet: header, formats, dropdowns, formulas over `rows` data rows, and the
 * data itself when given (`data[i][j]` for row i, column j of the layout; computed columns ignored).
 */
function tableOps(schema: SheetSchema, layout: SheetLayout, rows: number, data: Grid = []): WriteOp[] {
  const sheet = schema.name;
  const ops: WriteOp[] = [];
  const { headerRow, dataRow, columns } = layout;
  const width = columns.length;
  const letter = (id: string) => columnLetters(columns.findIndex((c) => c.id === id));
  ops.push({
    op: "values",
    sheet,
    address: formatCell({ row: headerRow - 1, col: 0 }),
    values: [columns.map((c) => c.header)],
  });
  ops.push({
    op: "format",
    sheet,
    address: rangeFrom(formatCell({ row: headerRow - 1, col: 0 }), 1, width),
    format: { bold: true, fill: HEADER_FILL, wrap: true, hAlign: "center", vAlign: "center", borders: true },
  });
  ops.push({ op: "rowHeight", sheet, row: headerRow, height: 45 });
  ops.push({ op: "columnWidths", sheet, from: "A", widths: columns.map((c) => c.width ?? 12) });
  if (rows > 0) {
    columns.forEach((c, i) => {
      const address = rangeFrom(formatCell({ row: dataRow - 1, col: i }), rows, 1);
      const format = c.formula
        ? {
            fill: COMPUTED_FILL,
            italic: true,
            borders: true,
            locked: true,
            ...(c.numberFormat ? { numberFormat: c.numberFormat } : {}),
          }
        : {
            fill: INPUT_FILL,
            borders: true,
            locked: false,
            ...(c.numberFormat ? { numberFormat: c.numberFormat } : {}),
          };
      ops.push({ op: "format", sheet, address, format });
      ops.push(...validationOps(sheet, c, address));
    });
    if (data.length > 0) {
      const grid = inputGrid(data, columns);
      ops.push({ op: "values", sheet, address: formatCell({ row: dataRow - 1, col: 0 }), values: grid });
    }
    columns.forEach((c, i) => {
      if (!c.formula) return;
      const formulas = Array.from({ length: rows }, (_, k) => [`=${c.formula!(letter, dataRow + k)}`]);
      ops.push({ op: "formulas", sheet, address: formatCell({ row: dataRow - 1, col: i }), formulas });
    });
  }
  return ops;
}

/** Widths of the passport's columns «Показатель», «Значение», «Пояснение» (characters). */
const PASSPORT_WIDTHS = [34, 40, 60] as const;

function passportFieldOps(values: Partial<Record<string, CellValue>> = {}): WriteOp[] {
  const sheet = PASSPORT.name;
  const fields = PASSPORT.fields ?? [];
  const p = passportLayout();
  const ops: WriteOp[] = [];
  ops.push({ op: "values", sheet, address: "A1", values: [["Показатель", "Значение", "Пояснение"]] });
  ops.push({
    op: "format",
    sheet,
    address: "A1:C1",
    format: { bold: true, fill: HEADER_FILL, hAlign: "center", borders: true },
  });
  const grid = fields.map((f) => [f.header + (f.required ? " *" : ""), values[f.id] ?? null, f.help]);
  ops.push({ op: "values", sheet, address: `A${p.fieldRow}`, values: grid });
  const last = p.fieldRow + fields.length - 1;
  ops.push({
    op: "format",
    sheet,
    address: `A${p.fieldRow}:A${last}`,
    format: { bold: true, borders: true, vAlign: "center" },
  });
  ops.push({
    op: "format",
    sheet,
    address: `B${p.fieldRow}:B${last}`,
    format: { fill: INPUT_FILL, borders: true, locked: false, numberFormat: "@", vAlign: "center" },
  });
  ops.push({
    op: "format",
    sheet,
    address: `C${p.fieldRow}:C${last}`,
    format: { italic: true, fontColor: HELP_COLOR, wrap: true, vAlign: "center" },
  });
  // The explanations wrap in column C (PASSPORT_WIDTHS): Excel and LibreOffice do not grow rows a
  // program writes, so a long one would print over the next field.
  fields.forEach((f, i) => {
    const lines = wrappedLines(f.help, PASSPORT_WIDTHS[2]);
    if (lines > 1) ops.push({ op: "rowHeight", sheet, row: p.fieldRow + i, height: rowHeightFor(lines) });
  });
  fields.forEach((f, i) => {
    const address = `B${p.fieldRow + i}`;
    if (f.type === "number") ops.push({ op: "format", sheet, address, format: { numberFormat: "General" } });
    ops.push(...validationOps(sheet, f, address));
  });
  ops.push({ op: "values", sheet, address: `A${p.titleRow}`, values: [[PASSPORT.tableTitle ?? ""]] });
  ops.push({ op: "format", sheet, address: `A${p.titleRow}`, format: { bold: true, fontSize: 12 } });
  return ops;
}

/** The passport's fields accept the label with or without the " *" that marks a required one. */
export function sheetOps(
  schema: SheetSchema,
  rows: number,
  data: Grid,
  repeatedCount?: number,
  fieldValues?: Partial<Record<string, CellValue>>,
): WriteOp[] {
  const ops: WriteOp[] = [{ op: "addSheet", name: schema.name, tabColor: schema.tabColor }];
  if (schema.fields) ops.push(...passportFieldOps(fieldValues));
  const layout = sheetLayout(schema, repeatedCount);
  ops.push(...tableOps(schema, layout, rows, data));
  if (schema.fields) {
    ops.push({ op: "columnWidths", sheet: schema.name, from: "A", widths: [...PASSPORT_WIDTHS] });
    ops.push({ op: "print", sheet: schema.name, landscape: false, fitToWidth: true });
  } else {
    ops.push({ op: "freeze", sheet: schema.name, rows: layout.headerRow, columns: 0 });
    ops.push({
      op: "print",
      sheet: schema.name,
      landscape: true,
      fitToWidth: true,
      titleRows: `${layout.headerRow}:${layout.headerRow}`,
    });
  }
  return ops;
}

/** The instruction sheet: how to fill the form, every sheet's columns, every check. */
export function instructionOps(): WriteOp[] {
  const sheet = INSTRUCTION_SHEET;
  const rows: CellValue[][] = [];
  const bold: number[] = [];
  const heads: number[] = [];
  const push = (r: CellValue[], kind?: "bold" | "head") => {
    rows.push(r);
    if (kind === "bold") bold.push(rows.length);
    if (kind === "head") heads.push(rows.length);
  };
  push(["Форма МСОКО общеобразовательной организации: как заполнить"], "bold");
  push([
    "Одна книга — одна школа; данные нескольких лет различаются столбцом «Год». Жёлтые ячейки заполняются, серые вычисляются формулами.",
  ]);
  push(["Фамилии и имена обучающихся в форму не вносятся: на листе «Участники» — только коды участников."]);
  push([
    "Столбцы можно переставлять, над таблицей можно добавить заголовок: форма читается по названиям столбцов. Не переименовывайте листы.",
  ]);
  push([
    "Проверка: панель МСОКО → «Проверка» или команда npx msoko validate файл.xlsx; каждая найденная ошибка указывает лист и ячейку.",
  ]);
  push([]);
  for (const schema of FORM_SHEETS) {
    push([`Лист «${schema.name}»${schema.required ? " (обязательный)" : " (необязательный)"}`], "bold");
    push([schema.purpose]);
    push(["Столбец", "Тип", "Единица", "Обязательный", "Допустимые значения", "Пояснение"], "head");
    const specs: ColumnSpec[] = [...(schema.fields ?? []), ...schema.columns];
    for (const c of specs) {
      push([
        c.header,
        c.formula ? "вычисляется" : typeWord(c.type),
        c.unit ?? "",
        c.required ? "да" : "",
        allowed(c),
        c.help,
      ]);
    }
    if (schema.repeated)
      push([
        `${schema.repeated.header(1)}, ${schema.repeated.header(2)}, …`,
        typeWord(schema.repeated.type),
        "балл",
        "",
        rangeText(schema.repeated).trim(),
        schema.repeated.help,
      ]);
    push([]);
  }
  push(["Проверки формы"], "bold");
  push(["Код правила", "Важность", "", "", "", "Что проверяется"], "head");
  const sev = { error: "ошибка", warning: "предупреждение", info: "сведения" } as const;
  for (const [id, r] of Object.entries(RULES)) push([id, sev[r.severity], "", "", "", r.title]);
  const ops: WriteOp[] = [{ op: "addSheet", name: sheet, tabColor: "#7F7F7F" }];
  ops.push({
    op: "values",
    sheet,
    address: "A1",
    values: rows.map((r) => Array.from({ length: 6 }, (_, i) => r[i] ?? null)),
  });
  const widths = [30, 16, 10, 13, 34, 70];
  ops.push({ op: "columnWidths", sheet, from: "A", widths });
  ops.push({ op: "format", sheet, address: `A1:F${rows.length}`, format: { wrap: true, vAlign: "top" } });
  ops.push({ op: "format", sheet, address: "A1", format: { bold: true, fontSize: 14 } });
  for (const r of bold.slice(1))
    ops.push({ op: "format", sheet, address: `A${r}`, format: { bold: true, fontSize: 12 } });
  rows.forEach((r, i) => {
    // Titles and paragraphs (one cell) run on over the empty cells to their right, not wrap in column A.
    if (r.length <= 1) {
      ops.push({ op: "format", sheet, address: `A${i + 1}`, format: { wrap: false } });
      return;
    }
    // Table rows as tall as their longest wrapped text: Excel and LibreOffice do not grow rows a program writes.
    const lines = Math.max(1, ...r.map((v, c) => (typeof v === "string" ? wrappedLines(v, widths[c]) : 1)));
    if (lines > 1) ops.push({ op: "rowHeight", sheet, row: i + 1, height: rowHeightFor(lines) });
  });
  for (const r of heads)
    ops.push({ op: "format", sheet, address: `A${r}:F${r}`, format: { bold: true, fill: HEADER_FILL, borders: true } });
  ops.push({ op: "print", sheet, landscape: true, fitToWidth: true });
  return ops;
}

function allowed(c: ColumnSpec): string {
  if (c.values) return c.values.join(", ");
  if (c.formula) return "";
  return rangeText(c).trim();
}

/** Every sheet name the template creates, in order (data sheets, then the instruction); `preschool`: a kindergarten's. */
export function templateSheetNames(opts: { preschool?: boolean } = {}): string[] {
  return [...(opts.preschool ? PRESCHOOL_FORM_SHEETS : FORM_SHEETS).map((s) => s.name), INSTRUCTION_SHEET];
}

/**
 * The empty template. `only` limits it to these sheet names (createForm passes the missing
 * ones); addSheet ops come first for every sheet, so each sheet exists before it is written.
 */
export function templateOps(opts: { only?: readonly string[]; preschool?: boolean } = {}): WriteOp[] {
  const wanted = (name: string) => !opts.only || opts.only.includes(name);
  const ops: WriteOp[] = [];
  // A kindergarten's form: its passport already says «детский сад», and only the sheets a ДОО fills.
  const sheets = opts.preschool ? PRESCHOOL_FORM_SHEETS : FORM_SHEETS;
  const fieldValues = opts.preschool ? { type: KINDERGARTEN } : undefined;
  for (const schema of sheets)
    if (wanted(schema.name))
      ops.push(...sheetOps(schema, schema.templateRows, [], undefined, schema.fields ? fieldValues : undefined));
  if (wanted(INSTRUCTION_SHEET)) ops.push(...instructionOps());
  return ops;
}

// ── Filling from the model ────────────────────────────────────────────────────

const serial = (iso: string | undefined): number | null => (iso ? isoDateToSerial(iso) : null);

/** A cycle record as the cells of its row, by column id: the school's «Цикл» and the МОУО's «Цикл МОУО». */
export function cycleCells(c: CycleRecord): Record<string, CellValue> {
  return {
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
    target: c.target?.text ?? null,
  };
}

function rowsFor(schema: SheetSchema, report: SchoolReport): { data: Grid; repeatedCount?: number } {
  const ids = schema.columns.map((c) => c.id);
  const line = (v: Record<string, CellValue>): CellValue[] => ids.map((id) => v[id] ?? null);
  switch (schema.id) {
    case "passport":
      return { data: report.passport.contingent.map((c) => line({ year: c.year, grade: c.grade, pupils: c.pupils })) };
    case "results":
      return {
        data: [
          ...report.results.map((r) =>
            line({
              procedure: r.procedure,
              year: r.year,
              grade: r.grade,
              className: r.className || null,
              subject: r.subject,
              participants: r.participants,
              n5: r.marks?.n5,
              n4: r.marks?.n4,
              n3: r.marks?.n3,
              n2: r.marks?.n2,
              meanScore: r.ege?.meanScore,
              belowMin: r.ege?.belowMin,
              high81: r.ege?.high81,
              score100: r.ege?.score100,
              lowered: r.journal?.lowered,
              confirmed: r.journal?.confirmed,
              raised: r.journal?.raised,
            } as Record<string, CellValue>),
          ),
          ...(report.internal ?? []).map((r) =>
            line({
              procedure: r.procedure,
              year: r.year,
              grade: r.grade,
              className: r.className || null,
              subject: r.subject,
              participants: r.participants,
              n5: r.marks?.n5,
              n4: r.marks?.n4,
              n3: r.marks?.n3,
              n2: r.marks?.n2,
              period: r.period,
            } as Record<string, CellValue>),
          ),
        ],
      };
    case "participants": {
      // A loop, not Math.max(...): a school's rows over several years can pass the engine's limit
      // on call arguments. Each row is made once, task points pushed onto it (a form holds tens of
      // thousands of participants: no spread copies per row, issue 23).
      let n = 0;
      for (const p of report.participants) if (p.taskPoints.length > n) n = p.taskPoints.length;
      return {
        repeatedCount: n,
        data: report.participants.map((p) => {
          const row = line({
            procedure: p.procedure,
            year: p.year,
            grade: p.grade,
            className: p.className || null,
            subject: p.subject,
            code: p.code,
            score: p.score,
            mark: p.mark,
            journalMark: p.journalMark,
            ovz: p.ovz ? "да" : null,
          });
          for (let i = 0; i < n; i++) row.push(p.taskPoints[i] ?? null);
          return row;
        }),
      };
    }
    case "tasks":
      return {
        data: report.tasks.flatMap((s) =>
          s.tasks.map((t) =>
            line({
              procedure: s.procedure,
              year: s.year,
              grade: s.grade,
              subject: s.subject,
              number: t.number,
              level: t.level,
              max: t.max,
              skill: t.skill ?? null,
            }),
          ),
        ),
      };
    case "literacy":
      return {
        data: (report.literacy ?? []).map((r) =>
          line({
            year: r.year,
            grade: r.grade,
            className: r.className || null,
            area: r.area,
            participants: r.participants,
            ...Object.fromEntries(r.levels.map((n, i) => [`level_${i + 1}`, n])),
            ovzCount: r.ovz,
          }),
        ),
      };
    case "preschoolGroups":
      return {
        data: (report.preschoolGroups ?? []).map((g) =>
          line({
            year: g.year,
            group: g.group,
            children: g.children,
            ...Object.fromEntries(
              MKDO_AREAS.map((a) => {
                const level = g.levels[a.id];
                return [a.id, level ? MKDO_LEVELS[level - 1] : null];
              }),
            ),
          }),
        ),
      };
    case "cycle":
      return { data: report.cycle.map((c) => line(cycleCells(c))) };
    case "objectivityMeasures": {
      const yes = (b: boolean | null) => (b === null ? null : b ? "да" : "нет");
      return {
        data: (report.objectivityMeasures ?? []).map((m) =>
          line({
            year: m.year,
            procedure: m.procedure,
            grade: m.grade ?? null,
            subject: m.subject ?? null,
            observers: yes(m.observers),
            video: yes(m.video),
          }),
        ),
      };
    }
    case "recheck":
      return {
        data: (report.rechecks ?? []).map((r) =>
          line({
            year: r.year,
            procedure: r.procedure,
            grade: r.grade,
            subject: r.subject,
            code: r.code,
            schoolMark: r.schoolMark,
            commissionMark: r.commissionMark,
          }),
        ),
      };
    default: {
      const dir = (Object.entries(DIRECTION_SHEETS) as [keyof SchoolReport["directions"], SheetSchema][]).find(
        ([, s]) => s === schema,
      );
      const rows = dir ? (report.directions[dir[0]] ?? []) : [];
      return {
        data: rows.map((r) =>
          line({ ...r.values, year: r.year, ...(schema.labelColumn ? { [schema.labelColumn]: r.label ?? null } : {}) }),
        ),
      };
    }
  }
}

/**
 * A complete filled form from the model: every sheet of the template with the report's data,
 * formulas and formats over the data rows plus `spareRows` empty input rows (default 10).
 */
export function fillForm(report: SchoolReport, opts: { spareRows?: number } = {}): WriteOp[] {
  const spare = opts.spareRows ?? 10;
  const p = report.passport;
  const fieldValues: Record<string, CellValue> = {
    login: p.login,
    name: p.name,
    shortName: p.shortName ?? null,
    type: p.type,
    location: p.location,
    municipality: p.municipality ?? null,
    socialIndex: p.socialIndex ?? null,
  };
  const ops: WriteOp[] = [];
  for (const schema of p.type === KINDERGARTEN ? PRESCHOOL_FORM_SHEETS : FORM_SHEETS) {
    const { data, repeatedCount } = rowsFor(schema, report);
    ops.push(...sheetOps(schema, data.length + spare, data, repeatedCount, schema.fields ? fieldValues : undefined));
  }
  ops.push(...instructionOps());
  return ops;
}

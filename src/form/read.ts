/**
 * Reading the form's sheets into typed rows: finds each sheet (by name or alias), its header
 * (locateColumns) and passport fields, coerces every cell by its column's type, and reports what
 * it met about the layout (missing, renamed, reordered, merged, unknown columns; names of pupils).
 * The rules across rows and sheets (validate.ts) and the model builder (parse.ts) work on this.
 */
import type { Finding } from "../core/model";
import { KINDERGARTEN } from "../core/preschool";
import { editDistance } from "../core/subjects";
import { columnLetters, formatCell, formatRange, parseRange } from "../core/a1";
import type { CellValue } from "../core/values";
import type { SheetRead } from "../host/port";
import { coerceCell, coerceFast, columnName, type TypedValue } from "./cells";
import { finding } from "./rules";
import { FORM_SHEETS, INSTRUCTION_SHEET, PASSPORT } from "./schema/sheets";
import { headerKey, locateColumns, locateFields, type ColumnLocation } from "./schema/locate";
import type { ColumnSpec, SheetSchema } from "./schema/types";

export interface TypedRow {
  /** 0-based row index on the sheet. */
  readonly row: number;
  values: Record<string, TypedValue>;
  /** A1 of each located column's cell in this row. */
  readonly cells: Record<string, string>;
  /** Columns whose cell could not be read (rules skip them). */
  readonly invalid: ReadonlySet<string>;
  /** Points of the numbered columns by n − 1 (null when blank or unreadable); made anew on each read. */
  readonly repeated: (number | null)[];
  readonly repeatedCells: string[];
  /** repeated.length, without making the array. */
  readonly pointCount: number;
  /** repeated[i], without making the array (the validation reads every point of every row). */
  point(i: number): number | null;
}

export interface TableRead {
  schema: SheetSchema;
  /** The sheet's actual name in the workbook. */
  sheet: string;
  location: ColumnLocation;
  rows: TypedRow[];
}

export interface FieldRead {
  value: TypedValue;
  cell: string;
  ok: boolean;
}

export interface FormRead {
  /** Tables by schema id; absent when the sheet is absent or has no header. */
  tables: Map<string, TableRead>;
  /** Passport fields by id; absent when the label was not found. */
  fields: Map<string, FieldRead>;
  /** Actual name of the passport sheet, when present. */
  passportSheet: string | null;
  findings: Finding[];
}

/** Header words of personal data: a column of names has no place in the form. */
const NAME_HEADER =
  /^(?:фио.*|фамилия.*|имя|отчество|имяотчество|ученик|учащийся|обучающийся|фамилияимя.*|фиоучастника|фиообучающегося)$/;

export function isNameHeader(text: string): boolean {
  return NAME_HEADER.test(headerKey(text));
}

/** The workbook sheet that holds `schema`: exact name, then alias, then one letter off. */
export function findSheet(
  sheets: readonly SheetRead[],
  schema: SheetSchema,
): { read: SheetRead; how: "exact" | "alias" } | null {
  const main = headerKey(schema.name);
  const aliases = (schema.aliases ?? []).map(headerKey);
  const exact = sheets.find((s) => headerKey(s.name) === main);
  if (exact) return { read: exact, how: "exact" };
  const alias = sheets.find((s) => aliases.includes(headerKey(s.name)));
  if (alias) return { read: alias, how: "alias" };
  const near = sheets.find((s) => main.length >= 5 && editDistance(headerKey(s.name), main) === 1);
  return near ? { read: near, how: "alias" } : null;
}

function layoutFindings(schema: SheetSchema, sheet: string, loc: ColumnLocation, out: Finding[]): void {
  const headerCell = (col: number) => formatCell({ row: loc.headerRow, col });
  for (const c of schema.columns) {
    const found = loc.columns[c.id];
    if (found && found.how !== "exact") {
      out.push(
        finding(
          "column.renamed",
          sheet,
          headerCell(found.col),
          `Заголовок «${found.header}» распознан как ${columnName(c)}.`,
          `В шаблоне столбец называется ${columnName(c)}.`,
        ),
      );
    }
  }
  if (loc.reordered) {
    out.push(
      finding(
        "column.reordered",
        sheet,
        headerCell(0),
        "Столбцы стоят не в порядке шаблона; они найдены по заголовкам и прочитаны верно.",
        "Порядок столбцов можно не менять.",
      ),
    );
  }
  if (schema !== PASSPORT && loc.firstHeaderRow > 0) {
    out.push(
      finding(
        "header.shifted",
        sheet,
        formatCell({ row: loc.firstHeaderRow, col: 0 }),
        `Строка заголовков найдена в строке ${loc.firstHeaderRow + 1}, а не в первой; данные читаются со строки ${loc.dataStart + 1}.`,
      ),
    );
  }
  for (const m of loc.mergedHeaderCells) {
    const area = parseRange(m);
    out.push(
      finding(
        "header.merged",
        sheet,
        formatCell({ row: area.top, col: area.left }),
        `Ячейки заголовка ${formatRange(area)} объединены; столбцы распознаны, но объединения мешают сортировке, фильтру и вставке строк.`,
        "Снимите объединение («Главная → Объединить и поместить в центре») и оставьте по одному заголовку в каждом столбце.",
      ),
    );
  }
  for (const d of loc.duplicates) {
    const spec = schema.columns.find((c) => c.id === d.id);
    out.push(
      finding(
        "column.duplicate",
        sheet,
        headerCell(d.col),
        `Столбец ${spec ? columnName(spec) : `«${d.header}»`} встречается ещё раз (заголовок «${d.header}»); читается только первый.`,
        "Удалите лишний столбец.",
      ),
    );
  }
  for (const u of loc.unknown) {
    if (isNameHeader(u.header)) {
      out.push(
        finding(
          "privacy.names",
          sheet,
          headerCell(u.col),
          `Столбец «${u.header}» содержит персональные данные. Фамилии и имена в форму не вносятся — только коды участников.`,
          "Удалите столбец целиком (правый щелчок по букве столбца → «Удалить»).",
        ),
      );
    } else {
      out.push(
        finding(
          "column.unknown",
          sheet,
          headerCell(u.col),
          `Столбец «${u.header}» не относится к форме и не читается.`,
        ),
      );
    }
  }
  if (loc.headerRow >= 0) {
    for (const id of loc.missing) {
      const spec = schema.columns.find((c) => c.id === id);
      if (!spec) continue;
      out.push(
        finding(
          "column.missing",
          sheet,
          headerCell(0),
          `На листе нет обязательного столбца ${columnName(spec)}.`,
          `Добавьте столбец с заголовком ${columnName(spec)}: ${spec.help}`,
        ),
      );
    }
  }
}

const NO_INVALID: ReadonlySet<string> = new Set();

/**
 * Where a table's numbered columns are: the column of each n − 1 (−1 when the sheet has none), and
 * the letters for cell addresses. Shared by every row of the table.
 */
interface PointColumns {
  cols: Int32Array;
  letters: string[];
}

/** No numbered columns (most tables). */
const NO_POINTS: PointColumns = { cols: new Int32Array(0), letters: [] };

/**
 * A data row; cell addresses are built only when a rule asks for them (a form may have
 * thousands of participant rows and no finding at all). The points per task stay in the sheet's
 * row (`line`) and are read from it: a copy per participant was most of what reading a form
 * allocated (issue 23). Points that needed coerceCell (text, negative…) are kept in `fixed`.
 */
class Row implements TypedRow {
  values: Record<string, TypedValue>;
  invalid: Set<string> = NO_INVALID as Set<string>;
  /** Points by n − 1 that are not plain numbers of the line: what coerceCell made of them. */
  fixed: Map<number, number | null> | null = null;
  private cellsCache: Record<string, string> | null = null;
  constructor(
    readonly row: number,
    private readonly letters: Record<string, string>,
    private readonly points: PointColumns,
    private readonly line: readonly CellValue[],
    values: Record<string, TypedValue>,
  ) {
    this.values = values;
  }
  get pointCount(): number {
    return this.points.cols.length;
  }
  point(i: number): number | null {
    const col = this.points.cols[i];
    if (col === undefined || col === -1) return null;
    const v = col >= 0 ? this.line[col] : undefined;
    if (typeof v === "number" && v >= 0 && Number.isFinite(v)) return v;
    return this.fixed?.get(i) ?? null;
  }
  get repeated(): (number | null)[] {
    const out = new Array<number | null>(this.points.cols.length);
    for (let i = 0; i < out.length; i++) out[i] = this.point(i);
    return out;
  }
  get cells(): Record<string, string> {
    if (!this.cellsCache) {
      this.cellsCache = {};
      for (const [id, l] of Object.entries(this.letters)) this.cellsCache[id] = `${l}${this.row + 1}`;
    }
    return this.cellsCache;
  }
  get repeatedCells(): string[] {
    return this.points.letters.map((l) => (l ? `${l}${this.row + 1}` : ""));
  }
  markInvalid(id: string): void {
    if (this.invalid === NO_INVALID) this.invalid = new Set();
    this.invalid.add(id);
  }
}

/**
 * The values of a row: an object of a class of its own rather than «{}», so V8 sizes it for the
 * columns the first rows fill (all in the object, none in a separate property store that grows
 * column by column; issue 23). Its fields are the columns' ids, set by readRows.
 */
class Values {}

const isBlank = (v: unknown) =>
  v === null || v === undefined || (typeof v === "string" && (v === "" || v.trim() === ""));

const NO_CELLS: readonly CellValue[] = Object.freeze([]);

/**
 * The loops run over every cell of the table (participants: thousands of rows × tens of task
 * columns), so they index plain arrays of columns instead of iterating objects.
 */
function readRows(
  read: SheetRead,
  schema: SheetSchema,
  loc: ColumnLocation,
  out: Finding[],
  maxText?: number,
): TypedRow[] {
  const rows: TypedRow[] = [];
  const inputs = schema.columns
    .filter((c) => !c.formula && loc.columns[c.id])
    .map((spec) => ({
      spec,
      id: spec.id,
      col: loc.columns[spec.id].col,
      letter: columnLetters(loc.columns[spec.id].col),
    }));
  const letters: Record<string, string> = Object.fromEntries(inputs.map((i) => [i.spec.id, i.letter]));
  const inputCount = inputs.length;
  const inputCols = inputs.map((i) => i.col);
  const inputIds = inputs.map((i) => i.id);
  const inputSpecs = inputs.map((i) => i.spec);
  const repeatedSpec = schema.repeated;
  const maxN = loc.repeated.length ? loc.repeated[loc.repeated.length - 1].n : 0;
  const repeatedLetters = new Array<string>(maxN).fill("");
  for (const p of loc.repeated) repeatedLetters[p.n - 1] = columnLetters(p.col);
  const pointCount = loc.repeated.length;
  const pointCols = loc.repeated.map((p) => p.col);
  const pointIndex = loc.repeated.map((p) => p.n - 1);
  // Each n − 1 read from its column; a number twice in the header (two «З1») is resolved per row
  // into `fixed` as it always was: the last filled one wins (SHARED marks such an n).
  const SHARED = -2;
  const points: PointColumns = maxN ? { cols: new Int32Array(maxN).fill(-1), letters: repeatedLetters } : NO_POINTS;
  for (const p of loc.repeated) points.cols[p.n - 1] = points.cols[p.n - 1] === -1 ? p.col : SHARED;
  const anyShared = points.cols.includes(SHARED);
  const pointSpec: ColumnSpec | null = repeatedSpec
    ? {
        id: repeatedSpec.id,
        header: repeatedSpec.header(1),
        type: repeatedSpec.type,
        min: repeatedSpec.min,
        help: repeatedSpec.help,
        allowAbsent: true,
      }
    : null;
  const grid = read.values;
  // Per input column, the last value coerceFast read and what it gave (coerceFast is pure: a value
  // it read once reads the same again; values it cannot read are never remembered).
  const NOTHING = {};
  const lastIn = new Array<unknown>(inputCount).fill(NOTHING);
  const lastOut = new Array<TypedValue>(inputCount).fill(null);
  for (let r = loc.dataStart; r < grid.length; r++) {
    const line = grid[r] ?? NO_CELLS;
    let empty = true;
    for (let k = 0; k < inputCount; k++)
      if (!isBlank(line[inputCols[k]])) {
        empty = false;
        break;
      }
    if (empty)
      for (let k = 0; k < pointCount; k++)
        if (!isBlank(line[pointCols[k]])) {
          empty = false;
          break;
        }
    if (empty) continue;
    const row = new Row(r, letters, points, line, new Values() as Record<string, TypedValue>);
    const values = row.values;
    for (let k = 0; k < inputCount; k++) {
      const v = line[inputCols[k]];
      // The same cell value as the row above (a work's procedure, year, grade, subject…) reads the same.
      if (v === lastIn[k]) {
        values[inputIds[k]] = lastOut[k];
        continue;
      }
      const fast = coerceFast(v, inputSpecs[k], maxText);
      if (fast !== undefined) {
        values[inputIds[k]] = fast;
        lastIn[k] = v;
        lastOut[k] = fast;
        continue;
      }
      const { value, ok } = coerceCell(v, inputSpecs[k], {
        sheet: read.name,
        cell: `${inputs[k].letter}${r + 1}`,
        findings: out,
        maxText,
      });
      values[inputIds[k]] = value;
      if (!ok) row.markInvalid(inputIds[k]);
    }
    if (pointSpec) {
      for (let k = 0; k < pointCount; k++) {
        const v = line[pointCols[k]];
        if (typeof v === "number") {
          if (v >= 0 && Number.isFinite(v)) {
            if (anyShared && points.cols[pointIndex[k]] === SHARED) (row.fixed ??= new Map()).set(pointIndex[k], v);
            continue;
          }
        } else if (isBlank(v)) {
          continue;
        }
        const i = pointIndex[k];
        const p = loc.repeated[k];
        const spec = { ...pointSpec, header: p.header };
        const { value } = coerceCell(v, spec, {
          sheet: read.name,
          cell: `${repeatedLetters[i]}${r + 1}`,
          findings: out,
          maxText,
        });
        (row.fixed ??= new Map()).set(i, typeof value === "number" ? value : null);
      }
    }
    rows.push(row);
  }
  return rows;
}

/**
 * One table sheet read on its own by its schema (a sheet that is not part of the school form,
 * e.g. the education authority's «Цикл МОУО»): layout findings and typed rows, null without a header.
 */
export function readTable(read: SheetRead, schema: SheetSchema, findings: Finding[]): TableRead | null {
  const location = locateColumns(read.values, schema, { merges: read.merges, maxScanRows: 30 });
  if (location.headerRow < 0) return null;
  layoutFindings(schema, read.name, location, findings);
  return { schema, sheet: read.name, location, rows: readRows(read, schema, location, findings) };
}

/** The passport names a kindergarten (type «детский сад»), read from the already read fields. */
export function isKindergarten(fields: ReadonlyMap<string, FieldRead>): boolean {
  return fields.get("type")?.value === KINDERGARTEN;
}

/** Reads every sheet of the form that the workbook has. Never changes anything. */
/** `opts.maxText`: longest text kept in a cell (the profile's «limits.textLength»). */
export function readForm(sheets: readonly SheetRead[], opts: { maxText?: number } = {}): FormRead {
  const { maxText } = opts;
  const findings: Finding[] = [];
  const tables = new Map<string, TableRead>();
  const fields = new Map<string, FieldRead>();
  let passportSheet: string | null = null;

  for (const schema of FORM_SHEETS) {
    const found = findSheet(sheets, schema);
    // A kindergarten has no results of procedures: its form is the passport and «Группы МКДО».
    const required = schema.required && !(schema.id === "results" && isKindergarten(fields));
    if (!found) {
      if (required) {
        findings.push(
          finding(
            "sheet.missing",
            schema.name,
            "",
            `В книге нет листа «${schema.name}».`,
            `Создайте форму заново («Создать форму» или msoko template) и перенесите данные; лист должен называться «${schema.name}».`,
          ),
        );
      }
      continue;
    }
    const { read } = found;
    if (found.how === "alias") {
      findings.push(
        finding(
          "sheet.renamed",
          read.name,
          "",
          `Лист «${read.name}» прочитан как «${schema.name}».`,
          `В шаблоне лист называется «${schema.name}».`,
        ),
      );
    }
    let startRow = 0;
    if (schema.fields) {
      passportSheet = read.name;
      const located = locateFields(read.values, schema.fields);
      for (const f of schema.fields) {
        const lf = located[f.id];
        if (!lf) {
          if (f.required)
            findings.push(
              finding(
                "field.missing",
                read.name,
                "",
                `В паспорте нет строки «${f.header}».`,
                `Добавьте строку: в столбце A — «${f.header}», в столбце B — значение. ${f.help}`,
              ),
            );
          continue;
        }
        startRow = Math.max(startRow, lf.row + 1);
        const pos = parseRange(lf.valueCell);
        const { value, ok } = coerceCell(read.values[pos.top]?.[pos.left], f, {
          sheet: read.name,
          cell: lf.valueCell,
          findings,
          maxText,
        });
        fields.set(f.id, { value, cell: lf.valueCell, ok });
      }
    }
    // The passport's table usually sits below the fields, but may stand beside them: scan from the top.
    const location = locateColumns(read.values, schema, { merges: read.merges, maxScanRows: startRow + 30 });
    if (location.headerRow < 0) {
      if (required || read.values.some((r) => r?.some((v) => v !== null && v !== undefined && v !== ""))) {
        const names = schema.columns
          .filter((c) => c.required)
          .map(columnName)
          .join(", ");
        findings.push(
          finding(
            "header.notFound",
            read.name,
            formatCell({ row: startRow, col: 0 }),
            `На листе не найдена строка заголовков${schema.fields ? ` таблицы «${schema.tableTitle}»` : ""}: нет столбцов ${names}.`,
            "Скопируйте строку заголовков из шаблона (msoko template) над данными.",
          ),
        );
      }
      continue;
    }
    layoutFindings(schema, read.name, location, findings);
    const rows = readRows(read, schema, location, findings, maxText);
    tables.set(schema.id, { schema, sheet: read.name, location, rows });
  }

  // Names of pupils may hide on any sheet that is not the form's own (e.g. a pasted class list).
  const known = new Set([...tables.values()].map((t) => t.sheet).concat(passportSheet ?? [], INSTRUCTION_SHEET));
  for (const s of sheets) {
    if (known.has(s.name)) continue;
    const header = (s.values.slice(0, 10).find((r) => r?.some((v) => typeof v === "string" && isNameHeader(v))) ??
      []) as unknown[];
    const col = header.findIndex((v) => typeof v === "string" && isNameHeader(v));
    if (col >= 0) {
      const row = s.values.indexOf(header as never);
      findings.push(
        finding(
          "privacy.names",
          s.name,
          formatCell({ row, col }),
          `На листе «${s.name}» есть столбец «${String(header[col])}» с фамилиями или именами. Персональные данные обучающихся в форму не вносятся.`,
          "Удалите лист или столбец перед отправкой формы.",
        ),
      );
    }
  }

  const hasData =
    [...tables.values()].some((t) => t.rows.length > 0) || [...fields.values()].some((f) => f.value !== null);
  if (!hasData) {
    // Names of pupils are reported even in an otherwise empty book.
    const privacy = findings.filter((f) => f.rule === "privacy.names");
    findings.length = 0;
    findings.push(...privacy);
    findings.push(
      finding(
        "form.empty",
        "",
        "",
        "Форма пуста: ни на одном листе нет данных.",
        "Заполните «Паспорт ОО» и «Результаты» (шаблон: «Создать форму» или msoko template).",
      ),
    );
  }
  return { tables, fields, passportSheet, findings };
}

/**
 * The table the analysis functions read: an Excel range (header row included) in the layout of
 * the form's «Результаты» sheet (one line per procedure × year × grade × class × subject with
 * counts) or «Участники» sheet (one line per participant code, task points З1…Зn), with an extra
 * «Логин ОО» column when the table holds several schools (the summary's consolidated table is
 * such a table), and optional «Тип ОО», «Местность», «Индекс социального контекста» columns
 * for clusters and R4. Columns are found by their headers with the form's locateColumns, so
 * their order does not matter. Without «Логин ОО» the whole table is the school of the call.
 * Without «Тип ОО» / «Местность» every school is a «СОШ» in a «город» (one cluster).
 * The summary's consolidated «Результаты» table also holds municipality and cluster rows: when a
 * «Уровень» column is present, only rows whose level is «ОО» are read.
 */
import { InputError } from "../core/errors";
import { columnLetters } from "../core/a1";
import {
  reportOfPassport,
  type Finding,
  type Location,
  type Municipality,
  type ParticipantRow,
  type Procedure,
  type ResultRow,
  type SchoolReport,
  type SchoolType,
} from "../core/model";
import { canonicalSubject, normaliseKey } from "../core/subjects";
import { countRu, readCell, type CellValue } from "../core/values";
import { RANGE_MEMORY_BYTES } from "./ranges";
import { coerceCell } from "../form/cells";
import {
  locateColumns,
  PARTICIPANTS,
  PASSPORT,
  RESULTS,
  type ColumnLocation,
  type ColumnSpec,
  type SheetSchema,
} from "../form/schema";

const TABLE_ARG = "таблица";

function passportColumn(id: string, required: boolean): ColumnSpec {
  const f = PASSPORT.fields!.find((x) => x.id === id)!;
  return { ...f, required };
}

/** Passport columns a multi-school table may add; «Логин ОО» is required only to tell schools apart. */
const SCHOOL_COLUMNS: ColumnSpec[] = [
  { ...passportColumn("login", false), header: "Логин ОО" },
  passportColumn("type", false),
  passportColumn("location", false),
  passportColumn("socialIndex", false),
];

export const RESULTS_TABLE: SheetSchema = {
  ...RESULTS,
  id: "analysis.results",
  columns: [...SCHOOL_COLUMNS, ...RESULTS.columns.filter((c) => !c.formula)],
};
export const PARTICIPANTS_TABLE: SheetSchema = {
  ...PARTICIPANTS,
  id: "analysis.participants",
  columns: [...SCHOOL_COLUMNS, ...PARTICIPANTS.columns],
};

/** "C5" relative to the range's top-left cell. */
export function cellOfRange(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

function where(row: number, col: number): string {
  return `Аргумент «${TABLE_ARG}», ячейка ${cellOfRange(row, col)} (считая от левого верхнего угла диапазона)`;
}

function found(loc: ColumnLocation): number {
  return Object.keys(loc.columns).length;
}

/** The header must be within the range's first rows (a title row above it is allowed). */
const HEADER_SCAN_ROWS = 3;

export type TableKind = "results" | "participants";

/** Which layout the range has: the one whose required columns are all found, preferring participants (a code column). */
export function locateTable(grid: CellValue[][]): { kind: TableKind; schema: SheetSchema; loc: ColumnLocation } {
  const p = locateColumns(grid, PARTICIPANTS_TABLE, { maxScanRows: HEADER_SCAN_ROWS });
  const r = locateColumns(grid, RESULTS_TABLE, { maxScanRows: HEADER_SCAN_ROWS });
  if (p.headerRow >= 0 && p.missing.length === 0 && p.columns.code)
    return { kind: "participants", schema: PARTICIPANTS_TABLE, loc: p };
  if (r.headerRow >= 0 && r.missing.length === 0) return { kind: "results", schema: RESULTS_TABLE, loc: r };
  const best = found(p) > found(r) ? { loc: p, schema: PARTICIPANTS_TABLE } : { loc: r, schema: RESULTS_TABLE };
  if (best.loc.headerRow < 0) {
    throw new InputError(
      `Аргумент «${TABLE_ARG}»: не найдена строка заголовков. Ожидается диапазон со строкой заголовков листа «Результаты» ` +
        `(Процедура, Год, Класс, Предмет, Участников, «5», «4», «3», «2», …) или «Участники» (…, Код участника, Первичный балл, Отметка, …), ` +
        `для нескольких школ — со столбцом «Логин ОО».`,
    );
  }
  const names = best.loc.missing
    .map((id) => `«${best.schema.columns.find((c) => c.id === id)?.header ?? id}»`)
    .join(", ");
  throw new InputError(
    `Аргумент «${TABLE_ARG}»: в строке заголовков ${best.loc.headerRow + 1} нет обязательных столбцов ${names}.`,
  );
}

interface RowValues {
  [id: string]: string | number | null;
}

function readRow(grid: CellValue[][], r: number, schema: SheetSchema, loc: ColumnLocation): RowValues | null {
  const row = grid[r] ?? [];
  if (row.every((v) => readCell(v).kind === "blank")) return null;
  const out: RowValues = {};
  for (const spec of schema.columns) {
    const c = loc.columns[spec.id];
    if (!c) continue;
    const findings: Finding[] = [];
    const { value, ok } = coerceCell(row[c.col], spec, { sheet: TABLE_ARG, cell: cellOfRange(r, c.col), findings });
    const error = findings.find((f) => f.severity === "error");
    if (!ok || error)
      throw new InputError(
        `${where(r, c.col)}: ${error?.message ?? `значение не подходит для столбца «${spec.header}»`}`,
      );
    out[spec.id] = value;
  }
  return out;
}

function num(v: string | number | null | undefined): number | null {
  return typeof v === "number" ? v : null;
}

function count(v: string | number | null | undefined): number {
  return typeof v === "number" ? v : 0;
}

/** Column of the consolidated table's «Уровень» (Муниципалитет / Кластер / ОО) in the header row, or −1. */
function levelColumn(grid: CellValue[][], headerRow: number): number {
  return (grid[headerRow] ?? []).findIndex((v) => typeof v === "string" && normaliseKey(v) === "уровень");
}

const SCHOOL_LEVEL = normaliseKey("ОО");

/**
 * Bytes the analysis keeps per cell of a data row: the delivered cell (24 B) and the cached
 * analysis's rows, keys and indices (95 B), measured with bench/cases/range-memory.mjs on a
 * 150 000-line results table; rounded up. Blank rows cost only their delivered cells.
 */
export const ANALYSED_BYTES_PER_CELL = 128;

/** Most cells in non-blank rows the analysis reads: what fits in RANGE_MEMORY_BYTES (8 388 608, ≈ 645 000 lines of 13 columns). */
export const MAX_ANALYSED_CELLS = RANGE_MEMORY_BYTES / ANALYSED_BYTES_PER_CELL;

const ROWS = ["строка", "строки", "строк"] as const;
const CELLS = ["ячейка", "ячейки", "ячеек"] as const;
const COLUMNS = ["столбец", "столбца", "столбцов"] as const;

/** Rows from `from` with any non-empty cell: a cheap pass (no parsing) that bounds the analysis's memory before it starts. */
function countDataRows(grid: CellValue[][], from: number): number {
  let n = 0;
  for (let r = from; r < grid.length; r++) {
    const row = grid[r];
    if (!Array.isArray(row)) continue;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (v !== null && v !== undefined && v !== "") {
        n++;
        break;
      }
    }
  }
  return n;
}

/** Refuses a table whose data rows would not fit in memory once analysed (a whole column of blanks is fine). */
function checkAnalysedSize(grid: CellValue[][], from: number): void {
  const width = grid[0]?.length ?? 0;
  const dataRows = countDataRows(grid, from);
  const cells = dataRows * width;
  if (cells <= MAX_ANALYSED_CELLS) return;
  throw new InputError(
    `Аргумент «${TABLE_ARG}»: ${countRu(dataRows, ROWS)} с данными × ${countRu(width, COLUMNS)} = ${countRu(cells, CELLS)} — ` +
      `анализ такой таблицы не поместится в память (предел — ${countRu(MAX_ANALYSED_CELLS, CELLS)}, ≈ 1 ГБ). ` +
      `Разделите таблицу по годам или процедурам, или оставьте в диапазоне только нужные столбцы.`,
  );
}

/** Reads the range into a municipality; `defaultLogin` names the school of a single-school table. */
export function readAnalysisTable(table: unknown, defaultLogin: string): Municipality {
  if (!Array.isArray(table) || !Array.isArray(table[0])) {
    throw new InputError(`Аргумент «${TABLE_ARG}» должен быть диапазоном со строкой заголовков и строками данных.`);
  }
  const grid = table as CellValue[][];
  const { kind, schema, loc } = locateTable(grid);
  checkAnalysedSize(grid, loc.dataStart);
  const schools = new Map<string, SchoolReport>();
  const schoolOf = (v: RowValues, r: number): SchoolReport => {
    const login = typeof v.login === "string" && v.login !== "" ? v.login : loc.columns.login ? "" : defaultLogin;
    if (login === "")
      throw new InputError(
        `${where(r, loc.columns.login.col)}: пустой логин ОО; ожидается логин ФИС ОКО, например sch420123.`,
      );
    let s = schools.get(login);
    if (!s) {
      s = reportOfPassport({ login, name: login, type: "СОШ", location: "город", contingent: [] });
      schools.set(login, s);
    }
    if (typeof v.type === "string") s.passport.type = v.type as SchoolType;
    if (typeof v.location === "string") s.passport.location = v.location as Location;
    if (typeof v.socialIndex === "number") s.passport.socialIndex = v.socialIndex;
    return s;
  };
  const levelCol = levelColumn(grid, loc.headerRow);
  for (let r = loc.dataStart; r < grid.length; r++) {
    if (levelCol >= 0 && normaliseKey(String(grid[r]?.[levelCol] ?? "")) !== SCHOOL_LEVEL) continue;
    const v = readRow(grid, r, schema, loc);
    if (!v) continue;
    const s = schoolOf(v, r);
    const key = {
      procedure: v.procedure as Procedure,
      year: v.year as number,
      grade: v.grade as number,
      className:
        typeof v.className === "string"
          ? v.className
          : v.className === null || v.className === undefined
            ? ""
            : String(v.className),
      subject: canonicalSubject(String(v.subject)) ?? String(v.subject),
      source: "таблица",
      ref: { sheet: TABLE_ARG, cell: cellOfRange(r, 0) },
    };
    if (kind === "participants") {
      const row = grid[r] ?? [];
      const taskPoints = loc.repeated.map((t) => {
        const c = readCell(row[t.col]);
        if (c.kind === "number") return c.value;
        if (c.kind === "blank" || c.kind === "na" || c.kind === "absent") return null;
        throw new InputError(
          `${where(r, t.col)}: балл за задание ${t.n} ${JSON.stringify(row[t.col])} не число; ожидается число баллов или пустая ячейка.`,
        );
      });
      const p: ParticipantRow = {
        ...key,
        code: String(v.code),
        score: num(v.score),
        mark: num(v.mark),
        journalMark: num(v.journalMark),
        taskPoints,
      };
      s.participants.push(p);
    } else {
      const row: ResultRow = { ...key, participants: count(v.participants) };
      if ([v.n5, v.n4, v.n3, v.n2].some((x) => typeof x === "number"))
        row.marks = { n5: count(v.n5), n4: count(v.n4), n3: count(v.n3), n2: count(v.n2) };
      if ([v.lowered, v.confirmed, v.raised].some((x) => typeof x === "number"))
        row.journal = { lowered: count(v.lowered), confirmed: count(v.confirmed), raised: count(v.raised) };
      if (key.procedure === "ЕГЭ" && (typeof v.belowMin === "number" || typeof v.meanScore === "number")) {
        row.ege = {
          meanScore: num(v.meanScore),
          belowMin: count(v.belowMin),
          high81: count(v.high81),
          score100: count(v.score100),
        };
      }
      s.results.push(row);
    }
  }
  return {
    name: "таблица",
    schools: [...schools.values()],
    references: [],
    fiokoMarkers: [],
    riskProfiles: [],
    municipalCycle: [],
  };
}

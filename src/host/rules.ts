/**
 * Excel's own rules that every port enforces the same way, so a batch that works in the preview
 * (memory) or in the CLI (exceljs) also works in Excel: sheet and table names, cell limits, which
 * capability an op needs, and the Russian notice when a client lacks it.
 */
import type { Capabilities, Grid, SheetInfo, WriteOp } from "./port";
import { columnLetters, parseCell, qualify, quoteSheet } from "../core/a1";
import { countRu, type CellValue } from "../core/values";
import { UNICODE_LETTERS, UNICODE_NUMBERS } from "../core/unicode-classes";

// Letters and digits of any script, spelled out: EdgeHTML 18 cannot compile \p{L} (docs/compatibility.md).
const NAME_RE = new RegExp(`^[${UNICODE_LETTERS}_\\\\][${UNICODE_LETTERS}${UNICODE_NUMBERS}_.]*$`, "u");
const UNQUOTED_SHEET_RE = new RegExp(`^[${UNICODE_LETTERS}_][${UNICODE_LETTERS}${UNICODE_NUMBERS}_.]*$`, "u");

/** Excel's longest sheet name. */
export const MAX_SHEET_NAME = 31;
/** Excel's longest cell text. */
export const MAX_CELL_TEXT = 32_767;

const SHEET_FORBIDDEN = /[[\]:*?/\\]/;

/** Russian reason why `name` cannot be a sheet name, or null when Excel accepts it. */
export function sheetNameProblem(name: string): string | null {
  if (typeof name !== "string" || name.trim() === "") return "имя листа не может быть пустым";
  if (name.length > MAX_SHEET_NAME)
    return `имя листа «${name}» длиннее ${MAX_SHEET_NAME} символа (в нём ${name.length})`;
  if (SHEET_FORBIDDEN.test(name)) return `имя листа «${name}» содержит недопустимый символ (нельзя : \\ / ? * [ ])`;
  if (name.startsWith("'") || name.endsWith("'"))
    return `имя листа «${name}» не может начинаться или заканчиваться апострофом`;
  if (name.toLowerCase() === "history") return `имя листа «${name}» зарезервировано Excel`;
  return null;
}

/** Excel compares sheet (and table) names without regard to case, Cyrillic included. */
export function sameName(a: string, b: string): boolean {
  // The same text first: a write batch names its sheet in thousands of ops (issue 23).
  return a === b || a.toLocaleUpperCase("ru") === b.toLocaleUpperCase("ru");
}

/**
 * Russian reason why `name` cannot be an Excel table name, or null. Excel's rules: starts with a
 * letter, "_" or "\", then letters, digits, "." and "_"; no spaces; ≤ 255 characters; not a cell
 * reference (A1, R1C1) and not the single letters C or R.
 */
export function tableNameProblem(name: string): string | null {
  if (typeof name !== "string" || name === "") return "имя таблицы не может быть пустым";
  if (name.length > 255) return `имя таблицы «${name.slice(0, 40)}…» длиннее 255 символов`;
  if (!NAME_RE.test(name)) {
    return `имя таблицы «${name}» недопустимо: оно должно начинаться с буквы или «_» и состоять из букв, цифр, «_» и «.» без пробелов`;
  }
  if (/^[A-Za-z]{1,3}\d+$/.test(name) || /^(?:R\d*C\d*|R\d+|C\d+)$/i.test(name) || /^[CcRr]$/.test(name)) {
    return `имя таблицы «${name}» недопустимо: оно совпадает со ссылкой на ячейку`;
  }
  return null;
}

/** Text that Excel would turn into a formula (or a DDE payload) if typed into a cell. */
export function looksLikeFormula(s: string): boolean {
  return /^[=+\-@\t\r]/.test(s);
}

/** Which capability an op needs; undefined when every client can do it. */
export function capabilityOf(op: WriteOp): keyof Capabilities | undefined {
  switch (op.op) {
    case "table":
      return "tables";
    case "validationList":
    case "validationNumber":
      return "dataValidation";
    case "conditionalFormat":
      return "conditionalFormatting";
    case "chart":
      return "charts";
    case "freeze":
      return "freezePanes";
    case "print":
      return "pageLayout";
    default:
      return undefined;
  }
}

const CAPABILITY_RU: Record<keyof Capabilities, string> = {
  tables: "таблицы Excel (умные таблицы)",
  conditionalFormatting: "условное форматирование",
  dataValidation: "проверку данных (списки и ограничения ввода)",
  charts: "диаграммы",
  freezePanes: "закрепление областей",
  mergedAreas: "чтение объединённых ячеек",
  pageLayout: "параметры печати",
};

export const ACTIONS = ["действие", "действия", "действий"] as const;

/** Who lacks a capability, as the notice's subject. */
export const EXCEL_LACKS = "Эта версия Excel не поддерживает";

/** "Эта версия Excel не поддерживает условное форматирование: пропущено 3 действия на листе «Свод»." */
export function unsupportedNotice(
  cap: keyof Capabilities,
  sheets: string[],
  count: number,
  lacks: string = EXCEL_LACKS,
): string {
  const where = sheets.length
    ? ` на ${sheets.length === 1 ? "листе" : "листах"} ${sheets.map((s) => `«${s}»`).join(", ")}`
    : "";
  return `${lacks} ${CAPABILITY_RU[cap]}: пропущено ${countRu(count, ACTIONS)}${where}. Остальное записано.`;
}

/**
 * Splits a batch into ops the client can run and Russian notices for the rest (one notice per
 * missing capability, naming the sheets).
 */
export function filterByCapabilities(
  ops: readonly WriteOp[],
  caps: Capabilities,
  lacks: string = EXCEL_LACKS,
): { ops: WriteOp[]; notices: string[] } {
  const kept: WriteOp[] = [];
  const skipped = new Map<keyof Capabilities, { sheets: Set<string>; count: number }>();
  for (const op of ops) {
    const cap = capabilityOf(op);
    if (cap && !caps[cap]) {
      const s = skipped.get(cap) ?? { sheets: new Set<string>(), count: 0 };
      if ("sheet" in op) s.sheets.add(op.sheet);
      s.count++;
      skipped.set(cap, s);
    } else kept.push(op);
  }
  const notices = [...skipped].map(([cap, s]) => unsupportedNotice(cap, [...s.sheets], s.count, lacks));
  return { ops: kept, notices };
}

/** Every capability present: the memory and exceljs ports (except charts in exceljs). */
export const ALL_CAPABILITIES: Capabilities = Object.freeze({
  tables: true,
  conditionalFormatting: true,
  dataValidation: true,
  charts: true,
  freezePanes: true,
  mergedAreas: true,
  pageLayout: true,
});

/**
 * A rectangular copy of a grid (short rows padded with null = blank), checked cell by cell:
 * numbers must be finite, text ≤ 32 767 characters, objects are refused. `where(r, c)` names the
 * cell for the message.
 */
/** NaN and ±Infinity in Russian words: «Infinity» or «NaN» in a message means nothing to a methodist. */
export function nonFiniteRu(v: number): string {
  if (Number.isNaN(v)) return "«не число»";
  return v > 0 ? "бесконечность" : "минус бесконечность";
}

/** A cell named for messages: 'Лист'!B6, followed by the book's file name when it has one. */
export function cellInBook(fileName: string, qualified: string): string {
  return fileName ? `${qualified} книги «${fileName}»` : qualified;
}

export function normalizeGrid(grid: Grid, where: (r: number, c: number) => string): CellValue[][] {
  const width = checkGrid(grid, where);
  return grid.map((row) => {
    const out: CellValue[] = new Array(width);
    for (let c = 0; c < width; c++) {
      const v = c < row.length ? row[c] : null;
      out[c] = v === undefined ? null : v;
    }
    return out;
  });
}

/**
 * The checks of normalizeGrid without the copy (same errors, same order); returns the grid's width.
 * checkCells runs them over a whole batch before any op is applied (issue 23: the copy was garbage).
 */
export function checkGrid(grid: Grid, where: (r: number, c: number) => string): number {
  if (!Array.isArray(grid) || grid.length === 0)
    throw new Error(`Нет данных для записи в ${where(0, 0)}: ожидается непустой двумерный массив.`);
  let width = 0;
  for (const row of grid) {
    if (!Array.isArray(row)) throw new Error(`Данные для ${where(0, 0)} не двумерный массив (строка — не массив).`);
    width = Math.max(width, row.length);
  }
  if (width === 0) throw new Error(`Нет данных для записи в ${where(0, 0)}: все строки пустые.`);
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r];
    // Cells past a short row's end read as blank.
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (v === undefined || v === null || typeof v === "boolean") continue;
      if (typeof v === "number") {
        if (!Number.isFinite(v))
          throw new Error(
            `В ячейку ${where(r, c)} нельзя записать ${nonFiniteRu(v)}: ожидается конечное число. Обычно это результат деления на ноль или вычисления с пустыми данными.`,
          );
      } else if (typeof v === "string") {
        if (v.length > MAX_CELL_TEXT)
          throw new Error(`Текст для ячейки ${where(r, c)} длиннее ${MAX_CELL_TEXT} символов (предел Excel).`);
      } else
        throw new Error(
          `В ячейку ${where(r, c)} нельзя записать объект: ожидается число, текст, логическое значение или пусто.`,
        );
    }
  }
  return width;
}

/**
 * Russian reason why these items cannot form an in-cell drop-down list, or null. Excel keeps such
 * a list as one comma-separated text of at most 255 characters, so an item cannot hold a comma.
 */
export function listSourceProblem(list: readonly string[]): string | null {
  if (list.length === 0) return "список значений пуст";
  const withComma = list.find((x) => String(x).includes(","));
  if (withComma !== undefined) return `значение списка «${withComma}» содержит запятую, а Excel разделяет ею значения`;
  const text = list.join(",");
  if (text.length > 255) return `список значений длиннее 255 символов (в нём ${text.length}) — предел Excel`;
  return null;
}

/**
 * What Excel stores when a non-formula string goes through `formulas`: numbers written in en-US
 * notation become numbers, TRUE/FALSE booleans, anything else stays text.
 */
export function constantFromFormulaText(s: string): string | number | boolean | null {
  if (s === "") return null;
  if (/^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(s.trim())) return Number(s);
  if (/^true$/i.test(s)) return true;
  if (/^false$/i.test(s)) return false;
  return s;
}

/** A formula cell value: "=…" with something after the sign. */
export function isFormulaText(v: unknown): v is string {
  return typeof v === "string" && v.length > 1 && v.startsWith("=");
}

export interface SheetState {
  name: string;
  visibility: SheetInfo["visibility"];
}

/**
 * Checks a whole batch against Excel's sheet-level rules (names, existence, the last visible
 * sheet, unique table names, list sources) before any op runs, so every port fails the same
 * way, with a Russian message, and a failing batch changes nothing at the sheet level.
 */
export function checkBatch(ops: readonly WriteOp[], sheets: SheetState[], tables: string[]): void {
  const state = sheets.map((s) => ({ ...s }));
  const tableNames = [...tables];
  const find = (n: string) => state.find((s) => sameName(s.name, n));
  const need = (n: string) => {
    const s = find(n);
    if (!s) throw new Error(`Лист «${n}» не найден в книге.`);
    return s;
  };
  for (const op of ops) {
    switch (op.op) {
      case "addSheet": {
        const p = sheetNameProblem(op.name);
        if (p) throw new Error(`Нельзя создать лист: ${p}.`);
        if (find(op.name))
          throw new Error(
            `Нельзя создать лист «${op.name}»: лист с таким именем уже есть (регистр букв не различается).`,
          );
        state.push({ name: op.name, visibility: "visible" });
        break;
      }
      case "deleteSheet": {
        const s = need(op.name);
        if (!state.some((x) => x !== s && x.visibility === "visible"))
          throw new Error(`Нельзя удалить лист «${s.name}»: в книге должен остаться хотя бы один видимый лист.`);
        state.splice(state.indexOf(s), 1);
        break;
      }
      case "renameSheet": {
        const s = need(op.from);
        const p = sheetNameProblem(op.to);
        if (p) throw new Error(`Нельзя переименовать лист «${s.name}»: ${p}.`);
        const other = find(op.to);
        if (other && other !== s)
          throw new Error(`Нельзя переименовать лист «${s.name}» в «${op.to}»: лист с таким именем уже есть.`);
        s.name = op.to;
        break;
      }
      case "sheetVisibility": {
        const s = need(op.name);
        if (op.visibility !== "visible" && !state.some((x) => x !== s && x.visibility === "visible")) {
          throw new Error(`Нельзя скрыть лист «${s.name}»: в книге должен остаться хотя бы один видимый лист.`);
        }
        s.visibility = op.visibility;
        break;
      }
      case "table": {
        need(op.sheet);
        const p = tableNameProblem(op.name);
        if (p) throw new Error(`Нельзя создать таблицу на листе «${op.sheet}»: ${p}.`);
        if (tableNames.some((t) => sameName(t, op.name)))
          throw new Error(`Нельзя создать таблицу «${op.name}»: таблица с таким именем уже есть в книге.`);
        tableNames.push(op.name);
        break;
      }
      case "validationList": {
        need(op.sheet);
        const p = listSourceProblem(op.list);
        if (p) throw new Error(`Нельзя задать список проверки данных для ${qualify(op.sheet, op.address)}: ${p}.`);
        break;
      }
      default:
        need(op.sheet);
    }
  }
}

/**
 * A formula with references to sheet `from` re-pointed at `to`, as Excel rewrites formulas when a
 * sheet is renamed ('Старое имя'!A1 → 'Новое'!A1). Text in double quotes is left alone.
 */
export function renameInFormula(formula: string, from: string, to: string): string {
  // Most formulas never mention the sheet: a plain substring test (case-insensitive, as Excel
  // compares names) skips them before any regex. Every spelling of the name — bare, quoted,
  // with doubled apostrophes — contains its text up to the first apostrophe.
  if (!formula.includes("!")) return formula;
  const key = from.split("'")[0].toLowerCase();
  if (!formula.toLowerCase().includes(key)) return formula;
  const res = renamePatterns(from);
  const parts = formula.split(/("(?:[^"]|"")*")/);
  return parts
    .map((part, i) => {
      if (i % 2 === 1) return part;
      let out = part;
      for (const re of res) out = out.replace(re, (_m, pre: string) => `${pre}${quoteSheet(to)}!`);
      return out;
    })
    .join("");
}

/** Compiled patterns per sheet name: a rename rewrites thousands of formulas with the same ones. */
const patternCache = new Map<string, RegExp[]>();

function renamePatterns(from: string): RegExp[] {
  const cached = patternCache.get(from);
  if (cached) return cached;
  const variants = new Set([quoteSheet(from), `'${from.replace(/'/g, "''")}'`]);
  // Excel also accepts names of letters, digits, "_" and "." without quotes (=Данные!A1).
  if (UNQUOTED_SHEET_RE.test(from)) variants.add(from);
  const res = [...variants].map(
    (v) => new RegExp(`(^|[^A-Za-z0-9_.'${UNICODE_LETTERS}])${v.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}!`, "giu"),
  );
  if (patternCache.size > 256) patternCache.clear();
  patternCache.set(from, res);
  return res;
}

/** Validates the cell data of a batch without applying it (grids, numbers, text length); messages name `fileName` when given. */
export function checkCells(ops: readonly WriteOp[], fileName = ""): void {
  for (const op of ops) {
    if (op.op === "values" || op.op === "formulas") {
      const start = parseCell(op.address.split(":")[0]);
      checkGrid(op.op === "values" ? op.values : op.formulas, (r, c) =>
        cellInBook(fileName, qualify(op.sheet, `${columnLetters(start.col + c)}${start.row + r + 1}`)),
      );
    }
  }
}

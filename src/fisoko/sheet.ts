/**
 * One sheet of an export under parsing: the grid with merged areas filled in (a merged header
 * «Распределение групп баллов в %» over four columns must label all four), A1 addresses for
 * messages, and a collector of findings that always name the file, the sheet and the cell.
 * Parsers never throw on bad input: they record an error and the import drops the whole file.
 */
import type { Finding } from "../core/model";
import type { CellValue } from "../core/values";
import { quoteValue, readCell } from "../core/values";
import { formatCell, parseRange } from "../core/a1";
import type { SheetRead } from "../host/port";
import { cellText } from "./text";

export class SheetScan {
  readonly grid: CellValue[][];
  readonly findings: Finding[] = [];
  readonly width: number;

  constructor(
    readonly file: string,
    readonly sheet: string,
    read: Pick<SheetRead, "values" | "merges">,
  ) {
    this.grid = fillMerges(read.values, read.merges);
    this.width = this.grid.reduce((w, row) => Math.max(w, row.length), 0);
  }

  get height(): number {
    return this.grid.length;
  }

  value(r: number, c: number): CellValue {
    return this.grid[r]?.[c] ?? null;
  }

  text(r: number, c: number): string {
    return cellText(this.value(r, c));
  }

  /** Texts of a row, "" where blank. */
  rowTexts(r: number): string[] {
    const out: string[] = [];
    for (let c = 0; c < this.width; c++) out.push(this.text(r, c));
    return out;
  }

  rowIsBlank(r: number): boolean {
    const row = this.grid[r];
    return !row || row.every((v) => cellText(v) === "");
  }

  address(r: number, c: number): string {
    return formatCell({ row: r, col: c });
  }

  /** «Файл «a.xlsx», лист «Лист1», ячейка B9» — the prefix of every message about a cell. */
  where(r: number | null, c: number | null): string {
    const base = `Файл «${this.file}», лист «${this.sheet}»`;
    return r === null ? base : `${base}, ячейка ${this.address(r, c ?? 0)}`;
  }

  error(rule: string, r: number | null, c: number | null, message: string, hint?: string): void {
    this.push("error", rule, r, c, message, hint);
  }

  warning(rule: string, r: number | null, c: number | null, message: string): void {
    this.push("warning", rule, r, c, message);
  }

  info(rule: string, r: number | null, c: number | null, message: string): void {
    this.push("info", rule, r, c, message);
  }

  hasErrors(): boolean {
    return this.findings.some((f) => f.severity === "error");
  }

  private push(
    severity: Finding["severity"],
    rule: string,
    r: number | null,
    c: number | null,
    message: string,
    hint?: string,
  ): void {
    this.findings.push({
      severity,
      rule,
      sheet: this.sheet,
      cell: r === null ? "" : this.address(r, c ?? 0),
      message: `${this.where(r, c)}: ${message}`,
      file: this.file,
      ...(hint ? { hint } : {}),
    });
  }

  /**
   * Reads a number; records an error naming `what` and the expected kind when the cell is blank
   * (and required), text, or out of range. Percent signs and comma decimals are accepted.
   */
  number(
    r: number,
    c: number,
    what: string,
    opts: { integer?: boolean; min?: number; max?: number; blankOk?: boolean } = {},
  ): number | null {
    const v = this.value(r, c);
    const cell = readCell(v);
    const expected = expectation(opts);
    if (cell.kind === "blank") {
      if (!opts.blankOk)
        this.error("fisoko.blank", r, c, `нет значения (${what}); ожидается ${expected}. Возможно, выгрузка оборвана.`);
      return null;
    }
    if (cell.kind !== "number") {
      this.error("fisoko.number", r, c, `${what}: найдено ${quoteValue(v)}, ожидается ${expected}.`);
      return null;
    }
    const n = cell.value;
    if (
      (opts.integer && !Number.isInteger(n)) ||
      (opts.min !== undefined && n < opts.min) ||
      (opts.max !== undefined && n > opts.max)
    ) {
      this.error("fisoko.number", r, c, `${what}: найдено ${quoteValue(v)}, ожидается ${expected}.`);
      return null;
    }
    return n;
  }
}

function expectation(opts: { integer?: boolean; min?: number; max?: number }): string {
  const kind = opts.integer ? "целое число" : "число";
  if (opts.min !== undefined && opts.max !== undefined) return `${kind} от ${opts.min} до ${opts.max}`;
  if (opts.min !== undefined) return `${kind} не меньше ${opts.min}`;
  return kind;
}

/** Copies each merged area's top-left value into all its cells (a new grid; the input is kept). */
export function fillMerges(values: CellValue[][], merges: readonly string[]): CellValue[][] {
  const grid = values.map((row) => row.slice());
  for (const m of merges) {
    let area;
    try {
      area = parseRange(m);
    } catch {
      continue;
    }
    const v = grid[area.top]?.[area.left] ?? null;
    for (let r = area.top; r <= area.bottom; r++) {
      while (grid.length <= r) grid.push([]);
      for (let c = area.left; c <= area.right; c++) {
        if (r === area.top && c === area.left) continue;
        grid[r][c] = v;
      }
    }
  }
  return grid;
}

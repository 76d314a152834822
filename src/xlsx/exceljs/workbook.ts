/**
 * The workbook port over an exceljs Workbook, so the CLI writes forms and summaries with the
 * very WriteBatch objects the pane sends to Excel, as plain .xlsx that other spreadsheet programs
 * open (a file with every op was checked in LibreOffice). Excel's rules are enforced the same way
 * as in memory.ts (src/host/rules.ts).
 * exceljs cannot create charts: chart ops are recorded here and added as DrawingML parts to the
 * package exceljs writes (chart-xml.ts, chart-parts.ts), with the sheet names resolved when saving.
 */
import { writeFile } from "node:fs/promises";
import { basename } from "node:path";
import ExcelJS from "exceljs";
import type { CellValue } from "../../core/values";
import {
  MAX_ROWS,
  columnIndex,
  columnLetters,
  formatCell,
  formatRange,
  intersects,
  parseCell,
  parseQualified,
  parseRange,
  qualify,
  type RangePos,
} from "../../core/a1";
import type {
  Capabilities,
  CellFormat,
  ConditionalRule,
  Grid,
  SheetInfo,
  SheetRead,
  WorkbookPort,
  WriteBatch,
  WriteOp,
} from "../../host/port";
import {
  ALL_CAPABILITIES,
  checkBatch,
  checkCells,
  constantFromFormulaText,
  filterByCapabilities,
  isFormulaText,
  listSourceProblem,
  cellInBook,
  normalizeGrid,
  renameInFormula,
  sameName,
  sheetNameProblem,
  tableNameProblem,
} from "../../host/rules";
import { loadXlsxBuffer, loadXlsxFile, plainValue, type LoadXlsxOptions, readWorksheet, sheetMerges } from "./read";
import { addChartsToPackage, type SheetCharts } from "./chart-parts";
import { deflatePackage } from "./repack";
import { chartAnchor, chartModel, type RecordedChart } from "./charts";

/** Everything is there: charts are added to the package after exceljs writes it. */
export const XLSX_CAPABILITIES: Capabilities = Object.freeze({ ...ALL_CAPABILITIES });

const XLSX_LACKS = "Файлы .xlsx, которые записывает командная строка, не поддерживают";

function argb(hex: string): string {
  const h = hex.replace(/^#/, "").toUpperCase();
  if (!/^[0-9A-F]{6}$/.test(h)) throw new Error(`Цвет «${hex}» не в формате #RRGGBB.`);
  return `FF${h}`;
}

/** Formulas in conditional formats and validations are stored without "=" in the file. */
function bare(formula: string): string {
  return formula.startsWith("=") ? formula.slice(1) : formula;
}

export class XlsxWorkbook implements WorkbookPort {
  readonly kind = "xlsx" as const;
  private active = "";
  private readonly selections = new Map<number, string>();
  /** Chart ops by sheet object, so a renamed sheet keeps its charts and formulas use the final name. */
  private readonly charts: RecordedChart[] = [];
  /**
   * Style objects shared by the cells this port formatted alike, by what was applied to them.
   * exceljs writes a cell's style by looking its style object up in a WeakMap first, so cells that
   * share one object cost one style lookup instead of rebuilding font, fill and border XML per cell.
   */
  private readonly sharedStyles = new Map<string, Partial<ExcelJS.Style>>();
  private readonly sharedStyleKeys = new WeakMap<object, string>();
  private bookStyles = 0;

  private constructor(
    readonly workbook: ExcelJS.Workbook,
    private name: string,
  ) {
    const first = workbook.worksheets.find((w) => w.state === "visible");
    this.active = first?.name ?? "";
  }

  /** A new empty workbook (no sheets: add them with an addSheet op). */
  static create(fileName = ""): XlsxWorkbook {
    const wb = new ExcelJS.Workbook();
    wb.creator = "МСОКО для Excel";
    wb.created = new Date(0);
    wb.modified = new Date(0);
    return new XlsxWorkbook(wb, fileName);
  }

  /** Opens a file after the safety checks of readXlsxFile (size, zip, DTD). */
  static async load(path: string, opts: LoadXlsxOptions = {}): Promise<XlsxWorkbook> {
    return new XlsxWorkbook(await loadXlsxFile(path, opts), basename(path));
  }

  static async fromBuffer(buf: Uint8Array, fileName: string, opts: LoadXlsxOptions = {}): Promise<XlsxWorkbook> {
    return new XlsxWorkbook(await loadXlsxBuffer(buf, fileName, opts), fileName);
  }

  async save(path: string): Promise<void> {
    await writeFile(path, await this.toBuffer());
    this.name = basename(path);
  }

  async toBuffer(): Promise<Buffer> {
    this.syncViews();
    // Written stored and deflated by deflatePackage: zlib is several times faster than exceljs's pako.
    const out = new Uint8Array(
      (await this.workbook.xlsx.writeBuffer({
        zip: { compression: "STORE" },
      } as ExcelJS.XlsxWriteOptions)) as ArrayBuffer,
    );
    const sheets: SheetCharts[] = this.workbook.worksheets.map((w) => ({
      // exceljs names sheet parts by worksheet id (lib/xlsx/xlsx.js addWorksheets).
      sheetPart: `xl/worksheets/sheet${w.id}.xml`,
      charts: this.charts
        .filter((c) => c.sheet === w && (this.workbook.worksheets as readonly unknown[]).includes(c.source))
        .map((c) => ({ model: chartModel(c), anchor: chartAnchor(w, c.op) })),
    }));
    const packed = deflatePackage(await addChartsToPackage(out, sheets));
    return Buffer.from(packed.buffer, packed.byteOffset, packed.byteLength);
  }

  private find(name: string): ExcelJS.Worksheet | undefined {
    return this.workbook.worksheets.find((w) => sameName(w.name, name));
  }

  private ws(name: string): ExcelJS.Worksheet {
    const w = this.find(name);
    if (!w) throw new Error(`Лист «${name}» не найден в книге.`);
    return w;
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.workbook.worksheets.map((w, position) => ({
      name: w.name,
      position,
      visibility: w.state as SheetInfo["visibility"],
    }));
  }

  async readSheets(names: string[], opts: { formulas?: boolean } = {}): Promise<SheetRead[]> {
    const out: SheetRead[] = [];
    for (const n of names) {
      const w = this.find(n);
      if (w) out.push(readWorksheet(w, this.name, !!opts.formulas));
    }
    return out;
  }

  async readRanges(
    requests: { sheet: string; address: string }[],
    opts: { formulas?: boolean } = {},
  ): Promise<(Grid | null)[]> {
    return requests.map(({ sheet, address }) => {
      const w = this.find(sheet);
      if (!w) return null;
      const r = parseRange(address);
      const grid: Grid = [];
      for (let row = r.top; row <= r.bottom; row++) {
        const line: CellValue[] = [];
        for (let col = r.left; col <= r.right; col++) {
          const cell = w.getRow(row + 1).getCell(col + 1);
          const raw = cell.isMerged && cell.master !== cell ? null : cell.value;
          const isFormula = raw !== null && typeof raw === "object" && ("formula" in raw || "sharedFormula" in raw);
          const v = plainValue(raw);
          line.push(opts.formulas ? (isFormula ? `=${cell.formula}` : (v ?? "")) : v === "" ? null : v);
        }
        grid.push(line);
      }
      return grid;
    });
  }

  async write(batch: WriteBatch): Promise<{ notices: string[] }> {
    const { ops, notices } = filterByCapabilities(batch.ops, XLSX_CAPABILITIES, XLSX_LACKS);
    checkBatch(
      ops,
      this.workbook.worksheets.map((w) => ({ name: w.name, visibility: w.state as SheetInfo["visibility"] })),
      this.workbook.worksheets.flatMap((w) => w.getTables().map(tableName)),
    );
    checkCells(ops, this.name);
    for (const op of ops) await this.applyOp(op);
    return { notices };
  }

  private reorder(order: ExcelJS.Worksheet[]): void {
    order.forEach((w, i) => {
      (w as unknown as { orderNo: number }).orderNo = i + 1;
    });
  }

  private async applyOp(op: WriteOp): Promise<void> {
    switch (op.op) {
      case "addSheet": {
        const problem = sheetNameProblem(op.name);
        if (problem) throw new Error(`Нельзя создать лист: ${problem}.`);
        if (this.find(op.name))
          throw new Error(
            `Нельзя создать лист «${op.name}»: лист с таким именем уже есть (регистр букв не различается).`,
          );
        const before = this.workbook.worksheets;
        const w = this.workbook.addWorksheet(
          op.name,
          op.tabColor ? { properties: { tabColor: { argb: argb(op.tabColor) } } } : undefined,
        );
        if (op.position !== undefined && op.position < before.length) {
          const order = [...before];
          order.splice(Math.max(0, op.position), 0, w);
          this.reorder(order);
        }
        if (!this.active) this.active = w.name;
        return;
      }
      case "deleteSheet": {
        const w = this.ws(op.name);
        if (!this.workbook.worksheets.some((x) => x !== w && x.state === "visible")) {
          throw new Error(`Нельзя удалить лист «${w.name}»: в книге должен остаться хотя бы один видимый лист.`);
        }
        this.workbook.removeWorksheet(w.id);
        if (sameName(this.active, w.name))
          this.active = this.workbook.worksheets.find((x) => x.state === "visible")!.name;
        return;
      }
      case "renameSheet": {
        const w = this.ws(op.from);
        const problem = sheetNameProblem(op.to);
        if (problem) throw new Error(`Нельзя переименовать лист «${w.name}»: ${problem}.`);
        const other = this.find(op.to);
        if (other && other !== w)
          throw new Error(`Нельзя переименовать лист «${w.name}» в «${op.to}»: лист с таким именем уже есть.`);
        if (sameName(this.active, w.name)) this.active = op.to;
        const from = w.name;
        // exceljs refuses a change of case as a duplicate name; Excel allows it.
        if (sameName(from, op.to)) (w as unknown as { _name: string })._name = op.to;
        else w.name = op.to;
        // Excel re-points formulas at the renamed sheet; exceljs does not, so do it here.
        for (const other of this.workbook.worksheets) {
          other.eachRow({ includeEmpty: false }, (row) =>
            row.eachCell({ includeEmpty: false }, (cell) => {
              const v = cell.value;
              if (v && typeof v === "object" && "formula" in v && typeof v.formula === "string") {
                const f = renameInFormula(v.formula, from, op.to);
                // Keep shared-formula metadata so cells sharing this master stay linked.
                if (f !== v.formula) cell.value = { ...v, formula: f } as ExcelJS.CellFormulaValue;
              }
            }),
          );
        }
        return;
      }
      case "sheetVisibility": {
        const w = this.ws(op.name);
        if (op.visibility !== "visible" && !this.workbook.worksheets.some((x) => x !== w && x.state === "visible")) {
          throw new Error(`Нельзя скрыть лист «${w.name}»: в книге должен остаться хотя бы один видимый лист.`);
        }
        w.state = op.visibility;
        if (op.visibility !== "visible" && sameName(this.active, w.name))
          this.active = this.workbook.worksheets.find((x) => x.state === "visible")!.name;
        return;
      }
      case "values":
      case "formulas": {
        const w = this.ws(op.sheet);
        const start = parseCell(op.address.split(":")[0]);
        const grid = normalizeGrid(op.op === "values" ? op.values : op.formulas, (r, c) =>
          cellInBook(this.name, qualify(w.name, formatCell({ row: start.row + r, col: start.col + c }))),
        );
        formatCell({ row: start.row + grid.length - 1, col: start.col + grid[0].length - 1 });
        grid.forEach((line, r) => {
          const row = w.getRow(start.row + r + 1);
          line.forEach((v, c) => {
            const cell = row.getCell(start.col + c + 1);
            if (op.op === "formulas" && isFormulaText(v))
              cell.value = { formula: v.slice(1) } as ExcelJS.CellFormulaValue;
            else if (op.op === "formulas" && typeof v === "string") cell.value = constantFromFormulaText(v);
            // Strings are written as shared strings: exceljs never turns a string into a formula.
            else cell.value = v === "" ? null : (v as ExcelJS.CellValue);
          });
        });
        return;
      }
      case "format":
        this.format(this.ws(op.sheet), parseRange(op.address), op.format);
        return;
      case "merge": {
        const w = this.ws(op.sheet);
        const r = parseRange(op.address);
        if (r.top === r.bottom && r.left === r.right) return;
        const clash = sheetMerges(w).find((m) => intersects(parseRange(m), r));
        if (clash)
          throw new Error(
            `Нельзя объединить ${qualify(w.name, formatRange(r))}: диапазон пересекается с уже объединёнными ячейками ${clash}.`,
          );
        // Excel keeps only the top-left value of a merged area.
        for (let row = r.top; row <= r.bottom; row++) {
          for (let col = r.left; col <= r.right; col++)
            if (row !== r.top || col !== r.left) w.getRow(row + 1).getCell(col + 1).value = null;
        }
        w.mergeCells(r.top + 1, r.left + 1, r.bottom + 1, r.right + 1);
        return;
      }
      case "columnWidths": {
        const w = this.ws(op.sheet);
        const from = columnIndex(op.from);
        op.widths.forEach((width, i) => {
          if (!(width >= 0 && width <= 255))
            throw new Error(
              `Ширина столбца ${columnLetters(from + i)} на листе «${w.name}» должна быть 0…255 символов, а указано ${width}.`,
            );
          w.getColumn(from + i + 1).width = width;
        });
        return;
      }
      case "rowHeight": {
        const w = this.ws(op.sheet);
        if (!Number.isInteger(op.row) || op.row < 1)
          throw new Error(`Номер строки ${op.row} на листе «${w.name}» должен быть целым ≥ 1.`);
        if (!(op.height >= 0 && op.height <= 409))
          throw new Error(
            `Высота строки ${op.row} на листе «${w.name}» должна быть 0…409 пунктов, а указано ${op.height}.`,
          );
        w.getRow(op.row).height = op.height;
        return;
      }
      case "freeze": {
        const w = this.ws(op.sheet);
        // exceljs leaves `views` null for sheets without <sheetViews> (books from other tools).
        const view = w.views?.[0] ?? {};
        w.views =
          op.rows > 0 || op.columns > 0
            ? [
                {
                  ...view,
                  state: "frozen",
                  xSplit: op.columns,
                  ySplit: op.rows,
                  topLeftCell: formatCell({ row: op.rows, col: op.columns }),
                } as ExcelJS.WorksheetView,
              ]
            : [{ ...view, state: "normal" } as ExcelJS.WorksheetView];
        return;
      }
      case "table":
        this.table(this.ws(op.sheet), op);
        return;
      case "validationList": {
        const w = this.ws(op.sheet);
        const problem = listSourceProblem(op.list);
        if (problem)
          throw new Error(`Нельзя задать список проверки данных для ${qualify(w.name, op.address)}: ${problem}.`);
        const items = op.list.map((x) => String(x).replace(/"/g, '""')).join(",");
        this.validate(w, op.address, {
          type: "list",
          allowBlank: true,
          formulae: [`"${items}"`],
          ...this.messages(op.prompt, op.error),
        });
        return;
      }
      case "validationNumber": {
        const w = this.ws(op.sheet);
        if (op.min !== undefined && op.max !== undefined && op.min > op.max) {
          throw new Error(
            `Ограничение ввода для ${qualify(w.name, op.address)}: минимум ${op.min} больше максимума ${op.max}.`,
          );
        }
        const operator =
          op.min !== undefined && op.max !== undefined
            ? "between"
            : op.min !== undefined
              ? "greaterThanOrEqual"
              : op.max !== undefined
                ? "lessThanOrEqual"
                : "between";
        const formulae =
          op.min !== undefined && op.max !== undefined
            ? [op.min, op.max]
            : op.min !== undefined
              ? [op.min]
              : op.max !== undefined
                ? [op.max]
                : [-1e15, 1e15];
        this.validate(w, op.address, {
          type: op.kind,
          operator,
          allowBlank: true,
          formulae,
          ...this.messages(op.prompt, op.error),
        } as ExcelJS.DataValidation);
        return;
      }
      case "conditionalFormat": {
        const w = this.ws(op.sheet);
        w.addConditionalFormatting({
          ref: formatRange(parseRange(op.address)),
          rules: [this.cfRule(op.rule, w.name, op.address)],
        });
        return;
      }
      case "chart": {
        const w = this.ws(op.sheet);
        const q = parseQualified(op.source);
        const source = q.sheet ? this.ws(q.sheet) : w;
        parseCell(op.anchor);
        this.charts.push({ sheet: w, source, range: parseRange(q.address), op });
        return;
      }
      case "print": {
        const w = this.ws(op.sheet);
        const setup: Partial<ExcelJS.PageSetup> = { ...w.pageSetup, paperSize: 9 };
        if (op.landscape !== undefined) setup.orientation = op.landscape ? "landscape" : "portrait";
        if (op.fitToWidth) Object.assign(setup, { fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
        else if (op.scale !== undefined) {
          if (!(Number.isInteger(op.scale) && op.scale >= 10 && op.scale <= 400))
            throw new Error(
              `Масштаб печати листа «${w.name}» должен быть целым от 10 до 400 %, а указано ${op.scale}.`,
            );
          Object.assign(setup, { fitToPage: false, scale: op.scale });
        }
        if (op.titleColumns) {
          const m = /^\$?([A-Z]{1,3})(?::\$?([A-Z]{1,3}))?$/i.exec(op.titleColumns.trim());
          if (!m)
            throw new Error(
              `Сквозные столбцы печати на листе «${w.name}» заданы как «${op.titleColumns}», ожидается вида A:B.`,
            );
          setup.printTitlesColumn = `${m[1].toUpperCase()}:${(m[2] ?? m[1]).toUpperCase()}`;
        }
        for (const row of op.rowBreaks ?? []) {
          if (!Number.isInteger(row) || row < 2)
            throw new Error(
              `Разрыв страницы на листе «${w.name}» перед строкой ${row}: номер строки должен быть целым ≥ 2.`,
            );
          // exceljs puts the break after the row it is called on.
          w.getRow(row - 1).addPageBreak();
        }
        // exceljs writes «$A1:$D16» (rows relative: Excel and LibreOffice resolve them against the
        // cursor and printed the whole sheet); «A$1» makes it write the absolute «$A$1:$D$16».
        if (op.area) setup.printArea = formatRange(parseRange(op.area)).replace(/([A-Z]+)(\d+)/g, "$1$$$2");
        if (op.titleRows) {
          const m = /^\$?(\d+)(?::\$?(\d+))?$/.exec(op.titleRows.trim());
          if (!m)
            throw new Error(
              `Сквозные строки печати на листе «${w.name}» заданы как «${op.titleRows}», ожидается вида 1:3.`,
            );
          setup.printTitlesRow = `${m[1]}:${m[2] ?? m[1]}`;
        }
        w.pageSetup = setup as ExcelJS.PageSetup;
        return;
      }
      case "protect": {
        const w = this.ws(op.sheet);
        await w.protect("", {
          selectLockedCells: true,
          selectUnlockedCells: true,
          formatCells: !!op.allowFormatting,
          formatColumns: !!op.allowFormatting,
          formatRows: !!op.allowFormatting,
        });
        return;
      }
      default: {
        const never: never = op;
        throw new Error(`Неизвестное действие записи: ${JSON.stringify(never)}`);
      }
    }
  }

  private messages(prompt?: string, error?: string): Partial<ExcelJS.DataValidation> {
    return {
      ...(prompt ? { showInputMessage: true, prompt: prompt.slice(0, 255) } : {}),
      ...(error
        ? { showErrorMessage: true, errorStyle: "stop", error: error.slice(0, 225) }
        : { showErrorMessage: true }),
    } as Partial<ExcelJS.DataValidation>;
  }

  /** One validation entry per range: exceljs writes the key as the sqref of the rule. */
  private validate(w: ExcelJS.Worksheet, address: string, dv: ExcelJS.DataValidation): void {
    const r = parseRange(address);
    const key = formatRange(r);
    const model = (w as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation | undefined> } })
      .dataValidations.model;
    model[key] = dv;
  }

  private cfRule(rule: ConditionalRule, sheet: string, address: string): ExcelJS.ConditionalFormattingRule {
    const style: Partial<ExcelJS.Style> = {};
    if (rule.fill)
      style.fill = { type: "pattern", pattern: "solid", bgColor: { argb: argb(rule.fill) } } as ExcelJS.Fill;
    if (rule.fontColor) style.font = { color: { argb: argb(rule.fontColor) } };
    const where = qualify(sheet, address);
    switch (rule.kind) {
      case "cellValue": {
        if (!rule.operator || rule.formula1 === undefined)
          throw new Error(`Правило условного форматирования для ${where}: не задано сравнение (operator и formula1).`);
        const formulae = [bare(rule.formula1)];
        if (rule.operator === "between") {
          if (rule.formula2 === undefined)
            throw new Error(`Правило «между» для ${where}: не задана вторая граница (formula2).`);
          formulae.push(bare(rule.formula2));
        }
        return { type: "cellIs", operator: rule.operator, formulae, style } as ExcelJS.ConditionalFormattingRule;
      }
      case "expression":
        if (rule.formula1 === undefined)
          throw new Error(`Правило условного форматирования для ${where}: не задана формула (formula1).`);
        return { type: "expression", formulae: [bare(rule.formula1)], style } as ExcelJS.ConditionalFormattingRule;
      case "dataBar":
        return {
          type: "dataBar",
          minLength: 0,
          maxLength: 100,
          gradient: true,
          cfvo: [{ type: "min" }, { type: "max" }],
          color: { argb: argb(rule.fill ?? "#638EC6") },
        } as unknown as ExcelJS.ConditionalFormattingRule;
      case "colorScale": {
        const [lo, mid, hi] = rule.colors ?? ["#F8696B", "#FFEB84", "#63BE7B"];
        return {
          type: "colorScale",
          cfvo: [{ type: "min" }, { type: "percentile", value: 50 }, { type: "max" }],
          color: [{ argb: argb(lo) }, { argb: argb(mid) }, { argb: argb(hi) }],
        } as ExcelJS.ConditionalFormattingRule;
      }
    }
  }

  private format(w: ExcelJS.Worksheet, r: RangePos, f: CellFormat): void {
    const apply = (target: {
      numFmt: string;
      font: Partial<ExcelJS.Font>;
      fill: ExcelJS.Fill;
      alignment: Partial<ExcelJS.Alignment>;
      border: Partial<ExcelJS.Borders>;
      protection: Partial<ExcelJS.Protection>;
    }) => {
      if (f.numberFormat !== undefined) target.numFmt = f.numberFormat;
      if (f.bold !== undefined || f.italic !== undefined || f.fontSize !== undefined || f.fontColor !== undefined) {
        // A font without a name falls back to the viewer's default, often a serif.
        const font: Partial<ExcelJS.Font> = target.font ? { ...target.font } : { name: "Calibri", family: 2 };
        if (f.bold !== undefined) font.bold = f.bold;
        if (f.italic !== undefined) font.italic = f.italic;
        if (f.fontSize !== undefined) font.size = f.fontSize;
        if (f.fontColor !== undefined) font.color = { argb: argb(f.fontColor) };
        target.font = font;
      }
      if (f.fill !== undefined) target.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(f.fill) } };
      if (f.wrap !== undefined || f.hAlign !== undefined || f.vAlign !== undefined) {
        const al: Partial<ExcelJS.Alignment> = { ...(target.alignment ?? {}) };
        if (f.wrap !== undefined) al.wrapText = f.wrap;
        if (f.hAlign !== undefined) al.horizontal = f.hAlign;
        if (f.vAlign !== undefined) al.vertical = f.vAlign === "center" ? "middle" : f.vAlign;
        target.alignment = al;
      }
      if (f.borders) {
        const thin = { style: "thin" as const, color: { argb: "FF808080" } };
        target.border = { top: thin, left: thin, bottom: thin, right: thin };
      }
      if (f.locked !== undefined) target.protection = { ...(target.protection ?? {}), locked: f.locked };
    };
    const formatKey = JSON.stringify(f);
    // Within this range: the style a cell had → the style it gets.
    const next = new Map<object, Partial<ExcelJS.Style>>();
    const restyle = (cell: ExcelJS.Cell) => {
      const before = cell.style;
      let after = next.get(before);
      if (!after) {
        const key = `${this.styleKey(before)}\n${formatKey}`;
        after = this.sharedStyles.get(key);
        if (!after) {
          // apply() replaces nested objects (font, alignment…) instead of changing them, so a shallow copy is enough.
          after = { ...before };
          apply(after as Parameters<typeof apply>[0]);
          this.sharedStyles.set(key, after);
          this.sharedStyleKeys.set(after, key);
        }
        next.set(before, after);
      }
      cell.style = after;
    };
    if (r.bottom - r.top + 1 >= MAX_ROWS) {
      // Whole columns: a column style, as Excel stores it, instead of a million cells, and the same
      // format on the cells the column already has. The column's style is replaced, not set through
      // exceljs's setters, which would overwrite each cell's font or fill as a whole.
      for (let col = r.left; col <= r.right; col++) {
        const column = w.getColumn(col + 1) as unknown as { style: Partial<ExcelJS.Style> };
        const style = { ...(column.style ?? {}) };
        apply(style as Parameters<typeof apply>[0]);
        column.style = style;
        w.eachRow((row) => {
          const cell = row.findCell(col + 1);
          if (cell) restyle(cell);
        });
      }
      return;
    }
    for (let row = r.top; row <= r.bottom; row++) {
      const line = w.getRow(row + 1);
      for (let col = r.left; col <= r.right; col++) restyle(line.getCell(col + 1));
    }
  }

  /**
   * What a style object stands for: "" for a fresh cell's empty style, the key it was made under
   * for one of ours, and a key of its own for a style of the loaded book (exceljs gives all cells of
   * one style in the file the same object, so the object is the style). Never changed in place.
   */
  private styleKey(style: Partial<ExcelJS.Style>): string {
    if (Object.keys(style).length === 0) return "";
    let key = this.sharedStyleKeys.get(style);
    if (key === undefined) {
      key = `book ${++this.bookStyles}`;
      this.sharedStyleKeys.set(style, key);
    }
    return key;
  }

  private table(w: ExcelJS.Worksheet, op: Extract<WriteOp, { op: "table" }>): void {
    const problem = tableNameProblem(op.name);
    if (problem) throw new Error(`Нельзя создать таблицу на листе «${w.name}»: ${problem}.`);
    for (const other of this.workbook.worksheets) {
      if (other.getTables().some((t) => sameName(tableName(t), op.name))) {
        throw new Error(
          `Нельзя создать таблицу «${op.name}»: таблица с таким именем уже есть в книге (на листе «${other.name}»).`,
        );
      }
    }
    const r = parseRange(op.address);
    const clash = w.getTables().find((t) => intersects(parseRange(tableRef(t)), r));
    if (clash)
      throw new Error(
        `Нельзя создать таблицу «${op.name}» в ${qualify(w.name, formatRange(r))}: диапазон пересекается с таблицей «${tableName(clash)}».`,
      );
    // exceljs writes the table's header and rows itself: give it what the cells hold now.
    const headers: string[] = [];
    const seen = new Set<string>();
    for (let col = r.left; col <= r.right; col++) {
      const v = plainValue(w.getRow(r.top + 1).getCell(col + 1).value);
      let h = v === null || v === "" ? "" : String(v);
      if (h === "" || seen.has(h.toLocaleUpperCase("ru")))
        h = h === "" ? `Столбец${col - r.left + 1}` : `${h}${col - r.left + 1}`;
      seen.add(h.toLocaleUpperCase("ru"));
      headers.push(h);
    }
    const rows: ExcelJS.CellValue[][] = [];
    for (let row = r.top + 1; row <= r.bottom; row++) {
      const line: ExcelJS.CellValue[] = [];
      for (let col = r.left; col <= r.right; col++) line.push(w.getRow(row + 1).getCell(col + 1).value);
      rows.push(line);
    }
    if (rows.length === 0) rows.push(headers.map(() => null));
    w.addTable({
      name: op.name,
      ref: formatCell({ row: r.top, col: r.left }),
      headerRow: true,
      totalsRow: !!op.totals,
      style: {
        theme: (op.style ?? "TableStyleMedium2") as ExcelJS.TableStyleProperties["theme"],
        showRowStripes: true,
      },
      columns: headers.map((name, i) =>
        op.totals
          ? i === 0
            ? { name, totalsRowLabel: "Итог", filterButton: true }
            : { name, totalsRowFunction: i === headers.length - 1 ? "sum" : "none", filterButton: true }
          : { name, filterButton: true },
      ) as ExcelJS.TableColumnProperties[],
      rows,
    });
  }

  async activate(sheet: string): Promise<void> {
    const w = this.ws(sheet);
    if (w.state !== "visible") throw new Error(`Нельзя перейти на скрытый лист «${w.name}».`);
    this.active = w.name;
  }

  async select(sheet: string, address: string): Promise<void> {
    const w = this.ws(sheet);
    if (w.state !== "visible") throw new Error(`Нельзя выделить ячейки на скрытом листе «${w.name}».`);
    this.selections.set(w.id, formatRange(parseRange(address)));
    this.active = w.name;
  }

  async selection(): Promise<{ sheet: string; address: string }> {
    const w = this.find(this.active);
    return { sheet: w?.name ?? "", address: (w && this.selections.get(w.id)) ?? "A1" };
  }

  async capabilities(): Promise<Capabilities> {
    return { ...XLSX_CAPABILITIES };
  }

  async fileName(): Promise<string> {
    return this.name;
  }

  /** Writes the active sheet and selections into the workbook's views before saving. */
  private syncViews(): void {
    const sheets = this.workbook.worksheets;
    const activeTab = Math.max(
      0,
      sheets.findIndex((w) => sameName(w.name, this.active)),
    );
    this.workbook.views = [
      {
        x: 0,
        y: 0,
        width: 20000,
        height: 12000,
        firstSheet: 0,
        activeTab,
        visibility: "visible",
      } as ExcelJS.WorkbookView,
    ];
    for (const w of sheets) {
      const sel = this.selections.get(w.id);
      // `views` is null, not [], for a sheet without <sheetViews> (minimal books written by other
      // tools): saving such a book crashed with a TypeError (found by the hostile-input tests).
      const view = { ...(w.views?.[0] ?? { state: "normal" }) } as ExcelJS.WorksheetView & {
        activeCell?: string;
        tabSelected?: boolean;
      };
      if (sel) view.activeCell = sel.split(":")[0];
      (view as { tabSelected?: boolean }).tabSelected = sameName(w.name, this.active);
      w.views = [view];
    }
  }
}

function tableName(t: unknown): string {
  const o = t as { name?: string; table?: { name?: string } };
  return o.table?.name ?? o.name ?? "";
}

function tableRef(t: unknown): string {
  const o = t as { table?: { tableRef?: string; ref?: string }; tableRef?: string; ref?: string };
  const ref = o.table?.tableRef ?? o.tableRef ?? o.table?.ref ?? o.ref ?? "A1";
  return ref;
}

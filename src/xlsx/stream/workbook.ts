/**
 * A workbook port that writes a NEW .xlsx sheet by sheet with bounded memory (issue 23): a sheet
 * is filled by one write batch (as writeGeneratedSheets and writeSettings do), and at the end of
 * that batch it is sealed — its XML rendered in chunks and deflated — and its cells dropped. What
 * stays in memory until `save` is the compressed parts, the shared strings, the styles table and a
 * few small things per sheet (name, visibility, print titles, charts' cached series). The exceljs
 * port (src/xlsx/exceljs/workbook.ts) held the whole workbook model plus its XML at save time: a
 * summary of 500 school forms peaked above 3 GB there.
 *
 * Same ops, same Excel rules (src/host/rules.ts), same look: styles compose as in the exceljs port,
 * charts are drawn by the same chart-xml.ts. What it cannot do: change a sealed sheet (cells,
 * formats, tables — a Russian error says so) or open an existing book; `msoko summarize` uses it for
 * a new --out and keeps exceljs to rebuild a summary in place.
 */
import { writeFile } from "node:fs/promises";
import { basename } from "node:path";
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
  quoteSheet,
  type RangePos,
} from "../../core/a1";
import { gridRange } from "../grid-range";
import type { Capabilities, Grid, SheetInfo, SheetRead, WorkbookPort, WriteBatch, WriteOp } from "../../host/port";
import {
  ALL_CAPABILITIES,
  checkBatch,
  checkCells,
  constantFromFormulaText,
  filterByCapabilities,
  isFormulaText,
  listSourceProblem,
  sameName,
  sheetNameProblem,
  tableNameProblem,
} from "../../host/rules";
import { chartAnchor, chartModel } from "../exceljs/charts";
import {
  chartAnchorXml,
  chartXml,
  drawingXml,
  escapeXml,
  type ChartAnchor,
  type ChartModel,
} from "../exceljs/chart-xml";
import { OpenSheet, putFormula, putValue, renderSheet, tableXml, type Primitive } from "./sheet";
import { xmlText } from "./bytes";
import { StyleTable, type BaseStyles } from "./styles";
import { writeZip } from "../zip-write";
import { PackageWriter, outPart, type PackedPart } from "./zip";

/**
 * What a workbook written onto an existing package starts from (src/xlsx/merge): that package's
 * styles and shared strings come first in the new tables, so the sheets kept from it byte for byte
 * still point at the right styles and strings, and new part numbers, sheet and table ids start
 * above every one it uses. Its sheets are not part of this workbook: the merge lays them out.
 */
export interface StreamBase {
  styles: BaseStyles;
  /** The package's shared strings: its `<si>` items as they are, their count, and plain texts → index for reuse. */
  strings: { xml: string; count: number; ids: Map<string, number> };
  /** The first number free for sheet, table and chart parts, sheetId and table id. */
  firstId: number;
  /** Table names the package uses already (a table name is unique in a workbook). */
  tableNames: string[];
}

const STREAM_LACKS = "Файлы .xlsx, которые записывает командная строка, не поддерживают";
/** Rows kept of a sealed sheet for reading back (title, marker, description). */
const KEPT_ROWS = 3;

interface SealedChart {
  model: ChartModel;
  anchor: ChartAnchor;
  /** The sheet name the model's references were made with. */
  madeAs: string;
}

interface SheetEntry {
  /** Workbook-unique id: names the part (sheetN.xml) and sheetId. */
  id: number;
  name: string;
  visibility: SheetInfo["visibility"];
  open?: OpenSheet;
  /** After sealing: the first rows' values, for the marker and settings checks. */
  kept?: CellValue[][];
  sealed?: { part: PackedPart; rels: string; tables: { part: string; name: string }[] };
  charts: SealedChart[];
  printTitles?: { rows?: string; columns?: string };
  printArea?: RangePos;
  /** Formulas of the sealed sheet that reach into other sheets ("!"): a rename must not break them. */
  crossFormulas?: string[];
  deleted?: boolean;
}

export class StreamXlsxWorkbook implements WorkbookPort {
  readonly kind = "xlsx" as const;
  private readonly sheets: SheetEntry[] = [];
  private readonly styles: StyleTable;
  private readonly strings: string[] = [];
  private readonly stringIds = new Map<string, number>();
  private readonly tableNames: string[] = [];
  private readonly parts = new PackageWriter();
  private nextSheetId = 1;
  private nextTableId = 1;
  private active = "";

  constructor(
    private name = "",
    private readonly base?: StreamBase,
  ) {
    this.styles = new StyleTable(base?.styles);
    if (base) {
      this.nextSheetId = this.nextTableId = base.firstId;
      this.tableNames.push(...base.tableNames);
    }
  }

  static create(fileName = "", base?: StreamBase): StreamXlsxWorkbook {
    return new StreamXlsxWorkbook(fileName, base);
  }

  private live(): SheetEntry[] {
    return this.sheets.filter((s) => !s.deleted);
  }

  /** The sheet found last: a batch names one sheet in thousands of ops (issue 23). */
  private lastFound?: SheetEntry;

  private find(name: string): SheetEntry | undefined {
    // Live sheets' names differ even ignoring case, so a live sheet named exactly so is the one.
    const last = this.lastFound;
    if (last && !last.deleted && last.name === name) return last;
    const found = this.live().find((s) => sameName(s.name, name));
    if (found) this.lastFound = found;
    return found;
  }

  private entry(name: string): SheetEntry {
    const s = this.find(name);
    if (!s) throw new Error(`Лист «${name}» не найден в книге.`);
    return s;
  }

  private openSheet(name: string): OpenSheet {
    const s = this.entry(name);
    if (!s.open)
      throw new Error(
        `Лист «${s.name}» уже записан в файл: потоковая запись не меняет готовые листы (внутренняя ошибка надстройки).`,
      );
    return s.open;
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.live().map((s, position) => ({ name: s.name, position, visibility: s.visibility }));
  }

  async readSheets(names: string[]): Promise<SheetRead[]> {
    const out: SheetRead[] = [];
    for (const n of names) {
      const s = this.find(n);
      if (!s) continue;
      if (s.open) out.push({ name: s.name, values: gridOf(s.open), merges: s.open.merges.map(formatRange) });
      else out.push({ name: s.name, values: (s.kept ?? []).map((r) => [...r]), merges: [] });
    }
    return out;
  }

  async readRanges(requests: { sheet: string; address: string }[]): Promise<(Grid | null)[]> {
    const reads = await this.readSheets(requests.map((r) => r.sheet));
    return requests.map(({ sheet, address }) => {
      const read = reads.find((r) => sameName(r.name, sheet));
      if (!read) return null;
      return gridRange(read.values, parseRange(address));
    });
  }

  async write(batch: WriteBatch): Promise<{ notices: string[] }> {
    const { ops, notices } = filterByCapabilities(batch.ops, ALL_CAPABILITIES as Capabilities, STREAM_LACKS);
    checkBatch(
      ops,
      this.live().map((s) => ({ name: s.name, visibility: s.visibility })),
      this.tableNames,
    );
    checkCells(ops);
    const touched = new Set<SheetEntry>();
    for (const op of ops) {
      this.apply(op);
      const name = "sheet" in op ? op.sheet : op.op === "addSheet" ? op.name : undefined;
      const s = name === undefined ? undefined : this.find(name);
      if (s?.open) touched.add(s);
    }
    // The batch filled its sheets: write them out and let their cells go.
    for (const s of touched) if (!s.deleted && s.open) await this.seal(s);
    return { notices };
  }

  private apply(op: WriteOp): void {
    switch (op.op) {
      case "addSheet": {
        const problem = sheetNameProblem(op.name);
        if (problem) throw new Error(`Нельзя создать лист: ${problem}.`);
        if (this.find(op.name))
          throw new Error(
            `Нельзя создать лист «${op.name}»: лист с таким именем уже есть (регистр букв не различается).`,
          );
        const entry: SheetEntry = {
          id: this.nextSheetId++,
          name: op.name,
          visibility: "visible",
          open: new OpenSheet(op.name),
          charts: [],
        };
        const live = this.live();
        if (op.position !== undefined && op.position < live.length) {
          const at = this.sheets.indexOf(live[Math.max(0, op.position)]);
          this.sheets.splice(at, 0, entry);
        } else this.sheets.push(entry);
        if (!this.active) this.active = op.name;
        return;
      }
      case "deleteSheet": {
        const s = this.entry(op.name);
        if (!this.live().some((x) => x !== s && x.visibility === "visible"))
          throw new Error(`Нельзя удалить лист «${s.name}»: в книге должен остаться хотя бы один видимый лист.`);
        s.deleted = true;
        s.open = undefined;
        if (s.sealed) for (const t of s.sealed.tables) this.tableNames.splice(this.tableNames.indexOf(t.name), 1);
        if (sameName(this.active, s.name)) this.active = this.live().find((x) => x.visibility === "visible")!.name;
        return;
      }
      case "renameSheet": {
        const s = this.entry(op.from);
        const problem = sheetNameProblem(op.to);
        if (problem) throw new Error(`Нельзя переименовать лист «${s.name}»: ${problem}.`);
        const other = this.find(op.to);
        if (other && other !== s)
          throw new Error(`Нельзя переименовать лист «${s.name}» в «${op.to}»: лист с таким именем уже есть.`);
        if (sameName(this.active, s.name)) this.active = op.to;
        // Formulas of sealed sheets are written already: a rename that would have to re-point them is refused.
        if (this.live().some((x) => x.sealed && x !== s && mentions(x, s.name)))
          throw new Error(`Нельзя переименовать лист «${s.name}»: на него ссылаются формулы уже записанных листов.`);
        s.name = op.to;
        if (s.open) s.open.name = op.to;
        return;
      }
      case "sheetVisibility": {
        const s = this.entry(op.name);
        if (op.visibility !== "visible" && !this.live().some((x) => x !== s && x.visibility === "visible"))
          throw new Error(`Нельзя скрыть лист «${s.name}»: в книге должен остаться хотя бы один видимый лист.`);
        s.visibility = op.visibility;
        if (op.visibility !== "visible" && sameName(this.active, s.name))
          this.active = this.live().find((x) => x.visibility === "visible")!.name;
        return;
      }
      case "values":
      case "formulas": {
        const w = this.openSheet(op.sheet);
        const start = parseCell(op.address.split(":")[0]);
        const grid = op.op === "values" ? op.values : op.formulas;
        // write() has checked every grid of the batch (checkCells: normalizeGrid's checks without its
        // copy); only the width is needed here. Cells past a short row's end are blank (issue 23).
        let width = 0;
        for (let r = 0; r < grid.length; r++) if (grid[r].length > width) width = grid[r].length;
        formatCell({ row: start.row + grid.length - 1, col: start.col + width - 1 });
        const formulas = op.op === "formulas";
        // The row looked up once per row, not per cell (issue 23).
        for (let r = 0; r < grid.length && width > 0; r++) {
          const line = grid[r];
          const target = w.row(start.row + r);
          for (let c = 0; c < width; c++) {
            const v = c < line.length ? (line[c] ?? null) : null;
            const col = start.col + c;
            if (formulas && isFormulaText(v)) putFormula(target, col, v.slice(1));
            else
              putValue(
                target,
                col,
                formulas && typeof v === "string" ? constantFromFormulaText(v) : v === "" ? null : (v as Primitive),
              );
          }
        }
        return;
      }
      case "format": {
        const w = this.openSheet(op.sheet);
        const r = parseRange(op.address);
        if (r.bottom - r.top + 1 >= MAX_ROWS)
          throw new Error(
            `Потоковая запись не форматирует целые столбцы (${qualify(w.name, op.address)}): укажите диапазон строк.`,
          );
        const restyle = this.styles.applier(op.format, JSON.stringify(op.format));
        // Cells of a range mostly share their style: the last one restyled is reused without a lookup.
        let lastXf = -1;
        let lastNext = 0;
        for (let row = r.top; row <= r.bottom; row++) {
          const line = w.row(row);
          const styles = line.s;
          const values = line.v;
          for (let col = r.left; col <= r.right; col++) {
            const xf = styles[col] ?? 0;
            if (xf !== lastXf) {
              lastXf = xf;
              lastNext = restyle(xf);
            }
            styles[col] = lastNext;
            // A formatted empty cell is written (as exceljs does), with its style.
            if (values[col] === undefined) values[col] = null;
          }
        }
        return;
      }
      case "merge": {
        const w = this.openSheet(op.sheet);
        const r = parseRange(op.address);
        if (r.top === r.bottom && r.left === r.right) return;
        const clash = w.merges.find((m) => intersects(m, r));
        if (clash)
          throw new Error(
            `Нельзя объединить ${qualify(w.name, formatRange(r))}: диапазон пересекается с уже объединёнными ячейками ${formatRange(clash)}.`,
          );
        // Excel keeps only the top-left value of a merged area; the other cells take its style (as in exceljs).
        const master = w.row(r.top).s[r.left] ?? 0;
        for (let row = r.top; row <= r.bottom; row++)
          for (let col = r.left; col <= r.right; col++)
            if (row !== r.top || col !== r.left) {
              w.setValue(row, col, null);
              w.row(row).s[col] = master;
            }
        w.merges.push(r);
        return;
      }
      case "columnWidths": {
        const w = this.openSheet(op.sheet);
        const from = columnIndex(op.from);
        op.widths.forEach((width, i) => {
          if (!(width >= 0 && width <= 255))
            throw new Error(
              `Ширина столбца ${columnLetters(from + i)} на листе «${w.name}» должна быть 0…255 символов, а указано ${width}.`,
            );
          w.widths[from + i] = width;
        });
        return;
      }
      case "rowHeight": {
        const w = this.openSheet(op.sheet);
        if (!Number.isInteger(op.row) || op.row < 1)
          throw new Error(`Номер строки ${op.row} на листе «${w.name}» должен быть целым ≥ 1.`);
        if (!(op.height >= 0 && op.height <= 409))
          throw new Error(
            `Высота строки ${op.row} на листе «${w.name}» должна быть 0…409 пунктов, а указано ${op.height}.`,
          );
        w.row(op.row - 1).height = op.height;
        return;
      }
      case "freeze":
        this.openSheet(op.sheet).freeze = { rows: op.rows, columns: op.columns };
        return;
      case "table":
        this.table(this.openSheet(op.sheet), op);
        return;
      case "validationList": {
        const w = this.openSheet(op.sheet);
        const problem = listSourceProblem(op.list);
        if (problem)
          throw new Error(`Нельзя задать список проверки данных для ${qualify(w.name, op.address)}: ${problem}.`);
        const items = op.list.map((x) => String(x).replace(/"/g, '""')).join(",");
        const ref = parseRange(op.address);
        w.validations.push({
          ref,
          xml: validationXml(ref, `type="list"`, [`"${items}"`], op.prompt, op.error),
        });
        return;
      }
      case "validationNumber": {
        const w = this.openSheet(op.sheet);
        const ref = parseRange(op.address);
        const bounds = [op.min, op.max].filter((x): x is number => x !== undefined).map(String);
        const operator =
          op.min !== undefined && op.max !== undefined
            ? "between"
            : op.min !== undefined
              ? "greaterThanOrEqual"
              : "lessThanOrEqual";
        if (!bounds.length)
          throw new Error(
            `Проверка чисел для ${qualify(w.name, op.address)}: не задана ни нижняя, ни верхняя граница.`,
          );
        w.validations.push({
          ref,
          xml: validationXml(ref, `type="${op.kind}" operator="${operator}"`, bounds, op.prompt, op.error),
        });
        return;
      }
      case "conditionalFormat": {
        const w = this.openSheet(op.sheet);
        const rule = op.rule;
        const where = qualify(w.name, op.address);
        if (rule.kind === "cellValue" && (!rule.operator || rule.formula1 === undefined))
          throw new Error(`Правило условного форматирования для ${where}: не задано сравнение (operator и formula1).`);
        if (rule.kind === "cellValue" && rule.operator === "between" && rule.formula2 === undefined)
          throw new Error(`Правило «между» для ${where}: не задана вторая граница (formula2).`);
        if (rule.kind === "expression" && rule.formula1 === undefined)
          throw new Error(`Правило условного форматирования для ${where}: не задана формула (formula1).`);
        const dxf =
          rule.kind === "cellValue" || rule.kind === "expression" ? this.styles.dxf(rule.fill, rule.fontColor) : 0;
        w.conditional.push({ ref: parseRange(op.address), rule, dxf });
        return;
      }
      case "chart": {
        const w = this.openSheet(op.sheet);
        const q = parseQualified(op.source);
        if (q.sheet && !sameName(q.sheet, w.name))
          throw new Error(
            `Диаграмма «${op.title}» на листе «${w.name}»: потоковая запись строит диаграммы только по данным того же листа.`,
          );
        parseRange(q.address);
        parseCell(op.anchor);
        w.charts.push(op);
        return;
      }
      case "print": {
        const s = this.entry(op.sheet);
        const w = this.openSheet(op.sheet);
        const p = (w.print ??= {});
        if (op.landscape !== undefined) p.landscape = op.landscape;
        if (op.fitToWidth) {
          p.fitToWidth = true;
          p.scale = undefined;
        } else if (op.scale !== undefined) {
          if (!(Number.isInteger(op.scale) && op.scale >= 10 && op.scale <= 400))
            throw new Error(
              `Масштаб печати листа «${w.name}» должен быть целым от 10 до 400 %, а указано ${op.scale}.`,
            );
          p.fitToWidth = false;
          p.scale = op.scale;
        }
        if (op.titleColumns) {
          const m = /^\$?([A-Z]{1,3})(?::\$?([A-Z]{1,3}))?$/i.exec(op.titleColumns.trim());
          if (!m)
            throw new Error(
              `Сквозные столбцы печати на листе «${w.name}» заданы как «${op.titleColumns}», ожидается вида A:B.`,
            );
          (s.printTitles ??= {}).columns = `$${m[1].toUpperCase()}:$${(m[2] ?? m[1]).toUpperCase()}`;
        }
        for (const row of op.rowBreaks ?? []) {
          if (!Number.isInteger(row) || row < 2)
            throw new Error(
              `Разрыв страницы на листе «${w.name}» перед строкой ${row}: номер строки должен быть целым ≥ 2.`,
            );
          w.row(row - 1).breakBefore = true;
        }
        if (op.area) s.printArea = parseRange(op.area);
        if (op.titleRows) {
          const m = /^\$?(\d+)(?::\$?(\d+))?$/.exec(op.titleRows.trim());
          if (!m)
            throw new Error(
              `Сквозные строки печати на листе «${w.name}» заданы как «${op.titleRows}», ожидается вида 1:3.`,
            );
          (s.printTitles ??= {}).rows = `$${m[1]}:$${m[2] ?? m[1]}`;
        }
        return;
      }
      case "protect":
        this.openSheet(op.sheet).protect = { allowFormatting: !!op.allowFormatting };
        return;
      default: {
        const never: never = op;
        throw new Error(`Неизвестное действие записи: ${JSON.stringify(never)}`);
      }
    }
  }

  private table(w: OpenSheet, op: Extract<WriteOp, { op: "table" }>): void {
    const problem = tableNameProblem(op.name);
    if (problem) throw new Error(`Нельзя создать таблицу на листе «${w.name}»: ${problem}.`);
    if (this.tableNames.some((n) => sameName(n, op.name)))
      throw new Error(`Нельзя создать таблицу «${op.name}»: таблица с таким именем уже есть в книге.`);
    if (op.totals) throw new Error(`Таблица «${op.name}»: потоковая запись не добавляет строку итогов таблицы.`);
    const r = parseRange(op.address);
    const clash = w.tables.find((t) => intersects(t.ref, r));
    if (clash)
      throw new Error(
        `Нельзя создать таблицу «${op.name}» в ${qualify(w.name, formatRange(r))}: диапазон пересекается с таблицей «${clash.name}».`,
      );
    // Header cells are the column names, unique and never empty (as the exceljs port makes them).
    const headers: string[] = [];
    const seen = new Set<string>();
    const headerRow = w.row(r.top);
    for (let col = r.left; col <= r.right; col++) {
      const v = headerRow.f?.[col] !== undefined ? null : headerRow.v[col];
      let h = v === null || v === undefined || v === "" ? "" : String(v);
      if (h === "" || seen.has(h.toLocaleUpperCase("ru")))
        h = h === "" ? `Столбец${col - r.left + 1}` : `${h}${col - r.left + 1}`;
      seen.add(h.toLocaleUpperCase("ru"));
      headers.push(h);
      w.setValue(r.top, col, h);
    }
    // A table needs a data row.
    const ref = r.bottom === r.top ? { ...r, bottom: r.top + 1 } : r;
    w.tables.push({
      id: this.nextTableId++,
      name: op.name,
      ref,
      columns: headers,
      style: op.style ?? "TableStyleMedium2",
      totals: false,
    });
    this.tableNames.push(op.name);
  }

  /** The index of a text in the shared strings (added when new): a merge writes kept sheets' cells with it. */
  stringId(text: string): number {
    const reused = this.base?.strings.ids.get(text);
    if (reused !== undefined) return reused;
    let id = this.stringIds.get(text);
    if (id === undefined) {
      id = (this.base?.strings.count ?? 0) + this.strings.length;
      this.strings.push(text);
      this.stringIds.set(text, id);
    }
    return id;
  }

  /** Renders and deflates the sheet, keeps what the workbook part and reading back need, drops the cells. */
  private async seal(s: SheetEntry): Promise<void> {
    const w = s.open!;
    const rels: string[] = [];
    const tableParts: { part: string; name: string }[] = [];
    const tableRelIds: string[] = [];
    for (const t of w.tables) {
      const part = `xl/tables/table${t.id}.xml`;
      await this.parts.add(part, [tableXml(t)]);
      tableParts.push({ part, name: t.name });
      const id = `rId${rels.length + 1}`;
      tableRelIds.push(id);
      rels.push(relXml(id, REL_TABLE, `../tables/table${t.id}.xml`));
    }
    let drawing: string | undefined;
    if (w.charts.length) {
      drawing = `rId${rels.length + 1}`;
      rels.push(relXml(drawing, REL_DRAWING, `../drawings/drawing${s.id}.xml`));
      for (const op of w.charts) {
        const range = parseRange(parseQualified(op.source).address);
        s.charts.push({
          model: chartModel({ sheet: w, source: w, range, op }),
          anchor: chartAnchor(w, op),
          madeAs: w.name,
        });
      }
    }
    const strings = { id: (t: string) => this.stringId(t) };
    const part = await this.parts.add(
      `xl/worksheets/sheet${s.id}.xml`,
      renderSheet(w, this.styles, strings, {
        tables: tableRelIds,
        drawing,
        // On an existing package the merge decides which sheet is active (a kept one may be selected).
        tabSelected: !this.base && sameName(s.name, this.active),
      }),
    );
    s.kept = gridOf(w, KEPT_ROWS);
    s.crossFormulas = [];
    for (const row of w.rows) for (const f of row?.f ?? []) if (f?.includes("!")) s.crossFormulas.push(f);
    s.sealed = { part, rels: rels.join(""), tables: tableParts };
    s.open = undefined;
  }

  async activate(sheet: string): Promise<void> {
    const s = this.entry(sheet);
    if (s.visibility !== "visible") throw new Error(`Нельзя перейти на скрытый лист «${s.name}».`);
    this.active = s.name;
  }

  async select(sheet: string): Promise<void> {
    await this.activate(sheet);
  }

  async selection(): Promise<{ sheet: string; address: string }> {
    return { sheet: this.find(this.active)?.name ?? "", address: "A1" };
  }

  async capabilities(): Promise<Capabilities> {
    return { ...ALL_CAPABILITIES };
  }

  async fileName(): Promise<string> {
    return this.name;
  }

  async save(path: string): Promise<void> {
    await writeFile(path, await this.toBuffer());
    this.name = basename(path);
  }

  /** The package: the sealed sheets and tables, then the workbook-level parts, charts and drawings. */
  async toBuffer(): Promise<Buffer> {
    const packed = writeZip((await this.packedParts()).map(outPart));
    return Buffer.from(packed.buffer, packed.byteOffset, packed.byteLength);
  }

  /** The parts of the package, each deflated, in order (a merge lays them out with an existing package's). */
  async packedParts(): Promise<PackedPart[]> {
    for (const s of this.live()) if (s.open) await this.seal(s);
    const live = this.live();
    if (!live.length) throw new Error("В книге нет ни одного листа: записывать нечего.");
    const types: string[] = [];
    const wbRels: string[] = [];
    const sheetsXml: string[] = [];
    const names: string[] = [];
    const activeTab = Math.max(
      0,
      live.findIndex((s) => sameName(s.name, this.active)),
    );
    const extra: { name: string; chunks: string[] }[] = [];
    let chartNo = this.base?.firstId ?? 1;
    live.forEach((s, i) => {
      const rid = `rId${i + 1}`;
      wbRels.push(relXml(rid, REL_SHEET, `worksheets/sheet${s.id}.xml`));
      types.push(override(`xl/worksheets/sheet${s.id}.xml`, CT_SHEET));
      sheetsXml.push(
        `<sheet name="${escapeXml(s.name)}" sheetId="${s.id}"${s.visibility !== "visible" ? ` state="${s.visibility}"` : ""} r:id="${rid}"/>`,
      );
      const q = quoteSheet(s.name);
      if (s.printArea)
        names.push(
          `<definedName name="_xlnm.Print_Area" localSheetId="${i}">${escapeXml(`${q}!${absolute(s.printArea)}`)}</definedName>`,
        );
      const titles = [s.printTitles?.columns, s.printTitles?.rows].filter(Boolean).map((t) => `${q}!${t}`);
      if (titles.length)
        names.push(
          `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${escapeXml(titles.join(","))}</definedName>`,
        );
      for (const t of s.sealed!.tables) types.push(override(t.part, CT_TABLE));
      let rels = s.sealed!.rels;
      if (s.charts.length) {
        const drawingPart = `xl/drawings/drawing${s.id}.xml`;
        const drawingRels: string[] = [];
        const anchors = s.charts.map((c, k) => {
          const chartPart = `xl/charts/chart${chartNo}.xml`;
          extra.push({ name: chartPart, chunks: [chartXml(renamed(c.model, c.madeAs, s.name))] });
          types.push(override(chartPart, CT_CHART));
          drawingRels.push(relXml(`rId${k + 1}`, REL_CHART, `../charts/chart${chartNo}.xml`));
          chartNo++;
          return chartAnchorXml(c.anchor, k + 2, `Диаграмма ${k + 1}`, `rId${k + 1}`);
        });
        extra.push({ name: drawingPart, chunks: [drawingXml(anchors.join(""))] });
        extra.push({ name: `xl/drawings/_rels/drawing${s.id}.xml.rels`, chunks: [relsXml(drawingRels.join(""))] });
        types.push(override(drawingPart, CT_DRAWING));
      }
      if (rels) extra.push({ name: `xl/worksheets/_rels/sheet${s.id}.xml.rels`, chunks: [relsXml(rels)] });
      rels = "";
    });
    const n = live.length;
    wbRels.push(relXml(`rId${n + 1}`, REL_STYLES, "styles.xml"));
    wbRels.push(relXml(`rId${n + 2}`, REL_STRINGS, "sharedStrings.xml"));
    types.push(override("xl/workbook.xml", CT_WORKBOOK));
    types.push(override("xl/styles.xml", CT_STYLES));
    types.push(override("xl/sharedStrings.xml", CT_STRINGS));
    const workbook =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
      `<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_R}"><workbookPr/>` +
      `<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="20000" windowHeight="12000" firstSheet="0" activeTab="${activeTab}"/></bookViews>` +
      `<sheets>${sheetsXml.join("")}</sheets>${names.length ? `<definedNames>${names.join("")}</definedNames>` : ""}` +
      `<calcPr calcId="0" fullCalcOnLoad="1"/></workbook>`;
    await this.parts.add("xl/workbook.xml", [workbook]);
    await this.parts.add("xl/_rels/workbook.xml.rels", [relsXml(wbRels.join(""))]);
    await this.parts.add("xl/styles.xml", [this.styles.xml()]);
    await this.parts.add("xl/sharedStrings.xml", sharedStringsXml(this.strings, this.base?.strings));
    for (const e of extra) await this.parts.add(e.name, e.chunks);
    await this.parts.add("_rels/.rels", [
      relsXml(
        relXml(
          "rId1",
          "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
          "xl/workbook.xml",
        ),
      ),
    ]);
    await this.parts.add("[Content_Types].xml", [
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
        `${types.join("")}</Types>`,
    ]);
    // Parts of deleted sheets stay out of the package.
    const keep = new Set<string>();
    for (const s of live) {
      keep.add(`xl/worksheets/sheet${s.id}.xml`);
      for (const t of s.sealed!.tables) keep.add(t.part);
    }
    return this.parts.list((name) => !/^xl\/(worksheets\/sheet|tables\/table)\d+\.xml$/.test(name) || keep.has(name));
  }
}

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL_SHEET = `${REL}/worksheet`;
const REL_STYLES = `${REL}/styles`;
const REL_STRINGS = `${REL}/sharedStrings`;
const REL_TABLE = `${REL}/table`;
const REL_DRAWING = `${REL}/drawing`;
const REL_CHART = `${REL}/chart`;
const CT = "application/vnd.openxmlformats-officedocument";
const CT_WORKBOOK = `${CT}.spreadsheetml.sheet.main+xml`;
const CT_SHEET = `${CT}.spreadsheetml.worksheet+xml`;
const CT_STYLES = `${CT}.spreadsheetml.styles+xml`;
const CT_STRINGS = `${CT}.spreadsheetml.sharedStrings+xml`;
const CT_TABLE = `${CT}.spreadsheetml.table+xml`;
const CT_DRAWING = `${CT}.drawing+xml`;
const CT_CHART = `${CT}.drawingml.chart+xml`;

function relXml(id: string, type: string, target: string): string {
  return `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/>`;
}

function relsXml(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${body}</Relationships>`;
}

function override(part: string, type: string): string {
  return `<Override PartName="/${part}" ContentType="${type}"/>`;
}

function absolute(r: RangePos): string {
  return `$${columnLetters(r.left)}$${r.top + 1}:$${columnLetters(r.right)}$${r.bottom + 1}`;
}

function* sharedStringsXml(strings: readonly string[], base?: StreamBase["strings"]): Generator<string> {
  const n = (base?.count ?? 0) + strings.length;
  yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${NS_MAIN}" count="${n}" uniqueCount="${n}">`;
  // The existing items first, as they are (rich text too): kept sheets index them.
  if (base) yield base.xml;
  let chunk = "";
  for (const s of strings) {
    const space = /^\s|\s$/.test(s) ? ' xml:space="preserve"' : "";
    chunk += `<si><t${space}>${xmlText(s)}</t></si>`;
    if (chunk.length > 1 << 18) {
      yield chunk;
      chunk = "";
    }
  }
  yield chunk + `</sst>`;
}

function validationXml(ref: RangePos, kind: string, formulas: string[], prompt?: string, error?: string): string {
  const attrs =
    ` ${kind} allowBlank="1"` +
    (prompt ? ` showInputMessage="1" prompt="${escapeXml(prompt.slice(0, 255))}"` : "") +
    ` showErrorMessage="1"` +
    (error ? ` errorStyle="stop" error="${escapeXml(error.slice(0, 225))}"` : "");
  const f = formulas.map((x, i) => `<formula${i + 1}>${escapeXml(x)}</formula${i + 1}>`).join("");
  return `<dataValidation${attrs} sqref="${formatRange(ref)}">${f}</dataValidation>`;
}

/** The values of an open sheet as a grid from A1 (formula cells blank), its first `rows` rows or all. */
function gridOf(w: OpenSheet, rows = w.rows.length): CellValue[][] {
  const out: CellValue[][] = [];
  const n = Math.min(rows, w.rows.length);
  let width = 0;
  for (let r = 0; r < n; r++) width = Math.max(width, w.rows[r]?.v.length ?? 0);
  for (let r = 0; r < n; r++) {
    const row = w.rows[r];
    out.push(Array.from({ length: width }, (_, c) => (row?.f?.[c] !== undefined ? null : (row?.v[c] ?? null))));
  }
  return out;
}

/** Whether a sealed sheet's formulas may name `sheet` (then a rename would have to re-point them). */
function mentions(s: SheetEntry, sheet: string): boolean {
  const name = sheet.toLocaleUpperCase("ru");
  return (s.crossFormulas ?? []).some((f) => f.toLocaleUpperCase("ru").includes(name));
}

/** The chart's references under the sheet's final name (it was sealed under a temporary one). */
function renamed(m: ChartModel, from: string, to: string): ChartModel {
  if (from === to) return m;
  const a = `${quoteSheet(from)}!`;
  const b = `${quoteSheet(to)}!`;
  const fix = (ref: string) => (ref.startsWith(a) ? b + ref.slice(a.length) : ref);
  return {
    ...m,
    series: m.series.map((x) => ({ ...x, nameRef: fix(x.nameRef), catRef: fix(x.catRef), valRef: fix(x.valRef) })),
  };
}

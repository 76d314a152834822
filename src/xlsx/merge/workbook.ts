/**
 * A workbook port that rebuilds an existing book with bounded memory (issue 23): the methodist's
 * `msoko summarize --out СВОД.xlsx` into the summary she keeps her own sheets in. The existing
 * package is opened without a cell model (base-package.ts); the sheets the run replaces are
 * dropped, the new ones are written by the streaming writer (src/xlsx/stream) configured to start
 * from that package's styles and shared strings, and on save the two are merged at the zip level:
 * every part of the user's own sheets (sheet XML, rels, drawings, charts, pictures, comments,
 * tables…) is copied packed, byte for byte; workbook.xml, its relationships and [Content_Types].xml
 * are rewritten (kept sheets' defined names and print areas carried over, renumbered to the new
 * order). Charts and pictures of the user's sheets survive, which the exceljs rebuild could not do.
 *
 * The only existing sheet whose cells change is the add-in's settings sheet (its registry): its
 * XML is patched cell by cell (patch-cells.ts). Other existing sheets can only be deleted, hidden
 * or shown; a batch that would change them otherwise is refused with a Russian error.
 */
import { writeFile } from "node:fs/promises";
import { inflateRawSync } from "node:zlib";
import type { CellValue } from "../../core/values";
import { parseCell, parseRange } from "../../core/a1";
import { gridRange } from "../grid-range";
import type { Capabilities, Grid, SheetInfo, SheetRead, WorkbookPort, WriteBatch, WriteOp } from "../../host/port";
import { checkBatch, checkCells, sameName } from "../../host/rules";
import { SETTINGS_SHEET } from "../../host/settings";
import { escapeXml } from "../exceljs/chart-xml";
import { BookBudget, type BookLimits } from "../read/budget";
import { readSheetBytes } from "../read/sheet-xml";
import { attributes, utf8Text } from "../read/xml";
import { StreamXlsxWorkbook } from "../stream/workbook";
import { PackageWriter, outPart, type PackedPart } from "../stream/zip";
import { writeZip, type OutPart } from "../zip-write";
import {
  REL_TYPES,
  openBasePackage,
  parseRels,
  partBytes,
  partHead,
  partText,
  type BasePackage,
  type BaseSheet,
} from "./base-package";
import { patchSheetXml, type CellPatch } from "./patch-cells";
import { relsPath } from "../read/parts";

interface Entry {
  name: string;
  visibility: SheetInfo["visibility"];
  /** A sheet of the existing package; absent: a sheet of the streaming writer. */
  base?: BaseSheet;
  patch?: CellPatch;
  deleted?: boolean;
}

const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export class MergeXlsxWorkbook implements WorkbookPort {
  readonly kind = "xlsx" as const;
  private readonly entries: Entry[];
  private readonly inner: StreamXlsxWorkbook;
  private active = "";

  private constructor(
    private readonly base: BasePackage,
    private readonly limits?: BookLimits,
  ) {
    this.entries = base.sheets.map((s) => ({ name: s.name, visibility: s.visibility, base: s }));
    // Table names and ids are unique in a workbook: the new tables take neither of the kept ones'.
    const tableNames: string[] = [];
    let firstId = base.firstId;
    for (const [name] of base.entries)
      if (/^xl\/tables\/[^/]+\.xml$/.test(name)) {
        const head = /<table\b[^>]*>/.exec(partText(base, name) ?? "");
        const a = attributes(head?.[0] ?? "");
        for (const k of ["name", "displayName"]) if (a.get(k)) tableNames.push(a.get(k)!);
        firstId = Math.max(firstId, (Number(a.get("id")) || 0) + 1);
      }
    this.inner = StreamXlsxWorkbook.create(base.fileName, {
      styles: base.styles,
      strings: base.strings,
      firstId,
      tableNames,
    });
  }

  /**
   * The book opened for a merge, or the reason it cannot be merged safely (the caller then keeps
   * the exceljs rebuild): external links, pivot caches, macros, a settings sheet that cannot be
   * patched… Errors of a broken or hostile file are thrown (Russian, naming the file).
   */
  static async open(path: string, limits?: BookLimits): Promise<MergeXlsxWorkbook | { unmergeable: string }> {
    const base = await openBasePackage(path, limits);
    let why = base.unmergeable;
    if (!why && base.workbookPart !== "xl/workbook.xml") why = `описание книги не в xl/workbook.xml`;
    // The new <sheet> elements say r:id: the prefix must be free or bound to the relationships namespace.
    const rootR = /\sxmlns:r="([^"]*)"/.exec(/<workbook\b[^>]*>/.exec(base.workbookXml)?.[0] ?? "");
    if (!why && rootR && rootR[1] !== NS_R) why = "префикс r описания книги занят";
    const settings = base.sheets.find((s) => sameName(s.name, SETTINGS_SHEET));
    if (!why && settings && !/<sheetData[\s>/]/.test(partText(base, settings.part) ?? ""))
      why = `лист «${settings.name}» записан с префиксами`;
    if (!why && base.sheets.some((s) => !s.part || !base.entries.has(s.part.toLowerCase())))
      why = "лист без своей части пакета";
    return why ? { unmergeable: why } : new MergeXlsxWorkbook(base, limits);
  }

  private live(): Entry[] {
    return this.entries.filter((e) => !e.deleted);
  }

  private find(name: string): Entry | undefined {
    return this.live().find((e) => sameName(e.name, name));
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.live().map((e, position) => ({ name: e.name, position, visibility: e.visibility }));
  }

  /** A kept sheet's values (its first `rows` rows), with the run's patch on top. */
  private readBase(e: Entry, rows = Infinity): SheetRead {
    const s = e.base!;
    if (s.kind !== "worksheet") return { name: e.name, values: [], merges: [] };
    const bytes =
      (rows === Infinity ? partBytes(this.base, s.part) : partHead(this.base, s.part, rows)) ?? new Uint8Array(0);
    const budget = new BookBudget(this.base.fileName, this.limits);
    budget.addInflated(s.part, bytes.length);
    const read = readSheetBytes(bytes, e.name, this.base.fileName, this.base.strings.texts, undefined, rows, budget);
    if (e.patch) {
      const values = read.values as CellValue[][];
      let width = values[0]?.length ?? 0;
      for (const cells of e.patch.values()) for (const c of cells.keys()) width = Math.max(width, c + 1);
      for (const [r, cells] of e.patch) {
        if (r >= rows) continue;
        while (values.length <= r) values.push([]);
        for (const [c, v] of cells) values[r][c] = v === "" ? null : v;
      }
      for (const line of values) while (line.length < width) line.push(null);
      for (const line of values) for (let c = 0; c < width; c++) line[c] ??= null;
    }
    return read;
  }

  async readSheets(names: string[]): Promise<SheetRead[]> {
    const out: SheetRead[] = [];
    for (const n of names) {
      const e = this.find(n);
      if (!e) continue;
      if (e.base) out.push(this.readBase(e));
      else out.push(...(await this.inner.readSheets([e.name])));
    }
    return out;
  }

  async readRanges(requests: { sheet: string; address: string }[]): Promise<(Grid | null)[]> {
    return Promise.all(
      requests.map(async ({ sheet, address }) => {
        const e = this.find(sheet);
        if (!e) return null;
        const r = parseRange(address);
        if (!e.base) return (await this.inner.readRanges([{ sheet: e.name, address }]))[0];
        // Only the rows asked for are read (the marker row of a sheet of thousands).
        return gridRange(this.readBase(e, r.bottom + 1).values, r);
      }),
    );
  }

  async write(batch: WriteBatch): Promise<{ notices: string[] }> {
    checkBatch(
      batch.ops,
      this.live().map((e) => ({ name: e.name, visibility: e.visibility })),
      [],
    );
    // Excel's cell rules (text length, numbers) for the values patched into a kept sheet too.
    checkCells(batch.ops);
    // Every op on an existing sheet is checked before any is applied: a refused batch changes nothing.
    for (const op of batch.ops) {
      const name = sheetOf(op);
      const e = name === undefined ? undefined : this.find(name);
      if (e?.base && !["deleteSheet", "sheetVisibility", "values"].includes(op.op))
        throw new Error(
          `Лист «${e.name}» книги «${this.base.fileName}» переносится в новый файл как есть: командная строка не меняет его (${op.op}).`,
        );
    }
    const run: WriteOp[] = [];
    for (const op of batch.ops) {
      if (op.op === "addSheet") {
        const entry: Entry = { name: op.name, visibility: "visible" };
        const live = this.live();
        if (op.position !== undefined && op.position < live.length)
          this.entries.splice(this.entries.indexOf(live[Math.max(0, op.position)]), 0, entry);
        else this.entries.push(entry);
        run.push({ op: "addSheet", name: op.name });
        continue;
      }
      const e = this.find(sheetOf(op)!)!;
      if (!e.base) {
        run.push(op);
        if (op.op === "deleteSheet") e.deleted = true;
        else if (op.op === "renameSheet") e.name = op.to;
        else if (op.op === "sheetVisibility") e.visibility = op.visibility;
        continue;
      }
      if (op.op === "deleteSheet") e.deleted = true;
      else if (op.op === "sheetVisibility") e.visibility = op.visibility;
      else if (op.op === "values") {
        const start = parseCell(op.address.split(":")[0]);
        const patch = (e.patch ??= new Map());
        op.values.forEach((line, r) => {
          const row = patch.get(start.row + r) ?? new Map();
          patch.set(start.row + r, row);
          line.forEach((v, c) => row.set(start.col + c, v === undefined ? null : (v as CellValue)));
        });
      }
    }
    return run.length ? this.inner.write({ ops: run }) : { notices: [] };
  }

  async activate(sheet: string): Promise<void> {
    const e = this.find(sheet);
    if (!e) throw new Error(`Лист «${sheet}» не найден в книге «${this.base.fileName}».`);
    this.active = e.name;
  }

  async select(sheet: string): Promise<void> {
    await this.activate(sheet);
  }

  async selection(): Promise<{ sheet: string; address: string }> {
    return { sheet: this.active || (this.live()[0]?.name ?? ""), address: "A1" };
  }

  async capabilities(): Promise<Capabilities> {
    return this.inner.capabilities();
  }

  async fileName(): Promise<string> {
    return this.base.fileName;
  }

  async save(path: string): Promise<void> {
    await writeFile(path, await this.toBuffer());
  }

  /** The merged package (see the header). */
  async toBuffer(): Promise<Buffer> {
    const base = this.base;
    const live = this.live();
    if (!live.some((e) => e.visibility === "visible"))
      throw new Error(`В книге «${base.fileName}» не осталось видимых листов.`);
    // 1. Patched kept sheets, before the writer's shared strings are written (they may add strings).
    const patched = new Map<string, PackedPart>();
    const writer = new PackageWriter();
    for (const e of live)
      if (e.base && e.patch) {
        const xml = patchSheetXml(
          partText(base, e.base.part) ?? "",
          e.patch,
          (t) => this.inner.stringId(t),
          `Файл «${base.fileName}», лист «${e.name}»`,
        );
        patched.set(e.base.part.toLowerCase(), await writer.add(e.base.part, [xml]));
      }
    // 2. The new sheets, styles and strings as the streaming writer packs them.
    const innerParts = await this.inner.packedParts();
    const innerText = (name: string) => {
      const p = innerParts.find((x) => x.name === name);
      return p ? utf8Text(inflateRawSync(p.data)) : "";
    };
    const innerWorkbook = innerText("xl/workbook.xml");
    const innerRels = new Map(
      parseRels(innerText("xl/_rels/workbook.xml.rels"), "xl/workbook.xml").map((r) => [r.id, r]),
    );
    const innerSheets = new Map<string, { xml: string; target: string; index: number }>();
    [...innerWorkbook.matchAll(/<sheet\b[^>]*?\/>/g)].forEach((m, index) => {
      const a = attributes(m[0]);
      innerSheets.set(a.get("name")!.toLocaleUpperCase("ru"), {
        xml: m[0],
        target: innerRels.get(a.get("r:id")!)!.target,
        index,
      });
    });
    const innerOverrides = [...innerText("[Content_Types].xml").matchAll(/<Override\b[^>]*?\/>/g)].map((m) => m[0]);

    // 3. workbook.xml and its relationships in the merged order.
    const usedIds = new Set(base.workbookRels.map((r) => r.id));
    let relNo = 1;
    const newRelId = () => {
      while (usedIds.has(`rId${relNo}`)) relNo++;
      usedIds.add(`rId${relNo}`);
      return `rId${relNo}`;
    };
    const sheetsXml: string[] = [];
    const rels: string[] = [];
    const baseIndex = new Map(base.sheets.map((s, i) => [s, i]));
    const mergedOfBase = new Map<number, number>();
    const mergedOfInner = new Map<number, number>();
    live.forEach((e, i) => {
      if (e.base) {
        mergedOfBase.set(baseIndex.get(e.base)!, i);
        sheetsXml.push(e.visibility === e.base.visibility ? e.base.xml : withState(e.base.xml, e.visibility));
        return;
      }
      const s = innerSheets.get(e.name.toLocaleUpperCase("ru"))!;
      mergedOfInner.set(s.index, i);
      const rid = newRelId();
      sheetsXml.push(s.xml.replace(/\br:id="[^"]*"/, `r:id="${rid}"`));
      rels.push(
        `<Relationship Id="${rid}" Type="${REL_TYPES.sheet}" Target="${escapeXml(s.target.replace(/^xl\//, ""))}"/>`,
      );
    });
    const keptSheetRels = new Set(live.filter((e) => e.base).map((e) => e.base!.rid));
    const keptBaseRels = base.workbookRels.filter((r) => {
      const t = r.type.slice(r.type.lastIndexOf("/") + 1);
      // A relationship to a part the package lacks (exceljs writes a theme it never adds) would need a repair in Excel.
      if (!r.external && !base.entries.has(r.target.toLowerCase())) return false;
      return SHEET_RELS.has(t) ? keptSheetRels.has(r.id) : !DROPPED_RELS.has(t);
    });
    for (const r of keptBaseRels) rels.push(r.xml);
    rels.push(`<Relationship Id="${newRelId()}" Type="${REL_TYPES.styles}" Target="styles.xml"/>`);
    rels.push(`<Relationship Id="${newRelId()}" Type="${REL_TYPES.strings}" Target="sharedStrings.xml"/>`);

    const names: string[] = [];
    for (const m of base.workbookXml.matchAll(/<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g)) {
      const local = /\blocalSheetId="(\d+)"/.exec(m[1]);
      if (!local) names.push(m[0]);
      else if (mergedOfBase.has(Number(local[1])))
        names.push(m[0].replace(local[0], `localSheetId="${mergedOfBase.get(Number(local[1]))}"`));
    }
    for (const m of innerWorkbook.matchAll(/<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g)) {
      const local = /\blocalSheetId="(\d+)"/.exec(m[1]);
      if (local && mergedOfInner.has(Number(local[1])))
        names.push(m[0].replace(local[0], `localSheetId="${mergedOfInner.get(Number(local[1]))}"`));
    }
    const activeTab = this.activeTab(live);
    let workbook = base.workbookXml
      // openpyxl declares the relationships namespace on each <sheet>, not on the root.
      .replace(/<workbook\b[^>]*>/, (root) => (/\sxmlns:r="/.test(root) ? root : setAttr(root, "xmlns:r", NS_R)))
      .replace(/<sheets\b[^>]*>[\s\S]*?<\/sheets>/, `<sheets>${sheetsXml.join("")}</sheets>`);
    const definedNames = names.length ? `<definedNames>${names.join("")}</definedNames>` : "";
    workbook = /<definedNames\b/.test(workbook)
      ? workbook.replace(/<definedNames\b[^>]*>[\s\S]*?<\/definedNames>|<definedNames\b[^>]*\/>/, definedNames)
      : workbook.replace("</sheets>", `</sheets>${definedNames}`);
    workbook = workbook.replace(/<workbookView\b[^>]*?\/?>/, (v) =>
      // firstSheet (the first tab shown in the bar) may point past the new order: back to the start.
      setAttr(/\sfirstSheet="/.test(v) ? setAttr(v, "firstSheet", "0") : v, "activeTab", String(activeTab)),
    );
    // The generated sheets changed: formulas of the kept ones that read them are recalculated on opening.
    if (/<calcPr\b/.test(workbook))
      workbook = workbook.replace(/<calcPr\b[^>]*?\/?>/, (c) => setAttr(c, "fullCalcOnLoad", "1"));
    else {
      const after = workbook.includes("</definedNames>") ? "</definedNames>" : "</sheets>";
      workbook = workbook.replace(after, `${after}<calcPr fullCalcOnLoad="1"/>`);
    }

    // 4. The kept parts: whatever the root and the kept workbook relationships reach.
    const kept = new Set<string>();
    const visit = (part: string) => {
      const key = part.toLowerCase();
      if (kept.has(key) || !base.entries.has(key)) return;
      kept.add(key);
      const relsName = relsPath(part);
      const relsText = partText(base, relsName);
      if (relsText === null) return;
      kept.add(relsName.toLowerCase());
      for (const r of parseRels(relsText, part)) if (!r.external) visit(r.target);
    };
    for (const r of base.rootRels) if (!r.external && r.target !== base.workbookPart) visit(r.target);
    kept.add("_rels/.rels");
    for (const r of keptBaseRels) if (!r.external) visit(r.target);

    const out: OutPart[] = [];
    const taken = new Set<string>();
    const addText = async (name: string, text: string) => {
      out.push(outPart(await writer.add(name, [text])));
      taken.add(name.toLowerCase());
    };
    // [Content_Types].xml
    const defaults = [...base.defaults];
    for (const [ext, type] of [
      ["rels", "application/vnd.openxmlformats-package.relationships+xml"],
      ["xml", "application/xml"],
    ])
      if (!defaults.some((d) => new RegExp(`Extension="${ext}"`, "i").test(d)))
        defaults.push(`<Default Extension="${ext}" ContentType="${type}"/>`);
    const overrides: string[] = [];
    const workbookOverride = base.overrides.get(base.workbookPart.toLowerCase());
    if (workbookOverride) overrides.push(workbookOverride);
    for (const k of kept) {
      const o = base.overrides.get(k);
      if (o) overrides.push(o);
    }
    const innerNames = new Set(innerParts.map((p) => p.name.toLowerCase()));
    for (const o of innerOverrides) {
      const part = (attributes(o).get("PartName") ?? "").replace(/^\//, "").toLowerCase();
      if (part !== "xl/workbook.xml" && innerNames.has(part)) overrides.push(o);
    }
    await addText(
      "[Content_Types].xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">${defaults.join("")}${overrides.join("")}</Types>`,
    );
    await addText(base.workbookPart, workbook);
    await addText(
      relsPath(base.workbookPart),
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS_R.replace("officeDocument/2006/relationships", "package/2006/relationships")}">${rels.join("")}</Relationships>`,
    );
    for (const k of kept) {
      if (taken.has(k)) continue;
      const p = patched.get(k);
      if (p) out.push(outPart(p));
      else {
        const e = base.entries.get(k)!;
        out.push({
          name: e.name,
          method: e.method,
          crc32: e.crc32,
          unpacked: e.unpacked,
          modTime: e.modTime,
          modDate: e.modDate,
          data: base.buf.subarray(e.dataStart, e.dataStart + e.packed),
        });
      }
      taken.add(k);
    }
    for (const p of innerParts) {
      const k = p.name.toLowerCase();
      if (
        k === "xl/workbook.xml" ||
        k === "xl/_rels/workbook.xml.rels" ||
        k === "[content_types].xml" ||
        k === "_rels/.rels"
      )
        continue;
      if (taken.has(k))
        throw new Error(
          `Внутренняя ошибка слияния книги «${base.fileName}»: часть «${p.name}» есть и в книге, и среди новых листов.`,
        );
      out.push(outPart(p));
      taken.add(k);
    }
    const packed = writeZip(out);
    return Buffer.from(packed.buffer, packed.byteOffset, packed.byteLength);
  }

  /** The sheet shown on opening: one the run activated, else the kept active one, else the first visible. */
  private activeTab(live: Entry[]): number {
    const explicit = this.active ? live.findIndex((e) => sameName(e.name, this.active)) : -1;
    if (explicit >= 0) return explicit;
    const was = Number(/<workbookView\b[^>]*?\bactiveTab="(\d+)"/.exec(this.base.workbookXml)?.[1] ?? 0);
    const kept = live.findIndex((e) => e.base === this.base.sheets[was] && e.visibility === "visible");
    if (kept >= 0) return kept;
    return Math.max(
      0,
      live.findIndex((e) => e.visibility === "visible"),
    );
  }
}

/** Workbook relationships the merge replaces (styles, strings) or drops (the calculation chain names dropped sheets' cells). */
const DROPPED_RELS = new Set(["styles", "sharedStrings", "calcChain"]);
const SHEET_RELS = new Set(["worksheet", "chartsheet", "dialogsheet"]);

function sheetOf(op: WriteOp): string | undefined {
  if (op.op === "addSheet" || op.op === "deleteSheet" || op.op === "sheetVisibility") return op.name;
  if (op.op === "renameSheet") return op.from;
  return op.sheet;
}

function setAttr(tag: string, name: string, value: string): string {
  const re = new RegExp(`\\s${name}="[^"]*"`);
  if (re.test(tag)) return tag.replace(re, ` ${name}="${value}"`);
  return tag.replace(/\s*(\/?>)$/, ` ${name}="${value}"$1`);
}

function withState(sheetXml: string, visibility: SheetInfo["visibility"]): string {
  const plain = sheetXml.replace(/\sstate="[^"]*"/, "");
  return visibility === "visible" ? plain : setAttr(plain, "state", visibility);
}

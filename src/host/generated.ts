/**
 * Sheets the add-in builds (summaries, reports) are replaced on every run, and nothing else ever
 * is. A sheet counts as generated only when BOTH hold: row 2 holds the marker text «Создано
 * надстройкой МСОКО для Excel …», and the settings sheet's registry lists it (`generated|<лист>`).
 * A user's sheet that happens to have a wanted name is never touched: the new sheet gets a free
 * name ("Свод по ОО (2)") and a Russian notice says so.
 *
 * Replacement is all-or-nothing: each new sheet is written under a temporary name first; only
 * when all are written are the old generated sheets deleted and the new ones renamed, in one
 * batch. On an error or a cancel (AbortSignal) the temporaries are removed and the workbook is
 * left as it was.
 */
import type { CellValue } from "../core/values";
import type { SheetInfo, WorkbookPort, WriteOp } from "./port";
import { MAX_SHEET_NAME, sameName, sheetNameProblem } from "./rules";
import {
  GENERATED_PREFIX,
  SETTINGS_SHEET,
  SETTING_KEYS,
  readSettings,
  writeSettings,
  type SettingUpdate,
} from "./settings";

export const MARKER_PREFIX = "Создано надстройкой МСОКО для Excel";
/** The marker sits in row 2 (row 1 is the sheet's title); writers leave A2 free. */
export const MARKER_CELL = "A2";
const MARKER_ROW_READ = "A2:L2";

/** Temporary names: "~МСОКО 1", "~МСОКО 2", … */
const TEMP_PREFIX = "~МСОКО ";
const TEMP_RE = /^~МСОКО \d+$/;

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** "22.11.2026 10:15" in the local time of the machine. */
export function formatStamp(d: Date): string {
  return `${pad(d.getDate())}.${pad(d.getMonth() + 1)}.${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The marker text written to A2 of every generated sheet. */
export function markerText(opts: { date: Date; profileVersion: string }): string {
  return `${MARKER_PREFIX} ${formatStamp(opts.date)}, профиль методики ${opts.profileVersion}. Лист пересоздаётся при каждом построении: свои записи ведите на других листах.`;
}

/** Whether a row (row 2 of a sheet) carries the marker in any cell. */
export function rowHasMarker(row: readonly CellValue[] | undefined): boolean {
  return !!row && row.some((v) => typeof v === "string" && v.trimStart().startsWith(MARKER_PREFIX));
}

export interface GeneratedSheetSpec {
  /** The wanted sheet name, e.g. "Свод по ОО". */
  name: string;
  /** What the sheet is ("summary.schools"), kept in the registry. */
  kind: string;
  /** The ops that fill the sheet, addressed to `sheet` (a temporary name); it exists already. */
  batch: (sheet: string) => WriteOp[];
}

export interface WriteGeneratedOptions {
  signal?: AbortSignal;
  /** Called after each sheet is written (done of total). */
  onProgress?: (done: number, total: number, sheet: string) => void;
  /** Profile version for the marker and the run note. */
  profileVersion?: string;
  /** Source files of this run, for the run note. */
  files?: string[];
  /** The run's time (tests pass a fixed one). */
  now?: Date;
}

export interface GeneratedSheetResult {
  wanted: string;
  /** The name it was written under: the wanted one, or a free one when a user sheet holds it. */
  written: string;
  kind: string;
  /** Whether an earlier generated sheet was replaced. */
  replaced: boolean;
}

export interface WriteGeneratedResult {
  sheets: GeneratedSheetResult[];
  /** Russian notices: free names chosen, capabilities skipped. */
  notices: string[];
}

/** Raised when the run is cancelled; the workbook is left unchanged. */
export class GenerationAbortedError extends Error {
  override readonly name = "AbortError";
  constructor() {
    super("Построение отменено: книга оставлена без изменений.");
  }
}

/** Generated sheets present in the workbook: registered AND carrying the marker. Key: upper-cased name. */
export async function findGeneratedSheets(
  port: WorkbookPort,
): Promise<Map<string, { name: string; kind: string; position: number }>> {
  const [sheets, settings] = await Promise.all([port.listSheets(), readSettings(port)]);
  return generatedAmong(
    port,
    sheets,
    settings.entries
      .filter((e) => e.key.startsWith(GENERATED_PREFIX))
      .map((e) => ({ sheet: e.key.slice(GENERATED_PREFIX.length), kind: String(e.value ?? "") })),
  );
}

async function generatedAmong(
  port: WorkbookPort,
  sheets: SheetInfo[],
  registry: { sheet: string; kind: string }[],
): Promise<Map<string, { name: string; kind: string; position: number }>> {
  const candidates = sheets.filter((s) => registry.some((r) => sameName(r.sheet, s.name)));
  const out = new Map<string, { name: string; kind: string; position: number }>();
  if (candidates.length === 0) return out;
  let rows: (CellValue[] | undefined)[];
  if (port.readRanges) {
    const grids = await port.readRanges(candidates.map((c) => ({ sheet: c.name, address: MARKER_ROW_READ })));
    rows = grids.map((g) => g?.[0]);
  } else {
    const reads = await port.readSheets(candidates.map((c) => c.name));
    rows = candidates.map((c) => reads.find((r) => sameName(r.name, c.name))?.values[1]);
  }
  candidates.forEach((c, i) => {
    if (rowHasMarker(rows[i])) {
      const kind = registry.find((r) => sameName(r.sheet, c.name))!.kind;
      out.set(c.name.toLocaleUpperCase("ru"), { name: c.name, kind, position: c.position });
    }
  });
  return out;
}

/** "Свод по ОО (2)", shortened so that the whole name stays within 31 characters. */
export function numberedName(base: string, n: number): string {
  const suffix = ` (${n})`;
  return base.slice(0, MAX_SHEET_NAME - suffix.length).trimEnd() + suffix;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Writes generated sheets all-or-nothing (see the header). Throws GenerationAbortedError when
 * cancelled and the batch's own error when a write fails; in both cases the workbook is as before.
 */
export async function writeGeneratedSheets(
  port: WorkbookPort,
  specs: readonly GeneratedSheetSpec[],
  opts: WriteGeneratedOptions = {},
): Promise<WriteGeneratedResult> {
  const now = opts.now ?? new Date();
  const profileVersion = opts.profileVersion ?? "";
  for (const [i, s] of specs.entries()) {
    const problem = sheetNameProblem(s.name);
    if (problem) throw new Error(`Нельзя построить лист: ${problem}.`);
    if (sameName(s.name, SETTINGS_SHEET)) throw new Error(`Имя «${s.name}» занято листом настроек.`);
    if (specs.some((o, j) => j < i && sameName(o.name, s.name)))
      throw new Error(`Лист «${s.name}» указан для построения дважды.`);
  }
  const aborted = () => opts.signal?.aborted === true;
  if (aborted()) throw new GenerationAbortedError();

  const sheets = await port.listSheets();
  const settings = await readSettings(port);
  const registry = settings.entries
    .filter((e) => e.key.startsWith(GENERATED_PREFIX))
    .map((e) => ({ sheet: e.key.slice(GENERATED_PREFIX.length), kind: String(e.value ?? "") }));
  // Temporaries left by a run that was interrupted (Excel closed mid-way) are removed in the swap,
  // if they carry the marker; anything else with such a name is the user's and stays.
  const leftovers = sheets.filter((s) => TEMP_RE.test(s.name));
  const generated = await generatedAmong(port, sheets, [
    ...registry,
    ...leftovers.map((s) => ({ sheet: s.name, kind: "" })),
  ]);
  const staleTemps = leftovers.filter((s) => generated.has(s.name.toLocaleUpperCase("ru"))).map((s) => s.name);
  for (const t of staleTemps) generated.delete(t.toLocaleUpperCase("ru"));
  const taken = new Set(sheets.map((s) => s.name.toLocaleUpperCase("ru")));
  const isTaken = (n: string) => taken.has(n.toLocaleUpperCase("ru"));

  // Decide each sheet's final name and which old generated sheet it replaces.
  const notices: string[] = [];
  const plan: { spec: GeneratedSheetSpec; final: string; old?: { name: string; position: number } }[] = [];
  const claimed = new Set<string>();
  for (const spec of specs) {
    const key = spec.name.toLocaleUpperCase("ru");
    const own = generated.get(key);
    if (own && !claimed.has(key)) {
      claimed.add(key);
      plan.push({ spec, final: own.name, old: own });
      continue;
    }
    if (!isTaken(spec.name) && !claimed.has(key)) {
      claimed.add(key);
      plan.push({ spec, final: spec.name });
      continue;
    }
    // A user's sheet holds the name: reuse our earlier "Name (n)" of the same kind, else a free one.
    const numbered = new RegExp(`^${escapeRe(numberedName(spec.name, 2).replace(/ \(2\)$/, ""))} \\((\\d+)\\)$`, "i");
    const earlier = [...generated.values()].find(
      (g) => numbered.test(g.name) && g.kind === spec.kind && !claimed.has(g.name.toLocaleUpperCase("ru")),
    );
    let final: string;
    if (earlier) {
      final = earlier.name;
      plan.push({ spec, final, old: earlier });
    } else {
      let n = 2;
      while (isTaken(numberedName(spec.name, n)) || claimed.has(numberedName(spec.name, n).toLocaleUpperCase("ru")))
        n++;
      final = numberedName(spec.name, n);
      plan.push({ spec, final });
    }
    claimed.add(final.toLocaleUpperCase("ru"));
    notices.push(
      `Лист «${spec.name}» создан не надстройкой, поэтому он не изменён; результат записан на лист «${final}».`,
    );
  }

  // 1. Every new sheet under a temporary name.
  const temps: string[] = [];
  let tempNo = 1;
  const nextTemp = () => {
    while (isTaken(`${TEMP_PREFIX}${tempNo}`)) tempNo++;
    const t = `${TEMP_PREFIX}${tempNo++}`;
    taken.add(t.toLocaleUpperCase("ru"));
    return t;
  };
  const marker = markerText({ date: now, profileVersion });
  let registryTouched = false;
  const cleanup = async () => {
    try {
      const existing = await port.listSheets();
      const has = (n: string) => existing.some((s) => sameName(s.name, n));
      const ops: WriteOp[] = temps.filter(has).map((name) => ({ op: "deleteSheet", name }));
      if (registryTouched && has(SETTINGS_SHEET)) {
        if (!settings.exists) ops.push({ op: "deleteSheet", name: SETTINGS_SHEET });
        else {
          // Put the settings table back as it was, blanking rows the run appended.
          const [current] = await port.readSheets([SETTINGS_SHEET]);
          const width = Math.max(3, ...settings.grid.map((r) => r.length));
          const grid = settings.grid.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? null));
          while (grid.length < (current?.values.length ?? 0)) grid.push(new Array(width).fill(null));
          if (grid.length) ops.push({ op: "values", sheet: SETTINGS_SHEET, address: "A1", values: grid });
        }
      }
      if (ops.length) await port.write({ ops });
    } catch {
      // Best effort: the original error is what the user needs to see.
    }
  };
  try {
    for (const [i, p] of plan.entries()) {
      if (aborted()) throw new GenerationAbortedError();
      const temp = nextTemp();
      temps.push(temp);
      const ops: WriteOp[] = [
        { op: "addSheet", name: temp, ...(p.old ? { position: p.old.position } : {}) },
        ...p.spec.batch(temp),
        { op: "values", sheet: temp, address: MARKER_CELL, values: [[marker]] },
      ];
      const res = await port.write({ ops });
      for (const n of res.notices) if (!notices.includes(n)) notices.push(n);
      opts.onProgress?.(i + 1, plan.length, p.final);
    }
    if (aborted()) throw new GenerationAbortedError();
    // 2. The registry first: an entry for a sheet that is not (yet) there is harmless.
    const stamp = formatStamp(now);
    const updates: SettingUpdate[] = plan.map((p) => ({
      key: `${GENERATED_PREFIX}${p.final}`,
      value: p.spec.kind,
      note: `построен ${stamp}${profileVersion ? `, профиль ${profileVersion}` : ""}`,
    }));
    updates.push({ key: SETTING_KEYS.runDate, value: now.toISOString().slice(0, 16).replace("T", " ") });
    updates.push({ key: SETTING_KEYS.runFiles, value: (opts.files ?? []).join("; ") });
    updates.push({ key: SETTING_KEYS.runProfile, value: profileVersion });
    // The last point where a cancel is honoured: from here on the run completes.
    if (aborted()) throw new GenerationAbortedError();
    registryTouched = true;
    await writeSettings(port, updates);
  } catch (e) {
    await cleanup();
    throw e;
  }

  // 3. Swap in one batch: delete the old generated sheets, give the new ones their names.
  const swap: WriteOp[] = [];
  for (const p of plan) if (p.old) swap.push({ op: "deleteSheet", name: p.old.name });
  for (const t of staleTemps) swap.push({ op: "deleteSheet", name: t });
  plan.forEach((p, i) => swap.push({ op: "renameSheet", from: temps[i], to: p.final }));
  try {
    await port.write({ ops: swap });
  } catch (e) {
    await cleanup();
    throw e;
  }
  return {
    sheets: plan.map((p) => ({ wanted: p.spec.name, written: p.final, kind: p.spec.kind, replaced: !!p.old })),
    notices,
  };
}

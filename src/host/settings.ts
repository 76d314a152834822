/**
 * The workbook's own settings live on a hidden sheet «Настройки МСОКО» (columns Ключ | Значение |
 * Пояснение), not in Office document settings: the sheet travels with the file to Excel 2016, to
 * LibreOffice and to the CLI, a methodologist can unhide and read it, and every override has a
 * cell to point at in error messages. Keys are ids: methodology parameters (see
 * src/core/profile/params.ts and profile.ts), `report.*`, `workbook.*`, `run.*` and the registry of
 * generated sheets (`generated|<лист>`). Keys are kept in Maps and only catalogued ones reach the
 * profile, so "__proto__" or "constructor" can do no harm.
 */
import type { CellRef } from "../core/model";
import { PARAMS, applyOverrides, type OverrideEntry, type OverrideError, type Profile } from "../core/profile";
import type { CellValue } from "../core/values";
import type { WorkbookPort, WriteOp } from "./port";
import { sameName } from "./rules";
import { isoDateToSerial, serialToIsoDate } from "./serial";

export const SETTINGS_SHEET = "Настройки МСОКО";
export const SETTINGS_HEADERS = ["Ключ", "Значение", "Пояснение"] as const;

/** Keys that are workbook settings, not methodology parameters. */
export const NON_PROFILE_PREFIXES = ["report.", "workbook.", "run.", "generated|"] as const;

/** Well-known plain settings. */
export const SETTING_KEYS = {
  /** The workbook's reporting date, ISO yyyy-mm-dd. */
  reportDate: "report.date",
  /** "school" (форма ОО), "municipality" (свод) or "other". */
  workbookRole: "workbook.role",
  runDate: "run.date",
  runFiles: "run.files",
  runProfile: "run.profile",
} as const;

export const GENERATED_PREFIX = "generated|";

export interface SettingEntry extends OverrideEntry {
  /** The Пояснение column. */
  note: string;
  /** Where the value is (column B of the key's row). */
  ref: CellRef;
}

export interface SettingsRead {
  /** Whether the settings sheet exists. */
  exists: boolean;
  /** Entries in sheet order; blank keys skipped. A key listed twice: the lower row wins in `map`. */
  entries: SettingEntry[];
  /** Key → entry (the last row with the key). */
  map: Map<string, SettingEntry>;
  /** The sheet's cells as read ([] when it does not exist), to restore it after a failed run. */
  grid: CellValue[][];
}

function keyText(v: CellValue): string {
  return v === null || v === undefined ? "" : String(v).trim();
}

/** The settings table from a grid of the settings sheet (row 1 = headers). */
export function parseSettingsGrid(grid: CellValue[][], sheet = SETTINGS_SHEET): SettingsRead {
  const entries: SettingEntry[] = [];
  const map = new Map<string, SettingEntry>();
  for (let r = 1; r < grid.length; r++) {
    const row = grid[r] ?? [];
    const key = keyText(row[0]);
    if (key === "") continue;
    const value = row[1] === undefined ? null : row[1];
    const e: SettingEntry = { key, value, note: keyText(row[2]), ref: { sheet, cell: `B${r + 1}` } };
    entries.push(e);
    map.set(key, e);
  }
  return { exists: true, entries, map, grid };
}

export async function readSettings(port: WorkbookPort): Promise<SettingsRead> {
  const sheets = await port.listSheets();
  const info = sheets.find((s) => sameName(s.name, SETTINGS_SHEET));
  if (!info) return { exists: false, entries: [], map: new Map(), grid: [] };
  const [read] = await port.readSheets([info.name]);
  if (!read) return { exists: false, entries: [], map: new Map(), grid: [] };
  return parseSettingsGrid(read.values, info.name);
}

/** A default Пояснение for well-known keys. */
function defaultNote(key: string): string {
  if (Object.prototype.hasOwnProperty.call(PARAMS, key)) return PARAMS[key as keyof typeof PARAMS].label;
  if (key === SETTING_KEYS.reportDate) return "Отчётная дата книги (ГГГГ-ММ-ДД)";
  if (key === SETTING_KEYS.workbookRole)
    return "Назначение книги: school — форма ОО, municipality — свод, other — другое";
  if (key === SETTING_KEYS.runDate) return "Когда последний раз строились листы надстройки";
  if (key === SETTING_KEYS.runFiles) return "Файлы, по которым построены листы";
  if (key === SETTING_KEYS.runProfile) return "Версия профиля методики при построении";
  if (key.startsWith("ege.min|")) return "Минимальный балл ЕГЭ (ege.min|Предмет|Год)";
  if (key.startsWith("scale|")) return "Шкала перевода баллов: max;мин.3;мин.4;мин.5";
  return "";
}

export interface SettingUpdate {
  key: string;
  value: string | number | boolean | null;
  note?: string;
}

/**
 * Sets and removes several keys in one read and one write. The sheet is created (hidden) when
 * missing; existing rows keep their places, new keys are appended, removed keys' rows are
 * dropped and the table is rewritten compactly.
 */
export async function writeSettings(
  port: WorkbookPort,
  updates: readonly SettingUpdate[],
  removals: readonly string[] = [],
): Promise<{ notices: string[] }> {
  for (const u of updates) {
    if (typeof u.key !== "string" || u.key.trim() === "") throw new Error("Ключ настройки не может быть пустым.");
    if (/[\r\n]/.test(u.key)) throw new Error(`Ключ настройки «${u.key.trim()}» не может содержать перевод строки.`);
  }
  const current = await readSettings(port);
  const sheets = await port.listSheets();
  // Rows as [key, value, note], in sheet order; Map keyed by the key text.
  const rows = new Map<string, [string, CellValue, string]>();
  for (const e of current.entries) rows.set(e.key, [e.key, e.value as CellValue, e.note]);
  const drop = new Set(removals.map((k) => k.trim()));
  for (const k of drop) rows.delete(k);
  for (const u of updates) {
    const key = u.key.trim();
    const prev = rows.get(key);
    rows.set(key, [key, u.value, u.note ?? prev?.[2] ?? defaultNote(key)]);
  }
  const ops: WriteOp[] = [];
  const name = sheets.find((s) => sameName(s.name, SETTINGS_SHEET))?.name ?? SETTINGS_SHEET;
  if (!current.exists) {
    ops.push({ op: "addSheet", name });
    ops.push({ op: "columnWidths", sheet: name, from: "A", widths: [34, 24, 60] });
    ops.push({ op: "format", sheet: name, address: "A1:C1", format: { bold: true, fill: "#DDEBF7" } });
  }
  const grid: CellValue[][] = [[...SETTINGS_HEADERS], ...[...rows.values()].map((r) => [...r])];
  // Blank out rows left over from a longer table.
  while (grid.length < current.grid.length) grid.push([null, null, null]);
  ops.push({ op: "values", sheet: name, address: "A1", values: grid });
  const info = sheets.find((s) => sameName(s.name, SETTINGS_SHEET));
  const othersVisible = sheets.some((s) => !sameName(s.name, SETTINGS_SHEET) && s.visibility === "visible");
  if (othersVisible && (!info || info.visibility === "visible"))
    ops.push({ op: "sheetVisibility", name, visibility: "hidden" });
  return port.write({ ops });
}

export async function writeSetting(
  port: WorkbookPort,
  key: string,
  value: string | number | boolean | null,
  note?: string,
): Promise<{ notices: string[] }> {
  return writeSettings(port, [{ key, value, note }]);
}

export async function removeSetting(port: WorkbookPort, key: string): Promise<{ notices: string[] }> {
  return writeSettings(port, [], [key]);
}

/** Whether a key is a methodology override (goes to the profile) rather than a workbook setting. */
export function isProfileKey(key: string): boolean {
  return !NON_PROFILE_PREFIXES.some((p) => key.startsWith(p));
}

/**
 * The methodology profile of this workbook: defaults plus the overrides on the settings sheet.
 * Bad overrides are reported (with their cell) and not applied; the rest take effect.
 */
export async function loadProfile(
  port: WorkbookPort,
  base?: Profile,
): Promise<{ profile: Profile; errors: OverrideError[] }> {
  const { entries } = await readSettings(port);
  const overrides = entries.filter((e) => isProfileKey(e.key)).map(({ key, value, ref }) => ({ key, value, ref }));
  return applyOverrides(overrides, base);
}

/** The workbook's reporting date (ISO) from `report.date`, or null when unset or not a date. */
export function reportDate(settings: SettingsRead): string | null {
  const v = settings.map.get(SETTING_KEYS.reportDate)?.value;
  if (typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v.trim()))
    return isoDateToSerial(v.trim()) === null ? null : v.trim();
  // Typed into Excel by hand, a date arrives as a serial number.
  if (typeof v === "number") return serialToIsoDate(v);
  return null;
}

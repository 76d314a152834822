/**
 * The effective methodology profile: defaults from params.ts/tables.ts plus a municipality's
 * overrides (from the workbook's settings sheet), validated with Russian messages.
 */
import type { CellRef, Procedure } from "../model";
import { PROCEDURES } from "../model";
import { canonicalSubject } from "../subjects";
import { parseNumberText, quoteValue } from "../values";
import { PARAMS, PARAM_KEYS, paramSpec, type ParamKey, type ParamValues, type Tag } from "./params";
import { EGE_MINIMUMS, MARK_SCALES, type EgeMinimum, type MarkScale } from "./tables";

export const PROFILE_VERSION = "msoko-2026.2";

export interface Profile {
  /** Default version plus "+N" when N values are overridden. */
  version: string;
  values: Readonly<ParamValues>;
  egeMinimums: readonly EgeMinimum[];
  markScales: readonly MarkScale[];
  /** Keys (param keys or table keys) whose value comes from an override. */
  overridden: ReadonlySet<string>;
}

export interface OverrideEntry {
  key: string;
  value: unknown;
  ref?: CellRef;
}

export interface OverrideError {
  key: string;
  ref?: CellRef;
  message: string;
}

function defaults(): ParamValues {
  const out = {} as Record<ParamKey, unknown>;
  for (const k of PARAM_KEYS) out[k] = PARAMS[k].value;
  return out as ParamValues;
}

export const DEFAULT_PROFILE: Profile = Object.freeze({
  version: PROFILE_VERSION,
  values: Object.freeze(defaults()),
  egeMinimums: EGE_MINIMUMS,
  markScales: MARK_SCALES,
  overridden: new Set<string>(),
});

/** Table override keys: "ege.min|<предмет>|<год>" and "scale|<процедура>|<год>|<класс>|<предмет>". */
export const EGE_KEY = "ege.min";
export const SCALE_KEY = "scale";

function where(e: OverrideEntry): string {
  return e.ref ? ` (лист «${e.ref.sheet}», ячейка ${e.ref.cell})` : "";
}

function toNumber(v: unknown): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string") return parseNumberText(v);
  return null;
}

function toBoolean(v: unknown): boolean | null {
  if (typeof v === "boolean") return v;
  const s = String(v ?? "")
    .trim()
    .toLowerCase();
  if (["да", "истина", "true", "1", "yes"].includes(s)) return true;
  if (["нет", "ложь", "false", "0", "no"].includes(s)) return false;
  return null;
}

/** Longest text parameter: a regulation's full name with its order's number and date fits. */
const MAX_TEXT = 300;

function parseParam(key: ParamKey, raw: unknown): { value?: ParamValues[ParamKey]; error?: string } {
  const spec = paramSpec(key);
  const range = `${spec.min ?? "−∞"}…${spec.max ?? "+∞"}`;
  const inRange = (n: number) => (spec.min === undefined || n >= spec.min) && (spec.max === undefined || n <= spec.max);
  switch (spec.kind) {
    case "boolean": {
      const b = toBoolean(raw);
      return b === null ? { error: `ожидается «да» или «нет», а указано ${quoteValue(raw as string)}` } : { value: b };
    }
    case "number":
    case "integer": {
      const n = toNumber(raw);
      if (n === null) return { error: `ожидается число, а указано ${quoteValue(raw as string)}` };
      if (spec.kind === "integer" && !Number.isInteger(n))
        return { error: `ожидается целое число, а указано ${quoteValue(raw as string)}` };
      if (!inRange(n)) return { error: `ожидается число в диапазоне ${range}, а указано ${quoteValue(raw as string)}` };
      return { value: n };
    }
    case "text": {
      // The user's own wording (a regulation's name, a clause); a number typed into the cell
      // («9.4») is kept as written. Line breaks would break the one-line «Основание» cell.
      const text = raw === null || raw === undefined ? "" : String(raw).replace(/\s+/g, " ").trim();
      if (text.length > MAX_TEXT)
        return { error: `ожидается текст не длиннее ${MAX_TEXT} знаков, а указано ${text.length}` };
      return { value: text };
    }
    case "numbers": {
      const parts = Array.isArray(raw)
        ? raw
        : String(raw ?? "")
            .split(/\s*;\s*/)
            .filter((p) => p !== "");
      const nums = parts.map(toNumber);
      if (nums.some((n) => n === null) || nums.length !== spec.length) {
        return { error: `ожидается ${spec.length} чисел через «;», а указано ${quoteValue(String(raw))}` };
      }
      if (!(nums as number[]).every(inRange)) return { error: `каждое число должно быть в диапазоне ${range}` };
      if (spec.ascending && (nums as number[]).some((n, i) => i > 0 && n < (nums[i - 1] as number)))
        return { error: `числа должны идти по возрастанию (границы уровней), а указано ${quoteValue(String(raw))}` };
      return { value: nums as number[] };
    }
  }
}

function parseEge(parts: string[], raw: unknown): { row?: EgeMinimum; error?: string } {
  const subject = canonicalSubject(parts[1] ?? "");
  const year = toNumber(parts[2] ?? "");
  if (!subject) return { error: `неизвестный предмет ${quoteValue(parts[1] ?? "")} (ключ вида «ege.min|Физика|2027»)` };
  if (year === null || !Number.isInteger(year))
    return { error: `ожидается год в ключе (ключ вида «ege.min|Физика|2027»)` };
  const n = toNumber(raw);
  if (n === null || n < 0 || n > 100)
    return { error: `ожидается минимальный балл 0…100, а указано ${quoteValue(raw as string)}` };
  return { row: { subject, fromYear: year, score: n, tag: "REGIONAL", note: "задано в настройках книги" } };
}

function parseScale(parts: string[], raw: unknown): { row?: MarkScale; error?: string } {
  const procedure = PROCEDURES.find((p) => p.toLowerCase() === (parts[1] ?? "").trim().toLowerCase());
  const year = toNumber(parts[2] ?? "");
  const grade = toNumber(parts[3] ?? "");
  const subject = canonicalSubject(parts[4] ?? "");
  const shape = "ключ вида «scale|ВПР|2026|4|Русский язык», значение «max;мин.3;мин.4;мин.5»";
  if (!procedure || year === null || grade === null || !subject) return { error: `не распознан ключ шкалы (${shape})` };
  const nums = String(raw ?? "")
    .split(/\s*;\s*/)
    .map(toNumber);
  if (nums.length !== 4 || nums.some((n) => n === null))
    return { error: `ожидается «max;мин.3;мин.4;мин.5» (${shape})` };
  const [max, min3, min4, min5] = nums as number[];
  if (!(0 < min3 && min3 < min4 && min4 < min5 && min5 <= max)) {
    return { error: "границы должны возрастать: 0 < мин.3 < мин.4 < мин.5 ≤ max" };
  }
  return { row: { procedure: procedure as Procedure, year, grade, subject, max, min3, min4, min5, tag: "REGIONAL" } };
}

/**
 * Applies overrides to the defaults. Unknown keys and bad values are reported, never applied;
 * the rest still takes effect. Keys are looked up in the catalogue only, so "__proto__" and
 * similar can never reach an object's prototype.
 */
export function applyOverrides(
  entries: readonly OverrideEntry[],
  base: Profile = DEFAULT_PROFILE,
): { profile: Profile; errors: OverrideError[] } {
  const values: Record<string, unknown> = { ...base.values };
  const overridden = new Set(base.overridden);
  const ege = [...base.egeMinimums];
  const scales = [...base.markScales];
  const errors: OverrideError[] = [];
  for (const e of entries) {
    const key = String(e.key ?? "").trim();
    if (key === "") continue;
    const parts = key.split("|").map((p) => p.trim());
    let error: string | undefined;
    if (Object.prototype.hasOwnProperty.call(PARAMS, key)) {
      const r = parseParam(key as ParamKey, e.value);
      if (r.error) error = r.error;
      else {
        values[key] = r.value;
        overridden.add(key);
      }
    } else if (parts[0] === EGE_KEY && parts.length === 3) {
      const r = parseEge(parts, e.value);
      if (r.error) error = r.error;
      else {
        ege.push(r.row!);
        overridden.add(key);
      }
    } else if (parts[0] === SCALE_KEY && parts.length === 5) {
      const r = parseScale(parts, e.value);
      if (r.error) error = r.error;
      else {
        const i = scales.findIndex((s) => sameScale(s, r.row!));
        if (i >= 0) scales[i] = r.row!;
        else scales.push(r.row!);
        overridden.add(key);
      }
    } else {
      error = `неизвестный параметр методики ${quoteValue(key)}`;
    }
    if (error) errors.push({ key, ref: e.ref, message: `Параметр ${quoteValue(key)}${where(e)}: ${error}.` });
  }
  const profile: Profile = Object.freeze({
    version: overridden.size ? `${base.version.split("+")[0]}+${overridden.size}` : base.version.split("+")[0],
    values: Object.freeze(values) as ParamValues,
    egeMinimums: ege,
    markScales: scales,
    overridden,
  });
  return { profile, errors };
}

function sameScale(a: MarkScale, b: MarkScale): boolean {
  return a.procedure === b.procedure && a.year === b.year && a.grade === b.grade && a.subject === b.subject;
}

/** The ЕГЭ minimum row in force for a subject in a year (latest fromYear ≤ year), or null. */
export function egeMinimum(profile: Profile, subject: string, year: number): EgeMinimum | null {
  const canon = canonicalSubject(subject) ?? subject;
  let best: EgeMinimum | null = null;
  for (const m of profile.egeMinimums) {
    if (m.subject === canon && m.fromYear <= year && (!best || m.fromYear >= best.fromYear)) best = m;
  }
  return best;
}

/** The score → mark scale of a procedure, year, grade and subject, or null when none is known. */
export function markScale(
  profile: Profile,
  procedure: Procedure,
  year: number,
  grade: number,
  subject: string,
): MarkScale | null {
  const canon = canonicalSubject(subject) ?? subject;
  return (
    profile.markScales.find(
      (s) => s.procedure === procedure && s.year === year && s.grade === grade && s.subject === canon,
    ) ?? null
  );
}

/** "[DEFAULT]"-style tag of a parameter, for explanations. */
export function tagOf(profile: Profile, key: ParamKey): Tag | "OVERRIDE" {
  return profile.overridden.has(key) ? "OVERRIDE" : paramSpec(key).tag;
}

/**
 * Editing one methodology parameter on the «Методика» page: the text the field starts with
 * (Russian notation), and the check of what the user typed — the same applyOverrides the workbook
 * load uses, so the page rejects exactly what loading would reject, with the same Russian message.
 * Returns the value to store in the settings sheet: numbers as numbers (Excel shows them as
 * numbers), lists as «100; 64; 36», yes/no as «да»/«нет». Pure.
 */
import { PARAMS, applyOverrides, paramSpec, type ParamKey, type Profile } from "../../core/profile";
import { formatNumberRu } from "../../core/values";

const DIGITS = 6;

/** The value as the user would type it: «28,5», «100; 64; 36; 16; 7», «да». */
export function editText(value: number | boolean | readonly number[] | string): string {
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "да" : "нет";
  if (typeof value === "number") return formatNumberRu(value, DIGITS).replace(/[\u00a0\u202f ]/g, "");
  return value.map((v) => formatNumberRu(v, DIGITS).replace(/[\u00a0\u202f ]/g, "")).join("; ");
}

export type OverrideCheck = { ok: true; stored: string | number; text: string } | { ok: false; message: string };

/** Checks the typed text for `key`; the message is the profile's own («ожидается число в диапазоне 0…100, …»). */
export function checkOverride(key: ParamKey, typed: string): OverrideCheck {
  const text = typed.trim();
  if (text === "") return { ok: false, message: "Введите значение или нажмите «Отмена»." };
  const { profile, errors } = applyOverrides([{ key, value: text }]);
  if (errors.length > 0) return { ok: false, message: errorText(errors[0].message) };
  const value = profile.values[key];
  const spec = paramSpec(key);
  const stored = spec.kind === "number" || spec.kind === "integer" ? (value as number) : editText(value);
  return { ok: true, stored, text: editText(value) };
}

/** «Параметр «x»: ожидается …» → «Ожидается …» (the field already names the parameter). */
function errorText(message: string): string {
  const m = /^Параметр «[^»]*»(?: \([^)]*\))?: ([\s\S]*)$/.exec(message); // no `s` flag: EdgeHTML 18
  if (!m) return message;
  return m[1].charAt(0).toLocaleUpperCase("ru") + m[1].slice(1);
}

/** Whether the key is a scalar parameter of the catalogue (the page edits only those). */
export function isParamKey(key: string): key is ParamKey {
  return Object.prototype.hasOwnProperty.call(PARAMS, key);
}

export function currentEditText(profile: Profile, key: ParamKey): string {
  return editText(profile.values[key]);
}

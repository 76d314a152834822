/**
 * Text matching for ФИС ОКО exports: titles, column headers and row labels change their
 * spelling from year to year («Отметка» / «Отм.», «ё» / «е», extra spaces, upper case), so
 * every comparison goes through one normaliser and matches by prefix or by keywords.
 */
import type { CellValue } from "../core/values";
import { formatNumberRu } from "../core/values";
import { isSingleSpaced, memoizeText } from "../core/text-memo";

/**
 * Whether norm leaves the text as it is: printable ASCII without capitals and «"», Cyrillic
 * а–я (no ё), single inner spaces. Most texts met a second time are already normalised
 * (prefixes, keywords, numbers), and those skip the four regular expressions.
 */
function isNormText(text: string): boolean {
  return isSingleSpaced(
    text,
    (c) => (c >= 0x430 && c <= 0x44f) || (c >= 0x21 && c <= 0x7e && c !== 0x22 && !(c >= 0x41 && c <= 0x5a)),
  );
}

/** Normalised texts met before: titles, headers and labels repeat across rows and files. */
const normMemo = memoizeText((text) =>
  text
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[«»"“”„]/g, "")
    .replace(/[\u00a0\u202f\u2009\s]+/g, " ")
    .trim(),
);

/** Lower case, ё→е, NBSP and runs of spaces → one space, quotes «» " dropped, trimmed. */
export function norm(text: string): string {
  return isNormText(text) ? text : normMemo(text);
}

/** The cell as text (numbers in Russian notation), "" for blanks and non-text objects. */
export function cellText(v: CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") {
    // Most cells have no no-break space: skip the regex (a protocol calls this per row and column).
    if (v.indexOf("\u00a0") < 0 && v.indexOf("\u202f") < 0) return v.trim();
    return v.replace(/[\u00a0\u202f]+/g, " ").trim();
  }
  if (typeof v === "number") return formatNumberRu(v, 6).replace(/\u00a0/g, "");
  if (typeof v === "boolean") return v ? "ИСТИНА" : "ЛОЖЬ";
  const inner =
    (v as { result?: unknown; text?: unknown; richText?: { text: string }[] }).result ?? (v as { text?: unknown }).text;
  if (typeof inner === "string" || typeof inner === "number") return cellText(inner);
  const rich = (v as { richText?: { text: string }[] }).richText;
  if (Array.isArray(rich))
    return rich
      .map((r) => r.text)
      .join("")
      .trim();
  return "";
}

/** Whether the normalised text starts with one of the normalised prefixes. */
export function startsWithAny(text: string, prefixes: readonly string[]): boolean {
  const t = norm(text);
  return prefixes.some((p) => t.startsWith(norm(p)));
}

/** Short quotation of a text for messages: «…», cut at 60 characters. */
export function quote(text: string): string {
  const t = text.replace(/\s+/g, " ").trim();
  return `«${t.length > 60 ? t.slice(0, 60) + "…" : t}»`;
}

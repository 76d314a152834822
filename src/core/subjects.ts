/**
 * Canonical subject names and the spellings met in school workbooks and ФИС ОКО exports.
 * Matching is by a normalised key (lower case, ё→е, Latin look-alikes → Cyrillic, no punctuation).
 */
import { isSingleSpaced, memoizeText } from "./text-memo";

export const SUBJECTS = [
  "Русский язык",
  "Математика",
  "Математика (профильная)",
  "Математика (базовая)",
  "Физика",
  "Химия",
  "Биология",
  "Информатика",
  "История",
  "Обществознание",
  "География",
  "Литература",
  "Окружающий мир",
  "Иностранный язык",
  "Английский язык",
  "Немецкий язык",
  "Французский язык",
  "Испанский язык",
  "Китайский язык",
] as const;
export type Subject = (typeof SUBJECTS)[number];

const ALIASES: Record<string, Subject> = {
  рус: "Русский язык",
  ру: "Русский язык",
  русский: "Русский язык",
  мат: "Математика",
  ма: "Математика",
  "математика профиль": "Математика (профильная)",
  "математика профильного уровня": "Математика (профильная)",
  "профильная математика": "Математика (профильная)",
  "математика база": "Математика (базовая)",
  "математика базового уровня": "Математика (базовая)",
  "базовая математика": "Математика (базовая)",
  физ: "Физика",
  хим: "Химия",
  био: "Биология",
  инф: "Информатика",
  "информатика и икт": "Информатика",
  ист: "История",
  общ: "Обществознание",
  гео: "География",
  лит: "Литература",
  окр: "Окружающий мир",
  ом: "Окружающий мир",
  английский: "Английский язык",
  англ: "Английский язык",
  немецкий: "Немецкий язык",
  французский: "Французский язык",
  испанский: "Испанский язык",
  китайский: "Китайский язык",
  "ин яз": "Иностранный язык",
};

/** Latin letters that look like Cyrillic ones, as typed by mistake in Russian workbooks. */
const LOOKALIKES: Record<string, string> = {
  a: "а",
  c: "с",
  e: "е",
  o: "о",
  p: "р",
  x: "х",
  y: "у",
  k: "к",
  m: "м",
  t: "т",
  b: "в",
  h: "н",
};

/**
 * Whether normaliseKey leaves the text as it is: only a–z, 0–9, а–я (no ё) and single inner
 * spaces, and no Latin letter beside a Cyrillic one (look-alikes would be replaced). Codes and
 * numbers read from every row are such texts; they skip the six regular expressions below.
 */
function isNormalKey(text: string): boolean {
  let latin = false;
  let cyrillic = false;
  const normal = isSingleSpaced(text, (c) => {
    if (c >= 0x61 && c <= 0x7a) latin = true;
    else if (c >= 0x430 && c <= 0x44f) cyrillic = true;
    else if (c < 0x30 || c > 0x39) return false;
    return true;
  });
  return normal && !(latin && cyrillic);
}

/** Normalised keys of texts met before: headers, enum values and subjects repeat down every column. */
const normaliseKeyMemo = memoizeText((text) => {
  let s = text
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[\u00a0\s]+/g, " ")
    .trim();
  if (/[а-я]/.test(s)) s = s.replace(/[aceopxykmtbh]/g, (ch) => LOOKALIKES[ch] ?? ch);
  return s
    .replace(/[().,;:«»"'\-–—]/g, " ")
    .replace(/ +/g, " ")
    .trim();
});

/** Lower case, ё→е, look-alike Latin → Cyrillic when the word is mostly Cyrillic, no punctuation. */
export function normaliseKey(text: string): string {
  return isNormalKey(text) ? text : normaliseKeyMemo(text);
}

const BY_KEY = new Map<string, Subject>();
for (const s of SUBJECTS) BY_KEY.set(normaliseKey(s), s);
for (const [alias, s] of Object.entries(ALIASES)) BY_KEY.set(normaliseKey(alias), s);

/**
 * normaliseKey keeps ASCII digits, so a text with a digit (a participant code, a number) has no
 * subject when no subject key holds one: it is answered without normalising.
 */
const KEYS_HOLD_DIGITS = [...BY_KEY.keys()].some((k) => /[0-9]/.test(k));

function hasAsciiDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) return true;
  }
  return false;
}

/** The canonical subject for a spelling, or null when unknown. */
export function canonicalSubject(text: string): Subject | null {
  if (!KEYS_HOLD_DIGITS && hasAsciiDigit(text)) return null;
  return BY_KEY.get(normaliseKey(text)) ?? null;
}

/** Levenshtein distance, O(|a|·|b|) with one row of memory. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const row = new Uint16Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) row[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return row[b.length];
}

/** The nearest of the candidates to the text by edit distance of normalised keys. */
export function nearest<T extends string>(text: string, candidates: readonly T[]): T | null {
  const key = normaliseKey(text);
  let best: T | null = null;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(key, normaliseKey(c));
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best !== null && bestD <= Math.max(2, Math.ceil(key.length / 2)) ? best : null;
}

/**
 * Reading one cell of the form as its column's type says: numbers stored as text and decimal
 * commas are accepted with a warning, «н/а»/«отс» where the column allows them, enums matched
 * like headers (case, ё, look-alike Latin letters, spaces), dates from Excel serials or text.
 * Every problem becomes a Finding naming the sheet and the cell; nothing is ever written back.
 */
import { PARAMS } from "../core/profile";
import type { Finding } from "../core/model";
import { nearest } from "../core/subjects";
import { countRu, formatNumberRu, quoteValue, readCell, type CellValue } from "../core/values";
import { serialToIsoDate } from "../host/serial";
import { finding } from "./rules";
import { headerKey } from "./schema/locate";
import type { ColumnSpec } from "./schema/types";

export type TypedValue = string | number | null;

const TYPE_WORD: Record<ColumnSpec["type"], string> = {
  text: "текст",
  integer: "целое число",
  number: "число",
  percent: "число от 0 до 100",
  date: "дата ДД.ММ.ГГГГ",
  enum: "значение из списка",
  code: "код",
  year: "год (четыре цифры)",
};

export function typeWord(type: ColumnSpec["type"]): string {
  return TYPE_WORD[type];
}

/** Dates met before: a form's documents share a handful of dates, and Date objects cost. */
const ISO_MEMO = new Map<number, string | null>();

/** Excel serial → ISO date (the host's convention, src/host/serial.ts). */
export function isoFromSerial(serial: number): string | null {
  let iso = ISO_MEMO.get(serial);
  if (iso === undefined) {
    iso = serialToIsoDate(serial);
    if (ISO_MEMO.size >= 5000) ISO_MEMO.clear();
    ISO_MEMO.set(serial, iso);
  }
  return iso;
}

function validIso(y: number, m: number, d: number): string | null {
  const t = Date.UTC(y, m - 1, d);
  const dt = new Date(t);
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return dt.toISOString().slice(0, 10);
}

/** "05.09.2025", "2025-09-05" → ISO, or null. */
export function parseDateText(text: string): string | null {
  let m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})(?:\s.*)?$/.exec(text.trim());
  if (m) return validIso(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$/.exec(text.trim());
  if (m) return validIso(Number(m[1]), Number(m[2]), Number(m[3]));
  return null;
}

/** Canonical value of an enum column for a cell's text, or null. */
export function matchEnum(text: string, spec: Pick<ColumnSpec, "values" | "valueAliases">): string | null {
  const key = headerKey(text);
  for (const v of spec.values ?? []) if (headerKey(v) === key) return v;
  for (const [alias, v] of Object.entries(spec.valueAliases ?? {})) if (headerKey(alias) === key) return v;
  return null;
}

/** «Процедура» … as a column is quoted in messages. */
export function columnName(spec: Pick<ColumnSpec, "header">): string {
  return /^«[^«»]*»$/.test(spec.header) ? spec.header : `«${spec.header}»`;
}

const CODE_RE = /^[A-Za-z0-9А-Яа-яЁё_.\-/]+$/;
/** A participant "code" that reads like «Иванов Иван» or «Иванова А.». */
const NAME_LIKE = /^[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?\s+[А-ЯЁ](?:[а-яё]+|\.)/;
/** A name typed as a code, without a space: «Иванов_Иван», «ВасильевВасилий», «Петрова.А». */
const NAME_JOINED = /^[А-ЯЁ][а-яё]{2,}[_.-]?[А-ЯЁ](?:[а-яё]+|\.?$)/;

/** The cell as text, keeping leading zeros of codes typed as text ("0012"). */
function rawText(v: CellValue): string {
  if (typeof v === "string") return v.replace(/[\u00a0\u202f]+/g, " ").trim();
  const c = readCell(v);
  if (c.kind === "number") return String(c.value);
  if (c.kind === "text") return c.text;
  return String(v).trim();
}

export interface CellContext {
  sheet: string;
  cell: string;
  findings: Finding[];
  /** Longest text kept (profile setting «limits.textLength»; MAX_INPUT_TEXT when omitted). */
  maxText?: number;
}

/** JavaScript's \s (what a regular expression's \s matches), by UTF-16 code unit. */
function isSpaceCode(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    (c > 0x7f &&
      (c === 0xa0 ||
        c === 0x1680 ||
        (c >= 0x2000 && c <= 0x200a) ||
        c === 0x2028 ||
        c === 0x2029 ||
        c === 0x202f ||
        c === 0x205f ||
        c === 0x3000 ||
        c === 0xfeff))
  );
}

/**
 * Text without surrounding spaces and without characters that need normalising (NBSP, narrow
 * NBSP): /^[^\s\u00a0\u202f](?:[^\u00a0\u202f]*[^\s\u00a0\u202f])?$/ without a regular
 * expression, as it runs on every text cell of the form.
 */
function isPlainText(v: string, maxText: number): boolean {
  const n = v.length;
  if (n === 0 || n > maxText || isSpaceCode(v.charCodeAt(0)) || isSpaceCode(v.charCodeAt(n - 1))) return false;
  for (let i = 0; i < n; i++) {
    const c = v.charCodeAt(i);
    if (c === 0xa0 || c === 0x202f || isStrippedCode(c)) return false;
  }
  return true;
}

/** CODE_RE without a regular expression: A–Z, a–z, 0–9, А–я, Ё, ё, «_», «.», «-», «/». */
function isCodeText(v: string): boolean {
  const n = v.length;
  if (n === 0) return false;
  for (let i = 0; i < n; i++) {
    const c = v.charCodeAt(i);
    if ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x410 && c <= 0x44f))
      continue;
    if (c === 0x401 || c === 0x451 || c === 0x5f || c === 0x2e || c === 0x2d || c === 0x2f) continue;
    return false;
  }
  return true;
}

/**
 * Largest magnitude a number in a form may have: Excel keeps 15 significant digits, so a count,
 * score or share beyond 10¹⁵ is a typing or export error, and 1e308 participants would overflow
 * every sum to Infinity (printed as «null» or written as <v>NaN</v> downstream). Refused here, at
 * the input, so no later step meets a number it cannot add up.
 */
export const MAX_INPUT_MAGNITUDE = 1e15;

const TOO_LARGE_HINT =
  "Проверьте значение: в форме не бывает чисел больше 1 000 000 000 000 000 по модулю; возможно, в ячейку попал код или несколько чисел подряд.";

/** Whether a number read from a cell can be used in sums: finite and within MAX_INPUT_MAGNITUDE. */
export function isUsableNumber(n: number): boolean {
  return Number.isFinite(n) && Math.abs(n) <= MAX_INPUT_MAGNITUDE;
}

/**
 * Longest text a form cell keeps: a school name, a code or a note is a few hundred characters; a
 * 10 000-character name (or a 200 MB one) would stop the whole summary at Excel's 32 767-character
 * cell limit and block every other school's form. Cut here, with a finding, so one bad form is
 * reported and the others are summarised.
 */
export const MAX_INPUT_TEXT = PARAMS["limits.textLength"].value;

/** C0 controls (tab and line breaks kept), DEL, C1 controls and the bidi marks, embeddings, overrides and isolates. */
function isStrippedCode(c: number): boolean {
  if (c < 0x20) return c !== 0x09 && c !== 0x0a && c !== 0x0d;
  if (c < 0x7f) return false;
  return (
    c <= 0x9f ||
    c === 0x061c ||
    c === 0x200e ||
    c === 0x200f ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2066 && c <= 0x2069)
  );
}

/** Whether the text needs `cleanInputText` (a character to strip, or too long). */
function needsCleaning(v: string, maxText: number): boolean {
  if (v.length > maxText) return true;
  for (let i = 0; i < v.length; i++) if (isStrippedCode(v.charCodeAt(i))) return true;
  return false;
}

/** The text without control and bidi characters, cut to `maxText` (never between the halves of a surrogate pair). */
export function cleanInputText(
  v: string,
  maxText = MAX_INPUT_TEXT,
): { text: string; removed: number; cutFrom: number } {
  let text = "";
  let removed = 0;
  for (let i = 0; i < v.length; i++) {
    if (isStrippedCode(v.charCodeAt(i))) removed++;
    else if (text.length < maxText + 1) text += v[i];
  }
  const length = v.length - removed;
  if (length <= maxText) return { text, removed, cutFrom: 0 };
  let end = maxText;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return { text: text.slice(0, end), removed, cutFrom: length };
}

const SIGNS = ["знак", "знака", "знаков"] as const;

const FAILED: { value: TypedValue; ok: boolean } = Object.freeze({ value: null, ok: false }) as {
  value: TypedValue;
  ok: boolean;
};

function failWith(
  ctx: CellContext,
  rule: Parameters<typeof finding>[0],
  message: string,
  hint?: string,
): { value: TypedValue; ok: boolean } {
  ctx.findings.push(finding(rule, ctx.sheet, ctx.cell, message, hint));
  return FAILED;
}

/**
 * The common cases without allocations (a parser reads every cell of the form): a blank optional
 * cell, an in-range number of a numeric column, plain text of a text, code or enum column.
 * Returns undefined when the cell needs the full reading (and possibly a finding).
 */
export function coerceFast(v: CellValue, spec: ColumnSpec, maxText = MAX_INPUT_TEXT): TypedValue | undefined {
  if (v === null || v === undefined || v === "") return spec.required ? undefined : null;
  if (typeof v === "number") {
    if (!isUsableNumber(v)) return undefined;
    if (spec.type === "number" || ((spec.type === "integer" || spec.type === "year") && Number.isInteger(v))) {
      if ((spec.min === undefined || v >= spec.min) && (spec.max === undefined || v <= spec.max)) return v;
    }
    // A serial of a date column: what coerceSlow gives it when the serial is a date.
    if (spec.type === "date") return isoFromSerial(v) ?? undefined;
    return undefined;
  }
  if (typeof v === "string" && isPlainText(v, maxText)) {
    if (spec.type === "enum" && spec.values?.includes(v)) return v;
    // NAME_LIKE needs a space between the words, which a code never has; NAME_JOINED is tried on codes.
    if (spec.type === "text" || (spec.type === "code" && isCodeText(v) && !NAME_JOINED.test(v))) return v;
  }
  return undefined;
}

/**
 * Reads `v` as `spec` says. Returns the typed value (null when blank or unreadable) and whether
 * it was readable; findings go to ctx.findings.
 */
export function coerceCell(v: CellValue, spec: ColumnSpec, ctx: CellContext): { value: TypedValue; ok: boolean } {
  const fast = coerceFast(v, spec, ctx.maxText);
  return fast === undefined ? coerceSlow(v, spec, ctx) : { value: fast, ok: true };
}

function coerceSlow(v: CellValue, spec: ColumnSpec, ctx: CellContext): { value: TypedValue; ok: boolean } {
  const { sheet, cell, findings } = ctx;
  const col = columnName(spec);
  const maxText = ctx.maxText ?? MAX_INPUT_TEXT;
  if (typeof v === "string" && needsCleaning(v, maxText)) {
    const clean = cleanInputText(v, maxText);
    const what = [
      clean.removed
        ? `удалено ${countRu(clean.removed, SIGNS)} управляющих символов или символов смены направления письма`
        : "",
      clean.cutFrom ? `текст длиной ${countRu(clean.cutFrom, SIGNS)} сокращён до ${formatNumberRu(maxText, 0)}` : "",
    ].filter(Boolean);
    // The text itself is not quoted: it may be a name, and it is what made the cell suspicious.
    findings.push(
      finding(
        "text.cleaned",
        sheet,
        cell,
        `В столбце ${col} ${what.join("; ")}.`,
        "Проверьте ячейку: в форме ожидается короткий текст без скрытых знаков.",
      ),
    );
    v = clean.text;
  }
  const fail = (rule: Parameters<typeof finding>[0], message: string, hint?: string) =>
    failWith(ctx, rule, message, hint);

  if (v instanceof Date) {
    if (spec.type === "date") return { value: v.toISOString().slice(0, 10), ok: true };
    return fail(
      spec.type === "integer" || spec.type === "year" ? "type.integer" : "type.number",
      `В столбце ${col} стоит дата ${v.toISOString().slice(0, 10)}, а ожидается ${typeWord(spec.type)}.`,
      "Excel мог сам превратить число в дату: задайте ячейке числовой формат и введите значение заново.",
    );
  }
  // NaN, ±Infinity (from a host or a broken file) and, in numeric columns, magnitudes past 10¹⁵; never quoted: «Infinity» is no Russian.
  const numeric =
    spec.type === "integer" ||
    spec.type === "year" ||
    spec.type === "number" ||
    spec.type === "percent" ||
    spec.type === "date";
  if (typeof v === "number" && (!Number.isFinite(v) || (numeric && !isUsableNumber(v)))) {
    const what = Number.isNaN(v)
      ? "значение «не число» (результат неудачного вычисления)"
      : Number.isFinite(v)
        ? "слишком большое по модулю число"
        : "бесконечное значение";
    return fail("range", `В столбце ${col} стоит ${what}, а ожидается ${typeWord(spec.type)}.`, TOO_LARGE_HINT);
  }
  const c = readCell(v);
  if (numeric && c.kind === "number" && !isUsableNumber(c.value)) {
    return fail(
      "range",
      `В столбце ${col} стоит слишком большое по модулю число (${quoteValue(typeof v === "string" ? v : "")}), а ожидается ${typeWord(spec.type)}.`,
      TOO_LARGE_HINT,
    );
  }
  if (c.kind === "blank") {
    if (spec.required) return fail("value.required", `Не заполнен обязательный столбец ${col}.`, spec.help);
    return { value: null, ok: true };
  }
  if (c.kind === "error")
    return fail(
      "type.error",
      `В столбце ${col} ошибка Excel ${c.code}; ожидается ${typeWord(spec.type)}.`,
      "Исправьте формулу или введите значение.",
    );
  if (c.kind === "na" || c.kind === "absent") {
    if (spec.allowAbsent) return { value: null, ok: true };
    if (spec.type === "text" || spec.type === "code") return { value: String(v).trim(), ok: true };
    return fail(
      spec.type === "integer" || spec.type === "year" ? "type.integer" : "type.number",
      `В столбце ${col} стоит ${quoteValue(v)}, а ожидается ${typeWord(spec.type)}.`,
      spec.help,
    );
  }
  if (c.kind === "boolean")
    return fail(
      "type.number",
      `В столбце ${col} стоит логическое значение ${c.value ? "ИСТИНА" : "ЛОЖЬ"}; ожидается ${typeWord(spec.type)}.`,
    );

  switch (spec.type) {
    case "integer":
    case "year":
    case "number":
    case "percent": {
      if (c.kind !== "number") {
        const rule = spec.type === "number" || spec.type === "percent" ? "type.number" : "type.integer";
        return fail(rule, `В столбце ${col} стоит ${quoteValue(v)}, а ожидается ${typeWord(spec.type)}.`, spec.help);
      }
      const n = c.value;
      if ((spec.type === "integer" || spec.type === "year") && !Number.isInteger(n)) {
        return fail(
          "type.integer",
          `В столбце ${col} стоит ${quoteValue(v)}, а ожидается ${typeWord(spec.type)}.`,
          spec.help,
        );
      }
      if (c.fromText) {
        const comma = String(v).includes(",");
        findings.push(
          finding(
            comma ? "number.decimalComma" : "number.text",
            sheet,
            cell,
            comma
              ? `В столбце ${col} число ${quoteValue(v)} записано текстом с запятой; прочитано как ${formatNumberRu(n)}.`
              : `В столбце ${col} число ${quoteValue(v)} сохранено как текст; прочитано как ${formatNumberRu(n)}.`,
            "Принято. Чтобы формулы Excel его учитывали, преобразуйте ячейку в число (значок предупреждения → «Преобразовать в число»).",
          ),
        );
      }
      if (spec.min !== undefined && n < spec.min) {
        return fail(
          "range",
          `В столбце ${col} значение ${formatNumberRu(n)} меньше допустимого ${formatNumberRu(spec.min)}.`,
          spec.help,
        );
      }
      if (spec.max !== undefined && n > spec.max) {
        return fail(
          "range",
          `В столбце ${col} значение ${formatNumberRu(n)} больше допустимого ${formatNumberRu(spec.max)}.`,
          spec.help,
        );
      }
      return { value: n, ok: true };
    }
    case "date": {
      if (c.kind === "number") {
        const iso = c.fromText ? null : isoFromSerial(c.value);
        if (!iso)
          return fail(
            "type.date",
            `В столбце ${col} стоит ${quoteValue(v)}, а ожидается ${typeWord("date")}.`,
            "Например, 05.09.2025.",
          );
        return { value: iso, ok: true };
      }
      const iso = parseDateText(c.text);
      if (!iso)
        return fail(
          "type.date",
          `В столбце ${col} стоит ${quoteValue(v)}, а ожидается ${typeWord("date")}.`,
          "Например, 05.09.2025.",
        );
      return { value: iso, ok: true };
    }
    case "enum": {
      const text = c.kind === "number" ? String(c.value) : c.kind === "text" ? c.text : String(v);
      const value = matchEnum(text, spec);
      if (value !== null) return { value, ok: true };
      const suggestion = nearest(text, spec.values ?? []);
      const rule = spec.id === "procedure" ? "unknown.procedure" : "type.enum";
      const what = spec.id === "procedure" ? "Неизвестная процедура" : `Значение не из списка столбца ${col}:`;
      return fail(
        rule,
        `${what} ${quoteValue(v)}${suggestion ? `; возможно, «${suggestion}»` : ""}. Допустимо: ${(spec.values ?? []).join(", ")}.`,
        "Выберите значение из раскрывающегося списка.",
      );
    }
    case "code": {
      const text = rawText(v);
      // The value is never quoted when it may be a pupil's name: findings travel into the
      // municipal summary («Файлы свода») and its JSON, and a quoted name would leak there.
      // (Found by the hostile-input privacy test: the message used to repeat the name.)
      if (NAME_LIKE.test(text) || NAME_JOINED.test(text)) {
        return fail(
          "privacy.names",
          `В столбце ${col} стоит текст, похожий на фамилию и имя (значение не приводится, чтобы не распространять персональные данные). Персональные данные в форму не вносятся.`,
          "Замените фамилию кодом участника из ФИС ОКО или протокола.",
        );
      }
      if (!CODE_RE.test(text)) {
        // A code with spaces is most likely a name in another spelling («Kuznetsov Ivan», «иванов и.»).
        const shown = /\s/.test(text.trim()) ? "" : ` ${quoteValue(v)}`;
        return fail(
          "type.code",
          `В столбце ${col} код${shown} содержит пробелы или недопустимые знаки; ожидаются буквы, цифры, «-», «_», «.», «/».`,
        );
      }
      return { value: text, ok: true };
    }
    case "text":
    default: {
      return { value: rawText(v), ok: true };
    }
  }
}

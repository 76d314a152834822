/**
 * Cell text through the cell's number format, the way Russian Excel draws it: comma decimals, NBSP
 * thousands where the format groups digits, percent formats multiplying by 100, quoted literals,
 * sections for positive;negative;zero;text, dates from serials. The preview grid shows «68,5» for
 * 68.5472496474 in a `0.0` cell, as Excel would, instead of the raw number. Pure; covers the codes
 * the add-in writes (0, 0.0, 0.00, 0.0" %", 0%, +0.0" п.п.", #,##0, @, dd.mm.yyyy) and the common
 * rest of Excel's syntax; anything it cannot read falls back to the General format.
 */
import type { CellValue } from "../../core/values";
import { serialToIsoDate } from "../../host/serial";

const NBSP = "\u00a0";
const MONTHS_SHORT = ["янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"];
const MONTHS_LONG = [
  "январь",
  "февраль",
  "март",
  "апрель",
  "май",
  "июнь",
  "июль",
  "август",
  "сентябрь",
  "октябрь",
  "ноябрь",
  "декабрь",
];

/** A boolean, an error object or a string as Excel shows it whatever the number format. */
function nonNumberText(v: Exclude<CellValue, number>): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "boolean") return v ? "ИСТИНА" : "ЛОЖЬ";
  if (typeof v === "object") {
    const code = (v as { error?: unknown }).error ?? (v as { errorType?: unknown }).errorType;
    return code !== undefined ? String(code) : JSON.stringify(v);
  }
  return v;
}

/**
 * The General format of a Russian Excel column of standard width: up to 10 significant digits
 * (11 characters with the comma), exponent notation beyond that range.
 */
export function generalNumberText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (n === 0) return "0";
  const abs = Math.abs(n);
  if (abs >= 1e11 || abs < 1e-9) {
    const [mantissa, exponent] = n.toExponential(5).split("e");
    const m = mantissa.replace(/\.?0+$/, "").replace(".", ",");
    const e = Number(exponent);
    return `${m}E${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  }
  const text = String(Number(n.toPrecision(10)));
  if (/e/.test(text))
    return Number(n.toPrecision(10))
      .toFixed(10)
      .replace(/\.?0+$/, "")
      .replace(".", ",");
  return text.replace(".", ",");
}

/** Splits a format code at «;» outside quotes and brackets. */
export function formatSections(code: string): string[] {
  const out: string[] = [];
  let current = "";
  let quoted = false;
  let bracket = false;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch === "\\" && !quoted && i + 1 < code.length) {
      current += ch + code[++i];
      continue;
    }
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === "[") bracket = true;
    else if (!quoted && ch === "]") bracket = false;
    if (ch === ";" && !quoted && !bracket) {
      out.push(current);
      current = "";
    } else current += ch;
  }
  out.push(current);
  return out;
}

type Token = { kind: "literal"; text: string } | { kind: "code"; text: string };

/** Literals (quoted, escaped, spacing and fill) apart from the format characters. */
function tokenize(section: string): Token[] {
  const tokens: Token[] = [];
  const push = (kind: Token["kind"], text: string) => {
    const last = tokens[tokens.length - 1];
    if (last && last.kind === kind) last.text += text;
    else tokens.push({ kind, text });
  };
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      push("literal", section.slice(i + 1, end < 0 ? undefined : end));
      i = end < 0 ? section.length : end;
    } else if (ch === "\\") {
      push("literal", section[++i] ?? "");
    } else if (ch === "_") {
      push("literal", " "); // «_)» leaves the width of «)»
      i++;
    } else if (ch === "*") {
      i++; // fill character: nothing to draw in a grid cell
    } else if (ch === "[") {
      const end = section.indexOf("]", i);
      i = end < 0 ? section.length : end; // [Red], [>=100], [$-419]
    } else if (/[0#?.,%Ee+\-dmyhsDMYHSAaPp/:@ ]/.test(ch) || /[()$€₽]/.test(ch)) {
      if (/[()$€₽ \-+/:]/.test(ch) && !/[Ee]/.test(section[i - 1] ?? "")) push("literal", ch);
      else push("code", ch);
    } else push("literal", ch);
  }
  return tokens;
}

const DATE_CODE = /[dmyhsDMYHS]/;

function isDateSection(tokens: Token[]): boolean {
  return tokens.some((t) => t.kind === "code" && DATE_CODE.test(t.text.replace(/E/g, "")));
}

function groupThousands(int: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
}

/** Excel rounds halves away from zero on the decimal value (1,005 → 1,01), not on the binary one. */
function roundHalfUp(n: number, digits: number): number {
  const shifted = Number(`${n}e${digits}`);
  if (!Number.isFinite(shifted)) return n;
  return Number(`${Math.round(shifted)}e-${digits}`);
}

/** The number part («#,##0.00», «0.0E+00») applied to a non-negative number. */
function formatDigits(n: number, pattern: string): string {
  const expAt = pattern.search(/[Ee][+-]/);
  if (expAt >= 0) {
    const decimals = (pattern.slice(0, expAt).split(".")[1] ?? "").replace(/[^0#?]/g, "").length;
    const [m, e] = n.toExponential(decimals).split("e");
    const exponent = Number(e);
    const expDigits = pattern.slice(expAt + 2).replace(/[^0#?]/g, "").length || 1;
    return `${m.replace(".", ",")}E${exponent < 0 ? "-" : "+"}${String(Math.abs(exponent)).padStart(expDigits, "0")}`;
  }
  const point = pattern.indexOf(".");
  let intPattern = point >= 0 ? pattern.slice(0, point) : pattern;
  const fracPattern = point >= 0 ? pattern.slice(point + 1).replace(/[^0#?]/g, "") : "";
  // Commas right after the last integer placeholder divide by 1000 each; between placeholders they group.
  const scaling = /,+$/.exec(intPattern)?.[0].length ?? 0;
  intPattern = intPattern.slice(0, intPattern.length - scaling);
  const minInt = intPattern.replace(/[^0]/g, "").length;
  const minFrac = (/^0*/.exec(fracPattern)?.[0] ?? "").length;
  let [int, frac = ""] = roundHalfUp(n / 1000 ** scaling, fracPattern.length)
    .toFixed(fracPattern.length)
    .split(".");
  if (int === "0" && minInt === 0) int = "";
  int = int.padStart(minInt, "0");
  while (frac.length > minFrac && frac.endsWith("0")) frac = frac.slice(0, -1);
  if (intPattern.includes(",")) int = groupThousands(int);
  // Excel keeps the decimal sign even when no decimals follow («0.##» shows 12 as «12,»).
  return point >= 0 ? `${int},${frac}` : int;
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

/** A date/time section applied to an Excel serial; null when the serial is not a date. */
function formatDate(serial: number, tokens: Token[]): string | null {
  const iso = serialToIsoDate(serial);
  if (!iso) return null;
  const [y, mo, d] = iso.split("-").map(Number);
  const seconds = Math.round((serial - Math.floor(serial)) * 86_400);
  const hh = Math.floor(seconds / 3600) % 24;
  const mi = Math.floor(seconds / 60) % 60;
  const ss = seconds % 60;
  // Literals and date codes in one list: «m» after «h» or before «s» is minutes, else month.
  const parts: { code: boolean; text: string }[] = [];
  for (const t of tokens) {
    if (t.kind === "literal") parts.push({ code: false, text: t.text });
    else
      for (const p of t.text.match(/(d+|m+|y+|h+|s+|[^dmyhs]+)/gi) ?? [])
        parts.push({ code: /^[dmyhs]/i.test(p), text: p });
  }
  const codeAt = (from: number, step: number): string => {
    for (let i = from; i >= 0 && i < parts.length; i += step) if (parts[i].code) return parts[i].text.toLowerCase();
    return "";
  };
  let out = "";
  parts.forEach((p, i) => {
    const lower = p.text.toLowerCase();
    if (!p.code) out += p.text;
    else if (lower.startsWith("d")) out += lower.length === 2 ? pad2(d) : String(d);
    else if (lower.startsWith("y")) out += lower.length <= 2 ? pad2(y % 100) : String(y);
    else if (lower.startsWith("h")) out += lower.length === 1 ? String(hh) : pad2(hh);
    else if (lower.startsWith("s")) out += lower.length === 1 ? String(ss) : pad2(ss);
    else if (codeAt(i - 1, -1).startsWith("h") || codeAt(i + 1, 1).startsWith("s"))
      out += lower.length === 1 ? String(mi) : pad2(mi);
    else if (lower.length === 1) out += String(mo);
    else if (lower.length === 2) out += pad2(mo);
    else if (lower.length === 3) out += MONTHS_SHORT[mo - 1];
    else out += MONTHS_LONG[mo - 1];
  });
  return out;
}

/** One numeric section applied to |n|; `sign` is drawn before it. */
function formatNumberSection(n: number, tokens: Token[], sign: string): string {
  if (isDateSection(tokens)) return formatDate(n, tokens) ?? "#".repeat(8);
  const percents = tokens.reduce((k, t) => k + (t.kind === "code" ? (t.text.match(/%/g) ?? []).length : 0), 0);
  // The first run of placeholders is the number; other format characters are drawn as they are.
  const numberToken = tokens.find((t) => t.kind === "code" && /[0#?]/.test(t.text));
  const digits = numberToken ? formatDigits(n * 100 ** percents, numberToken.text.replace(/[%@\s]/g, "")) : "";
  let out = "";
  for (const t of tokens) {
    if (t === numberToken) out += digits + t.text.replace(/[^%]/g, "");
    else out += t.kind === "literal" ? t.text : t.text.replace(/[@]/g, "");
  }
  return sign + out;
}

/** The text section (fourth, or a lone section with «@») applied to a string; null when there is none. */
function formatTextValue(text: string, code: string): string | null {
  const sections = formatSections(code);
  const section =
    sections.length >= 4 ? sections[3] : sections.length === 1 && sections[0].includes("@") ? sections[0] : null;
  if (section === null) return null;
  return tokenize(section)
    .map((t) => (t.kind === "literal" ? t.text : t.text.replace(/@/g, text)))
    .join("");
}

/**
 * What the cell shows: `value` through `numberFormat` (Excel's en-US code, "General" or absent for
 * the General format). Strings stay as typed unless a text section («@») wraps them.
 */
export function formatCellText(value: CellValue, numberFormat?: string): string {
  const code = numberFormat && numberFormat.toLowerCase() !== "general" ? numberFormat : "";
  if (typeof value !== "number") {
    if (typeof value === "string" && code) return formatTextValue(value, code) ?? value;
    return nonNumberText(value);
  }
  if (!Number.isFinite(value)) return String(value);
  if (!code || code.trim() === "@") return generalNumberText(value);
  const sections = formatSections(code);
  // Excel cannot draw a negative date and fills the cell with «#».
  if (value < 0 && isDateSection(tokenize(sections[0]))) return "#".repeat(8);
  let section = sections[0];
  let sign = value < 0 ? "-" : "";
  if (value < 0 && sections.length >= 2) {
    section = sections[1];
    sign = ""; // the negative section draws its own sign
  } else if (value === 0 && sections.length >= 3) section = sections[2];
  if (section.trim().toLowerCase() === "general") return sign + generalNumberText(Math.abs(value));
  return formatNumberSection(Math.abs(value), tokenize(section), sign);
}

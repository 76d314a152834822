/**
 * `msoko calc FUNCTION arg ...`: evaluates a custom function outside Excel. An argument is JSON
 * (a number, "text", [[...],[...]] for a range given by rows) or, when it is not JSON, plain text
 * for one cell (балл, Математика); an empty argument is an omitted one. Prints the result, or the
 * Russian error the function raises in Excel (exit 1). A JSON argument nested deeper than any range
 * needs is refused before parsing (a 40,000-deep array would overflow the stack of the functions),
 * and bad JSON is quoted only as a short excerpt around the error, never whole.
 */
import { applyOverrides, PARAMS, type OverrideEntry } from "../../core/profile";
import { formatNumberRu } from "../../core/values";
import { COMMAND_INFO } from "../command-table";
import { FUNCTIONS, findFunction, russianName } from "../../functions/registry";
import { shorten } from "../fs-errors";
import type { Io } from "../io";
import { parseSetArg } from "../set-arg";

export const { summary, usage } = COMMAND_INFO.calc;

/**
 * A range is [[…]] (depth 2); a few more levels leave room for any argument a function takes.
 * Both limits are profile settings (section «Ограничения»): `--set limits.jsonDepth=…`, up to hard caps.
 */
export const MAX_JSON_DEPTH = PARAMS["limits.jsonDepth"].value;

interface JsonLimits {
  depth: number;
  kb: number;
}
/** Longest excerpt of a bad argument quoted in a message (characters). */
export const EXCERPT_CHARS = 60;

/** The deepest nesting of [ and { outside strings, stopping as soon as `limit` is passed (O(n)). */
export function jsonDepth(text: string, limit = Infinity): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) max = depth;
      if (max > limit) return max;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return max;
}

/** «…[[5,10,8,2]…» — at most EXCERPT_CHARS characters of `text` around `position`. */
export function excerpt(text: string, position?: number): string {
  const chars = Array.from(text);
  if (chars.length <= EXCERPT_CHARS) return text;
  const at = position === undefined ? 0 : Math.min(Math.max(0, position), chars.length);
  const start = Math.max(0, Math.min(at - EXCERPT_CHARS / 2, chars.length - EXCERPT_CHARS + 2));
  const end = Math.min(chars.length, start + EXCERPT_CHARS - 2);
  return `${start > 0 ? "…" : ""}${chars.slice(start, end).join("")}${end < chars.length ? "…" : ""}`;
}

const EXAMPLE = "Пример диапазона: '[[5,10,8,2]]', ячейки: '\"ВПР\"' или 2025.";

function parseArg(text: string, index: number, limits: JsonLimits): unknown {
  if (text === "") return null;
  const looksJson = /^\s*[[{]/.test(text);
  const bytes = looksJson ? Buffer.byteLength(text, "utf8") : 0;
  if (bytes > limits.kb * 1024) {
    throw new ArgumentError(
      `аргумент ${index + 1} занимает ${formatNumberRu(Math.ceil(bytes / 1024), 0)} КБ, допускается не больше ${formatNumberRu(limits.kb, 0)} КБ (предел профиля методики, раздел «Ограничения»). ${EXAMPLE}`,
    );
  }
  if (looksJson && jsonDepth(text, limits.depth) > limits.depth) {
    throw new ArgumentError(
      `аргумент ${index + 1} вложен глубже ${limits.depth} уровней: диапазон задаётся двумя уровнями скобок. ${EXAMPLE}`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    if (!looksJson) return text;
    throw new ArgumentError(
      `аргумент ${index + 1} не является JSON (${jsonProblem(e instanceof Error ? e.message : "", text)}). ${EXAMPLE}`,
    );
  }
}

/** What is wrong with a JSON text, from V8's message, quoting only a short excerpt of the user's text. */
export function jsonProblem(reason: string, text: string): string {
  if (/Unterminated string/i.test(reason)) return `не закрыта кавычка: «${excerpt(text, text.length)}»`;
  const at = /position (\d+)/.exec(reason);
  if (at && Number(at[1]) >= text.length) return `текст обрывается: «${excerpt(text, text.length)}»`;
  if (at) {
    const pos = Number(at[1]);
    return `ошибка около символа ${pos + 1} из ${text.length}: «${excerpt(text, pos)}»`;
  }
  // «Unexpected token 'x', ..."5,5,x]]" is not valid JSON»: V8 quotes the text around the token.
  const token = /^Unexpected token '(.{1,2})', (\.\.\.)?"([\s\S]*?)"(\.\.\.)? is not valid JSON/.exec(reason);
  if (token)
    return `неожиданный символ «${token[1]}» здесь: «${token[2] ? "…" : ""}${excerpt(token[3])}${token[4] ? "…" : ""}»`;
  if (/end of JSON/i.test(reason)) return `не хватает закрывающих скобок или кавычек: «${excerpt(text)}»`;
  return `«${excerpt(text)}»`;
}

class ArgumentError extends Error {}

/** Every function as «КАЧЕСТВО (QUALITY)»: the Russian name a methodist types in Excel, the English one beside it. */
function functionList(): string {
  return [...FUNCTIONS.keys()].map((id) => (russianName(id) === id ? id : `${russianName(id)} (${id})`)).join(", ");
}

/** Whether a result holds a number Excel cannot show (±Infinity, NaN): JSON would print it as null. */
function hasNonFinite(v: unknown): boolean {
  if (typeof v === "number") return !Number.isFinite(v);
  if (Array.isArray(v)) return v.some(hasNonFinite);
  return false;
}

export async function run(args: string[], io: Io): Promise<number> {
  // --force is accepted by every command; calc writes nothing, so it changes nothing here.
  // --set ключ=значение (only the «Ограничения» of the profile matter here) is taken out before the arguments.
  const sets: OverrideEntry[] = [];
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--force") continue;
    if (args[i] !== "--set") {
      positional.push(args[i]);
      continue;
    }
    const set = parseSetArg(args[++i], "limits.jsonDepth=12");
    if (typeof set === "string") {
      io.err(set);
      return 2;
    }
    sets.push(set);
  }
  const { profile, errors } = applyOverrides(sets);
  if (errors.length) {
    for (const e of errors) io.err(e.message);
    return 2;
  }
  const limits: JsonLimits = { depth: profile.values["limits.jsonDepth"], kb: profile.values["limits.jsonKb"] };
  const [name, ...rest] = positional;
  if (!name) {
    io.err(`Укажите функцию: msoko calc ФУНКЦИЯ 'аргумент-JSON' …\nФункции: ${functionList()}`);
    return 2;
  }
  const found = findFunction(name);
  if (!found) {
    io.err(`Функция «${shorten(name, 40)}» не найдена. Функции: ${functionList()}`);
    return 2;
  }
  let values: unknown[];
  try {
    values = rest.map((text, i) => parseArg(text, i, limits));
  } catch (e) {
    if (!(e instanceof ArgumentError)) throw e;
    io.err(`Функция ${russianName(found.id)}: ${e.message}`);
    return 2;
  }
  try {
    const result = await (found.fn as (...a: unknown[]) => unknown)(...values);
    if (hasNonFinite(result)) {
      io.err("#ЧИСЛО! Результат не является конечным числом: проверьте, что числа в аргументах не слишком велики.");
      return 1;
    }
    io.out(typeof result === "string" ? result : JSON.stringify(result));
    return 0;
  } catch (e) {
    const code = (e as { code?: string }).code;
    // A function quotes the offending cell; a cell of 100 KB is quoted as an excerpt.
    const message = (e instanceof Error ? e.message : String(e)).replace(
      /«([^»]{61,})»/g,
      (_, q: string) => `«${excerpt(q)}»`,
    );
    io.err(`${code ? code + " " : ""}${message}`);
    return 1;
  }
}

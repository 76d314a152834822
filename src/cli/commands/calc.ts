/**
 * `msoko calc FUNCTION arg ...`: evaluates a custom function outside Excel. An argument is JSON
 * (a number, "text", [[...],[...]] for a range given by rows) or, when it is not JSON, plain text
 * for one cell (балл, Математика); an empty argument is an omitted one. Prints the result, or the
 * Russian error the function raises in Excel (exit 1).
 */
import { FUNCTIONS, findFunction, russianName } from "../../functions/registry";
import type { Io } from "../io";

export const summary = "вычислить функцию надстройки без Excel (аргументы в JSON)";
export const usage = "calc ФУНКЦИЯ аргумент … (JSON или текст ячейки)";

function parseArg(text: string, index: number): unknown {
  if (text === "") return null;
  try {
    return JSON.parse(text);
  } catch {
    if (/^\s*[[{]/.test(text)) {
      throw new Error(`аргумент ${index + 1} не является JSON: ${text}. Пример диапазона: '[[5,10,8,2]]', ячейки: '"ВПР"' или 2025.`);
    }
    return text;
  }
}

export async function run(args: string[], io: Io): Promise<number> {
  const [name, ...rest] = args;
  if (!name) {
    const list = [...FUNCTIONS.keys()].map((id) => `${id} (${russianName(id)})`).join(", ");
    io.err(`Укажите функцию: msoko calc ФУНКЦИЯ 'аргумент-JSON' …\nФункции: ${list}`);
    return 2;
  }
  const found = findFunction(name);
  if (!found) {
    io.err(`Функция «${name}» не найдена. Функции: ${[...FUNCTIONS.keys()].join(", ")}`);
    return 2;
  }
  const values = rest.map(parseArg);
  try {
    const result = await (found.fn as (...a: unknown[]) => unknown)(...values);
    io.out(typeof result === "string" ? result : JSON.stringify(result));
    return 0;
  } catch (e) {
    const code = (e as { code?: string }).code;
    io.err(`${code ? code + " " : ""}${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}

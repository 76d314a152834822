/**
 * `msoko calc FUNCTION 'json-arg' ...`: evaluates a custom function outside Excel. Each argument
 * is JSON: a number or text for a cell, [[...],[...]] for a range (rows of cells). Prints the
 * result, or the Russian error the function raises in Excel (exit 1).
 */
import { FUNCTIONS, findFunction, russianName } from "../../functions/registry";
import type { Io } from "../io";

export const summary = "вычислить функцию надстройки без Excel (аргументы в JSON)";
export const usage = "calc ФУНКЦИЯ 'аргумент-JSON' …";

function parseArg(text: string, index: number): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`аргумент ${index + 1} не является JSON: ${text}. Пример диапазона: '[[5,10,8,2]]', ячейки: '"ВПР"' или 2025.`);
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

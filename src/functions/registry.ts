/**
 * The custom functions by id and by Russian name, for the CLI and tests. Ids are the upper-case
 * export names of functions.ts (a unit test checks this against the generated metadata).
 */
import * as F from "./functions";
import ru from "./functions.ru.json";

export type CustomFunction = (...args: never[]) => unknown;

const translations = ru as Record<string, { name: string }>;

export const FUNCTIONS: ReadonlyMap<string, CustomFunction> = new Map(
  Object.entries(F)
    .filter(([, v]) => typeof v === "function")
    .map(([k, v]) => [k.toUpperCase(), v as CustomFunction]),
);

/** Finds a function by id (QUALITY), Russian name (КАЧЕСТВО), with or without the MSOKO. prefix. */
export function findFunction(name: string): { id: string; fn: CustomFunction } | null {
  const key = name
    .trim()
    .replace(/^(msoko|мсоко)\./i, "")
    .toUpperCase();
  if (FUNCTIONS.has(key)) return { id: key, fn: FUNCTIONS.get(key)! };
  for (const [id, t] of Object.entries(translations)) {
    if (t.name.toUpperCase() === key && FUNCTIONS.has(id)) return { id, fn: FUNCTIONS.get(id)! };
  }
  return null;
}

export function russianName(id: string): string {
  return translations[id]?.name ?? id;
}

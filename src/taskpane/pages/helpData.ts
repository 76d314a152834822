/**
 * The custom functions as the «Справка» page lists them, taken from the same translation table
 * the build turns into functions-ru.json — so the help never drifts from the functions.
 */

export interface TranslationEntry {
  name: string;
  description: string;
  result?: string;
  parameters?: Record<string, { name: string; description: string }>;
}

export interface HelpFunction {
  /** "MSOKO.QUALITY" */
  english: string;
  /** "MSOKO.КАЧЕСТВО(отметки)" — Russian Excel separates arguments with «;». */
  signature: string;
  description: string;
  parameters: { name: string; description: string }[];
}

export function helpFunctions(table: Record<string, TranslationEntry>): HelpFunction[] {
  return Object.entries(table).map(([id, entry]) => {
    const parameters = Object.values(entry.parameters ?? {});
    return {
      english: `MSOKO.${id}`,
      signature: `MSOKO.${entry.name}(${parameters.map((p) => p.name).join("; ")})`,
      description: entry.description,
      parameters,
    };
  });
}

/**
 * Where office.js provides no CustomFunctions namespace (the browser preview, Excel versions
 * without custom functions, the CLI), define a minimal one so the functions bundle still loads
 * and errors keep their Russian messages. In Excel with custom functions this does nothing.
 */
type G = { CustomFunctions?: unknown };

export class ShimCustomFunctionError extends Error {
  constructor(
    public readonly code: string,
    message?: string,
  ) {
    super(message ?? code);
    this.name = "CustomFunctions.Error";
  }
}

export function installCustomFunctionsShim(): void {
  const g = globalThis as unknown as G;
  if (g.CustomFunctions) return;
  const registry = new Map<string, unknown>();
  g.CustomFunctions = {
    associate(id: string | Record<string, unknown>, fn?: unknown) {
      if (typeof id === "string") registry.set(id, fn);
      else for (const [k, v] of Object.entries(id)) registry.set(k, v);
    },
    Error: ShimCustomFunctionError,
    ErrorCode: {
      // As Russian Excel displays them.
      invalidValue: "#ЗНАЧ!",
      notAvailable: "#Н/Д",
      divisionByZero: "#ДЕЛ/0!",
      invalidNumber: "#ЧИСЛО!",
      nullReference: "#ПУСТО!",
      invalidName: "#ИМЯ?",
      invalidReference: "#ССЫЛКА!",
    },
    /** Not part of Office's API: lets the preview and tests find the associated functions. */
    registry,
  };
}

installCustomFunctionsShim();

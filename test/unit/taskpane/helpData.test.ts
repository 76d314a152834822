import { describe, expect, it } from "vitest";
import { helpFunctions } from "../../../src/taskpane/pages/helpData";
import translations from "../../../src/functions/functions.ru.json";

describe("help: custom functions", () => {
  it("builds Russian signatures with «;» between arguments", () => {
    const fns = helpFunctions({
      CONFIRM: {
        name: "ПОДТВЕРЖДЕНИЕ",
        description: "Подтверждение отметок.",
        parameters: { a: { name: "отметки_ВПР", description: "x" }, b: { name: "режим", description: "y" } },
      },
      NOARGS: { name: "ВЕРСИЯ", description: "Версия." },
    });
    expect(fns).toEqual([
      {
        english: "MSOKO.CONFIRM",
        signature: "MSOKO.ПОДТВЕРЖДЕНИЕ(отметки_ВПР; режим)",
        description: "Подтверждение отметок.",
        parameters: [
          { name: "отметки_ВПР", description: "x" },
          { name: "режим", description: "y" },
        ],
      },
      { english: "MSOKO.NOARGS", signature: "MSOKO.ВЕРСИЯ()", description: "Версия.", parameters: [] },
    ]);
  });

  it("lists every function of the translation table", () => {
    const fns = helpFunctions(translations);
    expect(fns.length).toBe(Object.keys(translations).length);
    expect(fns.find((f) => f.english === "MSOKO.QUALITY")?.signature).toBe("MSOKO.КАЧЕСТВО(отметки)");
  });
});

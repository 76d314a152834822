/**
 * The JSDoc metadata, the exports and the Russian translation table agree: every function has
 * an id equal to its upper-case export name and a complete Russian translation; a missing one
 * fails the translation (and so the build).
 */
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { createRequire } from "node:module";
import { beforeAll, describe, expect, it } from "vitest";
import * as F from "../../../src/functions/functions";
import ru from "../../../src/functions/functions.ru.json";
import { findFunction } from "../../../src/functions/registry";

const require = createRequire(import.meta.url);
const { translateMetadata, DOCUMENTED } = require("../../../scripts/translate-functions.cjs");

interface Meta {
  functions: { id: string; name: string; description: string; parameters: { name: string; description?: string }[] }[];
}
let meta: Meta;

beforeAll(async () => {
  const r = await generateCustomFunctionsMetadata(["src/functions/functions.ts"], true);
  expect(r.errors).toEqual([]);
  meta = JSON.parse(r.metadataJson);
});

describe("custom functions metadata", () => {
  it("lists the seven result functions with ids equal to upper-case exports", () => {
    const ids = meta.functions.map((f) => f.id);
    expect(ids.slice(0, 7)).toEqual(["SUCCESS", "QUALITY", "SOU", "MEANMARK", "CONFIRM", "BELOWMIN", "DYNAMICS"]);
    const exported = Object.keys(F)
      .map((k) => k.toUpperCase())
      .sort();
    expect(exported).toEqual([...ids].sort());
  });

  it("translates every function and parameter to Russian", () => {
    const { metadata, errors } = translateMetadata(meta, ru);
    expect(errors).toEqual([]);
    for (const f of metadata.functions as Meta["functions"]) {
      expect(f.name, f.id).toMatch(/^[А-ЯЁ0-9._]+$/);
      expect(f.description, f.id).toMatch(/[а-яё]/);
      for (const p of f.parameters) {
        expect(p.name, `${f.id}.${p.name}`).toMatch(/[А-ЯЁа-яё]/);
        expect(p.description, `${f.id}.${p.name}`).toMatch(/[а-яё]/);
      }
    }
    expect(metadata.functions.find((f: { id: string }) => f.id === "QUALITY").name).toBe("КАЧЕСТВО");
  });

  it("a missing translation is an error (the build fails on it)", () => {
    const partial = { ...ru } as Record<string, unknown>;
    delete partial.SOU;
    const { errors } = translateMetadata(meta, partial);
    expect(errors).toEqual(["Нет перевода функции SOU (name и description) в src/functions/functions.ru.json"]);
    const noParam = JSON.parse(JSON.stringify(ru));
    delete noParam.CONFIRM.parameters.mode;
    expect(translateMetadata(meta, noParam).errors).toEqual([
      "Нет перевода параметра mode функции CONFIRM в src/functions/functions.ru.json",
    ]);
  });

  it("functions are found by id, Russian name and with the namespace", () => {
    expect(findFunction("msoko.quality")?.id).toBe("QUALITY");
    expect(findFunction("КАЧЕСТВО")?.id).toBe("QUALITY");
    expect(findFunction("МСОКО.СОУ")?.id).toBe("SOU");
    expect(findFunction("NOPE")).toBeNull();
  });
});

describe("functions-ru.json: documented properties only", () => {
  it("a result carries only type and dimensionality, parameters only documented keys; DELTA is gone", () => {
    const { metadata, errors } = translateMetadata(meta, ru);
    expect(errors).toEqual([]);
    const fns = metadata.functions as Record<string, unknown>[];
    for (const f of fns) {
      for (const k of Object.keys(f)) expect(DOCUMENTED.function, `${f.id}.${k}`).toContain(k);
      for (const k of Object.keys((f.result as object) ?? {}))
        expect(DOCUMENTED.result, `${f.id}.result.${k}`).toContain(k);
      for (const p of f.parameters as Record<string, unknown>[])
        for (const k of Object.keys(p)) expect(DOCUMENTED.parameter, `${f.id}.${p.name}.${k}`).toContain(k);
    }
    const dyn = fns.find((f) => f.id === "DYNAMICS")!;
    expect(dyn.name).toBe("ДИНАМИКА");
    expect(dyn.result).toEqual({ type: "number" });
    expect(fns.some((f) => f.id === "DELTA")).toBe(false);
  });

  it("an undocumented key in the translation table is a build error", () => {
    const withResult = JSON.parse(JSON.stringify(ru));
    withResult.SOU.result = "СОУ в процентах";
    expect(translateMetadata(meta, withResult).errors).toEqual([
      "Свойство «result» функции SOU в src/functions/functions.ru.json не переводится: допустимы name, description, parameters",
    ]);
  });

  it("no function id is a built-in Excel function name (DELTA was one)", () => {
    // Built-in names that an id of this add-in could plausibly take; Microsoft forbids them in any language.
    const builtIns = [
      "DELTA",
      "RANK",
      "COUNT",
      "AVERAGE",
      "MEDIAN",
      "MODE",
      "CHOOSE",
      "ERROR.TYPE",
      "STDEV",
      "TREND",
      "GROWTH",
    ];
    for (const f of meta.functions) expect(builtIns, f.id).not.toContain(f.id);
  });
});

/**
 * Turns the generated functions.json (English, from JSDoc) into functions-ru.json using the
 * translation table src/functions/functions.ru.json. Ids never change; function and parameter
 * names and descriptions are replaced. Every function and parameter must be translated.
 * The output keeps only the properties Microsoft documents for custom-function JSON metadata
 * (a result has no description there), so Excel never meets a property it does not know.
 */
"use strict";

/** Documented properties of custom-function metadata: function, parameter, result, options. */
const DOCUMENTED = {
  function: ["id", "name", "description", "helpUrl", "parameters", "result", "options"],
  parameter: ["name", "description", "type", "dimensionality", "optional", "repeating"],
  result: ["type", "dimensionality"],
  options: [
    "cancelable",
    "requiresAddress",
    "requiresParameterAddresses",
    "stream",
    "volatile",
    "capturesCallingObject",
    "excludeFromAutoComplete",
    "linkedEntityLoadService",
  ],
};
/** Keys of a translation-table entry (functions.ru.json). */
const TABLE_KEYS = ["name", "description", "parameters"];

/** A copy of `obj` with only the `allowed` keys, in their documented order. */
function pick(obj, allowed) {
  const out = {};
  for (const k of allowed) if (obj && Object.prototype.hasOwnProperty.call(obj, k)) out[k] = obj[k];
  return out;
}

/** Keys of `obj` outside `allowed`, for error messages. */
function unknownKeys(obj, allowed) {
  return Object.keys(obj || {}).filter((k) => !allowed.includes(k));
}

function translateMetadata(meta, table) {
  const errors = [];
  const functions = (meta.functions || []).map((fn) => {
    const t = Object.prototype.hasOwnProperty.call(table, fn.id) ? table[fn.id] : undefined;
    if (!t || !t.name || !t.description) {
      errors.push(`Нет перевода функции ${fn.id} (name и description) в src/functions/functions.ru.json`);
      return fn;
    }
    const parameters = (fn.parameters || []).map((p) => {
      const tp =
        t.parameters && Object.prototype.hasOwnProperty.call(t.parameters, p.name) ? t.parameters[p.name] : undefined;
      if (!tp || !tp.description) {
        errors.push(`Нет перевода параметра ${p.name} функции ${fn.id} в src/functions/functions.ru.json`);
        return p;
      }
      return pick({ ...p, name: tp.name || p.name, description: tp.description }, DOCUMENTED.parameter);
    });
    for (const k of unknownKeys(t, TABLE_KEYS)) {
      errors.push(
        `Свойство «${k}» функции ${fn.id} в src/functions/functions.ru.json не переводится: допустимы ${TABLE_KEYS.join(", ")}`,
      );
    }
    const out = pick({ ...fn, name: t.name, description: t.description, parameters }, DOCUMENTED.function);
    if (fn.result) out.result = pick(fn.result, DOCUMENTED.result);
    if (fn.options) out.options = pick(fn.options, DOCUMENTED.options);
    return out;
  });
  for (const id of Object.keys(table)) {
    if (!(meta.functions || []).some((fn) => fn.id === id))
      errors.push(`Перевод для неизвестной функции ${id}: такой нет в functions.json`);
  }
  return { metadata: { ...meta, functions }, errors };
}

class FunctionsRuPlugin {
  constructor(options) {
    this.options = options;
  }
  apply(compiler) {
    const { sources, WebpackError, Compilation } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("FunctionsRuPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "FunctionsRuPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const asset = compilation.getAsset(this.options.input);
          if (!asset) {
            compilation.errors.push(new WebpackError(`FunctionsRuPlugin: ${this.options.input} не создан`));
            return;
          }
          const table = JSON.parse(require("fs").readFileSync(this.options.table, "utf8"));
          compilation.fileDependencies.add(this.options.table);
          const { metadata, errors } = translateMetadata(JSON.parse(asset.source.source().toString()), table);
          for (const e of errors) compilation.errors.push(new WebpackError(e));
          compilation.emitAsset(this.options.output, new sources.RawSource(JSON.stringify(metadata, null, 2)));
        },
      );
    });
  }
}

module.exports = { translateMetadata, FunctionsRuPlugin, DOCUMENTED };

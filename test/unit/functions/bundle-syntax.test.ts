/**
 * scripts/check-syntax.mjs, the `npm test` step that keeps the bundles parseable by EdgeHTML 18 and
 * Safari 14: ES2017 passes; newer syntax and RegExp patterns those webviews cannot compile fail with
 * the file and position; a page's inline script must be ES5 and allowed by its CSP hash.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { checkPage as page, checkScript as check, ECMA_VERSION } from "../../../scripts/check-syntax.mjs";

describe("bundle syntax check", () => {
  it("declares ES2017 and accepts ES2017 code (async, exponent, trailing commas, destructuring)", () => {
    expect(ECMA_VERSION).toBe(2017);
    expect(
      check("async function f({ a, b: [c] }, ...r) { await a; return 2 ** c; }\nf({ a: 1, b: [2] },);", "ok.js"),
    ).toEqual([]);
  });

  it("rejects ?., ??, object spread, optional catch binding, class fields and static blocks, naming file, line, column", () => {
    expect(check("var a = {};\nvar b = a?.x;", "f.js")[0]).toMatch(
      /^f\.js:2:11: синтаксис новее ES2017 \(Unexpected token\): …var a = \{\}; var b = a\?\.x;…$/,
    );
    expect(check("var b = a ?? 1;", "f.js")).toHaveLength(1);
    expect(check("var b = { ...a };", "f.js")).toHaveLength(1);
    expect(check("try { f() } catch { }", "f.js")).toHaveLength(1);
    expect(check("class A { x = 1 }", "f.js")).toHaveLength(1);
    expect(check("class A { static { f() } }", "f.js")).toHaveLength(1);
  });

  it("rejects regex literals and constant RegExp patterns with lookbehind, named groups, s flag or \\p{…}", () => {
    expect(check("var r = /(?<!\\d)20/;", "f.js")).toHaveLength(1);
    expect(check("var r = /a.b/s;", "f.js")).toHaveLength(1);
    expect(check('var r = new RegExp("(?<!\\\\d)(20\\\\d\\\\d)", "g");', "f.js")[0]).toMatch(
      /^f\.js:1:9: регулярное выражение новее ES2017 .* с флагами «g»$/,
    );
    expect(check('var r = RegExp("^\\\\p{L}+$", "u");', "f.js")).toHaveLength(1);
    expect(check('var r = new RegExp("(?<year>\\\\d+)");', "f.js")).toHaveLength(1);
    // Allowed: ES2015 u-flag escapes, slashes inside the pattern, patterns built at run time.
    expect(
      check(
        'var r = new RegExp("^[\\\\u{1D49C}a/b]$", "u"); var s = new RegExp("a/b"); var t = new RegExp(x + "y");',
        "f.js",
      ),
    ).toEqual([]);
  });

  it("a page's inline script must be ES5 and carry its SHA-256 in the page's CSP", () => {
    const script = "(function () { var a = 1; })();";
    const hash = `'sha256-${createHash("sha256").update(script, "utf8").digest("base64")}'`;
    const html = (csp: string, body: string) =>
      `<html><head><meta http-equiv="Content-Security-Policy" content="script-src 'self' ${csp}"/><script>${body}</script><script defer src="taskpane.js"></script></head></html>`;
    expect(page(html(hash, script), "p.html")).toEqual([]);
    expect(page(html("", script), "p.html")).toEqual([
      `p.html: встроенного скрипта нет в Content-Security-Policy (ожидается ${hash}) — браузер его не выполнит`,
    ]);
    const es6 = "let a = () => 1;";
    const es6hash = `'sha256-${createHash("sha256").update(es6, "utf8").digest("base64")}'`;
    expect(page(html(es6hash, es6), "p.html")[0]).toMatch(/^p\.html \(встроенный скрипт\):1:5: синтаксис новее ES5 /);
  });
});

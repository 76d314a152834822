#!/usr/bin/env node
/**
 * Parses every script the build emitted at the declared syntax level and fails on anything newer:
 * `node scripts/check-syntax.mjs [dist]`. Why: a webview that cannot parse one bundle shows a blank
 * pane, and webpack's transpiler settings can silently stop covering a dependency.
 *
 * Declared level: ECMAScript 2017 — what both of the oldest webviews that run the pane parse,
 * EdgeHTML 18 (no object spread, optional catch binding, async iteration, regex lookbehind, named
 * groups, `s` flag, `\p{…}`) and Safari 14 (no class static blocks, private methods, `?.` chains are
 * fine there but not in EdgeHTML). esbuild turns regular-expression literals it cannot lower into
 * `new RegExp("…")` calls, which parse everywhere but throw when run, so constant patterns passed to
 * RegExp are checked at the same level. Microsoft's office.js copied by MSOKO_OFFICEJS=local
 * (dist/office-js/) is not ours and is skipped.
 *
 * Inline scripts of the pages (the start-up check, src/taskpane/startup-check.js) must parse as ES5 —
 * they run in Internet Explorer 11 to explain that the pane cannot — and their SHA-256 must be in the
 * page's Content-Security-Policy, or the webview would block them.
 *
 * Exit codes: 0 — every script parses; 1 — newer syntax found; 2 — no build in dist/.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Parser } from "acorn";

/** The declared level (also in README «Где что работает» and docs/compatibility.md). */
export const ECMA_VERSION = 2017;
const SKIP_DIRS = new Set(["office-js"]);

/** Every .js file under `dir`, except the skipped folders. */
export function scriptsIn(dir, root = dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (!SKIP_DIRS.has(name)) out.push(...scriptsIn(path, root));
    } else if (/\.m?js$/.test(name)) out.push(path);
  }
  return out;
}

/** A short excerpt of `code` around `pos` for the message. */
function excerpt(code, pos) {
  return code.slice(Math.max(0, pos - 40), pos + 40).replace(/\s+/g, " ");
}

/** Builds the regex literal source `/pattern/flags` from a RegExp constructor's string arguments. */
function regexLiteral(pattern, flags) {
  let body = "";
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === "\\") {
      body += ch + (pattern[i + 1] ?? "");
      i++;
      continue;
    }
    if (ch === "[") inClass = true;
    else if (ch === "]") inClass = false;
    if (ch === "/" && !inClass) body += "\\/";
    else if (ch === "\n") body += "\\n";
    else if (ch === "\r") body += "\\r";
    else if (ch === "\u2028") body += "\\u2028";
    else if (ch === "\u2029") body += "\\u2029";
    else body += ch;
  }
  return `/${body || "(?:)"}/${flags}`;
}

/** `new RegExp("…", "…")` or `RegExp("…")` with constant strings: [pattern, flags, node] or null. */
function constantRegExp(node) {
  if (node.type !== "NewExpression" && node.type !== "CallExpression") return null;
  if (node.callee.type !== "Identifier" || node.callee.name !== "RegExp") return null;
  const [p, f] = node.arguments;
  const str = (a) => a && a.type === "Literal" && typeof a.value === "string";
  if (!str(p) || (f && !str(f))) return null;
  return [p.value, f ? f.value : ""];
}

/** Visits every AST node (iteratively: minified bundles nest deeply). */
function walk(ast, visit) {
  const stack = [ast];
  while (stack.length) {
    const node = stack.pop();
    visit(node);
    for (const key in node) {
      const v = node[key];
      if (Array.isArray(v)) {
        for (const c of v) if (c && typeof c.type === "string") stack.push(c);
      } else if (v && typeof v.type === "string" && key !== "regex") stack.push(v);
    }
  }
}

/** Problems of one script at the declared level, as Russian lines (empty when it parses). */
export function checkScript(code, name, ecmaVersion = ECMA_VERSION) {
  let ast;
  try {
    ast = Parser.parse(code, { ecmaVersion, sourceType: "script", locations: true, allowHashBang: true });
  } catch (e) {
    const pos = typeof e.pos === "number" ? e.pos : 0;
    const where = e.loc ? `${e.loc.line}:${e.loc.column + 1}` : "?";
    return [
      `${name}:${where}: синтаксис новее ES${ecmaVersion} (${e.message.replace(/ \(\d+:\d+\)$/, "")}): …${excerpt(code, pos)}…`,
    ];
  }
  const problems = [];
  walk(ast, (node) => {
    const re = constantRegExp(node);
    if (!re) return;
    try {
      Parser.parse(regexLiteral(re[0], re[1]), { ecmaVersion });
    } catch (e) {
      const where = `${node.loc.start.line}:${node.loc.start.column + 1}`;
      problems.push(
        `${name}:${where}: регулярное выражение новее ES${ecmaVersion} (${e.message.replace(/ \(\d+:\d+\)$/, "")}): ${JSON.stringify(re[0])}${re[1] ? ` с флагами «${re[1]}»` : ""}`,
      );
    }
  });
  return problems;
}

/** Inline scripts of a page: ES5, and allowed by the page's CSP hash. Russian lines for problems. */
export function checkPage(html, name) {
  const problems = [];
  const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html)?.[1] ?? "";
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\bsrc\s*=/i.test(m[1]) || m[2].trim() === "") continue;
    problems.push(...checkScript(m[2], `${name} (встроенный скрипт)`, 5));
    const hash = `'sha256-${createHash("sha256").update(m[2], "utf8").digest("base64")}'`;
    if (!csp.includes(hash))
      problems.push(
        `${name}: встроенного скрипта нет в Content-Security-Policy (ожидается ${hash}) — браузер его не выполнит`,
      );
  }
  return problems;
}

function main() {
  const root = dirname(dirname(fileURLToPath(import.meta.url)));
  const dist = resolve(process.argv[2] ?? join(root, "dist"));
  if (!existsSync(join(dist, "taskpane.js"))) {
    console.error(`В папке ${dist} нет сборки (taskpane.js). Сначала выполните npm run build.`);
    process.exit(2);
  }
  const files = scriptsIn(dist);
  let problems = [];
  for (const file of files) problems = problems.concat(checkScript(readFileSync(file, "utf8"), relative(dist, file)));
  const pages = readdirSync(dist).filter((f) => f.endsWith(".html"));
  for (const page of pages) problems = problems.concat(checkPage(readFileSync(join(dist, page), "utf8"), page));
  for (const p of problems) console.error(`✖ ${p}`);
  if (problems.length) {
    console.error(
      `Сборка содержит синтаксис новее ES${ECMA_VERSION}: EdgeHTML 18 и Safari 14 не откроют панель. Проверьте цели esbuild в webpack.config.js.`,
    );
    process.exit(1);
  }
  console.log(
    `✔ ${files.length} скриптов в ${relative(root, dist) || dist} разбираются как ES${ECMA_VERSION}: ${files.map((f) => relative(dist, f)).join(", ")}`,
  );
  console.log(`✔ встроенные скрипты страниц ${pages.join(", ")} — ES5 и разрешены их Content-Security-Policy`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();

/**
 * The CLI's frame: the static command table (help without loading any command), the bundle that
 * starts fast and is used only while fresh, EPIPE ending quietly, JSON arguments of `calc` with a
 * depth limit and short excerpts, function names in Russian and English.
 */
import { spawn, spawnSync } from "node:child_process";
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
// @ts-expect-error — a plain .mjs module of bin/ without type declarations
import { bundleIsFresh } from "../../../bin/bundle.mjs";
import { COMMAND_INFO, COMMAND_NAMES } from "../../../src/cli/command-table";
import { excerpt, jsonDepth, MAX_JSON_DEPTH } from "../../../src/cli/commands/calc";
import { memoryIo } from "../../../src/cli/io";
import { loadCommand, main } from "../../../src/cli/main";

const ROOT = join(__dirname, "../../..");
const FORM = join(__dirname, "../../fixtures/forms/valid.xlsx");
const cleanup: string[] = [];
afterAll(() => cleanup.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe("the command table", () => {
  it("lists exactly the modules of src/cli/commands, with the texts each module exports", async () => {
    const files = readdirSync(join(ROOT, "src/cli/commands"))
      .filter((f) => f.endsWith(".ts"))
      .map((f) => f.slice(0, -3))
      .sort();
    expect([...COMMAND_NAMES]).toEqual(files);
    for (const name of COMMAND_NAMES) {
      const command = await loadCommand(name);
      expect(command?.summary, name).toBe(COMMAND_INFO[name].summary);
      expect(command?.usage, name).toBe(COMMAND_INFO[name].usage);
      expect(typeof command?.run).toBe("function");
    }
    expect(await loadCommand("../main")).toBeNull();
  });

  it("prints the help (0 with «help», 2 without a command) and names unknown commands briefly", async () => {
    const io = memoryIo();
    expect(await main(["help"], io)).toBe(0);
    const help = io.stdout.join("\n");
    for (const name of COMMAND_NAMES) expect(help).toContain(`msoko ${COMMAND_INFO[name].usage}`);
    expect(help).toContain("  calc           вычислить функцию надстройки без Excel (аргументы в JSON)");
    expect(await main([], memoryIo())).toBe(2);
    const bad = memoryIo();
    expect(await main(["x".repeat(5000)], bad)).toBe(2);
    expect(bad.stderr[0]).toBe(
      `Неизвестная команда «${"x".repeat(39)}…». Команды: ${COMMAND_NAMES.join(", ")}. Подробно: msoko help`,
    );
  });

  it("every command but calc and validate names --force in its call pattern", () => {
    for (const name of COMMAND_NAMES.filter((n) => n !== "calc" && n !== "validate"))
      expect(COMMAND_INFO[name].usage, name).toContain("[--force]");
  });
});

describe("calc: JSON arguments and function names", () => {
  it("measures nesting outside strings and stops early", () => {
    expect(jsonDepth("[[5,10,8,2]]")).toBe(2);
    expect(jsonDepth('["[[[[", {"a": [1]}]')).toBe(3);
    expect(jsonDepth('"\\"[[["')).toBe(0);
    expect(jsonDepth("[".repeat(100_000), MAX_JSON_DEPTH)).toBe(MAX_JSON_DEPTH + 1);
  });

  it("quotes bad JSON as an excerpt of at most 60 characters", () => {
    expect(excerpt("[[5,")).toBe("[[5,");
    const long = "[" + "1,".repeat(1000);
    expect(excerpt(long)).toBe(long.slice(0, 58) + "…");
    expect(excerpt(long, 1000)).toBe("…" + long.slice(970, 1028) + "…");
    expect(Array.from(excerpt("я".repeat(500), 250)).length).toBeLessThanOrEqual(60);
  });

  it("refuses 40,000 levels of nesting in Russian, without a stack overflow", async () => {
    const io = memoryIo();
    const deep = "[".repeat(40_000) + "1" + "]".repeat(40_000);
    expect(await main(["calc", "SOU", deep], io)).toBe(2);
    expect(io.stderr).toEqual([
      `Функция СОУ: аргумент 1 вложен глубже ${MAX_JSON_DEPTH} уровней: диапазон задаётся двумя уровнями скобок. Пример диапазона: '[[5,10,8,2]]', ячейки: '"ВПР"' или 2025.`,
    ]);
  });

  it("does not echo 120 KB of bad JSON", async () => {
    const io = memoryIo();
    const bad = "[[" + "5,".repeat(60_000) + "x]]";
    expect(await main(["calc", "SOU", bad], io)).toBe(2);
    expect(io.stderr).toHaveLength(1);
    expect(io.stderr[0].length).toBeLessThan(300);
    expect(io.stderr[0]).toBe(
      `Функция СОУ: аргумент 1 не является JSON (неожиданный символ «x» здесь: «…5,5,5,5,5,x]]»). Пример диапазона: '[[5,10,8,2]]', ячейки: '"ВПР"' или 2025.`,
    );
    const at = memoryIo();
    expect(await main(["calc", "SOU", "[[5,5 5]]"], at)).toBe(2);
    expect(at.stderr[0]).toContain("не является JSON (ошибка около символа 7 из 9: «[[5,5 5]]»)");
    const quote = memoryIo();
    expect(await main(["calc", "SOU", '["ab' + "c".repeat(500)], quote)).toBe(2);
    expect(quote.stderr[0]).toContain(`не является JSON (не закрыта кавычка: «…${"c".repeat(58)}»)`);
    const cut = memoryIo();
    expect(await main(["calc", "SOU", "[[5,10,"], cut)).toBe(2);
    expect(cut.stderr[0]).toBe(
      `Функция СОУ: аргумент 1 не является JSON (не хватает закрывающих скобок или кавычек: «[[5,10,»). Пример диапазона: '[[5,10,8,2]]', ячейки: '"ВПР"' или 2025.`,
    );
  });

  it("lists functions by their Russian names with the English ones", async () => {
    const io = memoryIo();
    expect(await main(["calc", "НЕТ"], io)).toBe(2);
    expect(io.stderr[0]).toMatch(/^Функция «НЕТ» не найдена\. Функции: .*КАЧЕСТВО \(QUALITY\), .*СОУ \(SOU\)/);
    const none = memoryIo();
    expect(await main(["calc"], none)).toBe(2);
    expect(none.stderr.join("\n")).toContain("УСПЕВАЕМОСТЬ (SUCCESS)");
  });

  it("a result Excel cannot show is an error, not «null»", async () => {
    const io = memoryIo();
    expect(await main(["calc", "SOU", "[[1e308,1e308,1e308,1e308]]"], io)).toBe(1);
    expect(io.stdout).toEqual([]);
    expect(io.stderr[0]).toMatch(/^#ЧИСЛО! /);
  });
});

describe("the bundle", () => {
  it("is used only while no source it was built from changed", () => {
    const root = mkdtempSync(join(tmpdir(), "msoko-fresh-"));
    cleanup.push(root);
    mkdirSync(join(root, "dist-cli"));
    writeFileSync(join(root, "a.ts"), "");
    writeFileSync(join(root, "dist-cli", "main.js"), "");
    const builtAt = Date.now() + 60_000; // a.ts was written before this «build»
    writeFileSync(join(root, "dist-cli", "inputs.json"), JSON.stringify({ builtAt, inputs: ["a.ts"] }));
    // A build without the commands' scripts (made before they existed) is not used.
    expect(bundleIsFresh(root)).toBe(false);
    mkdirSync(join(root, "dist-cli", "commands"));
    expect(bundleIsFresh(root)).toBe(true);
    utimesSync(join(root, "a.ts"), new Date(builtAt + 1000), new Date(builtAt + 1000));
    expect(bundleIsFresh(root)).toBe(false);
    rmSync(join(root, "a.ts"));
    expect(bundleIsFresh(root)).toBe(false);
    expect(bundleIsFresh(join(root, "nowhere"))).toBe(false);
  });

  it("builds: help needs no npm package, each command is its own chunk and script, calc runs from it with the code cache", () => {
    const outdir = mkdtempSync(join(ROOT, "node_modules", ".cache-msoko-cli-test-"));
    cleanup.push(outdir);
    const built = spawnSync("node", ["scripts/build-cli.mjs"], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, MSOKO_CLI_OUTDIR: relative(ROOT, outdir) },
    });
    expect(built.status, built.stderr).toBe(0);
    expect(built.stdout).toMatch(/^Командная строка собрана: /);
    const main = readFileSync(join(outdir, "main.js"), "utf8");
    // The entry imports no npm package: exceljs, the analysis and the generator load with their command.
    expect(main).not.toMatch(/from\s*["'](?!node:|\.)/);
    const chunks = readdirSync(join(outdir, "chunks"));
    const scripts = readdirSync(join(outdir, "commands"));
    for (const name of COMMAND_NAMES) {
      // The chunk only runs the command's script with its cache (src/cli/cached-command.ts).
      const chunk = chunks.find((c) => c.startsWith(`${name}-`));
      expect(chunk, name).toBeDefined();
      expect(readFileSync(join(outdir, "chunks", chunk as string), "utf8")).toMatch(
        new RegExp(`cachedCommand\\(distDirOf\\(import\\.meta\\.url\\), "${name}", "[0-9a-f]{16}"\\)`),
      );
      expect(scripts, name).toContain(`${name}.cjs`);
    }
    // A script reaches npm packages only through require (node:vm has no loader for ES modules):
    // each of them needs a CommonJS entry, which an ES-module-only package lacks.
    const packages = new Set<string>();
    for (const script of scripts)
      for (const [, name] of readFileSync(join(outdir, "commands", script), "utf8").matchAll(/require\("([^"]+)"\)/g))
        if (!name.startsWith("node:")) packages.add(name);
    expect([...packages]).toContain("exceljs");
    const required = spawnSync(
      "node",
      [
        "-e",
        `const r = require("node:module").createRequire(${JSON.stringify(join(outdir, "commands", "calc.cjs"))}); for (const p of ${JSON.stringify([...packages])}) r(p);`,
      ],
      { encoding: "utf8" },
    );
    expect([required.status, required.stderr]).toEqual([0, ""]);
    const inputs = JSON.parse(readFileSync(join(outdir, "inputs.json"), "utf8"));
    expect(inputs.inputs).toContain("src/cli/main.ts");
    expect(bundleIsFresh(ROOT, relative(ROOT, outdir))).toBe(true);
    const url = pathToFileURL(join(outdir, "main.js")).href;
    const run = (args: string[]) =>
      spawnSync(
        "node",
        [
          "--input-type=module",
          "-e",
          `const { main } = await import(${JSON.stringify(url)}); process.exitCode = await main(${JSON.stringify(args)});`,
        ],
        { cwd: ROOT, encoding: "utf8" },
      );
    const help = run(["help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("msoko — командная строка МСОКО для Excel");
    expect(readdirSync(outdir)).not.toContain("cache");
    const calc = run(["calc", "КАЧЕСТВО", '[["5"],["4"],["3"]]']);
    expect(calc.stdout.trim()).toBe("66.66666666666667");
    // The first run wrote the cache; the next one, another process, used it and left it alone.
    const [cache] = readdirSync(join(outdir, "cache"));
    expect(cache).toMatch(/^calc-[0-9a-f]{16}\.bin$/);
    const { mtimeMs, ino } = statSync(join(outdir, "cache", cache));
    expect(run(["calc", "КАЧЕСТВО", '[["5"],["5"]]']).stdout.trim()).toBe("100");
    expect(statSync(join(outdir, "cache", cache))).toMatchObject({ mtimeMs, ino });
  }, 60_000);
});

/** Starts `msoko` with the reading end of its stdout already closed: its first write meets EPIPE. */
function withClosedStdout(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn("node", ["bin/msoko.mjs", ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.on("exit", (code) => resolve({ code, stderr }));
  });
}

describe("a closed pipe (msoko help | head)", () => {
  it("ends quietly with exit 0: help and analyze", async () => {
    expect(await withClosedStdout(["help"])).toEqual({ code: 0, stderr: "" });
    expect(await withClosedStdout(["analyze", FORM])).toEqual({ code: 0, stderr: "" });
  }, 60_000);
});

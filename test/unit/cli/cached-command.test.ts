/**
 * The built CLI's commands run with V8's code cache (src/cli/cached-command.ts): the cache is written
 * after the first run that did its work, used (not rewritten) by the next, replaced when V8 refuses
 * it, never required (an unwritable folder only means no cache), and it holds no data of the run.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { cachedCommand, distDirOf } from "../../../src/cli/cached-command";
import { memoryIo } from "../../../src/cli/io";

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A build folder with one command, commands/echo.cjs, as scripts/build-cli.mjs writes them. */
function dist(): string {
  const d = mkdtempSync(join(tmpdir(), "msoko-cached-"));
  dirs.push(d);
  mkdirSync(join(d, "commands"));
  writeFileSync(
    join(d, "commands", "echo.cjs"),
    [
      '"use strict";',
      'const { basename } = require("node:path");',
      'exports.summary = "повторить";',
      'exports.usage = "echo ТЕКСТ…";',
      "exports.run = async (args, io) => {",
      "  if (args.length === 0) return 2;",
      '  io.out(basename(__filename) + ": " + args.map((a) => a.toUpperCase()).join(" "));',
      "  return 0;",
      "};",
    ].join("\n"),
  );
  return d;
}

const cacheOf = (d: string, digest = "0123456789abcdef") => join(d, "cache", `echo-${digest}.bin`);

describe("a command run with the code cache", () => {
  it("runs the script with require, __filename and the exports; the first run that worked writes the cache", async () => {
    const d = dist();
    const command = cachedCommand(d, "echo", "0123456789abcdef");
    expect([command.summary, command.usage]).toEqual(["повторить", "echo ТЕКСТ…"]);
    // A wrong call (exit code 2) compiles little: no cache from it.
    expect(await command.run([], memoryIo())).toBe(2);
    expect(() => statSync(cacheOf(d))).toThrow();
    const io = memoryIo();
    expect(await command.run(["участник-7Ф3К"], io)).toBe(0);
    expect(io.stdout).toEqual(["echo.cjs: УЧАСТНИК-7Ф3К"]);
    const cache = readFileSync(cacheOf(d));
    expect(cache.length).toBeGreaterThan(100);
    // The cache is compiled code: nothing the run read or made.
    for (const text of ["участник-7Ф3К", "УЧАСТНИК-7Ф3К"])
      for (const encoding of ["utf8", "utf16le"] as const)
        expect(cache.includes(Buffer.from(text, encoding))).toBe(false);
    // Written once per load: a second run of the same command leaves it alone.
    const { mtimeMs, ino } = statSync(cacheOf(d));
    expect(await command.run(["ещё"], memoryIo())).toBe(0);
    expect(statSync(cacheOf(d))).toMatchObject({ mtimeMs, ino });
  });

  it("a cache V8 refuses is replaced by a good one; a cache of another build is not read", async () => {
    const d = dist();
    mkdirSync(join(d, "cache"));
    const garbage = Buffer.from("не код V8, а мусор: обрезанная запись");
    writeFileSync(cacheOf(d), garbage);
    const io = memoryIo();
    expect(await cachedCommand(d, "echo", "0123456789abcdef").run(["а"], io)).toBe(0);
    expect(io.stdout).toEqual(["echo.cjs: А"]);
    const replaced = readFileSync(cacheOf(d));
    expect(replaced.equals(garbage)).toBe(false);
    expect(replaced.length).toBeGreaterThan(100);
    // Another digest: its own file, the first one untouched.
    expect(await cachedCommand(d, "echo", "fedcba9876543210").run(["б"], memoryIo())).toBe(0);
    expect(readFileSync(cacheOf(d, "fedcba9876543210")).length).toBeGreaterThan(100);
    expect(readFileSync(cacheOf(d)).equals(replaced)).toBe(true);
  });

  it("works without a cache where none can be written", async () => {
    const d = dist();
    writeFileSync(join(d, "cache"), "a file where the folder would be");
    const io = memoryIo();
    expect(await cachedCommand(d, "echo", "0123456789abcdef").run(["в"], io)).toBe(0);
    expect(io.stdout).toEqual(["echo.cjs: В"]);
    expect(readFileSync(join(d, "cache"), "utf8")).toBe("a file where the folder would be");
  });

  it("finds the build folder from a chunk's URL", () => {
    const root = join(tmpdir(), "some", "dist-cli");
    expect(distDirOf(pathToFileURL(join(root, "chunks", "analyze-5GWJK3KZ.js")).href)).toBe(root);
  });
});

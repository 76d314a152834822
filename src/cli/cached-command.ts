/**
 * A command of the built CLI loaded with V8's code cache (issue 23). Node compiles a function the
 * first time it is called: a regional protocol's `analyze` parsed and compiled some 600 KB of its
 * bundle while it ran, 13 ms of its 200 (6 %). Node 20 has no code cache for ES modules
 * (`module.enableCompileCache` came in Node 22), so scripts/build-cli.mjs also builds every command
 * as a CommonJS file, dist-cli/commands/NAME.cjs, and the command's chunk loads it here as a
 * classic script (node:vm) with the cache the previous run left: the bytecode of every function
 * that run compiled. After a run without a usable cache the cache is written, once, and only
 * after a run that did its work (exit code 0 or 1): a wrong call (2) compiles little, and a cache
 * made from it would stay that small for the whole build.
 *
 * The cache lives in dist-cli/cache/ under the digest of the script it belongs to. V8 checks a
 * cache only against the script's length, its own version and the flags (./engine sets them,
 * ./memory's --expose-gc included, before any command is loaded, so a cache is always made and
 * used with the same ones); the digest makes a cache of another build unreachable. A cache V8
 * refuses is replaced; a folder that cannot be written (a read-only install) only means no cache.
 * Written through a temporary file and renamed, so a run started meanwhile reads a whole cache or
 * none.
 */
import { accessSync, constants, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Script } from "node:vm";
import type { Command } from "./main";

/** Node's own wrapper of a CommonJS module: the same text every time, so the cache fits it. */
const wrap = (source: string) => `(function (exports, require, module, __filename, __dirname) {${source}\n})`;

/** dist-cli/ of a chunk of the built CLI (chunks sit one level down: chunks/NAME-HASH.js). */
export function distDirOf(chunkUrl: string): string {
  return dirname(dirname(fileURLToPath(chunkUrl)));
}

/**
 * The command NAME of the build at `dist`: runs dist/commands/NAME.cjs with the cache
 * dist/cache/NAME-DIGEST.bin when there is one V8 accepts.
 */
export function cachedCommand(dist: string, name: string, digest: string): Command {
  const file = join(dist, "commands", `${name}.cjs`);
  const cacheFile = join(dist, "cache", `${name}-${digest}.bin`);
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined; // the first run of this build
  }
  const script = new Script(wrap(readFileSync(file, "utf8")), { filename: file, cachedData });
  const module = { exports: {} as Command };
  const init = script.runInThisContext() as (...args: unknown[]) => void;
  init(module.exports, createRequire(file), module, file, dirname(file));
  const command = module.exports;
  let save = !cachedData || script.cachedDataRejected === true;
  return {
    summary: command.summary,
    usage: command.usage,
    async run(args, io) {
      const code = await command.run(args, io);
      if (save && (code === 0 || code === 1)) {
        save = false;
        writeCache(cacheFile, () => script.createCachedData());
      }
      return code;
    },
  };
}

/** Writes the cache `make` gives, made only once the folder is known to be writable (a read-only install makes none). */
function writeCache(file: string, make: () => Buffer): void {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    accessSync(dirname(file), constants.W_OK);
    writeFileSync(temp, make());
    renameSync(temp, file);
  } catch {
    // No cache: the next run compiles as this one did.
    try {
      rmSync(temp, { force: true });
    } catch {
      // nothing of it was written
    }
  }
}

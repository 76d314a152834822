/**
 * Bundles the product's TypeScript modules the benchmarks measure into one ESM file with esbuild
 * (installed with the product as tsx's dependency), so workers run plain Node with no loader
 * overhead in the timings. Optional modules (written by other areas) are included when present.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const BENCH = dirname(dirname(fileURLToPath(import.meta.url)));
export const ROOT = dirname(BENCH);
export const OUT = join(BENCH, "out");
export const BUNDLE = join(OUT, "msoko.mjs");
export const CLI_BUNDLE = join(OUT, "cli.mjs");
/** CLI commands case 4 calls in-process (no tsx start-up in the timing). */
export const CLI_COMMANDS = { summarize: "src/cli/commands/summarize.ts", demo: "src/cli/commands/demo.ts" };

/** Optional product modules: export name → path relative to the root. */
export const OPTIONAL = {
  analysis: "src/functions/analysis.ts",
};

/**
 * Bundles an entry of `export … from "./src/…"` lines (paths from the root) into one ESM file for
 * Node; with `external`, npm packages stay imports resolved from the root's node_modules.
 */
export async function bundleEntry(lines, outfile, { name = "bench-entry.ts", external = true } = {}) {
  const esbuild = createRequire(join(ROOT, "package.json"))("esbuild");
  mkdirSync(dirname(outfile), { recursive: true });
  await esbuild.build({
    stdin: { contents: lines.join("\n"), resolveDir: ROOT, loader: "ts", sourcefile: name },
    bundle: true,
    ...(external ? { packages: "external" } : {}),
    format: "esm",
    platform: "node",
    target: "node20",
    outfile,
    logLevel: "error",
  });
}

export async function buildBundle(outfile = BUNDLE) {
  const lines = [
    'export * as core from "./src/core/aggregate";',
    'export * as indicators from "./src/core/indicators";',
    'export { DEFAULT_PROFILE } from "./src/core/profile";',
    'export * as results from "./src/functions/results";',
  ];
  const present = {};
  for (const [name, path] of Object.entries(OPTIONAL)) {
    present[name] = existsSync(join(ROOT, path));
    if (present[name]) lines.push(`export * as ${name} from "./${path.replace(/\.ts$/, "")}";`);
  }
  await bundleEntry(lines, outfile, { external: false });
  return present;
}

/**
 * Bundles the CLI commands of case 4 when they exist (packages such as exceljs stay external and
 * resolve from the root's node_modules). Returns false when a command is missing.
 */
export async function buildCliBundle(outfile = CLI_BUNDLE) {
  if (!Object.values(CLI_COMMANDS).every((p) => existsSync(join(ROOT, p)))) return false;
  const lines = Object.entries(CLI_COMMANDS).map(
    ([name, path]) => `export * as ${name} from "./${path.replace(/\.ts$/, "")}";`,
  );
  lines.push('export { memoryIo } from "./src/cli/io";');
  await bundleEntry(lines, outfile, { name: "bench-cli-entry.ts" });
  return true;
}

/**
 * The product's own CLI build (scripts/build-cli.mjs, as `npm install` runs it) into `outdir`
 * (a folder of the project; by default dist-cli/, the one bin/msoko.mjs runs).
 */
export function buildProductCli(outdir) {
  const r = spawnSync(process.execPath, [join(ROOT, "scripts", "build-cli.mjs")], {
    cwd: ROOT,
    encoding: "utf8",
    env: outdir ? { ...process.env, MSOKO_CLI_OUTDIR: outdir } : process.env,
  });
  if (r.status !== 0) throw new Error(`сборка CLI: ${(r.stderr || r.stdout).trim()}`);
}

// Builds the `msoko` CLI into dist-cli/ with esbuild, so the command starts in a fraction of a second
// instead of compiling TypeScript through tsx on every call (2–6 s). main.js holds the help and the
// command table; each command is a chunk loaded on demand (`msoko help` loads no exceljs). npm packages
// stay external (loaded from node_modules). dist-cli/inputs.json lists the source files the bundle was
// built from and the build time: bin/msoko.mjs runs the bundle only while none of them is newer.
// Run by `npm install` (prepare), by `npm test` and as `npm run build:cli`.
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
// MSOKO_CLI_OUTDIR: another folder inside the project (a test builds there, leaving dist-cli/ alone).
const outdir = process.env.MSOKO_CLI_OUTDIR ? resolve(root, process.env.MSOKO_CLI_OUTDIR) : join(root, "dist-cli");

let esbuild;
try {
  esbuild = await import("esbuild");
} catch {
  // An install without devDependencies: the CLI still runs from the sources through tsx.
  console.log("Сборка командной строки пропущена: нет пакета esbuild (msoko будет работать из исходников через tsx).");
  process.exit(0);
}

// Taken before reading any source: a file saved during the build counts as newer than the bundle.
const builtAt = Date.now();
// Built beside the old bundle and swapped in at the end: an `msoko` started meanwhile finds either
// the old bundle whole or none (then it runs the sources), never half of one.
const staging = `${outdir}.new-${process.pid}`;
rmSync(staging, { recursive: true, force: true });
mkdirSync(staging, { recursive: true });
let result;
try {
  result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: { main: "src/cli/main.ts" },
    outdir: staging,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    chunkNames: "chunks/[name]-[hash]",
    metafile: true,
    legalComments: "none",
    logLevel: "silent",
  });
} catch (e) {
  rmSync(staging, { recursive: true, force: true });
  console.error(
    `Сборка командной строки не удалась:\n${(e.errors ?? []).map((x) => `  ${x.location?.file ?? ""}:${x.location?.line ?? ""} ${x.text}`).join("\n") || e.message}`,
  );
  process.exit(1);
}
const inputs = Object.keys(result.metafile.inputs)
  .filter((f) => !f.includes("node_modules"))
  .map((f) => relative(root, join(root, f)).split("\\").join("/"))
  .sort();
writeFileSync(join(staging, "inputs.json"), JSON.stringify({ builtAt, inputs }) + "\n");
const old = `${outdir}.old-${process.pid}`;
if (existsSync(outdir)) renameSync(outdir, old);
renameSync(staging, outdir);
rmSync(old, { recursive: true, force: true });
const bytes = Object.values(result.metafile.outputs).reduce((s, o) => s + o.bytes, 0);
console.log(
  `Командная строка собрана: ${relative(root, outdir)}/ (${Object.keys(result.metafile.outputs).length} файлов, ${(bytes / 1024).toFixed(0)} КБ, исходников: ${inputs.length}).`,
);

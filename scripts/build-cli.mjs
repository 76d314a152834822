// Builds the `msoko` CLI into dist-cli/ with esbuild, so the command starts in a fraction of a second
// instead of compiling TypeScript through tsx on every call (2–6 s). main.js holds the help and the
// command table; each command is a chunk loaded on demand (`msoko help` loads no exceljs). The chunk
// of a command is small: it runs the command's own CommonJS bundle, commands/NAME.cjs, with V8's code
// cache (src/cli/cached-command.ts; Node 20 caches no ES module). npm packages stay external (loaded
// from node_modules). dist-cli/inputs.json lists the source files the bundle was built from and the
// build time: bin/msoko.mjs runs the bundle only while none of them is newer.
// Run by `npm install` (prepare), by `npm test` and as `npm run build:cli`.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
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
const commands = readdirSync(join(root, "src", "cli", "commands"))
  .filter((f) => f.endsWith(".ts"))
  .map((f) => f.slice(0, -3));
const common = {
  absWorkingDir: root,
  outdir: staging,
  bundle: true,
  platform: "node",
  target: "node20",
  packages: "external",
  metafile: true,
  legalComments: "none",
  logLevel: "silent",
};
let results;
try {
  // Every command whole, as a classic script: import() of a package becomes require(), which a
  // script run by node:vm has (it has no loader for ES modules).
  const scripts = await esbuild.build({
    ...common,
    entryPoints: Object.fromEntries(commands.map((c) => [`commands/${c}`, `src/cli/commands/${c}.ts`])),
    format: "cjs",
    outExtension: { ".js": ".cjs" },
    supported: { "dynamic-import": false },
  });
  const digest = (c) =>
    createHash("sha256")
      .update(readFileSync(join(staging, "commands", `${c}.cjs`)))
      .digest("hex")
      .slice(0, 16);
  const digests = Object.fromEntries(commands.map((c) => [c, digest(c)]));
  const loader = join(root, "src", "cli", "cached-command.ts");
  // main.ts's import("./commands/NAME") becomes a chunk that runs commands/NAME.cjs with its cache.
  const cachedCommands = {
    name: "cached-commands",
    setup(build) {
      build.onResolve({ filter: /^\.\/commands\/[a-z-]+$/ }, (args) =>
        resolve(args.importer) === join(root, "src", "cli", "main.ts")
          ? { path: args.path.slice("./commands/".length), namespace: "cached-command" }
          : undefined,
      );
      build.onLoad({ filter: /.*/, namespace: "cached-command" }, (args) => ({
        resolveDir: dirname(loader),
        loader: "ts",
        contents: [
          `import { cachedCommand, distDirOf } from ${JSON.stringify(loader)};`,
          `const command = cachedCommand(distDirOf(import.meta.url), ${JSON.stringify(args.path)}, ${JSON.stringify(digests[args.path])});`,
          "export const summary = command.summary;",
          "export const usage = command.usage;",
          "export const run = command.run;",
        ].join("\n"),
      }));
    },
  };
  const entry = await esbuild.build({
    ...common,
    entryPoints: { main: "src/cli/main.ts" },
    splitting: true,
    format: "esm",
    chunkNames: "chunks/[name]-[hash]",
    plugins: [cachedCommands],
  });
  results = [scripts, entry];
} catch (e) {
  rmSync(staging, { recursive: true, force: true });
  console.error(
    `Сборка командной строки не удалась:\n${(e.errors ?? []).map((x) => `  ${x.location?.file ?? ""}:${x.location?.line ?? ""} ${x.text}`).join("\n") || e.message}`,
  );
  process.exit(1);
}
const inputs = [...new Set(results.flatMap((r) => Object.keys(r.metafile.inputs)))]
  // Not the chunks made above (cached-command:NAME) nor packages: the files a developer edits.
  .filter((f) => !f.includes("node_modules") && !f.startsWith("cached-command:"))
  .map((f) => relative(root, join(root, f)).split("\\").join("/"))
  .sort();
writeFileSync(join(staging, "inputs.json"), JSON.stringify({ builtAt, inputs }) + "\n");
const old = `${outdir}.old-${process.pid}`;
if (existsSync(outdir)) renameSync(outdir, old);
renameSync(staging, outdir);
rmSync(old, { recursive: true, force: true });
const outputs = results.flatMap((r) => Object.values(r.metafile.outputs));
const bytes = outputs.reduce((s, o) => s + o.bytes, 0);
console.log(
  `Командная строка собрана: ${relative(root, outdir)}/ (${outputs.length} файлов, ${(bytes / 1024).toFixed(0)} КБ, исходников: ${inputs.length}).`,
);

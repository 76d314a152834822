#!/usr/bin/env node
// The `msoko` command. Runs the bundle dist-cli/main.js (scripts/build-cli.mjs; npm install and
// npm test build it) when it is present and not older than any source it was built from — one
// stat per source file, a few milliseconds — and otherwise the TypeScript sources through tsx, so a
// developer's edit is used at once without a rebuild. MSOKO_CLI=src forces the sources.
import { readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

function bundleIsFresh() {
  if (process.env.MSOKO_CLI === "src") return false;
  try {
    const { builtAt, inputs } = JSON.parse(readFileSync(join(root, "dist-cli", "inputs.json"), "utf8"));
    for (const f of inputs) if (statSync(join(root, f)).mtimeMs > builtAt) return false;
    return inputs.length > 0;
  } catch {
    return false; // no bundle, or a source it was built from is gone
  }
}

let main;
if (bundleIsFresh()) {
  ({ main } = await import(pathToFileURL(join(root, "dist-cli", "main.js")).href));
} else {
  const { register } = await import("tsx/esm/api");
  register();
  ({ main } = await import(pathToFileURL(join(root, "src", "cli", "main.ts")).href));
}
process.exitCode = await main(process.argv.slice(2));

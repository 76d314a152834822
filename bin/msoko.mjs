#!/usr/bin/env node
// The `msoko` command. Runs the bundle dist-cli/main.js (scripts/build-cli.mjs; npm install and
// npm test build it) when it is present and not older than any source it was built from
// (./bundle.mjs), and otherwise the TypeScript sources through tsx, so a developer's edit is used
// at once without a rebuild. MSOKO_CLI=src forces the sources.
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { bundleIsFresh } from "./bundle.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

let main;
if (process.env.MSOKO_CLI !== "src" && bundleIsFresh(root)) {
  ({ main } = await import(pathToFileURL(join(root, "dist-cli", "main.js")).href));
} else {
  const { register } = await import("tsx/esm/api");
  register();
  ({ main } = await import(pathToFileURL(join(root, "src", "cli", "main.ts")).href));
}
process.exitCode = await main(process.argv.slice(2));

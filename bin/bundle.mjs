// Whether the built CLI (dist-cli/, scripts/build-cli.mjs) may run: it exists and none of the sources it
// was built from changed since. inputs.json lists them with the build time; one stat per source — a
// few milliseconds — is far cheaper than the 2–6 s tsx needs, and a developer's edit is never ignored.
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";

/**
 * True when `root`/`dir`/main.js and its commands/ were built after the last change of every source
 * listed in its inputs.json.
 */
export function bundleIsFresh(root, dir = "dist-cli") {
  try {
    const { builtAt, inputs } = JSON.parse(readFileSync(join(root, dir, "inputs.json"), "utf8"));
    if (!Array.isArray(inputs) || inputs.length === 0 || typeof builtAt !== "number") return false;
    statSync(join(root, dir, "main.js"));
    // The commands' scripts (a build made before they existed has only chunks: not this build's layout).
    if (!statSync(join(root, dir, "commands")).isDirectory()) return false;
    for (const f of inputs) if (statSync(join(root, f)).mtimeMs > builtAt) return false;
    return true;
  } catch {
    return false; // no bundle, or a source it was built from is gone
  }
}

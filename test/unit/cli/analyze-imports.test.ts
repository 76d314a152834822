/**
 * `msoko analyze` must not load exceljs (issue 23): its module and ≈ 60 packages cost more CPU to load
 * than the analysis of a 25 000-participant protocol. The command reads .xlsx with the project's own
 * reader; exceljs may stay behind a dynamic import for rare books, loaded only when such a book comes.
 * The check bundles the command as dist-cli does (npm packages external) and reads esbuild's metafile.
 */
import { build } from "esbuild";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(__dirname, "..", "..", "..");

async function externalImports(entry: string): Promise<{ path: string; kind: string }[]> {
  const r = await build({
    absWorkingDir: ROOT,
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: "esm",
    platform: "node",
    packages: "external",
    metafile: true,
    logLevel: "silent",
    outdir: join(ROOT, "dist-cli-imports-check"),
  });
  return Object.values(r.metafile.outputs).flatMap((o) =>
    o.imports.filter((i) => i.external).map((i) => ({ path: i.path, kind: i.kind })),
  );
}

describe("what `msoko analyze` loads", () => {
  it("statically imports only Node's own modules; exceljs at most on demand", async () => {
    const imports = await externalImports("src/cli/commands/analyze.ts");
    const staticPackages = imports.filter((i) => i.kind !== "dynamic-import" && !i.path.startsWith("node:"));
    expect(staticPackages).toEqual([]);
    expect(imports.some((i) => i.path.startsWith("node:zlib"))).toBe(true);
  });

  it("the check can fail: the exceljs adapter imports exceljs statically", async () => {
    const imports = await externalImports("src/xlsx/exceljs/workbook.ts");
    expect(imports.filter((i) => i.path === "exceljs" && i.kind === "import-statement").length).toBeGreaterThan(0);
  });
});

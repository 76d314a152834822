import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx)$/.test(n) ? [p] : [];
  });
}

describe("layer boundaries of the workbook port", () => {
  const root = join(__dirname, "../../..");
  const src = files(join(root, "src")).map((p) => ({
    path: relative(root, p).replace(/\\/g, "/"),
    text: readFileSync(p, "utf8"),
  }));

  it("only src/host/officejs* calls Excel.run", () => {
    const callers = src.filter((f) => /\bExcel\s*\.\s*run\s*\(|\bexcel\.run\s*\(/.test(f.text)).map((f) => f.path);
    expect(callers.filter((p) => !p.startsWith("src/host/officejs"))).toEqual([]);
  });

  it("src/host stays free of Node APIs and exceljs (it runs in the pane)", () => {
    const host = src.filter((f) => f.path.startsWith("src/host/"));
    const offenders = host.filter((f) => /from\s+"(?:node:|fs|path|exceljs)/.test(f.text)).map((f) => f.path);
    expect(offenders).toEqual([]);
  });
});

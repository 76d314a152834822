/**
 * The folder tree is the architecture: imports between sibling or unrelated folders of src/ must form
 * no cycle (a folder and its own subfolders may use each other), and the
 * pure layers (src/core, src/summary/model, src/school/model) import nothing from the edges (hosts,
 * Node, the pane, the CLI). A newcomer reads a feature top-down only if these hold.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const SRC = path.resolve(__dirname, "../../../src");
const IMPORT = /(?:from|import)\s*\(?\s*["'](\.\.?\/[^"']+)["']/g;

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) sourceFiles(p, out);
    else if (/\.(ts|tsx)$/.test(name)) out.push(p);
  }
  return out;
}

/** Folder (relative to src) → folders it imports from. */
function folderGraph(): Map<string, Set<string>> {
  const g = new Map<string, Set<string>>();
  for (const file of sourceFiles(SRC)) {
    const from = path.relative(SRC, path.dirname(file));
    const edges = g.get(from) ?? new Set<string>();
    g.set(from, edges);
    for (const m of readFileSync(file, "utf8").matchAll(IMPORT)) {
      const target = path.resolve(path.dirname(file), m[1]!);
      const isDir = (() => {
        try {
          return statSync(target).isDirectory();
        } catch {
          return false;
        }
      })();
      const to = path.relative(SRC, isDir ? target : path.dirname(target));
      // A subfolder using its parent's basics (core/profile → core/values) or a parent's entry using
      // its subfolder is the tree's own shape, not a cycle between features.
      const nested = to.startsWith(from + "/") || from.startsWith(to + "/") || to === "" || from === "";
      if (to !== from && !nested) edges.add(to);
    }
  }
  return g;
}

/** Strongly connected components with more than one folder (Tarjan). */
function cycles(g: Map<string, Set<string>>): string[][] {
  let index = 0;
  const idx = new Map<string, number>(),
    low = new Map<string, number>(),
    stack: string[] = [],
    on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    idx.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    on.add(v);
    for (const w of g.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const comp: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        comp.push(w);
      } while (w !== v);
      if (comp.length > 1) out.push(comp.sort());
    }
  };
  for (const v of g.keys()) if (!idx.has(v)) visit(v);
  return out;
}

describe("the folder tree", () => {
  const g = folderGraph();

  it("has no import cycle between folders", () => {
    expect(cycles(g)).toEqual([]);
  });

  it("keeps the pure layers free of hosts, Node, the pane and the CLI", () => {
    const pure = [...g.keys()].filter(
      (f) => f === "core" || f.startsWith("core/") || f === "summary/model" || f === "school/model",
    );
    expect(pure.length).toBeGreaterThan(5);
    const edges = /^(host|taskpane|cli|functions|xlsx)(\/|$)|^summary$|^summary\/write|^school$|^school\/write/;
    const bad = pure.flatMap((f) => [...g.get(f)!].filter((t) => edges.test(t)).map((t) => `${f} → ${t}`));
    expect(bad).toEqual([]);
  });

  it("detects a cycle when there is one (the check can fail)", () => {
    const fake = new Map([
      ["a", new Set(["b"])],
      ["b", new Set(["c"])],
      ["c", new Set(["a"])],
      ["d", new Set(["a"])],
    ]);
    expect(cycles(fake)).toEqual([["a", "b", "c"]]);
  });
});

/**
 * A case's own section of bench/results.md, between `<!-- id:begin -->` and `<!-- id:end -->`. The
 * issue-23 cases measure separately (`--write`) and replace only their section; `bench/run.mjs` keeps
 * every such section when it rewrites the rest of the file.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { BENCH } from "./build.mjs";

export const RESULTS = join(BENCH, "results.md");

/** The markers of section `id`. */
export function sectionMarkers(id) {
  return { begin: `<!-- ${id}:begin -->`, end: `<!-- ${id}:end -->` };
}

/** Replaces section `id` of results.md with `markdown` (which carries the markers), or appends it. */
export function writeSection(id, markdown) {
  const { begin, end } = sectionMarkers(id);
  const text = existsSync(RESULTS) ? readFileSync(RESULTS, "utf8") : "";
  const a = text.indexOf(begin);
  const b = text.indexOf(end);
  const next =
    a >= 0 && b > a ? text.slice(0, a) + markdown + text.slice(b + end.length) : `${text.trimEnd()}\n\n${markdown}\n`;
  writeFileSync(RESULTS, next);
}

/**
 * Case 3, the "plain Excel" alternative: the same per-group indicators as COUNTIFS/AVERAGEIFS
 * formulas over the same rows, recalculated by LibreOffice headless, against our engine from the
 * same cells. The workbook is what a careful spreadsheet user would build: a data sheet with one
 * helper column (test − journal mark), a sheet of groups with one COUNTIFS per counter and the
 * indicators as arithmetic on those counters. LibreOffice is told to recalculate on load, and the
 * recalculated values are read back and compared with ours.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { ROOT } from "../lib/build.mjs";
import { groupParts } from "../lib/generate.mjs";
import { FIELDS } from "./engine.mjs";

const require = createRequire(join(ROOT, "package.json"));

export const SOFFICE = "/usr/bin/soffice";

/** Group label as a user's table holds it: one text key per line of results. */
export function groupLabel(g) {
  const p = groupParts(g);
  return `${p.school} ВПР ${p.year} ${p.grade} ${p.subject}`;
}

const COUNTERS = ["participants", "n5", "n4", "n3", "n2", "n1", "lowered", "confirmed", "raised", "gap2"];
/** The indicators the formulas compute: the same as every contender of case 1. */
export const OUTPUTS = FIELDS;

/**
 * Writes the workbook. Sheet «Показатели» comes first so that the CSV export (first sheet only)
 * holds the recalculated results; `withFormulas: false` writes the same sheet as constants,
 * which times LibreOffice's load and export without the recalculation.
 */
export async function writeWorkbook(cols, file, { withFormulas, weights, expected }) {
  const ExcelJS = require("exceljs");
  const wb = new ExcelJS.Workbook();
  const res = wb.addWorksheet("Показатели");
  const data = wb.addWorksheet("Данные");
  const n = cols.group.length;
  data.addRow(["Группа", "Отметка", "По журналу", "Балл", "Разница"]);
  for (let i = 0; i < n; i++) {
    const r = i + 2;
    data.addRow([
      groupLabel(cols.group[i]),
      cols.mark[i] || null,
      cols.journal[i] || null,
      Number.isNaN(cols.score[i]) ? null : cols.score[i],
      { formula: `IF(OR(B${r}="",C${r}=""),"",B${r}-C${r})` },
    ]);
  }
  const last = n + 1;
  const rng = (c) => `Данные!$${c}$2:$${c}$${last}`;
  const [G, M, D, S] = [rng("A"), rng("B"), rng("E"), rng("D")];
  const header = ["Группа", ...COUNTERS, ...OUTPUTS.map((o) => `out:${o}`)];
  res.addRow(header);
  const groups = [];
  for (let g = 0; g < cols.groupCount; g++) groups.push(g);
  const [w5, w4, w3, w2, w1] = weights;
  groups.forEach((g, k) => {
    const r = k + 2;
    const key = `$A${r}`;
    if (!withFormulas) {
      const e = expected[g];
      res.addRow([groupLabel(g), ...COUNTERS.map(() => 0), ...OUTPUTS.map((o) => e[o])]);
      return;
    }
    // Columns: A group, B participants, C n5, D n4, E n3, F n2, G n1, H lowered, I confirmed, J raised, K gap2.
    const marked = `(C${r}+D${r}+E${r}+F${r}+G${r})`;
    const compared = `(H${r}+I${r}+J${r})`;
    const share = (x, d) => ({ formula: `IF(${d}=0,"",${x}*100/${d})` });
    res.addRow([
      groupLabel(g),
      { formula: `COUNTIFS(${G},${key})` },
      ...[5, 4, 3, 2, 1].map((m) => ({ formula: `COUNTIFS(${G},${key},${M},${m})` })),
      { formula: `COUNTIFS(${G},${key},${D},"<0")` },
      { formula: `COUNTIFS(${G},${key},${D},0)` },
      { formula: `COUNTIFS(${G},${key},${D},">0")` },
      { formula: `COUNTIFS(${G},${key},${D},">=2")+COUNTIFS(${G},${key},${D},"<=-2")` },
      share(`(C${r}+D${r}+E${r})`, marked),
      share(`(C${r}+D${r})`, marked),
      { formula: `IF(${marked}=0,"",(${w5}*C${r}+${w4}*D${r}+${w3}*E${r}+${w2}*F${r}+${w1}*G${r})/${marked})` },
      { formula: `IF(${marked}=0,"",(5*C${r}+4*D${r}+3*E${r}+2*F${r}+G${r})/${marked})` },
      share(`(F${r}+G${r})`, marked),
      share(`I${r}`, compared),
      share(`H${r}`, compared),
      share(`J${r}`, compared),
      share(`K${r}`, compared),
      { formula: `IFERROR(AVERAGEIFS(${S},${G},${key}),"")` },
    ]);
  });
  await wb.xlsx.writeFile(file);
}

/** A private LibreOffice profile that recalculates OOXML formulas on load (never use the user's). */
export function loProfile(dir) {
  const user = join(dir, "user");
  mkdirSync(user, { recursive: true });
  writeFileSync(
    join(user, "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
  return `file://${dir}`;
}

/**
 * Converts xlsx → csv (first sheet) with LibreOffice under /usr/bin/time, which reports the
 * converter's peak memory; returns wall milliseconds and peak RSS in KB.
 */
export function convertToCsv(file, outDir, profileUrl) {
  const t0 = performance.now();
  const r = spawnSync(
    "/usr/bin/time",
    [
      "-f",
      "maxrss=%M",
      SOFFICE,
      `-env:UserInstallation=${profileUrl}`,
      "--headless",
      "--norestore",
      "--convert-to",
      "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false",
      "--outdir",
      outDir,
      file,
    ],
    {
      encoding: "utf8",
      timeout: 600_000,
    },
  );
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`LibreOffice не преобразовал ${file}: ${r.stderr || r.error}`);
  const rss = /maxrss=(\d+)/.exec(r.stderr ?? "");
  return { ms, maxRssKb: rss ? Number(rss[1]) : 0 };
}

/** Parses the CSV of «Показатели» into records keyed by group label. */
export function readCsv(file) {
  const lines = readFileSync(file, "utf8").trim().split(/\r?\n/);
  const head = lines[0].split(",");
  const out = new Map();
  for (const line of lines.slice(1)) {
    const cells = line.split(",").map((c) => c.replace(/^"|"$/g, ""));
    const rec = {};
    for (const o of OUTPUTS) {
      const v = cells[head.indexOf(`out:${o}`)];
      rec[o] = v === "" || v === undefined ? null : Number(v);
    }
    out.set(cells[0], rec);
  }
  return out;
}

export function cleanup(dir) {
  rmSync(dir, { recursive: true, force: true });
}

/** The rows as the cells of a user's table: [group label, mark, journal mark, score], blanks as "". */
export function toGrid(cols) {
  const out = new Array(cols.group.length);
  for (let i = 0; i < out.length; i++) {
    out[i] = [
      groupLabel(cols.group[i]),
      cols.mark[i] || "",
      cols.journal[i] || "",
      Number.isNaN(cols.score[i]) ? "" : cols.score[i],
    ];
  }
  return out;
}

/** Our engine from the same cells: intern the labels, fill the columns, aggregate, indicators. */
export function oursFromGrid(grid, m) {
  const n = grid.length;
  const ids = new m.core.Interner();
  const group = new Int32Array(n);
  const mark = new Uint8Array(n);
  const journal = new Uint8Array(n);
  const score = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const row = grid[i];
    group[i] = ids.id(row[0]);
    mark[i] = typeof row[1] === "number" ? row[1] : 0;
    journal[i] = typeof row[2] === "number" ? row[2] : 0;
    score[i] = typeof row[3] === "number" ? row[3] : NaN;
  }
  const records = m.core.allIndicators(
    m.core.aggregate({ group, groupCount: ids.size, mark, journal, score }),
    m.DEFAULT_PROFILE,
  );
  return { ids, records };
}

/** Compares LibreOffice's values with ours; returns the number of differing cells and examples. */
export function compare(lo, cols, expected) {
  let mismatches = 0;
  const examples = [];
  for (let g = 0; g < cols.groupCount; g++) {
    const got = lo.get(groupLabel(g));
    for (const o of OUTPUTS) {
      const a = got ? got[o] : undefined;
      const b = expected[g][o];
      const same =
        a !== undefined && (a === null ? b === null : b !== null && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)));
      if (!same) {
        mismatches++;
        if (examples.length < 3) examples.push(`${groupLabel(g)}: ${o} = ${a} у LibreOffice, ${b} у ядра`);
      }
    }
  }
  return { mismatches, examples };
}

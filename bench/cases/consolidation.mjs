/**
 * Case 4, consolidation: `msoko summarize ПАПКА --out СВОД.xlsx` over 25 and 100 filled school
 * forms (500 with BENCH_FULL=1): wall time, peak memory and time per form; growth must be linear.
 * The commands run in-process from an esbuild bundle (bench/out/cli.mjs), so tsx's start-up is not
 * timed. The forms are made once by `msoko demo --schools N` and kept in bench/out/forms-N.
 * Runs only when src/cli/commands/summarize.ts exists; until then it says it waits for it.
 */
import { existsSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { OUT } from "../lib/build.mjs";

export const DEMO_SEED = 2026;

export function formsDir(forms) {
  return join(OUT, `forms-${forms}`);
}

/** The arguments summarize is called with (its usage: summarize ФОРМЫ…|ПАПКА --out СВОД.xlsx …). */
export function summarizeArgs(dir, outFile) {
  return [dir, "--out", outFile];
}

/** Makes the N forms with the demo command unless a complete set is already there. */
export async function ensureForms(cli, forms) {
  const dir = formsDir(forms);
  const marker = join(dir, ".complete");
  if (existsSync(marker)) return { dir, reused: true };
  rmSync(dir, { recursive: true, force: true });
  const io = cli.memoryIo();
  const code = await cli.demo.run(["--out", dir, "--schools", String(forms), "--seed", String(DEMO_SEED)], io);
  if (code !== 0)
    throw new Error(`msoko demo не создал ${forms} форм (код ${code}): ${io.stderr.join(" ").slice(0, 300)}`);
  writeFileSync(marker, `${forms}\n`);
  return { dir, reused: false };
}

export function countForms(dir) {
  return readdirSync(dir).filter((f) => f.endsWith(".xlsx")).length;
}

/** One summarize run; throws with the command's own message when it fails. */
export async function summarizeOnce(cli, dir, outFile) {
  const io = cli.memoryIo();
  const code = await cli.summarize.run(summarizeArgs(dir, outFile), io);
  if (code !== 0) {
    throw new Error(
      `msoko summarize ${summarizeArgs("ПАПКА", "СВОД.xlsx").join(" ")} завершилась с кодом ${code}: ${io.stderr.join(" ").slice(0, 300)} (использование: ${cli.summarize.usage}; поправьте summarizeArgs в bench/cases/consolidation.mjs)`,
    );
  }
  return io;
}

/**
 * `msoko demo --out <dir> [--seed N] [--schools N]`: writes the sample municipality as filled
 * school forms (<login>.xlsx, one per school) plus situations.json, the manifest of injected
 * situations, and prints a Russian summary. Exit codes: 0 written, 1 a file could not be
 * written, 2 wrong arguments.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { countRu } from "../../core/values";
import { fillForm } from "../../form/template";
import type { Municipality } from "../../core/model";
import { DEFAULT_SEED, DEFAULT_YEARS, generateMunicipality, type InjectedSituation } from "../../sample";
import type { Io } from "../io";
import { XlsxWorkbook } from "../../xlsx/exceljs/workbook";

export const summary = "создать демонстрационный муниципалитет: заполненные формы школ и перечень внедрённых ситуаций";
export const usage = "demo --out ПАПКА [--seed N] [--schools N]";

const MAX_SCHOOLS = 2000;

interface DemoArgs {
  out: string;
  seed: number;
  schools: number;
}

function parseArgs(args: string[]): DemoArgs | string {
  const values: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const m = /^--(out|seed|schools)(?:=(.*))?$/.exec(a);
    if (!m) return `неизвестный аргумент «${a}»`;
    const v = m[2] ?? args[++i];
    if (v === undefined || v === "") return `после «--${m[1]}» нужно значение`;
    values[m[1]] = v;
  }
  if (!values.out) return "укажите папку: --out ПАПКА";
  const seed = values.seed === undefined ? DEFAULT_SEED : Number(values.seed);
  if (!Number.isInteger(seed)) return `--seed ожидает целое число, а указано «${values.seed}»`;
  const schools = values.schools === undefined ? 25 : Number(values.schools);
  if (!Number.isInteger(schools) || schools < 1 || schools > MAX_SCHOOLS) {
    return `--schools ожидает целое число от 1 до ${MAX_SCHOOLS}, а указано «${values.schools}»`;
  }
  return { out: resolve(values.out), seed, schools };
}

const FORMS: readonly [string, string, string] = ["форма школы", "формы школ", "форм школ"];

/** The manifest written as situations.json. */
export interface DemoManifest {
  municipality: string;
  seed: number;
  schools: number;
  years: number[];
  situations: InjectedSituation[];
}

/** Writes <login>.xlsx for every school and situations.json into `out` (created if missing). */
export async function writeDemo(out: string, municipality: Municipality, situations: InjectedSituation[], seed: number): Promise<void> {
  await mkdir(out, { recursive: true });
  for (const report of municipality.schools) {
    const file = `${report.passport.login}.xlsx`;
    const wb = XlsxWorkbook.create(file);
    await wb.write({ ops: fillForm(report) });
    await wb.save(join(out, file));
  }
  const manifest: DemoManifest = { municipality: municipality.name, seed, schools: municipality.schools.length, years: [...DEFAULT_YEARS], situations };
  await writeFile(join(out, "situations.json"), JSON.stringify(manifest, null, 2) + "\n", "utf8");
}

export async function run(args: string[], io: Io): Promise<number> {
  const parsed = parseArgs(args);
  if (typeof parsed === "string") {
    io.err(`Ошибка: ${parsed}.\nИспользование: msoko ${usage}`);
    return 2;
  }
  const { out, seed, schools } = parsed;
  const { municipality, situations } = generateMunicipality({ seed, schools });
  try {
    await writeDemo(out, municipality, situations, seed);
  } catch (e) {
    io.err(`Не удалось записать файлы в папку «${out}»: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
  io.out(`Создано ${countRu(municipality.schools.length, FORMS)} (${municipality.name}, зерно ${seed}) в папке ${out}.`);
  io.out(`Намеренно внедрённых ситуаций: ${situations.length} (перечень с описаниями — situations.json):`);
  for (const s of situations) io.out(`  ${s.login} ${s.school} — ${s.expectedRule}: ${s.description}`);
  return 0;
}

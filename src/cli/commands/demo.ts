/**
 * `msoko demo --out <dir> [--seed N] [--schools N] [--force]`: writes the sample municipality as
 * filled school forms (<login>.xlsx, one per school), the education authority's own cycle book
 * (mouo-cycle.xlsx, sheet «Цикл МОУО», with one gap and one overdue step) and situations.json, the
 * manifest of injected situations, and prints a Russian summary. The folder is created if missing; files already in it
 * with the same names are not replaced without --force (checked before anything is written).
 * Exit codes: 0 written, 1 a file could not be written, 2 wrong arguments or files in the way.
 */
import { existsSync } from "node:fs";
import { mkdir, stat, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { countRu } from "../../core/values";
import { fillForm } from "../../form/template";
import { municipalCycleOps } from "../../form/municipal-cycle";
import { MUNICIPAL_CYCLE_DEVIATIONS } from "../../sample/cycle";
import type { Municipality } from "../../core/model";
import { DEFAULT_SEED, DEFAULT_YEARS, generateMunicipality, type InjectedSituation } from "../../sample";
import { COMMAND_INFO } from "../command-table";
import { errorText } from "../fs-errors";
import type { Io } from "../io";
import { checkOutputs } from "../outputs";
import { XlsxWorkbook } from "../../xlsx/exceljs/workbook";

export const { summary, usage } = COMMAND_INFO.demo;

const MAX_SCHOOLS = 2000;

interface DemoArgs {
  out: string;
  /** The folder as typed, for messages. */
  typed: string;
  seed: number;
  schools: number;
  force: boolean;
}

function parseArgs(args: string[]): DemoArgs | string {
  const values: Record<string, string> = {};
  let force = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--force") {
      force = true;
      continue;
    }
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
  return { out: resolve(values.out), typed: values.out, seed, schools, force };
}

/** The demo's МОУО cycle book: `msoko summarize` finds it in the folder by its sheet. */
export const DEMO_MOUO_CYCLE_FILE = "mouo-cycle.xlsx";

const FORMS: readonly [string, string, string] = ["форма школы", "формы школ", "форм школ"];

/** Kindergartens the demo writes besides the schools. */
export const DEMO_KINDERGARTENS = 1;

/** The manifest written as situations.json. */
export interface DemoManifest {
  municipality: string;
  seed: number;
  schools: number;
  years: number[];
  situations: InjectedSituation[];
}

/** Writes <login>.xlsx for every school and situations.json into `out` (created if missing). */
export async function writeDemo(
  out: string,
  municipality: Municipality,
  situations: InjectedSituation[],
  seed: number,
): Promise<void> {
  await mkdir(out, { recursive: true });
  for (const report of municipality.schools) {
    const file = `${report.passport.login}.xlsx`;
    const wb = XlsxWorkbook.create(file);
    await wb.write({ ops: fillForm(report) });
    await wb.save(join(out, file));
  }
  const cycleBook = XlsxWorkbook.create(DEMO_MOUO_CYCLE_FILE);
  await cycleBook.write({ ops: municipalCycleOps(municipality.municipalCycle) });
  await cycleBook.save(join(out, DEMO_MOUO_CYCLE_FILE));
  const manifest: DemoManifest = {
    municipality: municipality.name,
    seed,
    schools: municipality.schools.length,
    years: [...DEFAULT_YEARS],
    situations,
  };
  await writeFile(join(out, "situations.json"), JSON.stringify(manifest, null, 2) + "\n", "utf8");
}

export async function run(args: string[], io: Io): Promise<number> {
  const parsed = parseArgs(args);
  if (typeof parsed === "string") {
    io.err(`Ошибка: ${parsed}.\nИспользование: msoko ${usage}`);
    return 2;
  }
  const { out, typed, seed, schools } = parsed;
  const folder = await stat(out).catch(() => null);
  if (folder && !folder.isDirectory()) {
    io.err(`Ошибка: --out «${typed}» — файл, а нужна папка для форм. Укажите папку (она будет создана, если её нет).`);
    return 2;
  }
  // One kindergarten beside the schools: its form is the preschool one (direction 8).
  const { municipality, situations } = generateMunicipality({ seed, schools, kindergartens: DEMO_KINDERGARTENS });
  const files = [
    ...municipality.schools.map((r) => `${r.passport.login}.xlsx`),
    DEMO_MOUO_CYCLE_FILE,
    "situations.json",
  ];
  if (folder && !parsed.force) {
    const existing = files.filter((f) => existsSync(join(out, f)));
    if (existing.length) {
      const shown =
        existing
          .slice(0, 3)
          .map((f) => `«${f}»`)
          .join(", ") + (existing.length > 3 ? ` и ещё ${existing.length - 3}` : "");
      io.err(
        `В папке «${typed}» уже есть ${countRu(existing.length, ["файл", "файла", "файлов"])} с теми же именами (${shown}): они не будут перезаписаны. Укажите другую папку или добавьте --force.`,
      );
      return 2;
    }
  }
  if (folder) {
    // With --force: still never through a file that is a folder, a device or a dangling link.
    const checked = await checkOutputs(
      files.map((f) => ({ path: join(typed, f), flag: "--out", form: true })),
      { named: [], files: [] },
      true,
    );
    if (!checked.ok) {
      io.err(`Ошибка: ${checked.message}`);
      return 2;
    }
  }
  try {
    await writeDemo(out, municipality, situations, seed);
  } catch (e) {
    io.err(`Не удалось записать файлы в папку «${typed}»: ${errorText(e)}`);
    return 1;
  }
  io.out(
    `Создано ${countRu(municipality.schools.length, FORMS)} (${municipality.name}, зерно ${seed}) в папке ${out}.`,
  );
  const { gap, overdue } = MUNICIPAL_CYCLE_DEVIATIONS;
  io.out(
    `Цикл МОУО (${DEMO_MOUO_CYCLE_FILE}): в последнем году разрыв на этапе ${gap.component} направления ${gap.direction} и просрочен этап ${overdue.component} направления ${overdue.direction}.`,
  );
  io.out(`Намеренно внедрённых ситуаций: ${situations.length} (перечень с описаниями — situations.json):`);
  for (const s of situations) io.out(`  ${s.login} ${s.school} — ${s.expectedRule}: ${s.description}`);
  return 0;
}

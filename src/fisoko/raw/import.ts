/**
 * Import of regional protocols (raw results of a whole procedure, as regional coordinators hand
 * them to municipalities): every participant of every school, with the school's login, the
 * municipality where the layout has it, per-task scores, the total and the journal mark — but
 * usually no mark. Marks come from the year's score → mark scale of the methodology profile;
 * without one the import stops with one message naming the exact setting to add.
 *
 * All or nothing for structure (no header, unknown test, no scale, no participants): an error
 * imports nothing. Faulty rows are data-quality findings: the row is excluded, the rest imported.
 */
import type { Finding, ParticipantRow } from "../../core/model";
import { describeScale, markScale, type MarkScale, type Profile } from "../../core/profile";
import { countRu, type CellValue } from "../../core/values";
import type { FisokoFile } from "../import";
import { schoolKey } from "../login";
import { TITLE_ROWS } from "../header";
import { findRawHeader, LAYOUT_LABELS, RAW_HEADER_ROWS, type RawColumns, type RawLayout } from "./columns";
import { RawFindings } from "./findings";
import { describeScaleKey, RawRowReader, type RawRows, type RawSchool } from "./rows";
import { rowsOf, type ParticipantRange, type ParticipantTable } from "./table";
import { describeTest, isTestTitle, resolveTest, type RawTest } from "./test";

export interface RawReport {
  file: string;
  sheet: string;
  layout: RawLayout;
  test: RawTest;
  /** Where the marks come from: the profile's scale, or the protocol's own mark column. */
  marksFrom: "scale" | "file";
  /** «2» 0–5, «3» 6–9, … when the scale was used. */
  scale?: string;
  participants: number;
  schools: number;
  absent: number;
  excluded: number;
}

export interface RawImport {
  /** false when any error was found; then schools, ranges and participants are empty. */
  ok: boolean;
  schools: RawSchool[];
  /** The participants taken, as parts of the sheets' tables in import order (what the analysis reads). */
  ranges: ParticipantRange[];
  /** The same participants, one ParticipantRow each: made on first read. */
  readonly participants: ParticipantRow[];
  findings: Finding[];
  reports: RawReport[];
}

export interface RawOptions {
  /** The test when neither the title nor the file name says it (the user's «ВПР 2021 Математика 4 класс»). */
  test?: Partial<RawTest>;
}

/**
 * The rows from the top that tell a protocol (its header) from an export (its title): a reader that
 * streams a protocol's rows reads this many first and decides from them (src/cli/inputs.ts).
 */
export const RAW_HEAD_ROWS = Math.max(RAW_HEADER_ROWS, TITLE_ROWS);

/** Whether a workbook is a regional protocol: a sheet whose header has the school login, the code and task scores. */
export function looksLikeRawResults(sheets: readonly Pick<FisokoFile["sheets"][number], "values">[]): boolean {
  return sheets.some((s) => findRawHeader(s.values) !== null);
}

export function importRaw(files: readonly FisokoFile[], profile: Profile, opts: RawOptions = {}): RawImport {
  const importer = new RawImporter(profile, opts);
  for (const file of files) importer.add(file);
  return importer.finish();
}

/**
 * The same import one file at a time (issue 23): a caller that reads protocols one by one hands
 * each to `add` as soon as it is read and lets its grid go, so a region's spring (30 grids of
 * 25 000 rows) is never in memory at once. `finish` gives what importRaw gives for the same files
 * in the same order.
 */
export class RawImporter {
  private readonly findings: Finding[] = [];
  private readonly reports: RawReport[] = [];
  private readonly schools = new Map<string, RawSchool>();
  private readonly ranges: ParticipantRange[] = [];
  /** test|school → file that gave the school's rows of the test first. */
  private readonly owner = new Map<string, string>();

  constructor(
    private readonly profile: Profile,
    private readonly opts: RawOptions = {},
  ) {}

  /** Imports one protocol; its sheets are not kept. */
  add(file: FisokoFile): void {
    const sheets: RawSheetImport[] = [];
    for (const sheet of file.sheets) {
      const s = this.sheet(file.name, sheet.name, sheet.values);
      if (!s) continue;
      for (let r = s.headerRow + 1; r < sheet.values.length; r++) s.row(r, sheet.values[r]);
      sheets.push(s);
    }
    this.commit(file.name, sheets);
  }

  /**
   * The import of one sheet of a protocol whose first rows (at least RAW_HEADER_ROWS of them, or
   * all) are `heads`; null when they hold no protocol header. Its rows are then handed to `row` in
   * sheet order — from a grid, or straight from the sheet's XML as it is read — and nothing is
   * imported until `commit` gets it: a file that fails to read halfway leaves the import as it was.
   */
  sheet(file: string, sheet: string, heads: readonly (readonly CellValue[])[]): RawSheetImport | null {
    const found = findRawHeader(heads);
    if (!found) return null;
    const f = new RawFindings(file, sheet);
    return new RawSheetImport(
      file,
      sheet,
      found.cols,
      startSheet(file, found.cols, found.titles, this.profile, this.opts, f),
      f,
    );
  }

  /** Imports the sheets of one file (those `sheet` gave, in the file's order, their rows handed over). */
  commit(file: string, sheets: readonly RawSheetImport[]): void {
    const { findings, reports, schools, owner, ranges } = this;
    for (const sheetImport of sheets) {
      const sheet = sheetImport.name;
      const f = sheetImport.findings;
      const sheetResult = sheetImport.end();
      f.finish();
      findings.push(...f.list);
      if (!sheetResult) continue;
      const { test, rows, report } = sheetResult;
      reports.push(report);
      const skipped = new Set<string>();
      const label = describeTest(test);
      const table = rows.table;
      // The sheet's schools are its participants' schools (none dropped): when no other file has
      // given any of them for this test (a region's protocol, the usual case), the whole table is
      // taken at once, no walk over 24 000 rows.
      if (rows.dropped === 0 && this.takesAll(rows.schools.keys(), label, file)) {
        ranges.push({ table, from: 0, to: table.count });
        for (const [login, s] of rows.schools) if (!schools.has(login)) schools.set(login, s);
        continue;
      }
      // Decided once per school (its rows are many); a school's participants come one after
      // another, so each run of one login is a lookup and is taken as one range.
      const taken = new Map<string, boolean>();
      for (let i = 0; i < table.count;) {
        const login = table.logins[table.school[i]];
        const end = table.schoolRunEnd(i);
        let take = taken.get(login);
        if (take === undefined) {
          const key = `${label}|${schoolKey(login)}`;
          const first = owner.get(key);
          if (first === undefined) owner.set(key, file);
          take = first === undefined || first === file;
          taken.set(login, take);
          if (!take) skipped.add(login);
        }
        if (take) takeRange(ranges, table, i, end);
        i = end;
      }
      for (const login of skipped) {
        findings.push({
          severity: "warning",
          rule: "raw.twice",
          sheet,
          cell: "",
          file,
          message: `Файл «${file}», лист «${sheet}»: результаты ОО ${login} (${label}) уже импортированы из файла «${owner.get(`${label}|${schoolKey(login)}`)}»; строки этого файла не учитываются.`,
        });
      }
      for (const [login, s] of rows.schools) if (!skipped.has(login) && !schools.has(login)) schools.set(login, s);
    }
    if (sheets.length === 0) {
      findings.push({
        severity: "error",
        rule: "raw.header",
        sheet: "",
        cell: "",
        file,
        message: `Файл «${file}»: не найдена шапка протокола результатов; ожидается строка заголовков со столбцами «логин школы» (или «Школа»), «код обучающегося» (или «Код») и баллами за задания («балл за 1» или «1 (1б)») в первых строках листа.`,
      });
    }
  }

  /**
   * Whether every school of `logins` is this file's for the test `label`: each is claimed for the
   * file when no file has it yet (as commit's walk would claim it); false at the first school
   * another file gave first, and the walk then decides school by school.
   */
  private takesAll(logins: Iterable<string>, label: string, file: string): boolean {
    const { owner } = this;
    for (const login of logins) {
      const key = `${label}|${schoolKey(login)}`;
      const first = owner.get(key);
      if (first === undefined) owner.set(key, file);
      else if (first !== file) return false;
    }
    return true;
  }

  finish(): RawImport {
    const { findings, reports, schools, ranges } = this;
    const ok = !findings.some((f) => f.severity === "error");
    return ok
      ? rawImport(ok, [...schools.values()], ranges, findings, reports)
      : rawImport(ok, [], [], findings, reports);
  }
}

/** A RawImport whose `participants` are made from the ranges when first read. */
function rawImport(
  ok: boolean,
  schools: RawSchool[],
  ranges: ParticipantRange[],
  findings: Finding[],
  reports: RawReport[],
): RawImport {
  let participants: ParticipantRow[] | undefined;
  return {
    ok,
    schools,
    ranges,
    get participants() {
      return (participants ??= rowsOf(ranges));
    },
    findings,
    reports,
  };
}

/** Participants from..to of `table` taken: the previous range grows when they follow it. */
function takeRange(ranges: ParticipantRange[], table: ParticipantTable, from: number, to: number): void {
  const last = ranges[ranges.length - 1];
  if (last && last.table === table && last.to === from) last.to = to;
  else ranges.push({ table, from, to });
}

/** What a sheet's rows are read with: its test, scale and maximum, or null after an error finding (no test, no scale). */
function startSheet(
  file: string,
  cols: RawColumns,
  titles: string[],
  profile: Profile,
  opts: RawOptions,
  f: RawFindings,
): { test: RawTest; scale: MarkScale | null; maxScore: number | null } | null {
  const title = titles.find(isTestTitle) ?? null;
  const { test: t } = resolveTest(opts.test, title, file);
  const missing = [
    t.year === undefined ? "год" : "",
    t.grade === undefined ? "класс" : "",
    t.subject === undefined ? "предмет" : "",
  ].filter(Boolean);
  if (missing.length) {
    f.sheetFinding(
      "error",
      "raw.test",
      null,
      null,
      `не удалось определить ${missing.join(", ")} работы: над таблицей нет строки вида «Проведение работы по математике, 4 класс. ВПР 2021», и имя файла их не называет${title ? ` (найдено: «${title}»)` : ""}. Назовите файл, например, «ВПР 2021 математика 4 класс.xlsx» или укажите работу в командной строке: --test "ВПР 2021 Математика 4 класс".`,
    );
    return null;
  }
  const test: RawTest = { procedure: "ВПР", year: t.year!, grade: t.grade!, subject: t.subject! };
  const scale = markScale(profile, "ВПР", test.year, test.grade, test.subject);
  if (cols.mark === null && !scale) {
    const key = describeScaleKey(test);
    f.sheetFinding(
      "error",
      "raw.scale",
      null,
      null,
      `в протоколе нет отметок, а в методике нет шкалы перевода первичных баллов в отметки для ${describeTest(test)}. Добавьте шкалу ФИОКО этого года: параметр «${key}» со значением «max;мин.3;мин.4;мин.5» — в командной строке --set '${key}=max;мин.3;мин.4;мин.5' (например, числа из «Рекомендаций по переводу первичных баллов в отметки» ФИОКО), в книге — строкой на листе настроек методики.`,
    );
    return null;
  }
  const taskMax = cols.tasks.every((x) => x.max !== undefined)
    ? cols.tasks.reduce((a, x) => a + (x.max as number), 0)
    : null;
  if (scale && taskMax !== null && taskMax !== scale.max) {
    f.sheetFinding(
      "warning",
      "raw.scaleMax",
      cols.row,
      null,
      `сумма максимальных баллов заданий в шапке — ${taskMax}, а максимум шкалы «${describeScaleKey(test)}» — ${scale.max}; проверьте, что шкала относится к этому году и этой работе.`,
    );
  }
  const maxScore = scale?.max ?? taskMax;
  return { test, scale, maxScore };
}

/** One sheet of a protocol being imported (RawImporter.sheet): its rows, then its report. */
export class RawSheetImport {
  private readonly reader: RawRowReader | null;

  constructor(
    private readonly file: string,
    readonly name: string,
    private readonly cols: RawColumns,
    private readonly start: { test: RawTest; scale: MarkScale | null; maxScore: number | null } | null,
    readonly findings: RawFindings,
  ) {
    this.reader = start
      ? new RawRowReader({
          file,
          sheet: name,
          test: start.test,
          cols,
          scale: cols.mark === null ? start.scale : null,
          maxScore: start.maxScore,
          findings,
        })
      : null;
  }

  /** The header's row (0-based): the participants are below it. */
  get headerRow(): number {
    return this.cols.row;
  }

  /** Sheet row `r` (0-based, in sheet order; rows down to the header are passed over); nothing of `cells` is kept. */
  row(r: number, cells: readonly CellValue[] | undefined): void {
    this.reader?.row(r, cells);
  }

  /** The sheet's rows and report once all rows are handed over; null after an error finding. */
  end(): { test: RawTest; rows: RawRows; report: RawReport } | null {
    if (!this.start || !this.reader) return null;
    const { file, name: sheet, cols, findings: f } = this;
    const { test, scale } = this.start;
    const rows = this.reader.finish();
    if (rows.table.count === 0) {
      f.sheetFinding(
        "error",
        "raw.empty",
        cols.row,
        null,
        `под шапкой протокола нет ни одного участника с результатами (${describeTest(test)}); возможно, файл оборван или все строки содержат ошибки.`,
      );
      return null;
    }
    const notes: string[] = [];
    if (rows.absent)
      notes.push(
        `${countRu(rows.absent, ["участник отсутствовал", "участника отсутствовали", "участников отсутствовали"])} (или не ${rows.absent === 1 ? "прошёл" : "прошли"} работу) и не ${rows.absent === 1 ? "импортируется" : "импортируются"}`,
      );
    if (rows.excluded)
      notes.push(
        `${countRu(rows.excluded, ["строка не учитывается", "строки не учитываются", "строк не учитываются"])} из-за ошибок в данных (см. предупреждения)`,
      );
    if (rows.sumMismatch)
      notes.push(
        `у ${countRu(rows.sumMismatch, ["участника", "участников", "участников"])} «всего баллов» не равно сумме баллов за задания; используется «всего баллов»`,
      );
    if (cols.municipality === null)
      notes.push(
        "в протоколе нет муниципалитета: все ОО отнесены к региону (муниципалитет ОО можно взять из её формы, если добавить формы в те же входные файлы)",
      );
    f.sheetFinding(
      "info",
      "raw.read",
      null,
      null,
      `${LAYOUT_LABELS[cols.layout]}, ${describeTest(test)}: ${countRu(rows.table.count, ["участник", "участника", "участников"])} из ${countRu(rows.schools.size, ["ОО", "ОО", "ОО"])}; отметки ${cols.mark === null ? `по шкале методики (${describeScale(scale as MarkScale)})` : "из протокола"}${notes.length ? "; " + notes.join("; ") : ""}.`,
    );
    const report: RawReport = {
      file,
      sheet,
      layout: cols.layout,
      test,
      marksFrom: cols.mark === null ? "scale" : "file",
      ...(cols.mark === null && scale ? { scale: describeScale(scale) } : {}),
      participants: rows.table.count,
      schools: rows.schools.size,
      absent: rows.absent,
      excluded: rows.excluded,
    };
    return { test, rows, report };
  }
}

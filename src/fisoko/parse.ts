/**
 * One sheet in, one parsed report (or errors) out: detects the report by its title, reads the
 * test header (year, grade, subject) and hands the grid to the report's parser. A sheet whose
 * name announces one report while its title is another is refused — that is a renamed or
 * swapped sheet, and guessing would import the wrong numbers.
 */
import type { Finding } from "../core/model";
import type { SheetRead } from "../host/port";
import { parseRange } from "../core/a1";
import {
  describeSeen,
  detectReport,
  hasReportTitle,
  kindOfSheetName,
  readTestHeader,
  REPORT_TITLES,
  TITLE_ROWS,
  type ReportKind,
} from "./header";
import { parseDistribution } from "./reports/distribution";
import { parseIndividual } from "./reports/individual";
import { parseJournal } from "./reports/journal";
import { parseMarks } from "./reports/marks";
import { parseTasks } from "./reports/tasks";
import { SheetScan } from "./sheet";
import type { ParsedReport } from "./types";

export type SheetOutcome =
  | { status: "parsed"; report: ParsedReport; findings: Finding[] }
  | { status: "empty"; findings: Finding[] }
  | { status: "unknown"; findings: Finding[] }
  | { status: "failed"; findings: Finding[] };

const EXPECTED = Object.values(REPORT_TITLES)
  .map((t) => `«${t}»`)
  .join(", ");

export function parseSheet(file: string, sheet: Pick<SheetRead, "name" | "values" | "merges">): SheetOutcome {
  const scan = new SheetScan(file, sheet.name, sheet);
  const d = detectReport(scan);
  if (!d.ok) {
    if (d.reason === "empty") return { status: "empty", findings: [] };
    if (d.reason === "unsupported") {
      scan.error(
        "fisoko.unsupported",
        d.row,
        d.col,
        `отчёт «${d.title}» не импортируется; поддерживаются отчёты ${EXPECTED}.`,
      );
      return { status: "failed", findings: scan.findings };
    }
    scan.error(
      "fisoko.unknownReport",
      null,
      null,
      `не найден заголовок отчёта ФИС ОКО в первых строках; ожидается один из отчётов ${EXPECTED}. Найдено: ${describeSeen(d.seen)}.`,
    );
    return { status: "unknown", findings: scan.findings };
  }
  const kind = d.match.kind;
  const named = kindOfSheetName(sheet.name);
  if (named && named !== kind) {
    scan.error(
      "fisoko.sheetName",
      d.match.row,
      d.match.col,
      `лист называется как отчёт «${REPORT_TITLES[named]}», а в заголовке — отчёт «${REPORT_TITLES[kind]}»; лист переименован или перепутан. Выгрузите отчёт из ФИС ОКО заново или исправьте название листа.`,
    );
    return { status: "failed", findings: scan.findings };
  }
  const header = readTestHeader(scan, firstTableRow(scan, kind));
  if (!header) return { status: "failed", findings: scan.findings };
  const report = PARSERS[kind](scan, header);
  return report ? { status: "parsed", report, findings: scan.findings } : { status: "failed", findings: scan.findings };
}

const PARSERS: Record<
  ReportKind,
  (scan: SheetScan, header: NonNullable<ReturnType<typeof readTestHeader>>) => ParsedReport | null
> = {
  marks: parseMarks,
  journal: parseJournal,
  distribution: parseDistribution,
  tasks: parseTasks,
  individual: parseIndividual,
};

/** The header of a test sits above its table: scan down to the first table header, at most. */
function firstTableRow(scan: SheetScan, kind: ReportKind): number {
  const keys =
    kind === "individual"
      ? ["код участника", "код"]
      : ["группы участников", "группа участников", "№ задания", "номер задания"];
  for (let r = 0; r < Math.min(scan.height, 40); r++) {
    for (let c = 0; c < scan.width; c++) {
      const t = scan.text(r, c).toLowerCase();
      if (keys.some((k) => t.startsWith(k))) return r;
    }
  }
  return Math.min(scan.height, 20);
}

/** Whether any sheet carries a ФИС ОКО report title (for tools that take forms and exports alike). */
export function looksLikeFisokoExport(sheets: readonly Pick<SheetRead, "name" | "values" | "merges">[]): boolean {
  // A form's «Участники» sheet also has «Код участника»: only a report title counts here. A title is
  // read from the first TITLE_ROWS rows only, so only they are copied (with their merged areas): the
  // whole grid was copied for every sheet of every school form (issue 23).
  return sheets.some((s) => hasReportTitle(new SheetScan("", s.name, titleRowsOf(s))));
}

/**
 * The first TITLE_ROWS rows of a sheet and the merged areas that start among them: all that the
 * title check reads (an area starting lower never reaches these rows; one starting among them
 * fills the same cells as in the whole grid).
 */
function titleRowsOf(s: Pick<SheetRead, "values" | "merges">): Pick<SheetRead, "values" | "merges"> {
  if (s.values.length <= TITLE_ROWS) return s;
  const startsAbove = (m: string) => {
    try {
      return parseRange(m).top < TITLE_ROWS;
    } catch {
      return true; // skipped by fillMerges as before
    }
  };
  return { values: s.values.slice(0, TITLE_ROWS), merges: s.merges.filter(startsAbove) };
}

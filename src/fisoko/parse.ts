/**
 * One sheet in, one parsed report (or errors) out: detects the report by its title, reads the
 * test header (year, grade, subject) and hands the grid to the report's parser. A sheet whose
 * name announces one report while its title is another is refused — that is a renamed or
 * swapped sheet, and guessing would import the wrong numbers.
 */
import type { Finding } from "../core/model";
import type { SheetRead } from "../host/port";
import {
  describeSeen,
  detectReport,
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
  // A form's «Участники» sheet also has «Код участника»: only a report title counts here.
  // Only a title decides, and titles are looked for in the first TITLE_ROWS rows: the sheet's other
  // rows are not copied (a region's protocol is 25 000 rows; issue 23). Merges are kept whole, so the
  // first rows read exactly as in the whole sheet.
  return sheets.some((s) => {
    const head = s.values.length > TITLE_ROWS ? s.values.slice(0, TITLE_ROWS) : s.values;
    const d = detectReport(new SheetScan("", s.name, { values: head, merges: s.merges }));
    return d.ok && d.match.via === "title";
  });
}

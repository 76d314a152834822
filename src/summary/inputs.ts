/**
 * What a summary is built from, and how one read workbook is sorted into it: a ФИС ОКО export
 * (reference rows), a regional protocol of raw results (schools and participants), a FIOKO marker or risk-profile list, or a school form (parsed with its
 * findings). Shared by the CLI (files on disk) and the pane (files chosen in the browser).
 */
import type {
  CycleRecord,
  FiokoMarker,
  Finding,
  ObjectivityMeasureRow,
  RecheckRow,
  RiskProfile,
  SchoolReport,
} from "../core/model";
import { looksLikeFiokoData, readFiokoData } from "../core/analysis";
import type { LoadedForm } from "./model/consolidate";
import { looksLikeFisokoExport, looksLikeRawResults, type FisokoFile } from "../fisoko";
import { parseForm } from "../form/parse";
import { looksLikeMunicipalCycle, readMunicipalCycle } from "../form/municipal-cycle";
import type { SheetRead } from "../host/port";

export interface Inputs {
  forms: LoadedForm[];
  exports: FisokoFile[];
  /** Regional protocols (raw results of whole procedures), imported with the profile's scales. */
  raw: FisokoFile[];
  /** From FIOKO marker lists (sign F). */
  fiokoMarkers: FiokoMarker[];
  /** From FIOKO risk-profile lists (R5). */
  riskProfiles: RiskProfile[];
  /** Findings of the FIOKO lists (file, sheet and cell named). */
  fiokoFindings: Finding[];
  /** Names of the files read as FIOKO lists. */
  fiokoFiles: string[];
  /** The МОУО's own cycle («Цикл МОУО» of a book that is not a school form). */
  municipalCycle: CycleRecord[];
  /** Findings of the МОУО cycle sheets, with the file they came from. */
  municipalCycleFindings: { file: string; finding: Finding }[];
  /** Names of the files read as МОУО cycle books. */
  municipalCycleFiles: string[];
  /** The МОУО book's «Меры объективности» and «Перепроверка». */
  municipalMeasures: ObjectivityMeasureRow[];
  municipalRechecks: RecheckRow[];
}

export function emptyInputs(): Inputs {
  return {
    forms: [],
    exports: [],
    raw: [],
    fiokoMarkers: [],
    riskProfiles: [],
    fiokoFindings: [],
    fiokoFiles: [],
    municipalCycle: [],
    municipalCycleFindings: [],
    municipalCycleFiles: [],
    municipalMeasures: [],
    municipalRechecks: [],
  };
}

/** What a participant row keeps when only the summary is built: no per-task points, no cell reference. */
const NO_TASK_POINTS: (number | null)[] = Object.freeze([]) as unknown as (number | null)[];

/**
 * The report with only what the municipal summary reads (issue 23): the summary never looks at a
 * participant's points per task or the cell a row came from, and they are half of a form's memory
 * (500 forms: about 250 MB). Findings already name their cells.
 */
export function slimForSummary(report: SchoolReport): SchoolReport {
  // In place, on a report just parsed: new objects without the fields would cost more than they save.
  for (const p of report.participants) {
    p.taskPoints = NO_TASK_POINTS;
    if (p.ref) p.ref = undefined;
  }
  return report;
}

/** How addWorkbook keeps what it reads. */
export interface AddOptions {
  /** Keep of a school form only what the summary needs (slimForSummary). */
  slim?: boolean;
  /**
   * Takes each regional protocol as soon as it is read (e.g. RawImporter.add); the protocol is then
   * listed in `raw` by name only, its grid let go (issue 23: a spring is 30 grids of 25 000 rows).
   */
  onRaw?: (file: FisokoFile) => void;
}

/**
 * Adds one read workbook to the inputs by what it is. `opts.slim`: keep of a school form only what the
 * summary needs (slimForSummary), for callers that build nothing else from the forms. `maxText`: longest
 * text kept in a form's cell (the profile's «limits.textLength»).
 */
export function addWorkbook(
  inputs: Inputs,
  file: string,
  sheets: SheetRead[],
  modified?: string,
  maxText?: number,
  opts: AddOptions = {},
): void {
  if (looksLikeFisokoExport(sheets)) {
    inputs.exports.push({ name: file, sheets });
  } else if (looksLikeRawResults(sheets)) {
    const raw: FisokoFile = { name: file, sheets };
    if (opts.onRaw) {
      opts.onRaw(raw);
      raw.sheets = [];
    }
    inputs.raw.push(raw);
  } else if (looksLikeFiokoData(sheets)) {
    const data = readFiokoData(file, sheets);
    inputs.fiokoMarkers.push(...data.markers);
    inputs.riskProfiles.push(...data.riskProfiles);
    inputs.fiokoFindings.push(...data.findings);
    inputs.fiokoFiles.push(file);
  } else if (looksLikeMunicipalCycle(sheets)) {
    const read = readMunicipalCycle(sheets, file)!;
    inputs.municipalCycle.push(...read.records);
    inputs.municipalMeasures.push(...read.measures);
    inputs.municipalRechecks.push(...read.rechecks);
    inputs.municipalCycleFindings.push(...read.findings.map((finding) => ({ file, finding })));
    inputs.municipalCycleFiles.push(file);
  } else {
    // Slim forms are parsed without what slimForSummary drops (issue 23); it still runs, so the
    // reports are the same whichever way they were parsed.
    const { report, findings } = parseForm(sheets, { file, maxText, slim: opts.slim });
    inputs.forms.push({ file, modified, report: report && opts.slim ? slimForSummary(report) : report, findings });
  }
}

/** A file that could not be read: listed among the forms with its reason. */
export function addUnreadable(inputs: Inputs, file: string, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  inputs.forms.push({
    file,
    report: null,
    findings: [{ severity: "error", rule: "file.unreadable", sheet: "", cell: "", message }],
  });
}

/**
 * One summary run over a workbook, shared by the pane and the CLI: consolidate the loaded forms,
 * add ФИС ОКО exports and FIOKO markers / risk profiles, read the workbook's methodology overrides, build, and write the generated
 * sheets all-or-nothing. Progress is reported by stage; an abort leaves the book as it was.
 */
import { attachFiokoData } from "../core/analysis/fioko-data";
import type {
  CycleRecord,
  FiokoMarker,
  Municipality,
  ObjectivityMeasureRow,
  RecheckRow,
  RiskProfile,
} from "../core/model";
import { municipalCycleFindingText, municipalCycleSheetName, readMunicipalCycle } from "../form/municipal-cycle";
import { applyOverrides, type OverrideEntry, type Profile } from "../core/profile";
import { buildSummary, type Summary } from "./model/build";
import { consolidate, type Consolidation, type LoadedForm } from "./model/consolidate";
import { importFisoko, importRaw, mergeIntoMunicipality, withRawSchools, type FisokoFile } from "../fisoko";
import type { WriteGeneratedResult } from "../host/generated";
import type { WorkbookPort } from "../host/port";
import { loadProfile, readSettings, reportDate } from "../host/settings";
import { writeSummary } from "./write";

export interface SummarizeOptions {
  forms: readonly LoadedForm[];
  exports?: readonly FisokoFile[];
  /** Regional protocols (raw results): their schools join the forms', marks from the profile's scales. */
  raw?: readonly FisokoFile[];
  /** FIOKO markers (sign F), e.g. from `parseFiokoMarkers`. */
  fiokoMarkers?: readonly FiokoMarker[];
  /** FIOKO risk profiles (R5), e.g. from `parseRiskProfiles`. */
  riskProfiles?: readonly RiskProfile[];
  /**
   * The МОУО's own cycle (from a МОУО cycle book among the inputs). When absent, a «Цикл МОУО» sheet
   * of the summary book itself is read, so the methodist can keep the municipal cycle in the summary.
   */
  municipalCycle?: readonly CycleRecord[];
  /** The МОУО book's «Меры объективности» and «Перепроверка». */
  municipalMeasures?: readonly ObjectivityMeasureRow[];
  municipalRechecks?: readonly RecheckRow[];
  /** Methodology overrides on top of the book's settings sheet (the CLI's --set), e.g. the user's own regulation names. */
  overrides?: readonly OverrideEntry[];
  /** ISO date the cycle is evaluated on; default: the book's reporting date, else 31 December. */
  evaluationDate?: string;
  now?: Date;
  signal?: AbortSignal;
  /** Sheets written so far (done of total). */
  onSheet?: (done: number, total: number, sheet: string) => void;
  /**
   * The caller has no further use for the forms' participant rows (the CLI): they are let go once
   * the summary is built, so the sheets are written without them in memory (issue 23; 500 forms:
   * about 200 MB). The reports keep everything else.
   */
  releaseParticipants?: boolean;
}

export interface SummarizeResult {
  summary: Summary;
  consolidation: Consolidation;
  written: WriteGeneratedResult;
  /** Russian messages: override errors, import findings, notices of the writer. */
  notices: string[];
}

export class NothingToSummarizeError extends Error {
  constructor(consolidation: Consolidation) {
    const reasons = consolidation.files.flatMap((f) =>
      f.findings
        .filter((x) => x.severity === "error")
        .slice(0, 1)
        .map((x) => `${f.file}: ${x.message}`),
    );
    super(`Ни одна форма ОО не прочитана: свод не построен.${reasons.length ? "\n" + reasons.join("\n") : ""}`);
  }
}

export async function summarizeInto(port: WorkbookPort, opts: SummarizeOptions): Promise<SummarizeResult> {
  const now = opts.now ?? new Date();
  const { summary, consolidation, notices } = await buildFromForms(port, { ...opts, now });
  const files = consolidation.files.map((f) => f.file);
  if (opts.releaseParticipants) for (const s of consolidation.schools) s.participants = [];
  const written = await writeSummary(port, summary, { signal: opts.signal, onProgress: opts.onSheet, files, now });
  notices.push(...written.notices);
  return { summary, consolidation, written, notices };
}

export interface BuiltSummary {
  summary: Summary;
  consolidation: Consolidation;
  /** The methodology the summary was built with (the book's settings and the overrides applied). */
  profile: Profile;
  notices: string[];
}

/**
 * Everything of a summary run but the writing: the reports (`msoko report`) build the same
 * summary from the same forms and the book's settings, and render it as a document instead.
 */
export async function buildFromForms(port: WorkbookPort, opts: SummarizeOptions): Promise<BuiltSummary> {
  const now = opts.now ?? new Date();
  const consolidation = consolidate(opts.forms);
  if (!consolidation.schools.length && !opts.raw?.length) throw new NothingToSummarizeError(consolidation);
  const notices: string[] = [];
  const loaded = await loadProfile(port);
  notices.push(...loaded.errors.map((e) => e.message));
  const { profile, errors } = applyOverrides(opts.overrides ?? [], loaded.profile);
  notices.push(...errors.map((e) => e.message));

  let schools = consolidation.schools;
  let name = schools.find((s) => s.passport.municipality)?.passport.municipality;
  if (opts.raw?.length) {
    // Protocols need the profile (their marks come from its scales): read after the settings.
    const imported = importRaw(opts.raw, profile);
    notices.push(...imported.findings.filter((f) => f.severity !== "info").map((f) => f.message));
    if (!imported.ok) notices.push("Протоколы результатов содержат ошибки: из них ничего не добавлено в свод.");
    else {
      const merged = withRawSchools(schools, imported);
      notices.push(...merged.findings.filter((f) => f.severity !== "info").map((f) => f.message));
      schools = merged.schools;
      // A protocol of several municipalities is summarised as its region.
      const muns = new Set(imported.schools.map((s) => s.municipality).filter(Boolean));
      name ??= (muns.size === 1 ? [...muns][0] : undefined) || imported.schools.find((s) => s.region)?.region;
    }
  }
  if (!schools.length) throw new NothingToSummarizeError(consolidation);
  let municipality: Municipality = {
    name: name ?? "Муниципалитет",
    schools,
    references: [],
    fiokoMarkers: [],
    riskProfiles: [],
    municipalCycle: opts.municipalCycle?.length ? [...opts.municipalCycle] : await ownMunicipalCycle(port, notices),
    municipalMeasures: [...(opts.municipalMeasures ?? [])],
    municipalRechecks: [...(opts.municipalRechecks ?? [])],
  };
  if (opts.exports?.length) {
    const imported = importFisoko(opts.exports);
    notices.push(...imported.findings.filter((f) => f.severity !== "info").map((f) => f.message));
    const merged = mergeIntoMunicipality(municipality, imported);
    notices.push(...merged.findings.map((f) => f.message));
    municipality = merged.municipality;
  }
  if (opts.fiokoMarkers?.length || opts.riskProfiles?.length) {
    const attached = attachFiokoData(municipality, opts.fiokoMarkers ?? [], opts.riskProfiles ?? []);
    notices.push(...attached.findings.map((f) => f.message));
    municipality = attached.municipality;
  }
  opts.signal?.throwIfAborted();

  const evaluationDate = opts.evaluationDate ?? reportDate(await readSettings(port)) ?? `${now.getFullYear()}-12-31`;
  const summary = buildSummary({
    municipality,
    files: consolidation.files,
    profile,
    evaluationDate,
    runAt: now.toISOString(),
  });
  return { summary, consolidation, profile, notices };
}

/** «Цикл МОУО» kept in the summary book itself (a user sheet: read, never replaced). */
async function ownMunicipalCycle(port: WorkbookPort, notices: string[]): Promise<CycleRecord[]> {
  const sheet = municipalCycleSheetName((await port.listSheets()).map((s) => s.name));
  if (!sheet) return [];
  const read = readMunicipalCycle(await port.readSheets([sheet]));
  if (!read) return [];
  for (const f of read.findings) if (f.severity !== "info") notices.push(municipalCycleFindingText(f));
  return read.records;
}

/**
 * FIOKO's own data as input of the analysis: marker lists (sign F) and risk profiles (R5).
 * Tools that take a pile of workbooks (CLI, summary run) must tell these files from school forms
 * and ФИС ОКО exports, read them, and attach them to the municipality by ФИС ОКО login — this
 * module does those three steps on plain grids, so the pane and the CLI share them.
 */
import type { Finding, FiokoMarker, Municipality, RiskProfile } from "../model";
import type { CellValue } from "../values";
import { looksLikeFiokoMarkers, parseFiokoMarkers } from "../objectivity/markers-sheet";
import { factorOfHeader, parseRiskProfiles } from "../risk/profiles-sheet";
import { normaliseKey } from "../subjects";

export type FiokoDataKind = "markers" | "riskProfiles";

export interface FiokoDataSheet {
  name: string;
  values: readonly CellValue[][];
}

export interface FiokoData {
  markers: FiokoMarker[];
  riskProfiles: RiskProfile[];
  /** Findings name the file, sheet and cell. */
  findings: Finding[];
}

/** Risk profiles need at least this many factor columns to be told from other sheets with «Логин». */
const MIN_FACTOR_COLUMNS = 2;
const HEADER_SEARCH_ROWS = 30;

function looksLikeRiskProfiles(grid: readonly CellValue[][]): boolean {
  const last = Math.min(grid.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < last; r++) {
    const row = grid[r] ?? [];
    if (!row.some((v) => typeof v === "string" && normaliseKey(v).startsWith("логин"))) continue;
    return row.filter((v) => typeof v === "string" && factorOfHeader(v) !== null).length >= MIN_FACTOR_COLUMNS;
  }
  return false;
}

/** What FIOKO data a sheet holds, by its header row; null for anything else (forms, exports). */
export function fiokoDataKind(grid: readonly CellValue[][]): FiokoDataKind | null {
  if (looksLikeRiskProfiles(grid)) return "riskProfiles";
  if (looksLikeFiokoMarkers(grid)) return "markers";
  return null;
}

/** Whether a workbook is a FIOKO marker list or risk-profile list (any of its sheets). */
export function looksLikeFiokoData(sheets: readonly FiokoDataSheet[]): boolean {
  return sheets.some((s) => fiokoDataKind(s.values) !== null);
}

/** Reads every recognised sheet of one workbook; other sheets (notes, instructions) are skipped. */
export function readFiokoData(file: string, sheets: readonly FiokoDataSheet[]): FiokoData {
  const out: FiokoData = { markers: [], riskProfiles: [], findings: [] };
  for (const s of sheets) {
    const kind = fiokoDataKind(s.values);
    if (kind === "markers") {
      const r = parseFiokoMarkers(s.values, s.name, file);
      out.markers.push(...r.markers);
      out.findings.push(...r.findings);
    } else if (kind === "riskProfiles") {
      const r = parseRiskProfiles(s.values, s.name, file);
      out.riskProfiles.push(...r.profiles);
      out.findings.push(...r.findings.map((f) => ({ ...f, file })));
    }
  }
  return out;
}

/**
 * Adds markers and risk profiles to the municipality. Logins are matched to the schools'
 * passports ignoring case (FIOKO lists write them as they like); data of a login that no school
 * has is kept out, with one warning per login and file.
 */
export function attachFiokoData(
  m: Municipality,
  markers: readonly FiokoMarker[],
  riskProfiles: readonly RiskProfile[],
): { municipality: Municipality; findings: Finding[] } {
  // Built only when there is something to attach (a region's protocols come without FIOKO lists).
  const logins =
    markers.length || riskProfiles.length
      ? new Map(m.schools.map((s) => [s.passport.login.trim().toLowerCase(), s.passport.login]))
      : new Map<string, string>();
  const findings: Finding[] = [];
  const warned = new Set<string>();
  const own = <T extends { login: string; source: string }>(x: T, what: string): T | null => {
    const login = logins.get(x.login.trim().toLowerCase());
    if (login !== undefined) return login === x.login ? x : { ...x, login };
    const key = `${x.source}|${x.login.toLowerCase()}`;
    if (!warned.has(key)) {
      warned.add(key);
      findings.push({
        severity: "warning",
        rule: "fioko.login",
        sheet: "",
        cell: "",
        file: x.source,
        message: `Файл «${x.source}»: ${what} ОО с логином «${x.login}» пропущены — такой ОО нет среди форм муниципалитета.`,
      });
    }
    return null;
  };
  const addedMarkers = markers.map((x) => own(x, "маркеры ФИОКО")).filter((x): x is FiokoMarker => x !== null);
  const addedProfiles = riskProfiles.map((x) => own(x, "рисковые профили")).filter((x): x is RiskProfile => x !== null);
  return {
    municipality: {
      ...m,
      fiokoMarkers: [...m.fiokoMarkers, ...addedMarkers],
      riskProfiles: [...m.riskProfiles, ...addedProfiles],
    },
    findings,
  };
}

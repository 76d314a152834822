/**
 * Analysis functions over a results table (see analysis-table.ts for the accepted layouts):
 * objectivity signs, risk, stability and the one-sentence explanation of an indicator for one
 * school, always for the latest year of the table. The table is analysed once per distinct
 * content and profile (analysis-cache.ts); each cell only looks its school up.
 * The JSDoc wrappers in functions.ts call these with getProfile().
 */
import { InputError, NoDataError } from "../core/errors";
import {
  analyzeMunicipality,
  explainSchool,
  INDICATORS,
  type Indicator,
  type MunicipalAnalysis,
  type SchoolAnalysis,
} from "../core/analysis";
import type { Profile } from "../core/profile";
import { nearest, normaliseKey } from "../core/subjects";
import { quoteValue } from "../core/values";
import { CACHE_SIZE, cacheKey, LruCache } from "./analysis-cache";
import { onProfileChange } from "./context";
import { MAX_ANALYSED_CELLS, readAnalysisTable } from "./analysis-table";
import { asRange, isOmitted, readMode, readText } from "./ranges";

// Weighted by data cells: together the cached analyses stay within the analysis's memory bound.
const cache = new LruCache<MunicipalAnalysis>(CACHE_SIZE, MAX_ANALYSED_CELLS);
let analyses = 0;
// Entries of an old profile can never be hit again (the key holds the profile): free them at once.
onProfileChange(() => cache.clear());

/** How many analyses ran (for tests: 100 calls over one range must cost one). */
export function analysisCount(): number {
  return analyses;
}

export function clearAnalysisCache(): void {
  cache.clear();
}

/** Login given to the only school of a table without a «Логин ОО» column. */
export const SINGLE_SCHOOL = "ОО таблицы";

/** The analysis of a table, computed once per distinct content and profile. */
export function analysisOf(table: unknown, p: Profile): MunicipalAnalysis {
  asRange(table, "таблица"); // refuses a whole-column range before any work
  const key = cacheKey(table, "", p);
  const hit = cache.get(key);
  if (hit) return hit;
  const m = readAnalysisTable(table, SINGLE_SCHOOL);
  analyses++;
  const result = analyzeMunicipality(m, p);
  const width = Array.isArray(table) && Array.isArray(table[0]) ? table[0].length : 1;
  const lines = m.schools.reduce((n, s) => n + s.results.length + s.participants.length, 0);
  cache.set(key, result, lines * width);
  return result;
}

/** Schools of an analysis by normalised login, then by name: built once per analysis, so a cached call is O(1), not O(schools). */
const schoolIndexes = new WeakMap<MunicipalAnalysis, Map<string, SchoolAnalysis>>();

function schoolIndex(a: MunicipalAnalysis): Map<string, SchoolAnalysis> {
  let index = schoolIndexes.get(a);
  if (!index) {
    index = new Map();
    // Logins win over names (the first school of a key wins, as a linear search would find it).
    for (const x of a.schools) if (!index.has(normaliseKey(x.login))) index.set(normaliseKey(x.login), x);
    const byName = new Map<string, SchoolAnalysis>();
    for (const x of a.schools) if (!byName.has(normaliseKey(x.name))) byName.set(normaliseKey(x.name), x);
    for (const [k, x] of byName) if (!index.has(k)) index.set(k, x);
    schoolIndexes.set(a, index);
  }
  return index;
}

function findSchool(a: MunicipalAnalysis, school: string): SchoolAnalysis {
  // A single-school table (no «Логин ОО» column) answers for whichever school is asked.
  if (a.schools.length === 1 && a.schools[0].login === SINGLE_SCHOOL) return a.schools[0];
  const s = schoolIndex(a).get(normaliseKey(school));
  if (s) return s;
  const guess = nearest(
    school,
    a.schools.map((x) => x.login),
  );
  throw new InputError(
    `ОО ${quoteValue(school)} нет в столбце «Логин ОО» таблицы${guess ? ` — возможно, «${guess}»` : ""}; в таблице ${a.schools.length} ОО.`,
  );
}

function latest(s: SchoolAnalysis) {
  const y = s.years[s.years.length - 1];
  if (!y) throw new NoDataError("В таблице нет ни одного года с результатами.");
  return y;
}

type ObjectivityMode = "count" | "list";
const OBJECTIVITY_MODES: Record<string, ObjectivityMode> = {
  count: "count",
  число: "count",
  количество: "count",
  list: "list",
  список: "list",
};

/** Number of objectivity signs of the latest year (distinct sign ids), or their list «O1, O3». */
export function objectivity(school: unknown, table: unknown, mode: unknown, p: Profile): number | string {
  const login = readText(school, "ОО");
  const m = readMode(mode, "режим", OBJECTIVITY_MODES, "count");
  const y = latest(findSchool(analysisOf(table, p), login));
  return m === "count" ? y.firedSigns.length : y.firedSigns.join(", ");
}

type RiskMode = "level" | "score" | "factors" | "groups";
const RISK_MODES: Record<string, RiskMode> = {
  level: "level",
  уровень: "level",
  score: "score",
  балл: "score",
  оценка: "score",
  factors: "factors",
  факторы: "factors",
  groups: "groups",
  группа: "groups",
  шнор: "groups",
};

/** Risk of the latest year: level («высокий»…), score 0–100, fired factors «R1, R2», or «ШНОР, ШНСУ». */
export function risk(school: unknown, table: unknown, mode: unknown, p: Profile): number | string {
  const login = readText(school, "ОО");
  const m = readMode(mode, "режим", RISK_MODES, "level");
  const y = latest(findSchool(analysisOf(table, p), login));
  const r = y.risk;
  if (m === "factors")
    return r.factors
      .filter((f) => f.fired)
      .map((f) => f.id)
      .join(", ");
  if (m === "groups") return [r.shnor ? "ШНОР" : "", r.shnsu ? "ШНСУ" : ""].filter(Boolean).join(", ");
  if (r.score === null || r.level === null)
    throw new NoDataError(`Риск за ${y.year} год не оценивается: нет данных ни по одному фактору R1–R5.`);
  return m === "score" ? Math.round(r.score * 10) / 10 : r.level;
}

/** «стабильно высокие», «стабильно низкие» or "" over the profile's window. */
export function stable(school: unknown, table: unknown, p: Profile): string {
  const login = readText(school, "ОО");
  return findSchool(analysisOf(table, p), login).stability?.status ?? "";
}

const INDICATOR_ALIASES: Record<string, Indicator> = {
  ...Object.fromEntries(INDICATORS.map((i) => [i.toLowerCase(), i])),
  // Cyrillic О and Р look like Latin O and P: accept both.
  ...Object.fromEntries(["1", "2", "3", "4", "5", "6"].map((n) => [`о${n}`, `O${n}` as Indicator])),
  ...Object.fromEntries(["1", "2", "3", "4", "5", "6"].map((n) => [`р${n}`, `R${n}` as Indicator])),
  ф: "F",
  объективность: "objectivity",
  риск: "risk",
  стабильность: "stable",
  отсутствие: "absence",
  кластер: "cluster",
};

/** One Russian sentence explaining an indicator of the school (latest year). */
export function explainIndicator(school: unknown, indicator: unknown, table: unknown, p: Profile): string {
  const login = readText(school, "ОО");
  if (isOmitted(indicator))
    throw new InputError(`Аргумент «показатель» должен быть непустым: ${INDICATORS.join(", ")}.`);
  const ind = readMode(indicator, "показатель", INDICATOR_ALIASES, "risk");
  return explainSchool(findSchool(analysisOf(table, p), login), ind);
}

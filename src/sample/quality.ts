/**
 * How often the rules are right (methodology §8 «False alarms are defects»): over many sampled
 * municipalities (seeds), half with the roster's injected situations and half without any, it
 * counts per sign and factor the injected situations found where they were injected (recall) and
 * the share of school-years flagged among schools with nothing injected (false alarms). Sampled
 * municipalities draw every participant at random (see SampleOptions.sampling), so the chance
 * variation that raises false alarms in real data is there. `npm run quality` prints the table.
 */
import {
  analyzeMunicipality,
  type MunicipalAnalysis,
  type SchoolAnalysis,
  type SchoolYearAnalysis,
} from "../core/analysis/analyze";
import { DEFAULT_PROFILE, type Profile } from "../core/profile";
import { generateMunicipality } from "./generate";
import { rosterEntry } from "./roster";
import type { ExpectedRule, InjectedSituation } from "./situations";

/** Rows of the report: objectivity signs, risk factors, ШНОР and the stability statuses. */
export const QUALITY_RULES = [
  "O1",
  "O2",
  "O3",
  "O4",
  "O5",
  "O6",
  "R1",
  "R2",
  "R3",
  "R4",
  "ШНОР",
  "stable.low",
  "stable.high",
] as const;
export type QualityRule = (typeof QUALITY_RULES)[number];

export const QUALITY_LABELS: Record<QualityRule, string> = {
  O1: "O1 расхождение с журналом",
  O2: "O2 пик на границе отметки",
  O3: "O3 результаты выше эталона",
  O4: "O4 инверсия трудности",
  O5: "O5 внешняя и внутренняя оценка",
  O6: "O6 аномалия олимпиады",
  R1: "R1 низкие результаты",
  R2: "R2 нижняя четверть кластера",
  R3: "R3 отрицательная динамика",
  R4: "R4 социальные условия",
  ШНОР: "ШНОР (R1 или R2)",
  "stable.low": "стабильно низкие",
  "stable.high": "стабильно высокие",
};

/** Targets of §8 in %: about 5 % per sign or factor, ШНОР about 10 %; R4 is a quartile by definition. */
export function falseAlarmTarget(rule: QualityRule): number | null {
  if (rule === "R4") return null;
  return rule === "ШНОР" ? 10 : 5;
}

/**
 * Rules that exist to find genuinely weak schools (R1, R2, ШНОР, «стабильно низкие»): the weak
 * archetypes of a municipality without injected situations (evening, special-needs, the weakest town
 * and village schools) are true findings for them, not false alarms, so their target is judged on the
 * schools of an ordinary level. The objectivity signs and R3 are judged on every school.
 */
export function judgedOnOrdinary(rule: QualityRule): boolean {
  return rule === "R1" || rule === "R2" || rule === "ШНОР" || rule === "stable.low";
}

export interface QualityRow {
  rule: QualityRule;
  /** Injected situations whose intended or also-expected rule this is, and how many of them were found. */
  injected: number;
  found: number;
  /** School-years (stability: schools) of schools with nothing injected where the rule had data, and those flagged. */
  cleanEvaluated: number;
  cleanFlagged: number;
  /** Signs only: single tests (one procedure × year × grade × subject) evaluated and fired at those schools. */
  testsEvaluated: number;
  testsFired: number;
  /** The clean counts restricted to schools of an ordinary level (archetype θ > WEAK_THETA): genuinely weak schools are what R1/R2 exist to find. */
  ordinaryEvaluated: number;
  ordinaryFlagged: number;
}

/** Archetypes at or below this level are weak schools by construction (evening, special-needs, the weakest town and village schools). */
export const WEAK_THETA = -0.5;

function ordinaryLevel(index: number): boolean {
  const e = rosterEntry(index);
  return e.role === "stablyLow" ? false : e.theta > WEAK_THETA;
}

export interface QualityReport {
  seeds: number[];
  municipalities: number;
  rows: QualityRow[];
  /** Injected situations not found by their intended rule: «seed: id (rule)». */
  missed: string[];
  /** Sanity check of §4–§5 (revision 2026.2): school-years with z ≥ 0 flagged R2, schools with z > 0 in a year of the window «стабильно низкие» (any school). */
  r2AtOrAboveZero: number;
  stablyLowAboveZero: number;
}

export interface QualityOptions {
  seeds: readonly number[];
  years?: readonly number[];
  profile?: Profile;
  /** Called after each municipality (progress). */
  onMunicipality?: (done: number, total: number) => void;
}

function yearOf(s: SchoolAnalysis, year: number): SchoolYearAnalysis | undefined {
  return s.years.find((y) => y.year === year);
}

/** Whether the analysis finds a situation by one rule, where it was injected. */
export function foundBy(s: InjectedSituation, rule: ExpectedRule, a: MunicipalAnalysis): boolean {
  const school = a.schools.find((x) => x.login === s.login);
  if (!school) return false;
  if (rule === "stable.high") return school.stability?.status === "стабильно высокие";
  if (rule === "stable.low") return school.stability?.status === "стабильно низкие";
  const y = yearOf(school, s.year);
  if (!y) return false;
  if (rule === "R1" || rule === "R3" || rule === "R4") return y.risk.factors.some((f) => f.id === rule && f.fired);
  return y.signs.some(
    (g) =>
      g.rule === rule &&
      g.fired &&
      (s.procedure === undefined || (g.procedure === s.procedure && g.grade === s.grade && g.subject === s.subject)),
  );
}

function yearFlags(y: SchoolYearAnalysis, rule: QualityRule): { data: boolean; fired: boolean } {
  if (rule.startsWith("O")) {
    const list = y.signs.filter((g) => g.rule === rule);
    return { data: list.some((g) => g.evaluated), fired: list.some((g) => g.fired) };
  }
  if (rule === "ШНОР") {
    const data = y.risk.factors.some((f) => (f.id === "R1" || f.id === "R2") && f.hasData);
    return { data, fired: y.risk.shnor };
  }
  const f = y.risk.factors.find((x) => x.id === rule);
  return { data: !!f?.hasData, fired: !!f?.fired };
}

/**
 * Why an injected stably high school was not «стабильно высокие»: most often an objectivity sign in
 * one year of the window (§5 excludes high results with signs), which the data then do show.
 */
function whyStablyHighMissed(s: InjectedSituation, a: MunicipalAnalysis): string {
  if (s.expectedRule !== "stable.high") return "";
  const school = a.schools.find((x) => x.login === s.login);
  const st = school?.stability;
  if (!school || !st) return "";
  const parts = st.signYears.map((year) => `${year}: ${yearOf(school, year)?.firedSigns.join(", ") ?? "?"}`);
  if (st.notHighYears.length) parts.push(`ниже порога z в ${st.notHighYears.join(", ")}`);
  const notTop = st.years.filter((y) => !st.topYears.includes(y) && !st.notHighYears.includes(y));
  if (notTop.length) parts.push(`не в верхней четверти в ${notTop.join(", ")}`);
  return parts.length ? ` — ${st.signYears.length ? "признаки необъективности в окне, " : ""}${parts.join("; ")}` : "";
}

/** Adds one municipality's counts to the rows. */
export interface SanityCounts {
  r2AtOrAboveZero: number;
  stablyLowAboveZero: number;
}

export function tally(
  a: MunicipalAnalysis,
  situations: readonly InjectedSituation[],
  rows: Map<QualityRule, QualityRow>,
  missed: string[],
  label: string,
  sanity?: SanityCounts,
): void {
  const injected = new Set(situations.map((s) => s.login));
  for (const s of situations) {
    if (s.expectedRule.startsWith("cycle.")) continue;
    const row = rows.get(s.expectedRule as QualityRule);
    if (!row) continue;
    row.injected++;
    if (foundBy(s, s.expectedRule, a)) row.found++;
    else missed.push(`${label}: ${s.id} (${s.expectedRule})${whyStablyHighMissed(s, a)}`);
  }
  for (const [index, school] of a.schools.entries()) {
    const ordinary = ordinaryLevel(index);
    if (sanity) {
      for (const y of school.years) {
        if (y.standardized && y.standardized.value >= 0 && y.risk.factors.some((f) => f.id === "R2" && f.fired))
          sanity.r2AtOrAboveZero++;
      }
      const window = new Set(school.stability?.years ?? []);
      if (
        school.stability?.status === "стабильно низкие" &&
        school.years.some((y) => window.has(y.year) && y.standardized && y.standardized.value > 0)
      )
        sanity.stablyLowAboveZero++;
    }
    if (injected.has(school.login)) continue;
    for (const rule of QUALITY_RULES) {
      const row = rows.get(rule)!;
      if (rule === "stable.low" || rule === "stable.high") {
        const st = school.stability;
        if (!st || st.missingYears.length > 0) continue;
        const hit = st.status === (rule === "stable.low" ? "стабильно низкие" : "стабильно высокие");
        row.cleanEvaluated++;
        if (hit) row.cleanFlagged++;
        if (ordinary) {
          row.ordinaryEvaluated++;
          if (hit) row.ordinaryFlagged++;
        }
        continue;
      }
      for (const y of school.years) {
        if (rule.startsWith("O")) {
          for (const g of y.signs) {
            if (g.rule !== rule || !g.evaluated) continue;
            row.testsEvaluated++;
            if (g.fired) row.testsFired++;
          }
        }
        const f = yearFlags(y, rule);
        if (!f.data) continue;
        row.cleanEvaluated++;
        if (f.fired) row.cleanFlagged++;
        if (ordinary) {
          row.ordinaryEvaluated++;
          if (f.fired) row.ordinaryFlagged++;
        }
      }
    }
  }
}

/** Runs the measurement: for every seed, one municipality with the situations and one without. */
export function measureQuality(o: QualityOptions): QualityReport {
  const profile = o.profile ?? DEFAULT_PROFILE;
  const rows = new Map<QualityRule, QualityRow>(
    QUALITY_RULES.map((rule) => [
      rule,
      {
        rule,
        injected: 0,
        found: 0,
        cleanEvaluated: 0,
        cleanFlagged: 0,
        testsEvaluated: 0,
        testsFired: 0,
        ordinaryEvaluated: 0,
        ordinaryFlagged: 0,
      },
    ]),
  );
  const missed: string[] = [];
  const sanity: SanityCounts = { r2AtOrAboveZero: 0, stablyLowAboveZero: 0 };
  const total = o.seeds.length * 2;
  let done = 0;
  for (const seed of o.seeds) {
    for (const situations of [true, false]) {
      const g = generateMunicipality({ seed, years: o.years, situations, sampling: true });
      const a = analyzeMunicipality(g.municipality, profile);
      tally(a, g.situations, rows, missed, `seed ${seed}`, sanity);
      o.onMunicipality?.(++done, total);
    }
  }
  return {
    seeds: [...o.seeds],
    municipalities: total,
    rows: QUALITY_RULES.map((r) => rows.get(r)!),
    missed,
    ...sanity,
  };
}

function pct(part: number, whole: number): string {
  return whole === 0 ? "—" : `${((part * 100) / whole).toFixed(1).replace(".", ",")} %`;
}

/** The report as a Markdown table (the one in docs/analysis.md). */
export function qualityTable(r: QualityReport): string {
  const lines = [
    `| Признак / фактор | Найдено внедрённых ситуаций | Ложные срабатывания у ОО без ситуаций | То же на одну проверку (процедуру) | То же у ОО обычного уровня | Цель |`,
    `|---|---|---|---|---|---|`,
  ];
  for (const row of r.rows) {
    const target = falseAlarmTarget(row.rule);
    const unit = row.rule.startsWith("stable") ? "ОО" : "ОО-лет";
    const recall =
      row.injected === 0 ? "— (не внедряется)" : `${row.found} из ${row.injected} (${pct(row.found, row.injected)})`;
    const fa = `${pct(row.cleanFlagged, row.cleanEvaluated)} (${row.cleanFlagged} из ${row.cleanEvaluated} ${unit})`;
    const [flagged, evaluated] = judgedOnOrdinary(row.rule)
      ? [row.ordinaryFlagged, row.ordinaryEvaluated]
      : [row.cleanFlagged, row.cleanEvaluated];
    const goal =
      target === null
        ? "нижняя четверть по определению"
        : `≤ ${target} %${judgedOnOrdinary(row.rule) ? " у ОО обычного уровня" : ""}${evaluated > 0 && (flagged * 100) / evaluated > target ? " — не достигнута" : ""}`;
    const perTest =
      row.testsEvaluated > 0
        ? `${pct(row.testsFired, row.testsEvaluated)} (${row.testsFired} из ${row.testsEvaluated})`
        : "—";
    const ordinary = `${pct(row.ordinaryFlagged, row.ordinaryEvaluated)} (${row.ordinaryFlagged} из ${row.ordinaryEvaluated})`;
    lines.push(`| ${QUALITY_LABELS[row.rule]} | ${recall} | ${fa} | ${perTest} | ${ordinary} | ${goal} |`);
  }
  lines.push("");
  lines.push(
    `Проверка здравого смысла (все ОО): ОО-лет с z ≥ 0 и R2 — ${r.r2AtOrAboveZero}; «стабильно низких» ОО с z > 0 хотя бы в одном году окна — ${r.stablyLowAboveZero}.`,
  );
  return lines.join("\n");
}

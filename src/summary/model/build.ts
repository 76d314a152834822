/**
 * The municipal summary in one pure step: consolidated school reports in, summary sheets and the
 * JSON out. Both come from the same tables, so the workbook's formulas recalculate to the numbers
 * the JSON holds.
 */
import { analyzeMunicipality, explainSign, explainStableAbsence, type MunicipalAnalysis } from "../../core/analysis";
import {
  cycleMatrix,
  evaluateCycle,
  latestCycleYear,
  linkTextOf,
  municipalCycleReport,
  type CycleEvaluation,
  type MunicipalCycleReport,
} from "../../core/cycle";
import type { Municipality } from "../../core/model";
import { objectivityCoverage, type ObjectivityCoverage } from "../../core/objectivity";
import type { Profile } from "../../core/profile";
import {
  bySchoolTable,
  cycleEffectTables,
  cycleMatrixTables,
  cycleResponseTables,
  cycleTables,
  municipalCycleTables,
  objectivityTables,
  recommendationsTable,
  riskTables,
  type AnalysisTablesInput,
} from "./analysis-tables";
import { RISK_COLORS, chartSpecs } from "./charts";
import { FILE_STATE_LABELS, type FileStatus } from "./consolidate";
import {
  directionsJson,
  schoolDirectionsJson,
  type DirectionsJson,
  type SchoolDirectionsJson,
} from "./directions-json";
import { directionsTables } from "./directions-table";
import { assessDirections, latestDirectionYear, type DirectionAssessment } from "../../core/direction-assessment";
import { directionFindings, type DirectionFinding } from "../../core/direction-findings";
import { egeTable } from "./ege-table";
import { evaluateSchoolCycle, municipalIndicators, schoolCycleFindings } from "./cycle-findings";
import { methodologyTables } from "./methodology-table";
import { literacyTable, ovzTable, type UnitRows } from "./literacy-table";
import { printExcerpt } from "./print-excerpt";
import { municipalReport } from "./report/municipal";
import { reportTable } from "./report/sheet";
import { preschoolSchools, preschoolTable } from "./preschool-table";
import { resultsTable } from "./results-table";
import type { SummarySheet } from "./sheets";
import type { CellData, Table } from "./table";
import { tocTable } from "./toc-table";

export interface SummaryInput {
  municipality: Municipality;
  files: readonly FileStatus[];
  profile: Profile;
  /** ISO date the cycle is evaluated on (overdue = planned before it). */
  evaluationDate: string;
  /** ISO date-time of the run, for the note. */
  runAt: string;
}

export interface Summary {
  sheets: SummarySheet[];
  json: SummaryJson;
  analysis: MunicipalAnalysis;
}

export interface SchoolJson {
  login: string;
  name: string;
  type: string;
  location: string;
  cluster: string;
  results: Record<string, CellData>[];
  ege: Record<string, CellData>[];
  signs: {
    year: number;
    rule: string;
    procedure?: string;
    grade?: number;
    subject?: string;
    n?: number;
    numbers: Record<string, number>;
    evidence: string;
    tags: string[];
  }[];
  stableAbsence: { stable: boolean; explanation: string } | null;
  risk: {
    year: number;
    score: number | null;
    level: string | null;
    shnor: boolean;
    shnsu: boolean;
    factors: { id: string; fired: boolean; numbers: Record<string, number> }[];
  }[];
  stability: string;
  cycle: {
    direction: string;
    status: string;
    score: number | null;
    level: string | null;
    overdue: number;
    /** Indicators from other sheets (observers/video/re-check coverage for «О»). */
    indicators: string[];
  }[];
  /** «Меры объективности» and «Перепроверка» of the summary's year; null when neither sheet has a row. */
  objectivityCoverage: ObjectivityCoverage | null;
  /** The analysis's findings the school's cycle had to answer (steps 6–8) and whether it did. */
  cycleFindings: {
    code: string;
    year: number;
    procedure: string | null;
    grade: number | null;
    subject: string | null;
    text: string;
    direction: string;
    responded: boolean;
    missingSteps: number[];
    /** The reference to type in «Связь с выводом». */
    link: string;
  }[];
  /** Directions 3–8 in the assessed year: every used indicator with target, dynamics, level, and the shortfalls. */
  directions: SchoolDirectionsJson;
  /** Direction 8 by year and МКДО area (sheet «Дошкольное образование»), when the school gave it. */
  preschool?: Record<string, CellData>[];
  /** Functional literacy by year, grade and area (sheet «ФГ и ОВЗ»), when the school gave it. */
  literacy?: Record<string, CellData>[];
  /** Results of participants with ОВЗ by test, when the school marked any. */
  ovz?: Record<string, CellData>[];
  /** Step 9 computed: measures of the previous year with a target indicator and their effect. */
  cycleEffects: {
    direction: string;
    track: string;
    measureYear: number;
    target: string;
    before: number | null;
    after: number | null;
    change: number | null;
    improved: boolean | null;
    n: number | null;
    sizeClass: string | null;
    persists: boolean | null;
    sentence: string;
  }[];
}

export interface SummaryJson {
  format: "msoko-summary/1";
  municipality: string;
  runAt: string;
  profileVersion: string;
  year: number | null;
  evaluationDate: string;
  files: { file: string; login: string; state: string; errors: number; warnings: number }[];
  schools: SchoolJson[];
  /**
   * The МОУО's own cycle (from «Цикл МОУО»): status, gaps, overdue components and next steps per
   * direction and track; null when it was not given. A sibling of `municipality` (a name, kept a
   * string for readers of msoko-summary/1).
   */
  municipalityCycle: MunicipalCycleReport | null;
  /** Directions 3–8 for the municipality: verdicts and every used indicator with its clusters. */
  directions: DirectionsJson;
  /** The МОУО's own observers/video/re-check of the summary's year; null without its sheets. */
  municipalityObjectivity: ObjectivityCoverage | null;
}

const SHEET_NAMES = {
  toc: "Содержание",
  byschool: "Свод по ОО",
  results: "Результаты",
  ege: "Результаты ЕГЭ",
  objectivity: "Объективность",
  risk: "Зона риска",
  directions: "Направления 3–8",
  directionMeasures: "Направления — меры",
  literacy: "ФГ и ОВЗ",
  preschool: "Дошкольное образование",
  cycleMatrix: "Цикл — компоненты",
  cycle: "Управленческий цикл",
  cycleMouo: "Цикл МОУО — оценка",
  cycleResponses: "Цикл — ответ на выводы",
  cycleEffects: "Цикл — результативность",
  recommendations: "Адресные рекомендации",
  charts: "Диаграммы",
  files: "Файлы свода",
  methodology: "Методика",
  report: "Справка",
} as const;

export const SUMMARY_SHEET_NAMES: readonly string[] = Object.values(SHEET_NAMES);

function filesTable(files: readonly FileStatus[]): Table {
  const rows: Record<string, CellData>[] = [];
  for (const f of files) {
    const head = {
      file: f.file,
      login: f.login,
      name: f.name,
      state: FILE_STATE_LABELS[f.state] + (f.keptFile ? ` (${f.keptFile})` : ""),
    };
    if (!f.findings.length) rows.push({ ...head, severity: "", place: "", message: "" });
    for (const x of f.findings.filter((x) => x.severity !== "info")) {
      rows.push({
        ...head,
        severity: x.severity === "error" ? "ошибка" : "предупреждение",
        place: x.cell ? `${x.sheet}!${x.cell}` : x.sheet,
        message: x.message,
      });
    }
  }
  return {
    id: "files",
    title: "Файлы свода и замечания проверки",
    description:
      "Форма с ошибками включается в свод там, где позволяют данные; повтор одной ОО — оставлена более новая форма.",
    columns: [
      { id: "file", header: "Файл", kind: "text", width: 28 },
      { id: "login", header: "Логин ОО", kind: "text", width: 12 },
      { id: "name", header: "ОО", kind: "text", width: 28 },
      { id: "state", header: "Состояние", kind: "text", width: 30 },
      {
        id: "severity",
        header: "Замечание",
        kind: "text",
        width: 14,
        highlight: { operator: "equal", value: "ошибка", tone: "bad" },
      },
      { id: "place", header: "Лист и ячейка", kind: "text", width: 18 },
      { id: "message", header: "Сообщение", kind: "text", width: 80 },
    ],
    rows,
  };
}

/** «ФГ и ОВЗ»: the tables that have rows (municipality first, then each school). */
function literacyOvzTables(schools: readonly Municipality["schools"][number][], profile: Profile): Table[] {
  const name = (s: (typeof schools)[number]) => s.passport.shortName || s.passport.name;
  const lit: UnitRows<NonNullable<(typeof schools)[number]["literacy"]>[number]>[] = [];
  const withLiteracy = schools.filter((s) => s.literacy?.length);
  if (withLiteracy.length)
    lit.push({ level: "Муниципалитет", unit: "Все ОО", login: "", rows: withLiteracy.flatMap((s) => s.literacy!) });
  for (const s of withLiteracy) lit.push({ level: "ОО", unit: name(s), login: s.passport.login, rows: s.literacy! });
  const withOvz = schools.filter((s) => s.participants.some((p) => p.ovz));
  const ovz: UnitRows<(typeof schools)[number]["participants"][number]>[] = [];
  if (withOvz.length)
    ovz.push({
      level: "Муниципалитет",
      unit: "ОО, отметившие ОВЗ",
      login: "",
      rows: withOvz.flatMap((s) => s.participants),
    });
  for (const s of withOvz) ovz.push({ level: "ОО", unit: name(s), login: s.passport.login, rows: s.participants });
  const tables: Table[] = [];
  if (lit.length) tables.push(literacyTable(lit, "Функциональная грамотность: распределение по уровням"));
  if (ovz.length) tables.push(ovzTable(ovz, profile, "Результаты обучающихся с ОВЗ"));
  return tables;
}

/**
 * Printed excerpts of the long data sheets: the key columns plus one group of indicators, chosen so
 * that with the data table's column widths above them they fit one A4 landscape width at ≥ 80 %.
 */
const notSchool = (r: Record<string, CellData>) => r.level !== "ОО";
const RESULTS_EXCERPT = {
  id: "resultsPrint",
  what: "муниципалитет и кластеры",
  columns: ["year", "procedure", "grade", "subject", "level", "unit", "n", "success", "quality", "share2"],
  keep: notSchool,
};
/** «ФГ и ОВЗ»: nine columns each, ordered so that each sits under a data column at least as wide. */
const LITERACY_EXCERPT = {
  id: "literacyPrint",
  what: "функциональная грамотность, муниципалитет",
  columns: ["grade", "n", "area", "l1", "l2", "l3", "l4", "l5", "high"],
  keep: notSchool,
};
const OVZ_EXCERPT = {
  id: "ovzPrint",
  what: "обучающиеся с ОВЗ, муниципалитет",
  columns: ["procedure", "grade", "subject", "allN", "allQuality", "n", "success", "quality", "share2"],
  keep: notSchool,
};
const EGE_EXCERPT = {
  id: "egePrint",
  what: "муниципалитет и кластеры",
  columns: ["year", "subject", "level", "unit", "n", "mean", "belowShare", "highShare", "dBelow"],
  keep: notSchool,
};

export function buildSummary(input: SummaryInput): Summary {
  const { municipality: m, profile } = input;
  const analysis = analyzeMunicipality(m, profile);
  const year = analysis.latestYear ?? new Date(input.runAt).getFullYear();
  const clusterOf = new Map(analysis.schools.map((s) => [s.login, s.cluster.label]));
  const allCycle = [...m.schools.flatMap((s) => s.cycle), ...m.municipalCycle];
  const cycleYear = latestCycleYear(allCycle);
  const cycleOpts = cycleYear === null ? null : { year: cycleYear, evaluationDate: input.evaluationDate, profile };
  const cycles = new Map<string, CycleEvaluation>();
  const analysed = new Map(analysis.schools.map((a) => [a.login, a]));
  if (cycleOpts)
    for (const s of m.schools) {
      // The analysis's conclusions about the school are what its cycle must answer (steps 6–8).
      const a = analysed.get(s.passport.login);
      const findings = a ? schoolCycleFindings(a, cycleOpts.year) : [];
      // Observers/video coverage and re-check results are the objectivity track's own indicator.
      cycles.set(s.passport.login, evaluateSchoolCycle(s, findings, cycleOpts));
    }
  const matrix = cycleOpts ? cycleMatrix(m.schools, m.municipalCycle, cycleOpts, cycles) : null;
  // The МОУО's step 9 is judged by the pooled results of all schools.
  const mouoCoverage = objectivityCoverage(m.municipalMeasures ?? [], m.municipalRechecks ?? [], cycleYear ?? year);
  if (matrix?.municipal && cycleOpts)
    matrix.municipal = evaluateCycle(m.municipalCycle, {
      ...cycleOpts,
      indicatorOf: municipalIndicators(m.schools),
      indicators: mouoCoverage ? [{ direction: "O", text: mouoCoverage.text }] : [],
    });
  const ctx: AnalysisTablesInput = {
    schools: m.schools,
    analysis,
    cycles,
    matrix,
    year,
    profile,
    municipalMeasures: m.municipalMeasures,
    municipalRechecks: m.municipalRechecks,
  };

  const results = resultsTable({ schools: m.schools, clusterOf, profile });
  const ege = egeTable(m.schools, profile);
  const preschool = preschoolTable(preschoolSchools(m.schools), profile);
  const literacyOvz = literacyOvzTables(m.schools, profile);
  const charts = chartSpecs({ schools: m.schools, clusterOf, references: m.references, year });
  const riskLevels: Table = {
    id: "riskLevels",
    title: `Уровни риска, ${year}`,
    columns: [
      { id: "level", header: "Уровень риска", kind: "text", width: 14 },
      { id: "schools", header: "ОО", kind: "integer" },
    ],
    rows: (["высокий", "средний", "низкий"] as const).map((level) => ({
      level,
      schools: analysis.schools.filter((s) => s.years.find((y) => y.year === year)?.risk.level === level).length,
    })),
  };
  const chartTables = [...charts.map((c) => c.table), riskLevels];
  const directionYear = latestDirectionYear(m.schools);
  const assessments =
    directionYear === null ? [] : assessDirections(m.schools, profile, { year: directionYear, clusterOf });
  const dirTables = directionsTables(assessments, m.schools, directionYear, profile);

  const body: SummarySheet[] = [
    {
      id: "byschool",
      name: SHEET_NAMES.byschool,
      description: "Одна строка на ОО: кластер, результаты, признаки, риск, стабильность, цикл.",
      tables: [bySchoolTable(ctx)],
      freezeColumns: 2,
    },
    {
      id: "results",
      name: SHEET_NAMES.results,
      description:
        "Результаты по процедуре, году, классу и предмету: муниципалитет, кластеры, ОО; базовый минимум, высокие результаты, динамика.",
      tables: [results, printExcerpt(results, RESULTS_EXCERPT)],
      freezeColumns: 0,
      printTable: 1,
    },
    {
      id: "ege",
      name: SHEET_NAMES.ege,
      description: "ЕГЭ: средний балл, не преодолевшие минимум, высокие результаты, динамика.",
      tables: [ege, printExcerpt(ege, EGE_EXCERPT)],
      printTable: 1,
    },
    {
      id: "objectivity",
      name: SHEET_NAMES.objectivity,
      description:
        "Признаки необъективности с обоснованием и мерами; стабильное отсутствие признаков; динамика минимального порога.",
      tables: objectivityTables(ctx),
    },
    {
      id: "risk",
      name: SHEET_NAMES.risk,
      description: "ШНОР и ШНСУ с факторами; стабильно высокие и стабильно низкие результаты; школы-партнёры.",
      tables: riskTables(ctx),
    },
    {
      id: "directions",
      name: SHEET_NAMES.directions,
      description:
        "Показатели направлений 3–8 по ОО, кластерам и муниципалитету: значение, цель, динамика, уровень; итог «цель достигнута у … ОО».",
      tables: dirTables.directions,
      freezeColumns: 1,
    },
    {
      id: "directionMeasures",
      name: SHEET_NAMES.directionMeasures,
      description: "Показатели направлений 3–8 ниже цели по каждой ОО и меры по направлению.",
      tables: [dirTables.measures],
    },
    // Only when some form has functional literacy or ОВЗ marks.
    ...(literacyOvz.length > 0
      ? [
          {
            id: "literacy",
            name: SHEET_NAMES.literacy,
            description:
              "Функциональная грамотность по направлениям и уровням; результаты обучающихся с ОВЗ отдельно (при достаточном числе участников).",
            tables: [
              ...literacyOvz,
              ...literacyOvz.map((t) => printExcerpt(t, t.id === "literacy" ? LITERACY_EXCERPT : OVZ_EXCERPT)),
            ],
            freezeColumns: 0,
            printTable: literacyOvz.length,
          },
        ]
      : []),
    // Only when a kindergarten or a school's preschool groups gave МКДО data: an empty sheet says nothing.
    ...(preschool.rows.length > 0
      ? [
          {
            id: "preschool",
            name: SHEET_NAMES.preschool,
            description: "Направление 8: уровни МКДО по областям качества — детские сады и дошкольные группы ОО.",
            tables: [preschool],
            freezeColumns: 0,
          },
        ]
      : []),
    ...(ctx.matrix
      ? [
          {
            id: "cycleMatrix",
            name: SHEET_NAMES.cycleMatrix,
            description: "Матрица направлений и компонентов цикла: доля ОО, выполнивших каждый компонент.",
            tables: cycleMatrixTables(ctx),
          },
        ]
      : []),
    {
      id: "cycle",
      name: SHEET_NAMES.cycle,
      description: "Статус цикла МОУО и каждой ОО по направлениям: балл, уровень, просроченные компоненты.",
      tables: cycleTables(ctx),
    },
    ...(ctx.matrix
      ? [
          {
            id: "cycleMouo",
            name: SHEET_NAMES.cycleMouo,
            description: "Собственный цикл МОУО по направлениям и трекам: разрывы, просроченные этапы, следующие шаги.",
            tables: municipalCycleTables(ctx),
          },
          {
            id: "cycleResponses",
            name: SHEET_NAMES.cycleResponses,
            description:
              "Выводы анализа (признаки, ШНОР/ШНСУ), на которые цикл ОО должен ответить на этапах 6–8, и ответил ли.",
            tables: cycleResponseTables(ctx),
          },
          {
            id: "cycleEffects",
            name: SHEET_NAMES.cycleEffects,
            description: "Этап 9 по данным: меры прошлого года с целевым показателем и его изменение.",
            tables: cycleEffectTables(ctx),
          },
        ]
      : []),
    {
      id: "recommendations",
      name: SHEET_NAMES.recommendations,
      description: "Меры по каждой ОО — для муниципального приказа.",
      tables: [recommendationsTable(ctx)],
    },
    {
      id: "charts",
      name: SHEET_NAMES.charts,
      description: "Диаграммы: распределение отметок, качество по ОО, динамика доли «2», уровни риска.",
      tables: chartTables,
      charts: [
        ...charts.map((c, i) => ({
          table: i,
          type: c.type,
          title: c.title,
          ...(c.colors ? { colors: c.colors } : {}),
        })),
        {
          table: chartTables.length - 1,
          type: "pie" as const,
          title: riskLevels.title,
          colors: riskLevels.rows.map((r) => RISK_COLORS[r.level as keyof typeof RISK_COLORS]),
        },
      ],
    },
    {
      id: "files",
      name: SHEET_NAMES.files,
      description: "Какие файлы вошли в свод и что нашла проверка форм.",
      tables: [filesTable(input.files)],
    },
    {
      id: "methodology",
      name: SHEET_NAMES.methodology,
      description: `Профиль методики ${profile.version}: все пороги и таблицы, по которым построен свод.`,
      tables: methodologyTables(profile),
    },
  ];
  // The аналитическая справка reads the sheets above and the JSON: built and listed last (sheet
  // positions of the data sheets stay as they were for whoever reads them by position).
  const json = summaryJson(
    input,
    analysis,
    results,
    ege,
    cycles,
    year,
    matrix?.municipal ?? null,
    assessments,
    directionYear,
    [preschool, ...literacyOvz],
  );
  const report = reportTable(municipalReport({ sheets: body, json, analysis }, profile));
  body.push({
    id: "report",
    name: SHEET_NAMES.report,
    description:
      "Аналитическая справка: результаты, объективность, зона риска, направления, цикл, рекомендации и решения.",
    tables: [report],
  });
  const included = input.files.filter((f) => f.state === "included" || f.state === "includedWithErrors").length;
  const runNote = `Построено ${input.runAt.slice(0, 10).split("-").reverse().join(".")} по ${included} формам ОО; методика ${profile.version}; год ${year}.`;
  const toc: SummarySheet = {
    id: "toc",
    name: SHEET_NAMES.toc,
    description: "Содержание свода.",
    tables: [
      tocTable(
        body.map((s) => ({ sheet: s.name, description: s.description })),
        runNote,
      ),
    ],
  };

  return { sheets: [toc, ...body], json, analysis };
}

/** A table's rows by their «login» cell, each school's in table order. */
function rowsByLogin(rows: readonly Record<string, CellData>[]): Map<CellData, Record<string, CellData>[]> {
  const out = new Map<CellData, Record<string, CellData>[]>();
  for (const x of rows) {
    const list = out.get(x.login);
    if (list) list.push(x);
    else out.set(x.login, [x]);
  }
  return out;
}

/** `{ [key]: rows }` when there are rows, `{}` otherwise: absent keys keep older JSON readers unchanged. */
function optional(key: string, rows: Record<string, CellData>[]): Record<string, Record<string, CellData>[]> {
  return rows.length ? { [key]: rows } : {};
}

function summaryJson(
  input: SummaryInput,
  analysis: MunicipalAnalysis,
  results: Table,
  ege: Table,
  cycles: ReadonlyMap<string, CycleEvaluation>,
  year: number,
  municipalCycle: CycleEvaluation | null,
  assessments: readonly DirectionAssessment[],
  directionYear: number | null,
  extra: readonly Table[],
): SummaryJson {
  const findings = new Map<string, DirectionFinding[]>();
  for (const f of directionFindings(assessments, input.profile)) {
    const list = findings.get(f.school);
    if (list) list.push(f);
    else findings.set(f.school, [f]);
  }
  // Each table's rows grouped by school once: filtering every table for every school was quadratic
  // (500 schools: 4.5 s of the summary's CPU; issue 23).
  const byId = (id: string) => rowsByLogin(extra.find((t) => t.id === id)?.rows ?? []);
  const preschool = byId("preschool");
  const literacy = byId("literacy");
  const ovz = byId("ovz");
  const resultRows = rowsByLogin(results.rows);
  const egeRows = rowsByLogin(ege.rows);
  // The keys in their order, as Object.fromEntries gave them, without an entry array per key.
  const pick = (row: Record<string, CellData>, keys: string[]) => {
    const out: Record<string, CellData> = {};
    for (const k of keys) out[k] = row[k] ?? null;
    return out;
  };
  const own = (rows: ReadonlyMap<CellData, Record<string, CellData>[]>, login: string, keys: string[]) =>
    (rows.get(login) ?? []).map((x) => pick(x, keys));
  const byLogin = new Map(analysis.schools.map((s) => [s.login, s]));
  const resultKeys = [
    "procedure",
    "year",
    "grade",
    "subject",
    "n",
    "nm",
    "success",
    "quality",
    "sou",
    "mean",
    "share2",
    "share5",
    "lowered",
    "confirmed",
    "raised",
    "confirmedShare",
    "dQuality",
    "dShare2",
    "size",
  ];
  const egeKeys = ["year", "subject", "n", "mean", "below", "belowShare", "high", "top", "highShare", "dBelow"];
  return {
    format: "msoko-summary/1",
    municipality: input.municipality.name,
    runAt: input.runAt,
    profileVersion: input.profile.version,
    year,
    evaluationDate: input.evaluationDate,
    files: input.files.map((f) => ({
      file: f.file,
      login: f.login,
      state: f.state,
      errors: f.errors,
      warnings: f.warnings,
    })),
    schools: input.municipality.schools.map((r) => {
      const a = byLogin.get(r.passport.login);
      const cycle = cycles.get(r.passport.login);
      const preschoolRows = preschool.get(r.passport.login) ?? [];
      return {
        login: r.passport.login,
        name: r.passport.name,
        type: r.passport.type,
        location: r.passport.location,
        cluster: a?.cluster.label ?? "",
        results: (resultRows.get(r.passport.login) ?? []).map((x) => pick(x, resultKeys)),
        ege: (egeRows.get(r.passport.login) ?? []).map((x) => pick(x, egeKeys)),
        signs: (a?.years ?? []).flatMap((y) =>
          y.signs
            .filter((s) => s.fired)
            .map((s) => ({
              year: y.year,
              rule: s.rule,
              procedure: s.procedure,
              grade: s.grade,
              subject: s.subject,
              n: s.n,
              numbers: s.numbers,
              evidence: explainSign(s),
              tags: s.tags,
            })),
        ),
        stableAbsence: a?.stableAbsence
          ? { stable: a.stableAbsence.stable, explanation: explainStableAbsence(a.stableAbsence) }
          : null,
        risk: (a?.years ?? []).map((y) => ({
          year: y.year,
          score: y.risk.score,
          level: y.risk.level,
          shnor: y.risk.shnor,
          shnsu: y.risk.shnsu,
          factors: y.risk.factors.map((f) => ({ id: f.id, fired: f.fired, numbers: f.numbers })),
        })),
        stability: a?.stability?.status ?? "",
        cycle: (cycle?.directions ?? []).map((d) => ({
          direction: d.code,
          status: d.statusText,
          score: d.score,
          level: d.level,
          overdue: d.overdueCount,
          indicators: d.indicators,
        })),
        objectivityCoverage: objectivityCoverage(r.objectivityMeasures ?? [], r.rechecks ?? [], year),
        cycleFindings: (cycle?.directions ?? []).flatMap((d) =>
          d.responses.map((r) => ({
            code: r.finding.code,
            year: r.finding.year,
            procedure: r.finding.procedure ?? null,
            grade: r.finding.grade ?? null,
            subject: r.finding.subject ?? null,
            text: r.finding.text,
            direction: d.code,
            responded: r.responded,
            missingSteps: r.missingSteps,
            link: linkTextOf(r.finding),
          })),
        ),
        directions: schoolDirectionsJson(
          r.passport.login,
          assessments,
          findings.get(r.passport.login) ?? [],
          directionYear,
        ),
        ...optional(
          "literacy",
          own(literacy, r.passport.login, [
            "year",
            "grade",
            "area",
            "n",
            "l1",
            "l2",
            "l3",
            "l4",
            "l5",
            "high",
            "insufficient",
          ]),
        ),
        ...optional(
          "ovz",
          own(ovz, r.passport.login, [
            "procedure",
            "year",
            "grade",
            "subject",
            "n",
            "success",
            "quality",
            "share2",
            "state",
          ]),
        ),
        ...(preschoolRows.length
          ? {
              preschool: preschoolRows.map((x) => pick(x, ["year", "area", "assessed", "basic", "share", "meanLevel"])),
            }
          : {}),
        cycleEffects: (cycle?.directions ?? []).flatMap((d) =>
          d.effects.map((x) => ({
            direction: d.code,
            track: x.track,
            measureYear: x.measureYear,
            target: x.target.text,
            before: x.before?.value ?? null,
            after: x.after?.value ?? null,
            change: x.change,
            improved: x.improved,
            n: x.after?.n ?? null,
            sizeClass: x.sizeClass,
            persists: x.persists,
            sentence: x.sentence,
          })),
        ),
      };
    }),
    municipalityCycle: municipalCycle ? municipalCycleReport(municipalCycle) : null,
    municipalityObjectivity: objectivityCoverage(
      input.municipality.municipalMeasures ?? [],
      input.municipality.municipalRechecks ?? [],
      year,
    ),
    directions: directionsJson(assessments, directionYear),
  };
}

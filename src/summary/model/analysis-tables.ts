/**
 * The summary sheets that read the analysis (src/core/analysis) and the cycle evaluation
 * (src/core/cycle): one row per school, signs with evidence and measures, schools at risk,
 * stability, the cycle matrix and targeted recommendations. Every flag is shown with the Russian
 * sentence that explains its numbers, rule, threshold and provenance.
 */
import {
  explainRisk,
  explainSign,
  explainStability,
  explainStableAbsence,
  type MunicipalAnalysis,
  type SchoolAnalysis,
} from "../../core/analysis";
import {
  CYCLE_COMPONENTS,
  municipalCycleReport,
  municipalStatusRow,
  type CycleEvaluation,
  type CycleMatrix,
} from "../../core/cycle";
import { quality, share2 } from "../../core/indicators";
import type { ObjectivityMeasureRow, RecheckRow, SchoolReport } from "../../core/model";
import type { Profile } from "../../core/profile";
import { focusText, type FocusItem } from "../../core/focus";
import { objectivityCoverage, type SignResult } from "../../core/objectivity";
import { basisOf, flagLabel, measuresFor, recommend, type FlagRef } from "../../core/recommendations";
import type { RiskFactorResult } from "../../core/risk";
import { factorLabel, FACTOR_NAMES, SHNOR_FACTORS } from "../../core/risk/names";
import { accumulate, schoolAggregates, type Aggregate } from "../../core/results";
import { countRu, formatNumberRu } from "../../core/values";
import { effectCells, effectColumns, RESPONSE_COLUMNS, responseCells } from "./cycle-rows";
import { clean, type CellData, type Table } from "./table";

export const SIGN_NAMES: Record<string, string> = {
  O1: "Несовпадение с отметками по журналу",
  O2: "Пик на границе отметок",
  O3: "Результаты намного выше эталона без подтверждения",
  O4: "Инверсия трудности заданий",
  O5: "Разрыв внешней и внутренней оценки",
  O6: "Аномалия школьного этапа олимпиады",
  O7: "Перепроверка понизила отметки",
  F: "Маркер ФИОКО",
};

export interface AnalysisTablesInput {
  schools: readonly SchoolReport[];
  analysis: MunicipalAnalysis;
  /** Cycle evaluation of each school by login (the summary's year). */
  cycles: ReadonlyMap<string, CycleEvaluation>;
  matrix: CycleMatrix | null;
  year: number;
  profile: Profile;
  /** The МОУО's own «Меры объективности» and «Перепроверка», when its book has them. */
  municipalMeasures?: readonly ObjectivityMeasureRow[];
  municipalRechecks?: readonly RecheckRow[];
}

function yearOf(s: SchoolAnalysis, year: number) {
  return s.years.find((y) => y.year === year) ?? null;
}

function pooled(report: SchoolReport, procedure: string, year: number): Aggregate | null {
  let out: Aggregate | null = null;
  for (const a of schoolAggregates(report.results.filter((r) => r.marks)).values()) {
    if (a.procedure !== procedure || a.year !== year || !a.marks) continue;
    if (!out) out = { procedure: a.procedure, year, grade: 0, subject: "", participants: 0, rows: 0 };
    accumulate(out, a);
  }
  return out;
}

function meanCycleScore(e: CycleEvaluation | undefined): number | null {
  const scores = (e?.directions ?? []).map((d) => d.score).filter((x): x is number => x !== null);
  return scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null;
}

/** «Свод по ОО»: one row per school. */
export function bySchoolTable({ schools, analysis, cycles, year, profile }: AnalysisTablesInput): Table {
  const byLogin = new Map(analysis.schools.map((s) => [s.login, s]));
  const rows = schools.map((r) => {
    const a = byLogin.get(r.passport.login);
    const y = a ? yearOf(a, year) : null;
    const vpr = pooled(r, "ВПР", year);
    const oge = pooled(r, "ОГЭ", year);
    const cycle = cycles.get(r.passport.login);
    return {
      login: r.passport.login,
      name: r.passport.shortName || r.passport.name,
      type: r.passport.type,
      location: r.passport.location,
      cluster: a?.cluster.label ?? "",
      vprN: vpr?.participants ?? null,
      vprQuality: vpr?.marks ? clean(quality(vpr.marks)) : null,
      vprShare2: vpr?.marks ? clean(share2(vpr.marks)) : null,
      ogeN: oge?.participants ?? null,
      ogeQuality: oge?.marks ? clean(quality(oge.marks)) : null,
      signs: y ? y.firedSigns.length : null,
      signIds: y ? y.firedSigns.join(", ") : "",
      absence: a?.stableAbsence?.stable ? "да" : "",
      riskLevel: y?.risk.level ?? "",
      riskScore: y ? clean(y.risk.score) : null,
      shnor: y?.risk.shnor ? "ШНОР" : "",
      shnsu: y?.risk.shnsu ? "ШНСУ" : "",
      stability: a?.stability?.status ?? "",
      cycleScore: clean(meanCycleScore(cycle)),
      cycleClosed: cycle ? cycle.directions.filter((d) => d.status === "closed").length : null,
    } satisfies Record<string, CellData>;
  });
  // The municipality's line under the schools: participants pooled, so shares are not means of shares.
  const pool = (procedure: Aggregate["procedure"]) => {
    const out: Aggregate = { procedure, year, grade: 0, subject: "", participants: 0, rows: 0 };
    for (const r of schools) {
      const a = pooled(r, procedure, year);
      if (a) accumulate(out, a, a.rows);
    }
    return out.marks ? out : null;
  };
  const mVpr = pool("ВПР");
  const mOge = pool("ОГЭ");
  const sumOf = (id: "signs" | "cycleClosed") => rows.reduce((acc, r) => acc + (r[id] ?? 0), 0);
  const levels = (["высокий", "средний", "низкий"] as const)
    .map((l) => [l, rows.filter((r) => r.riskLevel === l).length] as const)
    .filter(([, n]) => n > 0)
    .map(([l, n]) => `${l}: ${n}`)
    .join("; ");
  const total: Record<string, CellData> = {
    login: "",
    name: "Муниципалитет, итого",
    vprN: mVpr?.participants ?? null,
    vprQuality: mVpr?.marks ? clean(quality(mVpr.marks)) : null,
    vprShare2: mVpr?.marks ? clean(share2(mVpr.marks)) : null,
    ogeN: mOge?.participants ?? null,
    ogeQuality: mOge?.marks ? clean(quality(mOge.marks)) : null,
    signs: sumOf("signs"),
    riskLevel: levels,
    shnor: String(rows.filter((r) => r.shnor).length),
    shnsu: String(rows.filter((r) => r.shnsu).length),
    cycleClosed: sumOf("cycleClosed"),
  };
  return {
    id: "byschool",
    title: `Свод по ОО, ${year}`,
    description:
      "Ключевые показатели, признаки необъективности, риски, стабильность и управленческий цикл по каждой ОО. Признак — не вывод: он требует анализа (лист «Объективность»).",
    columns: [
      { id: "login", header: "Логин ОО", kind: "text", width: 12 },
      { id: "name", header: "ОО", kind: "text", width: 30 },
      { id: "type", header: "Тип", kind: "text", width: 12 },
      { id: "location", header: "Местность", kind: "text", width: 9 },
      { id: "cluster", header: "Кластер", kind: "text", width: 24 },
      { id: "vprN", header: "ВПР: участников", kind: "integer" },
      { id: "vprQuality", header: "ВПР: качество, %", kind: "percent" },
      { id: "vprShare2", header: "ВПР: доля «2», %", kind: "percent" },
      { id: "ogeN", header: "ОГЭ: участников", kind: "integer" },
      { id: "ogeQuality", header: "ОГЭ: качество, %", kind: "percent" },
      {
        id: "signs",
        header: "Признаков необъективности",
        kind: "integer",
        highlight: { operator: "greaterThan", value: 0, tone: "warn" },
      },
      { id: "signIds", header: "Признаки", kind: "text", width: 12 },
      { id: "absence", header: "Стабильно нет признаков", kind: "text", width: 11 },
      {
        id: "riskLevel",
        header: "Уровень риска",
        kind: "text",
        width: 11,
        highlight: { operator: "equal", value: "высокий", tone: "bad" },
      },
      { id: "riskScore", header: "Оценка риска", kind: "score" },
      { id: "shnor", header: "ШНОР", kind: "text", width: 8 },
      { id: "shnsu", header: "ШНСУ", kind: "text", width: 8 },
      { id: "stability", header: "Стабильность", kind: "text", width: 18 },
      {
        id: "cycleScore",
        header: "Цикл, % (среднее по направлениям)",
        kind: "percent",
        highlight: { operator: "lessThan", value: profile.values["cycle.levels"][0], tone: "bad" },
      },
      { id: "cycleClosed", header: "Замкнутых циклов", kind: "integer" },
    ],
    rows,
    total,
  };
}

/** «Объективность»: fired signs with evidence and measures; stable absence; minimum-threshold dynamics. */
export function objectivityTables(input: AnalysisTablesInput): Table[] {
  const { schools, analysis, profile, year } = input;
  const msoko = basisOf(profile, "msoko", "shareExperience");
  const names = new Map(schools.map((s) => [s.passport.login, s.passport.shortName || s.passport.name]));
  const signs: Record<string, CellData>[] = [];
  for (const s of analysis.schools) {
    for (const y of s.years) {
      for (const sign of y.signs) {
        if (!sign.fired) continue;
        signs.push({
          year: y.year,
          login: s.login,
          name: names.get(s.login) ?? s.name,
          rule: sign.rule,
          sign: SIGN_NAMES[sign.rule] ?? sign.rule,
          where: [sign.procedure, sign.grade ? `${sign.grade} кл.` : "", sign.subject].filter(Boolean).join(", "),
          n: sign.n ?? null,
          evidence: explainSign(sign),
          tags: sign.tags.map((t) => `[${t}]`).join(" "),
          measures: measuresFor(sign.rule, profile, signFocus(sign))
            .map((m) => m.text)
            .join("; "),
        });
      }
    }
  }
  signs.sort((a, b) => (b.year as number) - (a.year as number) || String(a.login).localeCompare(String(b.login)));
  const absence = analysis.schools
    .filter((s) => s.stableAbsence?.stable)
    .map((s) => ({
      login: s.login,
      name: names.get(s.login) ?? s.name,
      years: s.stableAbsence!.years.join(", "),
      explanation: explainStableAbsence(s.stableAbsence!),
    }));
  const minRows = analysis.minThreshold.map((m) => ({
    procedure: m.procedure,
    subject: m.subject,
    year: m.year,
    n: m.n,
    below: m.below,
    share: clean(m.share),
    delta: clean(m.delta),
  }));
  return [
    {
      id: "signs",
      title: "Признаки необъективности результатов",
      description: `Каждая строка — признак, требующий анализа, с числами, порогом и происхождением правила; основание мер: ${basisOf(profile, "msoko", "recheck")} (название и пункты своих положений задаются на листе «Методика»).`,
      columns: [
        { id: "year", header: "Год", kind: "integer", width: 7 },
        { id: "login", header: "Логин ОО", kind: "text", width: 12 },
        { id: "name", header: "ОО", kind: "text", width: 28 },
        { id: "rule", header: "Правило", kind: "text", width: 8 },
        { id: "sign", header: "Признак", kind: "text", width: 30 },
        { id: "where", header: "Процедура, класс, предмет", kind: "text", width: 28 },
        { id: "n", header: "Участников", kind: "integer" },
        { id: "evidence", header: "Обоснование", kind: "text", width: 80 },
        { id: "tags", header: "Происхождение", kind: "text", width: 18 },
        { id: "measures", header: "Рекомендуемые меры", kind: "text", width: 80 },
      ],
      rows: signs,
    },
    {
      id: "absence",
      title: "ОО со стабильно отсутствующими признаками необъективности",
      description: `Опыт этих ОО рекомендуется распространять (${msoko}).`,
      columns: [
        { id: "login", header: "Логин ОО", kind: "text", width: 12 },
        { id: "name", header: "ОО", kind: "text", width: 30 },
        { id: "years", header: "Годы без признаков", kind: "text", width: 18 },
        { id: "explanation", header: "Пояснение", kind: "text", width: 80 },
      ],
      rows: absence,
    },
    {
      id: "minthreshold",
      title: "Динамика численности не преодолевших минимальный порог (ОГЭ, ЕГЭ)",
      description:
        "Резкое снижение доли не преодолевших порог — тоже повод для анализа: оно может означать необъективность, а не рост результатов.",
      columns: [
        { id: "procedure", header: "Процедура", kind: "text", width: 10 },
        { id: "subject", header: "Предмет", kind: "text", width: 26 },
        { id: "year", header: "Год", kind: "integer", width: 7 },
        { id: "n", header: "Участников", kind: "integer" },
        { id: "below", header: "Не преодолели", kind: "integer" },
        { id: "share", header: "Доля, %", kind: "percent", formula: 'IF({n}>0,{below}/{n}*100,"")' },
        { id: "delta", header: "Δ, п.п.", kind: "points" },
      ],
      rows: minRows,
    },
    coverageTable(schools, year, input),
  ];
}

/** Observers, video and independent re-check per school for the year (regulations §8.1–8.3, §9.4). */
function coverageTable(
  schools: readonly SchoolReport[],
  year: number,
  mouo: Pick<AnalysisTablesInput, "municipalMeasures" | "municipalRechecks">,
): Table {
  const rows: Record<string, CellData>[] = [];
  const units = [
    {
      login: "МОУО",
      name: "Муниципальный уровень (МОУО)",
      measures: mouo.municipalMeasures ?? [],
      rechecks: mouo.municipalRechecks ?? [],
    },
    ...schools.map((s) => ({
      login: s.passport.login,
      name: s.passport.shortName || s.passport.name,
      measures: s.objectivityMeasures ?? [],
      rechecks: s.rechecks ?? [],
    })),
  ];
  for (const u of units) {
    const c = objectivityCoverage(u.measures, u.rechecks, year);
    if (!c) continue;
    rows.push({
      login: u.login,
      name: u.name,
      procedures: c.procedures,
      observersShare: clean(c.observersShare),
      videoShare: clean(c.videoShare),
      rechecked: c.rechecked,
      loweredShare: clean(c.loweredShare),
      changedShare: clean(c.changedShare),
      text: c.text,
    });
  }
  return {
    id: "coverage",
    title: `Меры объективности: наблюдатели, видеонаблюдение, перепроверка (${year})`,
    description: rows.length
      ? "По листам «Меры объективности» и «Перепроверка» форм ОО; перепроверка, понизившая отметки, — признак O7."
      : "Ни одна ОО не заполнила листы «Меры объективности» и «Перепроверка» за этот год.",
    columns: [
      { id: "login", header: "Логин ОО", kind: "text", width: 12 },
      { id: "name", header: "ОО", kind: "text", width: 28 },
      { id: "procedures", header: "Процедур", kind: "integer" },
      { id: "observersShare", header: "С наблюдателями, %", kind: "percent" },
      { id: "videoShare", header: "С видеонаблюдением, %", kind: "percent" },
      { id: "rechecked", header: "Перепроверено работ", kind: "integer" },
      { id: "loweredShare", header: "Отметка понижена, %", kind: "percent" },
      { id: "changedShare", header: "Отметка изменена, %", kind: "percent" },
      { id: "text", header: "Итог", kind: "text", width: 70 },
    ],
    rows,
  };
}

/** A stably high school of the same cluster, as a partner for a school at risk. */
function partnerOf(s: SchoolAnalysis, analysis: MunicipalAnalysis): string {
  const p = analysis.schools.find(
    (o) => o.login !== s.login && o.cluster.id === s.cluster.id && o.stability?.status === "стабильно высокие",
  );
  return p ? `${p.name} (${p.login})` : "";
}

/** «Зона риска»: ШНОР/ШНСУ and elevated risk; stably high and low schools. */
export function riskTables({ analysis, year }: AnalysisTablesInput): Table[] {
  const risk: Record<string, CellData>[] = [];
  for (const s of analysis.schools) {
    const y = yearOf(s, year);
    if (!y || (!y.risk.shnor && !y.risk.shnsu && y.risk.level !== "высокий" && y.risk.level !== "средний")) continue;
    risk.push({
      login: s.login,
      name: s.name,
      cluster: s.cluster.label,
      score: clean(y.risk.score),
      level: y.risk.level ?? "",
      shnor: y.risk.shnor ? "да" : "",
      shnsu: y.risk.shnsu ? "да" : "",
      factors: y.risk.factors
        .filter((f) => f.fired)
        .map((f) => `${f.id} ${FACTOR_NAMES[f.id] ?? ""}`.trim())
        .join("; "),
      explanation: explainRisk(y.risk),
      partner: y.risk.shnor ? partnerOf(s, analysis) : "",
    });
  }
  risk.sort((a, b) => (b.score as number) - (a.score as number));
  const stable = analysis.schools
    .filter((s) => s.stability?.status)
    .map((s) => ({
      login: s.login,
      name: s.name,
      cluster: s.cluster.label,
      status: s.stability!.status,
      explanation: explainStability(s.stability!, s.cluster),
    }));
  return [
    {
      id: "risk",
      title: `Школы в зоне риска, ${year}`,
      description: `ШНОР — сработал фактор ${SHNOR_FACTORS}; ШНСУ — фактор ${factorLabel("R4")}. Оценка риска — взвешенная доля сработавших факторов (веса и уровни — лист «Методика»).`,
      columns: [
        { id: "login", header: "Логин ОО", kind: "text", width: 12 },
        { id: "name", header: "ОО", kind: "text", width: 28 },
        { id: "cluster", header: "Кластер", kind: "text", width: 22 },
        { id: "score", header: "Оценка риска", kind: "score" },
        {
          id: "level",
          header: "Уровень",
          kind: "text",
          width: 10,
          highlight: { operator: "equal", value: "высокий", tone: "bad" },
        },
        { id: "shnor", header: "ШНОР", kind: "text", width: 7 },
        { id: "shnsu", header: "ШНСУ", kind: "text", width: 7 },
        { id: "factors", header: "Сработавшие факторы", kind: "text", width: 40 },
        { id: "explanation", header: "Обоснование", kind: "text", width: 80 },
        { id: "partner", header: "Предлагаемая школа-партнёр", kind: "text", width: 30 },
      ],
      rows: risk,
    },
    {
      id: "stability",
      title: "Стабильно высокие и стабильно низкие результаты",
      columns: [
        { id: "login", header: "Логин ОО", kind: "text", width: 12 },
        { id: "name", header: "ОО", kind: "text", width: 28 },
        { id: "cluster", header: "Кластер", kind: "text", width: 22 },
        { id: "status", header: "Результаты", kind: "text", width: 18 },
        { id: "explanation", header: "Пояснение", kind: "text", width: 80 },
      ],
      rows: stable,
    },
  ];
}

/** «Управленческий цикл»: directions × components with the share of schools that closed each, and each school's status. */
/**
 * The matrix «направление × компонент» (share of schools that did each component), on a sheet of its
 * own: its eleven percent columns and the status tables' long texts would share column widths on one
 * sheet and print two page widths of each (issue #21).
 */
export function cycleMatrixTables({ matrix }: AnalysisTablesInput): Table[] {
  if (!matrix) return [];
  const matrixRows = matrix.rows.map((r) => {
    const row: Record<string, CellData> = { direction: `${r.code}. ${r.name}` };
    r.cells.forEach((c, i) => (row[`c${i + 1}`] = clean(c.share)));
    row.closed = clean(r.closedCycles.share);
    return row;
  });
  return [
    {
      id: "matrix",
      title: `Управленческий цикл: доля ОО, выполнивших компонент, % (${matrix.year})`,
      description: `Оценка на ${matrix.evaluationDate.split("-").reverse().join(".")}. Компонент выполнен, если подтверждён документом (номер, дата).`,
      columns: [
        { id: "direction", header: "Направление", kind: "text", width: 40 },
        ...CYCLE_COMPONENTS.map((c, i) => ({
          id: `c${i + 1}`,
          header: `${i + 1}. ${c.label}`,
          kind: "percent" as const,
          width: 12,
          highlight: { operator: "lessThan" as const, value: matrix.levels[0], tone: "bad" as const },
        })),
        { id: "closed", header: "Цикл замкнут, % ОО", kind: "percent" },
      ],
      rows: matrixRows,
    },
  ];
}

export function cycleTables({ matrix, schools }: AnalysisTablesInput): Table[] {
  if (!matrix) return [];
  const names = new Map(schools.map((s) => [s.passport.login, s.passport.shortName || s.passport.name]));
  // The МОУО's own cycle first: it is the municipality's main object of evaluation.
  const statusSource = matrix.municipal ? [municipalStatusRow(matrix.municipal), ...matrix.schools] : matrix.schools;
  const statusRows = statusSource.flatMap((s) =>
    s.directions.map((d, i) => ({
      login: s.login,
      name: names.get(s.login) ?? s.name,
      direction: `${matrix.rows[i]?.code ?? ""}. ${matrix.rows[i]?.name ?? ""}`,
      status: d.statusText,
      score: clean(d.score),
      level: d.level ?? "",
      overdue: d.overdueCount,
    })),
  );
  return [
    {
      id: "status",
      title: "Статус управленческого цикла по ОО",
      columns: [
        { id: "login", header: "Логин ОО", kind: "text", width: 12 },
        { id: "name", header: "ОО", kind: "text", width: 28 },
        { id: "direction", header: "Направление", kind: "text", width: 40 },
        { id: "status", header: "Статус", kind: "text", width: 40 },
        { id: "score", header: "Балл, %", kind: "percent" },
        { id: "level", header: "Уровень", kind: "text", width: 10 },
        {
          id: "overdue",
          header: "Просрочено компонентов",
          kind: "integer",
          highlight: { operator: "greaterThan", value: 0, tone: "bad" },
        },
      ],
      rows: statusRows,
    },
  ];
}

/**
 * The other cycle tables, each on a sheet of its own (buildSummary): with different columns on one
 * sheet they share column widths, and the sheet printed 100 pages at 25 schools, three columns a page.
 */
export function municipalCycleTables({ matrix }: AnalysisTablesInput): Table[] {
  return matrix ? [municipalCycleTable(matrix)] : [];
}

export function cycleResponseTables({ matrix, schools, cycles, profile }: AnalysisTablesInput): Table[] {
  return matrix ? [responsesTable(schools, cycles, matrix.year, profile)] : [];
}

export function cycleEffectTables({ matrix, schools, cycles }: AnalysisTablesInput): Table[] {
  return matrix ? [effectsTable(schools, cycles, matrix)] : [];
}

/** Step 9 computed: each measure of the previous year with a target indicator, judged by this year's data. */
function effectsTable(
  schools: readonly SchoolReport[],
  cycles: ReadonlyMap<string, CycleEvaluation>,
  matrix: CycleMatrix,
): Table {
  const units: { login: string; name: string; e: CycleEvaluation | undefined }[] = [
    ...(matrix.municipal ? [{ login: "МОУО", name: "Муниципальный уровень (МОУО)", e: matrix.municipal }] : []),
    ...schools.map((s) => ({
      login: s.passport.login,
      name: s.passport.shortName || s.passport.name,
      e: cycles.get(s.passport.login),
    })),
  ];
  const rows: Record<string, CellData>[] = [];
  for (const u of units)
    for (const d of u.e?.directions ?? [])
      for (const x of d.effects) rows.push({ login: u.login, name: u.name, ...effectCells(d, x) });
  return {
    id: "effects",
    title: `Эффективность мер ${matrix.year - 1} года по данным ${matrix.year} года (этап 9)`,
    description: rows.length
      ? "Меры (этап 7) с целевым показателем сравниваются с тем же показателем следующего года; «есть» на этапе 9 без таких мер или без данных засчитывается как «частично»."
      : `В мерах ${matrix.year - 1} года не указан «Целевой показатель»: эффективность не рассчитана.`,
    columns: [
      { id: "login", header: "Логин ОО", kind: "text", width: 11 },
      { id: "name", header: "ОО", kind: "text", width: 18 },
      ...effectColumns(matrix.year),
    ],
    rows,
  };
}

/** Per school and finding of the analysis: did the school's cycle answer it at steps 6–8 («Связь с выводом»)? */
function responsesTable(
  schools: readonly SchoolReport[],
  cycles: ReadonlyMap<string, CycleEvaluation>,
  year: number,
  profile: Profile,
): Table {
  const steps = `${profile.values["cycle.findingFirstStep"]}–${profile.values["cycle.findingLastStep"]}`;
  const rows: Record<string, CellData>[] = [];
  for (const s of schools) {
    const e = cycles.get(s.passport.login);
    for (const d of e?.directions ?? [])
      for (const r of d.responses)
        rows.push({ login: s.passport.login, name: s.passport.shortName || s.passport.name, ...responseCells(d, r) });
  }
  const answered = rows.filter((r) => r.responded === "да").length;
  return {
    id: "responses",
    title: `Выводы анализа и ответ управленческого цикла ОО (${year})`,
    description: rows.length
      ? `Ответ есть, если на этапах ${steps} направления есть строки листа «Цикл» со ссылкой на вывод в столбце «Связь с выводом». Ответили на ${answered} из ${countRu(rows.length, ["вывода", "выводов", "выводов"])}.`
      : `За ${year} год у ОО нет выводов анализа (признаков объективности, статусов ШНОР/ШНСУ), требующих ответа цикла.`,
    columns: [
      { id: "login", header: "Логин ОО", kind: "text", width: 11 },
      { id: "name", header: "ОО", kind: "text", width: 20 },
      ...RESPONSE_COLUMNS,
    ],
    rows,
  };
}

/** «Цикл МОУО»: the authority's own tracks with status, gap, overdue components and next steps. */
function municipalCycleTable(matrix: CycleMatrix): Table {
  const report = matrix.municipal ? municipalCycleReport(matrix.municipal) : null;
  const rows = (report?.tracks ?? []).map((t) => ({
    direction: `${t.code}. ${t.directionName}`,
    track: t.track,
    status: t.status,
    score: clean(t.score),
    level: t.level,
    overdue: t.overdue.length,
    overdueList: t.overdue.map((o) => o.text).join("; "),
    nextSteps: t.nextSteps.join("; "),
  }));
  const description = report
    ? `Год ${report.year}, оценка на ${report.evaluationDate.split("-").reverse().join(".")}: замкнуто направлений — ${report.closedDirections} из ${report.directionsWithData}, треков с разрывом — ${report.gapCount}, просроченных этапов — ${report.overdueCount}${report.noData.length ? `; нет данных по направлениям ${report.noData.join(", ")}` : ""}.`
    : "Цикл МОУО не передан: заполните книгу по шаблону (msoko template --mouo) и передайте её в свод вместе с формами ОО (или добавьте лист «Цикл МОУО» в книгу свода).";
  return {
    id: "municipalCycle",
    title: "Управленческий цикл МОУО: статус, разрывы, просрочки и следующие шаги",
    description,
    columns: [
      { id: "direction", header: "Направление", kind: "text", width: 40 },
      { id: "track", header: "Трек", kind: "text", width: 24 },
      { id: "status", header: "Статус", kind: "text", width: 36 },
      { id: "score", header: "Балл, %", kind: "percent" },
      { id: "level", header: "Уровень", kind: "text", width: 10 },
      {
        id: "overdue",
        header: "Просрочено этапов",
        kind: "integer",
        highlight: { operator: "greaterThan", value: 0, tone: "bad" },
      },
      { id: "overdueList", header: "Просроченные этапы", kind: "text", width: 40 },
      { id: "nextSteps", header: "Следующие шаги", kind: "text", width: 70 },
    ],
    rows,
  };
}

/** «по математике (ВПР) в 5 классе»: where a sign fired. */
export function signFocus(sign: SignResult): string {
  return sign.subject ? focusText([{ subject: sign.subject, grade: sign.grade, procedure: sign.procedure }]) : "";
}

/** Procedures named in a measure; the rest are counted. */
const FOCUS_SHOWN = 5;

/** The subjects, grades and numbers behind a risk factor: R1 — shares below the minimum, R3 — the rises, R2 — the standardized result. */
export function factorFocus(f: RiskFactorResult): string {
  if (f.id === "R1" || f.id === "R3") {
    // The worst procedures first; a school with low results everywhere gets a readable measure, not thirty items.
    const worst = [...f.items].sort((a, b) => b.value - a.value);
    const shown = worst.slice(0, FOCUS_SHOWN);
    const items: FocusItem[] = shown.map((i) => ({
      subject: i.subject,
      grade: i.grade,
      procedure: i.procedure,
      value: i.value,
    }));
    const rest = worst.length - shown.length;
    const text = focusText(items, f.id === "R1" ? "не преодолели минимальный порог" : "доля «2» выросла до");
    return rest > 0 ? `${text}; и ещё в ${countRu(rest, ["процедуре", "процедурах", "процедурах"])}` : text;
  }
  if (f.id === "R2" && f.numbers.z !== undefined)
    return `средний стандартизированный результат ${formatNumberRu(f.numbers.z, 2)} по ${countRu(f.numbers.procedures, ["процедуре", "процедурам", "процедурам"])}`;
  if (f.id === "R5" && f.note) return f.note;
  return "";
}

/** The flags of one school for the summary's year, for recommendations. */
export function schoolFlags(s: SchoolAnalysis, cycle: CycleEvaluation | undefined, year: number): FlagRef[] {
  const flags: FlagRef[] = [];
  const y = yearOf(s, year);
  for (const sign of y?.signs ?? [])
    if (sign.fired) flags.push({ rule: sign.rule, detail: explainSign(sign), focus: signFocus(sign) });
  for (const f of y?.risk.factors ?? [])
    if (f.fired && f.id !== "R6") flags.push({ rule: f.id, detail: FACTOR_NAMES[f.id], focus: factorFocus(f) });
  if (y?.risk.shnor) flags.push({ rule: "ШНОР" });
  if (y?.risk.shnsu) flags.push({ rule: "ШНСУ" });
  if (s.stability?.status === "стабильно низкие") flags.push({ rule: "STABLE_LOW" });
  if (s.stability?.status === "стабильно высокие") flags.push({ rule: "STABLE_HIGH" });
  if (s.stableAbsence?.stable) flags.push({ rule: "STABLE_NO_SIGNS" });
  for (const d of cycle?.directions ?? []) {
    for (const step of d.nextSteps)
      flags.push({ rule: "CYCLE_GAP", direction: step.direction, component: step.component, detail: step.text });
  }
  return flags;
}

/** «Адресные рекомендации»: per school, the measures that follow from its flags and gaps. */
export function recommendationsTable({ schools, analysis, cycles, year, profile }: AnalysisTablesInput): Table {
  const byLogin = new Map(analysis.schools.map((s) => [s.login, s]));
  const rows: Record<string, CellData>[] = [];
  for (const r of schools) {
    const a = byLogin.get(r.passport.login);
    if (!a) continue;
    for (const m of recommend(schoolFlags(a, cycles.get(r.passport.login), year), profile)) {
      rows.push({
        login: r.passport.login,
        name: r.passport.shortName || r.passport.name,
        addressee: m.addressee,
        measure: m.text,
        because: [...new Set(m.because.map((f) => flagLabel(f)))].join("; "),
        basis: m.basis,
        responsible: "",
        deadline: "",
      });
    }
  }
  return {
    id: "recommendations",
    title: `Адресные рекомендации, ${year}`,
    description:
      "Меры по каждой ОО следуют из её признаков, факторов риска и разрывов управленческого цикла; столбцы «Ответственный» и «Срок» заполняются при подготовке приказа.",
    columns: [
      { id: "login", header: "Логин ОО", kind: "text", width: 12 },
      { id: "name", header: "ОО", kind: "text", width: 28 },
      { id: "addressee", header: "Исполнитель", kind: "text", width: 10 },
      { id: "measure", header: "Мера", kind: "text", width: 80 },
      { id: "because", header: "Основание (что выявлено)", kind: "text", width: 36 },
      { id: "basis", header: "Нормативная основа", kind: "text", width: 50 },
      { id: "responsible", header: "Ответственный", kind: "text", width: 18 },
      { id: "deadline", header: "Срок", kind: "text", width: 12 },
    ],
    rows,
  };
}

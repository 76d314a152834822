/**
 * The school's place in its municipality (§4–§6): cluster, standardized result, risk factors
 * R1–R5, risk level, ШНОР/ШНСУ status and stability — the municipal analysis's own results for
 * this school, so the school sees what the МОУО sees. Only known when the report is built within
 * the municipality (other schools' forms or the МОУО's workbook); alone, the table says so and how
 * to get it. ШНОР or ШНСУ becomes a finding with the school's own measures (programme of quality
 * improvement, help for pupils with low results) naming the subjects behind R1/R3.
 */
import { explainFactor, explainRisk, explainStability, explainStableAbsence } from "../../core/analysis/explain";
import { formatNumberRu } from "../../core/values";
import { factorLabel, FACTOR_NAMES, SHNOR_FACTORS } from "../../core/risk/names";
import { factorFocus } from "../../summary/model/analysis-tables";
import type { CellData, Table } from "../../summary/model/table";
import type { ReportContext } from "./context";
import { VSOKO_ASPECTS, VSOKO_DIRECTIONS, type SchoolFinding } from "./findings";

export interface StandingPart {
  table: Table;
  findings: SchoolFinding[];
}

const TITLE = "Положение ОО в муниципалитете: кластер, риск (ШНОР/ШНСУ), стабильность";

const COLUMNS: Table["columns"] = [
  { id: "item", header: "Показатель", kind: "text", width: 30 },
  {
    id: "value",
    header: "Значение",
    kind: "text",
    width: 22,
    highlight: { operator: "equal", value: "сработал", tone: "bad" },
  },
  { id: "explanation", header: "Обоснование", kind: "text", width: 90 },
];

export function standingPart(ctx: ReportContext): StandingPart {
  const s = ctx.standing;
  const year = ctx.opts.year;
  if (!s || !ctx.municipal) {
    return {
      findings: [],
      table: {
        id: "standing",
        title: TITLE,
        description:
          "Кластер, факторы риска, статус ШНОР/ШНСУ и стабильность определяются только в сравнении с другими ОО муниципалитета: постройте отчёт вместе с формами других ОО (msoko school-report ФОРМА.xlsx ФОРМЫ_ДРУГИХ_ОО… --out АНАЛИЗ.xlsx) или возьмите их из свода МОУО (лист «Зона риска»).",
        columns: COLUMNS,
        rows: [],
      },
    };
  }
  const y = s.years.find((x) => x.year === year) ?? null;
  const rows: Record<string, CellData>[] = [];
  const cref = ctx.municipal.clusters.find((c) => c.id === s.cluster.id);
  const cy = cref?.byYear.find((b) => b.year === year);
  rows.push({
    item: "Кластер",
    value: s.cluster.label,
    explanation: `${s.cluster.merged ? "Собственный кластер меньше минимального размера и объединён со всеми ОО своего типа. " : ""}ОО в кластере: ${s.cluster.size}${cy?.meanZ !== null && cy?.meanZ !== undefined ? `; средний стандартизированный результат кластера в ${year} г. ${formatNumberRu(cy.meanZ, 2)}` : ""}.`,
  });
  rows.push({
    item: "Стандартизированный результат",
    value: y?.standardized ? formatNumberRu(y.standardized.value, 2) : "нет данных",
    explanation: y?.standardized
      ? `Среднее по ${y.standardized.procedures} процедурам ${year} г. отклонение качества ОО от среднего по ОО муниципалитета в стандартных отклонениях (0 — средний уровень).`
      : `В ${year} г. нет процедур с достаточным числом участников для сравнения с ОО муниципалитета.`,
  });
  for (const f of y?.risk.factors ?? []) {
    if (f.id === "R6") continue;
    rows.push({
      item: `${f.id} ${FACTOR_NAMES[f.id] ?? ""}`.trim(),
      value: !f.hasData ? "нет данных" : f.fired ? "сработал" : "не выявлен",
      explanation: explainFactor(f, year),
    });
  }
  if (y) {
    rows.push({ item: "Уровень риска", value: y.risk.level ?? "не оценивается", explanation: explainRisk(y.risk) });
    rows.push({
      item: "ШНОР",
      value: y.risk.shnor ? "да" : "нет",
      explanation: y.risk.shnor
        ? `Сработал фактор ${SHNOR_FACTORS}: ОО относится к школам с низкими результатами обучения.`
        : `Факторы ${factorLabel("R1")} и ${factorLabel("R2")} не сработали.`,
    });
    rows.push({
      item: "ШНСУ",
      value: y.risk.shnsu ? "да" : "нет",
      explanation: y.risk.shnsu
        ? `Сработал фактор ${factorLabel("R4")}: ОО работает в неблагоприятных социальных условиях.`
        : `Фактор ${factorLabel("R4")} не сработал или индекс социального контекста не задан.`,
    });
  }
  if (s.stability)
    rows.push({
      item: "Стабильность результатов",
      value: s.stability.status ?? "не определена",
      explanation: explainStability(s.stability, s.cluster),
    });
  if (s.stableAbsence)
    rows.push({
      item: "Признаки необъективности за несколько лет",
      value: s.stableAbsence.stable ? "стабильно отсутствуют" : "не подтверждено",
      explanation: explainStableAbsence(s.stableAbsence),
    });

  const findings: SchoolFinding[] = [];
  const status = y ? [y.risk.shnor ? "ШНОР" : "", y.risk.shnsu ? "ШНСУ" : ""].filter(Boolean) : [];
  if (y && status.length) {
    const fired = y.risk.factors.filter((f) => f.fired && f.id !== "R6");
    const focus = fired.map(factorFocus).filter(Boolean).join("; ");
    findings.push({
      rule: "SCHOOL_SHNOR",
      direction: VSOKO_DIRECTIONS.minimumProcedures,
      aspect: VSOKO_ASPECTS.conditions,
      context: `Результаты ${year} г. в сравнении с ОО муниципалитета`,
      text: `ОО относится к ${status.join(" и ")} (${fired.map((f) => `${f.id} ${FACTOR_NAMES[f.id] ?? ""}`.trim()).join("; ")}). ${explainRisk(y.risk)}`,
      focus: focus || undefined,
    });
  }
  const level = y?.risk.level;
  const description = y
    ? `Риск ${year} г.: ${level ?? "не оценивается"}${status.length ? `; ${status.join(", ")}` : ""}; кластер «${s.cluster.label}»${s.stability?.status ? `; ${s.stability.status} результаты` : ""}. Данные — по формам ОО муниципалитета «${ctx.municipalityName}».`
    : `За ${year} г. у ОО нет результатов для сравнения с муниципалитетом.`;
  return { findings, table: { id: "standing", title: TITLE, description, columns: COLUMNS, rows } };
}

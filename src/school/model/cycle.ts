/**
 * The school's management cycle in its own report (ВСОКО), evaluated exactly as the municipal
 * summary evaluates it (evaluateSchoolCycle): the findings of this report — the school's fired
 * signs of objectivity of the year and, when the report is built with the municipality's forms,
 * its ШНОР/ШНСУ status — are what steps 6–8 must answer, so a school flagged O2 sees «разрыв на
 * этапе 7: нет мер по признаку O2 (…)» here as in the summary. Pure.
 */
import { formatDateRu, nextStepText } from "../../core/cycle";
import { countRu } from "../../core/values";
import { cycleFindingsOf, evaluateSchoolCycle } from "../../summary/model/cycle-findings";
import { effectCells, effectColumns, RESPONSE_COLUMNS, responseCells } from "../../summary/model/cycle-rows";
import { clean, type CellData, type Table } from "../../summary/model/table";
import type { ReportContext } from "./context";

/** The evaluation date: the book's reporting date when given, else 31 December of the report's year. */
export function cycleEvaluationDate(ctx: ReportContext): string {
  return ctx.opts.cycleEvaluationDate ?? `${ctx.opts.year}-12-31`;
}

export function cycleTables(ctx: ReportContext): Table[] {
  const year = ctx.opts.year;
  const evaluationDate = cycleEvaluationDate(ctx);
  const login = ctx.report.passport.login;
  // With the municipality, the same analysis as the summary (signs and risk); alone, the report's signs only.
  const y = ctx.standing?.years.find((x) => x.year === year);
  const findings = y
    ? cycleFindingsOf(login, year, y.signs, y.risk)
    : cycleFindingsOf(login, year, ctx.signs.get(year) ?? [], null);
  const e = evaluateSchoolCycle(ctx.report, findings, { year, evaluationDate, profile: ctx.p });
  const noCycle = !ctx.report.cycle.some((r) => r.year === year);

  const statusRows: Record<string, CellData>[] = e.directions.map((d) => ({
    direction: `${d.code}. ${d.shortName}`,
    status: d.statusText,
    score: d.score === null ? null : clean(d.score),
    level: d.level ?? "",
    overdue: d.overdueCount,
    next: d.nextSteps[0] ? nextStepText(d.nextSteps[0]) : "",
    indicators: d.indicators.join(" "),
  }));
  const closed = e.directions.filter((d) => d.status === "closed").length;
  const withData = e.directions.filter((d) => d.status !== "noData").length;
  const gaps = e.directions.filter((d) => d.status === "gap").length;
  const risk = y
    ? ""
    : " Статус ШНОР/ШНСУ не определялся: для него нужны формы других ОО муниципалитета (msoko school-report ФОРМА.xlsx ФОРМЫ_ДРУГИХ_ОО…).";
  const status: Table = {
    id: "cycleStatus",
    title: `Управленческий цикл ОО, ${year}: статус направлений`,
    description:
      `Оценка на ${formatDateRu(evaluationDate)} по листу «Цикл» формы — так же, как в своде МОУО. ` +
      (noCycle
        ? `В листе «Цикл» нет строк ${year} года.`
        : `Замкнуто направлений: ${closed} из ${withData}; с разрывом: ${gaps}.`) +
      ` Выводы анализа ${year} года (признаки необъективности, статус ШНОР/ШНСУ) требуют ответа на этапах ${ctx.p.values["cycle.findingFirstStep"]}–${ctx.p.values["cycle.findingLastStep"]}.${risk}`,
    columns: [
      { id: "direction", header: "Направление", kind: "text", width: 28 },
      { id: "status", header: "Статус", kind: "text", width: 50 },
      { id: "score", header: "Балл, %", kind: "percent" },
      { id: "level", header: "Уровень", kind: "text", width: 10 },
      {
        id: "overdue",
        header: "Просрочено этапов",
        kind: "integer",
        highlight: { operator: "greaterThan", value: 0, tone: "bad" },
      },
      { id: "next", header: "Следующий шаг", kind: "text", width: 60 },
      { id: "indicators", header: "Показатели направления", kind: "text", width: 40 },
    ],
    rows: statusRows,
  };

  const responseRows: Record<string, CellData>[] = e.directions.flatMap((d) =>
    d.responses.map((r) => responseCells(d, r)),
  );
  const answered = responseRows.filter((r) => r.responded === "да").length;
  const responses: Table = {
    id: "cycleResponses",
    title: `Выводы анализа и ответ управленческого цикла ОО (${year})`,
    description: responseRows.length
      ? `Ответ есть, если на каждом из этапов ${ctx.p.values["cycle.findingFirstStep"]}–${ctx.p.values["cycle.findingLastStep"]} есть строка листа «Цикл» со ссылкой на вывод в столбце «Связь с выводом». Цикл ответил на ${answered} из ${countRu(responseRows.length, ["вывода", "выводов", "выводов"])}.`
      : `За ${year} год анализ не выявил признаков необъективности и статусов ШНОР/ШНСУ, требующих ответа цикла.`,
    columns: RESPONSE_COLUMNS,
    rows: responseRows,
  };

  const effectRows: Record<string, CellData>[] = e.directions.flatMap((d) => d.effects.map((x) => effectCells(d, x)));
  const tables = [status, responses];
  if (effectRows.length)
    tables.push({
      id: "cycleEffects",
      title: `Эффективность мер ${year - 1} года по данным ${year} года (этап 9)`,
      description: "Меры (этап 7) с целевым показателем сравниваются с тем же показателем следующего года.",
      columns: effectColumns(year),
      rows: effectRows,
    });
  return tables;
}

/**
 * Analyses 1–3 of the school report: individual results by class (codes only), statistics of
 * marks per class with the municipality's and the region's references and the dynamics of the
 * share of «2», and the comparison with journal marks (lowered / confirmed / raised, gaps ≥ 2 by
 * participant code). Each table's description is its generated conclusion.
 */
import { confirmation, markedCount } from "../../core/indicators";
import type { MarkCounts, ParticipantRow, ReferenceResult } from "../../core/model";
import { explainSign } from "../../core/analysis/explain";
import type { UnitStats } from "../../core/context/units";
import { clean, type CellData, type Column, type Table } from "../../summary/model/table";
import { canonical, unitKey } from "../../core/context/units";
import { classesOf, importedReferences, type ReportContext, type TestInfo } from "./context";
import { objectivitySign } from "./objectivity";
import { VSOKO_ASPECTS, VSOKO_DIRECTIONS, type AnalysisPart, type SchoolFinding } from "./findings";
import { levelShares } from "./tasks";
import { bySubjectRu, genitiveCount, participantsRu, pct, pctOrNone, testTitle } from "./text";
import { formatPointsRu } from "../../core/values";

const byClassThenCode = (a: ParticipantRow, b: ParticipantRow) =>
  a.className.localeCompare(b.className, "ru", { numeric: true }) ||
  a.code.localeCompare(b.code, "ru", { numeric: true });

function mean(values: readonly (number | null)[]): number | null {
  const xs = values.filter((v): v is number => v !== null);
  return xs.length ? xs.reduce((s, v) => s + v, 0) / xs.length : null;
}

// ---------------------------------------------------------------- a. individual results

export function individualPart(ctx: ReportContext): AnalysisPart {
  const tables: Table[] = ctx.tests.map((t, i) => {
    const rows = [...t.participants].sort(byClassThenCode).map((p) => {
      const s = t.taskSet ? levelShares(p, t.taskSet) : { basic: null, advanced: null };
      return {
        className: p.className,
        code: p.code,
        score: p.score,
        mark: p.mark,
        journal: p.journalMark,
        basic: clean(s.basic),
        advanced: clean(s.advanced),
      };
    });
    const k = classesOf(t.participants).length;
    let conclusion = `${testTitle(t)}: ${participantsRu(rows.length)} из ${genitiveCount(k, ["класса", "классов"])}`;
    if (!rows.length)
      conclusion = `${testTitle(t)}: на листе «Участники» нет участников этой работы — индивидуальные результаты не показаны.`;
    else if (t.taskSet) {
      const b = mean(rows.map((r) => r.basic));
      const a = mean(rows.map((r) => r.advanced));
      conclusion += `; в среднем участник набрал ${pctOrNone(b)} баллов заданий базового уровня (Б) и ${pctOrNone(a)} — повышенного и высокого уровня (П/В).`;
    } else conclusion += "; перечня заданий нет (лист «Задания»), поэтому доли баллов Б и П/В не рассчитаны.";
    return {
      id: `ind${i + 1}`,
      title: `Индивидуальные результаты: ${testTitle(t)}`,
      description: conclusion,
      columns: [
        { id: "className", header: "Класс", kind: "text", width: 8 },
        { id: "code", header: "Код участника", kind: "text", width: 14 },
        { id: "score", header: "Первичный балл", kind: "score" },
        { id: "mark", header: "Отметка", kind: "integer" },
        { id: "journal", header: "Отметка по журналу", kind: "integer" },
        { id: "basic", header: "Баллы заданий Б, % от максимума", kind: "percent", width: 14 },
        { id: "advanced", header: "Баллы заданий П/В, % от максимума", kind: "percent", width: 14 },
      ],
      rows,
    } satisfies Table;
  });
  return { tables, findings: [] };
}

// ---------------------------------------------------------------- b. statistics of marks

const MARK_COLUMNS: Column[] = [
  { id: "n", header: "Участников с отметкой", kind: "integer" },
  { id: "n5", header: "«5»", kind: "integer", width: 7 },
  { id: "n4", header: "«4»", kind: "integer", width: 7 },
  { id: "n3", header: "«3»", kind: "integer", width: 7 },
  { id: "n2", header: "«2»", kind: "integer", width: 7 },
  { id: "success", header: "Успеваемость, %", kind: "percent", formula: 'IF({n}>0,({n5}+{n4}+{n3})/{n}*100,"")' },
  { id: "quality", header: "Качество знаний, %", kind: "percent", formula: 'IF({n}>0,({n5}+{n4})/{n}*100,"")' },
  { id: "share2", header: "Доля «2», %", kind: "percent", formula: 'IF({n}>0,{n2}/{n}*100,"")' },
  { id: "share5", header: "Доля «5», %", kind: "percent", formula: 'IF({n}>0,{n5}/{n}*100,"")' },
  {
    id: "meanMark",
    header: "Средняя отметка",
    kind: "mark",
    formula: 'IF({n}>0,(5*{n5}+4*{n4}+3*{n3}+2*{n2})/{n},"")',
  },
];

/** The row values of a mark distribution; «2» holds «1» too (ВПР has none), as the formulas read it. */
export function markRow(c: MarkCounts): Record<string, CellData> {
  const n = markedCount(c);
  const n2 = c.n2 + (c.n1 ?? 0);
  const sh = (x: number) => (n > 0 ? clean((x * 100) / n) : null);
  return {
    n,
    n5: c.n5,
    n4: c.n4,
    n3: c.n3,
    n2,
    success: sh(c.n5 + c.n4 + c.n3),
    quality: sh(c.n5 + c.n4),
    share2: sh(n2),
    share5: sh(c.n5),
    meanMark: n > 0 ? clean((5 * c.n5 + 4 * c.n4 + 3 * c.n3 + 2 * n2) / n) : null,
  };
}

function countsOf(rows: readonly ParticipantRow[]): MarkCounts {
  const c: MarkCounts = { n5: 0, n4: 0, n3: 0, n2: 0 };
  for (const r of rows) {
    if (r.mark === 5) c.n5++;
    else if (r.mark === 4) c.n4++;
    else if (r.mark === 3) c.n3++;
    else if (r.mark === 2) c.n2++;
    else if (r.mark === 1) c.n1 = (c.n1 ?? 0) + 1;
  }
  return c;
}

/** Per-class mark counts: from participants, else from the form's class rows of «Результаты». */
function classCounts(ctx: ReportContext, t: TestInfo): [string, MarkCounts][] {
  if (t.participants.length)
    return classesOf(t.participants).map((c) => [c, countsOf(t.participants.filter((p) => p.className.trim() === c))]);
  return ctx.report.results
    .filter(
      (r) =>
        r.marks &&
        r.className.trim() !== "" &&
        r.procedure === t.procedure &&
        r.year === t.year &&
        r.grade === t.grade &&
        canonical(r.subject) === t.subject,
    )
    .map((r) => [r.className.trim(), r.marks!] as [string, MarkCounts]);
}

interface RefRow {
  label: string;
  marks: MarkCounts;
  quality: number | null;
}

function referenceRows(ctx: ReportContext, t: TestInfo): RefRow[] {
  const out: RefRow[] = [];
  const imported = importedReferences(ctx, t).filter((r: ReferenceResult) => r.marks && markedCount(r.marks) > 0);
  const hasMunicipal = imported.some((r) => r.level === "municipality");
  if (!hasMunicipal && t.pooled?.marks)
    out.push(refRow(`Муниципалитет «${ctx.municipalityName}» (все ОО)`, t.pooled.marks));
  for (const r of imported)
    out.push(refRow(`${r.level === "region" ? "Регион" : "Муниципалитет"} «${r.name}»`, r.marks!));
  return out;
}

function refRow(label: string, marks: MarkCounts): RefRow {
  const n = markedCount(marks);
  return { label, marks, quality: n ? ((marks.n5 + marks.n4) * 100) / n : null };
}

export function statisticsPart(ctx: ReportContext): AnalysisPart {
  const rows: Record<string, CellData>[] = [];
  const sentences: string[] = [];
  for (const t of ctx.tests) {
    const base = { grade: t.grade, subject: t.subject };
    for (const [c, marks] of classCounts(ctx, t)) rows.push({ ...base, unit: c, ...markRow(marks) });
    if (!t.unit.marks) continue;
    const own = markRow(t.unit.marks);
    rows.push({ ...base, unit: `${t.grade} класс (параллель)`, ...own });
    const refs = referenceRows(ctx, t);
    for (const r of refs) rows.push({ ...base, unit: r.label, ...markRow(r.marks) });
    const refText = refs
      .filter((r) => r.quality !== null)
      .map((r) => `${r.label.split(" ")[0].toLowerCase()} — ${pct(r.quality!)}`)
      .join(", ");
    sentences.push(
      `${bySubjectRu(t.subject)} в ${t.grade} классе — ${pctOrNone(own.quality as number | null)}${refText ? ` (${refText})` : ""}, доля «2» — ${pctOrNone(own.share2 as number | null)}`,
    );
  }
  const conclusion = sentences.length
    ? `Качество знаний ${sentences.join("; ")}.`
    : `Нет результатов ${ctx.opts.procedure} ${ctx.opts.year} по выбранным классам и предметам.`;
  const stats: Table = {
    id: "marks",
    title: `Статистика отметок: ${ctx.opts.procedure} ${ctx.opts.year}, по классам, с эталонами`,
    description: conclusion,
    columns: [
      { id: "grade", header: "Параллель", kind: "integer", width: 9 },
      { id: "subject", header: "Предмет", kind: "text", width: 18 },
      { id: "unit", header: "Класс / эталон", kind: "text", width: 30 },
      ...MARK_COLUMNS,
    ],
    rows,
  };
  const dyn = share2Dynamics(ctx);
  return { tables: [stats, dyn.table], findings: dyn.findings, charts: [] };
}

/** Years of the dynamics: those with data up to the chosen year, at most the last five. */
function dynamicsYears(ctx: ReportContext): number[] {
  const years = new Set<number>();
  for (const t of ctx.tests) {
    for (const u of ctx.units.values())
      if (
        u.procedure === t.procedure &&
        u.grade === t.grade &&
        u.subject === t.subject &&
        u.year <= ctx.opts.year &&
        u.marks
      )
        years.add(u.year);
  }
  return [...years].sort((a, b) => a - b).slice(-5);
}

export const SHARE2_RISE_LABEL = "рост доли «2»";
export const SMALL_LABEL = "мало участников";

function share2Dynamics(ctx: ReportContext): { table: Table; findings: SchoolFinding[] } {
  const years = dynamicsYears(ctx);
  const rise = ctx.p.values["dynamics.share2Rise"];
  const minN = ctx.p.values["sample.approximate"];
  const cur = ctx.opts.year;
  const prev = years.length > 1 && years[years.length - 1] === cur ? years[years.length - 2] : null;
  const findings: SchoolFinding[] = [];
  const notes: string[] = [];
  const rows = ctx.tests.map((t) => {
    const row: Record<string, CellData> = { grade: t.grade, subject: t.subject };
    const at = (y: number): UnitStats | undefined => ctx.units.get(unitKey(t.procedure, y, t.grade, t.subject));
    for (const y of years) {
      const m = at(y)?.marks;
      row[`y${y}`] = m ? (markRow(m).share2 as number | null) : null;
    }
    const nCur = at(cur)?.marks ? markedCount(at(cur)!.marks!) : 0;
    const nPrev = prev !== null && at(prev)?.marks ? markedCount(at(prev)!.marks!) : 0;
    row.n = nCur;
    // From the stored (rounded) values, as the sheet's formula computes it.
    const a = prev === null ? null : (row[`y${prev}`] as number | null);
    const b = row[`y${cur}`] as number | null;
    const d = a === null || b === null ? null : clean(b - a);
    row.delta = d;
    let status = "";
    if (d !== null && (nCur < minN || nPrev < minN)) status = SMALL_LABEL;
    else if (d !== null && d >= rise - 1e-9) {
      status = SHARE2_RISE_LABEL;
      const text = `доля «2» выросла с ${pct(row[`y${prev}`] as number)} в ${prev} г. до ${pct(row[`y${cur}`] as number)} в ${cur} г. (${formatPointsRu(d)}; порог ${formatPointsRu(rise)}, N = ${nCur})`;
      notes.push(`${bySubjectRu(t.subject)} в ${t.grade} классе ${text}`);
      findings.push({
        rule: "SHARE2_RISE",
        direction: VSOKO_DIRECTIONS.minimumSubjects,
        aspect: VSOKO_ASPECTS.methods,
        context: testTitle(t),
        text: `Отрицательная динамика: ${text}.`,
        focusItems: [{ subject: t.subject, grade: t.grade, value: row[`y${cur}`] as number }],
        focusWhat: "доля «2»",
      });
    }
    row.status = status;
    return row;
  });
  const small = rows.filter((r) => r.status === SMALL_LABEL).length;
  let conclusion: string;
  if (prev === null)
    conclusion = `Динамику оценить нельзя: в форме нет результатов ${ctx.opts.procedure} тех же параллелей и предметов за предыдущие годы.`;
  else if (notes.length)
    conclusion = `Отрицательная динамика (рост доли «2» не менее чем на ${formatPointsRu(rise).replace("+", "")}): ${notes.join("; ")}.`;
  else conclusion = `Роста доли «2» на ${formatPointsRu(rise).replace("+", "")} и более к ${prev} г. не выявлено.`;
  if (small) conclusion += ` Строк с малым числом участников (менее ${minN}): ${small} — они не оцениваются.`;
  return {
    findings,
    table: {
      id: "share2dyn",
      title: `Динамика доли «2»: ${ctx.opts.procedure}, ${years.length ? `${years[0]}–${years[years.length - 1]}` : "нет лет с данными"}`,
      description: conclusion,
      columns: [
        { id: "grade", header: "Параллель", kind: "integer", width: 9 },
        { id: "subject", header: "Предмет", kind: "text", width: 18 },
        ...years.map((y): Column => ({ id: `y${y}`, header: `Доля «2» в ${y} г., %`, kind: "percent" })),
        { id: "n", header: `Участников в ${cur} г.`, kind: "integer" },
        prev === null
          ? { id: "delta", header: "Изменение, п.п.", kind: "points" }
          : {
              id: "delta",
              header: `Изменение ${prev}→${cur}, п.п.`,
              kind: "points",
              formula: `IF(AND(ISNUMBER({y${cur}}),ISNUMBER({y${prev}})),{y${cur}}-{y${prev}},"")`,
            },
        {
          id: "status",
          header: "Оценка",
          kind: "text",
          width: 18,
          highlight: { operator: "equal", value: SHARE2_RISE_LABEL, tone: "bad" },
        },
      ],
      rows,
    },
  };
}

// ---------------------------------------------------------------- c. journal marks

export function journalPart(ctx: ReportContext): AnalysisPart {
  const summary: Record<string, CellData>[] = [];
  const gaps: Record<string, CellData>[] = [];
  const sentences: string[] = [];
  const findings: SchoolFinding[] = [];
  for (const t of ctx.tests) {
    const pairs = t.participants.filter(
      (p) => p.mark !== null && p.journalMark !== null && p.journalMark >= 1 && p.journalMark <= 5,
    );
    if (!pairs.length) continue;
    const add = (unit: string, list: ParticipantRow[]) => {
      const c = confirmation(
        list.map((p) => p.mark!),
        list.map((p) => p.journalMark!),
      );
      summary.push({
        grade: t.grade,
        subject: t.subject,
        unit,
        n: c.n,
        lowered: c.lowered,
        confirmed: c.confirmed,
        raised: c.raised,
        gap2: c.gap2,
        loweredShare: clean((c.lowered * 100) / c.n),
        confirmedShare: clean((c.confirmed * 100) / c.n),
        raisedShare: clean((c.raised * 100) / c.n),
        gap2Share: clean((c.gap2 * 100) / c.n),
      });
      return c;
    };
    for (const c of classesOf(pairs))
      add(
        c,
        pairs.filter((p) => p.className.trim() === c),
      );
    const all = add(`${t.grade} класс (параллель)`, pairs);
    for (const p of [...pairs].sort(byClassThenCode)) {
      if (Math.abs(p.mark! - p.journalMark!) >= 2)
        gaps.push({
          grade: t.grade,
          subject: t.subject,
          className: p.className,
          code: p.code,
          mark: p.mark,
          journal: p.journalMark,
          diff: p.mark! - p.journalMark!,
        });
    }
    let s =
      `${bySubjectRu(t.subject)} в ${t.grade} классе отметки по журналу подтвердили ${pct((all.confirmed * 100) / all.n)} участников, ` +
      `понизили ${pct((all.lowered * 100) / all.n)}, повысили ${pct((all.raised * 100) / all.n)}; расхождение на 2 отметки и более — у ${genitiveCount(all.gap2, ["участника", "участников"])} (${pct((all.gap2 * 100) / all.n)})`;
    const sign = objectivitySign(ctx, "O1", t);
    const minN = ctx.p.values["objectivity.minN"];
    if (!sign || !sign.evaluated) {
      const why = sign?.reasonNotEvaluated ?? "нет отметок по журналу";
      s += ` — признак O1 не оценивался: ${why}${all.n < minN ? ` (N = ${all.n}, нужно не менее ${minN})` : ""}`;
    } else if (sign.fired) {
      s += " — признак O1 (требует анализа)";
      const share = sign.numbers.gap2Fired === 1 ? sign.numbers.gap2Share : sign.numbers.mismatchShare;
      findings.push({
        rule: "SCHOOL_O1",
        direction: VSOKO_DIRECTIONS.objectivity,
        aspect: VSOKO_ASPECTS.assessment,
        context: testTitle(t),
        text: `Несоответствие отметкам по журналу. ${explainSign(sign)}`,
        focusItems: [{ subject: t.subject, grade: t.grade, value: share }],
        focusWhat:
          sign.numbers.gap2Fired === 1
            ? "расхождение с журналом на 2 отметки и более у"
            : "не совпали с журналом отметки у",
      });
    } else s += " — признак O1 не выявлен";
    sentences.push(s);
  }
  const conclusion = sentences.length
    ? `${sentences.map((x) => x.charAt(0).toUpperCase() + x.slice(1)).join(". ")}.`
    : "Отметок по журналу на листе «Участники» нет: сравнение не выполнено.";
  const shareCols: Column[] = [
    { id: "loweredShare", header: "Понизили, %", kind: "percent", formula: 'IF({n}>0,{lowered}/{n}*100,"")' },
    { id: "confirmedShare", header: "Подтвердили, %", kind: "percent", formula: 'IF({n}>0,{confirmed}/{n}*100,"")' },
    { id: "raisedShare", header: "Повысили, %", kind: "percent", formula: 'IF({n}>0,{raised}/{n}*100,"")' },
    {
      id: "gap2Share",
      header: "Расхождение ≥ 2 отметок, %",
      kind: "percent",
      formula: 'IF({n}>0,{gap2}/{n}*100,"")',
      highlight: { operator: "greaterThanOrEqual", value: ctx.p.values["o1.gap2Share"], tone: "warn" },
    },
  ];
  return {
    findings,
    tables: [
      {
        id: "journal",
        title: `Сравнение с отметками по журналу: ${ctx.opts.procedure} ${ctx.opts.year}`,
        description: conclusion,
        columns: [
          { id: "grade", header: "Параллель", kind: "integer", width: 9 },
          { id: "subject", header: "Предмет", kind: "text", width: 18 },
          { id: "unit", header: "Класс", kind: "text", width: 20 },
          { id: "n", header: "Сравнено пар отметок", kind: "integer" },
          { id: "lowered", header: "Понизили (отметка < журнала)", kind: "integer" },
          { id: "confirmed", header: "Подтвердили", kind: "integer" },
          { id: "raised", header: "Повысили (отметка > журнала)", kind: "integer" },
          { id: "gap2", header: "Расхождение ≥ 2 отметок", kind: "integer" },
          ...shareCols,
        ],
        rows: summary,
      },
      {
        id: "gaps",
        title: "Участники с расхождением на 2 отметки и более (только коды)",
        description: gaps.length
          ? `Всего ${participantsRu(gaps.length)} с расхождением на 2 отметки и более.`
          : "Участников с расхождением на 2 отметки и более нет.",
        columns: [
          { id: "grade", header: "Параллель", kind: "integer", width: 9 },
          { id: "subject", header: "Предмет", kind: "text", width: 18 },
          { id: "className", header: "Класс", kind: "text", width: 8 },
          { id: "code", header: "Код участника", kind: "text", width: 14 },
          { id: "mark", header: "Отметка за работу", kind: "integer" },
          { id: "journal", header: "Отметка по журналу", kind: "integer" },
          { id: "diff", header: "Разница", kind: "integer", formula: "{mark}-{journal}" },
        ],
        rows: gaps,
      },
    ],
  };
}

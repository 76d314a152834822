/**
 * Analyses 4–6 of the school report: the distribution of raw scores with the mark boundaries and
 * boundary peaks (engineer E's O2 logic: `boundariesOf`, `signO2`), task completion with the
 * adequacy bands and deficits grouped by skill (tasks.ts), and completion by mark groups.
 * Small groups are labelled «мало участников», never flagged.
 */
import { explainSign } from "../../core/analysis/explain";
import { markScale } from "../../core/profile";
import { boundariesOf } from "../../core/objectivity/o2-peaks";
import type { ReferenceResult } from "../../core/model";
import { clean, type CellData, type Column, type Table } from "../../summary/model/table";
import type { SheetChart } from "../../summary/model/sheets";
import { importedReferences, type ReportContext, type TestInfo } from "./context";
import { objectivitySign } from "./objectivity";
import { VSOKO_ASPECTS, VSOKO_DIRECTIONS, type AnalysisPart, type SchoolFinding } from "./findings";
import { ADEQUACY_LABELS, completionByMark, deficits, taskResults, type TaskResult } from "./tasks";
import { num, participantsRu, pct, tasksRu, testTitle } from "./text";

export const SMALL = "мало участников";
export const PEAK_LABEL = "пик на границе (O2)";

// ---------------------------------------------------------------- d. raw scores

export function scoresPart(ctx: ReportContext): AnalysisPart {
  const tables: Table[] = [];
  const charts: SheetChart[] = [];
  const findings: SchoolFinding[] = [];
  const boundaryRows: Record<string, CellData>[] = [];
  const sentences: string[] = [];
  const minN = ctx.p.values["o2.minN"];
  for (const t of ctx.tests) {
    const h = t.unit.scores;
    if (!h || t.unit.scored === 0) continue;
    const seenMax = Math.max(...h.keys());
    const scale = markScale(ctx.p, t.procedure, t.year, t.grade, t.subject);
    const max = Math.max(
      seenMax,
      t.taskSet?.tasks.length ? t.taskSet.tasks.reduce((s, x) => s + x.max, 0) : (scale?.max ?? seenMax),
    );
    const { list, inferred } = boundariesOf(t.unit, t.pooled, ctx.p);
    // The boundary scores carry their mark in the label, so the chart's axis shows the boundaries.
    const markAt = new Map(list.map((b) => [b.score, b.mark]));
    const rows: Record<string, CellData>[] = [];
    for (let s = 0; s <= max; s++)
      rows.push({ score: markAt.has(s) ? `${s} («${markAt.get(s)}»)` : String(s), count: h.get(s) ?? 0 });
    const sign = objectivitySign(ctx, "O2", t);
    const small = t.unit.scored < minN;
    for (const b of list) {
      const fired = !!sign?.fired && sign.numbers.boundary === b.score;
      boundaryRows.push({
        grade: t.grade,
        subject: t.subject,
        mark: `«${b.mark}»`,
        score: b.score,
        at: h.get(b.score) ?? 0,
        below: h.get(b.score - 1) ?? 0,
        source: inferred ? "по парам «балл — отметка»" : "шкала методики",
        status: small ? SMALL : fired ? PEAK_LABEL : "",
      });
    }
    const meanScore = t.unit.scoreSum / t.unit.scored;
    let s = `${testTitle(t)}: ${participantsRu(t.unit.scored)}, средний первичный балл ${num(meanScore, 1)} из ${max}`;
    s += list.length
      ? `; границы отметок ${list.map((b) => `«${b.mark}» от ${b.score}`).join(", ")} (${inferred ? "определены по парам «балл — отметка»" : "по шкале методики"})`
      : "; границы отметок неизвестны";
    if (small) s += `; пики на границах не проверялись — ${SMALL} (${t.unit.scored} при пороге ${minN})`;
    else if (sign && !sign.evaluated) s += `; пики на границах не проверялись — ${sign.reasonNotEvaluated}`;
    else if (sign?.fired) {
      s += `; пик на границе отметки «${sign.numbers.mark}» (балл ${sign.numbers.boundary}: ${sign.numbers.countAt} против ${sign.numbers.countBelow} на балл ниже) — признак O2, требует анализа`;
      findings.push({
        rule: "SCHOOL_O2",
        direction: VSOKO_DIRECTIONS.objectivity,
        aspect: VSOKO_ASPECTS.assessment,
        context: testTitle(t),
        text: `Пик первичных баллов на границе отметки. ${explainSign(sign)}`,
        focusItems: [{ subject: t.subject, grade: t.grade }],
      });
    } else if (sign) s += "; пиков на границах отметок не выявлено";
    sentences.push(s);
    charts.push({
      table: tables.length,
      type: "columnClustered",
      title: `Распределение первичных баллов: ${t.grade} класс, ${t.subject}`,
    });
    tables.push({
      id: `dist${tables.length + 1}`,
      title: `Распределение первичных баллов: ${testTitle(t)}`,
      description: `${s}.`,
      columns: [
        { id: "score", header: "Первичный балл (граница отметки)", kind: "text", width: 12 },
        { id: "count", header: "Участников", kind: "integer" },
      ],
      rows,
    });
  }
  const boundaries: Table = {
    id: "bounds",
    title: "Границы отметок и пики на границах",
    description: sentences.length
      ? `Пик проверяется при участниках не менее ${minN}: на пограничном балле не менее ${ctx.p.values["o2.minPeak"]} участников, в ${num(ctx.p.values["o2.ratio"])} раза больше, чем на балл ниже, и биномиальный тест против эталона (p < ${num(ctx.p.values["o2.alpha"], 4)}).`
      : "Первичных баллов участников в форме нет: распределение не построено.",
    columns: [
      { id: "grade", header: "Параллель", kind: "integer", width: 9 },
      { id: "subject", header: "Предмет", kind: "text", width: 18 },
      { id: "mark", header: "Отметка", kind: "text", width: 8 },
      { id: "score", header: "Пограничный балл", kind: "integer" },
      { id: "at", header: "Участников на границе", kind: "integer" },
      { id: "below", header: "На балл ниже", kind: "integer" },
      { id: "source", header: "Откуда граница", kind: "text", width: 22 },
      {
        id: "status",
        header: "Оценка",
        kind: "text",
        width: 20,
        highlight: { operator: "equal", value: PEAK_LABEL, tone: "bad" },
      },
    ],
    rows: boundaryRows,
  };
  // The boundaries table goes first: charts keep their table indices shifted by one.
  return { tables: [boundaries, ...tables], charts: charts.map((c) => ({ ...c, table: c.table + 1 })), findings };
}

// ---------------------------------------------------------------- e. task completion

/** The reference's completion per task: an imported «Выполнение заданий», else the pooled municipality. */
function referenceCompletion(ctx: ReportContext, t: TestInfo): { label: string; values: (number | null)[] } | null {
  const set = t.taskSet;
  if (!set) return null;
  const imported = importedReferences(ctx, t).find((r: ReferenceResult) => r.taskCompletion?.length);
  if (imported) {
    const byNumber = new Map(imported.taskCompletion!.map((x) => [x.number.trim(), x.percent]));
    return {
      label: imported.level === "region" ? "Регион, %" : "Муниципалитет, %",
      values: set.tasks.map((x) => byNumber.get(x.number.trim()) ?? null),
    };
  }
  const pooled = t.pooled?.tasks;
  if (!pooled || pooled.n === 0) return null;
  return {
    label: "Муниципалитет (все ОО), %",
    values: set.tasks.map((x, j) =>
      x.max > 0 && j < pooled.sums.length ? clean((pooled.sums[j] * 100) / (pooled.n * x.max)) : null,
    ),
  };
}

export function tasksPart(ctx: ReportContext): AnalysisPart {
  const tables: Table[] = [];
  const charts: SheetChart[] = [];
  const findings: SchoolFinding[] = [];
  const deficitRows: Record<string, CellData>[] = [];
  const v = ctx.p.values;
  const approx = v["sample.approximate"];
  for (const t of ctx.tests) {
    const set = t.taskSet;
    if (!set || !t.participants.length) continue;
    const results = taskResults(t.participants, set, ctx.p);
    const ref = referenceCompletion(ctx, t);
    const rows = results.map((r, j) => ({
      number: r.number,
      level: r.level,
      max: r.max,
      skill: r.skill ?? "",
      n: r.n,
      completion: clean(r.completion),
      ...(ref
        ? {
            ref: ref.values[j],
            diff: r.completion !== null && ref.values[j] !== null ? clean(clean(r.completion)! - ref.values[j]!) : null,
          }
        : {}),
      adequacy: r.adequacy ? ADEQUACY_LABELS[r.adequacy] : "",
    }));
    const defs = deficits(results);
    const n = t.participants.length;
    const smallNote = n < approx ? ` (${SMALL}: N = ${n}, вывод ориентировочный)` : "";
    const insufficient = results.filter((r) => r.adequacy === "insufficient");
    const grey = results.filter((r) => r.adequacy === "grey");
    let s = `${testTitle(t)}: из ${tasksRu(results.length)} на недостаточном уровне ${insufficient.length ? `выполнены ${insufficient.length} (${insufficient.map(taskRu).join(", ")})` : "не выполнено ни одно"}`;
    if (grey.length) s += `, в пограничной зоне — ${grey.length} (${grey.map(taskRu).join(", ")})`;
    s += smallNote;
    for (const d of defs) {
      const meanC = d.tasks.reduce((acc, x) => acc + (x.completion ?? 0), 0) / d.tasks.length;
      deficitRows.push({
        grade: t.grade,
        subject: t.subject,
        skill: d.skill,
        tasks: d.tasks.map((x) => x.number).join(", "),
        levels: [...new Set(d.tasks.map((x) => x.level))].join(", "),
        completion: clean(meanC),
      });
    }
    // One conclusion per test: its deficits grouped by skill (a row per task would bury the decisions).
    if (defs.length) {
      const bySkill = defs.map((d) =>
        d.skill.startsWith("задание ")
          ? d.tasks.map(taskRu).join(", ")
          : `«${d.skill}» (${d.tasks.map(taskRu).join(", ")})`,
      );
      findings.push({
        rule: "TASK_DEFICIT",
        direction: VSOKO_DIRECTIONS.qualitySubjects,
        aspect: VSOKO_ASPECTS.content,
        context: testTitle(t),
        text: `Недостаточный уровень выполнения (Б — ниже ${pct(v["tasks.basicInsufficient"])}, П/В — ниже ${pct(v["tasks.advancedInsufficient"])}): ${bySkill.join("; ")}${smallNote}.`,
        focusItems: [{ subject: t.subject, grade: t.grade }],
      });
    }
    const columns: Column[] = [
      { id: "number", header: "Задание", kind: "text", width: 9 },
      { id: "level", header: "Уровень", kind: "text", width: 8 },
      { id: "max", header: "Макс. балл", kind: "integer", width: 8 },
      { id: "skill", header: "Проверяемое умение (планируемый результат)", kind: "text", width: 36 },
      { id: "n", header: "Участников", kind: "integer" },
      { id: "completion", header: "Выполнение, %", kind: "percent" },
      ...(ref
        ? ([
            { id: "ref", header: ref.label, kind: "percent" },
            {
              id: "diff",
              header: "Разница, п.п.",
              kind: "points",
              formula: 'IF(AND(ISNUMBER({completion}),ISNUMBER({ref})),{completion}-{ref},"")',
            },
          ] satisfies Column[])
        : []),
      {
        id: "adequacy",
        header: "Уровень выполнения",
        kind: "text",
        width: 22,
        highlight: { operator: "equal", value: ADEQUACY_LABELS.insufficient, tone: "bad" },
      },
    ];
    tables.push({
      id: `tasks${tables.length + 1}`,
      title: `Выполнение заданий: ${testTitle(t)}`,
      description: `${s}.`,
      columns,
      rows,
    });
    charts.push({
      table: tables.length,
      type: "columnClustered",
      title: `Выполнение заданий, %: ${t.grade} класс, ${t.subject}`,
    });
    tables.push({
      id: `taskchart${tables.length + 1}`,
      title: `Данные диаграммы: выполнение заданий, ${testTitle(t)}`,
      columns: [
        { id: "number", header: "Задание", kind: "text", width: 9 },
        { id: "completion", header: "ОО, %", kind: "percent" },
        ...(ref ? ([{ id: "ref", header: ref.label, kind: "percent" }] satisfies Column[]) : []),
      ],
      rows: rows.map((r) => ({ number: r.number, completion: r.completion, ...(ref ? { ref: r.ref } : {}) })),
    });
  }
  const band = `базовые задания (Б): от ${pct(v["tasks.basicSufficient"])} — достаточный уровень, ниже ${pct(v["tasks.basicInsufficient"])} — недостаточный; повышенного и высокого уровня (П/В): от ${pct(v["tasks.advancedSufficient"])} и ниже ${pct(v["tasks.advancedInsufficient"])}`;
  const deficitTable: Table = {
    id: "deficits",
    title: "Дефициты: задания с недостаточным уровнем выполнения по проверяемым умениям",
    description: deficitRows.length
      ? `Выявлено дефицитов: ${deficitRows.length} (${band}).`
      : `Заданий с недостаточным уровнем выполнения нет (${band}).`,
    columns: [
      { id: "grade", header: "Параллель", kind: "integer", width: 9 },
      { id: "subject", header: "Предмет", kind: "text", width: 18 },
      { id: "skill", header: "Проверяемое умение (планируемый результат)", kind: "text", width: 40 },
      { id: "tasks", header: "Задания", kind: "text", width: 10 },
      { id: "levels", header: "Уровень", kind: "text", width: 8 },
      { id: "completion", header: "Среднее выполнение заданий, %", kind: "percent" },
    ],
    rows: deficitRows,
  };
  return { tables: [deficitTable, ...tables], charts: charts.map((c) => ({ ...c, table: c.table + 1 })), findings };
}

function taskRu(r: TaskResult): string {
  return `№ ${r.number} — ${r.completion === null ? "нет данных" : pct(r.completion)}`;
}

// ---------------------------------------------------------------- f. mark groups

export function markGroupsPart(ctx: ReportContext): AnalysisPart {
  const tables: Table[] = [];
  const charts: SheetChart[] = [];
  const min = ctx.p.values["sample.group"];
  for (const t of ctx.tests) {
    const set = t.taskSet;
    if (!set || !t.participants.length) continue;
    const groups = completionByMark(t.participants, set, ctx.p);
    const rows = set.tasks.map((x, j) => {
      const r: Record<string, CellData> = { number: x.number };
      for (const g of groups) r[`g${g.mark}`] = g.completion ? clean(g.completion[j]) : null;
      return r;
    });
    const analysed = groups.filter((g) => g.enough && g.n > 0);
    const small = groups.filter((g) => !g.enough && g.n > 0);
    let s = `${testTitle(t)}: `;
    s += analysed.length
      ? `проанализированы группы ${analysed.map((g) => `«${g.mark}» (${participantsRu(g.n)})`).join(", ")}`
      : "ни одна группа не достигает";
    if (!analysed.length) s += ` ${min} участников`;
    if (small.length)
      s += `; ${small.length === 1 ? "группа" : "группы"} ${small.map((g) => `«${g.mark}» (${participantsRu(g.n)})`).join(", ")} меньше ${min} человек — ${SMALL}, выполнение ${small.length === 1 ? "по ней" : "по ним"} не анализируется`;
    const low = analysed.length ? analysed[0] : null;
    if (low) {
      const weakest = rows.reduce<{ n: string; v: number } | null>((w, r) => {
        const val = r[`g${low.mark}`] as number | null;
        return val !== null && (!w || val < w.v) ? { n: String(r.number), v: val } : w;
      }, null);
      if (weakest) s += `; группа «${low.mark}» хуже всего выполнила задание № ${weakest.n} (${pct(weakest.v)})`;
    }
    const idx = tables.length;
    tables.push({
      id: `groups${idx + 1}`,
      title: `Выполнение заданий группами по отметкам: ${testTitle(t)}`,
      description: `${s}.`,
      columns: [
        { id: "number", header: "Задание", kind: "text", width: 9 },
        ...groups.map((g): Column => ({
          id: `g${g.mark}`,
          header: `«${g.mark}», N = ${g.n}${g.enough ? "" : ` (${SMALL})`}, %`,
          kind: "percent",
          width: 14,
        })),
      ],
      rows,
    });
    charts.push({ table: idx, type: "line", title: `Выполнение заданий по группам: ${t.grade} класс, ${t.subject}` });
  }
  return { tables, charts, findings: [] };
}

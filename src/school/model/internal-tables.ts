/**
 * The school's own assessments in its ВСОКО report (regulation 001 §1.7: «результаты контроля
 * знаний по итогам промежуточной аттестации», «отчётные материалы по итогам учебных четвертей»):
 * their dynamics over the school year per class and subject (успеваемость, качество, средняя
 * отметка by period), and the comparison with external procedures (ВПР, ОГЭ, КДР…) of the same
 * class and subject — the gap in quality in п.п. against the profile's threshold. Smallest unit:
 * a class; teachers are never named.
 */
import { canonical } from "../../core/context/units";
import { delta, markedCount, meanMark, quality, successRate } from "../../core/indicators";
import type { InternalResultRow, MarkCounts, ResultRow, SchoolReport } from "../../core/model";
import type { Profile } from "../../core/profile";
import { countRu, formatNumberRu } from "../../core/values";
import { clean, F, type CellData, type Column, type Table } from "../../summary/model/table";
import type { AnalysisPart } from "./findings";
import { bySubjectRu } from "./text";

/** «30,0 п.п.» without a sign: the sentence says which way («выше», «ниже»). */
const pointsRu = (n: number): string => `${formatNumberRu(n, 1)}\u00a0п.п.`;

const PROCEDURE_ORDER = ["Итоги четверти", "Итоги полугодия", "Промежуточная аттестация"];

/** «2 четверть», «1 полугодие», «год (промежуточная аттестация)». */
export function periodLabel(r: Pick<InternalResultRow, "procedure" | "period">): string {
  if (r.procedure === "Итоги четверти") return `${r.period ?? "?"} четверть`;
  if (r.procedure === "Итоги полугодия") return `${r.period ?? "?"} полугодие`;
  return "год (промежуточная аттестация)";
}

/** «в 5А классе», «в параллели 9 классов»: for sentences. */
function inClassRu(cls: { grade: number; className: string }): string {
  return cls.className ? `в ${cls.grade}${cls.className} классе` : `в параллели ${cls.grade} классов`;
}

/** «5А», or «5 (параллель)» for a row of the whole parallel. */
export function classLabel(grade: number, className: string): string {
  return className ? `${grade}${className}` : `${grade} (параллель)`;
}

const order = (r: InternalResultRow) => PROCEDURE_ORDER.indexOf(r.procedure) * 10 + (r.period ?? 9);

function addMarks(a: MarkCounts | undefined, b: MarkCounts): MarkCounts {
  return a ? { n5: a.n5 + b.n5, n4: a.n4 + b.n4, n3: a.n3 + b.n3, n2: a.n2 + b.n2 } : { ...b };
}

const MARK_COLUMNS: Column[] = [
  { id: "n", header: "С отметкой", kind: "integer" },
  { id: "n5", header: "«5»", kind: "integer", width: 7 },
  { id: "n4", header: "«4»", kind: "integer", width: 7 },
  { id: "n3", header: "«3»", kind: "integer", width: 7 },
  { id: "n2", header: "«2»", kind: "integer", width: 7 },
  { id: "success", header: "Успеваемость, %", kind: "percent", formula: F.share("{n5}+{n4}+{n3}", "n") },
  { id: "quality", header: "Качество, %", kind: "percent", formula: F.share("{n5}+{n4}", "n") },
  {
    id: "mean",
    header: "Средняя отметка",
    kind: "mark",
    formula: 'IF({n}>0,(5*{n5}+4*{n4}+3*{n3}+2*{n2})/{n},"")',
  },
];

function markCells(m: MarkCounts): Record<string, CellData> {
  return {
    n: markedCount(m),
    n5: m.n5,
    n4: m.n4,
    n3: m.n3,
    n2: m.n2,
    success: clean(successRate(m)),
    quality: clean(quality(m)),
    mean: clean(meanMark(m)),
  };
}

/** The year's internal rows with marks, by class and subject, periods in school-year order. */
function seriesOf(rows: readonly InternalResultRow[]): Map<string, InternalResultRow[]> {
  const out = new Map<string, InternalResultRow[]>();
  const sorted = [...rows].sort(
    (a, b) =>
      a.grade - b.grade ||
      a.className.localeCompare(b.className, "ru") ||
      canonical(a.subject).localeCompare(canonical(b.subject), "ru") ||
      order(a) - order(b),
  );
  for (const r of sorted) {
    const k = `${r.grade}|${r.className.toLowerCase()}|${canonical(r.subject)}`;
    const list = out.get(k) ?? out.set(k, []).get(k)!;
    list.push(r);
  }
  return out;
}

function dynamicsTable(series: Map<string, InternalResultRow[]>, year: number): Table {
  const rows: Record<string, CellData>[] = [];
  let worst: { drop: number; where: string; subject: string; from: string; to: string } | null = null;
  for (const list of series.values()) {
    let prev: number | null = null;
    const first = list[0];
    for (const r of list) {
      const q = quality(r.marks!);
      rows.push({
        cls: classLabel(r.grade, r.className),
        subject: canonical(r.subject),
        procedure: r.procedure,
        period: periodLabel(r),
        ...markCells(r.marks!),
        dQuality: clean(delta(q, prev)),
      });
      prev = q;
    }
    const last = list[list.length - 1];
    const drop = (quality(first.marks!) ?? 0) - (quality(last.marks!) ?? 0);
    if (list.length > 1 && drop > 0 && (!worst || drop > worst.drop))
      worst = {
        drop,
        where: inClassRu(first),
        subject: canonical(first.subject),
        from: periodLabel(first),
        to: periodLabel(last),
      };
  }
  const conclusion =
    `Внутренняя оценка ${year} г.: ${countRu(series.size, ["строка", "строки", "строк"])} «класс × предмет» по итогам четвертей, полугодий и промежуточной аттестации. ` +
    (worst
      ? `Наибольшее снижение качества за год — ${worst.where} ${bySubjectRu(worst.subject)}: на ${pointsRu(worst.drop)} (${worst.from} → ${worst.to}).`
      : "Снижения качества от первого периода к последнему нет.");
  return {
    id: "internalDynamics",
    title: `Динамика внутренней оценки по периодам, ${year}`,
    description: conclusion,
    columns: [
      { id: "cls", header: "Класс", kind: "text", width: 12 },
      { id: "subject", header: "Предмет", kind: "text", width: 22 },
      { id: "procedure", header: "Процедура", kind: "text", width: 16 },
      { id: "period", header: "Период", kind: "text", width: 16 },
      ...MARK_COLUMNS,
      { id: "dQuality", header: "Качество к пред. периоду, п.п.", kind: "points", width: 12 },
    ],
    rows,
  };
}

/** The internal reference for an external result: its class (or the whole parallel), latest period of the year. */
function internalFor(
  ext: ResultRow,
  series: Map<string, InternalResultRow[]>,
): { label: string; marks: MarkCounts } | null {
  const subject = canonical(ext.subject);
  const lists = ext.className
    ? [series.get(`${ext.grade}|${ext.className.toLowerCase()}|${subject}`) ?? []]
    : [...series.entries()]
        .filter(([k]) => k.startsWith(`${ext.grade}|`) && k.endsWith(`|${subject}`))
        .map(([, v]) => v);
  // The latest period every class of the parallel has: a parallel is compared like with like.
  let best: { order: number; label: string; marks: MarkCounts } | null = null;
  const byPeriod = new Map<number, { label: string; marks: MarkCounts; classes: number }>();
  for (const list of lists)
    for (const r of list) {
      const o = order(r);
      const cur = byPeriod.get(o);
      byPeriod.set(o, {
        label: periodLabel(r),
        marks: addMarks(cur?.marks, r.marks!),
        classes: (cur?.classes ?? 0) + 1,
      });
    }
  for (const [o, v] of byPeriod)
    if (v.classes === lists.length && (!best || o > best.order)) best = { order: o, label: v.label, marks: v.marks };
  return best ? { label: best.label, marks: best.marks } : null;
}

function comparisonTable(
  report: SchoolReport,
  series: Map<string, InternalResultRow[]>,
  year: number,
  profile: Profile,
): Table {
  const threshold = profile.values["internal.qualityGap"];
  const rows: Record<string, CellData>[] = [];
  const gaps: { gap: number; where: string; subject: string; procedure: string }[] = [];
  const external = report.results
    .filter((r) => r.year === year && r.procedure !== "ЕГЭ" && r.procedure !== "ГВЭ-11" && r.marks)
    .sort(
      (a, b) =>
        a.grade - b.grade ||
        a.className.localeCompare(b.className, "ru") ||
        canonical(a.subject).localeCompare(canonical(b.subject), "ru") ||
        a.procedure.localeCompare(b.procedure, "ru"),
    );
  for (const ext of external) {
    const own = internalFor(ext, series);
    if (!own || markedCount(ext.marks!) === 0 || markedCount(own.marks) === 0) continue;
    const qi = quality(own.marks)!;
    const qe = quality(ext.marks!)!;
    const gap = qi - qe;
    const cls = classLabel(ext.grade, ext.className);
    const subject = canonical(ext.subject);
    const over = Math.abs(gap) >= threshold;
    if (over) gaps.push({ gap, where: inClassRu(ext), subject, procedure: ext.procedure });
    rows.push({
      cls,
      subject,
      procedure: ext.procedure,
      extN: markedCount(ext.marks!),
      extQuality: clean(qe),
      extSuccess: clean(successRate(ext.marks!)),
      period: own.label,
      intN: markedCount(own.marks),
      intQuality: clean(qi),
      intSuccess: clean(successRate(own.marks)),
      gap: clean(gap),
      verdict: over
        ? `Расхождение: качество по внутренней оценке ${gap > 0 ? "выше" : "ниже"} внешней на ${pointsRu(Math.abs(gap))} (порог ${pointsRu(threshold)})`
        : `В пределах порога ${pointsRu(threshold)}`,
    });
  }
  gaps.sort((a, b) => Math.abs(b.gap) - Math.abs(a.gap));
  const top = gaps[0];
  const conclusion = !rows.length
    ? `Сравнить не с чем: в ${year} г. нет результатов внешних процедур с отметками для тех же классов и предметов, что во внутренней оценке.`
    : gaps.length
      ? `Сравнение результатов внешней оценки с результатами внутренней оценки: у ${gaps.length} из ${rows.length} сопоставлений разница качества не меньше порога ${pointsRu(threshold)}; наибольшая — ${top.where} ${bySubjectRu(top.subject)}, ${top.procedure}: внутренняя оценка ${top.gap > 0 ? "выше" : "ниже"} на ${pointsRu(Math.abs(top.gap))}; проверьте объективность текущего контроля и промежуточной аттестации.`
      : `Сравнение результатов внешней оценки с результатами внутренней оценки: во всех ${rows.length} сопоставлениях разница качества меньше порога ${pointsRu(threshold)} — внутренняя оценка согласуется с внешней.`;
  return {
    id: "internalExternal",
    title: `Внутренняя и внешняя оценка: тот же класс и предмет, ${year}`,
    description: conclusion,
    columns: [
      { id: "cls", header: "Класс", kind: "text", width: 12 },
      { id: "subject", header: "Предмет", kind: "text", width: 22 },
      { id: "procedure", header: "Внешняя процедура", kind: "text", width: 11 },
      { id: "extN", header: "Внешняя: с отметкой", kind: "integer" },
      { id: "extQuality", header: "Внешняя: качество, %", kind: "percent" },
      { id: "extSuccess", header: "Внешняя: успеваемость, %", kind: "percent" },
      { id: "period", header: "Внутренняя: период", kind: "text", width: 16 },
      { id: "intN", header: "Внутренняя: с отметкой", kind: "integer" },
      { id: "intQuality", header: "Внутренняя: качество, %", kind: "percent" },
      { id: "intSuccess", header: "Внутренняя: успеваемость, %", kind: "percent" },
      {
        id: "gap",
        header: "Разница качества (внутр. − внешн.), п.п.",
        kind: "points",
        width: 14,
        formula: 'IF(OR({intQuality}="",{extQuality}=""),"",{intQuality}-{extQuality})',
        highlight: { operator: "greaterThanOrEqual", value: threshold, tone: "warn" },
      },
      { id: "verdict", header: "Вывод", kind: "text", width: 46 },
    ],
    rows,
  };
}

/** The internal-assessment part of the report for `year`; null when the form has no internal marks that year. */
export function internalPart(report: SchoolReport, year: number, profile: Profile): AnalysisPart | null {
  const rows = (report.internal ?? []).filter((r) => r.year === year && r.marks && markedCount(r.marks) > 0);
  if (!rows.length) return null;
  const series = seriesOf(rows);
  return {
    tables: [dynamicsTable(series, year), comparisonTable(report, series, year, profile)],
    findings: [],
  };
}

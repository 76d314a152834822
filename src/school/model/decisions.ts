/**
 * «Выводы и решения»: the four stages of interpretation (ВСОКО regulation §7.1: поисковый →
 * аналитический → обобщающий → распорядительный) and, for every deficit and flag found, the
 * measures of the methodology (§8, src/core/recommendations.ts) with empty columns for the
 * responsible person, the deadline and the decision's document — so the school's «Цикл» sheet
 * (components 7–8) can cite the document. Measures are addressed to the school, never to a teacher.
 */
import { focusText } from "../../core/focus";
import { flagLabel, measuresFor } from "../../core/recommendations";
import type { Table, CellData } from "../../summary/model/table";
import type { ReportContext } from "./context";
import { objectivityPart, SIGN_CLEAR, SIGN_FIRED } from "./objectivity";
import type { SchoolFinding, SchoolFindingRule } from "./findings";
import { countRu } from "../../core/values";

export const DECISION_COLUMNS = {
  responsible: "Ответственный",
  deadline: "Срок",
  document: "Документ решения (№, дата)",
} as const;

/** One decision: findings of one rule about one subject (grades together), so a measure names them all. */
interface DecisionGroup {
  rule: SchoolFindingRule;
  findings: SchoolFinding[];
}

function groupFindings(findings: readonly SchoolFinding[]): DecisionGroup[] {
  const groups = new Map<string, DecisionGroup>();
  findings.forEach((f, i) => {
    const subject = f.focusItems?.length === 1 ? f.focusItems[0].subject : null;
    const key = subject !== null ? `${f.rule}|${subject}` : `${f.rule}|#${i}`;
    const g = groups.get(key);
    if (g) g.findings.push(f);
    else groups.set(key, { rule: f.rule, findings: [f] });
  });
  return [...groups.values()];
}

/** «ВПР 2026, 5 и 6 классы, математика» for findings of several grades; otherwise the contexts listed. */
function groupContext(g: DecisionGroup): string {
  const parts = g.findings.map((f) => /^(.*), (\d+) класс, (.*)$/.exec(f.context));
  const same = parts.every((m) => m && m[1] === parts[0]![1] && m[3] === parts[0]![3]);
  if (g.findings.length < 2 || !same) return g.findings.map((f) => f.context).join("; ");
  const grades = [...new Set(parts.map((m) => Number(m![2])))].sort((a, b) => a - b).map(String);
  const list =
    grades.length === 1
      ? `${grades[0]} класс`
      : `${grades.slice(0, -1).join(", ")} и ${grades[grades.length - 1]} классы`;
  return `${parts[0]![1]}, ${list}, ${parts[0]![3]}`;
}

/** «по математике в 5 и 6 классах: доля «2» 34,0 % и 31,0 %» from the group's findings. */
function groupFocus(g: DecisionGroup): string {
  const items = g.findings.flatMap((f) => f.focusItems ?? []);
  const ready = g.findings.map((f) => f.focus ?? "").filter(Boolean);
  return [items.length ? focusText(items, g.findings[0].focusWhat ?? "") : "", ...ready].filter(Boolean).join("; ");
}

const ADDRESSEE_RU = { ОО: "ОО", МОУО: "предложение МОУО", ИМЦ: "предложение ИМЦ" } as const;

export interface StagesInput {
  /** Names of the analysis sheets, for the analytical stage. */
  sheetNames: string[];
}

export function decisionsTables(ctx: ReportContext, findings: readonly SchoolFinding[], input: StagesInput): Table[] {
  const rows: Record<string, CellData>[] = [];
  const unchecked = objectivityUnchecked(ctx);
  groupFindings(findings).forEach((g, i) => {
    const f = g.findings[0];
    measuresFor(g.rule, ctx.p, groupFocus(g)).forEach((m, j) => {
      rows.push({
        no: `${i + 1}.${j + 1}`,
        direction: f.direction,
        context: groupContext(g),
        kind: flagLabel(g.rule),
        found: g.findings.map((x) => x.text).join(" "),
        aspect: f.aspect,
        measure: m.text,
        level: ADDRESSEE_RU[m.addressee],
        basis: m.basis,
        responsible: null,
        deadline: null,
        document: null,
      });
    });
  });
  if (!findings.length) {
    // Signs that were not evaluated are not «не выявлены»: the row says so.
    for (const [j, m] of measuresFor("SCHOOL_NO_FINDINGS", ctx.p).entries()) {
      rows.push({
        no: `1.${j + 1}`,
        direction: "—",
        context: `${ctx.opts.procedure} ${ctx.opts.year}`,
        kind: flagLabel("SCHOOL_NO_FINDINGS"),
        found: unchecked
          ? `Дефицитов и отрицательной динамики по выбранным работам не выявлено; среди оценённых признаков необъективности сработавших нет, не оценивались: ${unchecked} (причины — лист «Анализ ОО — комплексный»).`
          : "Дефицитов, признаков необъективности и отрицательной динамики по выбранным работам не выявлено.",
        aspect: "распространение позитивной практики",
        measure: m.text,
        level: ADDRESSEE_RU[m.addressee],
        basis: m.basis,
        responsible: null,
        deadline: null,
        document: null,
      });
    }
  }

  const byRule = (...r: SchoolFindingRule[]) => findings.filter((f) => r.includes(f.rule)).length;
  const refsText = ctx.references.length
    ? `выгрузки ФИС ОКО (${countRu(ctx.references.length, ["строка", "строки", "строк"])} эталонов муниципалитета и региона)`
    : ctx.opts.municipalityPooled
      ? `результаты всех ОО муниципалитета «${ctx.municipalityName}» как эталон`
      : "эталонов муниципалитета и региона нет (импортируйте выгрузки ФИС ОКО)";
  const aspects = [...new Set(findings.map((f) => f.aspect))];
  const stages: Table = {
    id: "stages",
    title: "Этапы интерпретации результатов",
    description: `Анализ ${ctx.opts.procedure} ${ctx.opts.year}: ${countRu(ctx.tests.length, ["работа", "работы", "работ"])} (${ctx.tests.map((t) => `${t.grade} класс, ${t.subject}`).join("; ") || "нет работ"}).`,
    // Widths match the decisions table below: both share the sheet's columns.
    columns: [
      { id: "no", header: "№", kind: "text", width: 6 },
      { id: "stage", header: "Этап и его содержание", kind: "text", width: 30 },
      { id: "result", header: "Итог", kind: "text", width: 30 },
    ],
    rows: [
      {
        no: "1",
        stage: "Поисковый: поиск и отбор источников статистической и аналитической информации по результатам процедуры",
        result: `Форма ОО (листы «Участники», «Результаты», «Задания», «Олимпиады», «Профориентация»); ${refsText}.`,
      },
      {
        no: "2",
        stage: "Аналитический: анализ и систематизация показателей, комплексный анализ по направлениям ВСОКО",
        result: `Листы: ${input.sheetNames.map((n) => `«${n}»`).join(", ")}.`,
      },
      {
        no: "3",
        stage: "Обобщающий: тенденции и выводы по совершенствованию управления качеством образования",
        result: findings.length
          ? `Выявлено: дефицитов по заданиям — ${byRule("TASK_DEFICIT")}, признаков необъективности — ${byRule("SCHOOL_O1", "SCHOOL_O2", "SCHOOL_O3", "SCHOOL_O4", "SCHOOL_O5", "SCHOOL_O6", "SCHOOL_F")}, статус ШНОР/ШНСУ — ${!ctx.standing ? "не определялся (нужны формы других ОО муниципалитета)" : byRule("SCHOOL_SHNOR") ? "да" : "нет"}, роста доли «2» — ${byRule("SHARE2_RISE")}, низкого базового минимума — ${byRule("BASIC_MINIMUM")}. Направления совершенствования: ${aspects.join("; ")}.`
          : `Дефицитов и признаков, требующих решений, не выявлено.${unchecked ? ` Признаки необъективности, которые не оценивались (${unchecked}), в этот вывод не входят.` : ""}`,
      },
      {
        no: "4",
        stage:
          "Распорядительный: управленческие решения — распространение позитивной практики, коррекция нарушений, преодоление негативных тенденций",
        result: `Предложено мер: ${rows.length}. Заполните столбцы «${DECISION_COLUMNS.responsible}», «${DECISION_COLUMNS.deadline}», «${DECISION_COLUMNS.document}»; номер и дату документа укажите на листе «Цикл» (компоненты 7 «Меры и мероприятия» и 8 «Управленческие решения»).`,
      },
    ],
  };
  const decisions: Table = {
    id: "decisions",
    title: "Выводы и решения",
    description: findings.length
      ? `Выводов: ${findings.length}; для каждого — меры по методике (§8). Рейтинги учителей не составляются: наименьшая единица анализа — класс.`
      : "Выводов, требующих коррекции, нет; предложено распространение позитивной практики.",
    columns: [
      { id: "no", header: "№", kind: "text", width: 6 },
      { id: "direction", header: "Направление комплексного анализа", kind: "text", width: 30 },
      { id: "context", header: "Процедура, класс, предмет", kind: "text", width: 30 },
      { id: "kind", header: "Вывод", kind: "text", width: 24 },
      { id: "found", header: "Выявлено (аналитический этап)", kind: "text", width: 60 },
      { id: "aspect", header: "Направление совершенствования (обобщающий этап)", kind: "text", width: 36 },
      { id: "measure", header: "Мера (распорядительный этап)", kind: "text", width: 60 },
      { id: "level", header: "Уровень", kind: "text", width: 14 },
      { id: "basis", header: "Основание меры", kind: "text", width: 30 },
      { id: "responsible", header: DECISION_COLUMNS.responsible, kind: "text", width: 20 },
      { id: "deadline", header: DECISION_COLUMNS.deadline, kind: "text", width: 12 },
      { id: "document", header: DECISION_COLUMNS.document, kind: "text", width: 20 },
    ],
    rows,
  };
  return [stages, decisions];
}

/** How many sign rows of the objectivity table were not evaluated (0 when all were). */
function objectivityUnchecked(ctx: ReportContext): number {
  return objectivityPart(ctx).table.rows.filter((r) => r.state !== SIGN_FIRED && r.state !== SIGN_CLEAR).length;
}

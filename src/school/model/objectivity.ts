/**
 * The school's own objectivity (ВСОКО table 2, «Объективность оценки образовательных результатов
 * в ОО»): every sign of the methodology (O1–O6, F) for the chosen tests, as the municipal analysis
 * evaluates it (ctx.signs). A sign that could not be evaluated says so and why («не оценивался:
 * нет первичных баллов»): the report never writes «не выявлено» about what it did not check.
 * Fired signs other than O1 and O2 (those come with the journal and score sheets) become findings.
 */
import { explainSign } from "../../core/analysis/explain";
import type { SignId, SignResult } from "../../core/objectivity";
import type { CellData, Table } from "../../summary/model/table";
import { SIGN_NAMES } from "../../summary/model/analysis-tables";
import { signOf, type ReportContext, type TestInfo } from "./context";
import { VSOKO_ASPECTS, VSOKO_DIRECTIONS, type SchoolFinding, type SchoolFindingRule } from "./findings";
import { testTitle } from "./text";

export const SIGN_FIRED = "признак, требует анализа";
export const SIGN_CLEAR = "не выявлен";
export const NOT_EVALUATED = "не оценивался";

/** Why a rule gave no result at all for a test: it had nothing to read. */
const NO_DATA: Record<SignId, string> = {
  O1: "нет отметок по журналу у участников",
  O2: "нет первичных баллов участников",
  O3: "нет отметок за работу",
  O4: "нет баллов участников за задания",
  O5: "признак проверяется для ВПР и КДР по отметкам",
  O6: "нет данных о школьном этапе ВсОШ (лист «Олимпиады»)",
  O7: "нет результатов независимой перепроверки (лист «Перепроверка»)",
  F: "маркеры ФИОКО не загружены",
};

/** Without a reference, chance cannot be ruled out: the sign is «не оценивался», not «не выявлен». */
const NO_REFERENCE =
  "нет эталона для сравнения (участников других ОО муниципалитета или выгрузки ФИС ОКО), поэтому случайность расхождений не исключить";

/**
 * The sign as the report presents it. O1 without any reference (no pooled municipality, no
 * imported export) computes its shares but can test neither branch against chance: shown as not
 * evaluated, with the reason.
 */
export function objectivitySign(
  ctx: ReportContext,
  rule: SignId,
  t: { year: number; procedure: string; grade: number; subject: string },
): SignResult | null {
  const s = signOf(ctx, rule, t);
  if (
    s &&
    s.rule === "O1" &&
    s.evaluated &&
    !s.fired &&
    s.numbers.refGap2Share === undefined &&
    s.numbers.refMismatchShare === undefined
  ) {
    return { ...s, evaluated: false, reasonNotEvaluated: NO_REFERENCE };
  }
  return s;
}

export interface SignState {
  state: string;
  explanation: string;
}

/** «признак, требует анализа» | «не выявлен» | «не оценивался: <причина>», with the Russian explanation. */
export function signState(sign: SignResult | null, rule: SignId): SignState {
  if (!sign)
    return {
      state: `${NOT_EVALUATED}: ${NO_DATA[rule]}`,
      explanation: `${rule}: признак не оценивался — ${NO_DATA[rule]}.`,
    };
  if (!sign.evaluated)
    return { state: `${NOT_EVALUATED}: ${sign.reasonNotEvaluated ?? "нет данных"}`, explanation: explainSign(sign) };
  return { state: sign.fired ? SIGN_FIRED : SIGN_CLEAR, explanation: explainSign(sign) };
}

const TEST_SIGNS: readonly SignId[] = ["O1", "O2", "O3", "O4", "O5"];

const FINDING_OF: Partial<Record<SignId, SchoolFindingRule>> = {
  O3: "SCHOOL_O3",
  O4: "SCHOOL_O4",
  O5: "SCHOOL_O5",
  O6: "SCHOOL_O6",
  F: "SCHOOL_F",
};

export interface ObjectivityPart {
  table: Table;
  findings: SchoolFinding[];
}

export function objectivityPart(ctx: ReportContext): ObjectivityPart {
  const rows: Record<string, CellData>[] = [];
  const findings: SchoolFinding[] = [];
  const add = (t: TestInfo | null, rule: SignId, sign: SignResult | null) => {
    const st = signState(sign, rule);
    rows.push({
      grade: t?.grade ?? sign?.grade ?? null,
      subject: t?.subject ?? sign?.subject ?? "все предметы",
      rule: `${rule} ${SIGN_NAMES[rule] ?? ""}`.trim(),
      state: st.state,
      explanation: st.explanation,
    });
    const fr = FINDING_OF[rule];
    if (sign?.fired && fr) {
      const where = t
        ? testTitle(t)
        : sign.subject && sign.grade
          ? testTitle({
              procedure: sign.procedure ?? ctx.opts.procedure,
              year: sign.year,
              grade: sign.grade,
              subject: sign.subject,
            })
          : `${rule === "O6" ? "ВсОШ" : ctx.opts.procedure} ${sign.year}`;
      findings.push({
        rule: fr,
        direction: rule === "O6" ? VSOKO_DIRECTIONS.objectivityProcedures : VSOKO_DIRECTIONS.objectivity,
        aspect: VSOKO_ASPECTS.assessment,
        context: where,
        text: `${SIGN_NAMES[rule] ?? rule}. ${explainSign(sign)}`,
        focusItems: sign.subject ? [{ subject: sign.subject, grade: sign.grade }] : undefined,
      });
    }
  };
  for (const t of ctx.tests) for (const rule of TEST_SIGNS) add(t, rule, objectivitySign(ctx, rule, t));
  const year = ctx.signs.get(ctx.opts.year) ?? [];
  add(null, "O6", year.find((s) => s.rule === "O6") ?? null);
  // FIOKO marks grades and subjects of the year; those of the chosen procedure are shown.
  const markers = year.filter((s) => s.rule === "F" && (!s.procedure || s.procedure === ctx.opts.procedure));
  if (markers.length) for (const f of markers) add(null, "F", f);
  else if (ctx.hasFiokoMarkers)
    rows.push({
      grade: null,
      subject: "все предметы",
      rule: `F ${SIGN_NAMES.F}`,
      state: SIGN_CLEAR,
      explanation: "F: маркеров ФИОКО для ОО в загруженных списках нет [OFFICIAL].",
    });
  else add(null, "F", null);

  const fired = rows.filter((r) => r.state === SIGN_FIRED).length;
  const clear = rows.filter((r) => r.state === SIGN_CLEAR).length;
  const skipped = rows.length - fired - clear;
  let description: string;
  if (fired + clear === 0)
    description = `Ни один признак необъективности не оценён (причины — в столбце «Состояние»): вывод об объективности результатов сделать нельзя.`;
  else {
    description = fired
      ? `Признаков необъективности, требующих анализа: ${fired} (подробности — в столбце «Обоснование» и на листах «журнал» и «баллы»). Признак — не вывод: он требует анализа.`
      : `Среди оценённых признаков (${clear}) сработавших нет.`;
    if (skipped) description += ` Не оценивались: ${skipped} — причины в столбце «Состояние»; о них вывод не делается.`;
  }
  return {
    findings,
    table: {
      id: "objectivity",
      title: VSOKO_DIRECTIONS.objectivity,
      description,
      columns: [
        { id: "grade", header: "Параллель", kind: "integer", width: 9 },
        { id: "subject", header: "Предмет", kind: "text", width: 18 },
        { id: "rule", header: "Признак", kind: "text", width: 30 },
        {
          id: "state",
          header: "Состояние",
          kind: "text",
          width: 36,
          highlight: { operator: "equal", value: SIGN_FIRED, tone: "bad" },
        },
        { id: "explanation", header: "Обоснование", kind: "text", width: 90 },
      ],
      rows,
    },
  };
}

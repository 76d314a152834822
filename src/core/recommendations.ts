/**
 * Targeted recommendations (methodology §8): every flag maps to measures taken from the
 * regulations, with the clause they come from, so a school's list can be pasted into a
 * municipal order as it is. Never addressed to individual teachers.
 */
import type { DirectionId } from "./model";

/** A flag that calls for measures: a sign (O1–O6, F), a risk factor (R1–R5), a status or a cycle gap. */
export interface FlagRef {
  /** "O1"…"O6", "F", "R1"…"R5", "ШНОР", "ШНСУ", "STABLE_LOW", "STABLE_HIGH", "STABLE_NO_SIGNS", "CYCLE_GAP", "TASK_DEFICIT";
   *  school-level (ВСОКО): "SCHOOL_O1", "SCHOOL_O2", "SHARE2_RISE", "BASIC_MINIMUM", "SCHOOL_NO_FINDINGS". */
  rule: string;
  /** Short Russian description of what fired, shown next to the measure. */
  detail?: string;
  /** For CYCLE_GAP: the missing component 1–9 and its direction; `detail` is the next step (src/core/cycle). */
  component?: number;
  direction?: DirectionId;
}

export type Addressee = "ОО" | "МОУО" | "ИМЦ";

export interface Measure {
  id: string;
  text: string;
  addressee: Addressee;
  /** The regulation clause the measure is taken from. */
  basis: string;
}

export interface Recommendation extends Measure {
  /** The flags that call for this measure. */
  because: FlagRef[];
}

const TAIMYR = "Положение о МСОКО Таймырского Долгано-Ненецкого муниципального района";
const LK = "Положение о МСОКО Ленинск-Кузнецкого городского округа (приказ от 10.09.2020 № 438/1)";
const VSOKO = "Положение о ВСОКО МБОУ СОШ № 17";

const M = {
  recheck: {
    id: "recheck", addressee: "МОУО", basis: `${TAIMYR}, п. 9.4`,
    text: "Организовать независимую перепроверку работ обучающихся муниципальной предметной комиссией",
  },
  observers: {
    id: "observers", addressee: "МОУО", basis: `${TAIMYR}, пп. 8.1–8.2`,
    text: "Направить общественных (независимых) наблюдателей и организовать видеонаблюдение при проведении следующей оценочной процедуры",
  },
  explain: {
    id: "explain", addressee: "МОУО", basis: `${TAIMYR}, п. 10.3`,
    text: "Провести разъяснительную работу с руководителем ОО по вопросам повышения объективности оценки образовательных результатов",
  },
  internalAudit: {
    id: "internalAudit", addressee: "ОО", basis: `${TAIMYR}, п. 10.1`,
    text: "Проанализировать в рамках ВСОКО соответствие текущих отметок результатам оценочных процедур и согласованность критериев оценивания",
  },
  olympiadCheck: {
    id: "olympiadCheck", addressee: "МОУО", basis: `${TAIMYR}, п. 8.3`,
    text: "Организовать независимую проверку работ участников школьного этапа ВсОШ",
  },
  shnorProgram: {
    id: "shnorProgram", addressee: "МОУО", basis: `${TAIMYR}, п. 7.1.2`,
    text: "Включить ОО в муниципальную программу поддержки школ с низкими результатами обучения (ШНОР/ШНСУ) и утвердить школьную программу повышения качества образования",
  },
  methodHelp: {
    id: "methodHelp", addressee: "ИМЦ", basis: `${TAIMYR}, пп. 7.1.2, 10.2`,
    text: "Оказать ОО адресную методическую помощь по предметам с низкими результатами",
  },
  pdRoutes: {
    id: "pdRoutes", addressee: "ИМЦ", basis: `${TAIMYR}, п. 7.2.2`,
    text: "Разработать индивидуальные образовательные маршруты профессионального развития педагогов по выявленным дефицитам (без оценки отдельных учителей по результатам ВПР)",
  },
  partnership: {
    id: "partnership", addressee: "МОУО", basis: `${TAIMYR}, п. 7.1.2`,
    text: "Организовать сетевое партнёрство со школой со стабильно высокими результатами того же кластера",
  },
  socialSupport: {
    id: "socialSupport", addressee: "МОУО", basis: `${TAIMYR}, п. 7.1.2`,
    text: "Учесть неблагоприятные социальные условия: ресурсная поддержка ОО, психолого-педагогическое сопровождение обучающихся",
  },
  riskProfile: {
    id: "riskProfile", addressee: "ОО", basis: `${TAIMYR}, п. 7.1.2`,
    text: "Разработать антирисковую программу по факторам рискового профиля высокого уровня",
  },
  shareExperience: {
    id: "shareExperience", addressee: "ИМЦ", basis: `${TAIMYR}, п. 9.5`,
    text: "Распространить опыт работы ОО со стабильно отсутствующими признаками необъективности (семинар, методические материалы)",
  },
  bestPractice: {
    id: "bestPractice", addressee: "ИМЦ", basis: `${TAIMYR}, п. 7.2.2`,
    text: "Выявить и тиражировать лучшие практики ОО со стабильно высокими результатами; предложить ОО роль школы-партнёра",
  },
  deficits: {
    id: "deficits", addressee: "ОО", basis: "Положение о ВСОКО МБОУ СОШ № 17, п. 7.1",
    text: "Скорректировать рабочие программы и планы работы методических объединений по заданиям с недостаточным уровнем выполнения",
  },
  // School-level measures (the school's own analysis, ВСОКО): decisions the school takes itself.
  schoolRecheck: {
    id: "schoolRecheck", addressee: "ОО", basis: `${VSOKO}, п. 8.1`,
    text: "Провести перепроверку работ школьной комиссией из педагогов, не работающих в этом классе, по критериям оценивания ФИОКО",
  },
  conflictOfInterest: {
    id: "conflictOfInterest", addressee: "ОО", basis: `${VSOKO}, п. 8.1`,
    text: "При следующей оценочной процедуре исключить проверку работ учителем, ведущим предмет в классе (конфликт интересов), и привлечь независимых наблюдателей",
  },
  lowResultsHelp: {
    id: "lowResultsHelp", addressee: "ОО", basis: `${VSOKO}, п. 8.2`,
    text: "Реализовать в приоритетном порядке программу помощи обучающимся с низкими результатами (дополнительные занятия, индивидуальные образовательные маршруты)",
  },
  methodicalWork: {
    id: "methodicalWork", addressee: "ОО", basis: `${VSOKO}, п. 6.7 (таблица 1)`,
    text: "Организовать работу школьных методических объединений по преодолению затруднений, выявленных по результатам ВСОКО (без оценки отдельных учителей по результатам ВПР)",
  },
  positivePractice: {
    id: "positivePractice", addressee: "ОО", basis: `${VSOKO}, п. 7.1`,
    text: "Распространить в ОО позитивную практику, выявленную при интерпретации результатов оценочных процедур",
  },
} satisfies Record<string, Measure>;

const BY_RULE: Record<string, Measure[]> = {
  O1: [M.internalAudit, M.recheck, M.explain],
  O2: [M.recheck, M.observers, M.explain],
  O3: [M.recheck, M.observers],
  O4: [M.recheck, M.internalAudit],
  O5: [M.observers, M.internalAudit, M.explain],
  O6: [M.olympiadCheck],
  F: [M.recheck, M.observers, M.explain],
  R1: [M.shnorProgram, M.methodHelp, M.pdRoutes, M.partnership],
  R2: [M.shnorProgram, M.methodHelp, M.partnership],
  R3: [M.methodHelp, M.pdRoutes],
  R4: [M.socialSupport],
  R5: [M.riskProfile],
  "ШНОР": [M.shnorProgram],
  "ШНСУ": [M.socialSupport],
  STABLE_LOW: [M.shnorProgram, M.partnership],
  STABLE_HIGH: [M.bestPractice],
  STABLE_NO_SIGNS: [M.shareExperience],
  TASK_DEFICIT: [M.deficits],
  SCHOOL_O1: [M.internalAudit, M.schoolRecheck],
  SCHOOL_O2: [M.schoolRecheck, M.conflictOfInterest],
  SHARE2_RISE: [M.lowResultsHelp, M.methodicalWork],
  BASIC_MINIMUM: [M.lowResultsHelp, M.deficits],
  SCHOOL_NO_FINDINGS: [M.positivePractice],
};

/**
 * Measures for a school's flags, each once, in the order of first appearance, with the flags
 * that call for it. A cycle gap becomes its next step: the document the missing component needs.
 */
export function recommend(flags: readonly FlagRef[]): Recommendation[] {
  const out = new Map<string, Recommendation>();
  for (const f of flags) {
    const measures: Measure[] =
      f.rule === "CYCLE_GAP" && f.detail
        ? [{ id: `cycle-${f.direction ?? ""}-${f.component ?? ""}`, text: f.detail, addressee: "ОО", basis: `${LK}, п. 3.2` }]
        : (BY_RULE[f.rule] ?? []);
    for (const m of measures) {
      const r = out.get(m.id);
      if (r) r.because.push(f);
      else out.set(m.id, { ...m, because: [f] });
    }
  }
  return [...out.values()];
}

/** The measures known for a rule, for the «Методика» page and the summary's legend. */
export function measuresFor(rule: string): readonly Measure[] {
  return BY_RULE[rule] ?? [];
}

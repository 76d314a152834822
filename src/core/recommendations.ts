/**
 * Targeted recommendations (methodology §8): every flag maps to measures whose wording comes from
 * the regulations behind the methodology. Those regulations belong to particular municipalities
 * and one school, so they are never printed as the legal basis: the basis is the user's own
 * regulation named in the profile («basis.msoko», «basis.vsoko») with the clause set per measure
 * («basis.clause.<мера>»), neutral until set. A measure that targets subjects names them with
 * the numbers that triggered it (`FlagRef.focus`). Never addressed to individual teachers.
 */
import type { DirectionId } from "./model";
import type { ParamKey, Profile } from "./profile";

/** A flag that calls for measures: a sign (O1–O6, F), a risk factor (R1–R5), a status or a cycle gap. */
export interface FlagRef {
  /** "O1"…"O6", "F", "R1"…"R5", "ШНОР", "ШНСУ", "STABLE_LOW", "STABLE_HIGH", "STABLE_NO_SIGNS", "CYCLE_GAP", "TASK_DEFICIT";
   *  school-level (ВСОКО): "SCHOOL_O1"…"SCHOOL_O6", "SCHOOL_F", "SCHOOL_SHNOR", "SHARE2_RISE", "BASIC_MINIMUM", "SCHOOL_NO_FINDINGS".
   *  Internal keys: user-facing text shows `flagLabel(rule)`. */
  rule: string;
  /** Short Russian description of what fired, shown next to the measure. */
  detail?: string;
  /** Subjects, grades and numbers that triggered the flag («по математике в 5 классе: доля «2» 34,0 %»); targeted measures end with it. */
  focus?: string;
  /** For CYCLE_GAP: the missing component 1–9 and its direction; `detail` is the next step (src/core/cycle). */
  component?: number;
  direction?: DirectionId;
}

export type Addressee = "ОО" | "МОУО" | "ИМЦ";

/** Whose regulation a measure rests on: the municipality's МСОКО or the school's ВСОКО. */
export type RegulationKind = "msoko" | "vsoko";

interface MeasureDef {
  id: string;
  text: string;
  addressee: Addressee;
  regulation: RegulationKind;
  /** Ends with the flag's focus (subjects, grades, numbers) when the flag has one. */
  targeted?: boolean;
}

export interface Measure {
  id: string;
  text: string;
  addressee: Addressee;
  /** The user's regulation and clause («Положение о МСОКО, п. 9.4»), from the profile. */
  basis: string;
}

export interface Recommendation extends Measure {
  /** The flags that call for this measure. */
  because: FlagRef[];
}

const M = {
  recheck: {
    id: "recheck",
    addressee: "МОУО",
    regulation: "msoko",
    text: "Организовать независимую перепроверку работ обучающихся муниципальной предметной комиссией",
    targeted: true,
  },
  observers: {
    id: "observers",
    addressee: "МОУО",
    regulation: "msoko",
    text: "Направить общественных (независимых) наблюдателей и организовать видеонаблюдение при проведении следующей оценочной процедуры",
  },
  explain: {
    id: "explain",
    addressee: "МОУО",
    regulation: "msoko",
    text: "Провести разъяснительную работу с руководителем ОО по вопросам повышения объективности оценки образовательных результатов",
  },
  internalAudit: {
    id: "internalAudit",
    addressee: "ОО",
    regulation: "msoko",
    text: "Проанализировать в рамках ВСОКО соответствие текущих отметок результатам оценочных процедур и согласованность критериев оценивания",
    targeted: true,
  },
  olympiadCheck: {
    id: "olympiadCheck",
    addressee: "МОУО",
    regulation: "msoko",
    text: "Организовать независимую проверку работ участников школьного этапа ВсОШ",
  },
  shnorProgram: {
    id: "shnorProgram",
    addressee: "МОУО",
    regulation: "msoko",
    text: "Включить ОО в муниципальную программу поддержки школ с низкими результатами обучения (ШНОР/ШНСУ) и утвердить школьную программу повышения качества образования",
  },
  methodHelp: {
    id: "methodHelp",
    addressee: "ИМЦ",
    regulation: "msoko",
    text: "Оказать ОО адресную методическую помощь",
    targeted: true,
  },
  pdRoutes: {
    id: "pdRoutes",
    addressee: "ИМЦ",
    regulation: "msoko",
    text: "Разработать индивидуальные образовательные маршруты профессионального развития педагогов по выявленным дефицитам (без оценки отдельных учителей по результатам ВПР)",
    targeted: true,
  },
  partnership: {
    id: "partnership",
    addressee: "МОУО",
    regulation: "msoko",
    text: "Организовать сетевое партнёрство со школой со стабильно высокими результатами того же кластера",
  },
  socialSupport: {
    id: "socialSupport",
    addressee: "МОУО",
    regulation: "msoko",
    text: "Учесть неблагоприятные социальные условия: ресурсная поддержка ОО, психолого-педагогическое сопровождение обучающихся",
  },
  riskProfile: {
    id: "riskProfile",
    addressee: "ОО",
    regulation: "msoko",
    text: "Разработать антирисковую программу по факторам рискового профиля высокого уровня",
    targeted: true,
  },
  shareExperience: {
    id: "shareExperience",
    addressee: "ИМЦ",
    regulation: "msoko",
    text: "Распространить опыт работы ОО со стабильно отсутствующими признаками необъективности (семинар, методические материалы)",
  },
  bestPractice: {
    id: "bestPractice",
    addressee: "ИМЦ",
    regulation: "msoko",
    text: "Выявить и тиражировать лучшие практики ОО со стабильно высокими результатами; предложить ОО роль школы-партнёра",
  },
  // School-level measures (the school's own analysis, ВСОКО): decisions the school takes itself.
  deficits: {
    id: "deficits",
    addressee: "ОО",
    regulation: "vsoko",
    text: "Скорректировать рабочие программы и планы работы методических объединений по заданиям с недостаточным уровнем выполнения",
    targeted: true,
  },
  schoolRecheck: {
    id: "schoolRecheck",
    addressee: "ОО",
    regulation: "vsoko",
    text: "Провести перепроверку работ школьной комиссией из педагогов, не работающих в этом классе, по критериям оценивания ФИОКО",
    targeted: true,
  },
  conflictOfInterest: {
    id: "conflictOfInterest",
    addressee: "ОО",
    regulation: "vsoko",
    text: "При следующей оценочной процедуре исключить проверку работ учителем, ведущим предмет в классе (конфликт интересов), и привлечь независимых наблюдателей",
    targeted: true,
  },
  schoolOlympiad: {
    id: "schoolOlympiad",
    addressee: "ОО",
    regulation: "vsoko",
    text: "Перепроверить работы победителей и призёров школьного этапа ВсОШ с участием педагогов других ОО",
  },
  lowResultsHelp: {
    id: "lowResultsHelp",
    addressee: "ОО",
    regulation: "vsoko",
    text: "Реализовать в приоритетном порядке программу помощи обучающимся с низкими результатами (дополнительные занятия, индивидуальные образовательные маршруты)",
    targeted: true,
  },
  schoolProgram: {
    id: "schoolProgram",
    addressee: "ОО",
    regulation: "vsoko",
    text: "Разработать и утвердить школьную программу повышения качества образования (перехода в эффективный режим работы) и согласовать её с МОУО",
    targeted: true,
  },
  methodicalWork: {
    id: "methodicalWork",
    addressee: "ОО",
    regulation: "vsoko",
    text: "Организовать работу школьных методических объединений по преодолению затруднений, выявленных по результатам ВСОКО (без оценки отдельных учителей по результатам ВПР)",
    targeted: true,
  },
  positivePractice: {
    id: "positivePractice",
    addressee: "ОО",
    regulation: "vsoko",
    text: "Распространить в ОО позитивную практику, выявленную при интерпретации результатов оценочных процедур",
  },
} satisfies Record<string, MeasureDef>;

/** A cycle gap's measure is its next step; its basis is the МСОКО regulation's cycle clause. */
const CYCLE_MEASURE = "cycle";

const BY_RULE: Record<string, MeasureDef[]> = {
  O1: [M.internalAudit, M.recheck, M.explain],
  O2: [M.recheck, M.observers, M.explain],
  O3: [M.recheck, M.observers],
  O4: [M.recheck, M.internalAudit],
  O5: [M.observers, M.internalAudit, M.explain],
  O6: [M.olympiadCheck],
  O7: [M.internalAudit, M.observers, M.explain],
  F: [M.recheck, M.observers, M.explain],
  R1: [M.shnorProgram, M.methodHelp, M.pdRoutes, M.partnership],
  R2: [M.shnorProgram, M.methodHelp, M.partnership],
  R3: [M.methodHelp, M.pdRoutes],
  R4: [M.socialSupport],
  R5: [M.riskProfile],
  ШНОР: [M.shnorProgram],
  ШНСУ: [M.socialSupport],
  STABLE_LOW: [M.shnorProgram, M.partnership],
  STABLE_HIGH: [M.bestPractice],
  STABLE_NO_SIGNS: [M.shareExperience],
  TASK_DEFICIT: [M.deficits],
  SCHOOL_O1: [M.internalAudit, M.schoolRecheck],
  SCHOOL_O2: [M.schoolRecheck, M.conflictOfInterest],
  SCHOOL_O3: [M.schoolRecheck, M.conflictOfInterest],
  SCHOOL_O4: [M.schoolRecheck, M.internalAudit],
  SCHOOL_O5: [M.conflictOfInterest, M.internalAudit],
  SCHOOL_O6: [M.schoolOlympiad],
  SCHOOL_F: [M.schoolRecheck, M.conflictOfInterest],
  INTERNAL_GAP: [M.internalAudit],
  SCHOOL_SHNOR: [M.schoolProgram, M.lowResultsHelp],
  SHARE2_RISE: [M.lowResultsHelp, M.methodicalWork],
  BASIC_MINIMUM: [M.lowResultsHelp, M.deficits],
  SCHOOL_NO_FINDINGS: [M.positivePractice],
};

/** Russian names of the flags, for «Основание» columns (internal keys never reach the user). */
const FLAG_LABELS: Record<string, string> = {
  O1: "несовпадение с отметками по журналу (O1)",
  O2: "пик на границе отметок (O2)",
  O3: "результаты намного выше эталона без подтверждения (O3)",
  O4: "инверсия трудности заданий (O4)",
  O5: "разрыв внешней и внутренней оценки (O5)",
  O6: "аномалия школьного этапа олимпиады (O6)",
  O7: "перепроверка понизила отметки (O7)",
  F: "маркер ФИОКО",
  R1: "низкие результаты (R1)",
  R2: "нижняя часть кластера (R2)",
  R3: "отрицательная динамика (R3)",
  R4: "неблагоприятные социальные условия (R4)",
  R5: "рисковый профиль (R5)",
  R6: "недостоверные результаты (R6)",
  ШНОР: "ШНОР",
  ШНСУ: "ШНСУ",
  STABLE_LOW: "стабильно низкие результаты",
  STABLE_HIGH: "стабильно высокие результаты",
  STABLE_NO_SIGNS: "стабильное отсутствие признаков необъективности",
  TASK_DEFICIT: "дефицит по заданиям",
  SCHOOL_O1: "несоответствие отметкам по журналу (O1)",
  SCHOOL_O2: "пик на границе отметки (O2)",
  SCHOOL_O3: "результаты выше эталона без подтверждения (O3)",
  SCHOOL_O4: "инверсия трудности заданий (O4)",
  SCHOOL_O5: "разрыв внешней и внутренней оценки (O5)",
  SCHOOL_O6: "аномалия школьного этапа олимпиады (O6)",
  SCHOOL_F: "маркер ФИОКО",
  INTERNAL_GAP: "расхождение внутренней оценки (итоги четверти, полугодия, промежуточная аттестация) и внешней",
  SCHOOL_SHNOR: "школа с низкими результатами обучения (ШНОР)",
  SHARE2_RISE: "рост доли «2»",
  BASIC_MINIMUM: "низкий базовый минимум",
  SCHOOL_NO_FINDINGS: "дефицитов и признаков не выявлено",
};

/** The Russian name of a flag; a cycle gap names its component. */
export function flagLabel(f: FlagRef | string): string {
  const ref = typeof f === "string" ? { rule: f } : f;
  if (ref.rule === "CYCLE_GAP")
    return ref.component ? `разрыв управленческого цикла: компонент ${ref.component}` : "разрыв управленческого цикла";
  return FLAG_LABELS[ref.rule] ?? "признак методики";
}

/** «Положение о МСОКО, п. 9.4»: the user's regulation from the profile and the measure's clause, if set. */
export function basisOf(profile: Profile, regulation: RegulationKind, measureId: string): string {
  const name =
    String(profile.values[regulation === "msoko" ? "basis.msoko" : "basis.vsoko"] ?? "").trim() ||
    (regulation === "msoko" ? "Положение о МСОКО" : "Положение о ВСОКО ОО");
  const key = `basis.clause.${measureId}` as ParamKey;
  const clause = String((profile.values as Record<string, unknown>)[key] ?? "").trim();
  return clause ? `${name}, ${clause}` : name;
}

function materialise(def: MeasureDef, profile: Profile): Measure {
  return { id: def.id, text: def.text, addressee: def.addressee, basis: basisOf(profile, def.regulation, def.id) };
}

/** «мера: по математике в 5 классе: доля «2» 34,0 %; по русскому языку …» — foci of several flags joined once each. */
function withFocus(text: string, foci: readonly string[]): string {
  const list = [...new Set(foci.filter((f) => f.trim() !== ""))];
  return list.length ? `${text} — ${list.join("; ")}` : text;
}

/**
 * Measures for a school's flags, each once, in the order of first appearance, with the flags
 * that call for it. A cycle gap becomes its next step: the document the missing component needs.
 * A targeted measure ends with the subjects and numbers of every flag that calls for it.
 */
export function recommend(flags: readonly FlagRef[], profile: Profile): Recommendation[] {
  const out = new Map<string, Recommendation & { targeted: boolean }>();
  for (const f of flags) {
    const measures: (Measure & { targeted: boolean })[] =
      f.rule === "CYCLE_GAP" && f.detail
        ? [
            {
              id: `cycle-${f.direction ?? ""}-${f.component ?? ""}`,
              text: f.detail,
              addressee: "ОО",
              basis: basisOf(profile, "msoko", CYCLE_MEASURE),
              targeted: false,
            },
          ]
        : (BY_RULE[f.rule] ?? []).map((d) => ({ ...materialise(d, profile), targeted: !!d.targeted }));
    for (const m of measures) {
      const r = out.get(m.id);
      if (r) r.because.push(f);
      else out.set(m.id, { ...m, because: [f] });
    }
  }
  return [...out.values()].map(({ targeted, ...r }) =>
    targeted
      ? {
          ...r,
          text: withFocus(
            r.text,
            r.because.map((f) => f.focus ?? ""),
          ),
        }
      : r,
  );
}

/** The measures known for a rule, for the «Методика» page, the summary's legend and the school's decisions. */
export function measuresFor(rule: string, profile: Profile, focus?: string): Measure[] {
  return (BY_RULE[rule] ?? []).map((d) => {
    const m = materialise(d, profile);
    return d.targeted && focus ? { ...m, text: withFocus(m.text, [focus]) } : m;
  });
}

/**
 * Every scalar threshold, weight, window and band of the methodology (spec §1–§8), declared once
 * with its label, unit, provenance tag and admissible range. Code reads values through a Profile
 * (see profile.ts); nothing else in the code base may write these numbers.
 */

export type Tag = "OFFICIAL" | "OFFICIAL*" | "REGIONAL" | "COMMON" | "DEFAULT";

export const TAG_LABELS: Record<Tag, string> = {
  OFFICIAL: "федеральный документ",
  "OFFICIAL*": "федеральный документ (в цитировании)",
  REGIONAL: "региональная практика",
  COMMON: "общепринятая практика",
  DEFAULT: "значение по умолчанию надстройки",
};

export type ParamKind = "number" | "integer" | "numbers" | "boolean" | "text";

export interface ParamSpec {
  section: string;
  label: string;
  kind: ParamKind;
  tag: Tag;
  unit?: string;
  min?: number;
  max?: number;
  /** For kind "numbers": the exact count of values. */
  length?: number;
  /** For kind "numbers": values must not decrease (level bands). */
  ascending?: boolean;
  /** kind "text": the user's own wording (regulation names, clause numbers); "" means none. */
  value: number | boolean | readonly number[] | string;
  /** Where in the methodology the rule lives. */
  rule: string;
}

import { DIRECTION_BASIS_PARAMS, DIRECTION_MIN_DENOMINATOR, DIRECTION_PARAMS } from "./direction-targets";

const RESULTS = "Показатели результатов";
const SAMPLE = "Объём выборки";
const OBJ = "Объективность";
const RISK = "Риски (ШНОР/ШНСУ)";
const STAB = "Стабильность и кластеры";
const CYCLE = "Управленческий цикл";
const DIRS = "Направления 3–8";
const BASIS = "Нормативная основа мер (свои положения)";
const LIMITS = "Ограничения";

const pct = { unit: "%", min: 0, max: 100 } as const;
const pp = { unit: "п.п.", min: 0, max: 100 } as const;

/** The catalogue. Keys are stable ids used in settings sheets and explanations. */
export const PARAMS = {
  "sou.weights": {
    section: RESULTS,
    rule: "§2",
    tag: "COMMON",
    kind: "numbers",
    length: 5,
    min: 0,
    max: 100,
    label: "Веса СОУ для отметок «5», «4», «3», «2», «1» (по В. П. Симонову)",
    value: [100, 64, 36, 16, 7],
  },
  "marks.naAsOne": {
    section: RESULTS,
    rule: "§2",
    tag: "DEFAULT",
    kind: "boolean",
    label: "Считать «н/а» участником с отметкой «1» (иначе «н/а» не учитывается)",
    value: false,
  },
  "ege.highScore": {
    section: RESULTS,
    rule: "§2",
    tag: "COMMON",
    kind: "integer",
    min: 0,
    max: 100,
    unit: "балл",
    label: "Высокий результат ЕГЭ: не ниже",
    value: 81,
  },
  "dynamics.share2Rise": {
    section: RESULTS,
    rule: "§2",
    tag: "OFFICIAL*",
    kind: "number",
    ...pp,
    label: "Отрицательная динамика: рост доли «2» не менее",
    value: 10,
  },
  "tasks.basicSufficient": {
    section: RESULTS,
    rule: "§2",
    tag: "OFFICIAL*",
    kind: "number",
    ...pct,
    label: "Базовые задания (Б): достаточный уровень от",
    value: 60,
  },
  "tasks.basicInsufficient": {
    section: RESULTS,
    rule: "§2",
    tag: "OFFICIAL*",
    kind: "number",
    ...pct,
    label: "Базовые задания (Б): недостаточный уровень ниже",
    value: 57,
  },
  "tasks.advancedSufficient": {
    section: RESULTS,
    rule: "§2",
    tag: "OFFICIAL*",
    kind: "number",
    ...pct,
    label: "Задания повышенного и высокого уровня (П/В): достаточный уровень от",
    value: 30,
  },
  "tasks.advancedInsufficient": {
    section: RESULTS,
    rule: "§2",
    tag: "OFFICIAL*",
    kind: "number",
    ...pct,
    label: "Задания повышенного и высокого уровня (П/В): недостаточный уровень ниже",
    value: 28.5,
  },

  "internal.qualityGap": {
    section: RESULTS,
    rule: "§8",
    tag: "DEFAULT",
    kind: "number",
    ...pp,
    label:
      "Расхождение внутренней и внешней оценки: разница качества (итоги четверти/полугодия или промежуточная аттестация минус ВПР, ОГЭ того же класса и предмета) от, п.п.",
    value: 15,
  },
  "sample.informative": {
    section: SAMPLE,
    rule: "§2",
    tag: "OFFICIAL*",
    kind: "integer",
    min: 1,
    unit: "чел.",
    label: "Информативная выборка: участников не менее",
    value: 50,
  },
  "sample.approximate": {
    section: SAMPLE,
    rule: "§2",
    tag: "OFFICIAL*",
    kind: "integer",
    min: 1,
    unit: "чел.",
    label: "Ориентировочная выборка: участников не менее (меньше — «мало участников»)",
    value: 20,
  },
  "sample.group": {
    section: SAMPLE,
    rule: "§2",
    tag: "OFFICIAL*",
    kind: "integer",
    min: 1,
    unit: "чел.",
    label: "Групповой анализ: участников в группе не менее",
    value: 10,
  },

  "objectivity.minN": {
    section: OBJ,
    rule: "§3",
    tag: "DEFAULT",
    kind: "integer",
    min: 1,
    unit: "чел.",
    label: "Признаки оцениваются при числе участников не менее",
    value: 20,
  },
  "o1.gap2Share": {
    section: OBJ,
    rule: "§3 O1",
    tag: "DEFAULT",
    kind: "number",
    ...pct,
    label: "O1: доля расхождений с журналом на 2 отметки и более не менее",
    value: 10,
  },
  "o1.mismatchExcess": {
    section: OBJ,
    rule: "§3 O1",
    tag: "DEFAULT",
    kind: "number",
    ...pp,
    label: "O1: доля несовпадений выше эталона не менее чем на",
    value: 20,
  },
  "o1.minCount": {
    section: OBJ,
    rule: "§3 O1 (ред. 2026.2)",
    tag: "DEFAULT",
    kind: "integer",
    min: 1,
    unit: "чел.",
    label: "O1: участников с расхождением (за сработавшим условием) не менее",
    value: 3,
  },
  "o1.alpha": {
    section: OBJ,
    rule: "§3 O1 (ред. 2026.2)",
    tag: "DEFAULT",
    kind: "number",
    min: 0,
    max: 1,
    label: "O1: уровень значимости одностороннего биномиального теста против доли эталона",
    value: 0.01,
  },
  "o2.minN": {
    section: OBJ,
    rule: "§3 O2",
    tag: "DEFAULT",
    kind: "integer",
    min: 1,
    unit: "чел.",
    label: "O2: пики на границах отметок проверяются при участниках не менее",
    value: 30,
  },
  "o2.minPeak": {
    section: OBJ,
    rule: "§3 O2",
    tag: "DEFAULT",
    kind: "integer",
    min: 1,
    unit: "чел.",
    label: "O2: участников на пограничном балле не менее",
    value: 5,
  },
  "o2.ratio": {
    section: OBJ,
    rule: "§3 O2",
    tag: "DEFAULT",
    kind: "number",
    min: 1,
    unit: "раз",
    label: "O2: на пограничном балле больше, чем на балл ниже, не менее чем в",
    value: 2,
  },
  "o2.alpha": {
    section: OBJ,
    rule: "§3 O2",
    tag: "DEFAULT",
    kind: "number",
    min: 0,
    max: 1,
    label: "O2: уровень значимости биномиального теста",
    value: 0.01,
  },
  // Project addition to revision 2026.2 (docs/analysis.md «Качество правил»): a school writes about
  // twenty tests a year, so a per-test level of 1 % flags 7–8 % of ordinary school-years; Bonferroni
  // over the school's tests of the year, in the spirit of R3, keeps the school-year rate near §8's 5 %.
  "objectivity.familywise": {
    section: OBJ,
    rule: "§3 O1, O2 (дополнение к ред. 2026.2)",
    tag: "DEFAULT",
    kind: "boolean",
    label:
      "O1, O2: поправка на число проверок ОО за год (порог значимости — меньшее из уровня одной проверки и уровня на все проверки, делённого на их число; «нет» — порог одной проверки, как в тексте методики)",
    value: true,
  },
  "o1.familywiseAlpha": {
    section: OBJ,
    rule: "§3 O1 (дополнение к ред. 2026.2)",
    tag: "DEFAULT",
    kind: "number",
    min: 0,
    max: 1,
    label: "O1: уровень значимости на все проверки ОО за год (делится на их число — поправка Бонферрони)",
    value: 0.05,
  },
  "o2.familywiseAlpha": {
    section: OBJ,
    rule: "§3 O2 (дополнение к ред. 2026.2)",
    tag: "DEFAULT",
    kind: "number",
    min: 0,
    max: 1,
    label: "O2: уровень значимости на все проверки ОО за год (делится на их число — поправка Бонферрони)",
    value: 0.1,
  },
  "o3.qualityExcess": {
    section: OBJ,
    rule: "§3 O3",
    tag: "DEFAULT",
    kind: "number",
    ...pp,
    label: "O3: качество выше эталона не менее чем на",
    value: 25,
  },
  // Project addition to revision 2026.2: without a margin, chance alone puts an ordinary school a
  // fraction of a point below the reference on basic tasks and above it on advanced ones.
  "o4.minN": {
    section: OBJ,
    rule: "§3 O4 (дополнение к ред. 2026.2)",
    tag: "DEFAULT",
    kind: "integer",
    min: 1,
    unit: "чел.",
    label: "O4: инверсия трудности проверяется при участниках с баллами за задания не менее",
    value: 20,
  },
  "o4.inversionMargin": {
    section: OBJ,
    rule: "§3 O4 (дополнение к ред. 2026.2)",
    tag: "DEFAULT",
    kind: "number",
    ...pp,
    label: "O4: выполнение заданий повышенного и высокого уровня выше выполнения базовых не менее чем на",
    value: 5,
  },
  "o4.crossMargin": {
    section: OBJ,
    rule: "§3 O4 (дополнение к ред. 2026.2)",
    tag: "DEFAULT",
    kind: "number",
    ...pp,
    label: "O4: ниже эталона по базовым заданиям и выше по повышенным — каждое не менее чем на",
    value: 5,
  },
  "o5.gap": {
    section: OBJ,
    rule: "§3 O5",
    tag: "DEFAULT",
    kind: "number",
    ...pp,
    label: "O5: качество ВПР/КДР выше качества ОГЭ той же параллели не менее чем на",
    value: 30,
  },
  "o5.jump": {
    section: OBJ,
    rule: "§3 O5",
    tag: "DEFAULT",
    kind: "number",
    ...pp,
    label: "O5: скачок качества параллели за год не менее",
    value: 30,
  },
  "o5.alpha": {
    section: OBJ,
    rule: "§3 O5 (ред. 2026.2)",
    tag: "DEFAULT",
    kind: "number",
    min: 0,
    max: 1,
    label: "O5: уровень значимости одностороннего теста разности двух долей",
    value: 0.01,
  },
  "o6.ratio": {
    section: OBJ,
    rule: "§3 O6",
    tag: "DEFAULT",
    kind: "number",
    min: 1,
    unit: "раз",
    label: "O6: доля победителей и призёров школьного этапа выше муниципальной не менее чем в",
    value: 2,
  },
  "objectivity.window": {
    section: OBJ,
    rule: "§3",
    tag: "DEFAULT",
    kind: "integer",
    min: 1,
    max: 10,
    unit: "лет",
    label: "Стабильное отсутствие признаков: число последних лет с данными",
    value: 3,
  },

  "r1.share": {
    section: RISK,
    rule: "§4 R1",
    tag: "REGIONAL",
    kind: "number",
    ...pct,
    label: "R1: доля не преодолевших минимальный порог не менее",
    value: 30,
  },
  "r1.procedures": {
    section: RISK,
    rule: "§4 R1",
    tag: "REGIONAL",
    kind: "integer",
    min: 1,
    unit: "проц.",
    label: "R1: в стольких процедурах одного года",
    value: 2,
  },
  "r1.minN": {
    section: RISK,
    rule: "§4 R1",
    tag: "REGIONAL",
    kind: "integer",
    min: 1,
    unit: "чел.",
    label: "R1, R2: процедура учитывается при участниках не менее",
    value: 10,
  },
  "r2.quantile": {
    section: RISK,
    rule: "§4 R2",
    tag: "REGIONAL",
    kind: "number",
    min: 0,
    max: 1,
    label: "R2: нижняя доля кластера (квартиль = 0,25)",
    value: 0.25,
  },
  "r2.floor": {
    section: RISK,
    rule: "§4 R2 (ред. 2026.2)",
    tag: "DEFAULT",
    kind: "number",
    min: -10,
    max: 0,
    unit: "ст. откл.",
    label: "R2: стандартизированный результат не выше (нижняя четверть кластера хороших школ — не низкие результаты)",
    value: -1,
  },
  "r2.minSchools": {
    section: RISK,
    rule: "§4 R2 (ред. 2026.2)",
    tag: "DEFAULT",
    kind: "integer",
    min: 2,
    unit: "ОО",
    label: "R2: квартиль кластера берётся при школах с результатом не менее (иначе сравнение со всем муниципалитетом)",
    value: 4,
  },
  "r3.minN": {
    section: RISK,
    rule: "§4 R3",
    tag: "OFFICIAL*",
    kind: "integer",
    min: 1,
    unit: "чел.",
    label: "R3: динамика учитывается при участниках не менее",
    value: 20,
  },
  "r3.alpha": {
    section: RISK,
    rule: "§4 R3 (ред. 2026.2)",
    tag: "DEFAULT",
    kind: "number",
    min: 0,
    max: 1,
    label:
      "R3: уровень значимости роста доли «2» (делится на число сравнённых процедур школы за год — поправка Бонферрони)",
    value: 0.05,
  },
  "r4.quantile": {
    section: RISK,
    rule: "§4 R4",
    tag: "REGIONAL",
    kind: "number",
    min: 0,
    max: 1,
    label: "R4: нижняя доля муниципалитета по индексу социального контекста",
    value: 0.25,
  },
  "r5.highFactors": {
    section: RISK,
    rule: "§4 R5",
    tag: "DEFAULT",
    kind: "integer",
    min: 1,
    max: 12,
    unit: "факт.",
    label: "R5: факторов рискового профиля высокого уровня не менее",
    value: 3,
  },
  "risk.weights": {
    section: RISK,
    rule: "§4",
    tag: "DEFAULT",
    kind: "numbers",
    length: 5,
    min: 0,
    label: "Веса факторов R1, R2, R3, R4, R5 в оценке риска",
    value: [3, 2, 1, 1, 2],
  },
  "risk.levels": {
    section: RISK,
    rule: "§4",
    tag: "DEFAULT",
    kind: "numbers",
    length: 2,
    min: 0,
    max: 100,
    label: "Уровень риска: средний от, высокий от (баллов из 100)",
    value: [25, 50],
  },

  "stability.window": {
    section: STAB,
    rule: "§5",
    tag: "DEFAULT",
    kind: "integer",
    min: 1,
    max: 10,
    unit: "лет",
    label: "Стабильно высокие/низкие: число последних лет с данными",
    value: 3,
  },
  "stability.topQuantile": {
    section: STAB,
    rule: "§5",
    tag: "DEFAULT",
    kind: "number",
    min: 0,
    max: 1,
    label: "Стабильно высокие: верхняя доля кластера (квартиль = 0,25)",
    value: 0.25,
  },
  "stability.highFloor": {
    section: STAB,
    rule: "§5 (ред. 2026.2)",
    tag: "DEFAULT",
    kind: "number",
    min: 0,
    max: 10,
    unit: "ст. откл.",
    label: "Стабильно высокие: стандартизированный результат каждый год не ниже",
    value: 1,
  },
  "stability.lowCeiling": {
    section: STAB,
    rule: "§5 (ред. 2026.2)",
    tag: "DEFAULT",
    kind: "number",
    min: -10,
    max: 10,
    unit: "ст. откл.",
    label: "Стабильно низкие: не присваивается, если стандартизированный результат хотя бы в одном году выше",
    value: 0,
  },
  "clusters.minSize": {
    section: STAB,
    rule: "§6",
    tag: "DEFAULT",
    kind: "integer",
    min: 1,
    unit: "ОО",
    label: "Кластер меньше стольких школ объединяется со всеми кластерами своего типа (ред. 2026.2)",
    value: 4,
  },
  "clusters.socialTerciles": {
    section: STAB,
    rule: "§6",
    tag: "DEFAULT",
    kind: "boolean",
    label: "Делить кластеры по терцилям индекса социального контекста (если он задан)",
    value: true,
  },

  "cycle.scores": {
    section: CYCLE,
    rule: "§1",
    tag: "DEFAULT",
    kind: "numbers",
    length: 3,
    min: 0,
    label: "Баллы компонента цикла: нет, частично, есть",
    value: [0, 1, 2],
  },
  "cycle.levels": {
    section: CYCLE,
    rule: "§1",
    tag: "DEFAULT",
    kind: "numbers",
    length: 2,
    ...pct,
    label: "Уровень цикла: средний от, высокий от",
    value: [50, 80],
  },
  "cycle.requireDocument": {
    section: CYCLE,
    rule: "§1",
    tag: "DEFAULT",
    kind: "boolean",
    label: "Компонент цикла «есть» без номера и даты документа считать выполненным частично",
    value: true,
  },
  "cycle.findingFirstStep": {
    section: CYCLE,
    rule: "§1",
    tag: "DEFAULT",
    kind: "integer",
    min: 1,
    max: 9,
    label: "Вывод анализа (признак, ШНОР/ШНСУ) требует ответа цикла начиная с этапа",
    value: 6,
  },
  "cycle.findingLastStep": {
    section: CYCLE,
    rule: "§1",
    tag: "DEFAULT",
    kind: "integer",
    min: 1,
    max: 9,
    label: "Вывод анализа требует ответа цикла по этап (включительно)",
    value: 8,
  },
  "cycle.findingsRequireLink": {
    section: CYCLE,
    rule: "§1",
    tag: "DEFAULT",
    kind: "boolean",
    label: "Этап без строки со ссылкой на вывод анализа («Связь с выводом») считать выполненным не более чем частично",
    value: true,
  },

  "staff.categoryBands": {
    section: DIRS,
    rule: "§7",
    tag: "OFFICIAL",
    kind: "numbers",
    length: 2,
    ascending: true,
    ...pct,
    label: "Доля педагогов с первой и высшей категорией: средний уровень от, хороший от",
    value: [20, 50],
  },
  "dir.minDenominator": DIRECTION_MIN_DENOMINATOR,
  "preschool.basicLevel": {
    section: DIRS,
    rule: "§7",
    tag: "COMMON",
    kind: "integer",
    min: 1,
    max: 5,
    label: "МКДО: базовый уровень качества — номер уровня шкалы (1 — ниже базового … 5 — превосходный)",
    value: 2,
  },
  ...DIRECTION_PARAMS,

  "basis.msoko": {
    section: BASIS,
    rule: "§8",
    tag: "DEFAULT",
    kind: "text",
    label: "Название положения о МСОКО вашего муниципалитета (печатается в столбце «Основание» мер МОУО и ИМЦ)",
    value: "Положение о МСОКО",
  },
  "basis.vsoko": {
    section: BASIS,
    rule: "§8",
    tag: "DEFAULT",
    kind: "text",
    label: "Название положения о ВСОКО вашей ОО (печатается в столбце «Основание» мер ОО)",
    value: "Положение о ВСОКО ОО",
  },
  "basis.clause.recheck": {
    section: BASIS,
    rule: "§8",
    tag: "DEFAULT",
    kind: "text",
    label:
      "Пункт положения о МСОКО для меры «независимая перепроверка работ муниципальной предметной комиссией» (например, «п. 9.4»; пусто — без пункта)",
    value: "",
  },
  "basis.clause.observers": {
    section: BASIS,
    rule: "§8",
    tag: "DEFAULT",
    kind: "text",
    label:
      "Пункт положения о МСОКО для меры «общественные наблюдатели и видеонаблюдение» (например, «п. 9.4»; пусто — без пункта)",
    value: "",
  },
  "basis.clause.explain": {
    section: BASIS,
    rule: "§8",
    tag: "DEFAULT",
    kind: "text",
    label:
      "Пункт положения о МСОКО для меры «разъяснительная работа с руководителем ОО» (например, «п. 9.4»; пусто — без пункта)",
    value: "",
  },
  "basis.clause.internalAudit": {
    section: BASIS,
    rule: "§8",
    tag: "DEFAULT",
    kind: "text",
    label:
      "Пункт положения о МСОКО для меры «анализ соответствия текущих отметок результатам процедур» (например, «п. 9.4»; пусто — без пункта)",
    value: "",
  },
  "basis.clause.olympiadCheck": {
    section: BASIS,
    rule: "§8",
    tag: "DEFAULT",
    kind: "text",
    label:
      "Пункт положения о МСОКО для меры «независимая проверка работ школьного этапа ВсОШ» (например, «п. 9.4»; пусто — без пункта)",
    value: "",
  },
  "basis.clause.shnorProgram": {
    section: BASIS,
    rule: "§8",
    tag: "DEFAULT",
    kind: "text",
    label: "Пункт положения о МСОКО для меры «программа поддержки ШНОР/ШНСУ» (например, «п. 9.4»; пусто — без пункта)",
    value: "",
  },
  "basis.clause.methodHelp": {
    section: BASIS,
    rule: "§8",
    tag: "DEFAULT",
    kind: "text",
    label: "Пункт положения о МСОКО для меры «адресная методическая помощь» (например, «п. 9.4»; пусто — без пункта)",
    value: "",
  },
  "basis.clause.pdRoutes": {
    section: BASIS,
    rule: "§8",
    tag: "DEFAULT",
    kind: "text",
    label:
      "Пункт положения о МСОКО для меры «маршруты профессионального развития педагогов» (например, «п. 9.4»; пусто — без пункта)",
    value: "",
  },
  "basis.clause.partnership": {
    section: BASIS,
    rule: "§8",
    tag: "DEFAULT",
    kind: "text",
    label:
      "Пункт положения о МСОКО для меры «сетевое партнёрство со школой со стабильно высокими результатами» (например, «п. 9.4»; пусто — без пункта)",
    value: "",
  },
  "basis.clause.socialSupport": {
    section: BASIS,
    rule: "§8",
    tag: "DEFAULT",
    kind: "text",
    label:
      "Пункт положения о МСОКО для меры «учёт неблагоприятных социальных условий» (например, «п. 9.4»; пусто — без пункта)",
    value: "",
  },
  "basis.clause.riskProfile": {
    section: BASIS,
    rule: "§8",
    tag: "DEFAULT",
    kind: "text",
    label: "Пункт положения о МСОКО для меры «антирисковая программа» (например, «п. 9.4»; пусто — без пункта)",
    value: "",
  },
  "basis.clause.shareExperience": {
    section: BASIS,
    rule: "§8",
    tag: "DEFAULT",
    kind: "text",
    label:
      "Пункт положения о МСОКО для меры «распространение опыта ОО без признаков необъективности» (например, «п. 9.4»; пусто — без пункта)",
    value: "",
  },
  "basis.clause.bestPractice": {
    section: BASIS,
    rule: "§8",
    tag: "DEFAULT",
    kind: "text",
    label:
      "Пункт положения о МСОКО для меры «тиражирование практик ОО со стабильно высокими результатами» (например, «п. 9.4»; пусто — без пункта)",
    value: "",
  },
  "basis.clause.cycle": {
    section: BASIS,
    rule: "§8",
    tag: "DEFAULT",
    kind: "text",
    label:
      "Пункт положения о МСОКО для меры «документ недостающего компонента управленческого цикла» (например, «п. 9.4»; пусто — без пункта)",
    value: "",
  },
  "basis.clause.deficits": {
    section: BASIS,
    rule: "§8",
    tag: "DEFAULT",
    kind: "text",
    label:
      "Пункт положения о ВСОКО для меры «корректировка рабочих программ по дефицитам» (например, «п. 9.4»; пусто — без пункта)",
    value: "",
  },
  "basis.clause.schoolRecheck": {
    section: BASIS,
    rule: "§8",
    tag: "DEFAULT",
    kind: "text",
    label:
      "Пункт положения о ВСОКО для меры «перепроверка работ школьной комиссией» (например, «п. 9.4»; пусто — без пункта)",
    value: "",
  },
  "basis.clause.conflictOfInterest": {
    section: BASIS,
    rule: "§8",
    tag: "DEFAULT",
    kind: "text",
    label:
      "Пункт положения о ВСОКО для меры «исключение конфликта интересов при проверке работ» (например, «п. 9.4»; пусто — без пункта)",
    value: "",
  },
  "basis.clause.schoolOlympiad": {
    section: BASIS,
    rule: "§8",
    tag: "DEFAULT",
    kind: "text",
    label:
      "Пункт положения о ВСОКО для меры «перепроверка работ школьного этапа ВсОШ» (например, «п. 9.4»; пусто — без пункта)",
    value: "",
  },
  "basis.clause.lowResultsHelp": {
    section: BASIS,
    rule: "§8",
    tag: "DEFAULT",
    kind: "text",
    label:
      "Пункт положения о ВСОКО для меры «программа помощи обучающимся с низкими результатами» (например, «п. 9.4»; пусто — без пункта)",
    value: "",
  },
  "basis.clause.schoolProgram": {
    section: BASIS,
    rule: "§8",
    tag: "DEFAULT",
    kind: "text",
    label:
      "Пункт положения о ВСОКО для меры «школьная программа повышения качества образования» (например, «п. 9.4»; пусто — без пункта)",
    value: "",
  },
  "basis.clause.methodicalWork": {
    section: BASIS,
    rule: "§8",
    tag: "DEFAULT",
    kind: "text",
    label:
      "Пункт положения о ВСОКО для меры «работа школьных методических объединений» (например, «п. 9.4»; пусто — без пункта)",
    value: "",
  },
  "basis.clause.positivePractice": {
    section: BASIS,
    rule: "§8",
    tag: "DEFAULT",
    kind: "text",
    label:
      "Пункт положения о ВСОКО для меры «распространение позитивной практики» (например, «п. 9.4»; пусто — без пункта)",
    value: "",
  },
  ...DIRECTION_BASIS_PARAMS,
  // Limits on the files read (issue 22; docs/security.md, «Ограничения»): a municipality with
  // unusually large books may raise them with --set; `max` is a hard cap that keeps the reader
  // safe — past it one file could take the whole memory of the computer (why each cap, below).
  "limits.bookCells": {
    section: LIMITS,
    rule: "§9",
    tag: "DEFAULT",
    kind: "integer",
    unit: "ячеек",
    min: 100_000,
    // Each cell read costs 16–30 bytes in the grids; 30 M cells ≈ 1 GB, Node's usual heap is 2–4 GB.
    max: 30_000_000,
    label:
      "Наибольшее число ячеек книги (все листы вместе, по заявленным размерам листов) — ~25 раз больше свода 600 ОО",
    value: 10_000_000,
  },
  "limits.mergedCells": {
    section: LIMITS,
    rule: "§9",
    tag: "DEFAULT",
    kind: "integer",
    unit: "ячеек",
    min: 10_000,
    // exceljs expands every merged cell into a Set entry: V8 refuses a Set over 16,7 M entries.
    max: 5_000_000,
    label: "Наибольшее число ячеек в объединённых областях книги (все листы вместе)",
    value: 1_000_000,
  },
  "limits.inflatedMb": {
    section: LIMITS,
    rule: "§9",
    tag: "DEFAULT",
    kind: "integer",
    unit: "МБ",
    min: 50,
    // Unpacked parts are held in memory while a book is read; 2 GB is the most a 32-bit length can address.
    max: 2000,
    label: "Наибольший объём книги после распаковки (все части вместе, измеряется при распаковке)",
    value: 1000,
  },
  "limits.stringMb": {
    section: LIMITS,
    rule: "§9",
    tag: "DEFAULT",
    kind: "integer",
    unit: "МБ",
    min: 8,
    // V8 cannot hold one string over ~512 MB (2^29 characters); the cap keeps a part well below it.
    max: 256,
    label: "Наибольший объём текста книги (общие строки, описание книги), читаемого целиком",
    value: 64,
  },
  "limits.textLength": {
    section: LIMITS,
    rule: "§9",
    tag: "DEFAULT",
    kind: "integer",
    unit: "знаков",
    min: 100,
    // Excel keeps at most 32 767 characters in a cell: a longer text could not be written into any output.
    max: 32_767,
    label:
      "Наибольшая длина текста в ячейке формы (длиннее — сокращается с замечанием, чтобы одна форма не остановила свод)",
    value: 1000,
  },
  "limits.jsonDepth": {
    section: LIMITS,
    rule: "§9",
    tag: "DEFAULT",
    kind: "integer",
    unit: "уровней",
    min: 2,
    // A recursive walk of 40 000 levels overflowed the stack; 64 levels are far from it.
    max: 64,
    label: "Наибольшая вложенность скобок в аргументе-JSON команды msoko calc (диапазон — 2 уровня)",
    value: 8,
  },
  "limits.jsonKb": {
    section: LIMITS,
    rule: "§9",
    tag: "DEFAULT",
    kind: "integer",
    unit: "КБ",
    min: 1,
    // Linux passes at most 128 KB in one command-line argument anyway; past 1 MB parsing one argument stalls the run.
    max: 1024,
    label: "Наибольший размер одного аргумента-JSON команды msoko calc",
    value: 128,
  },
} satisfies Record<string, ParamSpec>;

export type ParamKey = keyof typeof PARAMS;

type Widen<T> = T extends boolean
  ? boolean
  : T extends number
    ? number
    : T extends readonly number[]
      ? readonly number[]
      : T extends string
        ? string
        : never;
export type ParamValues = { [K in ParamKey]: Widen<(typeof PARAMS)[K]["value"]> };

export const PARAM_KEYS = Object.keys(PARAMS) as ParamKey[];

export function paramSpec(key: ParamKey): ParamSpec {
  return PARAMS[key] as ParamSpec;
}

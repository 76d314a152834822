/**
 * Municipal targets (целевые индикаторы) and level bands of the direction 3–8 indicators, as
 * profile parameters: for each indicator «use it», «target» and «bands» (methodology §7: «each
 * municipality picks»; regulation 002 §3.2: «система критериев, показателей и целевых
 * индикаторов»). The formulas live in src/core/directions.ts under the same ids; this file holds
 * only numbers and wording, so the «Методика» page and the settings sheet edit them like any
 * other parameter (`--set dir.categoryShare.target=60`).
 */
import type { ParamSpec, Tag } from "./params";

export type DirectionUnit = "%" | "чел." | "балл" | "ставок" | "случаев";

/** Which way is better: the target is a floor ("higher") or a ceiling ("lower"). */
export type Better = "higher" | "lower";

export interface DirectionTargetDef {
  id: string;
  direction: 3 | 4 | 5 | 6 | 7 | 8;
  /** Name without the unit, as it reads in a sentence («Педагоги с первой и высшей категорией»). */
  name: string;
  unit: DirectionUnit;
  better: Better;
  /** Assessed and shown by default. */
  use: boolean;
  target: number;
  /** higher: [средний от, хороший от]; lower: [хороший до, средний до]. */
  bands: readonly [number, number];
  /** Provenance of the target and bands. */
  tag: Tag;
  /** Another parameter already holds the bands (kept for settings written before the catalogue). */
  bandsKey?: "staff.categoryBands";
}

/**
 * The catalogue's numbers; [DEFAULT] ones are starting points for the municipality to replace.
 * By default the «хороший» band starts at the target, so «средний» reads «below the target but
 * close» and «низкий» «far below»; a municipality may set them apart.
 */
export const DIRECTION_TARGETS = [
  // 3. Таланты
  {
    id: "olySchoolShare",
    direction: 3,
    name: "Доля обучающихся 4–11 классов — участников школьного этапа ВсОШ",
    unit: "%",
    better: "higher",
    use: true,
    target: 40,
    bands: [30, 40],
    tag: "DEFAULT",
  },
  {
    id: "olyMunicipalAwardShare",
    direction: 3,
    name: "Доля победителей и призёров среди участников муниципального этапа ВсОШ",
    unit: "%",
    better: "higher",
    use: true,
    target: 15,
    bands: [10, 15],
    tag: "DEFAULT",
  },
  {
    id: "olyMunicipalAwardees",
    direction: 3,
    name: "Победители и призёры муниципального этапа ВсОШ",
    unit: "чел.",
    better: "higher",
    use: false,
    target: 1,
    bands: [1, 1],
    tag: "DEFAULT",
  },
  {
    id: "olyRegionalAwardees",
    direction: 3,
    name: "Победители и призёры регионального этапа ВсОШ",
    unit: "чел.",
    better: "higher",
    use: false,
    target: 1,
    bands: [1, 1],
    tag: "DEFAULT",
  },
  {
    id: "olySchoolAwardShare",
    direction: 3,
    name: "Доля победителей и призёров среди участников школьного этапа ВсОШ",
    unit: "%",
    better: "higher",
    use: false,
    target: 20,
    bands: [10, 20],
    tag: "DEFAULT",
  },
  {
    id: "addEducationShare",
    direction: 3,
    name: "Охват дополнительным образованием",
    unit: "%",
    better: "higher",
    use: true,
    target: 80,
    bands: [70, 80],
    tag: "OFFICIAL*",
  },
  // 4. Самоопределение и профориентация
  {
    id: "grad9ContinueShare",
    direction: 4,
    name: "Доля выпускников 9 классов, продолживших обучение (10 класс или СПО)",
    unit: "%",
    better: "higher",
    use: true,
    target: 95,
    bands: [90, 95],
    tag: "DEFAULT",
  },
  {
    id: "grad9To10Share",
    direction: 4,
    name: "Доля выпускников 9 классов, продолживших обучение в 10 классе",
    unit: "%",
    better: "higher",
    use: false,
    target: 50,
    bands: [40, 50],
    tag: "DEFAULT",
  },
  {
    id: "grad9ToSpoShare",
    direction: 4,
    name: "Доля выпускников 9 классов, поступивших в ОО СПО",
    unit: "%",
    better: "higher",
    use: false,
    target: 40,
    bands: [30, 40],
    tag: "DEFAULT",
  },
  {
    id: "grad11ToVuzShare",
    direction: 4,
    name: "Доля выпускников 11 классов, поступивших в вузы",
    unit: "%",
    better: "higher",
    use: true,
    target: 50,
    bands: [40, 50],
    tag: "DEFAULT",
  },
  {
    id: "grad11VuzProfileShare",
    direction: 4,
    name: "Доля поступивших в вузы по профилю сданных ЕГЭ",
    unit: "%",
    better: "higher",
    use: true,
    target: 70,
    bands: [60, 70],
    tag: "DEFAULT",
  },
  {
    id: "grad11ToSpoShare",
    direction: 4,
    name: "Доля выпускников 11 классов, поступивших в ОО СПО",
    unit: "%",
    better: "higher",
    use: false,
    target: 20,
    bands: [10, 20],
    tag: "DEFAULT",
  },
  {
    id: "grad11UndeterminedShare",
    direction: 4,
    name: "Доля выпускников 11 классов, не определившихся с дальнейшим путём",
    unit: "%",
    better: "lower",
    use: true,
    target: 10,
    bands: [10, 15],
    tag: "DEFAULT",
  },
  {
    id: "futureTicketShare",
    direction: 4,
    name: "Доля обучающихся 6–11 классов — участников проекта «Билет в будущее»",
    unit: "%",
    better: "higher",
    use: true,
    target: 25,
    bands: [15, 25],
    tag: "DEFAULT",
  },
  {
    id: "profMinimumShare",
    direction: 4,
    name: "Охват обучающихся 6–11 классов профминимумом",
    unit: "%",
    better: "higher",
    use: true,
    target: 100,
    bands: [90, 100],
    tag: "OFFICIAL*",
  },
  // 5. Эффективность руководителей
  {
    id: "headScore",
    direction: 5,
    name: "Оценка эффективности руководителя (доля от максимума баллов)",
    unit: "%",
    better: "higher",
    use: true,
    target: 70,
    bands: [60, 70],
    tag: "DEFAULT",
  },
  // 6. Профессиональное развитие педагогов
  {
    id: "categoryShare",
    direction: 6,
    name: "Доля педагогов с первой и высшей квалификационной категорией",
    unit: "%",
    better: "higher",
    use: true,
    target: 50,
    bands: [20, 50],
    // The target is the municipality's; the bands (old accreditation's 20 / 50 %) are [OFFICIAL] in «staff.categoryBands».
    tag: "DEFAULT",
    bandsKey: "staff.categoryBands",
  },
  {
    id: "trainedShare",
    direction: 6,
    name: "Доля педагогов, прошедших повышение квалификации за 3 года",
    unit: "%",
    better: "higher",
    use: true,
    target: 90,
    bands: [80, 90],
    tag: "DEFAULT",
  },
  {
    id: "diagnosticsShare",
    direction: 6,
    name: "Доля педагогов, прошедших диагностику профессиональных дефицитов",
    unit: "%",
    better: "higher",
    use: true,
    target: 50,
    bands: [30, 50],
    tag: "DEFAULT",
  },
  {
    id: "routeShare",
    direction: 6,
    name: "Доля педагогов, работающих по индивидуальному образовательному маршруту",
    unit: "%",
    better: "higher",
    use: true,
    target: 25,
    bands: [15, 25],
    tag: "DEFAULT",
  },
  {
    id: "mentoredShare",
    direction: 6,
    name: "Доля молодых педагогов с наставником",
    unit: "%",
    better: "higher",
    use: true,
    target: 100,
    bands: [80, 100],
    tag: "DEFAULT",
  },
  {
    id: "vacancies",
    direction: 6,
    name: "Вакансии педагогов",
    unit: "ставок",
    better: "lower",
    use: true,
    target: 1,
    bands: [1, 2],
    tag: "DEFAULT",
  },
  // 7. Воспитание
  {
    id: "clubsShare",
    direction: 7,
    name: "Охват кружками и секциями ОО",
    unit: "%",
    better: "higher",
    use: true,
    target: 45,
    bands: [35, 45],
    tag: "DEFAULT",
  },
  {
    id: "movementFirstShare",
    direction: 7,
    name: "Доля участников «Движения Первых»",
    unit: "%",
    better: "higher",
    use: true,
    target: 25,
    bands: [15, 25],
    tag: "DEFAULT",
  },
  {
    id: "volunteersShare",
    direction: 7,
    name: "Доля обучающихся-волонтёров",
    unit: "%",
    better: "higher",
    use: true,
    target: 8,
    bands: [5, 8],
    tag: "DEFAULT",
  },
  {
    id: "preventionShare",
    direction: 7,
    name: "Доля обучающихся на профилактическом учёте",
    unit: "%",
    better: "lower",
    use: true,
    target: 2,
    bands: [2, 3],
    tag: "DEFAULT",
  },
  {
    id: "preventionRegister",
    direction: 7,
    name: "Обучающиеся на профилактическом учёте",
    unit: "чел.",
    better: "lower",
    use: false,
    target: 0,
    bands: [0, 3],
    tag: "DEFAULT",
  },
  {
    id: "offences",
    direction: 7,
    name: "Правонарушения обучающихся",
    unit: "случаев",
    better: "lower",
    use: true,
    target: 2,
    bands: [2, 4],
    tag: "DEFAULT",
  },
  {
    id: "summerRestShare",
    direction: 7,
    name: "Охват летним отдыхом и оздоровлением",
    unit: "%",
    better: "higher",
    use: true,
    target: 45,
    bands: [35, 45],
    tag: "DEFAULT",
  },
  // 8. Дошкольное образование
  {
    id: "mkdoBasicShare",
    direction: 8,
    name: "Доля дошкольных групп на базовом уровне МКДО и выше во всех оценённых областях",
    unit: "%",
    better: "higher",
    use: true,
    target: 80,
    bands: [70, 80],
    tag: "DEFAULT",
  },
  {
    id: "mkdoScore",
    direction: 8,
    name: "Средний балл МКДО по областям качества",
    unit: "балл",
    better: "higher",
    use: true,
    target: 2.8,
    bands: [2.5, 2.8],
    tag: "DEFAULT",
  },
] as const satisfies readonly DirectionTargetDef[];

export type DirectionIndicatorId = (typeof DIRECTION_TARGETS)[number]["id"];

const SECTIONS: Record<DirectionTargetDef["direction"], string> = {
  3: "Направление 3: показатели и цели",
  4: "Направление 4: показатели и цели",
  5: "Направление 5: показатели и цели",
  6: "Направление 6: показатели и цели",
  7: "Направление 7: показатели и цели",
  8: "Направление 8: показатели и цели",
};

type UseKey = `dir.${DirectionIndicatorId}.use`;
type TargetKey = `dir.${DirectionIndicatorId}.target`;
type BandsKey = `dir.${Exclude<DirectionIndicatorId, "categoryShare">}.bands`;

type Spec<V> = Omit<ParamSpec, "value"> & { value: V };

function range(def: DirectionTargetDef): Pick<ParamSpec, "min" | "max" | "unit"> {
  return def.unit === "%" ? { unit: "%", min: 0, max: 100 } : { unit: def.unit, min: 0 };
}

/** «Использовать», «целевой индикатор», «уровни» of every indicator, in catalogue order. */
function build(): Record<UseKey, Spec<boolean>> & Record<TargetKey, Spec<number>> & Record<BandsKey, Spec<number[]>> {
  const out: Record<string, ParamSpec> = {};
  for (const def of DIRECTION_TARGETS as readonly DirectionTargetDef[]) {
    const section = SECTIONS[def.direction];
    const floor = def.better === "higher";
    out[`dir.${def.id}.use`] = {
      section,
      rule: "§7",
      tag: "DEFAULT",
      kind: "boolean",
      label: `${def.name}: показывать и оценивать`,
      value: def.use,
    };
    out[`dir.${def.id}.target`] = {
      section,
      rule: "§7",
      tag: def.tag,
      kind: "number",
      ...range(def),
      label: `${def.name}: целевой индикатор (${floor ? "не ниже" : "не выше"})`,
      value: def.target,
    };
    if (def.bandsKey) continue;
    out[`dir.${def.id}.bands`] = {
      section,
      rule: "§7",
      tag: def.tag,
      kind: "numbers",
      length: 2,
      ascending: true,
      ...range(def),
      label: `${def.name}: уровни — ${floor ? "средний от, хороший от" : "хороший до, средний до"}`,
      value: [...def.bands],
    };
  }
  return out as ReturnType<typeof build>;
}

export const DIRECTION_PARAMS = build();

/** Schools whose denominator is below this are shown but not assessed (one young teacher is 0 % or 100 %). */
export const DIRECTION_MIN_DENOMINATOR: Spec<number> = {
  section: "Направления 3–8",
  rule: "§7",
  tag: "DEFAULT",
  kind: "integer",
  min: 1,
  unit: "чел.",
  label: "Доля по ОО оценивается (уровень, цель), если знаменатель не меньше",
  value: 5,
};

/** Short names of the directions for the labels of their measures' clauses. */
const MEASURE_TOPICS: Record<DirectionTargetDef["direction"], string> = {
  3: "выявление и поддержка способностей и талантов",
  4: "самоопределение и профориентация",
  5: "эффективность руководителей ОО",
  6: "профессиональное развитие педагогов",
  7: "организация воспитания",
  8: "качество дошкольного образования",
};

type DirectionBasisKey = `basis.clause.direction${DirectionTargetDef["direction"]}`;

/** The user's clause for the measures of each direction (src/core/recommendations.ts basisOf). */
export const DIRECTION_BASIS_PARAMS = Object.fromEntries(
  ([3, 4, 5, 6, 7, 8] as const).map((d) => [
    `basis.clause.direction${d}`,
    {
      section: "Нормативная основа мер (свои положения)",
      rule: "§8",
      tag: "DEFAULT",
      kind: "text",
      label: `Пункт положения о МСОКО для мер направления ${d} «${MEASURE_TOPICS[d]}» (например, «п. 9.4»; пусто — без пункта)`,
      value: "",
    } satisfies Spec<string>,
  ]),
) as Record<DirectionBasisKey, Spec<string>>;

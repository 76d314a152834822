/**
 * Indicators of directions 3–8 below their municipal target become findings with the numbers
 * («Доля … 42,3 % при цели не ниже 60 %») and measures per direction, whose wording follows the
 * «цели и задачи» of each direction's mechanism in the regulations (Taimyr МСОКО §7.1.3–7.2.4).
 * The basis printed is the user's own regulation (profile «basis.msoko», «basis.clause.directionN»).
 * Pure; the management cycle (#19) consumes `directionFindings`.
 */
import {
  assessDirections,
  latestDirectionYear,
  type DirectionAssessment,
  type IndicatorAssessment,
  type UnitValue,
} from "./direction-assessment";
import type { DirectionIndicator, DirectionNumber, Level } from "./directions";
import type { SchoolReport } from "./model";
import { TAG_LABELS, paramSpec, type ParamKey, type Profile, type Tag } from "./profile";
import type { DirectionIndicatorId } from "./profile/direction-targets";
import { basisOf, type Addressee } from "./recommendations";
import { formatNumberRu, formatPercentRu, plural } from "./values";

export interface DirectionFinding {
  kind: "direction";
  direction: DirectionNumber;
  indicatorId: DirectionIndicatorId;
  /** The school's login. */
  school: string;
  year: number;
  value: number;
  target: number;
  level: Level | null;
  numerator: number | null;
  denominator: number | null;
  /** The profile setting holding the target, and its provenance («OVERRIDE» when set in the workbook). */
  targetKey: ParamKey;
  tag: Tag | "OVERRIDE";
  /** One Russian sentence: indicator, value, target, numbers, level, where the target comes from. */
  text: string;
}

export interface DirectionMeasure {
  id: string;
  text: string;
  addressee: Addressee;
  /** Indicators whose shortfall calls for the measure; absent — any indicator of the direction. */
  for?: readonly DirectionIndicatorId[];
}

/** Measures per direction, worded after the regulations' tasks of each direction's mechanism. */
export const DIRECTION_MEASURES: Record<DirectionNumber, readonly DirectionMeasure[]> = {
  3: [
    {
      id: "olympiadTraining",
      addressee: "ОО",
      text: "Обеспечить целевую подготовку обучающихся к участию в олимпиадах и иных интеллектуальных состязаниях",
      for: [
        "olySchoolShare",
        "olyMunicipalAwardShare",
        "olyMunicipalAwardees",
        "olyRegionalAwardees",
        "olySchoolAwardShare",
      ],
    },
    {
      id: "giftedPrograms",
      addressee: "ОО",
      text: "Обеспечить разработку и реализацию дополнительных общеобразовательных программ для высокомотивированных, одарённых детей",
      for: ["addEducationShare"],
    },
    {
      id: "talentCompetence",
      addressee: "ИМЦ",
      text: "Обеспечить повышение профессиональной компетенции педагогических работников в области выявления, поддержки и развития способностей и талантов у детей",
    },
  ],
  4: [
    {
      id: "earlyCareers",
      addressee: "ОО",
      text: "Обеспечить участие обучающихся в проектах ранней профессиональной ориентации («Билет в будущее» и др.) и реализацию профминимума",
      for: ["futureTicketShare", "profMinimumShare"],
    },
    {
      id: "selfDetermination",
      addressee: "ОО",
      text: "Обеспечить сопровождение профессионального самоопределения обучающихся, в том числе с ОВЗ, с учётом тенденций развития рынка труда",
    },
    {
      id: "profileTraining",
      addressee: "МОУО",
      text: "Развивать профильное обучение, в том числе с участием работодателей",
      for: ["grad11ToVuzShare", "grad11VuzProfileShare", "grad11ToSpoShare", "grad11UndeterminedShare"],
    },
  ],
  5: [
    {
      id: "headRecommendations",
      addressee: "МОУО",
      text: "Выявить проблемы в управлении качеством образования в ОО и разработать адресные рекомендации руководителю по их устранению",
    },
    {
      id: "headCompetence",
      addressee: "ИМЦ",
      text: "Включить руководителя ОО в систему формирования профессиональных компетенций руководителей образовательных организаций",
    },
  ],
  6: [
    {
      id: "deficitRoutes",
      addressee: "ИМЦ",
      text: "Организовать выявление профессиональных дефицитов педагогов и научно-методическое сопровождение по индивидуальным образовательным маршрутам",
      for: ["diagnosticsShare", "routeShare", "trainedShare", "categoryShare"],
    },
    {
      id: "mentoring",
      addressee: "ОО",
      text: "Обеспечить методическую поддержку молодых педагогов и закрепление за ними наставников",
      for: ["mentoredShare"],
    },
    {
      id: "staffNeeds",
      addressee: "МОУО",
      text: "Провести мониторинг кадровых потребностей ОО и спланировать аттестацию и повышение квалификации педагогов",
      for: ["vacancies", "categoryShare", "trainedShare"],
    },
  ],
  7: [
    {
      id: "upbringingProgram",
      addressee: "ОО",
      text: "Обеспечить реализацию рабочей программы воспитания, развитие добровольческого (волонтёрского) движения и деятельности детских общественных объединений",
      for: ["clubsShare", "movementFirstShare", "volunteersShare"],
    },
    {
      id: "prevention",
      addressee: "ОО",
      text: "Обеспечить индивидуальное сопровождение обучающихся, испытывающих трудности в поведении и социализации, и профилактику правонарушений и безнадзорности",
      for: ["preventionShare", "preventionRegister", "offences"],
    },
    {
      id: "holidays",
      addressee: "ОО",
      text: "Обеспечить воспитательную деятельность ОО в период каникулярного отдыха обучающихся",
      for: ["summerRestShare"],
    },
  ],
  8: [
    {
      id: "preschoolConditions",
      addressee: "ОО",
      text: "Совершенствовать образовательные условия, взаимодействие с семьёй, обеспечение здоровья, безопасности, присмотра и ухода в областях МКДО ниже базового уровня",
    },
    {
      id: "preschoolGuidance",
      addressee: "ИМЦ",
      text: "Обеспечить научно-методическое сопровождение руководителя по совершенствованию механизмов управления качеством дошкольного образования",
    },
  ],
};

const UNIT_FORMS: Record<string, readonly [string, string, string]> = {
  "чел.": ["чел.", "чел.", "чел."],
  балл: ["балл", "балла", "баллов"],
  ставок: ["ставка", "ставки", "ставок"],
  случаев: ["случай", "случая", "случаев"],
};

/** «42,3 %», «3 ставки», «2,6 балла» (a fraction takes the genitive singular). */
export function formatIndicatorValue(ind: DirectionIndicator, v: number, digits?: number): string {
  if (ind.unit === "%") return formatPercentRu(v, digits ?? 1);
  const forms = UNIT_FORMS[ind.unit] ?? [ind.unit, ind.unit, ind.unit];
  const text = formatNumberRu(v, digits ?? (ind.kind === "mean" ? 2 : 1));
  return `${text}\u00a0${Number.isInteger(v) ? plural(v, forms) : forms[1]}`;
}

/** «не ниже 60 %», «не выше 1 ставки». */
export function formatTarget(ind: DirectionIndicator, target: number): string {
  const floor = ind.better === "higher";
  if (ind.unit === "%") return `${floor ? "не ниже" : "не выше"} ${formatPercentRu(target, 2)}`;
  const forms = UNIT_FORMS[ind.unit] ?? [ind.unit, ind.unit, ind.unit];
  // «не ниже / не выше N» governs the genitive: 1 ставки, 2 ставок, 2,8 балла.
  const word = Number.isInteger(target) ? (target % 10 === 1 && target % 100 !== 11 ? forms[1] : forms[2]) : forms[1];
  return `${floor ? "не ниже" : "не выше"} ${formatNumberRu(target, 2)}\u00a0${word}`;
}

function findingText(a: IndicatorAssessment, u: UnitValue, profile: Profile): string {
  const ind = a.indicator;
  const value = u.value as number;
  // 39,96 % must not read «40 % при цели 40 %»: a value that rounds onto the target shows two decimals.
  let shown = formatIndicatorValue(ind, value);
  if (shown === formatIndicatorValue(ind, a.target) && value !== a.target) shown = formatIndicatorValue(ind, value, 2);
  const parts = [`${ind.name} — ${shown} при цели ${formatTarget(ind, a.target)}`];
  const nums: string[] = [];
  if (ind.kind === "percent" && u.numerator !== null && u.denominator !== null)
    nums.push(`${formatNumberRu(u.numerator, 1)} из ${formatNumberRu(u.denominator, 1)}`);
  if (u.level) nums.push(`уровень «${u.level}»`);
  if (u.dynamics !== null)
    nums.push(
      `к прошлому году ${ind.unit === "%" ? formatSigned(u.dynamics, "п.п.") : formatSigned(u.dynamics, ind.unit)}`,
    );
  const spec = paramSpec(`dir.${ind.id}.target`);
  const origin = profile.overridden.has(`dir.${ind.id}.target`)
    ? "цель задана в настройках книги"
    : `цель — ${TAG_LABELS[spec.tag]}`;
  return `${parts[0]} (${[...nums, origin].join("; ")}).`;
}

function formatSigned(v: number, unit: string): string {
  return `${v > 0 ? "+" : ""}${formatNumberRu(v, 1)}\u00a0${unit}`;
}

/**
 * One finding per school and used indicator below its target in the assessed year (schools
 * with too small a denominator or no data are not judged), in direction and catalogue order.
 */
export function directionFindings(assessments: readonly DirectionAssessment[], profile: Profile): DirectionFinding[] {
  const out: DirectionFinding[] = [];
  for (const d of assessments) {
    for (const a of d.indicators) {
      for (const [login, u] of a.schools) {
        if (u.met !== false || u.value === null) continue;
        out.push({
          kind: "direction",
          direction: d.direction,
          indicatorId: a.indicator.id,
          school: login,
          year: d.year,
          value: u.value,
          target: a.target,
          level: u.level,
          numerator: u.numerator,
          denominator: u.denominator,
          targetKey: `dir.${a.indicator.id}.target`,
          tag: profile.overridden.has(`dir.${a.indicator.id}.target`)
            ? "OVERRIDE"
            : paramSpec(`dir.${a.indicator.id}.target`).tag,
          text: findingText(a, u, profile),
        });
      }
    }
  }
  return out;
}

export interface DirectionRecommendation {
  direction: DirectionNumber;
  school: string;
  /** The findings of the school in this direction. */
  findings: DirectionFinding[];
  measures: { id: string; text: string; addressee: Addressee; basis: string }[];
}

/** Measures per school and direction for its findings: a measure tied to indicators only when one of them fell short. */
export function directionRecommendations(
  findings: readonly DirectionFinding[],
  profile: Profile,
): DirectionRecommendation[] {
  const groups = new Map<string, DirectionFinding[]>();
  for (const f of findings) {
    const key = `${f.school}|${f.direction}`;
    const list = groups.get(key);
    if (list) list.push(f);
    else groups.set(key, [f]);
  }
  const out: DirectionRecommendation[] = [];
  for (const list of groups.values()) {
    const { direction, school } = list[0];
    const ids = new Set(list.map((f) => f.indicatorId));
    const basis = basisOf(profile, "msoko", `direction${direction}`);
    const measures = DIRECTION_MEASURES[direction]
      .filter((m) => !m.for || m.for.some((id) => ids.has(id)))
      .map((m) => ({ id: m.id, text: m.text, addressee: m.addressee, basis }));
    out.push({ direction, school, findings: list, measures });
  }
  return out;
}

/**
 * The cycle's entry point: the shortfalls of a municipality's schools in one call, for `year` or
 * the latest year with direction sheets (none without any).
 */
export function findDirectionShortfalls(
  schools: readonly SchoolReport[],
  profile: Profile,
  opts: { year?: number; clusterOf?: ReadonlyMap<string, string> } = {},
): DirectionFinding[] {
  const year = opts.year ?? latestDirectionYear(schools);
  if (year === null) return [];
  return directionFindings(assessDirections(schools, profile, { year, clusterOf: opts.clusterOf }), profile);
}

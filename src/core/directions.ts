/**
 * Indicators of directions 3–8 (methodology §7): each is a share with a clear denominator, built
 * from the counts the form collects (sheet column ids of src/form/schema) and the contingent of
 * the passport. One table of definitions serves the summary, the school report and the JSON.
 */
import type { DirectionRow, DirectionSheetId, SchoolReport } from "./model";
import { preschoolCounts } from "./preschool";
import type { Profile } from "./profile";

export type DirectionNumber = 3 | 4 | 5 | 6 | 7 | 8;

export const DIRECTION_NAMES: Record<DirectionNumber, string> = {
  3: "Выявление, поддержка и развитие способностей и талантов",
  4: "Самоопределение и профессиональная ориентация",
  5: "Эффективность руководителей ОО",
  6: "Профессиональное развитие педагогических работников",
  7: "Организация воспитания обучающихся",
  8: "Качество дошкольного образования",
};

/** Where a count comes from: a column of a direction sheet (summed over its rows of the year, optionally only rows with a label), or the contingent. */
export type Source =
  | { sheet: DirectionSheetId; column: string; label?: string }
  | { contingent: { from: number; to: number } }
  // Direction 8 counts groups per МКДО area (core/preschool.ts): summing area rows would count a group 9 times.
  | { preschool: "basicAllAreas" | "assessedGroups" };

export interface DirectionIndicator {
  id: string;
  direction: DirectionNumber;
  label: string;
  /** One source, or several summed (e.g. first + highest category). */
  numerator: Source | readonly Source[];
  /** Absent for plain counts. */
  denominator?: Source;
  /** percent: numerator / denominator · 100; count: numerator as is. */
  kind: "percent" | "count";
  /** Profile key of a [medium, good] banding, when the methodology gives one. */
  bands?: "staff.categoryBands";
}

const S = (sheet: DirectionSheetId, column: string, label?: string): Source => ({
  sheet,
  column,
  ...(label ? { label } : {}),
});
const PUPILS_4_11: Source = { contingent: { from: 4, to: 11 } };
const PUPILS_1_11: Source = { contingent: { from: 1, to: 11 } };

export const DIRECTION_INDICATORS: readonly DirectionIndicator[] = [
  {
    id: "olySchoolShare",
    direction: 3,
    kind: "percent",
    label: "Доля обучающихся 4–11 классов — участников школьного этапа ВсОШ, %",
    numerator: S("olympiads", "participantsUnique", "школьный"),
    denominator: PUPILS_4_11,
  },
  {
    id: "olyMunicipalAwardees",
    direction: 3,
    kind: "count",
    label: "Победителей и призёров муниципального этапа ВсОШ, чел.",
    numerator: S("olympiads", "awardeesUnique", "муниципальный"),
  },
  {
    id: "olyRegionalAwardees",
    direction: 3,
    kind: "count",
    label: "Победителей и призёров регионального этапа ВсОШ, чел.",
    numerator: S("olympiads", "awardeesUnique", "региональный"),
  },
  {
    id: "olySchoolAwardShare",
    direction: 3,
    kind: "percent",
    label: "Доля победителей и призёров среди участников школьного этапа, %",
    numerator: S("olympiads", "awardeesUnique", "школьный"),
    denominator: S("olympiads", "participantsUnique", "школьный"),
  },
  {
    id: "addEducationShare",
    direction: 3,
    kind: "percent",
    label: "Охват дополнительным образованием, % обучающихся",
    numerator: S("upbringing", "addEducation"),
    denominator: PUPILS_1_11,
  },

  {
    id: "grad9To10Share",
    direction: 4,
    kind: "percent",
    label: "Выпускники 9 кл., продолжившие обучение в 10 классе, %",
    numerator: S("careers", "grad9To10"),
    denominator: S("careers", "grad9"),
  },
  {
    id: "grad9ToSpoShare",
    direction: 4,
    kind: "percent",
    label: "Поступление в ОО СПО после 9 кл., %",
    numerator: S("careers", "grad9ToSpo"),
    denominator: S("careers", "grad9"),
  },
  {
    id: "grad11ToVuzShare",
    direction: 4,
    kind: "percent",
    label: "Поступление в вузы после 11 кл., %",
    numerator: S("careers", "grad11ToVuz"),
    denominator: S("careers", "grad11"),
  },
  {
    id: "grad11VuzProfileShare",
    direction: 4,
    kind: "percent",
    label: "Поступившие в вузы по профилю сданных ЕГЭ, % поступивших",
    numerator: S("careers", "grad11VuzProfile"),
    denominator: S("careers", "grad11ToVuz"),
  },
  {
    id: "grad11ToSpoShare",
    direction: 4,
    kind: "percent",
    label: "Поступление в ОО СПО после 11 кл., %",
    numerator: S("careers", "grad11ToSpo"),
    denominator: S("careers", "grad11"),
  },
  {
    id: "grad11UndeterminedShare",
    direction: 4,
    kind: "percent",
    label: "Выпускники 11 кл., не определившиеся с дальнейшим путём, %",
    numerator: S("careers", "grad11Undetermined"),
    denominator: S("careers", "grad11"),
  },
  {
    id: "futureTicketShare",
    direction: 4,
    kind: "percent",
    label: "Участники «Билета в будущее», % обучающихся",
    numerator: S("careers", "futureTicket"),
    denominator: PUPILS_1_11,
  },

  {
    id: "headScore",
    direction: 5,
    kind: "percent",
    label: "Оценка эффективности руководителя, % от максимума баллов",
    numerator: S("head", "points"),
    denominator: S("head", "maxPoints"),
  },

  {
    id: "categoryShare",
    direction: 6,
    kind: "percent",
    label: "Педагоги с первой и высшей категорией, %",
    numerator: [S("staff", "catHighest"), S("staff", "catFirst")],
    denominator: S("staff", "teachers"),
    bands: "staff.categoryBands",
  },
  {
    id: "trainedShare",
    direction: 6,
    kind: "percent",
    label: "Прошли повышение квалификации за 3 года, %",
    numerator: S("staff", "trained3y"),
    denominator: S("staff", "teachers"),
  },
  {
    id: "diagnosticsShare",
    direction: 6,
    kind: "percent",
    label: "Прошли диагностику профессиональных дефицитов, %",
    numerator: S("staff", "deficitDiagnostics"),
    denominator: S("staff", "teachers"),
  },
  {
    id: "routeShare",
    direction: 6,
    kind: "percent",
    label: "Работают по индивидуальному образовательному маршруту, %",
    numerator: S("staff", "individualRoute"),
    denominator: S("staff", "teachers"),
  },
  {
    id: "mentoredShare",
    direction: 6,
    kind: "percent",
    label: "Молодые педагоги с наставником, %",
    numerator: S("staff", "youngMentored"),
    denominator: S("staff", "young"),
  },
  {
    id: "vacancies",
    direction: 6,
    kind: "count",
    label: "Вакансий педагогов, ставок",
    numerator: S("staff", "vacancies"),
  },

  {
    id: "clubsShare",
    direction: 7,
    kind: "percent",
    label: "Охват кружками и секциями ОО, %",
    numerator: S("upbringing", "clubs"),
    denominator: PUPILS_1_11,
  },
  {
    id: "movementFirstShare",
    direction: 7,
    kind: "percent",
    label: "Участники «Движения Первых», %",
    numerator: S("upbringing", "movementFirst"),
    denominator: PUPILS_1_11,
  },
  {
    id: "volunteersShare",
    direction: 7,
    kind: "percent",
    label: "Волонтёры, % обучающихся",
    numerator: S("upbringing", "volunteers"),
    denominator: PUPILS_1_11,
  },
  {
    id: "preventionRegister",
    direction: 7,
    kind: "count",
    label: "Обучающихся на профилактическом учёте, чел.",
    numerator: S("upbringing", "preventionRegister"),
  },
  {
    id: "offences",
    direction: 7,
    kind: "count",
    label: "Правонарушений обучающихся, случаев",
    numerator: S("upbringing", "offences"),
  },
  {
    id: "summerRestShare",
    direction: 7,
    kind: "percent",
    label: "Охват летним отдыхом и оздоровлением, %",
    numerator: S("upbringing", "summerRest"),
    denominator: PUPILS_1_11,
  },

  {
    id: "mkdoBasicShare",
    direction: 8,
    kind: "percent",
    label: "Дошкольные группы на базовом уровне МКДО и выше во всех оценённых областях, %",
    numerator: { preschool: "basicAllAreas" },
    denominator: { preschool: "assessedGroups" },
  },
];

/** Sum of a source for a school in a year; null when the school gave no such data. */
export function sourceValue(report: SchoolReport, year: number, source: Source, profile?: Profile): number | null {
  if ("preschool" in source) {
    const counts = profile ? preschoolCounts(report, year, profile) : null;
    return counts ? counts[source.preschool] : null;
  }
  if ("contingent" in source) {
    let sum = 0;
    let found = false;
    for (const c of report.passport.contingent) {
      if (c.year === year && c.grade >= source.contingent.from && c.grade <= source.contingent.to) {
        sum += c.pupils;
        found = true;
      }
    }
    return found ? sum : null;
  }
  const rows: DirectionRow[] = report.directions[source.sheet] ?? [];
  let sum = 0;
  let found = false;
  for (const r of rows) {
    if (r.year !== year) continue;
    if (source.label !== undefined && (r.label ?? "").trim().toLowerCase() !== source.label) continue;
    const v = r.values[source.column];
    if (v === null || v === undefined) continue;
    sum += v;
    found = true;
  }
  return found ? sum : null;
}

export interface IndicatorValue {
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  /** «хороший» / «средний» / «низкий» where the indicator has bands. */
  band: string | null;
}

export function bandOf(indicator: DirectionIndicator, value: number | null, profile: Profile): string | null {
  if (!indicator.bands || value === null) return null;
  const [medium, good] = profile.values[indicator.bands];
  return value >= good ? "хороший" : value >= medium ? "средний" : "низкий";
}

/** Sum of one or several sources; null when none of them has data. */
function sumOf(
  report: SchoolReport,
  year: number,
  sources: Source | readonly Source[],
  profile: Profile,
): number | null {
  const list: readonly Source[] = Array.isArray(sources) ? sources : [sources as Source];
  let sum: number | null = null;
  for (const src of list) {
    const v = sourceValue(report, year, src, profile);
    if (v !== null) sum = (sum ?? 0) + v;
  }
  return sum;
}

export function indicatorValue(
  ind: DirectionIndicator,
  numerator: number | null,
  denominator: number | null,
  profile: Profile,
): IndicatorValue {
  let value: number | null = null;
  if (ind.kind === "count") value = numerator;
  else if (numerator !== null && denominator !== null && denominator > 0) value = (numerator * 100) / denominator;
  return { numerator, denominator, value, band: bandOf(ind, value, profile) };
}

/** One school's indicator in a year. */
export function schoolIndicator(
  report: SchoolReport,
  year: number,
  ind: DirectionIndicator,
  profile: Profile,
): IndicatorValue {
  const num = sumOf(report, year, ind.numerator, profile);
  const den = ind.denominator ? sourceValue(report, year, ind.denominator, profile) : null;
  return indicatorValue(ind, num, den, profile);
}

/** The municipality's indicator: Σ numerators / Σ denominators over schools that gave both. */
export function municipalIndicator(
  reports: readonly SchoolReport[],
  year: number,
  ind: DirectionIndicator,
  profile: Profile,
): IndicatorValue {
  let num = 0;
  let den = 0;
  let any = false;
  for (const r of reports) {
    const v = schoolIndicator(r, year, ind, profile);
    if (v.numerator === null || (ind.kind === "percent" && (v.denominator === null || v.denominator === 0))) continue;
    num += v.numerator;
    den += v.denominator ?? 0;
    any = true;
  }
  return indicatorValue(ind, any ? num : null, any && ind.kind === "percent" ? den : null, profile);
}

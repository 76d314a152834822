/**
 * Direction 8 (methodology §7, regulation 002 §7.2.4): quality of preschool education by the
 * areas of the federal МКДО instrument. Each area is assessed per group, so every share has the
 * groups assessed in THAT area as its denominator — 2 groups over 9 areas give 2 per area, never
 * 18. Reads the «Группы МКДО» rows (one row per group) and, for forms that only have the older
 * «Дошкольное» sheet (one row per area with group counts), those counts area by area.
 */
import type { DirectionRow, PreschoolGroupRow, SchoolReport } from "./model";
import type { Profile } from "./profile";

/** The passport type of a preschool organisation (SCHOOL_TYPES). */
export const KINDERGARTEN = "детский сад";

export interface MkdoArea {
  /** Stable id: the column id on «Группы МКДО» and the key of PreschoolGroupRow.levels. */
  id: string;
  /** Area name as the МКДО instrument words it. */
  name: string;
}

/** The nine quality areas of МКДО, in the instrument's order. */
export const MKDO_AREAS: readonly MkdoArea[] = [
  { id: "mkdo1", name: "Образовательные ориентиры" },
  { id: "mkdo2", name: "Образовательная программа" },
  { id: "mkdo3", name: "Содержание образовательной деятельности" },
  { id: "mkdo4", name: "Образовательный процесс" },
  { id: "mkdo5", name: "Образовательные условия" },
  { id: "mkdo6", name: "Условия получения дошкольного образования лицами с ОВЗ и инвалидами" },
  { id: "mkdo7", name: "Взаимодействие с родителями" },
  { id: "mkdo8", name: "Здоровье, безопасность и повседневный уход" },
  { id: "mkdo9", name: "Управление и развитие" },
];

/** Levels of the МКДО scale, 1…5 in this order. */
export const MKDO_LEVELS: readonly string[] = ["ниже базового", "базовый", "хороший", "отличный", "превосходный"];

export interface AreaIndicator {
  /** MKDO_AREAS id, or the area's own label when an older «Дошкольное» row names another area. */
  area: string;
  name: string;
  /** Groups assessed in this area: the denominator. */
  assessed: number;
  /** Groups at the basic level or above in this area. */
  basicOrAbove: number;
  /** basicOrAbove / assessed · 100; null without assessed groups. */
  share: number | null;
  /** Mean level 1…5 over assessed groups (only from «Группы МКДО»). */
  meanLevel: number | null;
  /** Σ levels and their count, so the municipality can pool means exactly. */
  levelSum: number;
  levelCount: number;
  /** «Балл МКДО» of an older «Дошкольное» row, when given. */
  mkdoScore: number | null;
}

export interface PreschoolYear {
  year: number;
  /** Groups listed on «Группы МКДО» (null when only the older per-area counts exist). */
  groups: number | null;
  /** Groups assessed in at least one area. */
  assessedGroups: number | null;
  /** Groups at the basic level or above in every area assessed for them. */
  basicAllAreas: number | null;
  /** basicAllAreas / assessedGroups · 100. */
  shareAll: number | null;
  areas: AreaIndicator[];
}

const share = (part: number, whole: number): number | null => (whole > 0 ? (part * 100) / whole : null);

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[^a-zа-я0-9]+/g, " ")
    .trim();
}

const AREA_BY_NAME = new Map(MKDO_AREAS.map((a) => [normalise(a.name), a] as const));
MKDO_AREAS.forEach((a, i) => AREA_BY_NAME.set(String(i + 1), a));

/** The МКДО area an older «Дошкольное» row names (by name or number 1–9), or null. */
export function areaOfLabel(label: string): MkdoArea | null {
  const n = normalise(label);
  return AREA_BY_NAME.get(n) ?? AREA_BY_NAME.get(n.replace(/^(\d)\b.*$/, "$1")) ?? null;
}

function emptyArea(area: string, name: string): AreaIndicator {
  return {
    area,
    name,
    assessed: 0,
    basicOrAbove: 0,
    share: null,
    meanLevel: null,
    levelSum: 0,
    levelCount: 0,
    mkdoScore: null,
  };
}

function finish(a: AreaIndicator): AreaIndicator {
  a.share = share(a.basicOrAbove, a.assessed);
  a.meanLevel = a.levelCount > 0 ? a.levelSum / a.levelCount : null;
  return a;
}

function fromGroups(rows: readonly PreschoolGroupRow[], year: number, basic: number): PreschoolYear {
  const areas = MKDO_AREAS.map((a) => emptyArea(a.id, a.name));
  let assessedGroups = 0;
  let basicAll = 0;
  for (const g of rows) {
    let any = false;
    let allBasic = true;
    MKDO_AREAS.forEach((a, i) => {
      const level = g.levels[a.id];
      if (level === null || level === undefined) return;
      any = true;
      const acc = areas[i];
      acc.assessed++;
      acc.levelSum += level;
      acc.levelCount++;
      if (level >= basic) acc.basicOrAbove++;
      else allBasic = false;
    });
    if (any) {
      assessedGroups++;
      if (allBasic) basicAll++;
    }
  }
  return {
    year,
    groups: rows.length,
    assessedGroups,
    basicAllAreas: basicAll,
    shareAll: share(basicAll, assessedGroups),
    areas: areas.map(finish),
  };
}

/** The older sheet: each row is one area with its own group counts (never summed across areas). */
function fromAreaRows(rows: readonly DirectionRow[], year: number): PreschoolYear {
  const areas = new Map<string, AreaIndicator>();
  for (const r of rows) {
    const label = (r.label ?? "").trim();
    const known = areaOfLabel(label);
    const id = known?.id ?? normalise(label);
    let acc = areas.get(id);
    if (!acc) {
      acc = emptyArea(id, known?.name ?? label);
      areas.set(id, acc);
    }
    acc.assessed += r.values.groups ?? 0;
    acc.basicOrAbove += r.values.groupsBasicOrAbove ?? 0;
    if (r.values.mkdoScore !== null && r.values.mkdoScore !== undefined) acc.mkdoScore = r.values.mkdoScore;
  }
  const order = (id: string) => {
    const i = MKDO_AREAS.findIndex((a) => a.id === id);
    return i < 0 ? MKDO_AREAS.length : i;
  };
  const list = [...areas.values()].sort((a, b) => order(a.area) - order(b.area)).map(finish);
  return { year, groups: null, assessedGroups: null, basicAllAreas: null, shareAll: null, areas: list };
}

/** Years with preschool data of a school (either sheet), ascending. */
export function preschoolYears(report: SchoolReport): number[] {
  const years = new Set<number>();
  for (const g of report.preschoolGroups ?? []) years.add(g.year);
  for (const r of report.directions.preschool ?? []) years.add(r.year);
  return [...years].sort((a, b) => a - b);
}

/** One school's direction 8 in a year; null when it gave no preschool data for that year. */
export function schoolPreschool(report: SchoolReport, year: number, profile: Profile): PreschoolYear | null {
  const groups = (report.preschoolGroups ?? []).filter((g) => g.year === year);
  if (groups.length > 0) return fromGroups(groups, year, profile.values["preschool.basicLevel"]);
  const rows = (report.directions.preschool ?? []).filter((r) => r.year === year);
  return rows.length > 0 ? fromAreaRows(rows, year) : null;
}

/** The municipality: per area Σ groups at basic+ / Σ groups assessed in that area over every organisation. */
export function municipalPreschool(
  reports: readonly SchoolReport[],
  year: number,
  profile: Profile,
): PreschoolYear | null {
  const areas = new Map<string, AreaIndicator>();
  let groups: number | null = null;
  let assessedGroups: number | null = null;
  let basicAll: number | null = null;
  let any = false;
  for (const r of reports) {
    const y = schoolPreschool(r, year, profile);
    if (!y) continue;
    any = true;
    if (y.groups !== null) groups = (groups ?? 0) + y.groups;
    if (y.assessedGroups !== null) assessedGroups = (assessedGroups ?? 0) + y.assessedGroups;
    if (y.basicAllAreas !== null) basicAll = (basicAll ?? 0) + y.basicAllAreas;
    for (const a of y.areas) {
      let acc = areas.get(a.area);
      if (!acc) {
        acc = emptyArea(a.area, a.name);
        areas.set(a.area, acc);
      }
      acc.assessed += a.assessed;
      acc.basicOrAbove += a.basicOrAbove;
      acc.levelSum += a.levelSum;
      acc.levelCount += a.levelCount;
    }
  }
  if (!any) return null;
  const order = (id: string) => {
    const i = MKDO_AREAS.findIndex((a) => a.id === id);
    return i < 0 ? MKDO_AREAS.length : i;
  };
  return {
    year,
    groups,
    assessedGroups,
    basicAllAreas: basicAll,
    shareAll: basicAll !== null && assessedGroups !== null ? share(basicAll, assessedGroups) : null,
    areas: [...areas.values()].sort((a, b) => order(a.area) - order(b.area)).map(finish),
  };
}

/** Direction 8's headline counts for the indicator catalogue: groups at basic+ in all areas, groups assessed. */
export function preschoolCounts(
  report: SchoolReport,
  year: number,
  profile: Profile,
): { basicAllAreas: number; assessedGroups: number } | null {
  const y = schoolPreschool(report, year, profile);
  if (!y || y.assessedGroups === null || y.basicAllAreas === null) return null;
  return { basicAllAreas: y.basicAllAreas, assessedGroups: y.assessedGroups };
}

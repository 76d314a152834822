/**
 * «Дошкольное образование» (direction 8): for the municipality and every kindergarten or school
 * with preschool groups, by year and МКДО area — groups assessed in the area (the denominator),
 * groups at the basic level or above, their share as a native formula, the mean level; and a line
 * «Все оценённые области» counting each group once. Long form, so it sorts and filters.
 */
import type { SchoolReport } from "../../core/model";
import {
  MKDO_LEVELS,
  municipalPreschool,
  preschoolYears,
  schoolPreschool,
  type PreschoolYear,
} from "../../core/preschool";
import type { Profile } from "../../core/profile";
import { clean, F, type CellData, type Table } from "./table";

export const ALL_AREAS_LABEL = "Все оценённые области (группа на базовом уровне и выше во всех)";

/** Schools and kindergartens that gave preschool data, in input order. */
export function preschoolSchools(schools: readonly SchoolReport[]): SchoolReport[] {
  return schools.filter((s) => preschoolYears(s).length > 0);
}

export function preschoolTable(schools: readonly SchoolReport[], profile: Profile): Table {
  const units = preschoolSchools(schools);
  const years = [...new Set(units.flatMap(preschoolYears))].sort((a, b) => a - b);
  const rows: Record<string, CellData>[] = [];
  const push = (level: string, unit: string, login: string, type: string, y: PreschoolYear) => {
    const head = { year: y.year, level, unit, login, type };
    if (y.assessedGroups !== null && y.basicAllAreas !== null)
      rows.push({
        ...head,
        area: ALL_AREAS_LABEL,
        assessed: y.assessedGroups,
        basic: y.basicAllAreas,
        share: clean(y.shareAll),
        meanLevel: null,
      });
    for (const a of y.areas)
      rows.push({
        ...head,
        area: a.name,
        assessed: a.assessed,
        basic: a.basicOrAbove,
        share: clean(a.share),
        meanLevel: clean(a.meanLevel),
      });
  };
  for (const year of years) {
    const m = municipalPreschool(units, year, profile);
    if (m) push("Муниципалитет", "Все ДОО и дошкольные группы ОО", "", "", m);
    for (const s of units) {
      const y = schoolPreschool(s, year, profile);
      if (y) push("ОО", s.passport.shortName || s.passport.name, s.passport.login, s.passport.type, y);
    }
  }
  const basic = profile.values["preschool.basicLevel"];
  return {
    id: "preschool",
    title: "Качество дошкольного образования (МКДО) по областям",
    description: `Знаменатель — группы, оценённые в этой области (а не сумма групп по всем областям); базовый уровень — ${basic}-й уровень шкалы МКДО («${MKDO_LEVELS[basic - 1] ?? basic}») и выше; для муниципалитета группы суммируются по организациям.`,
    columns: [
      { id: "year", header: "Год", kind: "integer", width: 7 },
      { id: "level", header: "Уровень", kind: "text", width: 14 },
      { id: "unit", header: "Организация", kind: "text", width: 28 },
      { id: "login", header: "Логин ОО", kind: "text", width: 12 },
      { id: "type", header: "Тип", kind: "text", width: 12 },
      { id: "area", header: "Область качества МКДО", kind: "text", width: 44 },
      { id: "assessed", header: "Групп оценено", kind: "integer" },
      { id: "basic", header: "Групп на базовом уровне и выше", kind: "integer", width: 14 },
      {
        id: "share",
        header: "Доля групп на базовом уровне и выше, %",
        kind: "percent",
        width: 14,
        formula: F.share("{basic}", "assessed"),
      },
      { id: "meanLevel", header: "Средний уровень (1–5)", kind: "number", width: 12 },
    ],
    rows,
  };
}

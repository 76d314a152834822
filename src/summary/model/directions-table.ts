/**
 * «Направления 3–8»: every indicator of methodology §7 for the municipality and each school, by
 * year, in long form (sortable and filterable), with numerator and denominator as values and the
 * share as a native formula over them.
 */
import {
  DIRECTION_INDICATORS,
  DIRECTION_NAMES,
  municipalIndicator,
  schoolIndicator,
  type IndicatorValue,
} from "../../core/directions";
import type { SchoolReport } from "../../core/model";
import type { Profile } from "../../core/profile";
import { clean, type CellData, type Table } from "./table";

export function directionsTable(schools: readonly SchoolReport[], years: readonly number[], profile: Profile): Table {
  const rows: Record<string, CellData>[] = [];
  const push = (
    d: number,
    label: string,
    year: number,
    level: string,
    unit: string,
    login: string,
    kind: "percent" | "count",
    v: IndicatorValue,
  ) => {
    if (v.numerator === null) return;
    rows.push({
      direction: `${d}. ${DIRECTION_NAMES[d as 3]}`,
      indicator: label,
      year,
      level,
      unit,
      login,
      numerator: v.numerator,
      denominator: kind === "percent" ? v.denominator : null,
      value: clean(v.value),
      band: v.band ?? "",
    });
  };
  for (const ind of DIRECTION_INDICATORS) {
    for (const year of years) {
      push(
        ind.direction,
        ind.label,
        year,
        "Муниципалитет",
        "Все ОО",
        "",
        ind.kind,
        municipalIndicator(schools, year, ind, profile),
      );
      for (const s of schools) {
        push(
          ind.direction,
          ind.label,
          year,
          "ОО",
          s.passport.shortName || s.passport.name,
          s.passport.login,
          ind.kind,
          schoolIndicator(s, year, ind, profile),
        );
      }
    }
  }
  return {
    id: "directions",
    title: "Направления 3–8: показатели",
    description:
      "Доли считаются как числитель / знаменатель · 100 (формула в столбце «Значение»); для муниципалитета числители и знаменатели суммируются по ОО, давшим данные.",
    columns: [
      { id: "direction", header: "Направление", kind: "text", width: 34 },
      { id: "indicator", header: "Показатель", kind: "text", width: 50 },
      { id: "year", header: "Год", kind: "integer", width: 7 },
      { id: "level", header: "Уровень", kind: "text", width: 14 },
      { id: "unit", header: "ОО", kind: "text", width: 28 },
      { id: "login", header: "Логин ОО", kind: "text", width: 12 },
      { id: "numerator", header: "Числитель", kind: "integer" },
      { id: "denominator", header: "Знаменатель", kind: "integer" },
      {
        id: "value",
        header: "Значение",
        kind: "number",
        formula: 'IF({denominator}="",{numerator},IF({denominator}>0,{numerator}/{denominator}*100,""))',
      },
      { id: "band", header: "Уровень показателя", kind: "text", width: 12 },
    ],
    rows,
  };
}

/**
 * «Результаты ЕГЭ»: per subject and year, the municipality and each school — participants, mean
 * score, share below the subject minimum and shares of high results (81–100 and 100), with the
 * shares as native formulas over the counts and the dynamics of the share below the minimum.
 */
import { delta } from "../../core/indicators";
import type { SchoolReport } from "../../core/model";
import type { Profile } from "../../core/profile";
import { compareKeys, pooledAggregates, resultKey, schoolAggregates, type Aggregate } from "../../core/results";
import { PROCEDURES } from "../../core/model";
import { clean, F, type CellData, type Table } from "./table";

function shareOf(part: number, n: number): number | null {
  return n > 0 ? (part * 100) / n : null;
}

function row(
  a: Aggregate,
  level: string,
  unit: string,
  login: string,
  prev: Aggregate | undefined,
): Record<string, CellData> {
  const e = a.ege!;
  const below = shareOf(e.belowMin, a.participants);
  const prevBelow = prev?.ege ? shareOf(prev.ege.belowMin, prev.participants) : null;
  return {
    year: a.year,
    subject: a.subject,
    level,
    unit,
    login,
    n: a.participants,
    mean: clean(e.meanScore),
    below: e.belowMin,
    high: e.high81,
    top: e.score100,
    belowShare: clean(below),
    highShare: clean(shareOf(e.high81 + e.score100, a.participants)),
    dBelow: prev ? clean(delta(below, prevBelow)) : null,
  };
}

export function egeTable(schools: readonly SchoolReport[], profile: Profile): Table {
  const perSchool = schools.map((s) =>
    schoolAggregates(s.results.filter((r) => r.ege && (r.procedure === "ЕГЭ" || r.procedure === "ГВЭ-11"))),
  );
  const municipal = pooledAggregates(perSchool);
  const prevKey = (a: Aggregate) => resultKey({ ...a, year: a.year - 1 });
  const rows: Record<string, CellData>[] = [];
  for (const k of [...municipal.values()].sort((a, b) => compareKeys(a, b, PROCEDURES))) {
    rows.push(row(k, "Муниципалитет", "Все ОО", "", municipal.get(prevKey(k))));
    schools.forEach((s, i) => {
      const a = perSchool[i].get(resultKey(k));
      if (a)
        rows.push(
          row(a, "ОО", s.passport.shortName || s.passport.name, s.passport.login, perSchool[i].get(prevKey(k))),
        );
    });
  }
  return {
    id: "ege",
    title: "Результаты ЕГЭ",
    description: `Минимальные баллы — по профилю методики (лист «Методика»); высокий результат — от ${profile.values["ege.highScore"]} баллов. Динамика доли не преодолевших минимум — к предыдущему году, п.п.`,
    columns: [
      { id: "year", header: "Год", kind: "integer", width: 7 },
      { id: "subject", header: "Предмет", kind: "text", width: 26 },
      { id: "level", header: "Уровень", kind: "text", width: 14 },
      { id: "unit", header: "Наименование", kind: "text", width: 30 },
      { id: "login", header: "Логин ОО", kind: "text", width: 12 },
      { id: "n", header: "Участников", kind: "integer" },
      { id: "mean", header: "Средний балл", kind: "score" },
      { id: "below", header: "Ниже минимума", kind: "integer" },
      { id: "high", header: "81–99 баллов", kind: "integer" },
      { id: "top", header: "100 баллов", kind: "integer" },
      {
        id: "belowShare",
        header: "Не преодолели минимум, %",
        kind: "percent",
        formula: F.share("{below}", "n"),
        highlight: { operator: "greaterThan", value: 0, tone: "warn" },
      },
      { id: "highShare", header: "Высокие результаты, %", kind: "percent", formula: F.share("{high}+{top}", "n") },
      { id: "dBelow", header: "Δ доли ниже минимума, п.п.", kind: "points" },
    ],
    rows,
  };
}

/**
 * The direction tables as the workbook gets them: one number format per run of rows of a kind
 * (shares as «%», counts as integers, dynamics of shares as п.п.), semantic colours for the level
 * and the target status, the verdict in the title, and the measures sheet's rows.
 */
import { describe, expect, it } from "vitest";
import { assessDirections } from "../../../src/core/direction-assessment";
import type { SchoolReport } from "../../../src/core/model";
import { DEFAULT_PROFILE } from "../../../src/core/profile";
import { directionsTables } from "../../../src/summary/model/directions-table";
import { tableOps } from "../../../src/summary/write/table-ops";

function school(login: string, teachers: number, cat: number, vacancies: number): SchoolReport {
  return {
    passport: { login, name: `Школа ${login}`, type: "СОШ", location: "город", contingent: [] },
    results: [],
    participants: [],
    tasks: [],
    cycle: [],
    findings: [],
    directions: { staff: [{ year: 2025, values: { teachers, catHighest: cat, catFirst: 0, vacancies } }] },
  };
}
// a: 30 / 40 = 75 %, 0 vacancies; b: 8 / 20 = 40 %, 3 vacancies.
const schools = [school("a", 40, 30, 0), school("b", 20, 8, 3)];
const assessed = assessDirections(schools, DEFAULT_PROFILE, { year: 2025 });
const { directions, measures } = directionsTables(assessed, schools, 2025, DEFAULT_PROFILE);

describe("direction tables", () => {
  it("only directions with data get a table; the overview lists every used direction", () => {
    expect(directions.map((t) => t.id)).toEqual(["directionsOverview", "direction6"]);
    expect(directions[0].rows.map((r) => r.verdict)).toEqual([
      "Оценить достижение целей нельзя: нет данных ОО по выбранным показателям.",
      "Оценить достижение целей нельзя: нет данных ОО по выбранным показателям.",
      "Оценить достижение целей нельзя: нет данных ОО по выбранным показателям.",
      "Цель достигнута у 1 из 2 ОО",
      "Оценить достижение целей нельзя: нет данных ОО по выбранным показателям.",
      "Оценить достижение целей нельзя: нет данных ОО по выбранным показателям.",
    ]);
    const t = directions[1];
    expect(t.title).toBe(
      "Направление 6. Профессиональное развитие педагогических работников, 2025: цель достигнута у 1 из 2 ОО",
    );
    // categoryShare: municipality 38 / 60 = 63,3 %, a, b; vacancies: municipality 3 (a total, not judged), a, b.
    expect(t.rows.map((r) => `${r.unit} ${r.value} ${r.level || "—"} ${r.status || "—"}`)).toEqual([
      "Муниципалитет 63.3333333333 хороший достигнута",
      "Школа a 75 хороший достигнута",
      "Школа b 40 средний не достигнута",
      "Муниципалитет 3 — —",
      "Школа a 0 хороший достигнута",
      "Школа b 3 низкий не достигнута",
    ]);
  });

  it("headers are unique (Excel renames a repeated header of a table)", () => {
    for (const t of [...directions, measures]) {
      const headers = t.columns.map((c) => c.header);
      expect(new Set(headers).size, t.id).toBe(headers.length);
    }
    expect(directions[1].rows[3].indicator).toBe("Вакансии педагогов, ставок (лучше меньше)");
  });

  it("number formats by row: «%» for shares, integers for counts; п.п. for dynamics of shares", () => {
    const t = directions[1];
    const ops = tableOps("Направления 3–8", t, { tableName: "msoko_dir6" });
    const formats = ops
      .filter((o) => o.op === "format" && "numberFormat" in o.format && /^[F-H]/.test(o.address))
      .map((o) => (o.op === "format" ? `${o.address} ${o.format.numberFormat}` : ""));
    expect(formats).toEqual([
      'F6:F11 0.0" %"',
      "F9:F11 [<10000]0;#,##0", // counts from 10 000 with a thousands separator (#21)
      'G6:G11 0.0" %"',
      "G9:G11 [<10000]0;#,##0",
      'H6:H11 +0.0" п.п.";-0.0" п.п.";0.0" п.п."',
      "H9:H11 0.0",
    ]);
    const colours = ops
      .filter((o) => o.op === "conditionalFormat")
      .map((o) => o.op === "conditionalFormat" && o.address);
    expect(colours).toEqual(["I6:I11", "I6:I11", "I6:I11", "J6:J11", "J6:J11"]);
  });

  it("the measures sheet: one row per school and direction with a shortfall", () => {
    expect(measures.rows).toHaveLength(1);
    expect(measures.rows[0]).toMatchObject({ unit: "Школа b", login: "b", direction: 6, basis: "Положение о МСОКО" });
    expect(String(measures.rows[0].shortfalls).split("\n")).toHaveLength(2);
    expect(String(measures.rows[0].measures).split("\n")).toEqual([
      "ИМЦ: Организовать выявление профессиональных дефицитов педагогов и научно-методическое сопровождение по индивидуальным образовательным маршрутам",
      "МОУО: Провести мониторинг кадровых потребностей ОО и спланировать аттестацию и повышение квалификации педагогов",
    ]);
  });
});

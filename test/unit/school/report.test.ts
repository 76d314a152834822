/**
 * Golden tests of the school report (ВСОКО) on the constructed school of fixture.ts: every table
 * value is worked out by hand in the comments.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_PROFILE } from "../../../src/core/profile";
import {
  schoolReport,
  SCHOOL_SHEET_NAMES,
  reportChoices,
  type SchoolAnalysisReport,
} from "../../../src/school/model/report";
import type { Table } from "../../../src/summary/model/table";
import { SUMMARY_SHEET_NAMES } from "../../../src/summary/model/build";
import { constructedSchool, REFERENCES } from "./fixture";

const base = { year: 2026, procedure: "ВПР" as const, profile: DEFAULT_PROFILE };
const full = schoolReport(constructedSchool(), { ...base, references: REFERENCES });

function table(r: SchoolAnalysisReport, id: string): Table {
  const t = r.sheets.flatMap((s) => s.tables).find((x) => x.id === id);
  if (!t) throw new Error(`нет таблицы ${id}`);
  return t;
}

const NB = "\u00a0";

describe("sheets of the report", () => {
  it("names start with «Анализ» and clash neither with the form's nor with the summary's sheets", () => {
    const names = full.sheets.map((s) => s.name);
    expect(names).toEqual(Object.values(SCHOOL_SHEET_NAMES));
    for (const n of names) {
      expect(n.startsWith("Анализ")).toBe(true);
      expect(n.length).toBeLessThanOrEqual(31);
      expect(SUMMARY_SHEET_NAMES).not.toContain(n);
      expect([
        "Паспорт ОО",
        "Результаты",
        "Участники",
        "Задания",
        "Олимпиады",
        "Профориентация",
        "Кадры",
        "Руководитель",
        "Воспитание",
        "Дошкольное",
        "Цикл",
      ]).not.toContain(n);
    }
  });
  it("analyses the three tests of ВПР 2026 in grade then subject order", () => {
    expect(full.tests.map((t) => t.subject)).toEqual(["История", "Математика", "Русский язык"]);
  });
  it("filters by grade and subject (any spelling)", () => {
    const r = schoolReport(constructedSchool(), { ...base, subjects: ["математика"] });
    expect(r.tests.map((t) => t.subject)).toEqual(["Математика"]);
    expect(schoolReport(constructedSchool(), { ...base, grades: [6] }).tests).toEqual([]);
  });
  it("lists what the form holds for the pane", () => {
    expect(reportChoices(constructedSchool())).toEqual([
      { procedure: "ВПР", year: 2026, grades: [5], subjects: ["История", "Математика", "Русский язык"] },
      { procedure: "ВПР", year: 2025, grades: [5], subjects: ["История", "Математика", "Русский язык"] },
    ]);
  });
  it("never carries a name of a person: participants are codes", () => {
    const text = JSON.stringify(full.sheets);
    expect(text).not.toMatch(/учител[ья] [А-ЯЁ]/);
    expect(table(full, "ind1").columns.map((c) => c.header)).toEqual([
      "Класс",
      "Код участника",
      "Первичный балл",
      "Отметка",
      "Отметка по журналу",
      "Баллы заданий Б, % от максимума",
      "Баллы заданий П/В, % от максимума",
    ]);
  });
});

describe("a. individual results", () => {
  // Only математика has participants: its table is the second (история has only result rows).
  const ind = table(full, "ind2");
  it("one row per participant, by class then code, with the shares of Б and П/В points", () => {
    expect(ind.rows).toHaveLength(20);
    // A04: points 1,1,2,1 of basic max 6 → 5/6 = 83,33 %; advanced 1 of 4 → 25 %.
    expect(ind.rows[3]).toEqual({
      className: "5А",
      code: "A04",
      score: 6,
      mark: 4,
      journal: 5,
      basic: 83.3333333333,
      advanced: 25,
    });
    // B01: basic 6/6 = 100 %, advanced 2 + 1 = 3 of 4 → 75 %.
    expect(ind.rows[10]).toMatchObject({ className: "5Б", code: "B01", score: 9, mark: 5, basic: 100, advanced: 75 });
    // B10: basic 1 + 1 = 2 of 6 = 33,33 %, advanced 0 %.
    expect(ind.rows[19]).toMatchObject({ code: "B10", basic: 33.3333333333, advanced: 0 });
  });
  it("conclusion: mean shares 89 / 120 = 74,2 % (Б) and 13 / 80 = 16,25 % (П/В)", () => {
    // Basic points: 5А 6+6+6+5+5+4+4+4+3+2 = 45, 5Б 6+6+5+5+4+4+4+4+4+2 = 44 → 89 of 20 · 6.
    // Advanced points: 5А 4+2+1+1 = 8, 5Б 3+1+1 = 5 → 13 of 20 · 4.
    expect(ind.description).toBe(
      `ВПР 2026, 5 класс, математика: 20 участников из 2 классов; в среднем участник набрал 74,2${NB}% баллов заданий базового уровня (Б) и 16,3${NB}% — повышенного и высокого уровня (П/В).`,
    );
  });
  it("a test without participants says so", () => {
    expect(table(full, "ind1").rows).toEqual([]);
    expect(table(full, "ind1").description).toContain("нет участников этой работы");
  });
});

describe("b. statistics of marks with references, dynamics of «2»", () => {
  const marks = table(full, "marks");
  it("rows: история parallel; математика 5А, 5Б, parallel, municipality, region; русский язык 5А, 5Б, parallel", () => {
    expect(marks.rows.map((r) => `${r.subject}|${r.unit}`)).toEqual([
      "История|5 класс (параллель)",
      "Математика|5А",
      "Математика|5Б",
      "Математика|5 класс (параллель)",
      "Математика|Муниципалитет «Тестовый округ»",
      "Математика|Регион «Тестовая область»",
      "Русский язык|5А",
      "Русский язык|5Б",
      "Русский язык|5 класс (параллель)",
    ]);
  });
  it("математика 5А: «5» 2, «4» 2, «3» 4, «2» 2 → успеваемость 80 %, качество 40 %, доля «2» 20 %, средняя 3,4", () => {
    expect(marks.rows[1]).toMatchObject({
      n: 10,
      n5: 2,
      n4: 2,
      n3: 4,
      n2: 2,
      success: 80,
      quality: 40,
      share2: 20,
      share5: 20,
      meanMark: 3.4,
    });
    // 5Б: 1, 2, 6, 1 → 90 %, 30 %, 10 %, 10 %, (5 + 8 + 18 + 2) / 10 = 3,3.
    expect(marks.rows[2]).toMatchObject({
      n: 10,
      n5: 1,
      n4: 2,
      n3: 6,
      n2: 1,
      success: 90,
      quality: 30,
      share2: 10,
      share5: 10,
      meanMark: 3.3,
    });
    // Parallel: 3, 4, 10, 3 of 20 → 85 %, 35 %, 15 %, 15 %, 67 / 20 = 3,35.
    expect(marks.rows[3]).toMatchObject({
      n: 20,
      n5: 3,
      n4: 4,
      n3: 10,
      n2: 3,
      success: 85,
      quality: 35,
      share2: 15,
      share5: 15,
      meanMark: 3.35,
    });
    // Municipality 10, 30, 50, 10 of 100 → quality 40 %; region 100, 400, 400, 100 of 1000 → 50 %.
    expect(marks.rows[4]).toMatchObject({ n: 100, quality: 40 });
    expect(marks.rows[5]).toMatchObject({ n: 1000, quality: 50 });
  });
  it("class rows of «Результаты» are used when there are no participants; the parallel sums them", () => {
    // Русский язык: 5А 1, 3, 4, 2; 5Б 0, 2, 5, 3 → 1, 5, 9, 5 of 20: quality 30 %, «2» 25 %.
    expect(marks.rows[8]).toMatchObject({ n: 20, n5: 1, n4: 5, n3: 9, n2: 5, quality: 30, share2: 25 });
  });
  it("computed columns are native formulas", () => {
    expect(marks.columns.find((c) => c.id === "quality")!.formula).toBe('IF({n}>0,({n5}+{n4})/{n}*100,"")');
  });
  it("conclusion names quality with the references", () => {
    expect(marks.description).toContain(
      `по математике в 5 классе — 35${NB}% (муниципалитет — 40${NB}%, регион — 50${NB}%), доля «2» — 15${NB}%`,
    );
    expect(marks.description!.startsWith(`Качество знаний по истории в 5 классе — 12,5${NB}%`)).toBe(true);
  });

  const dyn = table(full, "share2dyn");
  it("dynamics of the share of «2» 2025→2026; Δ ≥ 10 п.п. flagged only with enough participants", () => {
    expect(dyn.columns.map((c) => c.id)).toEqual(["grade", "subject", "y2025", "y2026", "n", "delta", "status"]);
    // История: 0 % → 4/8 = 50 %: Δ +50 п.п., but 8 participants < 20 — labelled, not flagged.
    expect(dyn.rows[0]).toEqual({
      grade: 5,
      subject: "История",
      y2025: 0,
      y2026: 50,
      n: 8,
      delta: 50,
      status: "мало участников",
    });
    // Математика: 2/20 = 10 % → 3/20 = 15 %: Δ +5 п.п. < 10.
    expect(dyn.rows[1]).toEqual({ grade: 5, subject: "Математика", y2025: 10, y2026: 15, n: 20, delta: 5, status: "" });
    // Русский язык: 2/22 = 9,0909 % → 25 %: Δ +15,909 п.п. ≥ 10 with N 22 and 20 → flagged.
    expect(dyn.rows[2]).toEqual({
      grade: 5,
      subject: "Русский язык",
      y2025: 9.0909090909,
      y2026: 25,
      n: 20,
      delta: 15.9090909091,
      status: "рост доли «2»",
    });
    expect(dyn.columns.find((c) => c.id === "delta")!.formula).toBe(
      'IF(AND(ISNUMBER({y2026}),ISNUMBER({y2025})),{y2026}-{y2025},"")',
    );
    expect(dyn.description).toContain(
      `по русскому языку в 5 классе доля «2» выросла с 9,1${NB}% в 2025 г. до 25${NB}% в 2026 г. (+15,9${NB}п.п.`,
    );
    expect(dyn.description).toContain("Строк с малым числом участников (менее 20): 1 — они не оцениваются.");
  });
});

describe("c. journal marks", () => {
  const j = table(full, "journal");
  it("lowered / confirmed / raised per class and for the parallel", () => {
    // 5А: lowered A04 A05 A07 A09 = 4, raised A02 = 1, confirmed 5; gap ≥ 2: A07 (3 vs 5).
    expect(j.rows[0]).toEqual({
      grade: 5,
      subject: "Математика",
      unit: "5А",
      n: 10,
      lowered: 4,
      confirmed: 5,
      raised: 1,
      gap2: 1,
      loweredShare: 40,
      confirmedShare: 50,
      raisedShare: 10,
      gap2Share: 10,
    });
    // 5Б: lowered B05 B06 B09 = 3, raised B03 = 1, confirmed 6; gap ≥ 2: B05.
    expect(j.rows[1]).toMatchObject({ unit: "5Б", n: 10, lowered: 3, confirmed: 6, raised: 1, gap2: 1 });
    // Parallel: 7 / 11 / 2 of 20 → 35 %, 55 %, 10 %; gap ≥ 2: 2 of 20 = 10 %.
    expect(j.rows[2]).toMatchObject({
      unit: "5 класс (параллель)",
      n: 20,
      lowered: 7,
      confirmed: 11,
      raised: 2,
      gap2: 2,
      loweredShare: 35,
      confirmedShare: 55,
      raisedShare: 10,
      gap2Share: 10,
    });
  });
  it("participants with a gap ≥ 2 are listed by code only", () => {
    expect(table(full, "gaps").rows).toEqual([
      { grade: 5, subject: "Математика", className: "5А", code: "A07", mark: 3, journal: 5, diff: -2 },
      { grade: 5, subject: "Математика", className: "5Б", code: "B05", mark: 3, journal: 5, diff: -2 },
    ]);
  });
  it("conclusion with the numbers; O1 is not evaluated without a reference (chance cannot be ruled out), never «не выявлен»", () => {
    // The imported references carry no journal comparison for this test and no municipality is pooled.
    expect(j.description).toBe(
      `По математике в 5 классе отметки по журналу подтвердили 55${NB}% участников, понизили 35${NB}%, повысили 10${NB}%; ` +
        `расхождение на 2 отметки и более — у 2 участников (10${NB}%) — признак O1 не оценивался: нет эталона для сравнения ` +
        `(участников других ОО муниципалитета или выгрузки ФИС ОКО), поэтому случайность расхождений не исключить.`,
    );
  });
  it("within the municipality O1 is evaluated against the pooled participants", () => {
    // Two identical schools: pooled gap-2 share 4 / 40 = 10 %, mismatch 18 / 40 = 45 % — the school's own
    // 10 % and 45 % are no excess, and 2 participants with a gap of 2 are below o1.minCount = 3.
    const other = constructedSchool();
    other.passport = { ...other.passport, login: "sch000002" };
    const m = {
      name: "Тестовый округ",
      schools: [constructedSchool(), other],
      references: [],
      fiokoMarkers: [],
      riskProfiles: [],
      municipalCycle: [],
    };
    const r = schoolReport(constructedSchool(), { ...base, municipalityPooled: m });
    expect(table(r, "journal").description).toContain(`(10${NB}%) — признак O1 не выявлен.`);
    expect(
      table(r, "objectivity").rows.find((x) => x.subject === "Математика" && String(x.rule).startsWith("O1"))!.state,
    ).toBe("не выявлен");
  });
});

describe("d. raw scores", () => {
  const bounds = table(full, "bounds");
  const dist = table(full, "dist1");
  it("participants per score 0…10", () => {
    // Scores: 2 ×2 (A10, B10), 3 ×1, 4 ×8, 5 ×2, 6 ×2, 7 ×2, 8 ×1, 9 ×1, 10 ×1.
    expect(dist.rows.map((r) => r.count)).toEqual([0, 0, 2, 1, 8, 2, 2, 2, 1, 1, 1]);
    expect(dist.rows.map((r) => r.score)).toEqual([
      "0",
      "1",
      "2",
      "3",
      "4 («3»)",
      "5",
      "6 («4»)",
      "7",
      "8 («5»)",
      "9",
      "10",
    ]);
    expect(dist.rows[4]).toEqual({ score: "4 («3»)", count: 8 });
  });
  it("boundaries inferred from (score, mark) pairs; the peak at 4 is not flagged with 20 < 30 participants", () => {
    expect(bounds.rows).toEqual([
      {
        grade: 5,
        subject: "Математика",
        mark: "«3»",
        score: 4,
        at: 8,
        below: 1,
        source: "по парам «балл — отметка»",
        status: "мало участников",
      },
      {
        grade: 5,
        subject: "Математика",
        mark: "«4»",
        score: 6,
        at: 2,
        below: 2,
        source: "по парам «балл — отметка»",
        status: "мало участников",
      },
      {
        grade: 5,
        subject: "Математика",
        mark: "«5»",
        score: 8,
        at: 1,
        below: 2,
        source: "по парам «балл — отметка»",
        status: "мало участников",
      },
    ]);
    // Mean score (4 + 3 + 32 + 10 + 12 + 14 + 8 + 9 + 10) / 20 = 102 / 20 = 5,1.
    expect(dist.description).toBe(
      "ВПР 2026, 5 класс, математика: 20 участников, средний первичный балл 5,1 из 10; границы отметок «3» от 4, «4» от 6, «5» от 8 " +
        "(определены по парам «балл — отметка»); пики на границах не проверялись — мало участников (20 при пороге 30).",
    );
    expect(full.findings.some((f) => f.rule === "SCHOOL_O2")).toBe(false);
  });
  it("a chart over each distribution", () => {
    const sheet = full.sheets.find((s) => s.name === SCHOOL_SHEET_NAMES.scores)!;
    expect(sheet.charts).toEqual([
      { table: 1, type: "columnClustered", title: "Распределение первичных баллов: 5 класс, Математика" },
    ]);
  });
});

describe("e. task completion and deficits", () => {
  const tasks = table(full, "tasks1");
  it("completion per task with the adequacy bands", () => {
    // Task 1: 19 of 20 = 95 %; 2: 18 / 20 = 90 %; 3: 30 / 40 = 75 %; 4: 22 / 40 = 55 % (< 57: insufficient);
    // 5 (П): 10 / 40 = 25 % (< 28,5: insufficient); 6 (В): 3 / 40 = 7,5 %.
    expect(tasks.rows.map((r) => [r.number, r.completion, r.adequacy])).toEqual([
      ["1", 95, "достаточный уровень"],
      ["2", 90, "достаточный уровень"],
      ["3", 75, "достаточный уровень"],
      ["4", 55, "недостаточный уровень"],
      ["5", 25, "недостаточный уровень"],
      ["6", 7.5, "недостаточный уровень"],
    ]);
    expect(tasks.description).toBe(
      `ВПР 2026, 5 класс, математика: из 6 заданий на недостаточном уровне выполнены 3 (№ 4 — 55${NB}%, № 5 — 25${NB}%, № 6 — 7,5${NB}%).`,
    );
  });
  it("deficits grouped by the skill they check", () => {
    expect(table(full, "deficits").rows).toEqual([
      { grade: 5, subject: "Математика", skill: "Геометрия", tasks: "4", levels: "Б", completion: 55 },
      { grade: 5, subject: "Математика", skill: "Текстовые задачи", tasks: "5", levels: "П", completion: 25 },
      { grade: 5, subject: "Математика", skill: "Логика", tasks: "6", levels: "В", completion: 7.5 },
    ]);
  });
  it("with the municipality pooled, the reference completion and the difference appear", () => {
    const other = constructedSchool();
    other.passport = { ...other.passport, login: "sch000002" };
    // The other school's participants all score 1 on task 1 and 0 elsewhere.
    other.participants = other.participants.map((p) => ({ ...p, taskPoints: [1, 0, 0, 0, 0, 0] }));
    const m = {
      name: "Тестовый округ",
      schools: [constructedSchool(), other],
      references: [],
      fiokoMarkers: [],
      riskProfiles: [],
      municipalCycle: [],
    };
    const r = schoolReport(constructedSchool(), { ...base, municipalityPooled: m });
    // Pooled task 1: (19 + 20) / 40 = 97,5 %; the school's 95 % is 2,5 п.п. below.
    expect(table(r, "tasks1").rows[0]).toMatchObject({ completion: 95, ref: 97.5, diff: -2.5 });
  });
});

describe("f. completion by mark groups", () => {
  const g = table(full, "groups1");
  it("only the «3» group (10 participants) is analysed; the others are labelled", () => {
    // «3»: A05–A08, B04–B09. Task 1: 10/10 = 100 %; 2: 8/10 = 80 %; 3: 14/20 = 70 %; 4: 10/20 = 50 %; 5, 6: 0.
    expect(g.rows.map((r) => r.g3)).toEqual([100, 80, 70, 50, 0, 0]);
    expect(g.rows.map((r) => r.g2)).toEqual([null, null, null, null, null, null]);
    expect(g.columns.map((c) => c.header)).toEqual([
      "Задание",
      "«2», N = 3 (мало участников), %",
      "«3», N = 10, %",
      "«4», N = 4 (мало участников), %",
      "«5», N = 3 (мало участников), %",
    ]);
    expect(g.description).toBe(
      "ВПР 2026, 5 класс, математика: проанализированы группы «3» (10 участников); группы «2» (3 участника), «4» (4 участника), «5» (3 участника) " +
        `меньше 10 человек — мало участников, выполнение по ним не анализируется; группа «3» хуже всего выполнила задание № 5 (0${NB}%).`,
    );
  });
});

describe("g. complex analyses (table 2 of the ВСОКО regulation)", () => {
  it("quality by subject and by procedure over the years", () => {
    const s = table(full, "qualityS");
    expect(s.title).toBe("Качество образования в разрезе учебных предметов");
    // История 5/8 = 62,5 % → 1/8 = 12,5 %; математика 10/20 = 50 % → 7/20 = 35 %; русский 10/22 → 6/20 = 30 %.
    expect(s.rows).toEqual([
      { procedure: "ВПР", subject: "История", y2025: 62.5, y2026: 12.5, delta: -50, n: 8 },
      { procedure: "ВПР", subject: "Математика", y2025: 50, y2026: 35, delta: -15, n: 20 },
      { procedure: "ВПР", subject: "Русский язык", y2025: 45.4545454545, y2026: 30, delta: -15.4545454545, n: 20 },
    ]);
    // ВПР pooled: 2025 8 + 17 of 50 = 50 %; 2026 «5» 0+3+1, «4» 1+4+5 of 8+20+20 = 14/48 = 29,1667 %.
    expect(table(full, "qualityP").rows).toEqual([
      { procedure: "ВПР", y2025: 50, y2026: 29.1666666667, delta: -20.8333333333, n: 48 },
    ]);
    expect(s.description).toBe(
      `Качество знаний (ВПР 2026, все параллели): наибольшее по математике — 35${NB}%, наименьшее по истории — 12,5${NB}%.`,
    );
  });
  it("basic minimum: история's 50 % of «2» is labelled (8 participants), not flagged", () => {
    expect(table(full, "minimumS").title).toBe(
      "Достижение обязательного минимума базовой подготовки в разрезе учебных предметов",
    );
    expect(table(full, "minimumS").description).toContain(
      "при малом числе участников (мало участников): 5 класс, История — не оценивается",
    );
    expect(full.findings.some((f) => f.rule === "BASIC_MINIMUM")).toBe(false);
  });
  it("talent and careers from the direction sheets", () => {
    // Школьный этап: 10 awardees of 40 participants = 25 %; муниципальный: 3 awardees.
    const oly = table(full, "olympiads");
    expect(oly.rows.find((r) => String(r.indicator).startsWith("Доля победителей"))).toMatchObject({ y2026: 25 });
    expect(oly.rows.find((r) => String(r.indicator).startsWith("Победители и призёры муниципального"))).toMatchObject({
      y2026: 3,
    });
    // СПО after grade 9: 10 / 25 = 40 %; after 11: 2 / 11 = 18,18 %; вузы: 9 / 11 = 81,82 %, by profile 6 / 9 = 66,67 %.
    expect(table(full, "spo").rows.map((r) => r.y2026)).toEqual([40, 18.1818181818]);
    expect(table(full, "vuz").rows.map((r) => r.y2026)).toEqual([81.8181818182, 66.6666666667]);
    expect(table(full, "spo").title).toBe("Профориентация на рабочие специальности: поступление в ОО СПО");
    expect(table(full, "vuz").description).toBe(
      `Поступление в вузы в 2026 г.: доля выпускников 11 классов, поступивших в вузы — 81,8${NB}%; доля поступивших в вузы по профилю сданных ЕГЭ — 66,7${NB}%.`,
    );
  });
  it("objectivity: every sign of every chosen test; what was not evaluated says why, never «не выявлено»", () => {
    const o = table(full, "objectivity");
    expect(o.rows.map((r) => `${r.subject} ${r.rule} | ${r.state}`)).toEqual([
      "История O1 Несовпадение с отметками по журналу | не оценивался: нет отметок по журналу у участников",
      "История O2 Пик на границе отметок | не оценивался: нет первичных баллов участников",
      "История O3 Результаты намного выше эталона без подтверждения | не оценивался: мало участников",
      "История O4 Инверсия трудности заданий | не оценивался: нет баллов участников за задания",
      "История O5 Разрыв внешней и внутренней оценки | не оценивался: мало участников",
      "Математика O1 Несовпадение с отметками по журналу | не оценивался: нет эталона для сравнения (участников других ОО муниципалитета или выгрузки ФИС ОКО), поэтому случайность расхождений не исключить",
      "Математика O2 Пик на границе отметок | не оценивался: мало участников с первичным баллом",
      "Математика O3 Результаты намного выше эталона без подтверждения | не оценивался: нет более поздних внешних результатов этой параллели, чтобы проверить подтверждение",
      // 20 participants with task points: basic 67,5 % > advanced 16,25 % — no inversion.
      "Математика O4 Инверсия трудности заданий | не выявлен",
      "Математика O5 Разрыв внешней и внутренней оценки | не оценивался: нет результатов той же параллели за прошлый год и ОГЭ",
      // Русский язык has result rows only: no participant scores, so no peak can be looked for.
      "Русский язык O1 Несовпадение с отметками по журналу | не оценивался: нет отметок по журналу у участников",
      "Русский язык O2 Пик на границе отметок | не оценивался: нет первичных баллов участников",
      "Русский язык O3 Результаты намного выше эталона без подтверждения | не оценивался: нет эталона для сравнения",
      "Русский язык O4 Инверсия трудности заданий | не оценивался: нет баллов участников за задания",
      "Русский язык O5 Разрыв внешней и внутренней оценки | не оценивался: нет результатов той же параллели за прошлый год и ОГЭ",
      "все предметы O6 Аномалия школьного этапа олимпиады | не выявлен",
      "все предметы F Маркер ФИОКО | не оценивался: маркеры ФИОКО не загружены",
    ]);
    expect(o.description).toBe(
      "Среди оценённых признаков (2) сработавших нет. Не оценивались: 15 — причины в столбце «Состояние»; о них вывод не делается.",
    );
  });
  it("alone, the municipal standing is not invented: the table says how to get it", () => {
    const st = table(full, "standing");
    expect(st.rows).toEqual([]);
    expect(st.description).toContain("только в сравнении с другими ОО муниципалитета");
  });
});

describe("«Выводы и решения»", () => {
  const d = table(full, "decisions");
  it("O1 first, then the rise of «2», then the deficits grouped by skill; measures of §8 with empty decision columns", () => {
    expect(full.findings.map((f) => `${f.rule}: ${f.context}`)).toEqual([
      "SHARE2_RISE: ВПР 2026, 5 класс, русский язык",
      "TASK_DEFICIT: ВПР 2026, 5 класс, математика",
    ]);
    expect(d.rows.map((r) => r.no)).toEqual(["1.1", "1.2", "2.1"]);
    expect(d.rows[0]).toMatchObject({
      direction: "Достижение обязательного минимума базовой подготовки в разрезе учебных предметов",
      kind: "рост доли «2»",
      level: "ОО",
      basis: "Положение о ВСОКО ОО",
      responsible: null,
      deadline: null,
      document: null,
    });
    // Each measure names the subject, grade and number that triggered it («2»: 2 of 22 in 2025, 25 % in 2026).
    expect(d.rows[1].measure).toBe(
      `Организовать работу школьных методических объединений по преодолению затруднений, выявленных по результатам ВСОКО (без оценки отдельных учителей по результатам ВПР) — по русскому языку в 5 классе: доля «2» 25${NB}%`,
    );
    expect(d.rows[2].measure).toBe(
      "Скорректировать рабочие программы и планы работы методических объединений по заданиям с недостаточным уровнем выполнения — по математике в 5 классе",
    );
    expect(d.rows[2].found).toBe(
      `Недостаточный уровень выполнения (Б — ниже 57${NB}%, П/В — ниже 28,5${NB}%): «Геометрия» (№ 4 — 55${NB}%); «Текстовые задачи» (№ 5 — 25${NB}%); «Логика» (№ 6 — 7,5${NB}%).`,
    );
    expect(d.columns.slice(-3).map((c) => c.header)).toEqual(["Ответственный", "Срок", "Документ решения (№, дата)"]);
    for (const r of d.rows) expect(String(r.measure)).not.toMatch(/рейтинг|оценить учител|оценка учител/i);
  });
  it("the four stages of interpretation", () => {
    const st = table(full, "stages");
    expect(st.rows.map((r) => String(r.stage).split(":")[0])).toEqual([
      "Поисковый",
      "Аналитический",
      "Обобщающий",
      "Распорядительный",
    ]);
    expect(st.rows[2].result).toContain(
      "дефицитов по заданиям — 1, признаков необъективности — 0, статус ШНОР/ШНСУ — не определялся (нужны формы других ОО муниципалитета), роста доли «2» — 1",
    );
    expect(st.rows[3].result).toContain("Предложено мер: 3.");
  });
  it("a school without findings gets the positive-practice measure", () => {
    const r = schoolReport(constructedSchool(), { ...base, subjects: ["История"] });
    expect(r.findings).toEqual([]);
    expect(table(r, "decisions").rows).toHaveLength(1);
    expect(table(r, "decisions").rows[0].measure).toContain("позитивную практику");
  });
});

/**
 * Regional protocols (raw results) in the 2020–2021 and 2022+ layouts: every participant read
 * with its school, marks from the profile's scale, absent pupils counted, faulty rows excluded
 * with findings naming file, sheet and row, a missing scale stopping the import with the exact
 * setting to add, and the schools grouped per municipality or as one region.
 */
import { describe, expect, it } from "vitest";
import { applyOverrides, DEFAULT_PROFILE } from "../../../src/core/profile";
import {
  groupRawSchools,
  importRaw,
  looksLikeRawResults,
  looksLikeFisokoExport,
  testOfText,
  typeOfName,
  locationOfName,
  withRawSchools,
} from "../../../src/fisoko";
import type { SchoolReport } from "../../../src/core/model";
import { RawParticipant } from "../../../src/fisoko/raw";
import { protocol2021Small, protocol2022Small } from "../../fixtures/fisoko/raw";

const SCALE_2021 = applyOverrides(
  [{ key: "scale|ВПР|2021|4|Математика", value: "20;6;10;15" }],
  DEFAULT_PROFILE,
).profile;
/** Participants a school got from protocols (as columns). */
const columnsCount = (s: SchoolReport) => (s.participantColumns ?? []).reduce((n, c) => n + c.count, 0);

const row = (p: {
  login?: string;
  code: string;
  className: string;
  score: number | null;
  mark: number | null;
  journalMark: number | null;
}) => [p.login, p.code, p.className, p.score, p.mark, p.journalMark];

describe("the test of a protocol", () => {
  it("comes from the title, the file name or the user's words", () => {
    expect(testOfText("Проведение работы по математике, 4 класс. ВПР 2021")).toEqual({
      year: 2021,
      grade: 4,
      subject: "Математика",
    });
    expect(testOfText("ВПР_2022_русский_язык_5кл.xlsx")).toEqual({ year: 2022, grade: 5, subject: "Русский язык" });
    expect(testOfText("Проведение работы по окружающему миру, 4 класс")).toEqual({
      grade: 4,
      subject: "Окружающий мир",
    });
    expect(testOfText("протокол.xlsx")).toEqual({});
  });
});

describe("2020–2021 layout", () => {
  const imp = importRaw([{ name: "протокол.xlsx", sheets: [protocol2021Small()] }], SCALE_2021);

  it("is told apart from forms and report exports", () => {
    expect(looksLikeRawResults([protocol2021Small()])).toBe(true);
    expect(looksLikeFisokoExport([protocol2021Small()])).toBe(false);
  });

  it("reads the participants; marks from the scale 20;6;10;15; «X» and «Х» are 0", () => {
    expect(imp.ok).toBe(true);
    expect(imp.participants.map(row)).toEqual([
      ["sch203389", "500001", "4А", 15, 5, 4],
      ["sch203389", "500002", "4А", 12, 4, 5],
      ["sch203389", "500003", "4Б", 6, 3, 3],
      ["sch203390", "500103", "4А", 9, 3, 2],
    ]);
    expect(imp.participants[1].taskPoints).toEqual([4, 4, 0, 4]);
    expect(imp.participants[3].taskPoints).toEqual([3, 3, 0, 3]);
    expect(imp.participants[0].ref).toEqual({ sheet: "Лист1", cell: "D3", file: "протокол.xlsx" });
    expect(imp.participants[3].ref).toEqual({ sheet: "Лист1", cell: "D11", file: "протокол.xlsx" });
    expect(imp.schools.map((s) => [s.login, s.name, s.municipality, s.region])).toEqual([
      ["sch203389", "sch203389", "", "Чеченская Республика"],
      ["sch203390", "sch203390", "", "Чеченская Республика"],
    ]);
    expect(imp.reports).toEqual([
      {
        file: "протокол.xlsx",
        sheet: "Лист1",
        layout: "2021",
        test: { procedure: "ВПР", year: 2021, grade: 4, subject: "Математика" },
        marksFrom: "scale",
        scale: "«2» 0–5, «3» 6–9, «4» 10–14, «5» 15–20",
        participants: 4,
        schools: 2,
        absent: 1,
        excluded: 5,
      },
    ]);
  });

  it("excludes faulty rows with findings naming file, sheet and row", () => {
    expect(imp.findings.filter((f) => f.severity === "warning").map((f) => [f.rule, f.cell, f.message])).toEqual([
      [
        "raw.scoreMax",
        "I8",
        "Файл «протокол.xlsx», лист «Лист1», строка 8: участник 500102 (ОО sch203390): первичный балл 21 больше максимального 20 (по шкале scale|ВПР|2021|4|Математика); строка не учитывается.",
      ],
      [
        "raw.duplicate",
        "D10",
        "Файл «протокол.xlsx», лист «Лист1», строка 10: код участника 500101 в ОО sch203390 уже встречался в строке 7; оба результата не учитываются (какой из них верный, по файлу не понять).",
      ],
      [
        "raw.number",
        "M12",
        "Файл «протокол.xlsx», лист «Лист1», строка 12: участник 500104 (ОО sch203390), задание 4: найдено «abc», ожидается число баллов или «X»; строка не учитывается.",
      ],
      [
        "raw.login",
        "A9",
        "Файл «протокол.xlsx», лист «Лист1», строка 9: логин ОО «школа 5» не распознан (ожидается «edu» или «sch» и 6 цифр, например edu203389); строка не учитывается.",
      ],
    ]);
  });

  it("stops without a scale, naming the exact --set key; nothing is imported", () => {
    const none = importRaw([{ name: "протокол.xlsx", sheets: [protocol2021Small()] }], DEFAULT_PROFILE);
    expect(none.ok).toBe(false);
    expect(none.participants).toEqual([]);
    const errors = none.findings.filter((f) => f.severity === "error");
    expect(errors).toHaveLength(1);
    expect(errors[0].rule).toBe("raw.scale");
    expect(errors[0].message).toContain("--set 'scale|ВПР|2021|4|Математика=max;мин.3;мин.4;мин.5'");
    expect(
      errors[0].message.startsWith(
        "Файл «протокол.xlsx», лист «Лист1»: в протоколе нет отметок, а в методике нет шкалы перевода первичных баллов в отметки для ВПР 2021, Математика, 4 класс.",
      ),
    ).toBe(true);
  });

  it("stops when neither the title nor the file name names the test, unless the user does", () => {
    const sheet = protocol2021Small();
    const untitled = { ...sheet, values: sheet.values.slice(1) };
    const r = importRaw([{ name: "протокол.xlsx", sheets: [untitled] }], SCALE_2021);
    expect(r.ok).toBe(false);
    expect(r.findings[0].rule).toBe("raw.test");
    expect(r.findings[0].message).toContain("не удалось определить год, класс, предмет работы");
    const given = importRaw([{ name: "протокол.xlsx", sheets: [untitled] }], SCALE_2021, {
      test: { year: 2021, grade: 4, subject: "Математика" },
    });
    expect(given.ok).toBe(true);
    expect(given.participants).toHaveLength(4);
  });

  it("refuses a protocol cut after its header, naming the sheet and the header row", () => {
    const sheet = protocol2021Small();
    const r = importRaw(
      [{ name: "оборванный.xlsx", sheets: [{ ...sheet, values: sheet.values.slice(0, 2) }] }],
      SCALE_2021,
    );
    expect(r.ok).toBe(false);
    expect(r.participants).toEqual([]);
    expect(r.findings.map((f) => [f.rule, f.cell, f.message])).toEqual([
      [
        "raw.empty",
        "A2",
        "Файл «оборванный.xlsx», лист «Лист1», строка 2: под шапкой протокола нет ни одного участника с результатами (ВПР 2021, Математика, 4 класс); возможно, файл оборван или все строки содержат ошибки.",
      ],
    ]);
  });

  it("refuses a file without a protocol header, naming the file", () => {
    const r = importRaw(
      [
        {
          name: "пусто.xlsx",
          sheets: [{ name: "Лист1", values: [["Итоги"], ["логин школы", "код обучающегося"]], merges: [] }],
        },
      ],
      SCALE_2021,
    );
    expect(r.ok).toBe(false);
    expect(r.findings.map((f) => f.rule)).toEqual(["raw.header"]);
    expect(r.findings[0].message.startsWith("Файл «пусто.xlsx»: не найдена шапка протокола результатов")).toBe(true);
  });
});

describe("2022+ layout (sheets «Классы» and «Протокол»)", () => {
  const imp = importRaw([{ name: "ВПР 2026 русский язык 4 класс.xlsx", sheets: protocol2022Small() }], DEFAULT_PROFILE);

  it("reads the protocol sheet with the shipped scale 24: 10/16/21; absent and «не пройд.» counted", () => {
    expect(imp.ok).toBe(true);
    expect(imp.participants.map(row)).toEqual([
      ["edu223144", "300001", "4А", 24, 5, 5],
      ["edu223144", "300002", "4А", 15, 3, 4],
      ["edu223144", "300003", "4Б", 16, 4, 4],
      ["edu223200", "310001", "", 23, 5, 3],
      ["edu223200", "310003", "", 9, 2, 3],
    ]);
    expect(imp.reports.map((r) => [r.sheet, r.layout, r.marksFrom, r.absent, r.excluded])).toEqual([
      ["Протокол", "2022", "scale", 2, 2],
    ]);
  });

  it("keeps municipality and region logins as data, out of the names", () => {
    expect(
      imp.schools.map((s) => [s.login, s.name, s.municipality, s.municipalityLogin, s.region, s.regionLogin]),
    ).toEqual([
      ["edu223144", "МБОУ «СОШ № 2 г. Камень-на-Оби»", "Каменский район", "reg22_m007", "Алтайский край", "reg220000"],
      [
        "edu223200",
        "МКОУ «Комсомольская ООШ» с. Комсомольский",
        "Мамонтовский район",
        "reg22_m025",
        "Алтайский край",
        "reg220000",
      ],
    ]);
  });

  it("excludes a task above its maximum and an unparsable school login", () => {
    expect(imp.findings.filter((f) => f.severity === "warning").map((f) => f.message)).toEqual([
      "Файл «ВПР 2026 русский язык 4 класс.xlsx», лист «Протокол», строка 8: участник 310002 (ОО edu223200), задание 2: 2 балла, а максимум 1; строка не учитывается.",
      "Файл «ВПР 2026 русский язык 4 класс.xlsx», лист «Протокол», строка 10: логин ОО «МБОУ СОШ № 7» не распознан (ожидается «edu» или «sch» и 6 цифр, например edu203389); строка не учитывается.",
    ]);
  });

  it("groups schools per municipality, or as one region", () => {
    const all = withRawSchools([], imp);
    const byMun = groupRawSchools(all, "municipality");
    expect(
      byMun.map((m) => [
        m.name,
        m.schools.map((s) => [
          s.passport.login,
          s.passport.type,
          s.passport.location,
          s.passport.municipality,
          columnsCount(s),
        ]),
      ]),
    ).toEqual([
      ["Каменский район", [["edu223144", "СОШ", "город", "Каменский район", 3]]],
      ["Мамонтовский район", [["edu223200", "ООШ", "село", "Мамонтовский район", 2]]],
    ]);
    expect(groupRawSchools(all, "region").map((m) => [m.name, m.schools.length])).toEqual([["Алтайский край", 2]]);
  });

  it("joins a form's school by the login's digits; the form's own participants win", () => {
    const form: SchoolReport = {
      passport: {
        login: "sch223144",
        name: "СОШ № 2",
        type: "СОШ",
        location: "город",
        municipality: "Каменский район",
        contingent: [],
      },
      results: [],
      participants: [],
      tasks: [],
      directions: {},
      cycle: [],
      findings: [],
    };
    const merged = withRawSchools([form], imp);
    expect(merged.schools.map((s) => [s.passport.login, s.participants.length, columnsCount(s)])).toEqual([
      ["sch223144", 0, 3],
      ["edu223200", 0, 2],
    ]);
    // The protocol's rows reach the analysis as views of the table's columns, values unchanged.
    const [c] = merged.schools[0].participantColumns!;
    expect([c.procedure, c.year, c.grade, c.subject, c.taskCount]).toEqual(["ВПР", 2026, 4, "Русский язык", 12]);
    expect([...c.score]).toEqual(imp.participants.slice(0, 3).map((p) => p.score ?? NaN));
    expect([...c.mark]).toEqual(imp.participants.slice(0, 3).map((p) => p.mark ?? 0));
    expect([...c.points.subarray(12, 24)]).toEqual(imp.participants[1].taskPoints.map((v) => v ?? NaN));
    expect(merged.findings.map((f) => f.message)).toEqual([
      "ОО sch223144: логины sch223144 и edu223144 — одна ОО: ФИС ОКО выдавала логины ОО с приставкой «sch» примерно до 2021 г. и с «edu» с 2022 г., цифры у одной школы те же; строки сопоставлены по цифрам 223144.",
    ]);
    const own = { ...form, participants: [{ ...imp.participants[0], login: "sch223144", source: "form" }] };
    const kept = withRawSchools([own], imp);
    expect(kept.schools[0].participants.map((p) => p.source)).toEqual(["form"]);
    expect(kept.schools[0].participantColumns).toBeUndefined();
    expect(kept.findings.map((f) => f.severity)).toEqual(["info", "warning"]);
    // An input school that already has columns keeps its own array (the inputs are not changed).
    const withColumns = { ...form, participantColumns: [c] };
    const again = withRawSchools([withColumns], imp);
    expect([withColumns.participantColumns.length, again.schools[0].participantColumns!.length]).toEqual([1, 2]);
  });
});

describe("school type and location from the name", () => {
  it("reads the usual abbreviations", () => {
    expect(
      [
        "МБОУ «Гимназия № 2»",
        "МАОУ «Лицей № 1»",
        "МКОУ «Ветренская ООШ»",
        "МБОУ «НОШ № 3»",
        "МБОУ «СОШ № 5 с УИОП»",
        "МБОУ «СОШ № 4»",
      ].map(typeOfName),
    ).toEqual(["гимназия", "лицей", "ООШ", "НОШ", "СОШ с УИОП", "СОШ"]);
    expect(
      [
        "МБОУ «СОШ с. Ачхой-Мартан»",
        "МБОУ «СОШ №1 г.Урус-Мартан»",
        "МБОУ «СОШ № 5 с УИОП»",
        "МКОУ «ООШ» пос. Лесной",
      ].map(locationOfName),
    ).toEqual(["село", "город", "город", "село"]);
  });
});

describe("a protocol given to the report import", () => {
  it("is named as a protocol and sent to analyze/summarize", async () => {
    const { importFisoko } = await import("../../../src/fisoko");
    const r = importFisoko([{ name: "протокол.xlsx", sheets: [protocol2021Small()] }]);
    expect(r.ok).toBe(false);
    expect(r.findings.map((f) => [f.rule, f.message])).toEqual([
      [
        "fisoko.protocol",
        "Файл «протокол.xlsx»: это протокол результатов региона (строка на участника с логином школы и баллами за задания), а не отчёт ФИС ОКО; его принимают «msoko analyze» и «msoko summarize» и страница «Свод» в панели.",
      ],
    ]);
  });
});

describe("texts met on every row (memoised, issue 23)", () => {
  // The small 2021 protocol with a code met three times, «X» and «х» with spaces, a school login
  // and a class behind no-break spaces, and «ОТСУТСТВОВАЛ» in capitals.
  const sheet = protocol2021Small();
  const values = sheet.values.map((r) => [...r]);
  values[2][0] = "\u00a0sch203389\u00a0"; // row 3: the login behind no-break spaces
  values[3][11] = " x "; // row 4, task 3: «x» with spaces → 0
  values[4][6] = "4\u00a0Б"; // row 5: the class «4 Б» with a no-break space
  values[5][7] = "ОТСУТСТВОВАЛ"; // row 6: absent in capitals
  values.push(["sch203390", "Чеченская Республика", 6, 500101, 4, "М", "4А", 1, 9, 3, 3, 2, 1]); // row 13: 500101 a third time
  values.push(["sch203390", "Чеченская Республика", 7, 500105, 4, "М", "4А", 1, 10, 4, 3, "хх", 1]); // row 14: «хх» is no score
  const imp = importRaw([{ name: "протокол.xlsx", sheets: [{ ...sheet, values }] }], SCALE_2021);

  it("reads the same participants as without the spaces; a third repeat of a code names the first row", () => {
    expect(imp.participants.map(row)).toEqual([
      ["sch203389", "500001", "4А", 15, 5, 4],
      ["sch203389", "500002", "4А", 12, 4, 5],
      ["sch203389", "500003", "4Б", 6, 3, 3],
      ["sch203390", "500103", "4А", 9, 3, 2],
    ]);
    expect(imp.participants[1].taskPoints).toEqual([4, 4, 0, 4]);
    expect(imp.participants[0].ref).toEqual({ sheet: "Лист1", cell: "D3", file: "протокол.xlsx" });
    expect(imp.reports[0]).toMatchObject({ participants: 4, absent: 1, excluded: 7 });
    expect(imp.findings.filter((f) => f.rule === "raw.duplicate").map((f) => f.message)).toEqual([
      "Файл «протокол.xlsx», лист «Лист1», строка 10: код участника 500101 в ОО sch203390 уже встречался в строке 7; оба результата не учитываются (какой из них верный, по файлу не понять).",
      "Файл «протокол.xlsx», лист «Лист1», строка 13: код участника 500101 в ОО sch203390 уже встречался в строке 7; оба результата не учитываются (какой из них верный, по файлу не понять).",
    ]);
    expect(imp.findings.filter((f) => f.rule === "raw.number").map((f) => f.cell)).toEqual(["M12", "L14"]);
  });
});

describe("participant codes: a number and its text are one code", () => {
  // Codes kept as numbers when they are integers (issue 23); a text code spelling the same integer
  // is the same code, a text that spells it otherwise («0500002», «500002.0») is another.
  const sheet = protocol2021Small();
  const values = sheet.values.map((r) => [...r]);
  values[3][3] = "500001"; // row 4: the code of row 3 typed as text
  values[4][3] = "0500002"; // row 5: leading zero — not the code 500002 of row 14
  values.push(["sch203389", "Чеченская Республика", 5, "500002.0", 4, "Ж", "4А", 1, 12, 4, 4, 2, 2]); // row 13
  values.push(["sch203389", "Чеченская Республика", 6, 500002, 4, "Ж", "4А", 1, 12, 4, 4, 2, 2]); // row 14
  const imp = importRaw([{ name: "протокол.xlsx", sheets: [{ ...sheet, values }] }], SCALE_2021);

  it("finds the text «500001» a repeat of the number 500001, and keeps the texts' own spelling", () => {
    expect(imp.findings.filter((f) => f.rule === "raw.duplicate").map((f) => f.message)).toEqual([
      "Файл «протокол.xlsx», лист «Лист1», строка 4: код участника 500001 в ОО sch203389 уже встречался в строке 3; оба результата не учитываются (какой из них верный, по файлу не понять).",
      "Файл «протокол.xlsx», лист «Лист1», строка 10: код участника 500101 в ОО sch203390 уже встречался в строке 7; оба результата не учитываются (какой из них верный, по файлу не понять).",
    ]);
    expect(imp.participants.filter((p) => p.login === "sch203389").map((p) => p.code)).toEqual([
      "0500002",
      "500002.0",
      "500002",
    ]);
  });
});

describe("a protocol's participant keeps its row, not a reference object (issue 23)", () => {
  it("makes the reference when read, the same each time; assigning replaces it", () => {
    const p = importRaw([{ name: "протокол.xlsx", sheets: [protocol2021Small()] }], SCALE_2021).participants[1];
    expect(p).toBeInstanceOf(RawParticipant);
    expect(p.ref).toEqual({ sheet: "Лист1", cell: "D4", file: "протокол.xlsx" });
    expect(p.ref).not.toBe(p.ref);
    expect([p.source, p.procedure, p.year, p.grade, p.subject]).toEqual([
      "протокол.xlsx",
      "ВПР",
      2021,
      4,
      "Математика",
    ]);
    p.ref = undefined;
    expect(p.ref).toBeUndefined();
    p.ref = { sheet: "Лист2", cell: "A1" };
    expect(p.ref).toEqual({ sheet: "Лист2", cell: "A1" });
  });
});

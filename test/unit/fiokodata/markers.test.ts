/**
 * FIOKO data as input: marker lists (both layouts) and risk-profile lists are recognised by
 * their header rows, parsed with findings that name the cell, attached to the municipality by
 * login, and make sign F and factor R5 fire for the right school, year, grade and subject.
 */
import { describe, expect, it } from "vitest";
import { analyzeMunicipality, attachFiokoData, fiokoDataKind, readFiokoData } from "../../../src/core/analysis";
import { parseFiokoMarkers } from "../../../src/core/objectivity";
import { DEFAULT_PROFILE } from "../../../src/core/profile";
import { RISK_PROFILE_FACTORS } from "../../../src/core/risk";
import type { CellValue } from "../../../src/core/values";
import { addResult, municipality, school, withQuality } from "../analysis/build";

const WIDE: CellValue[][] = [
  ["Маркеры необъективности результатов ВПР, 2025 год"],
  [],
  ["№", "Логин", "Наименование ОО", "4 РУ", "4 МА", "5 РУ", "5 МА", "6 ИСТ"],
  [1, "sch1", "МБОУ СОШ № 1", 0, 1, 0, "", 0],
  [2, "SCH2", "МБОУ СОШ № 2", "0", "0", 1, 0, null],
];

describe("parseFiokoMarkers — wide layout", () => {
  it("reads one marker per school × grade × subject; year from the title; codes mapped to subjects", () => {
    const { markers, findings } = parseFiokoMarkers(WIDE, "Маркеры", "markers.xlsx");
    expect(findings).toEqual([]);
    expect(markers).toHaveLength(8); // blanks give no marker
    expect(markers.filter((m) => m.marker === 1)).toEqual([
      { year: 2025, login: "sch1", grade: 4, subject: "Математика", marker: 1, source: "markers.xlsx" },
      { year: 2025, login: "SCH2", grade: 5, subject: "Русский язык", marker: 1, source: "markers.xlsx" },
    ]);
    expect(markers.find((m) => m.login === "sch1" && m.grade === 6)).toMatchObject({ subject: "История", marker: 0 });
  });

  it("a «Год» column wins over the title; «5 кл. Математика» and «7 АЯ» headers work", () => {
    const grid: CellValue[][] = [
      ["Логин", "Год", "5 кл. Математика", "7 АЯ"],
      ["sch1", 2024, 1, 0],
      ["sch1", "2025", 0, 1],
    ];
    const { markers, findings } = parseFiokoMarkers(grid, "Лист1", "m.xlsx");
    expect(findings).toEqual([]);
    expect(markers.map((m) => `${m.year} ${m.grade} ${m.subject} ${m.marker}`)).toEqual([
      "2024 5 Математика 1",
      "2024 7 Английский язык 0",
      "2025 5 Математика 0",
      "2025 7 Английский язык 1",
    ]);
  });

  it("unknown subject code, a value other than 0/1 and a missing login are errors with the cell", () => {
    const grid: CellValue[][] = [
      ["Маркеры 2025"],
      ["Логин", "4 РУ", "5 ЩЩ"],
      ["sch1", 2, ""],
      ["", 1, ""],
      ["sch3", "да", ""],
    ];
    const { markers, findings } = parseFiokoMarkers(grid, "Маркеры", "m.xlsx");
    expect(markers).toEqual([]);
    expect(findings.map((f) => [f.severity, f.rule, f.cell])).toEqual([
      ["error", "markers.subject", "C2"],
      ["error", "markers.value", "B3"],
      ["error", "markers.login", "A4"],
      ["error", "markers.value", "B5"],
    ]);
    expect(findings[0].message).toBe(
      "Ячейка C2 листа «Маркеры»: код предмета «ЩЩ» в заголовке «5 ЩЩ» не распознан; ожидаются коды ФИОКО (РУ, МА, ОМ, ИСТ, БИО, ГЕО, ОБЩ, ФИЗ, ХИМ, АЯ…) или названия предметов.",
    );
    expect(findings[1].message).toBe(
      "Ячейка B3 листа «Маркеры»: значение «2» не является маркером; ожидается 0 или 1 (пусто — маркер не указан).",
    );
    expect(findings[2].message).toBe(
      "Ячейка A4 листа «Маркеры»: пустой логин ОО в строке с маркерами; ожидается логин ФИС ОКО (например, sch420123).",
    );
    expect(findings.every((f) => f.file === "m.xlsx" && f.sheet === "Маркеры")).toBe(true);
  });

  it("without a year anywhere the sheet is refused with one error", () => {
    const { markers, findings } = parseFiokoMarkers(
      [
        ["Логин", "4 РУ"],
        ["sch1", 1],
      ],
      "Лист1",
      "m.xlsx",
    );
    expect(markers).toEqual([]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: "markers.year", cell: "A1" });
  });

  it("a repeated school × grade × subject keeps the first marker and warns", () => {
    const { markers, findings } = parseFiokoMarkers(
      [
        ["Логин", "Год", "4 РУ"],
        ["sch1", 2025, 1],
        ["sch1", 2025, 0],
      ],
      "Лист1",
      "m.xlsx",
    );
    expect(markers).toHaveLength(1);
    expect(markers[0].marker).toBe(1);
    expect(findings.map((f) => [f.severity, f.cell])).toEqual([["warning", "C3"]]);
  });
});

describe("parseFiokoMarkers — long layout", () => {
  it("reads «Логин | Год | Класс | Предмет | Маркер»; a bad grade or subject is named by its cell", () => {
    const grid: CellValue[][] = [
      ["Логин", "Год", "Класс", "Предмет", "Маркер"],
      ["sch1", 2025, 5, "МА", 1],
      ["sch1", 2025, "6", "Русский язык", 0],
      ["sch2", 2025, 14, "МА", 1],
      ["sch2", 2025, 5, "Астрология", 1],
    ];
    const { markers, findings } = parseFiokoMarkers(grid, "Маркеры", "long.xlsx");
    expect(markers).toEqual([
      { year: 2025, login: "sch1", grade: 5, subject: "Математика", marker: 1, source: "long.xlsx" },
      { year: 2025, login: "sch1", grade: 6, subject: "Русский язык", marker: 0, source: "long.xlsx" },
    ]);
    expect(findings.map((f) => [f.rule, f.cell])).toEqual([
      ["markers.grade", "C4"],
      ["markers.subject", "D5"],
    ]);
  });
});

describe("telling FIOKO lists from other sheets", () => {
  const profileHeader = ["Логин", "Год", ...RISK_PROFILE_FACTORS];
  it("markers, risk profiles, and neither", () => {
    expect(fiokoDataKind(WIDE)).toBe("markers");
    expect(fiokoDataKind([["Логин", "Год", "Класс", "Предмет", "Маркер"]])).toBe("markers");
    expect(fiokoDataKind([["Рисковые профили ФИОКО"], profileHeader])).toBe("riskProfiles");
    // A form's passport (label «Логин ОО» and its value) and a results table are neither.
    expect(
      fiokoDataKind([
        ["Логин ОО", "sch420101"],
        ["Наименование", "МБОУ"],
      ]),
    ).toBeNull();
    expect(fiokoDataKind([["Логин ОО", "Процедура", "Год", "Класс", "Предмет", "«5»", "«4»"]])).toBeNull();
    expect(fiokoDataKind([["Статистика по отметкам"], ["Класс", "Кол-во участников"]])).toBeNull();
  });

  it("readFiokoData reads every recognised sheet of a workbook and names the file in findings", () => {
    const data = readFiokoData("fioko.xlsx", [
      { name: "Маркеры", values: WIDE },
      {
        name: "Профили",
        values: [profileHeader, ["sch1", 2025, "высокий", "в", "Высокий", "средний", "очень высокий"]],
      },
      { name: "Пояснения", values: [["Пояснения к файлу"]] },
    ]);
    expect(data.markers).toHaveLength(8);
    expect(data.riskProfiles).toHaveLength(1);
    expect(Object.values(data.riskProfiles[0].factors).filter((l) => l === "высокий")).toHaveLength(3);
    expect(data.findings.map((f) => [f.file, f.sheet, f.cell, f.rule])).toEqual([
      ["fioko.xlsx", "Профили", "G2", "risk.level"],
    ]);
  });
});

describe("markers and risk profiles in the analysis", () => {
  function twoSchools() {
    const a = addResult(school("sch1"), "ВПР", 2025, 4, "Математика", withQuality(20, 50));
    const b = addResult(school("sch2"), "ВПР", 2025, 4, "Математика", withQuality(20, 50));
    return municipality([a, b]);
  }

  it("attachFiokoData matches logins ignoring case and leaves out unknown ones with a warning", () => {
    const { markers } = parseFiokoMarkers(WIDE, "Маркеры", "markers.xlsx");
    const extra = { ...markers[0], login: "sch9" };
    const { municipality: m, findings } = attachFiokoData(twoSchools(), [...markers, extra], []);
    expect(m.fiokoMarkers).toHaveLength(8);
    expect(new Set(m.fiokoMarkers.map((x) => x.login))).toEqual(new Set(["sch1", "sch2"]));
    expect(findings.map((f) => f.message)).toEqual([
      "Файл «markers.xlsx»: маркеры ФИОКО ОО с логином «sch9» пропущены — такой ОО нет среди форм муниципалитета.",
    ]);
  });

  it("marker 1 → sign F fires for that school, year, grade and subject with its evidence; 0 → evaluated, not fired", () => {
    const { markers } = parseFiokoMarkers(WIDE, "Маркеры", "markers.xlsx");
    const { municipality: m } = attachFiokoData(twoSchools(), markers, []);
    const a = analyzeMunicipality(m, DEFAULT_PROFILE);
    const y1 = a.schools.find((s) => s.login === "sch1")!.years.find((y) => y.year === 2025)!;
    const f1 = y1.signs.filter((g) => g.rule === "F");
    expect(f1).toHaveLength(4);
    expect(f1.filter((g) => g.fired)).toEqual([
      expect.objectContaining({
        rule: "F",
        fired: true,
        evaluated: true,
        year: 2025,
        procedure: "ВПР",
        grade: 4,
        subject: "Математика",
        numbers: { marker: 1 },
        tags: ["OFFICIAL"],
        reference: { kind: "fioko", value: 1, n: 0, source: "markers.xlsx" },
      }),
    ]);
    expect(y1.firedSigns).toEqual(["F"]);
    expect(y1.risk.factors.find((f) => f.id === "R6")!.fired).toBe(true);
    const y2 = a.schools.find((s) => s.login === "sch2")!.years.find((y) => y.year === 2025)!;
    expect(y2.signs.filter((g) => g.rule === "F" && g.fired).map((g) => `${g.grade} ${g.subject}`)).toEqual([
      "5 Русский язык",
    ]);
  });

  it("a risk profile with 3 factors «высокий» fires R5 (r5.highFactors = 3); with 2 it does not", () => {
    const profile = (login: string, high: number) => ({
      year: 2025,
      login,
      source: "profiles.xlsx",
      factors: Object.fromEntries(
        RISK_PROFILE_FACTORS.slice(0, 5).map((f, i) => [f, i < high ? "высокий" : "средний"]),
      ) as Record<string, "высокий" | "средний">,
    });
    const { municipality: m } = attachFiokoData(twoSchools(), [], [profile("SCH1", 3), profile("sch2", 2)]);
    const a = analyzeMunicipality(m, DEFAULT_PROFILE);
    const r5 = (login: string) =>
      a.schools
        .find((s) => s.login === login)!
        .years.find((y) => y.year === 2025)!
        .risk.factors.find((f) => f.id === "R5")!;
    expect(r5("sch1")).toMatchObject({ hasData: true, fired: true, numbers: { high: 3, factors: 5 } });
    expect(r5("sch2")).toMatchObject({ hasData: true, fired: false, numbers: { high: 2, factors: 5 } });
  });
});

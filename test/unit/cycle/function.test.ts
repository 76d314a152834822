import { afterEach, describe, expect, it } from "vitest";
import { InputError, NoDataError } from "../../../src/core/errors";
import { applyOverrides, DEFAULT_PROFILE } from "../../../src/core/profile";
import { excelSerialFromIso, isoFromExcelSerial, matchDirection, parseDate } from "../../../src/core/cycle";
import {
  cycle,
  getReportingDate,
  readCycleRange,
  readDirectionArg,
  setReportingDate,
} from "../../../src/functions/cycle";

type Row = (string | number | null)[];

const HEADER: Row = [
  "Год",
  "Направление",
  "Название направления",
  "Трек",
  "Тип трека",
  "Компонент",
  "Название компонента",
  "Оценка",
  "Документ №",
  "Дата документа",
  "Ответственный",
  "Плановый срок",
];

/** A row of the «Цикл» sheet; dates as Excel serials like Excel passes them. */
function row(
  dir: string | number,
  track: string,
  kind: string,
  comp: number,
  score: string,
  doc = "",
  docDate: string | number | null = null,
  planned: string | number | null = null,
  year: string | number = 2026,
): Row {
  return [year, dir, "", track, kind, comp, "", score, doc, docDate, "зам. директора", planned];
}

function full(
  dir: string | number,
  track: string,
  scores: string,
  planned: Record<number, string | number> = {},
): Row[] {
  return [...scores].map((s, i) => {
    const n = i + 1;
    const word = s === "2" ? "есть" : s === "1" ? "частично" : s === "u" ? "есть" : s === "_" ? "" : "нет";
    return row(
      dir,
      track,
      "полный",
      n,
      word,
      s === "2" ? `${n}/од` : "",
      s === "2" ? excelSerialFromIso("2026-03-01") : null,
      planned[n] ?? null,
    );
  });
}

const D_30_12 = excelSerialFromIso("2026-12-30");
const GRID: Row[] = [
  HEADER,
  ...full(1, "ВПР", "222222222"),
  ...full("Объективность", "Наблюдение", "222220222", { 6: D_30_12 }),
  ...full(2, "ШНОР", "111111111"),
  row(3, "Олимпиады", "частичный", 7, "есть", "7/од", "01.03.2026"),
  row(3, "Олимпиады", "частичный", 8, "есть", "8/од", "2026-03-02"),
  row(3, "Олимпиады", "частичный", 9, "частично", "", null, "30.12.2026"),
  [null, null, "", null, null, null, "", null, null, null, null, null],
  row(1, "ВПР", "полный", 1, "нет", "", null, null, 2025),
];

afterEach(() => setReportingDate(null));

describe("dates", () => {
  it("Excel serials, ISO and Russian dates", () => {
    expect(isoFromExcelSerial(46387)).toBe("2026-12-31");
    expect(excelSerialFromIso("2026-12-31")).toBe(46387);
    expect(isoFromExcelSerial(1)).toBe("1900-01-01");
    expect(isoFromExcelSerial(61)).toBe("1900-03-01");
    expect(isoFromExcelSerial(60)).toBeNull();
    expect(parseDate("31.12.2026")).toBe("2026-12-31");
    expect(parseDate("1.3.2026 г.")).toBe("2026-03-01");
    expect(parseDate("2026-12-31")).toBe("2026-12-31");
    expect(parseDate("2026-12-31T00:00:00")).toBe("2026-12-31");
    expect(parseDate("46387")).toBe("2026-12-31");
    expect(parseDate("31.02.2026")).toBeNull();
    expect(parseDate("завтра")).toBeNull();
  });
});

describe("direction argument", () => {
  it("numbers, «О» in either alphabet, «Объективность», names by prefix", () => {
    expect(readDirectionArg(3)).toBe(3);
    expect(readDirectionArg([["7"]])).toBe(7);
    expect(readDirectionArg("О")).toBe("O");
    expect(readDirectionArg("o")).toBe("O");
    expect(readDirectionArg("объективность")).toBe("O");
    expect(readDirectionArg("Система работы со школами")).toBe(2);
    expect(readDirectionArg("работы по самоопределению")).toBe(4);
    expect(readDirectionArg("Профориентация")).toBe(4);
    expect(matchDirection("Система мониторинга")).toEqual({ ok: false, candidates: [5, 8] });
  });

  it("bad directions name what is expected", () => {
    expect(() => readDirectionArg(9)).toThrow(
      "Аргумент «направление»: значение «9» не распознано; ожидается номер направления 1–8, «Объективность» («О») или начало названия направления.",
    );
    expect(() => readDirectionArg("Система мониторинга")).toThrow("Подходят несколько направлений (5, 8)");
    expect(() => readDirectionArg(null)).toThrow(InputError);
  });
});

describe("reading the «Цикл» range", () => {
  it("reads records past the header, skips blank rows, converts words and dates", () => {
    const records = readCycleRange(GRID);
    expect(records).toHaveLength(9 * 3 + 3 + 1);
    expect(records[0]).toEqual({
      year: 2026,
      direction: 1,
      track: "ВПР",
      trackKind: "full",
      component: 1,
      score: 2,
      docNumber: "1/од",
      docDate: "2026-03-01",
      responsible: "зам. директора",
    });
    expect(records[9].direction).toBe("O");
    expect(records[14].plannedDate).toBe("2026-12-30");
    expect(records[27]).toMatchObject({ direction: 3, trackKind: "partial", component: 7, docDate: "2026-03-01" });
    expect(records[29]).toMatchObject({ score: 1, plannedDate: "2026-12-30" });
  });

  it("finds the columns by header text in any order and accepts «2025/26» years and component names", () => {
    const grid: Row[] = [
      ["Компонент", "Оценка", "Трек", "Тип трека", "Направление", "Год"],
      ["6. Адресные рекомендации", 2, "ВПР", "полный цикл", "1", "2025/26"],
    ];
    expect(readCycleRange(grid)).toEqual([
      { year: 2026, direction: 1, track: "ВПР", trackKind: "full", component: 6, score: 2 },
    ]);
  });

  it("a range without the header row is an error that lists the missing columns", () => {
    expect(() => readCycleRange(GRID.slice(1))).toThrow(
      /должен включать строку заголовков листа «Цикл».*не найдены столбцы: «Год», «Направление», «Трек», «Тип трека», «Компонент»/,
    );
  });

  it("bad cells are errors naming their row and column inside the range", () => {
    const bad = (r: number, c: number, v: string | number) => {
      const g = GRID.map((x) => [...x]);
      g[r][c] = v;
      return () => readCycleRange(g);
    };
    expect(bad(2, 7, "да-да")).toThrow(
      "Значение «да-да» в строке 3, столбце 8 аргумента «диапазон_цикла» не подходит: ожидается «нет», «частично» или «есть» (или 0, 1, 2).",
    );
    expect(bad(3, 5, 12)).toThrow(
      "Значение «12» в строке 4, столбце 6 аргумента «диапазон_цикла» не подходит: ожидается номер компонента цикла от 1 до 9.",
    );
    expect(bad(4, 11, "в декабре")).toThrow(
      "Значение «в декабре» в строке 5, столбце 12 аргумента «диапазон_цикла» не подходит: ожидается дата вида «31.12.2026».",
    );
    expect(bad(5, 1, "девять")).toThrow(/в строке 6, столбце 2 .*ожидается номер направления 1–8/);
    expect(bad(6, 4, "средний")).toThrow(
      "в строке 7, столбце 5 аргумента «диапазон_цикла» не подходит: ожидается «полный» или «частичный».",
    );
    expect(bad(7, 3, "")).toThrow("В строке 8, столбце 4 аргумента «диапазон_цикла» не заполнен столбец «Трек»");
    expect(bad(8, 0, "прошлый")).toThrow(
      "Значение «прошлый» в строке 9, столбце 1 аргумента «диапазон_цикла» не подходит: ожидается год, например 2026 (для учебного года 2025/26 — 2026).",
    );
  });
});

describe("MSOKO.CYCLE", () => {
  const at = "31.12.2026";

  it("status (default) per direction, for the latest year of the range", () => {
    expect(cycle(1, GRID, null, at, DEFAULT_PROFILE)).toBe("замкнут");
    expect(cycle("О", GRID, "", at, DEFAULT_PROFILE)).toBe("разрыв на этапе 6 «Адресные рекомендации»");
    expect(cycle(3, GRID, "статус", at, DEFAULT_PROFILE)).toBe("разрыв на этапе 9 «Анализ эффективности принятых мер»");
    expect(cycle(8, GRID, null, at, DEFAULT_PROFILE)).toBe("нет данных");
  });

  it("«балл» is the score in percent; «уровень» the level", () => {
    expect(cycle(1, GRID, "балл", at, DEFAULT_PROFILE)).toBe(100);
    expect(cycle(2, GRID, "балл", at, DEFAULT_PROFILE)).toBe(50);
    expect(cycle(3, GRID, "Балл", at, DEFAULT_PROFILE)).toBeCloseTo((5 / 6) * 100, 9);
    expect(cycle(2, GRID, "уровень", at, DEFAULT_PROFILE)).toBe("средний");
    expect(cycle("Объективность", GRID, "уровень", at, DEFAULT_PROFILE)).toBe("высокий");
    expect(cycle(8, GRID, "уровень", at, DEFAULT_PROFILE)).toBe("нет данных");
    expect(() => cycle(8, GRID, "балл", at, DEFAULT_PROFILE)).toThrow(NoDataError);
  });

  it("«просрочено» counts components planned before the date and not done: one day before vs the same day", () => {
    expect(cycle("О", GRID, "просрочено", at, DEFAULT_PROFILE)).toBe(1);
    expect(cycle("О", GRID, "просрочено", "30.12.2026", DEFAULT_PROFILE)).toBe(0);
    expect(cycle(3, GRID, "просрочено", excelSerialFromIso("2026-12-31"), DEFAULT_PROFILE)).toBe(1);
    expect(cycle(3, GRID, "просрочено", "2026-12-30", DEFAULT_PROFILE)).toBe(0);
    expect(cycle(8, GRID, "просрочено", at, DEFAULT_PROFILE)).toBe(0);
  });

  it("«шаг» is the next step of the first gap, with its date", () => {
    expect(cycle("О", GRID, "шаг", at, DEFAULT_PROFILE)).toBe(
      "Подготовить адресные рекомендации по результатам анализа (приказ/распоряжение с номером и датой) — срок 30.12.2026 (просрочен)",
    );
    expect(cycle(2, GRID, "шаг", at, DEFAULT_PROFILE)).toBe(
      "Поставить и обосновать цели направления (приказ или положение с номером и датой)",
    );
    expect(cycle(1, GRID, "шаг", at, DEFAULT_PROFILE)).toBe("цикл замкнут");
    expect(cycle(8, GRID, "шаг", at, DEFAULT_PROFILE)).toBe(
      "нет данных: заполните треки направления 8 на листе «Цикл»",
    );
  });

  it("the evaluation date defaults to the workbook's reporting date; without one the error asks for it", () => {
    expect(getReportingDate()).toBeNull();
    expect(() => cycle("О", GRID, "просрочено", null, DEFAULT_PROFILE)).toThrow(
      "Не задана дата оценки цикла: укажите её аргументом «дата_оценки» (например, «31.12.2026» или ссылку на ячейку с датой) или задайте отчётную дату книги на панели МСОКО.",
    );
    setReportingDate("31.12.2026");
    expect(getReportingDate()).toBe("2026-12-31");
    expect(cycle("О", GRID, "просрочено", null, DEFAULT_PROFILE)).toBe(1);
    setReportingDate(excelSerialFromIso("2026-12-30"));
    expect(cycle("О", GRID, "просрочено", [[null]], DEFAULT_PROFILE)).toBe(0);
    expect(() => setReportingDate("когда-нибудь")).toThrow(InputError);
  });

  it("the cache is keyed by the range's content, the date and the profile: edits are never stale", () => {
    expect(cycle(1, GRID, null, at, DEFAULT_PROFILE)).toBe("замкнут");
    const edited = GRID.map((r) => [...r]);
    edited[6][7] = "частично"; // direction 1, component 6
    expect(cycle(1, edited, null, at, DEFAULT_PROFILE)).toBe("разрыв на этапе 6 «Адресные рекомендации»");
    expect(cycle(1, GRID, null, at, DEFAULT_PROFILE)).toBe("замкнут");
    const strict = applyOverrides([{ key: "cycle.levels", value: "50;100" }]).profile;
    expect(cycle(2, GRID, "уровень", at, DEFAULT_PROFILE)).toBe("средний");
    expect(cycle(1, GRID, "уровень", at, strict)).toBe("высокий");
    expect(cycle("О", GRID, "уровень", at, strict)).toBe("средний");
  });

  it("a title row above the header is found by the form's column locator", () => {
    const titled: Row[] = [["Управленческий цикл МБОУ СОШ № 1"], ...GRID];
    expect(cycle("О", titled, null, at, DEFAULT_PROFILE)).toBe("разрыв на этапе 6 «Адресные рекомендации»");
  });

  it("bad mode and date arguments say what is allowed", () => {
    expect(() => cycle(1, GRID, "итог", at, DEFAULT_PROFILE)).toThrow(
      /Аргумент «режим»: режим «итог» не известен; допустимы «статус», «status», «балл»/,
    );
    expect(() => cycle(1, GRID, null, "31/13/2026", DEFAULT_PROFILE)).toThrow(
      "Аргумент «дата_оценки»: значение «31/13/2026» не дата; ожидается дата вида «31.12.2026» или «2026-12-31».",
    );
    expect(() => cycle(1, [HEADER], "балл", at, DEFAULT_PROFILE)).toThrow(
      "Нет данных о цикле: в аргументе «диапазон_цикла» нет ни одной строки цикла.",
    );
    expect(cycle(1, [HEADER], null, at, DEFAULT_PROFILE)).toBe("нет данных");
  });
});

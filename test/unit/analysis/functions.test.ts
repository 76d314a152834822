import { beforeEach, describe, expect, it } from "vitest";
import {
  analysisCount,
  clearAnalysisCache,
  explainIndicator,
  objectivity,
  risk,
  stable,
} from "../../../src/functions/analysis";
import { fingerprint, LruCache } from "../../../src/functions/analysis-cache";
import { readAnalysisTable } from "../../../src/functions/analysis-table";
import { InputError } from "../../../src/core/errors";
import { applyOverrides, DEFAULT_PROFILE } from "../../../src/core/profile";
import { RESULTS_TABLE_HEADER } from "../functions/results-header";

const P = DEFAULT_PROFILE;
const HEADER = RESULTS_TABLE_HEADER;

/** Four schools × 3 years of ВПР 5 математика with qualities q; s3 also has 30 % «2» in two procedures. */
function table(extra: (string | number)[][] = []): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [HEADER];
  const q = [80, 60, 40, 20];
  for (const year of [2023, 2024, 2025]) {
    q.forEach((quality, i) => {
      const good = (quality * 20) / 100;
      rows.push([`sch${i}`, "СОШ", "город", "ВПР", year, 5, "", "Математика", 20, 0, good, 20 - good, 0]);
    });
    rows.push(["sch3", "СОШ", "город", "ВПР", year, 5, "", "Русский язык", 10, 0, 4, 3, 3]);
  }
  return [...rows, ...extra];
}

describe("analysis functions over a results table", () => {
  beforeEach(() => clearAnalysisCache());

  it("reads the documented layout: one school per «Логин ОО», result rows", () => {
    const m = readAnalysisTable(table(), "x");
    expect(m.schools.map((s) => s.passport.login)).toEqual(["sch0", "sch1", "sch2", "sch3"]);
    expect(m.schools[3].results).toHaveLength(6);
    expect(m.schools[3].results[1]).toMatchObject({
      subject: "Русский язык",
      participants: 10,
      marks: { n5: 0, n4: 4, n3: 3, n2: 3 },
    });
  });

  it("risk: level, score, factors, groups; the same level as the engine", () => {
    const t = table();
    expect(risk("sch3", t, null, P)).toBe("высокий");
    expect(risk("sch3", t, "факторы", P)).toBe("R1, R2");
    expect(risk("sch3", t, "группа", P)).toBe("ШНОР");
    expect(risk("sch0", t, "балл", P)).toBe(0);
    expect(risk("sch0", t, null, P)).toBe("низкий");
  });

  it("stable and objectivity", () => {
    const t = table();
    expect(stable("sch0", t, P)).toBe("стабильно высокие");
    expect(stable("sch3", t, P)).toBe("стабильно низкие");
    expect(stable("sch1", t, P)).toBe("");
    expect(objectivity("sch0", t, null, P)).toBe(0);
    expect(objectivity("sch0", t, "список", P)).toBe("");
  });

  it("explains an indicator in one sentence", () => {
    const t = table();
    expect(explainIndicator("sch3", "R1", t, P)).toMatch(
      /^R1 \(фактор риска ШНОР\): не менее 30\u00a0% не преодолели минимальный порог в той же процедуре два года подряд/,
    );
    expect(explainIndicator("sch0", "стабильность", t, P)).toBe(
      "Стабильно высокие результаты (§5, [DEFAULT]): в каждом году 2023–2025 гг. стандартизированный результат в верхней доле 0,25 кластера «СОШ, город» и не ниже 1 ([DEFAULT]), признаков необъективности нет.",
    );
  });

  it("100 calls over the same range cost one analysis; a changed range or profile costs one more", () => {
    const t = table();
    const before = analysisCount();
    for (let i = 0; i < 25; i++) {
      risk("sch0", t, null, P);
      risk("sch3", t, "балл", P);
      objectivity("sch1", t, null, P);
      stable("sch2", t, P);
    }
    expect(analysisCount() - before).toBe(1);
    const copy = table();
    risk("sch0", copy, null, P); // same contents, another array: still cached
    expect(analysisCount() - before).toBe(1);
    const edited = table(); // Excel passes an edited range as a new array (a cached one is frozen)
    edited[1][10] = 15;
    risk("sch0", edited, null, P);
    expect(analysisCount() - before).toBe(2);
    const { profile } = applyOverrides([{ key: "r1.share", value: 50 }]);
    expect(risk("sch3", t, "факторы", profile)).toBe("R2");
    expect(analysisCount() - before).toBe(3);
  });

  it("the cache is bounded (LRU of 8) and the fingerprint sees every cell", () => {
    const c = new LruCache<number>(8);
    for (let i = 0; i < 9; i++) c.set(`k${i}`, i);
    expect(c.length).toBe(8);
    expect(c.get("k0")).toBeUndefined();
    expect(c.get("k8")).toBe(8);
    expect(
      fingerprint([
        [1, 2],
        [3, 4],
      ]),
    ).not.toBe(
      fingerprint([
        [1, 2],
        [3, 5],
      ]),
    );
    expect(fingerprint([["12", ""]])).not.toBe(fingerprint([["1", "2"]]));
    expect(
      fingerprint([
        [1, 2],
        [3, 4],
      ]),
    ).toBe(
      fingerprint([
        [1, 2],
        [3, 4],
      ]),
    );
  });

  it("errors are Russian and name the cell", () => {
    const bad = table([["sch9", "СОШ", "город", "ВПР", 2025, 5, "", "Математика", 20, "много", 0, 0, 0]]);
    expect(() => risk("sch0", bad, null, P)).toThrow(InputError);
    expect(() => risk("sch0", bad, null, P)).toThrow(/ячейка J17 /);
    expect(() => risk("sch7", table(), null, P)).toThrow("ОО «sch7» нет в столбце «Логин ОО» таблицы");
    expect(() =>
      risk(
        "sch0",
        [
          ["a", "b"],
          [1, 2],
        ],
        null,
        P,
      ),
    ).toThrow(/не найдена строка заголовков/);
    expect(() => risk("sch0", table(), "цвет", P)).toThrow(/режим «цвет» не известен/);
  });

  it("a single-school table without «Логин ОО» answers for the school asked", () => {
    const t = table().map((r) => r.slice(3));
    expect(objectivity("любая", t, null, P)).toBe(0);
  });

  it("reads only the school rows of the summary's consolidated table (column «Уровень»)", () => {
    const header = [
      "Год",
      "Процедура",
      "Класс",
      "Предмет",
      "Уровень",
      "Наименование",
      "Логин ОО",
      "Участников",
      "«5»",
      "«4»",
      "«3»",
      "«2»",
      "«1» / н/а",
      "Качество, %",
    ];
    const t = [
      header,
      [2025, "ВПР", 5, "Математика", "Муниципалитет", "Тестовый", "", 30, 0, 15, 10, 5, 0, 50],
      [2025, "ВПР", 5, "Математика", "Кластер", "СОШ, город", "", 30, 0, 15, 10, 5, 0, 50],
      [2025, "ВПР", 5, "Математика", "ОО", "СОШ № 1", "sch1", 10, 0, 5, 2, 3, 0, 50],
      [2025, "ВПР", 5, "Русский язык", "ОО", "СОШ № 1", "sch1", 10, 0, 5, 2, 3, 0, 50],
      [2025, "ВПР", 5, "Математика", "ОО", "СОШ № 2", "sch2", 20, 0, 10, 8, 2, 0, 50],
    ];
    const m = readAnalysisTable(t, "x");
    expect(m.schools.map((s) => [s.passport.login, s.results.length])).toEqual([
      ["sch1", 2],
      ["sch2", 1],
    ]);
    expect(risk("sch1", t, "факторы", P)).toBe("R1");
  });
});

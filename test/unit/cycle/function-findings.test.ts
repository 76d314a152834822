/**
 * The custom functions read «Связь с выводом» and «Целевой показатель»: MSOKO.CYCLE's mode «выводы»
 * lists the findings a direction's rows cite; MSOKO.CYCLERESPONSE (ЦИКЛ.ОТВЕТ) says whether the
 * cycle answered a finding at steps 6–8.
 */
import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/core/errors";
import { DEFAULT_PROFILE } from "../../../src/core/profile";
import { cycle, cycleResponse, readCycleRange } from "../../../src/functions/cycle";
import { findFunction } from "../../../src/functions/registry";

type Row = (string | number | null)[];

const HEADER: Row = [
  "Год",
  "Направление",
  "Трек",
  "Тип трека",
  "Компонент",
  "Оценка",
  "Документ №",
  "Дата документа",
  "Связь с выводом",
  "Целевой показатель",
];

/** Direction `dir` closed in 2026, with links and a target on the given components. */
function range(dir: string, links: Record<number, string> = {}, target: Record<number, string> = {}): Row[] {
  const rows: Row[] = [HEADER];
  for (let n = 1; n <= 9; n++)
    rows.push([
      2026,
      dir,
      "Основной",
      "полный",
      n,
      "есть",
      `${n}-од`,
      "10.03.2026",
      links[n] ?? null,
      target[n] ?? null,
    ]);
  return rows;
}

const P = DEFAULT_PROFILE;

describe("MSOKO.CYCLE reads linked findings", () => {
  it("reads «Связь с выводом» and «Целевой показатель» into the records", () => {
    const [, , , , , , r7] = readCycleRange(
      range("2", { 7: "ШНОР 2026; O2 ВПР 2026 5 математика" }, { 7: "ВПР 5 математика доля 2" }),
    );
    expect(r7.links!.map((l) => l.text)).toEqual(["ШНОР 2026", "O2 ВПР 2026 5 математика"]);
    expect(r7.target).toMatchObject({ procedure: "ВПР", grade: 5, subject: "Математика", indicator: "share2" });
  });

  it("mode «выводы» lists the cited findings with their steps", () => {
    const r = range("2", { 6: "ШНОР 2026", 7: "ШНОР 2026", 8: "ШНОР 2026; O2 ВПР 2026" });
    expect(cycle(2, r, "выводы", "31.12.2026", P)).toBe("ШНОР 2026 (этапы 6, 7, 8); O2 ВПР 2026 (этап 8)");
    expect(cycle(3, r, "выводы", "31.12.2026", P)).toBe("нет ссылок на выводы анализа");
  });

  it("a reference it cannot read is #ЗНАЧ! naming the row and column inside the range", () => {
    expect(() => readCycleRange(range("2", { 7: "ШНОР" }))).toThrow(InputError);
    expect(() => readCycleRange(range("2", { 7: "ШНОР" }))).toThrow(
      /в строке 8, столбце 9 аргумента «диапазон_цикла» не подходит: ссылка «ШНОР» не распознана: не указан год вывода/,
    );
    expect(() => readCycleRange(range("2", {}, { 7: "ВПР математика" }))).toThrow(/столбце 10.*не указан показатель/);
  });
});

describe("MSOKO.CYCLERESPONSE / ЦИКЛ.ОТВЕТ", () => {
  it("«да» when steps 6–8 of the finding's direction cite it", () => {
    const r = range("2", { 6: "ШНОР 2026", 7: "ШНОР 2026", 8: "ШНОР 2026" });
    expect(cycleResponse("ШНОР 2026", r, undefined, P)).toBe("да");
    expect(cycleResponse("ШНОР 2026", r, "этапы", P)).toBe("—");
  });

  it("«нет» with the steps lacking an answer; a sign looks at the objectivity track", () => {
    const r = range("2", { 6: "ШНОР 2026", 7: "ШНОР 2026" });
    expect(cycleResponse("ШНОР 2026", r, undefined, P)).toBe(
      "нет: в цикле 2026 года направления 2 нет строк со ссылкой «ШНОР 2026» на этапе 8 «Управленческие решения»",
    );
    expect(cycleResponse("ШНОР 2026", r, "этапы", P)).toBe("8");
    // Rows of direction 2 citing O2 do not answer it: signs are answered by the objectivity track.
    const o2 = range("2", { 6: "O2 ВПР 2026", 7: "O2 ВПР 2026", 8: "O2 ВПР 2026" });
    expect(cycleResponse("O2 ВПР 2026", o2, "этапы", P)).toBe("6, 7, 8");
    const track = range("О", { 6: "O2 ВПР 2026", 7: "O2 ВПР 2026", 8: "O2 ВПР 2026" });
    expect(cycleResponse("О2 ВПР 2026", track, undefined, P)).toBe("да");
  });

  it("a bad finding argument says what is expected; the function is found by its Russian name", () => {
    expect(() => cycleResponse("O9 2026", range("2"), undefined, P)).toThrow(
      "Аргумент «вывод»: «O9 2026» не распознан — «O9» — не код вывода; ожидается O1, O2, O3, O4, O5, O6, O7, F, ШНОР, ШНСУ; ожидается, например, «O2 ВПР 2026 5 математика» или «ШНОР 2026».",
    );
    expect(findFunction("МСОКО.ЦИКЛ.ОТВЕТ")?.id).toBe("CYCLERESPONSE");
  });
});

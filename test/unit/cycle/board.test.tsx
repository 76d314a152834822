import { describe, expect, it } from "vitest";
import { renderToString } from "react-dom/server";
import { DEFAULT_PROFILE } from "../../../src/core/profile";
import { evaluateCycle } from "../../../src/core/cycle";
import { boardModel, CycleBoard } from "../../../src/taskpane/cycle/CycleBoard";
import { track } from "./helpers";

const records = [
  ...track({ direction: 1, scores: "222222222", firstRow: 2 }),
  ...track({ direction: "O", track: "ВПР", scores: "22222u222", firstRow: 11 }),
  ...track({ direction: "O", track: "Олимпиады", scores: "222220222", planned: { 6: "2026-12-30" }, firstRow: 20 }),
  ...track({ direction: 3, kind: "partial", scores: "------122", firstRow: 29 }),
];
const e = evaluateCycle(records, { year: 2026, evaluationDate: "2026-12-31", profile: DEFAULT_PROFILE });
const model = boardModel(e);

describe("boardModel", () => {
  it("one row per direction in order 1, О, 2…8 with the status and score", () => {
    expect(model.rows.map((r) => r.code)).toEqual(["1", "О", "2", "3", "4", "5", "6", "7", "8"]);
    expect(model.rows[0]).toMatchObject({
      statusText: "замкнут",
      scoreText: "100\u00a0%",
      levelText: "высокий",
      steps: [],
    });
    expect(model.rows[2]).toMatchObject({ status: "noData", statusText: "нет данных", scoreText: "—", levelText: "" });
    expect(model.evaluationDateText).toBe("31.12.2026");
    expect(model.overdueCount).toBe(1);
  });

  it("folds tracks: done only when every track has it done; overdue wins; mixed is partial", () => {
    const o = model.rows[1];
    expect(o.cells.map((c) => c.state)).toEqual([
      "done",
      "done",
      "done",
      "done",
      "done",
      "overdue",
      "done",
      "done",
      "done",
    ]);
    expect(o.cells[5].glyph).toBe("!");
    expect(o.cells[5].title).toBe(
      "6. Адресные рекомендации\n" +
        "Трек «ВПР», полный цикл: частично — «есть», но не указаны номер и дата документа\n" +
        "Трек «Олимпиады», полный цикл: просрочен — срок 30.12.2026",
    );
    expect(o.cells[5].ref).toEqual({ sheet: "Цикл", cell: "A16" });
    expect(o.cells[0].title).toBe(
      "1. Цели (постановка и обоснование)\nТрек «ВПР», полный цикл: выполнен — документ № 1-од от 01.03.2026\nТрек «Олимпиады», полный цикл: выполнен — документ № 1-од от 01.03.2026",
    );
    const d3 = model.rows[3];
    expect(d3.cells.map((c) => c.state)).toEqual([
      "notCounted",
      "notCounted",
      "notCounted",
      "notCounted",
      "notCounted",
      "notCounted",
      "partial",
      "done",
      "done",
    ]);
    expect(model.rows[4].cells[0]).toMatchObject({
      state: "notCounted",
      stateLabel: "нет данных",
      title: "1. Цели (постановка и обоснование)\nнет данных",
    });
  });

  it("the next step of each track with a gap, with its date", () => {
    const o = model.rows[1];
    expect(o.statusText).toBe("разрыв на этапе 6 «Адресные рекомендации» (трек «ВПР»)");
    expect(o.steps.map((s) => [s.text, s.dateText, s.overdue])).toEqual([
      ["Трек «ВПР»: Указать номер и дату документа, подтверждающего этап 6 «Адресные рекомендации»", "", false],
      [
        "Трек «Олимпиады»: Подготовить адресные рекомендации по результатам анализа (приказ/распоряжение с номером и датой)",
        "срок 30.12.2026 — просрочен",
        true,
      ],
    ]);
    expect(o.moreSteps).toBe(0);
    expect(model.rows[3].steps[0].text).toBe(
      "Разработать комплекс мер и мероприятий, направленных на совершенствование направления (план, утверждённый приказом с номером и датой)",
    );
  });
});

describe("CycleBoard (server render)", () => {
  const html = renderToString(<CycleBoard model={model} onSelectCell={() => undefined} />);

  it("renders 9 × 9 cells with state classes, glyphs and accessible labels", () => {
    expect(html.match(/class="msoko-cycle-cell /g)).toHaveLength(81);
    expect(html.match(/data-state="done"/g)).toHaveLength(9 + 8 + 2);
    expect(html.match(/data-state="overdue"/g)).toHaveLength(1);
    expect(html.match(/data-state="partial"/g)).toHaveLength(1);
    expect(html.match(/data-state="notCounted"/g)).toHaveLength(6 + 9 * 6);
    expect(html).toContain("msoko-cycle-overdue");
    expect(html).toContain(
      'aria-label="Направление О, этап 6 «Адресные рекомендации»: Трек «ВПР», полный цикл: частично',
    );
    expect(html).toContain('title="6. Адресные рекомендации\nТрек «ВПР»');
  });

  it("shows the legend in words, the statuses and the next steps with dates", () => {
    for (const word of [
      "выполнен (есть документ)",
      "частично",
      "не выполнен",
      "просрочен",
      "не учитывается / нет данных",
    ])
      expect(html).toContain(word);
    expect(html).toContain("разрыв на этапе 6 «Адресные рекомендации» (трек «ВПР»)");
    expect(html).toContain("срок 30.12.2026 — просрочен");
    expect(html).toContain('data-overdue="true"');
    expect(html).toContain("2026 год, дата оценки 31.12.2026; просрочено: 1 этап");
  });

  it("cells stay focusable without a click handler and say they are inactive", () => {
    const ro = renderToString(<CycleBoard model={model} />);
    expect(ro).not.toContain('disabled=""');
    expect(ro.match(/aria-disabled="true"/g)).toHaveLength(81);
    expect(ro).not.toContain('<button type="button" class="msoko-cycle-step');
  });
});

import { describe, expect, it } from "vitest";
import { applyOverrides, DEFAULT_PROFILE } from "../../../src/core/profile";
import { InputError } from "../../../src/core/errors";
import {
  CYCLE_COMPONENTS,
  CYCLE_DIRECTIONS,
  cycleFlags,
  cycleLevel,
  evaluateCycle,
  latestCycleYear,
  nextStepText,
  type DirectionEvaluation,
} from "../../../src/core/cycle";
import type { DirectionId } from "../../../src/core/model";
import { track } from "./helpers";

const opts = { year: 2026, evaluationDate: "2026-12-31", profile: DEFAULT_PROFILE };

function dir(e: ReturnType<typeof evaluateCycle>, id: DirectionId): DirectionEvaluation {
  return e.directions.find((d) => d.id === id)!;
}

describe("catalogue", () => {
  it("has the 8 directions plus objectivity in the model's order and the nine components of п. 3.2", () => {
    expect(CYCLE_DIRECTIONS.map((d) => d.code)).toEqual(["1", "О", "2", "3", "4", "5", "6", "7", "8"]);
    expect(CYCLE_DIRECTIONS[1].name).toBe("Система обеспечения объективности процедур оценки качества и олимпиад");
    expect(CYCLE_COMPONENTS.map((c) => c.n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(CYCLE_COMPONENTS[5].label).toBe("Адресные рекомендации");
    expect(CYCLE_COMPONENTS[5].regulation).toBe("разработка адресных рекомендаций");
    expect(CYCLE_COMPONENTS[5].nextStep).toBe(
      "Подготовить адресные рекомендации по результатам анализа (приказ/распоряжение с номером и датой)",
    );
  });
});

describe("evaluateCycle: one track", () => {
  it("a full cycle with every component documented is closed, 100 %, высокий, no next steps", () => {
    const e = evaluateCycle(track({ direction: 1, scores: "222222222" }), opts);
    const d = dir(e, 1);
    expect(d.status).toBe("closed");
    expect(d.statusText).toBe("замкнут");
    expect(d.score).toBe(100);
    expect(d.level).toBe("высокий");
    expect(d.nextSteps).toEqual([]);
    expect(d.overdueCount).toBe(0);
    expect(d.tracks[0].components.map((c) => c.state)).toEqual(Array(9).fill("done"));
    expect(d.tracks[0].components[0].document).toEqual({ number: "1-од", date: "2026-03-01" });
    expect(e.findings).toEqual([]);
  });

  it("a partial-cycle track counts only components 7–9", () => {
    const e = evaluateCycle(track({ direction: 3, kind: "partial", scores: "000000222" }), opts);
    const d = dir(e, 3);
    expect(d.statusText).toBe("замкнут");
    expect(d.score).toBe(100);
    const states = d.tracks[0].components.map((c) => c.state);
    expect(states).toEqual([
      "notCounted",
      "notCounted",
      "notCounted",
      "notCounted",
      "notCounted",
      "notCounted",
      "done",
      "done",
      "done",
    ]);
    expect(d.tracks[0].components[0].points).toBeNull();
  });

  it("a partial-cycle track with component 9 only частично: gap at 9, 5 of 6 points = 83,3 %", () => {
    const d = dir(evaluateCycle(track({ direction: 4, kind: "partial", scores: "------221" }), opts), 4);
    expect(d.statusText).toBe("разрыв на этапе 9 «Анализ эффективности принятых мер»");
    expect(d.score).toBeCloseTo((5 / 6) * 100, 9);
    expect(d.level).toBe("высокий");
    expect(d.nextSteps.map((s) => s.component)).toEqual([9]);
  });

  it("a gap in the middle names the first counted component that is not done, even when later ones are done", () => {
    const d = dir(evaluateCycle(track({ direction: 2, scores: "222220222" }), opts), 2);
    expect(d.status).toBe("gap");
    expect(d.statusText).toBe("разрыв на этапе 6 «Адресные рекомендации»");
    expect(d.gap).toEqual({ component: 6, label: "Адресные рекомендации", track: "Основной" });
    expect(d.score).toBeCloseTo((16 / 18) * 100, 9);
    expect(d.nextSteps).toHaveLength(1);
    expect(d.nextSteps[0].text).toBe(
      "Подготовить адресные рекомендации по результатам анализа (приказ/распоряжение с номером и датой)",
    );
    expect(d.nextSteps[0].ref).toEqual({ sheet: "Цикл", cell: "A7" });
  });

  it("частично (1), blank scores and absent rows count as not done", () => {
    const d = dir(evaluateCycle(track({ direction: 5, scores: "2212_----" }), opts), 5);
    expect(d.statusText).toBe("разрыв на этапе 3 «Методы сбора и обработки информации»");
    expect(d.tracks[0].components.map((c) => c.state)).toEqual([
      "done",
      "done",
      "partial",
      "done",
      "missing",
      "missing",
      "missing",
      "missing",
      "missing",
    ]);
    expect(d.tracks[0].components[4].entered).toBeNull();
    // 2+2+1+2 of 18 points
    expect(d.score).toBeCloseTo((7 / 18) * 100, 9);
    expect(d.level).toBe("низкий");
    expect(d.nextSteps.map((s) => s.component)).toEqual([3, 5, 6, 7, 8, 9]);
  });
});

describe("overdue components", () => {
  it("planned one day before the evaluation date and not done is overdue; planned on the same day is not", () => {
    const records = [
      ...track({ direction: 6, track: "А", scores: "222220222", planned: { 6: "2026-12-30" } }),
      ...track({ direction: 6, track: "Б", scores: "222220222", planned: { 6: "2026-12-31" } }),
    ];
    const d = dir(evaluateCycle(records, opts), 6);
    const [a, b] = d.tracks;
    expect(a.components[5].state).toBe("overdue");
    expect(a.components[5].overdue).toBe(true);
    expect(a.overdueCount).toBe(1);
    expect(b.components[5].state).toBe("missing");
    expect(b.components[5].overdue).toBe(false);
    expect(d.overdueCount).toBe(1);
    const step = d.nextSteps.find((s) => s.track === "А")!;
    expect(step.plannedDate).toBe("2026-12-30");
    expect(nextStepText(step)).toBe(
      "Подготовить адресные рекомендации по результатам анализа (приказ/распоряжение с номером и датой) — срок 30.12.2026 (просрочен)",
    );
    expect(nextStepText(d.nextSteps.find((s) => s.track === "Б")!)).toMatch(/срок 31\.12\.2026$/);
  });

  it("flags: one gap per track with a gap, one per overdue component, with a sentence and the next step", () => {
    const e = evaluateCycle(
      track({ direction: 5, track: "Руководители", scores: "2222222u0", planned: { 9: "2026-12-01" } }),
      opts,
    );
    expect(cycleFlags(e)).toEqual([
      {
        rule: "cycle.gap",
        direction: 5,
        track: "Руководители",
        component: 8,
        message: "Направление 5, трек «Руководители»: разрыв на этапе 8 «Управленческие решения» (2026 год).",
        nextStep: "Указать номер и дату документа, подтверждающего этап 8 «Управленческие решения»",
        ref: { sheet: "Цикл", cell: "A9" },
      },
      {
        rule: "cycle.overdue",
        direction: 5,
        track: "Руководители",
        component: 9,
        message:
          "Направление 5, трек «Руководители»: этап 9 «Анализ эффективности принятых мер» не выполнен к плановому сроку 01.12.2026 (дата оценки 31.12.2026).",
        nextStep:
          "Провести анализ эффективности принятых управленческих решений, комплекса мер и проведённых мероприятий (справка с номером и датой)",
        plannedDate: "2026-12-01",
        ref: { sheet: "Цикл", cell: "A10" },
      },
    ]);
  });

  it("a done component with a past planned date is not overdue; a partial one is", () => {
    const t = dir(
      evaluateCycle(track({ direction: 7, scores: "221222222", planned: { 1: "2026-01-01", 3: "2026-06-01" } }), opts),
      7,
    ).tracks[0];
    expect(t.components[0].state).toBe("done");
    expect(t.components[2].state).toBe("overdue");
    expect(t.overdueCount).toBe(1);
  });

  it("components not counted on a partial track are never overdue", () => {
    const t = dir(
      evaluateCycle(track({ direction: 8, kind: "partial", scores: "000000222", planned: { 2: "2026-01-01" } }), opts),
      8,
    ).tracks[0];
    expect(t.components[1].state).toBe("notCounted");
    expect(t.overdueCount).toBe(0);
  });
});

describe("documents", () => {
  it("«есть» without number and date is not confirmed: scored as частично, a gap, a finding with the cell", () => {
    const e = evaluateCycle(track({ direction: 2, scores: "22222u222" }), opts);
    const d = dir(e, 2);
    const c6 = d.tracks[0].components[5];
    expect(c6.entered).toBe(2);
    expect(c6.unconfirmed).toBe(true);
    expect(c6.state).toBe("partial");
    expect(c6.points).toBe(1);
    expect(d.statusText).toBe("разрыв на этапе 6 «Адресные рекомендации»");
    expect(d.score).toBeCloseTo((17 / 18) * 100, 9);
    expect(d.nextSteps[0].text).toBe("Указать номер и дату документа, подтверждающего этап 6 «Адресные рекомендации»");
    expect(e.findings).toHaveLength(1);
    expect(e.findings[0]).toMatchObject({ rule: "cycle.document", severity: "warning", sheet: "Цикл", cell: "A7" });
    expect(e.findings[0].message).toBe(
      "Лист «Цикл», ячейка A7: этап 6 «Адресные рекомендации» (направление 2, трек «Основной») оценён «есть», но не указаны номер и дата документа; " +
        "без документа этап не подтверждён и считается выполненным частично.",
    );
  });

  it("a number without a date is still unconfirmed, and the message says what is missing", () => {
    const records = track({ direction: 2, scores: "22222u222" });
    records[5].docNumber = "15";
    const e = evaluateCycle(records, opts);
    expect(e.findings[0].message).toContain("но не указана дата документа;");
  });

  it("with cycle.requireDocument = нет the component counts as done but is still reported", () => {
    const { profile, errors } = applyOverrides([{ key: "cycle.requireDocument", value: "нет" }]);
    expect(errors).toEqual([]);
    const e = evaluateCycle(track({ direction: 2, scores: "22222u222" }), { ...opts, profile });
    const d = dir(e, 2);
    expect(d.statusText).toBe("замкнут");
    expect(d.score).toBe(100);
    expect(e.findings[0].message).toContain("этап засчитан, но не подтверждён документом");
  });
});

describe("directions and tracks", () => {
  it("a direction with no tracks has «нет данных», never «замкнут»", () => {
    const e = evaluateCycle(track({ direction: 1, scores: "222222222" }), opts);
    const d = dir(e, 8);
    expect(d.status).toBe("noData");
    expect(d.statusText).toBe("нет данных");
    expect(d.score).toBeNull();
    expect(d.level).toBeNull();
    expect(d.tracks).toEqual([]);
    expect(evaluateCycle([], opts).directions.every((x) => x.status === "noData")).toBe(true);
  });

  it("the direction score is the mean of its tracks; the status names the earliest gap and its track", () => {
    const records = [
      ...track({ direction: "O", track: "ВПР", scores: "222222222" }),
      ...track({ direction: "O", track: "Олимпиады", scores: "111111111" }),
      ...track({ direction: "O", track: "ОГЭ", kind: "partial", scores: "------022" }),
    ];
    const d = dir(evaluateCycle(records, opts), "O");
    // (100 + 50 + 4/6·100) / 3
    expect(d.score).toBeCloseTo((100 + 50 + 400 / 6) / 3, 9);
    expect(d.level).toBe("средний");
    expect(d.statusText).toBe("разрыв на этапе 1 «Цели (постановка и обоснование)» (трек «Олимпиады»)");
    expect(d.nextSteps.map((s) => `${s.track}:${s.component}`)).toEqual([
      "Олимпиады:1",
      "Олимпиады:2",
      "Олимпиады:3",
      "Олимпиады:4",
      "Олимпиады:5",
      "Олимпиады:6",
      "Олимпиады:7",
      "Олимпиады:8",
      "Олимпиады:9",
      "ОГЭ:7",
    ]);
  });

  it("only the requested year counts; the latest year is found", () => {
    const records = [
      ...track({ direction: 1, scores: "000000000", year: 2025 }),
      ...track({ direction: 1, scores: "222222222", year: 2026 }),
    ];
    expect(dir(evaluateCycle(records, opts), 1).statusText).toBe("замкнут");
    expect(dir(evaluateCycle(records, { ...opts, year: 2025 }), 1).score).toBe(0);
    expect(latestCycleYear(records)).toBe(2026);
    expect(latestCycleYear([])).toBeNull();
  });

  it("reports a repeated component and a track with two kinds, keeping the first row", () => {
    const records = track({ direction: 4, scores: "222222222" });
    records.push({ ...records[2], score: 0, ref: { sheet: "Цикл", cell: "A20" } });
    records.push({ ...records[3], component: 3, trackKind: "partial", ref: { sheet: "Цикл", cell: "A21" } });
    const e = evaluateCycle(records, opts);
    expect(dir(e, 4).statusText).toBe("замкнут");
    const rules = e.findings.map((f) => `${f.rule}@${f.cell}`);
    expect(rules).toEqual(["cycle.duplicate@A20", "cycle.trackKind@A21", "cycle.duplicate@A21"]);
    expect(e.findings[0].message).toContain("Учтена первая строка (ячейка A4)");
  });

  it("rejects an evaluation date that is not a date", () => {
    expect(() => evaluateCycle([], { ...opts, evaluationDate: "31.12.2026" })).toThrow(InputError);
    expect(() => evaluateCycle([], { ...opts, evaluationDate: "2026-02-30" })).toThrow(/не распознана/);
  });
});

describe("scores and levels at the band edges (cycle.levels = 50; 80)", () => {
  it("levels: 80 высокий, 79,99 средний, 50 средний, 49,9 низкий", () => {
    const bands = DEFAULT_PROFILE.values["cycle.levels"];
    expect(cycleLevel(80, bands)).toBe("высокий");
    expect(cycleLevel(79.99, bands)).toBe("средний");
    expect(cycleLevel(79.999999, bands)).toBe("средний");
    expect(cycleLevel(50, bands)).toBe("средний");
    expect(cycleLevel(49.9, bands)).toBe("низкий");
    expect(cycleLevel(0, bands)).toBe("низкий");
    expect(cycleLevel(100, bands)).toBe("высокий");
  });

  it("all components частично = exactly 50 % → средний; one component less → 44,4 % низкий", () => {
    expect(dir(evaluateCycle(track({ direction: 1, scores: "111111111" }), opts), 1)).toMatchObject({
      score: 50,
      level: "средний",
    });
    const low = dir(evaluateCycle(track({ direction: 1, scores: "111111110" }), opts), 1);
    expect(low.score).toBeCloseTo((8 / 18) * 100, 9);
    expect(low.level).toBe("низкий");
  });

  it("scores from the profile: with 0; 4; 5 all частично is exactly 80 % → высокий", () => {
    const { profile } = applyOverrides([{ key: "cycle.scores", value: "0;4;5" }]);
    const d = dir(evaluateCycle(track({ direction: 1, scores: "111111111" }), { ...opts, profile }), 1);
    expect(d.score).toBe(80);
    expect(d.level).toBe("высокий");
    expect(d.statusText).toBe("разрыв на этапе 1 «Цели (постановка и обоснование)»");
  });

  it("a mean that is mathematically 50 is not lost to binary noise (7, 17 and 3 points of 18)", () => {
    expect((700 / 18 + 1700 / 18 + 300 / 18) / 3).toBe(49.99999999999999);
    const records = [
      ...track({ direction: 2, track: "a", scores: "222100000" }),
      ...track({ direction: 2, track: "b", scores: "222222221" }),
      ...track({ direction: 2, track: "c", scores: "210000000" }),
    ];
    const d = dir(evaluateCycle(records, opts), 2);
    expect(d.score).toBe(50);
    expect(d.level).toBe("средний");
  });

  it("the levels come from the profile", () => {
    const { profile } = applyOverrides([{ key: "cycle.levels", value: "40;60" }]);
    const d = dir(evaluateCycle(track({ direction: 1, scores: "111111111" }), { ...opts, profile }), 1);
    expect(d.level).toBe("средний");
    const e = evaluateCycle(track({ direction: 1, scores: "222222111" }), { ...opts, profile });
    expect(dir(e, 1).level).toBe("высокий"); // 15/18 = 83,3 %
    expect(e.levels).toEqual([40, 60]);
  });
});

import { describe, expect, it } from "vitest";
import { DEFAULT_PROFILE } from "../../../src/core/profile";
import { cycleMatrix, cycleMatrixBatch, cycleMatrixLayout, CYCLE_FILLS } from "../../../src/core/cycle";
import type { CycleRecord, SchoolReport } from "../../../src/core/model";
import type { WriteOp } from "../../../src/host/port";
import { track } from "./helpers";

const opts = { year: 2026, evaluationDate: "2026-12-31", profile: DEFAULT_PROFILE };

function school(login: string, cycle: CycleRecord[]): SchoolReport {
  return {
    passport: { login, name: `МБОУ «Школа ${login}»`, shortName: `Школа ${login}`, type: "СОШ", location: "город", contingent: [] },
    results: [], participants: [], tasks: [], directions: {}, cycle, findings: [],
  };
}

const S1 = school("sch1", [...track({ direction: 1, scores: "222222222" }), ...track({ direction: 2, scores: "222220222" })]);
const S2 = school("sch2", track({ direction: 1, scores: "222222220", planned: { 9: "2026-12-01" } }));
const S3 = school("sch3", [
  ...track({ direction: 1, track: "ВПР", scores: "222222222" }),
  ...track({ direction: 1, track: "ОГЭ", kind: "partial", scores: "------022" }),
]);
const MUNICIPAL = track({ direction: 1, scores: "222222222" });

describe("cycleMatrix", () => {
  const m = cycleMatrix([S1, S2, S3], MUNICIPAL, opts);
  const row1 = m.rows[0];
  const row2 = m.rows[2];

  it("shares of schools that closed each component of direction 1", () => {
    expect(row1.direction).toBe(1);
    // component 1: counted in every school (the partial track of sch3 does not count it), done everywhere
    expect(row1.cells[0]).toEqual({ closed: 3, total: 3, share: 100 });
    // component 7: sch3's partial track has it «нет» → 2 of 3
    expect(row1.cells[6].closed).toBe(2);
    expect(row1.cells[6].share).toBeCloseTo(200 / 3, 9);
    // component 9: sch2 did not do it → 2 of 3
    expect(row1.cells[8]).toMatchObject({ closed: 2, total: 3 });
    // closed cycles: only sch1
    expect(row1.closedCycles.closed).toBe(1);
    expect(row1.closedCycles.share).toBeCloseTo(100 / 3, 9);
  });

  it("a direction only one school fills counts only that school; a direction nobody fills has no share", () => {
    expect(row2.direction).toBe(2);
    expect(row2.cells[0]).toEqual({ closed: 1, total: 1, share: 100 });
    expect(row2.cells[5]).toEqual({ closed: 0, total: 1, share: 0 });
    expect(row2.closedCycles).toEqual({ closed: 0, total: 1, share: 0 });
    const row8 = m.rows[8];
    expect(row8.cells.every((c) => c.share === null && c.total === 0)).toBe(true);
  });

  it("per-school status rows and the municipality's own cycle", () => {
    expect(m.schoolCount).toBe(3);
    expect(m.schools.map((s) => s.directions[0].statusText)).toEqual([
      "замкнут",
      "разрыв на этапе 9 «Анализ эффективности принятых мер»",
      "разрыв на этапе 7 «Меры и мероприятия» (трек «ОГЭ»)",
    ]);
    expect(m.schools[0].directions[2].statusText).toBe("разрыв на этапе 6 «Адресные рекомендации»");
    expect(m.schools[1].directions[2].statusText).toBe("нет данных");
    expect(m.schools[1].overdueCount).toBe(1);
    expect(m.schools[1].name).toBe("Школа sch2");
    expect(m.municipal!.directions[0].statusText).toBe("замкнут");
    expect(cycleMatrix([S1], [], opts).municipal).toBeNull();
  });

  it("no schools: every share is null, nothing is divided by zero", () => {
    const empty = cycleMatrix([], [], opts);
    expect(empty.rows.every((r) => r.cells.every((c) => c.share === null) && r.closedCycles.share === null)).toBe(true);
    expect(empty.levels).toEqual([50, 80]);
  });
});

describe("cycleMatrixBatch", () => {
  const m = cycleMatrix([S1, S2, S3], MUNICIPAL, opts);
  const ops = cycleMatrixBatch(m, "Свод: цикл");
  const values = (address: string) => (ops.find((o) => o.op === "values" && o.address === address) as Extract<WriteOp, { op: "values" }>).values;

  it("writes title, share matrix, counts and status table at the layout's rows", () => {
    const L = cycleMatrixLayout(m);
    expect(L).toEqual({ shareHeaderRow: 4, shareFirstRow: 5, countHeaderRow: 16, statusHeaderRow: 28, statusFirstRow: 29, statusLastRow: 32 });
    expect(String(values("A1")[0][0])).toBe("Управленческий цикл по направлениям МСОКО, 2026 год (дата оценки 31.12.2026)");
    const shares = values("A4");
    expect(shares[0].slice(0, 2)).toEqual(["Направление", "1. Цели (постановка и обоснование)"]);
    expect(shares[0].slice(10)).toEqual(["Цикл замкнут, % ОО", "ОО с данными"]);
    expect(shares[1]).toEqual(["1. Система оценки качества подготовки обучающихся", 100, 100, 100, 100, 100, 100, 66.7, 100, 66.7, 33.3, 3]);
    expect(shares[9][1]).toBe("—");
    const counts = values("A16");
    expect(counts[1].slice(0, 2)).toEqual(["1. Система оценки качества подготовки обучающихся", "3 из 3"]);
    expect(counts[1][7]).toBe("2 из 3");
    const status = values("A28");
    expect(status[0]).toEqual(["Логин", "ОО", "Направление 1", "Направление О", "Направление 2", "Направление 3", "Направление 4", "Направление 5", "Направление 6", "Направление 7", "Направление 8", "Просрочено этапов"]);
    expect(status[1].slice(0, 3)).toEqual(["МОУО", "Муниципальный уровень (МОУО)", "замкнут"]);
    expect(status[3]).toEqual(["sch2", "Школа sch2", "разрыв на этапе 9 «Анализ эффективности принятых мер»", "нет данных", "нет данных", "нет данных", "нет данных", "нет данных", "нет данных", "нет данных", "нет данных", 1]);
  });

  it("formats: percent cells (components and closed cycles, B…K), non-overlapping colour rules from the profile's levels, frozen header, an Excel table", () => {
    expect(ops).toContainEqual({ op: "format", sheet: "Свод: цикл", address: "B5:K13", format: { numberFormat: '0.0" %"', hAlign: "center" } });
    const rules = ops.filter((o): o is Extract<WriteOp, { op: "conditionalFormat" }> => o.op === "conditionalFormat" && o.address === "B5:K13");
    expect(rules.map((r) => [r.rule.formula1, r.rule.fill])).toEqual([
      ["ISTEXT(B5)", CYCLE_FILLS.none],
      ["AND(ISNUMBER(B5),B5>=80)", CYCLE_FILLS.good],
      ["AND(ISNUMBER(B5),B5>=50,B5<80)", CYCLE_FILLS.warn],
      ["AND(ISNUMBER(B5),B5<50)", CYCLE_FILLS.bad],
    ]);
    expect(ops).toContainEqual({ op: "freeze", sheet: "Свод: цикл", rows: 4, columns: 1 });
    expect(ops).toContainEqual({ op: "table", sheet: "Свод: цикл", address: "A28:L32", name: "Цикл_Свод__цикл", style: "TableStyleLight1" });
    expect(ops.some((o) => o.op === "conditionalFormat" && o.address === "C29:K32" && o.rule.formula1 === '"замкнут"')).toBe(true);
    expect(ops.some((o) => o.op === "formulas")).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { measuresFor, recommend } from "../../../src/core/recommendations";

describe("targeted recommendations (methodology §8)", () => {
  it("objectivity signs call for re-checking, observers and explanatory work", () => {
    const r = recommend([{ rule: "O2", detail: "пик на границе «3»" }]);
    expect(r.map((m) => m.id)).toEqual(["recheck", "observers", "explain"]);
    expect(r[0].text).toContain("муниципальной предметной комиссией");
    expect(r[0].basis).toContain("п. 9.4");
    expect(r[0].because).toEqual([{ rule: "O2", detail: "пик на границе «3»" }]);
  });
  it("risk factors call for the ШНОР programme, help and a partner school; measures are not repeated", () => {
    const r = recommend([{ rule: "R1" }, { rule: "R2" }, { rule: "ШНОР" }]);
    const ids = r.map((m) => m.id);
    expect(ids).toEqual(["shnorProgram", "methodHelp", "pdRoutes", "partnership"]);
    expect(r.find((m) => m.id === "shnorProgram")!.because.map((f) => f.rule)).toEqual(["R1", "R2", "ШНОР"]);
  });
  it("a cycle gap becomes its next step, once per direction and component", () => {
    const step = "Подготовить адресные рекомендации по результатам анализа";
    const r = recommend([{ rule: "CYCLE_GAP", direction: 2, component: 6, detail: step }, { rule: "CYCLE_GAP", direction: 2, component: 6, detail: step }]);
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ text: step, addressee: "ОО" });
    expect(r[0].basis).toContain("п. 3.2");
    expect(r[0].because).toHaveLength(2);
  });
  it("no measure ever rates individual teachers", () => {
    for (const rule of ["O1", "O2", "O3", "O4", "O5", "O6", "F", "R1", "R2", "R3", "R4", "R5", "STABLE_LOW", "TASK_DEFICIT"]) {
      for (const m of measuresFor(rule)) expect(m.text).not.toMatch(/рейтинг|оценить учител|оценка учител/i);
    }
    expect(recommend([{ rule: "UNKNOWN" }])).toEqual([]);
  });
});

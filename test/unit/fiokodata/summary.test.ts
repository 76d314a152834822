/** The summary run (pane and `msoko summarize`) puts FIOKO markers and risk profiles into its analysis. */
import { describe, expect, it } from "vitest";
import { RISK_PROFILE_FACTORS } from "../../../src/core/risk";
import { MemoryWorkbook } from "../../../src/host/memory";
import { summarizeInto } from "../../../src/summary/run";
import { addResult, school, withQuality } from "../analysis/build";

describe("summarizeInto with FIOKO data", () => {
  it("marker → F, 3 high factors → R5; an unknown login becomes a notice", async () => {
    const forms = ["sch1", "sch2"].map((login) => ({
      file: `${login}.xlsx`,
      report: addResult(school(login), "ВПР", 2025, 5, "Математика", withQuality(20, 50)),
      findings: [],
    }));
    const factors = Object.fromEntries(RISK_PROFILE_FACTORS.slice(0, 3).map((f) => [f, "высокий" as const]));
    const result = await summarizeInto(new MemoryWorkbook(), {
      forms,
      fiokoMarkers: [
        { year: 2025, login: "sch1", grade: 5, subject: "Математика", marker: 1, source: "m.xlsx" },
        { year: 2025, login: "sch7", grade: 5, subject: "Математика", marker: 1, source: "m.xlsx" },
      ],
      riskProfiles: [{ year: 2025, login: "sch2", factors, source: "p.xlsx" }],
      evaluationDate: "2025-12-31",
      now: new Date("2025-12-31T00:00:00Z"),
    });
    const a = result.summary.analysis;
    const year = (login: string) => a.schools.find((s) => s.login === login)!.years.find((y) => y.year === 2025)!;
    expect(year("sch1").firedSigns).toEqual(["F"]);
    expect(year("sch2").risk.factors.find((f) => f.id === "R5")).toMatchObject({
      fired: true,
      numbers: { high: 3, factors: 3 },
    });
    expect(result.notices).toContain(
      "Файл «m.xlsx»: маркеры ФИОКО ОО с логином «sch7» пропущены — такой ОО нет среди форм муниципалитета.",
    );
  });
});

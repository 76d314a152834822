import { describe, expect, it } from "vitest";
import { validateWorkbook } from "../../../src/form/actions";
import { MemoryWorkbook } from "../../../src/host/memory";
import { sampleSchoolForm } from "../../../src/sample/form";

describe("the sample's filled forms", () => {
  it.each([19])("school %i validates without findings and parses back to the same data", async (index) => {
    const { report, ops } = sampleSchoolForm({ seed: 2026, index });
    const wb = new MemoryWorkbook();
    await wb.write({ ops });
    const { findings, report: parsed } = await validateWorkbook(wb);
    expect(findings.filter((f) => f.severity !== "info")).toEqual([]);
    expect(parsed!.passport.login).toBe(report.passport.login);
    expect(parsed!.results.length).toBe(report.results.length);
    expect(parsed!.participants.length).toBe(report.participants.length);
    expect(parsed!.cycle.length).toBe(report.cycle.length);
  });

  it("defaults to the school with inflated journal marks for the preview", () => {
    expect(sampleSchoolForm({ seed: 2026 }).report.passport.shortName).toBe("МБОУ СОШ № 3");
  });
});

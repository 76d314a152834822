/**
 * The summary takes regional protocols among its inputs (CLI and pane share summarizeInto): the
 * protocol's schools become schools of the summary, a missing scale adds nothing and says why.
 */
import { describe, expect, it } from "vitest";
import { MemoryWorkbook } from "../../../src/host/memory";
import { NothingToSummarizeError, summarizeInto } from "../../../src/summary/run";
import { addWorkbook, emptyInputs } from "../../../src/summary/inputs";
import { protocol2021Small, protocol2022Small } from "../../fixtures/fisoko/raw";

describe("summary from regional protocols", () => {
  it("sorts a protocol into the inputs and summarises its schools", async () => {
    const inputs = emptyInputs();
    addWorkbook(inputs, "ВПР 2026 русский язык 4 класс.xlsx", protocol2022Small());
    expect([inputs.raw.map((r) => r.name), inputs.forms.length, inputs.exports.length]).toEqual([
      ["ВПР 2026 русский язык 4 класс.xlsx"],
      0,
      0,
    ]);
    const r = await summarizeInto(new MemoryWorkbook(), {
      forms: inputs.forms,
      raw: inputs.raw,
      evaluationDate: "2026-12-31",
      now: new Date("2026-11-22T12:00:00"),
    });
    expect(r.summary.analysis.schools.map((s) => [s.login, s.name])).toEqual([
      ["edu223144", "МБОУ «СОШ № 2 г. Камень-на-Оби»"],
      ["edu223200", "МКОУ «Комсомольская ООШ» с. Комсомольский"],
    ]);
    expect(r.summary.analysis.municipality).toBe("Алтайский край");
    expect(r.summary.analysis.years).toEqual([2026]);
    expect(r.notices.filter((n) => n.includes("строка не учитывается"))).toHaveLength(2);
  });

  it("a protocol without a scale adds nothing: with no forms there is nothing to summarise", async () => {
    await expect(
      summarizeInto(new MemoryWorkbook(), {
        forms: [],
        raw: [{ name: "протокол.xlsx", sheets: [protocol2021Small()] }],
      }),
    ).rejects.toBeInstanceOf(NothingToSummarizeError);
  });
});

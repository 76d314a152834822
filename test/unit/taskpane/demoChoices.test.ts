import { describe, expect, it } from "vitest";
import { demoChoices } from "../../../src/taskpane/preview/demoChoices";

describe("demoChoices", () => {
  it("offers the 25 roster schools, labelled with their injected situation", () => {
    const choices = demoChoices();
    expect(choices).toHaveLength(25);
    expect(choices[0]).toEqual({ index: 0, login: "edu420101", label: "МБОУ «Гимназия № 1» (edu420101)" });
    expect(choices.find((c) => c.login === "edu420257")?.label).toBe(
      "МБОУ ООШ № 13 (edu420257) — разрыв управленческого цикла",
    );
    expect(new Set(choices.map((c) => c.login)).size).toBe(25);
  });
});

import { describe, expect, it } from "vitest";
import { parseSetArg } from "../../../src/cli/set-arg";

describe("--set ключ=значение", () => {
  it("splits at the first «=»: the value may hold more", () => {
    expect(parseSetArg("basis.msoko=Положение о МСОКО (ред. = 2026)", "x=1")).toEqual({
      key: "basis.msoko",
      value: "Положение о МСОКО (ред. = 2026)",
    });
    expect(parseSetArg("o1.gap2Share=", "x=1")).toEqual({ key: "o1.gap2Share", value: "" });
  });
  it("a value without a key is a Russian message with the command's example; a long one is cut at 40", () => {
    expect(parseSetArg("=15", "o1.gap2Share=15")).toBe(
      "--set ожидает «ключ=значение», например --set o1.gap2Share=15, а указано «=15».",
    );
    expect(parseSetArg(undefined, "a=1")).toBe("--set ожидает «ключ=значение», например --set a=1, а указано «».");
    expect(parseSetArg("я".repeat(100), "a=1")).toBe(
      `--set ожидает «ключ=значение», например --set a=1, а указано «${"я".repeat(39)}…».`,
    );
  });
});

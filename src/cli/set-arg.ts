/**
 * The value of one `--set ключ=значение` argument, shared by every command that takes profile
 * overrides (summarize, report, school-report, analyze, calc): one parse and one Russian message.
 */
import type { OverrideEntry } from "../core/profile";
import { shorten } from "./fs-errors";

/** The override, or the message for a value without «ключ=»; `example` shows a setting that fits the command. */
export function parseSetArg(value: string | undefined, example: string): OverrideEntry | string {
  const v = value ?? "";
  const eq = v.indexOf("=");
  if (eq <= 0) {
    // A whole JSON table or a long text is cut: the message names what was typed, not all of it.
    return `--set ожидает «ключ=значение», например --set ${example}, а указано «${shorten(v, 40)}».`;
  }
  return { key: v.slice(0, eq), value: v.slice(eq + 1) };
}

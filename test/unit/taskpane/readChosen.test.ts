/**
 * The «Свод» page reads chosen forms slimmed for the summary (issue 23): no points per task and no
 * cell references per participant, the rest of the form as read in full.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readChosenFiles } from "../../../src/taskpane/files/readChosen";

const VALID = readFileSync(join(__dirname, "..", "..", "fixtures", "forms", "valid.xlsx"));
const chosen = [{ name: "valid.xlsx", lastModified: 0, arrayBuffer: async () => new Uint8Array(VALID).buffer }];

describe("readChosenFiles", () => {
  it("with slim keeps every participant but drops their points per task and cell references", async () => {
    const whole = (await readChosenFiles(chosen)).forms[0].report!;
    const slim = (await readChosenFiles(chosen, { slim: true })).forms[0].report!;
    expect(whole.participants.some((p) => p.taskPoints.length > 0)).toBe(true);
    expect(whole.participants.some((p) => p.ref !== undefined)).toBe(true);
    expect(slim.participants.length).toBe(whole.participants.length);
    expect(slim.participants.every((p) => p.taskPoints.length === 0 && p.ref === undefined)).toBe(true);
    expect(slim.participants.map((p) => [p.code, p.score, p.mark])).toEqual(
      whole.participants.map((p) => [p.code, p.score, p.mark]),
    );
    expect(slim.passport).toEqual(whole.passport);
  });
});

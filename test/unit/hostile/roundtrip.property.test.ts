/**
 * parse(fill(x)) = x for generated school reports: random mark counts and journal groups that add
 * up, random class letters, participant codes (leading zeros, dashes), scores and texts with
 * formula-like starts, Latin look-alikes and quotes (texts are trimmed by the parser by design, so generated ones have no outer spaces) — filled into a memory workbook with the
 * form's own fillForm and read back with parseForm.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MemoryWorkbook } from "../../../src/host/memory";
import { fillForm, parseForm } from "../../../src/form";
import type { SchoolReport } from "../../../src/core/model";
import { baseReport } from "../../fixtures/forms/base";
import { runs } from "./arbitraries";

function strip(report: SchoolReport): unknown {
  return JSON.parse(
    JSON.stringify(report, (k, v) => (k === "ref" || k === "findings" || k === "file" ? undefined : v)),
  );
}

/** Four non-negative counts summing to `total`. */
const split4 = (total: number) =>
  fc.tuple(fc.nat(total), fc.nat(total), fc.nat(total)).map(([a, b, c]) => {
    const [x, y, z] = [a, b, c].sort((p, q) => p - q);
    return [x, y - x, z - y, total - z] as const;
  });

const text = fc.oneof(
  fc.constantFrom(
    "=1+1",
    "+7 (999) 000",
    "-",
    "@школа",
    "«Школа № 1»",
    'МБОУ "СОШ"',
    "Школа-интернат",
    "ОOО «Рога»",
    "'апостроф",
  ),
  fc
    .string({ minLength: 1, maxLength: 60 })
    // eslint-disable-next-line no-control-regex -- control characters are exactly what this filter keeps out
    .filter((s) => s.trim() === s && s.trim() !== "" && !/[\u0000-\u001f]/.test(s)),
);

const reportArb: fc.Arbitrary<SchoolReport> = fc
  .record({
    name: text,
    shortName: text,
    municipality: text,
    results: fc
      .array(fc.tuple(fc.integer({ min: 1, max: 24 }), fc.nat(), fc.nat()), { minLength: 8, maxLength: 8 })
      .chain((rows) =>
        fc.tuple(
          ...rows.map(([n, a, b]) => fc.tuple(fc.constant(n), split4(n), fc.constant(a % (n + 1)), fc.constant(b))),
        ),
      ),
    codes: fc.array(fc.stringMatching(/^[0-9A-Za-zА-Яа-я][0-9A-Za-zА-Яа-я_.\-/]{0,11}$/), {
      minLength: 4,
      maxLength: 4,
    }),
    letter: fc.constantFrom("А", "Б", "В", "Г", "Д"),
  })
  .map(({ name, shortName, municipality, results, codes, letter }) => {
    const r = baseReport();
    r.passport.name = name;
    r.passport.shortName = shortName;
    r.passport.municipality = municipality;
    r.results = r.results.map((row, i) => {
      if (!row.marks) return row;
      const [n, [n5, n4, n3, n2], lowered] = results[i];
      const out = { ...row, participants: n, marks: { n5, n4, n3, n2 }, className: row.className ? letter : "" };
      if (row.journal) out.journal = { lowered, confirmed: n - lowered, raised: 0 };
      return out;
    });
    // The КДР row must still agree with the participant list: keep its counts, vary the codes.
    r.results[7] = baseReport().results[7];
    r.participants = r.participants.map((p, i) => ({ ...p, code: codes[i] }));
    return r;
  });

describe("property: fillForm → parseForm round trip", () => {
  it("gives back every generated report", async () => {
    await fc.assert(
      fc.asyncProperty(reportArb, async (report) => {
        const wb = new MemoryWorkbook();
        await wb.write({ ops: fillForm(report) });
        const sheets = await wb.readSheets((await wb.listSheets()).map((s) => s.name));
        const parsed = parseForm(sheets, { file: "школа.xlsx" });
        expect(parsed.report).not.toBeNull();
        expect(strip(parsed.report!)).toEqual(strip(report));
      }),
      runs(25),
    );
  });
});

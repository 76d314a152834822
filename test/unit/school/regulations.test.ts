/**
 * The user's own regulations reach the printed «Нормативная основа» of the summary (issue 17,
 * part 3): `summarizeInto` with overrides (the CLI's `msoko summarize --set …`) on top of the
 * book's settings, and the neutral defaults until set. On the demo municipality, in memory.
 */
import { describe, expect, it } from "vitest";
import { MemoryWorkbook } from "../../../src/host/memory";
import { writeSetting } from "../../../src/host/settings";
import { generateMunicipality } from "../../../src/sample";
import { summarizeInto } from "../../../src/summary/run";

const { municipality } = generateMunicipality();
const forms = municipality.schools.map((report) => ({ file: `${report.passport.login}.xlsx`, report, findings: [] }));
const now = new Date("2026-12-31T10:00:00Z");

function basisColumn(r: Awaited<ReturnType<typeof summarizeInto>>): string[] {
  const t = r.summary.sheets.flatMap((s) => s.tables).find((x) => x.id === "recommendations")!;
  return [...new Set(t.rows.map((row) => String(row.basis)))].sort();
}

describe("own regulations in the summary", () => {
  it("neutral until set; the book's setting and --set override it, with the measure's clause", async () => {
    const plain = await summarizeInto(new MemoryWorkbook(), { forms, now, evaluationDate: "2026-12-31" });
    expect(basisColumn(plain)).toEqual(["Положение о МСОКО"]);

    const book = new MemoryWorkbook();
    await writeSetting(book, "basis.msoko", "Положение о МСОКО Заречного муниципального округа");
    const own = await summarizeInto(book, {
      forms,
      now,
      evaluationDate: "2026-12-31",
      overrides: [
        { key: "basis.clause.shnorProgram", value: "п. 6.2" },
        { key: "basis.clause.нет", value: "1" },
      ],
    });
    expect(basisColumn(own)).toContain("Положение о МСОКО Заречного муниципального округа, п. 6.2");
    expect(basisColumn(own).every((b) => b.startsWith("Положение о МСОКО Заречного муниципального округа"))).toBe(true);
    expect(own.notices).toContain("Параметр «basis.clause.нет»: неизвестный параметр методики «basis.clause.нет».");
  }, 300_000);
});

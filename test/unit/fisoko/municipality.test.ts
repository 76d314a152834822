/**
 * Import into a consolidation: region and municipality rows become the Municipality's references
 * (the O3 and chart reference), school rows join the school with the same login, the form's own
 * rows are never replaced; and a tool can tell an export from a school form.
 */
import { describe, expect, it } from "vitest";
import type { Municipality, SchoolReport } from "../../../src/core/model";
import { importFisoko, looksLikeFisokoExport, mergeIntoMunicipality } from "../../../src/fisoko";
import { MemoryWorkbook } from "../../../src/host/memory";
import { templateOps } from "../../../src/form";
import { Y2023 } from "../../fixtures/fisoko/data";
import { individual2023, marks2023, reports } from "../../fixtures/fisoko/layouts";

function school(login: string, withMath = false): SchoolReport {
  return {
    passport: { login, name: login, type: "СОШ", location: "город", contingent: [] },
    results: withMath
      ? [
          {
            procedure: "ВПР",
            year: 2023,
            grade: 5,
            className: "",
            subject: "Математика",
            participants: 52,
            marks: { n5: 11, n4: 19, n3: 18, n2: 4 },
            source: "form",
          },
        ]
      : [],
    participants: [],
    tasks: [],
    directions: {},
    cycle: [],
    findings: [],
  };
}

const M: Municipality = {
  name: "Ленинск-Кузнецкий городской округ",
  schools: [school("sch420101", true), school("sch420102"), school("sch420103")],
  references: [],
  fiokoMarkers: [],
  riskProfiles: [],
  municipalCycle: [],
};

describe("mergeIntoMunicipality", () => {
  const imp = importFisoko([
    { name: "мо.xlsx", sheets: reports(Y2023, 2023, "municipality") },
    { name: "п.xlsx", sheets: [individual2023(Y2023)] },
  ]);
  const { municipality, findings } = mergeIntoMunicipality(M, imp);

  it("adds the region and municipality rows as references", () => {
    expect(municipality.references.map((r) => [r.level, r.name, r.participants])).toEqual([
      ["region", "Кемеровская область - Кузбасс", 27000],
      ["municipality", "Ленинск-Кузнецкий городской округ", 1200],
    ]);
    expect(M.references).toEqual([]);
  });

  it("adds school rows by login, keeping the form's own row", () => {
    expect(municipality.schools[0].results).toEqual(M.schools[0].results);
    expect(municipality.schools[1].results).toHaveLength(1);
    expect(municipality.schools[1].results[0]).toMatchObject({
      login: "sch420102",
      marks: { n2: 3, n3: 20, n4: 32, n5: 20 },
      source: "мо.xlsx",
    });
    expect(municipality.schools[2].participants).toHaveLength(18);
    expect(municipality.schools[2].tasks).toHaveLength(1);
    expect(findings.map((f) => f.message)).toEqual([
      "ОО sch420101: ВПР 2023, Математика, 5 класс уже есть в форме школы; в своде оставлены данные формы, строка из «мо.xlsx» не добавлена.",
    ]);
  });

  it("keeps out a participant a protocol already gave the school as columns (same test and code)", () => {
    const codes = imp.participants.filter((p) => p.login === "sch420103").map((p) => p.code);
    expect(codes).toHaveLength(18);
    const columns = (subject: string, given: readonly (number | string)[]) => ({
      procedure: "ВПР" as const,
      year: 2023,
      grade: 5,
      subject,
      count: given.length,
      score: new Float64Array(given.length),
      mark: new Uint8Array(given.length),
      journalMark: new Uint8Array(given.length),
      taskCount: 0,
      points: new Float64Array(0),
      // The list is the protocol table's: only `count` codes from `from` are these participants'
      // (two codes of the export's rows around them, which are still added).
      codes: { list: [Number(codes[6]), ...given, Number(codes[7])], from: 1 },
    });
    // Five codes as the protocol keeps integers (numbers), one spelt otherwise (another code), and
    // every code of another subject: 18 − 5 rows are added.
    const given = [...codes.slice(0, 5).map(Number), `0${codes[5]}`];
    const withProtocol = {
      ...M,
      schools: [
        { ...school("sch420103"), participantColumns: [columns("математика", given), columns("Русский язык", codes)] },
      ],
    };
    const merged = mergeIntoMunicipality(withProtocol, imp).municipality.schools[0];
    expect(merged.participants.map((p) => p.code)).toEqual(codes.slice(5));
  });

  it("adds each participant of a test once: the form's own rows and the export's repeats are kept out", () => {
    const rows = imp.participants.filter((p) => p.login === "sch420103");
    const codes = rows.map((p) => p.code);
    // The form already has three of them (the subject written in another case is the same subject),
    // and the export gives two of its rows a second time.
    const own = rows.slice(0, 3).map((p) => ({ ...p, subject: p.subject.toLowerCase(), source: "form" }));
    const withForm = { ...M, schools: [{ ...school("sch420103"), participants: own }] };
    const twice = { ...imp, participants: [...imp.participants, rows[3], rows[10]] };
    const merged = mergeIntoMunicipality(withForm, twice).municipality.schools[0];
    expect(merged.participants.map((p) => p.code)).toEqual(codes);
    expect(merged.participants.slice(0, 3).map((p) => p.source)).toEqual(["form", "form", "form"]);
    expect(withForm.schools[0].participants).toHaveLength(3);
  });

  it("reports schools the consolidation does not have", () => {
    const small = { ...M, schools: [school("sch420101")] };
    const res = mergeIntoMunicipality(
      small,
      importFisoko([{ name: "мо.xlsx", sheets: [marks2023(Y2023, "municipality")] }]),
    );
    expect(res.findings.at(-1)?.message).toBe(
      "В своде нет ОО sch420102, sch420103: их строки из выгрузок не добавлены (добавьте формы этих школ в свод).",
    );
  });
});

describe("looksLikeFisokoExport", () => {
  it("tells exports from school forms", async () => {
    expect(looksLikeFisokoExport(reports(Y2023, 2023, "school"))).toBe(true);
    expect(looksLikeFisokoExport([individual2023(Y2023)])).toBe(true);
    const wb = new MemoryWorkbook();
    await wb.write({ ops: templateOps() });
    const sheets = await wb.readSheets((await wb.listSheets()).map((s) => s.name));
    expect(looksLikeFisokoExport(sheets)).toBe(false);
  });
});

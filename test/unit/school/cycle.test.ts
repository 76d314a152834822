/**
 * `msoko school-report` evaluates the school's management cycle with the report's own findings, as
 * the municipal summary does: on the sample municipality the school with the injected boundary peak
 * (O2) and the low-results school (ШНОР) see the gap with its reason in «Выводы и решения»; rows
 * that link to the finding at steps 6–8 close it.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { run } from "../../../src/cli/commands/school-report";
import { memoryIo } from "../../../src/cli/io";
import { municipalCycleOps } from "../../../src/form/municipal-cycle";
import { fillForm } from "../../../src/form/template";
import { SETTING_KEYS, writeSetting } from "../../../src/host/settings";
import { readXlsxFile, XlsxWorkbook } from "../../../src/xlsx/exceljs";
import { constructedSchool } from "./fixture";
import { parseLinks } from "../../../src/core/cycle";
import type { CycleRecord, Municipality, SchoolReport } from "../../../src/core/model";
import { DEFAULT_PROFILE } from "../../../src/core/profile";
import { generateMunicipality, type InjectedSituation } from "../../../src/sample";
import { schoolReport, SCHOOL_SHEET_NAMES, type SchoolReportOptions } from "../../../src/school/model/report";
import { buildSummary } from "../../../src/summary/model/build";
import type { Table } from "../../../src/summary/model/table";

let m: Municipality;
let situations: InjectedSituation[];

beforeAll(() => {
  const g = generateMunicipality();
  m = g.municipality;
  situations = g.situations;
}, 60_000);

function cycleOf(school: SchoolReport, opts: Partial<SchoolReportOptions> = {}) {
  const s = situations.find((x) => x.login === school.passport.login)!;
  const r = schoolReport(school, {
    year: 2026,
    procedure: "ВПР",
    grades: s.grade ? [s.grade] : [],
    profile: DEFAULT_PROFILE,
    municipalityPooled: m,
    ...opts,
  });
  const tables = r.sheets.find((x) => x.name === SCHOOL_SHEET_NAMES.decisions)!.tables;
  const table = (id: string) => tables.find((t) => t.id === id) as Table;
  const row = (code: string) => table("cycleStatus").rows.find((x) => String(x.direction).startsWith(`${code}. `))!;
  return { table, row };
}

const schoolOf = (rule: string) => {
  const s = situations.find((x) => x.expectedRule === rule)!;
  return m.schools.find((x) => x.passport.login === s.login)!;
};

/** The school's cycle with «Связь с выводом» `link` on steps 6–8 of every track of `direction`. */
function withLinks(school: SchoolReport, direction: CycleRecord["direction"], link: string): SchoolReport {
  const cycle = school.cycle.map((r) =>
    r.year === 2026 && r.direction === direction && r.component >= 6 && r.component <= 8
      ? { ...r, links: [...(r.links ?? []), ...parseLinks(link).links] }
      : r,
  );
  return { ...school, cycle };
}

describe("the school's cycle in its own report", () => {
  it("O2 of the report is a gap of the objectivity track with its reason, as in the summary; linked rows close it", () => {
    const school = schoolOf("O2");
    const { table, row } = cycleOf(school);
    const status = String(row("О").status);
    expect(status).toMatch(
      /^разрыв на этапе 6: нет адресных рекомендаций по признаку O2 \(ВПР 2026, 4 кл\., русский язык\)/,
    );
    const o2 = table("cycleResponses").rows.find((x) => String(x.finding).startsWith("признак O2"))!;
    expect(o2).toMatchObject({
      responded: "нет",
      missing: "6. Адресные рекомендации; 7. Меры и мероприятия; 8. Управленческие решения",
      link: "O2 ВПР 2026 4 русский язык",
    });
    expect(table("cycleStatus").description).toContain("Оценка на 31.12.2026 по листу «Цикл» формы");

    // The summary of the municipality says the same about this school's objectivity track.
    const summary = buildSummary({
      municipality: m,
      files: [],
      profile: DEFAULT_PROFILE,
      evaluationDate: "2026-12-31",
      runAt: "2026-12-31T10:00:00.000Z",
    });
    const inSummary = summary.sheets
      .flatMap((x) => x.tables ?? [])
      .find((t) => t.id === "status")!
      .rows.find((x) => x.login === school.passport.login && String(x.direction).startsWith("О."))!;
    expect(inSummary.status).toBe(status);

    const answered = cycleOf(withLinks(school, "O", "O2 ВПР 2026 4 русский язык"));
    expect(answered.table("cycleResponses").rows.find((x) => String(x.finding).startsWith("признак O2"))).toMatchObject(
      {
        responded: "да",
        missing: "",
      },
    );
    expect(String(answered.row("О").status)).not.toContain("O2");
  }, 20_000);

  it("a ШНОР school sees the direction-2 gap until steps 6–8 link to «ШНОР 2026»", () => {
    const school = schoolOf("R1");
    const { row } = cycleOf(school);
    expect(row("2").status).toBe("разрыв на этапе 6: нет адресных рекомендаций по статусу ШНОР (2026)");
    const closed = cycleOf(withLinks(school, 2, "ШНОР 2026"));
    expect(String(closed.row("2").status)).not.toContain("ШНОР");
  });

  it("alone the report has signs only: ШНОР is not determined and it says so; the book's date is used", () => {
    const school = schoolOf("R1");
    const { table } = cycleOf(school, { municipalityPooled: undefined, cycleEvaluationDate: "2026-11-20" });
    const d = String(table("cycleStatus").description);
    expect(d).toContain("Оценка на 20.11.2026");
    expect(d).toContain("Статус ШНОР/ШНСУ не определялся");
    expect(table("cycleResponses").rows.some((x) => String(x.finding).includes("ШНОР"))).toBe(false);
  });
});

describe("msoko school-report and the cycle", () => {
  it("evaluates the cycle on the report book's date and skips the МОУО's cycle book next to the forms", async () => {
    const dir = await mkdtemp(join(tmpdir(), "msoko-school-cycle-"));
    try {
      const form = join(dir, "form.xlsx");
      const f = XlsxWorkbook.create("form.xlsx");
      await f.write({ ops: fillForm(constructedSchool()) });
      await f.save(form);
      const mouo = join(dir, "mouo-cycle.xlsx");
      const c = XlsxWorkbook.create("mouo-cycle.xlsx");
      await c.write({ ops: municipalCycleOps() });
      await c.save(mouo);
      const out = join(dir, "report.xlsx");
      const io = memoryIo();
      expect(await run([form, mouo, "--out", out], io)).toBe(0);
      expect(io.stderr).toEqual([
        "Книга «mouo-cycle.xlsx» — цикл МОУО (лист «Цикл МОУО»): в отчёт ОО не входит, её читает свод.",
      ]);
      // A reporting date in the report book's settings is the cycle's evaluation date on the next run.
      const book = await XlsxWorkbook.fromBuffer(await readFile(out), "report.xlsx");
      await writeSetting(book, SETTING_KEYS.reportDate, "2026-11-20");
      await book.save(out);
      expect(await run([form, "--out", out], memoryIo())).toBe(0);
      const [dec] = (await readXlsxFile(out, { formulas: false })).filter(
        (s) => s.name === SCHOOL_SHEET_NAMES.decisions,
      );
      expect(dec.values.some((row) => String(row[0]).startsWith("Оценка на 20.11.2026 по листу «Цикл» формы"))).toBe(
        true,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 30_000);
});

/**
 * Findings drive the cycle's expectations: references typed in «Связь с выводом», their matching
 * to findings, and the gaps (with reasons) of steps 6–8 that answer no finding.
 */
import { describe, expect, it } from "vitest";
import {
  evaluateCycle,
  linkMatches,
  makeFinding,
  parseLink,
  parseLinks,
  type CycleFinding,
} from "../../../src/core/cycle";
import type { CycleRecord } from "../../../src/core/model";
import { applyOverrides, DEFAULT_PROFILE } from "../../../src/core/profile";
import { municipalCycleOps, readMunicipalCycle } from "../../../src/form/municipal-cycle";
import { MemoryWorkbook } from "../../../src/host/memory";
import { track } from "./helpers";

const O2 = makeFinding("O2", "sch1", { year: 2026, procedure: "ВПР", grade: 5, subject: "Математика" });
const SHNOR = makeFinding("ШНОР", "sch1", { year: 2026 });
const opts = (findings: CycleFinding[], profile = DEFAULT_PROFILE) => ({
  year: 2026,
  evaluationDate: "2026-12-31",
  profile,
  findings,
});

/** A closed full track with «Связь с выводом» on the given components. */
function linked(direction: CycleRecord["direction"], links: Record<number, string>): CycleRecord[] {
  return track({ direction, scores: "222222222" }).map((r) =>
    links[r.component] ? { ...r, links: parseLinks(links[r.component]).links } : r,
  );
}

describe("references in «Связь с выводом»", () => {
  it("reads code, procedure, year, grade and subject in the order a deputy director types them", () => {
    expect(parseLink("O2 ВПР 2026 5 математика")).toEqual({
      ok: true,
      link: {
        code: "O2",
        procedure: "ВПР",
        year: 2026,
        grade: 5,
        subject: "Математика",
        text: "O2 ВПР 2026 5 математика",
      },
    });
    // Cyrillic «О», lower-case procedure, «5 кл.», commas: the same reference.
    const cyr = parseLink("О2, впр 2026, 5 кл., математика");
    expect(cyr.ok && [cyr.link.code, cyr.link.procedure, cyr.link.grade, cyr.link.subject]).toEqual([
      "O2",
      "ВПР",
      5,
      "Математика",
    ]);
    expect(parseLink("ШНОР 2026")).toMatchObject({ ok: true, link: { code: "ШНОР", year: 2026 } });
    expect(parseLink("O2 ВПР 2026 6 русский язык")).toMatchObject({ ok: true, link: { subject: "Русский язык" } });
  });

  it("says what is wrong with a reference it cannot read", () => {
    expect(parseLink("O9 2026")).toEqual({
      ok: false,
      error: "«O9» — не код вывода; ожидается O1, O2, O3, O4, O5, O6, O7, F, ШНОР, ШНСУ",
    });
    expect(parseLink("ШНОР")).toEqual({ ok: false, error: "не указан год вывода (например, 2026)" });
    expect(parseLink("O2 ВПР 2026 12 математика")).toEqual({ ok: false, error: "класс 12 вне 1–11" });
    expect(parseLink("O2 ВПР 2026 2025")).toEqual({ ok: false, error: "в ссылке два года: 2026 и 2025" });
    expect(parseLink("O2 2026 астрология")).toEqual({ ok: false, error: "предмет «астрология» не распознан" });
    const two = parseLinks("ШНОР 2026; O2 ВПР 2026 5 математика;; O9 2026");
    expect(two.links.map((l) => l.code)).toEqual(["ШНОР", "O2"]);
    expect(two.errors).toEqual([
      "ссылка «O9 2026» не распознана: «O9» — не код вывода; ожидается O1, O2, O3, O4, O5, O6, O7, F, ШНОР, ШНСУ",
    ]);
  });

  it("a reference matches when code and year agree and every part it names agrees", () => {
    const link = (t: string) => parseLinks(t).links[0];
    expect(linkMatches(link("O2 ВПР 2026 5 математика"), O2)).toBe(true);
    expect(linkMatches(link("O2 ВПР 2026"), O2)).toBe(true);
    expect(linkMatches(link("O2 ВПР 2026 6 математика"), O2)).toBe(false);
    expect(linkMatches(link("O2 ВПР 2025 5 математика"), O2)).toBe(false);
    expect(linkMatches(link("O1 ВПР 2026 5 математика"), O2)).toBe(false);
    expect(linkMatches(link("O2 ОГЭ 2026"), O2)).toBe(false);
  });
});

describe("findings as expectations of steps 6–8", () => {
  it("a closed objectivity track that links to no finding has a gap at step 6 with its reason", () => {
    const e = evaluateCycle(linked("O", {}), opts([O2]));
    const d = e.directions.find((x) => x.id === "O")!;
    expect(d.statusText).toBe(
      "разрыв на этапе 6: нет адресных рекомендаций по признаку O2 (ВПР 2026, 5 кл., математика)",
    );
    // Steps 6–8 count at most «частично»: 5 × 2 + 3 × 1 + 2 = 15 of 18.
    expect(d.score).toBeCloseTo((15 / 18) * 100, 9);
    expect(d.nextSteps[0].text).toBe(
      "Подготовить адресные рекомендации по признаку O2 (ВПР 2026, 5 кл., математика) и указать в столбце «Связь с выводом» ссылку «O2 ВПР 2026 5 математика»",
    );
    expect(e.responses).toEqual([{ finding: O2, responded: false, missingSteps: [6, 7, 8], refs: [] }]);
  });

  it("links at steps 6 and 7 only: the gap moves to step 8 «нет управленческих решений»", () => {
    const e = evaluateCycle(linked("O", { 6: "O2 ВПР 2026 5 математика", 7: "O2 ВПР 2026" }), opts([O2]));
    const d = e.directions.find((x) => x.id === "O")!;
    expect(d.statusText).toBe(
      "разрыв на этапе 8: нет управленческих решений по признаку O2 (ВПР 2026, 5 кл., математика)",
    );
    expect(d.score).toBeCloseTo((17 / 18) * 100, 9);
    expect(e.responses[0]).toMatchObject({ responded: false, missingSteps: [8] });
    expect(e.responses[0].refs.map((r) => r.cell)).toEqual(["A7", "A8"]);
  });

  it("links at steps 6–8 close the cycle at 100", () => {
    const e = evaluateCycle(linked(2, { 6: "ШНОР 2026", 7: "ШНОР 2026", 8: "ШНОР 2026; O2 ВПР 2026" }), opts([SHNOR]));
    const d = e.directions.find((x) => x.id === 2)!;
    expect([d.statusText, d.score]).toEqual(["замкнут", 100]);
    expect(e.responses[0]).toMatchObject({ responded: true, missingSteps: [] });
  });

  it("several unanswered findings are counted in the reason; a finding of another year expects nothing", () => {
    const shnsu = makeFinding("ШНСУ", "sch1", { year: 2026 });
    const old = makeFinding("ШНОР", "sch1", { year: 2025 });
    const d = evaluateCycle(linked(2, {}), opts([SHNOR, shnsu, old])).directions.find((x) => x.id === 2)!;
    expect(d.statusText).toBe("разрыв на этапе 6: нет адресных рекомендаций по статусу ШНОР (2026) (и ещё 1 вывод)");
    expect(d.responses).toHaveLength(2);
  });

  it("a finding for a direction without any track is a gap at step 6, never «нет данных»", () => {
    const e = evaluateCycle(linked(1, {}), opts([SHNOR]));
    const d = e.directions.find((x) => x.id === 2)!;
    expect([d.status, d.statusText, d.score]).toEqual([
      "gap",
      "разрыв на этапе 6: нет адресных рекомендаций по статусу ШНОР (2026)",
      null,
    ]);
    expect(d.nextSteps.map((s) => s.component)).toEqual([6, 7, 8]);
    expect(d.nextSteps[1].text).toBe(
      "Разработать меры по статусу ШНОР (2026) и указать в столбце «Связь с выводом» ссылку «ШНОР 2026»",
    );
  });

  it("profile: steps 7–9 with cycle.findingFirstStep/LastStep; the link rule off keeps the score", () => {
    const { profile } = applyOverrides([
      { key: "cycle.findingFirstStep", value: "7" },
      { key: "cycle.findingLastStep", value: "9" },
    ]);
    const e = evaluateCycle(linked(2, { 6: "ШНОР 2026", 7: "ШНОР 2026", 8: "ШНОР 2026" }), opts([SHNOR], profile));
    expect(e.directions.find((x) => x.id === 2)!.statusText).toBe(
      "разрыв на этапе 9: нет анализа эффективности мер по статусу ШНОР (2026)",
    );
    const off = applyOverrides([{ key: "cycle.findingsRequireLink", value: "нет" }]).profile;
    const free = evaluateCycle(linked(2, {}), opts([SHNOR], off));
    expect([free.directions.find((x) => x.id === 2)!.statusText, free.responses[0].responded]).toEqual([
      "замкнут",
      false,
    ]);
  });

  it("a reference that cannot be read is an error naming the sheet and cell of «Связь с выводом»", async () => {
    const wb = new MemoryWorkbook();
    await wb.write({ ops: municipalCycleOps(linked(2, { 7: "ШНОР 2026" })) });
    const sheets = await wb.readSheets(["Цикл МОУО"]);
    expect(readMunicipalCycle(sheets)!.records[6].links).toEqual([{ code: "ШНОР", year: 2026, text: "ШНОР 2026" }]);
    sheets[0].values[7][12] = "ШНОР";
    const f = readMunicipalCycle(sheets)!.findings.find((x) => x.rule === "cycle.link")!;
    expect([f.severity, f.sheet, f.cell, f.message]).toEqual([
      "error",
      "Цикл МОУО",
      "M8",
      "Столбец «Связь с выводом»: ссылка «ШНОР» не распознана: не указан год вывода (например, 2026).",
    ]);
  });
});

/**
 * The pane's «Цикл» page on a municipal summary: the МОУО's own «Цикл МОУО» sheet read from the
 * book (memory workbook), evaluated as the summary evaluates it, and the button that adds the empty
 * sheet of the template without touching any other sheet.
 */
import { describe, expect, it } from "vitest";
import { renderToString } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { DEFAULT_PROFILE } from "../../../src/core/profile";
import {
  MUNICIPAL_CYCLE_SHEET,
  municipalCycleOps,
  municipalCycleSheetName,
  municipalCycleSheetOps,
} from "../../../src/form/municipal-cycle";
import { MemoryWorkbook } from "../../../src/host/memory";
import { SETTING_KEYS, writeSetting } from "../../../src/host/settings";
import { municipalCycle } from "../../../src/sample/cycle";
import { buildSummary } from "../../../src/summary/model/build";
import { buildFromForms } from "../../../src/summary/run";
import type { SchoolReport } from "../../../src/core/model";
import { CyclePage } from "../../../src/taskpane/cycle/CyclePage";
import { addMunicipalCycleSheet, readMunicipalCycleInputs } from "../../../src/taskpane/cycle/municipal-book";
import {
  MUNICIPAL_CYCLE_EMPTY_TEXT,
  municipalCycleView,
  municipalOverdueLines,
  municipalSummaryLine,
} from "../../../src/taskpane/cycle/view";
import { createOperationRunner } from "../../../src/taskpane/operation/runner";
import { OperationProvider } from "../../../src/taskpane/operation/OperationContext";
import { WorkbookStateContext, type WorkbookState } from "../../../src/taskpane/workbook/WorkbookContext";
import { detectRole } from "../../../src/taskpane/workbook/role";

/** A summary book: «Свод по ОО» with a value of its own, and a user sheet that must stay as it is. */
function summaryBook(): MemoryWorkbook {
  return MemoryWorkbook.fromGrids({ "Свод по ОО": [["Логин ОО", "sch1"]], "Мои заметки": [["не трогать"]] });
}

async function gridsOf(wb: MemoryWorkbook) {
  const names = (await wb.listSheets()).map((s) => s.name);
  return Object.fromEntries((await wb.readSheets(names)).map((s) => [s.name, s.values]));
}

describe("«Цикл» on a municipal summary", () => {
  it("without «Цикл МОУО» says so; the button adds only the template's empty sheet, once", async () => {
    const wb = summaryBook();
    const before = await gridsOf(wb);
    expect(municipalCycleView(await readMunicipalCycleInputs(wb))).toEqual({ kind: "noSheet" });

    const { status } = await addMunicipalCycleSheet(wb);
    expect(status).toMatch(/^Лист «Цикл МОУО» добавлен: заполните/);
    const after = await gridsOf(wb);
    expect(Object.keys(after)).toEqual(["Свод по ОО", "Мои заметки", MUNICIPAL_CYCLE_SHEET]);
    expect(after["Свод по ОО"]).toEqual(before["Свод по ОО"]);
    expect(after["Мои заметки"]).toEqual(before["Мои заметки"]);
    // The same sheet as `msoko template --mouo` writes (its first sheet), and the page shows it as empty.
    const template = new MemoryWorkbook();
    await template.write({ ops: municipalCycleOps() });
    expect(after[MUNICIPAL_CYCLE_SHEET]).toEqual((await gridsOf(template))[MUNICIPAL_CYCLE_SHEET]);
    expect(municipalCycleSheetOps()).toEqual(
      municipalCycleOps().filter(
        (op) => ("sheet" in op ? op.sheet : "name" in op ? op.name : "") === MUNICIPAL_CYCLE_SHEET,
      ),
    );
    const view = municipalCycleView(await readMunicipalCycleInputs(wb));
    expect(view).toEqual({ kind: "noRecords", sheet: MUNICIPAL_CYCLE_SHEET });
    expect(MUNICIPAL_CYCLE_EMPTY_TEXT.noRecords(MUNICIPAL_CYCLE_SHEET)).toBe(
      "В листе «Цикл МОУО» нет записей цикла: заполните по каждому направлению и треку девять этапов с оценкой и документом.",
    );

    // A filled sheet is never replaced, even under an alias.
    await expect(addMunicipalCycleSheet(wb)).rejects.toThrow("В книге уже есть лист «Цикл МОУО»: он не заменяется.");
    const aliased = MemoryWorkbook.fromGrids({ "Свод по ОО": [], "цикл уо ": [["Год"]] });
    await expect(addMunicipalCycleSheet(aliased)).rejects.toThrow("лист «цикл уо »");
    expect(municipalCycleSheetName(["Свод по ОО", "Цикл муниципалитета"])).toBe("Цикл муниципалитета");
    expect(municipalCycleSheetName(["Свод по ОО", "Цикл"])).toBeNull();
  });

  it("shows the demo МОУО cycle as the summary does: one gap, one overdue step from the day after its date", async () => {
    const records = municipalCycle(1, [2026]);
    const wb = summaryBook();
    await wb.write({ ops: municipalCycleOps(records) });
    const inputs = await readMunicipalCycleInputs(wb);
    expect(inputs.records).toHaveLength(records.length);
    expect(inputs.problems).toEqual([]);
    expect(municipalCycleView(inputs)).toEqual({ kind: "noDate", sheet: MUNICIPAL_CYCLE_SHEET, year: 2026 });

    await writeSetting(wb, SETTING_KEYS.reportDate, "2026-12-31");
    const view = municipalCycleView(await readMunicipalCycleInputs(wb));
    if (view.kind !== "board") throw new Error(`нет доски: ${view.kind}`);
    expect(view.year).toBe(2026);
    const row = (code: string) => view.model.rows.find((r) => r.code === code)!;
    expect(row("2")).toMatchObject({ status: "gap", statusText: "разрыв на этапе 7 «Меры и мероприятия»" });
    expect(row("2").steps[0].dateText).toBe("срок 20.02.2027");
    expect(row("5").cells[8]).toMatchObject({ state: "overdue", glyph: "!" });
    expect(row("5").cells[8].ref).toMatchObject({ sheet: MUNICIPAL_CYCLE_SHEET });
    expect(row("8").status).toBe("noData");
    expect(view.model.overdueCount).toBe(1);
    expect(municipalSummaryLine(view.report)).toBe(
      "Замкнуто направлений: 6 из 8; треков с разрывом: 2; просрочено этапов: 1; без данных: 8.",
    );
    expect(municipalOverdueLines(view.report)).toEqual([
      "Направление 5, трек «Эффективность руководителя»: этап 9 «Анализ эффективности принятых мер» — срок 20.11.2026",
    ]);

    // The summary built on the same date reports the same tracks.
    const summary = buildSummary({
      municipality: {
        name: "Округ",
        schools: [],
        references: [],
        fiokoMarkers: [],
        riskProfiles: [],
        municipalCycle: records,
      },
      files: [],
      profile: DEFAULT_PROFILE,
      evaluationDate: "2026-12-31",
      runAt: "2026-12-31T10:00:00.000Z",
    });
    const pick = (ts: { code: string; track: string; status: string; overdue: unknown[] }[]) =>
      ts.map((t) => [t.code, t.track, t.status, t.overdue.length]);
    expect(pick(view.report.tracks)).toEqual(pick(summary.json.municipalityCycle!.tracks));

    // Planned 20.11.2026: on that day not yet overdue, the day after it is.
    await writeSetting(wb, SETTING_KEYS.reportDate, "2026-11-20");
    const onDay = municipalCycleView(await readMunicipalCycleInputs(wb));
    expect(onDay.kind === "board" && onDay.report.overdueCount).toBe(0);
    await writeSetting(wb, SETTING_KEYS.reportDate, "2026-11-21");
    const dayAfter = municipalCycleView(await readMunicipalCycleInputs(wb));
    expect(dayAfter.kind === "board" && dayAfter.report.overdueCount).toBe(1);
  });

  it("the summary built in the same book reads the same sheet (under an alias too) as the МОУО cycle", async () => {
    const wb = MemoryWorkbook.fromGrids({ "Свод по ОО": [] });
    const ops = municipalCycleOps(municipalCycle(1, [2026])).map((op) =>
      op.op === "addSheet" ? { ...op, name: "Цикл УО" } : "sheet" in op ? { ...op, sheet: "Цикл УО" } : op,
    );
    await wb.write({ ops });
    const school: SchoolReport = {
      passport: { login: "sch1", name: "Школа 1", type: "СОШ", location: "город", contingent: [] },
      results: [],
      participants: [],
      tasks: [],
      directions: {},
      cycle: [],
      findings: [],
    };
    const built = await buildFromForms(wb, {
      forms: [{ file: "sch1.xlsx", report: school, findings: [] }],
      evaluationDate: "2026-12-31",
    });
    expect(built.summary.json.municipalityCycle).toMatchObject({ year: 2026, gapCount: 2, overdueCount: 1 });
  });

  it("names the sheet and cell of a bad value in the МОУО's sheet", async () => {
    const wb = summaryBook();
    await wb.write({ ops: municipalCycleOps(municipalCycle(1, [2026])) });
    // Оценка is column H; row 3 is component 2 of the first track.
    await wb.write({ ops: [{ op: "values", sheet: MUNICIPAL_CYCLE_SHEET, address: "H3", values: [["да-да"]] }] });
    const { problems } = await readMunicipalCycleInputs(wb);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^Лист «Цикл МОУО», ячейка H3: .*да-да/);
  });

  it.each([
    ["a summary book", ["Свод по ОО"]],
    ["the МОУО's cycle book of the template", [MUNICIPAL_CYCLE_SHEET, "Меры объективности", "Перепроверка"]],
  ])("the page on %s reads «Цикл МОУО» instead of asking for a school form", (_, names) => {
    const state: WorkbookState = {
      port: summaryBook(),
      sheets: names.map((name, position) => ({ name, position, visibility: "visible" })),
      role: detectRole(names),
      fileName: "",
      error: null,
      refresh: () => undefined,
    };
    const html = renderToString(
      <FluentProvider theme={webLightTheme}>
        <WorkbookStateContext.Provider value={state}>
          <OperationProvider runner={createOperationRunner()}>
            <CyclePage />
          </OperationProvider>
        </WorkbookStateContext.Provider>
      </FluentProvider>,
    );
    expect(html).toContain("Читаю лист «Цикл МОУО»…");
    expect(html).not.toContain("Перейти к странице «Форма ОО»");
  });
});

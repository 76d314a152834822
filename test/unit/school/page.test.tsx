// The «Анализ ОО» page renders in Node (react-dom/server) without Excel: it shows that it reads the
// form first. Interaction is covered by run.ts tests (cli-pane.test.ts) and the browser tests.
import { describe, expect, it } from "vitest";
import { renderToString } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { MemoryWorkbook } from "../../../src/host/memory";
import { OperationProvider } from "../../../src/taskpane/operation/OperationContext";
import { createOperationRunner } from "../../../src/taskpane/operation/runner";
import { schoolAnalysisPage, SchoolAnalysisPage } from "../../../src/taskpane/school";
import { WorkbookStateContext, type WorkbookState } from "../../../src/taskpane/workbook/WorkbookContext";

describe("SchoolAnalysisPage", () => {
  it("renders through the pane's contexts only and starts by reading the form", () => {
    const state: WorkbookState = {
      port: MemoryWorkbook.fromGrids({}),
      sheets: [],
      role: null,
      fileName: "",
      error: null,
      refresh: () => undefined,
    };
    const html = renderToString(
      <FluentProvider theme={webLightTheme}>
        <WorkbookStateContext.Provider value={state}>
          <OperationProvider runner={createOperationRunner()}>
            <SchoolAnalysisPage />
          </OperationProvider>
        </WorkbookStateContext.Provider>
      </FluentProvider>,
    );
    expect(html).toContain("Чтение формы ОО…");
    expect(schoolAnalysisPage).toMatchObject({ id: "school-analysis", navLabel: "Анализ ОО" });
  });
});

/**
 * Choosing the workbook the pane works on. In Excel: the Office.js port. When a page outside
 * Excel set the memory hook (host/hook.ts): a MemoryWorkbook, published back on the hook.
 */
import { MemoryWorkbook } from "../../host/memory";
import type { WorkbookPort } from "../../host/port";
import { publishToHook, type MsokoHostHook } from "../host/hook";
import { createOperationRunner, type OperationRunner } from "../operation/runner";
import { workbookSource, type WorkbookSource } from "../workbook/source";

/**
 * Tells the page's start-up check (src/taskpane/startup-check.js, inlined into the page) that the
 * pane's modules loaded and ran, so it does not show its «the pane cannot run here» block.
 */
export function markPaneStarted(): void {
  const w = window as unknown as { __msokoStarted?: () => void };
  if (typeof w.__msokoStarted === "function") w.__msokoStarted();
}

/** office.js defines the Office global; without it (offline, blocked CDN) the page's check explains. */
export function officeLoaded(): boolean {
  return typeof Office !== "undefined";
}

/** A new Excel workbook has one empty sheet «Лист1»; the preview starts the same way. */
export const NEW_WORKBOOK_SHEET = "Лист1";

export function memoryWorkbookFor(hook: MsokoHostHook): MemoryWorkbook {
  return MemoryWorkbook.fromGrids(hook.sheets ?? { [NEW_WORKBOOK_SHEET]: [] });
}

export interface PaneSetup {
  source: WorkbookSource;
  runner: OperationRunner;
}

export function setUpPane(port: WorkbookPort, hook?: MsokoHostHook | null): PaneSetup {
  const runner = createOperationRunner();
  if (hook && port instanceof MemoryWorkbook) publishToHook(hook, port, runner);
  return { source: workbookSource(port), runner };
}

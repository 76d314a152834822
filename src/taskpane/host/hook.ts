/**
 * The ONE hook through which a page outside Excel hands the pane an in-memory workbook:
 * `window.__msokoHost`. The end-to-end office.js stub (test/e2e/office-stub.js) sets it to
 * `{ kind: "memory" }` before the pane starts; the preview page creates it itself. The pane then
 * fills in `workbook` (the MemoryWorkbook it works on, so a test or the preview can change it),
 * `demoOperation` (runs a cancellable long operation through the status area) and
 * `functionsProfile` (the methodology profile the custom functions use), and sets `ready`.
 * In Excel nothing sets the hook and the pane uses the Office.js port.
 */
import type { Grid } from "../../host/port";
import type { MemoryWorkbook } from "../../host/memory";
import type { OperationResult, OperationRunner } from "../operation/runner";
import { stepLabel } from "../operation/runner";
import { countRu } from "../../core/values";
import type { ParamValues } from "../../core/profile";
import { getProfile } from "../../functions/context";

export interface MsokoHostHook {
  kind: "memory";
  /** Optional starting sheets: name → values from A1. */
  sheets?: Record<string, Grid>;
  /** Filled by the pane. */
  workbook?: MemoryWorkbook;
  /** Filled by the pane: a demonstration operation of `steps` steps of `stepMs` each. */
  demoOperation?: (opts?: { steps?: number; stepMs?: number }) => Promise<OperationResult<number>["status"]>;
  /**
   * Filled by the pane: the methodology profile the custom functions of this runtime use (after
   * «Методика» changes a value it must show the new one).
   */
  functionsProfile?: () => { version: string; values: ParamValues };
  /** Set by the pane after its first render. */
  ready?: boolean;
}

declare global {
  interface Window {
    __msokoHost?: MsokoHostHook;
  }
}

/** The hook when a page outside Excel asked for a memory workbook, else null. */
export function memoryHostHook(): MsokoHostHook | null {
  const h = typeof window !== "undefined" ? window.__msokoHost : undefined;
  return h && h.kind === "memory" ? h : null;
}

/** Waits `ms`, rejecting at once with the signal's reason when it aborts. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

/** Publishes the pane's workbook and the demonstration operation on the hook. */
export function publishToHook(hook: MsokoHostHook, workbook: MemoryWorkbook, runner: OperationRunner): void {
  hook.workbook = workbook;
  hook.functionsProfile = () => {
    const p = getProfile();
    return { version: p.version, values: p.values };
  };
  hook.demoOperation = async ({ steps = 25, stepMs = 200 } = {}) => {
    const result = await runner.run(
      "Пример долгой операции",
      async (progress, signal) => {
        for (let i = 1; i <= steps; i++) {
          progress({ done: i - 1, total: steps, label: stepLabel("Файл", i, steps) });
          await pause(stepMs, signal);
        }
        progress({ done: steps, total: steps });
        return steps;
      },
      { doneMessage: (n) => `Пример долгой операции: обработано ${countRu(n, ["файл", "файла", "файлов"])}.` },
    );
    return result.status;
  };
}

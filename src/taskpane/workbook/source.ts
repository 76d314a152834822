/**
 * A workbook port plus a way to hear about its changes, so the header's role and the preview grid
 * stay current. The memory workbook reports every change itself (onChange); for any other port
 * (Office.js) writes made through the pane are reported by wrapping write(), and the pane also
 * re-reads when it regains focus, because the user edits the workbook directly in Excel.
 */
import type { WorkbookPort } from "../../host/port";

export type Unsubscribe = () => void;

export interface WorkbookSource {
  port: WorkbookPort;
  subscribe(listener: () => void): Unsubscribe;
}

interface ChangeReporting {
  onChange(listener: () => void): Unsubscribe;
}

function reportsChanges(port: WorkbookPort): port is WorkbookPort & ChangeReporting {
  return typeof (port as Partial<ChangeReporting>).onChange === "function";
}

export function workbookSource(port: WorkbookPort): WorkbookSource {
  if (reportsChanges(port)) return { port, subscribe: (l) => port.onChange(l) };
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const l of listeners) l();
  };
  const wrapped: WorkbookPort = {
    kind: port.kind,
    listSheets: () => port.listSheets(),
    readSheets: (names, opts) => port.readSheets(names, opts),
    write: async (batch) => {
      try {
        return await port.write(batch);
      } finally {
        notify();
      }
    },
    activate: (sheet) => port.activate(sheet),
    select: (sheet, address) => port.select(sheet, address),
    selection: () => port.selection(),
    capabilities: () => port.capabilities(),
    fileName: () => port.fileName(),
  };
  return {
    port: wrapped,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

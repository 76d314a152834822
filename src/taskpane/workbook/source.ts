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
  // A proxy rather than a copy, so optional port methods (readRanges, …) pass through unchanged.
  const write: WorkbookPort["write"] = async (batch) => {
    try {
      return await port.write(batch);
    } finally {
      notify();
    }
  };
  const wrapped = new Proxy(port, {
    get(target, prop, receiver) {
      if (prop === "write") return write;
      const v = Reflect.get(target, prop, receiver);
      return typeof v === "function" ? v.bind(target) : v;
    },
  });
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

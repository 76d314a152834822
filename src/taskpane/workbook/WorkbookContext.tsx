/**
 * Gives every component the workbook port and what the shell knows about the workbook (sheet
 * names, role, file name), re-read whenever the workbook reports a change or the pane regains
 * focus. Components get the port only from here — never from Excel or Office globals.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type { SheetInfo, WorkbookPort } from "../../host/port";
import { describeError } from "../shared/errors";
import { detectRole, type WorkbookRole } from "./role";
import type { WorkbookSource } from "./source";

export interface WorkbookState {
  port: WorkbookPort;
  /** null until the first read finishes. */
  sheets: SheetInfo[] | null;
  role: WorkbookRole | null;
  fileName: string;
  /** Russian message when the sheet list could not be read. */
  error: string | null;
  refresh(): void;
}

const WorkbookContext = createContext<WorkbookState | null>(null);

export function WorkbookProvider({ source, children }: { source: WorkbookSource; children: ReactNode }) {
  const [sheets, setSheets] = useState<SheetInfo[] | null>(null);
  const [fileName, setFileName] = useState("");
  const [error, setError] = useState<string | null>(null);
  // Reads can overlap (a change during a read); only the latest one may set state.
  const generation = useRef(0);

  const refresh = useCallback(() => {
    const mine = ++generation.current;
    Promise.all([source.port.listSheets(), source.port.fileName()]).then(
      ([list, name]) => {
        if (mine !== generation.current) return;
        setSheets(list);
        setFileName(name);
        setError(null);
      },
      (e: unknown) => {
        if (mine !== generation.current) return;
        setError(`Не удалось прочитать список листов книги. ${describeError(e)}`);
      },
    );
  }, [source]);

  useEffect(() => {
    refresh();
    const unsubscribe = source.subscribe(refresh);
    window.addEventListener("focus", refresh);
    return () => {
      unsubscribe();
      window.removeEventListener("focus", refresh);
    };
  }, [source, refresh]);

  const value = useMemo<WorkbookState>(
    () => ({
      port: source.port,
      sheets,
      role: sheets ? detectRole(sheets.map((s) => s.name)) : null,
      fileName,
      error,
      refresh,
    }),
    [source, sheets, fileName, error, refresh],
  );
  return <WorkbookContext.Provider value={value}>{children}</WorkbookContext.Provider>;
}

export function useWorkbook(): WorkbookState {
  const ctx = useContext(WorkbookContext);
  if (!ctx) throw new Error("useWorkbook вызван вне WorkbookProvider.");
  return ctx;
}

/** For rendering a page without a live workbook (unit tests with renderToString). */
export const WorkbookStateContext = WorkbookContext;

/**
 * Reads something from the workbook for a page (the parsed form, the profile, the settings) and
 * reads it again whenever the shell re-reads the workbook (a change made by the pane, the pane
 * regaining focus) or the page asks. The previous result stays on screen while a new read runs,
 * so selecting a cell does not make the page flicker; a read that was overtaken is dropped.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { WorkbookPort } from "../../host/port";
import { describeError } from "../shared/errors";
import { useWorkbook } from "./WorkbookContext";

export interface WorkbookRead<T> {
  data: T | null;
  /** Russian message of the last failed read. */
  error: string | null;
  loading: boolean;
  reload(): void;
}

export function useWorkbookRead<T>(read: (port: WorkbookPort) => Promise<T>, enabled = true): WorkbookRead<T> {
  const { port, sheets } = useWorkbook();
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [nonce, setNonce] = useState(0);
  const generation = useRef(0);
  const readRef = useRef(read);
  readRef.current = read;

  useEffect(() => {
    if (!enabled || !sheets) return;
    const mine = ++generation.current;
    setLoading(true);
    readRef.current(port).then(
      (value) => {
        if (mine !== generation.current) return;
        setData(value);
        setError(null);
        setLoading(false);
      },
      (e: unknown) => {
        if (mine !== generation.current) return;
        setError(describeError(e));
        setLoading(false);
      },
    );
  }, [port, sheets, enabled, nonce]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return { data, error, loading, reload };
}

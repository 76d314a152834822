/**
 * Long operations of the pane (consolidating dozens of school files, writing large sheets) run
 * through one runner: it owns the AbortController, keeps the progress the status area shows, and
 * allows one operation at a time so two writers never interleave in the same workbook.
 * Pure TypeScript (no React) so its behaviour is unit-tested in Node; the React binding is
 * OperationContext.tsx.
 */
import { describeError } from "../shared/errors";

export interface Progress {
  /** Items finished so far (0…total). */
  done: number;
  /** Items in all; 0 when unknown (the bar is then indeterminate). */
  total: number;
  /** The line shown under the bar, e.g. «Файл 3 из 25: school_12.xlsx» (see stepLabel). */
  label?: string;
}

export type ReportProgress = (progress: Progress) => void;

/**
 * The work itself. It reports progress and must stop when the signal aborts, preferably by
 * calling signal.throwIfAborted() between items; a rejection after cancel counts as cancelled.
 */
export type OperationTask<T> = (progress: ReportProgress, signal: AbortSignal) => Promise<T>;

export type OperationState =
  | { status: "idle" }
  | { status: "running"; title: string; progress: Progress | null; cancelling: boolean }
  | { status: "done"; title: string; message: string }
  | { status: "cancelled"; title: string; message: string }
  | { status: "failed"; title: string; message: string };

export type OperationResult<T> =
  | { status: "done"; value: T }
  | { status: "cancelled" }
  | { status: "failed"; message: string; error: unknown }
  | { status: "busy"; message: string };

export interface OperationRunner {
  getState(): OperationState;
  subscribe(listener: () => void): () => void;
  /** `doneMessage` returning "" leaves the status area empty on success (the page shows the result). */
  run<T>(
    title: string,
    task: OperationTask<T>,
    opts?: { doneMessage?: (value: T) => string },
  ): Promise<OperationResult<T>>;
  /** Asks the running task to stop; the state says «Отмена…» until the task returns. */
  cancel(): void;
  /** Hides a finished operation's message. */
  dismiss(): void;
}

/** «Файл 3 из 25» — the step line for item `index` (1-based) of `total`. */
export function stepLabel(noun: string, index: number, total: number): string {
  return `${noun} ${index} из ${total}`;
}

/** The text under the progress bar. */
export function progressText(p: Progress | null): string {
  if (!p) return "Подготовка…";
  if (p.label) return p.label;
  return p.total > 0 ? `${p.done} из ${p.total}` : `Выполнено: ${p.done}`;
}

/** Fraction 0…1 for the bar, or undefined for an indeterminate bar. */
export function progressFraction(p: Progress | null): number | undefined {
  if (!p || !(p.total > 0)) return undefined;
  return Math.min(1, Math.max(0, p.done / p.total));
}

export function createOperationRunner(): OperationRunner {
  let state: OperationState = { status: "idle" };
  let controller: AbortController | null = null;
  const listeners = new Set<() => void>();

  const set = (next: OperationState) => {
    state = next;
    for (const l of listeners) l();
  };

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    async run<T>(
      title: string,
      task: OperationTask<T>,
      opts?: { doneMessage?: (value: T) => string },
    ): Promise<OperationResult<T>> {
      if (state.status === "running") {
        const message = `Уже выполняется «${state.title}». Дождитесь окончания или отмените её.`;
        return { status: "busy", message };
      }
      const own = new AbortController();
      controller = own;
      set({ status: "running", title, progress: null, cancelling: false });
      // Reports from a task that outlived its run (ignored the signal) must not touch a newer run.
      const report: ReportProgress = (p) => {
        if (controller !== own || state.status !== "running") return;
        const total = Math.max(0, p.total);
        const done = Math.max(0, total > 0 ? Math.min(p.done, total) : p.done);
        set({ ...state, progress: { done, total, label: p.label } });
      };
      try {
        const value = await task(report, own.signal);
        const message = opts?.doneMessage?.(value) ?? `«${title}»: готово.`;
        // "" — the page shows the result itself; a second copy in the status area would repeat it.
        set(message === "" ? { status: "idle" } : { status: "done", title, message });
        return { status: "done", value };
      } catch (error) {
        if (own.signal.aborted) {
          set({ status: "cancelled", title, message: `«${title}»: отменено.` });
          return { status: "cancelled" };
        }
        const message = describeError(error);
        set({ status: "failed", title, message });
        return { status: "failed", message, error };
      } finally {
        if (controller === own) controller = null;
      }
    },
    cancel() {
      if (state.status !== "running" || !controller || state.cancelling) return;
      set({ ...state, cancelling: true });
      controller.abort();
    },
    dismiss() {
      if (state.status !== "running") set({ status: "idle" });
    },
  };
}

/**
 * React binding of the operation runner: `useOperation()` gives pages `run(title, task)` and the
 * current state; <StatusArea/> shows the progress bar, «Файл 3 из 25» and «Отменить».
 */
import { createContext, useContext, useSyncExternalStore, type ReactNode } from "react";
import { Button, ProgressBar, Text, makeStyles, tokens } from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import { progressFraction, progressText, type OperationRunner, type OperationState } from "./runner";

const OperationContext = createContext<OperationRunner | null>(null);

export function OperationProvider({ runner, children }: { runner: OperationRunner; children: ReactNode }) {
  return <OperationContext.Provider value={runner}>{children}</OperationContext.Provider>;
}

export interface UseOperation {
  state: OperationState;
  run: OperationRunner["run"];
  cancel(): void;
  dismiss(): void;
  busy: boolean;
}

export function useOperation(): UseOperation {
  const runner = useContext(OperationContext);
  if (!runner) throw new Error("useOperation вызван вне OperationProvider.");
  const state = useSyncExternalStore(runner.subscribe, runner.getState, runner.getState);
  return { state, run: runner.run, cancel: runner.cancel, dismiss: runner.dismiss, busy: state.status === "running" };
}

const useStyles = makeStyles({
  area: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    paddingLeft: tokens.spacingHorizontalM,
    paddingRight: tokens.spacingHorizontalM,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  row: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS, minWidth: 0 },
  grow: { flexGrow: 1, minWidth: 0, overflowWrap: "anywhere" },
  failed: { color: tokens.colorPaletteRedForeground1 },
});

/** The live region is always present so screen readers announce changes inside it. */
export function StatusArea() {
  const { state, cancel, dismiss } = useOperation();
  const styles = useStyles();
  return (
    <div role="status" aria-live="polite" data-testid="status-area">
      {state.status === "running" && (
        <div className={styles.area}>
          <Text weight="semibold">{state.title}</Text>
          <ProgressBar
            value={progressFraction(state.progress)}
            aria-label={`Ход операции «${state.title}»`}
            thickness="large"
          />
          <div className={styles.row}>
            <Text className={styles.grow} data-testid="status-progress">
              {state.cancelling ? "Отмена…" : progressText(state.progress)}
            </Text>
            <Button size="small" onClick={cancel} disabled={state.cancelling}>
              Отменить
            </Button>
          </div>
        </div>
      )}
      {(state.status === "done" || state.status === "cancelled" || state.status === "failed") && (
        <div className={styles.area}>
          <div className={styles.row}>
            <Text
              className={state.status === "failed" ? `${styles.grow} ${styles.failed}` : styles.grow}
              data-testid="status-message"
            >
              {state.message}
            </Text>
            <Button
              size="small"
              appearance="subtle"
              icon={<DismissRegular />}
              onClick={dismiss}
              aria-label="Скрыть сообщение"
              title="Скрыть сообщение"
            />
          </div>
        </div>
      )}
    </div>
  );
}

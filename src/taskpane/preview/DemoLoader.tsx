/**
 * The preview's «Загрузить пример»: pick a school of the sample municipality and fill the
 * in-memory workbook with its form, so a newcomer sees every page of the pane at work. The
 * generator comes as a separate chunk loaded on the first click; the work runs through the pane's
 * operation runner, so the pane's status area shows its progress and can cancel it.
 */
import { useMemo, useState } from "react";
import { Button, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { MemoryWorkbook } from "../../host/memory";
import { pushWorkbookSettings } from "../app/functionsBridge";
import type { OperationRunner } from "../operation/runner";
import { demoChoices } from "./demoChoices";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    minWidth: 0,
    maxWidth: "100%",
  },
  select: { minWidth: 0, maxWidth: "100%", flexBasis: "260px", flexGrow: 1 },
  note: { flexBasis: "100%" },
});

export function DemoLoader({ workbook, runner }: { workbook: MemoryWorkbook; runner: OperationRunner }) {
  const styles = useStyles();
  const choices = useMemo(demoChoices, []);
  const [index, setIndex] = useState(0);
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = async () => {
    setBusy(true);
    setNote(null);
    const result = await runner.run(
      "Загрузка примера",
      async (progress, signal) => {
        progress({ done: 0, total: 0, label: "Загружаю генератор примера…" });
        const { loadDemoSchool } = await import(/* webpackChunkName: "sample" */ "./demoSchool");
        const loaded = await loadDemoSchool(workbook, index, progress, signal);
        await pushWorkbookSettings(workbook);
        return loaded;
      },
      {
        doneMessage: (l) =>
          `Загружена форма школы ${l.report.passport.shortName ?? l.report.passport.name} (${l.report.passport.login}).`,
      },
    );
    setBusy(false);
    if (result.status === "done") {
      const l = result.value;
      const date = l.reportingDate.split("-").reverse().join(".");
      setNote(
        `Отчётная дата книги — ${date}.${l.situation ? ` В данных намеренно: ${l.situation.description}` : " Обычная школа без внедрённых особенностей."}`,
      );
    }
  };

  return (
    <div className={styles.root} data-testid="demo-loader">
      <Select
        className={styles.select}
        value={String(index)}
        onChange={(_, d) => setIndex(Number(d.value))}
        aria-label="Школа примера"
        disabled={busy}
      >
        {choices.map((c) => (
          <option key={c.login} value={c.index} data-login={c.login}>
            {c.label}
          </option>
        ))}
      </Select>
      <Button appearance="primary" onClick={() => void load()} disabled={busy}>
        Загрузить пример
      </Button>
      {note && (
        <Text size={200} className={styles.note} data-testid="demo-note">
          {note}
        </Text>
      )}
    </div>
  );
}

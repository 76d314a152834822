/**
 * «Импорт ФИС ОКО» on the «Форма ОО» page: the deputy director picks the ВПР reports downloaded
 * from ФИС ОКО (several at once); the school's rows are appended to the form's sheets, each marked
 * with its source file. Any error in any export imports nothing (all or nothing), and the
 * messages name the file, sheet and cell.
 */
import { useState } from "react";
import { Text, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowImportRegular } from "@fluentui/react-icons";
import type { Finding } from "../../core/model";
import { countRu } from "../../core/values";
import { importFisoko, importIntoForm, type FisokoFile } from "../../fisoko";
import { readXlsxInBrowser } from "../../xlsx/read/browser";
import { FilePicker } from "../files/FilePicker";
import { useOperation } from "../operation/OperationContext";
import { stepLabel } from "../operation/runner";
import { useWorkbook } from "../workbook/WorkbookContext";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
  error: { color: tokens.colorPaletteRedForeground1 },
});

interface Outcome {
  written: { results: number; participants: number; tasks: number } | null;
  findings: Finding[];
}

export function ImportFisokoSection() {
  const styles = useStyles();
  const { port, sheets, refresh } = useWorkbook();
  const { run, busy } = useOperation();
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const start = async (files: File[]) => {
    setOutcome(null);
    const r = await run("Импорт ФИС ОКО", async (progress, signal) => {
      const read: FisokoFile[] = [];
      const unreadable: Finding[] = [];
      for (const [i, f] of files.entries()) {
        signal.throwIfAborted();
        progress({ done: i, total: files.length, label: `${stepLabel("Файл", i + 1, files.length)}: ${f.name}` });
        try {
          read.push({ name: f.name, sheets: await readXlsxInBrowser(await f.arrayBuffer(), f.name) });
        } catch (e) {
          unreadable.push({
            severity: "error",
            rule: "file.unreadable",
            sheet: "",
            cell: "",
            message: e instanceof Error ? e.message : String(e),
          });
        }
      }
      if (unreadable.length) return { written: null, findings: unreadable };
      const imported = importFisoko(read);
      const form = await port.readSheets((sheets ?? []).map((s) => s.name));
      const result = importIntoForm(imported, form);
      signal.throwIfAborted();
      if (result.ok && result.ops.length) await port.write({ ops: result.ops });
      return { written: result.ok ? result.written : null, findings: [...imported.findings, ...result.findings] };
    });
    if (r.status === "done") setOutcome(r.value);
    refresh();
  };

  const errors = outcome?.findings.filter((f) => f.severity === "error") ?? [];
  return (
    <div className={styles.stack}>
      <Text>
        Отчёты ВПР, выгруженные из ФИС ОКО («Статистика по отметкам», «Сравнение отметок с отметками по журналу»,
        индивидуальные результаты…), добавляются в листы формы без перепечатывания; каждая строка помечается
        файлом-источником.
      </Text>
      <FilePicker
        label="Импорт ФИС ОКО…"
        icon={<ArrowImportRegular />}
        disabled={busy}
        testId="fisoko-files"
        onFiles={(files) => void start(files)}
      />
      {outcome && (
        <section aria-label="Итог импорта ФИС ОКО" className={styles.stack} data-testid="fisoko-result">
          {outcome.written ? (
            <Text weight="semibold">
              Добавлено:{" "}
              {countRu(outcome.written.results, ["строка результатов", "строки результатов", "строк результатов"])},{" "}
              {countRu(outcome.written.participants, ["участник", "участника", "участников"])},{" "}
              {countRu(outcome.written.tasks, ["задание", "задания", "заданий"])}.
            </Text>
          ) : (
            <Text weight="semibold" className={styles.error}>
              Ничего не импортировано: {countRu(errors.length, ["ошибка", "ошибки", "ошибок"])} в выгрузках.
            </Text>
          )}
          {outcome.findings.length > 0 && (
            <ul className={styles.list}>
              {outcome.findings.map((f, i) => (
                <li key={i}>
                  <Text className={f.severity === "error" ? styles.error : undefined}>{f.message}</Text>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}

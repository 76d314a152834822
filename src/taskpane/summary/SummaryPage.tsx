/**
 * «Свод по муниципалитету»: the methodist builds the municipal summary from the school forms in
 * this workbook (the book's own form and forms copied in as «Паспорт ОО (логин)», …) and/or from
 * .xlsx files chosen on disk (forms, ФИС ОКО exports, regional protocols of raw results, FIOKO
 * lists). Files are read one by one
 * with progress and cancel; the summary sheets replace only an earlier summary.
 */
import { useState } from "react";
import { Button, Field, Input, Text, makeStyles, tokens } from "@fluentui/react-components";
import { DataBarVerticalRegular, FolderOpenRegular } from "@fluentui/react-icons";
import { countRu } from "../../core/values";
import { formGroups, readFormGroups } from "../../summary/sources";
import { FilePicker } from "../files/FilePicker";
import { loadProfile } from "../../host/settings";
import { readChosenFiles, type ChosenFile } from "../files/readChosen";
import type { SummarizeResult } from "../../summary/run";
import { useOperation } from "../operation/OperationContext";
import { stepLabel } from "../operation/runner";
import { EmptyState, Paragraph, ReadingWorkbook } from "../shared/EmptyState";
import type { PageDef } from "../shared/page-types";
import { useWorkbook } from "../workbook/WorkbookContext";
import type { WorkbookPort } from "../../host/port";
import { NEW_BOOK_NOTE, WINDOW_NOTE, summaryIntoNewBook, summaryTarget } from "./target";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
  },
  sheetButton: { justifyContent: "flex-start", minWidth: 0, textAlign: "left" },
  notice: { color: tokens.colorPaletteDarkOrangeForeground1, overflowWrap: "anywhere" },
});

const FORMS = ["форма", "формы", "форм"] as const;

/**
 * What the page shows of a built summary. Only this is kept after the run, not the summary and the
 * consolidation themselves: with 500 forms they are hundreds of megabytes the pane would hold for as
 * long as it stays open (issue 23, bench/cases/pane-memory.mjs).
 */
interface SummaryDigest {
  schools: number;
  /** Forms included with errors or unreadable. */
  failed: number;
  /** Names of the sheets written. */
  sheets: string[];
  notices: string[];
}

function digest(result: SummarizeResult): SummaryDigest {
  return {
    schools: result.consolidation.schools.length,
    failed: result.consolidation.files.filter((f) => f.state === "includedWithErrors" || f.state === "unreadable")
      .length,
    sheets: result.written.sheets.map((s) => s.written),
    notices: result.notices,
  };
}
const SCHOOLS = ["ОО", "ОО", "ОО"] as const;

function defaultDate(): string {
  return `${new Date().getFullYear()}-12-31`;
}

export function SummaryPage() {
  const styles = useStyles();
  const { port, sheets, role, error, refresh } = useWorkbook();
  const { run, busy } = useOperation();
  const [date, setDate] = useState(defaultDate());
  const [result, setResult] = useState<SummaryDigest | null>(null);
  // The book the summary went to: this one, or a new one when this book is a school's form.
  const [target, setTarget] = useState<WorkbookPort | null>(null);
  const [windowNote, setWindowNote] = useState(false);
  const intoNew = summaryIntoNewBook(role);
  const [chosen, setChosen] = useState<ChosenFile[]>([]);
  if (!sheets) return <ReadingWorkbook error={error} />;
  const groups = formGroups(sheets.map((s) => s.name));
  const sources = groups.length + chosen.length;

  const build = async () => {
    setResult(null);
    setWindowNote(false);
    const outcome = await run(
      "Построение свода",
      async (progress, signal) => {
        // Chosen before any form is read: a school's form never receives the summary.
        const where = await summaryTarget(port, role);
        if (where.kind === "window") return null;
        const total = groups.length + chosen.length;
        const forms = await readFormGroups(port, groups, {
          signal,
          onForm: (i, n, label) => progress({ done: i - 1, total, label: `${stepLabel("Файл", i, total)}: ${label}` }),
        });
        // The book's own «Ограничения» (settings sheet) bound the files chosen from disk.
        const { profile } = await loadProfile(port);
        const files = await readChosenFiles(chosen, {
          signal,
          profile,
          slim: true,
          onFile: (i, n, name) =>
            progress({
              done: groups.length + i - 1,
              total,
              label: `${stepLabel("Файл", groups.length + i, total)}: ${name}`,
            }),
        });
        progress({ done: 0, total: 0, label: "Расчёт показателей, признаков и рисков…" });
        // The summary's model and writer load on first use: they are a fifth of the pane's code, and a
        // deputy director who only fills the form never needs them (bundle budget, bench/budget.mjs).
        const { summarizeInto } = await import(/* webpackChunkName: "summary" */ "../../summary/run");
        const result = await summarizeInto(where.port, {
          forms: [...forms, ...files.forms],
          exports: files.exports,
          raw: files.raw,
          fiokoMarkers: files.fiokoMarkers,
          riskProfiles: files.riskProfiles,
          municipalCycle: files.municipalCycle,
          municipalMeasures: files.municipalMeasures,
          municipalRechecks: files.municipalRechecks,
          evaluationDate: /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : undefined,
          signal,
          onSheet: (done, total, sheet) =>
            progress({ done, total, label: `${stepLabel("Лист", done, total)}: ${sheet}` }),
          // The forms' participant rows are not needed once the summary is built: its sheets are
          // written without them in memory (500 forms: a few hundred megabytes less at the peak).
          releaseParticipants: true,
        });
        return { result: digest(result), port: where.port, fresh: where.kind === "new" };
      },
      {
        doneMessage: (r) =>
          r
            ? `Свод построен${r.fresh ? " в новой книге" : ""}: ${countRu(r.result.schools, SCHOOLS)}, ${countRu(r.result.sheets.length, ["лист", "листа", "листов"])}.`
            : "Открыта новая книга для свода.",
      },
    );
    if (outcome.status === "done") {
      if (!outcome.value) setWindowNote(true);
      else {
        setResult(outcome.value.result);
        setTarget(outcome.value.port);
        // Show the first sheet of the summary, as Excel shows a sheet just made.
        const first = outcome.value.result.sheets[0];
        if (first) outcome.value.port.activate(first).catch(() => undefined);
      }
    }
    refresh();
  };

  const choose = (
    <>
      <FilePicker
        label="Выбрать файлы форм…"
        icon={<FolderOpenRegular />}
        disabled={busy}
        testId="summary-files"
        onFiles={(files) => {
          setChosen(files);
          setResult(null);
        }}
      />
      {chosen.length > 0 && (
        <Text data-testid="summary-chosen">
          Выбрано: {countRu(chosen.length, ["файл", "файла", "файлов"])} (формы ОО, выгрузки ФИС ОКО, протоколы
          результатов, списки ФИОКО).{" "}
          <Button appearance="subtle" size="small" onClick={() => setChosen([])}>
            Очистить
          </Button>
        </Text>
      )}
    </>
  );

  if (!sources) {
    return (
      <EmptyState
        icon={DataBarVerticalRegular}
        title={
          role === "municipal"
            ? "В книге есть лист «Свод по ОО»: это муниципальный свод. Чтобы перестроить его, добавьте в книгу формы ОО."
            : "В книге нет форм ОО для свода."
        }
        needs={[
          "файлы форм школ (.xlsx), выбранные кнопкой «Выбрать файлы форм…», — вместе с выгрузками ФИС ОКО и списками ФИОКО, если они есть;",
          "или формы школ в этой книге: лист «Паспорт ОО» и другие листы формы; формы других школ — с логином в скобках: «Паспорт ОО (edu420127)», «Результаты (edu420127)»;",
          "или командная строка: npx msoko summarize папка_с_формами --out свод.xlsx.",
        ]}
      >
        <Paragraph>
          Свод показывает результаты по школам и предметам, признаки необъективности, риски низких результатов,
          кластеры, управленческий цикл и адресные рекомендации — с обоснованием каждого числа. Формы школ не
          изменяются.
        </Paragraph>
        {choose}
      </EmptyState>
    );
  }

  const failed = result?.failed ?? 0;
  return (
    <div className={styles.stack}>
      <Paragraph>
        {groups.length ? `В книге ${countRu(groups.length, FORMS)} ОО. ` : ""}
        {intoNew
          ? NEW_BOOK_NOTE
          : "Свод запишется на отдельные листы; листы прежнего свода заменятся, ваши листы останутся нетронутыми."}
      </Paragraph>
      {choose}
      <Field
        label="Дата оценки управленческого цикла"
        hint="Компоненты с плановым сроком раньше этой даты считаются просроченными."
      >
        <Input type="date" value={date} onChange={(_, d) => setDate(d.value)} />
      </Field>
      <Button appearance="primary" icon={<DataBarVerticalRegular />} disabled={busy} onClick={build}>
        {intoNew ? "Построить свод в новой книге" : "Построить свод"}
      </Button>
      {windowNote && <Text className={styles.notice}>{WINDOW_NOTE}</Text>}
      {result && (
        <section aria-label="Итог построения свода" className={styles.stack}>
          <Text weight="semibold">
            В своде {countRu(result.schools, SCHOOLS)}
            {failed ? `; форм с ошибками: ${failed} (лист «Файлы свода»)` : ""}.
          </Text>
          <ul className={styles.list}>
            {result.sheets.map((s) => (
              <li key={s}>
                <Button
                  appearance="subtle"
                  size="small"
                  className={styles.sheetButton}
                  onClick={() => void (target ?? port).activate(s)}
                >
                  {s}
                </Button>
              </li>
            ))}
          </ul>
          {result.notices.map((n) => (
            <Text key={n} className={styles.notice}>
              {n}
            </Text>
          ))}
        </section>
      )}
    </div>
  );
}

export const summaryPage: PageDef = {
  id: "summary",
  navLabel: "Свод",
  title: "Свод по муниципалитету",
  icon: DataBarVerticalRegular,
  Component: SummaryPage,
};

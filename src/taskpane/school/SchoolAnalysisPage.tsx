/**
 * «Анализ ОО» (its own page, pages/school.tsx): the deputy director chooses the procedure, year, grades and
 * subjects the form holds and generates the analysis sheets (ВСОКО) with «Выводы и решения».
 * The page reads and writes only through the pane's WorkbookPort and runs the work through the
 * operation runner (progress, cancel); it never touches Excel or Office.
 */
import { useCallback, useEffect, useMemo, useState } from "react";
import {
  Body1,
  Button,
  Checkbox,
  Dropdown,
  Field,
  Option,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { DocumentBulletListRegular } from "@fluentui/react-icons";
import type { Procedure } from "../../core/model";
import { useOperation } from "../operation/OperationContext";
import { useWorkbook } from "../workbook/WorkbookContext";
import { doneMessage, generateSchoolAnalysis, loadSchoolForm, type AnalysisSelection, type LoadedForm } from "./run";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  list: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS },
  error: { color: tokens.colorPaletteRedForeground1 },
  muted: { color: tokens.colorNeutralForeground3 },
});

type LoadState = { status: "loading" } | { status: "failed"; message: string } | { status: "ready"; form: LoadedForm };

function toggle<T>(list: readonly T[], value: T, on: boolean): T[] {
  return on ? [...list.filter((x) => x !== value), value] : list.filter((x) => x !== value);
}

export function SchoolAnalysisPage() {
  const styles = useStyles();
  const { port, sheets, fileName } = useWorkbook();
  const { run, busy } = useOperation();
  const [load, setLoad] = useState<LoadState>({ status: "loading" });
  const [key, setKey] = useState("");
  const [grades, setGrades] = useState<number[]>([]);
  const [subjects, setSubjects] = useState<string[]>([]);

  const reload = useCallback(() => {
    setLoad({ status: "loading" });
    loadSchoolForm(port, fileName).then(
      (form) => setLoad({ status: "ready", form }),
      (e: unknown) =>
        setLoad({
          status: "failed",
          message: `Не удалось прочитать форму: ${e instanceof Error ? e.message : String(e)}`,
        }),
    );
  }, [port, fileName]);

  // Re-read when the sheet list changes (the form was filled or the analysis rewritten).
  const sheetKey = (sheets ?? []).map((s) => s.name).join("|");
  useEffect(reload, [reload, sheetKey]);

  const choices = useMemo(() => (load.status === "ready" ? load.form.choices : []), [load]);
  const chosen = useMemo(() => choices.find((c) => `${c.procedure}|${c.year}` === key) ?? choices[0], [choices, key]);

  if (load.status === "loading") return <Spinner label="Чтение формы ОО…" />;
  if (load.status === "failed") return <Text className={styles.error}>{load.message}</Text>;
  const { report, findings } = load.form;
  if (!report) {
    const first = findings.find((f) => f.severity === "error");
    return (
      <div className={styles.page}>
        <Body1>Форма ОО в книге не найдена или не распознана: анализ строится по заполненной форме школы.</Body1>
        {first && (
          <Text
            className={styles.error}
          >{`Лист «${first.sheet}»${first.cell ? `, ячейка ${first.cell}` : ""}: ${first.message}`}</Text>
        )}
        <Button onClick={reload}>Прочитать снова</Button>
      </div>
    );
  }
  if (!chosen) return <Body1>В форме нет результатов процедур: заполните листы «Участники» или «Результаты».</Body1>;

  const selection: AnalysisSelection = {
    procedure: chosen.procedure as Procedure,
    year: chosen.year,
    grades: grades.filter((g) => chosen.grades.includes(g)),
    subjects: subjects.filter((s) => chosen.subjects.includes(s)),
  };
  const errors = findings.filter((f) => f.severity === "error").length;

  const generate = () => {
    void run(
      "Анализ ОО",
      (progress, signal) =>
        generateSchoolAnalysis(
          port,
          report,
          selection,
          (done, total, label) => progress({ done, total, label }),
          signal,
        ),
      { doneMessage: (r) => doneMessage(r, selection) },
    ).then((outcome) => {
      // Show the first analysis sheet, as Excel shows a sheet just made.
      const first = outcome.status === "done" ? outcome.value.written.sheets[0]?.written : undefined;
      if (first) port.activate(first).catch(() => undefined);
    });
  };

  return (
    <div className={styles.page}>
      <Body1>
        Аналитические листы по результатам школы (четыре этапа интерпретации ВСОКО): индивидуальные результаты (только
        коды), статистика отметок, сравнение с журналом, распределение баллов, выполнение заданий, группы по отметкам,
        комплексный анализ и лист «Выводы и решения». Листы формы не изменяются.
      </Body1>
      {errors > 0 && (
        <Text
          className={styles.error}
        >{`В форме есть ошибки (${errors}): проверьте её на странице «Проверка» — числа анализа могут быть неполными.`}</Text>
      )}
      <Field label="Процедура и год">
        <Dropdown
          value={`${chosen.procedure} ${chosen.year}`}
          selectedOptions={[`${chosen.procedure}|${chosen.year}`]}
          onOptionSelect={(_, d) => d.optionValue && setKey(d.optionValue)}
        >
          {choices.map((c) => (
            <Option
              key={`${c.procedure}|${c.year}`}
              value={`${c.procedure}|${c.year}`}
            >{`${c.procedure} ${c.year}`}</Option>
          ))}
        </Dropdown>
      </Field>
      <Field label="Классы (параллели)" hint="Ничего не выбрано — все параллели.">
        <div className={styles.list}>
          {chosen.grades.map((g) => (
            <Checkbox
              key={g}
              label={`${g} класс`}
              checked={selection.grades.includes(g)}
              onChange={(_, d) => setGrades(toggle(grades, g, !!d.checked))}
            />
          ))}
        </div>
      </Field>
      <Field label="Предметы" hint="Ничего не выбрано — все предметы.">
        <div className={styles.list}>
          {chosen.subjects.map((s) => (
            <Checkbox
              key={s}
              label={s}
              checked={selection.subjects.includes(s)}
              onChange={(_, d) => setSubjects(toggle(subjects, s, !!d.checked))}
            />
          ))}
        </div>
      </Field>
      <Button
        appearance="primary"
        icon={<DocumentBulletListRegular />}
        disabled={busy}
        onClick={generate}
        data-testid="school-analysis-run"
      >
        Сформировать анализ
      </Button>
      <Text className={styles.muted}>
        Повторное построение заменяет только листы «Анализ ОО — …», созданные надстройкой. Заполненные столбцы
        «Ответственный», «Срок», «Документ решения» переносите в лист «Цикл» — лист выводов пересоздаётся.
      </Text>
    </div>
  );
}

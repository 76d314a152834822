/**
 * «Форма ОО»: creates the municipality's standard form in the open workbook (only the sheets it
 * lacks — an existing sheet is never touched), lists the form's sheets from the schema with a mark
 * for those already present, and says in a few steps how to fill it. «Вид формы» chooses between a
 * school's form and a kindergarten's (passport type «детский сад», «Группы МКДО», «Цикл» — the
 * sheets of `msoko template --preschool`); once the book has a passport, its «Тип ОО» decides. When
 * the workbook is a school form, the sections of form/sections.ts («Импорт ФИС ОКО») follow. The
 * result of «Создать форму» is shown here only (not again in the status area), and the first new
 * sheet is activated, as Excel shows a sheet just inserted.
 */
import { useState } from "react";
import { Badge, Button, Field, Radio, RadioGroup, Text, makeStyles, tokens } from "@fluentui/react-components";
import { CheckmarkCircleRegular, DocumentAddRegular, DocumentTableRegular } from "@fluentui/react-icons";
import { createForm, readFormKind } from "../../form/actions";
import { useOperation } from "../operation/OperationContext";
import { useWorkbook } from "../workbook/WorkbookContext";
import { useWorkbookRead } from "../workbook/useWorkbookRead";
import { SCHOOL_FORM_SHEET, hasSheet } from "../workbook/role";
import { useNavigate } from "../shared/navigation";
import { Paragraph, ReadingWorkbook } from "../shared/EmptyState";
import {
  FORM_KINDS,
  createFormIntro,
  createFormMessage,
  extraNotices,
  fillSteps,
  formHeadline,
  formSheetRows,
  type CreateFormResult,
  type FormKind,
} from "./formModel";
import { FORM_SECTIONS } from "./sections";

const useStyles = makeStyles({
  box: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  title: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS, margin: 0 },
  icon: { fontSize: "24px", flexShrink: 0, color: tokens.colorBrandForeground1 },
  heading: { margin: 0 },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  item: { display: "flex", flexDirection: "column", rowGap: "2px" },
  line: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: "2px",
  },
  steps: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  present: { color: tokens.colorPaletteGreenForeground1 },
  notices: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  section: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

export function FormPage() {
  const styles = useStyles();
  const { port, sheets, error } = useWorkbook();
  const { run, busy } = useOperation();
  const navigate = useNavigate();
  const [result, setResult] = useState<CreateFormResult | null>(null);
  const [chosen, setChosen] = useState<FormKind>("school");
  const names = (sheets ?? []).map((s) => s.name);
  const isForm = hasSheet(names, SCHOOL_FORM_SHEET);
  // The passport's «Тип ОО» says whose form the book is; re-read whenever the workbook changes.
  const bookKind = useWorkbookRead(readFormKind, isForm);
  if (!sheets) return <ReadingWorkbook error={error} />;
  // Until the passport is read (one small sheet), and when it cannot be read, the form is taken
  // for a school's — the most common case; the validator names a passport it cannot read.
  const kind: FormKind = isForm ? (bookKind.data ?? "school") : chosen;
  const rows = formSheetRows(names, kind);
  const missing = rows.filter((r) => !r.present).length;

  const create = async () => {
    const outcome = await run(
      "Создание формы",
      async (progress) => {
        progress({ done: 0, total: 1, label: "Записываю листы формы…" });
        const r = await createForm(port, { preschool: kind === "preschool" });
        progress({ done: 1, total: 1 });
        return r;
      },
      { doneMessage: () => "" },
    );
    if (outcome.status === "done") {
      setResult(outcome.value);
      const first = outcome.value.created[0];
      if (first) port.activate(first).catch(() => undefined);
    }
  };

  return (
    <>
      <section className={styles.box} data-testid="form-state" data-kind={isForm ? kind : ""}>
        <Text as="p" weight="semibold" className={styles.title}>
          <DocumentTableRegular className={styles.icon} aria-hidden />
          <span>{formHeadline(isForm ? kind : null)}</span>
        </Text>
        {!isForm && (
          <Field label="Вид формы">
            <RadioGroup
              layout="horizontal"
              value={chosen}
              onChange={(_, d) => setChosen(d.value === "preschool" ? "preschool" : "school")}
              disabled={busy}
            >
              {FORM_KINDS.map((k) => (
                <Radio key={k.kind} value={k.kind} label={k.label} />
              ))}
            </RadioGroup>
          </Field>
        )}
        <Paragraph>
          {isForm
            ? missing === 0
              ? "Все листы формы на месте. Заполните их и проверьте на странице «Проверка»."
              : "Недостающие листы формы можно добавить: уже заполненные листы панель не изменяет."
            : createFormIntro(kind)}
        </Paragraph>
        <Button appearance="primary" icon={<DocumentAddRegular />} onClick={create} disabled={busy || missing === 0}>
          {isForm ? "Добавить недостающие листы" : "Создать форму"}
        </Button>
        {isForm && (
          <Button onClick={() => navigate("check")} disabled={busy}>
            Перейти к проверке формы
          </Button>
        )}
      </section>

      {result && (
        <section className={styles.box} aria-live="polite" data-testid="form-result">
          <Text as="p" weight="semibold" className={styles.heading}>
            Результат
          </Text>
          <Paragraph>{createFormMessage(result)}</Paragraph>
          {extraNotices(result).length > 0 && (
            <ul className={styles.notices}>
              {extraNotices(result).map((n) => (
                <li key={n}>
                  <Text>{n}</Text>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      <Text as="h3" weight="semibold" className={styles.heading}>
        Как заполнять
      </Text>
      <ol className={styles.steps}>
        {fillSteps(kind).map((step) => (
          <li key={step}>
            <Text>{step}</Text>
          </li>
        ))}
      </ol>

      <Text as="h3" weight="semibold" className={styles.heading}>
        Листы формы
      </Text>
      <ul className={styles.list} data-testid="form-sheets">
        {rows.map((r) => (
          <li key={r.name} className={styles.item} data-sheet={r.name} data-present={r.present}>
            <span className={styles.line}>
              <Text weight="semibold">{r.name}</Text>
              {r.required && (
                <Badge appearance="outline" color="brand" size="small">
                  обязательный
                </Badge>
              )}
              {r.present && (
                <Text size={200} className={styles.present}>
                  <CheckmarkCircleRegular aria-hidden /> есть в книге
                </Text>
              )}
            </span>
            <Text size={200}>{r.purpose}</Text>
          </li>
        ))}
      </ul>

      {isForm &&
        kind === "school" &&
        FORM_SECTIONS.map(({ id, title, Component }) => (
          <section key={id} className={styles.section} data-section={id} aria-labelledby={`form-section-${id}`}>
            <Text as="h3" weight="semibold" className={styles.heading} id={`form-section-${id}`}>
              {title}
            </Text>
            <Component />
          </section>
        ))}
    </>
  );
}

/**
 * «Проверка»: validates the school form (reading only — validation never changes a cell) and
 * lists the findings grouped by sheet, each with its severity as icon AND word, the cell and the
 * Russian message with a hint. Each finding is a button: it selects its cell in the workbook.
 */
import { useState } from "react";
import { Button, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import {
  CheckmarkCircleRegular,
  ClipboardTaskListLtrRegular,
  ErrorCircleRegular,
  InfoRegular,
  WarningRegular,
  type FluentIcon,
} from "@fluentui/react-icons";
import type { Finding } from "../../core/model";
import { readFormKind, validateWorkbook } from "../../form/actions";
import { PRESCHOOL_CHECK_NOTE } from "../form/formModel";
import { describeError } from "../shared/errors";
import { useOperation } from "../operation/OperationContext";
import { EmptyState, Paragraph, ReadingWorkbook } from "../shared/EmptyState";
import { useWorkbook } from "../workbook/WorkbookContext";
import { useWorkbookRead } from "../workbook/useWorkbookRead";
import { SCHOOL_FORM_SHEET, hasSheet } from "../workbook/role";
import {
  SEVERITY_LABELS,
  countFindings,
  findingPlace,
  findingTarget,
  findingsSummary,
  groupFindings,
  type Severity,
} from "./findings";

const ICONS: Readonly<Record<Severity, FluentIcon>> = {
  error: ErrorCircleRegular,
  warning: WarningRegular,
  info: InfoRegular,
};

const useStyles = makeStyles({
  summary: {
    display: "flex",
    alignItems: "flex-start",
    columnGap: tokens.spacingHorizontalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    margin: 0,
  },
  ok: { color: tokens.colorPaletteGreenForeground1 },
  bad: { color: tokens.colorPaletteRedForeground1 },
  bigIcon: { fontSize: "20px", flexShrink: 0 },
  group: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  heading: { margin: 0 },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  finding: {
    display: "flex",
    columnGap: tokens.spacingHorizontalS,
    width: "100%",
    textAlign: "left",
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: "inherit",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    overflowWrap: "anywhere",
  },
  clickable: {
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outlineStyle: "solid", outlineWidth: "2px", outlineColor: tokens.colorStrokeFocus2 },
  },
  icon: { fontSize: "16px", flexShrink: 0, marginTop: "2px" },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorBrandForeground1 },
  body: { display: "flex", flexDirection: "column", rowGap: "2px", minWidth: 0 },
  hint: { color: tokens.colorNeutralForeground3 },
});

interface CheckResult {
  findings: Finding[];
  checkedAt: string;
}

export function CheckPage() {
  const styles = useStyles();
  const { port, sheets, error } = useWorkbook();
  const { run, busy } = useOperation();
  const [result, setResult] = useState<CheckResult | null>(null);
  const [selectError, setSelectError] = useState<string | null>(null);
  const names = (sheets ?? []).map((s) => s.name);
  const isForm = hasSheet(names, SCHOOL_FORM_SHEET);
  const kind = useWorkbookRead(readFormKind, isForm);
  if (!sheets) return <ReadingWorkbook error={error} />;
  if (!isForm) {
    return (
      <EmptyState
        icon={ClipboardTaskListLtrRegular}
        title={`В книге нет листа «${SCHOOL_FORM_SHEET}». Создайте форму на странице «Форма ОО».`}
        goTo={{ pageId: "form", label: "Перейти к странице «Форма ОО»" }}
      >
        <Paragraph>Проверять можно только книгу со стандартной формой школы.</Paragraph>
      </EmptyState>
    );
  }

  const check = async () => {
    setSelectError(null);
    const outcome = await run(
      "Проверка формы",
      async (progress) => {
        progress({ done: 0, total: 0, label: "Читаю листы формы…" });
        const { findings } = await validateWorkbook(port);
        return findings;
      },
      { doneMessage: () => "" },
    ); // the summary below is the one message (not repeated in the status area)
    if (outcome.status === "done") {
      setResult({
        findings: outcome.value,
        checkedAt: new Date().toLocaleTimeString("ru-RU", { hour: "2-digit", minute: "2-digit" }),
      });
    }
  };

  const select = (f: Finding) => {
    const target = findingTarget(f, names);
    if (!target) return;
    setSelectError(null);
    port
      .select(target.sheet, target.cell)
      .catch((e: unknown) =>
        setSelectError(`Не удалось выделить ${findingPlace(f)} на листе «${target.sheet}». ${describeError(e)}`),
      );
  };

  const counts = result ? countFindings(result.findings) : null;
  return (
    <>
      <Paragraph>
        Панель прочитает все листы формы и перечислит ошибки: лист, ячейку, что найдено и что ожидается. Проверка ничего
        не меняет в книге. Щелчок по сообщению выделяет его ячейку.
      </Paragraph>
      {kind.data === "preschool" && <Paragraph>{PRESCHOOL_CHECK_NOTE}</Paragraph>}
      <Button appearance="primary" icon={<ClipboardTaskListLtrRegular />} onClick={check} disabled={busy}>
        {result ? "Проверить снова" : "Проверить форму"}
      </Button>
      {/* Only the summary line is announced; the list would be too long to read out. */}
      <div aria-live="polite" data-testid="check-live">
        {result && counts && (
          <p
            className={styles.summary}
            data-testid="check-summary"
            data-errors={counts.error}
            data-warnings={counts.warning}
            data-infos={counts.info}
          >
            {counts.error === 0 ? (
              <CheckmarkCircleRegular className={mergeClasses(styles.bigIcon, styles.ok)} aria-hidden />
            ) : (
              <ErrorCircleRegular className={mergeClasses(styles.bigIcon, styles.bad)} aria-hidden />
            )}
            <Text weight="semibold">
              {findingsSummary(result.findings)}{" "}
              <Text weight="regular" size={200}>
                (проверено в {result.checkedAt})
              </Text>
            </Text>
          </p>
        )}
      </div>
      {result && (
        <>
          {selectError && (
            <Text as="p" role="alert" className={styles.bad}>
              {selectError}
            </Text>
          )}
          {groupFindings(result.findings).map((g) => (
            <section key={g.sheet} className={styles.group} data-sheet={g.sheet} aria-label={g.title}>
              <Text as="h3" weight="semibold" size={300} className={styles.heading}>
                {g.title}
              </Text>
              <ul className={styles.list}>
                {g.findings.map((f, i) => {
                  const Icon = ICONS[f.severity];
                  const target = findingTarget(f, names);
                  const content = (
                    <>
                      <Icon className={mergeClasses(styles.icon, styles[f.severity])} aria-hidden />
                      <span className={styles.body}>
                        <span>
                          <b className={styles[f.severity]}>{SEVERITY_LABELS[f.severity]}</b>, {findingPlace(f)}:{" "}
                          {f.message}
                        </span>
                        {f.hint && <span className={styles.hint}>{f.hint}</span>}
                      </span>
                    </>
                  );
                  return (
                    <li key={`${f.rule}|${f.cell}|${i}`}>
                      {target ? (
                        <button
                          type="button"
                          className={mergeClasses(styles.finding, styles.clickable, "msoko-finding")}
                          data-severity={f.severity}
                          data-cell={f.cell}
                          data-rule={f.rule}
                          title={`Выделить ${f.cell ? `ячейку ${target.cell}` : "лист"} «${target.sheet}»`}
                          onClick={() => select(f)}
                        >
                          {content}
                        </button>
                      ) : (
                        <div
                          className={mergeClasses(styles.finding, "msoko-finding")}
                          data-severity={f.severity}
                          data-cell={f.cell}
                          data-rule={f.rule}
                        >
                          {content}
                        </div>
                      )}
                    </li>
                  );
                })}
              </ul>
            </section>
          ))}
        </>
      )}
    </>
  );
}

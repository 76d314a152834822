/**
 * «Методика»: the effective methodology parameters (defaults plus this workbook's overrides on
 * «Настройки МСОКО»), grouped by section, each with its value, unit, the section of the methodology
 * and the value's provenance in Russian (labels.ts, with a legend); overridden ones are marked
 * «изменено в книге». A value can be changed here: the text is checked by the
 * same rules the workbook load applies (the Russian error appears under the field), written to
 * the settings sheet, the new profile is handed to the custom functions and the workbook is
 * recalculated once (save.ts), which the status area reports. «Сбросить» removes the override.
 */
import { useState } from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Field,
  Input,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { DEFAULT_PROFILE, type OverrideError, type ParamKey, type Profile } from "../../core/profile";
import type { WorkbookPort } from "../../host/port";
import { loadProfile } from "../../host/settings";
import { describeError } from "../shared/errors";
import { Paragraph } from "../shared/EmptyState";
import { useOperation } from "../operation/OperationContext";
import { useWorkbook } from "../workbook/WorkbookContext";
import { useWorkbookRead } from "../workbook/useWorkbookRead";
import { checkOverride, currentEditText } from "./edit";
import { resetOverride, saveOverride } from "./save";
import { methodologySections, type ParamRow } from "./rows";
import { TAG_LEGEND, TAG_SHORT, ruleText } from "./labels";

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  item: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: "anywhere",
  },
  meta: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
  },
  value: { fontWeight: tokens.fontWeightSemibold },
  legend: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  heading: { margin: 0 },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  errors: { margin: 0, paddingLeft: tokens.spacingHorizontalL, color: tokens.colorPaletteRedForeground1 },
});

async function readProfile(port: WorkbookPort): Promise<{ profile: Profile; errors: OverrideError[] }> {
  return loadProfile(port);
}

export interface MethodologyViewProps {
  profile: Profile;
  /** Bad overrides found on the settings sheet (not applied). */
  errors?: readonly OverrideError[];
  /** Absent: read-only (no workbook). */
  onSave?: (key: ParamKey, typed: string) => Promise<string | null>;
  onReset?: (key: ParamKey) => Promise<string | null>;
}

export function MethodologyPage() {
  const { port } = useWorkbook();
  const { data, reload } = useWorkbookRead(readProfile);
  const profile = data?.profile ?? DEFAULT_PROFILE;

  const { run } = useOperation();

  // Both return a Russian error for the field, or null when done. They run as an operation: one
  // writer at a time, and the status area says the workbook was recalculated (save.ts).
  const change = async (task: () => Promise<{ status: string }>, failed: string): Promise<string | null> => {
    const r = await run("Изменение методики", task, { doneMessage: (v) => v.status });
    if (r.status === "done") reload();
    if (r.status === "busy") return r.message;
    return r.status === "failed" ? `${failed} ${describeError(r.error)}` : null;
  };
  const onSave = async (key: ParamKey, typed: string): Promise<string | null> => {
    const check = checkOverride(key, typed);
    if (!check.ok) return check.message;
    return change(() => saveOverride(port, key, check.stored), "Не удалось записать значение в лист настроек.");
  };
  const onReset = (key: ParamKey): Promise<string | null> =>
    change(() => resetOverride(port, key), "Не удалось удалить значение из листа настроек.");
  return <MethodologyView profile={profile} errors={data?.errors} onSave={onSave} onReset={onReset} />;
}

export function MethodologyView({ profile, errors = [], onSave, onReset }: MethodologyViewProps) {
  const styles = useStyles();
  const sections = methodologySections(profile);
  return (
    <>
      <Paragraph>
        Профиль методики <b data-testid="profile-version">{profile.version}</b>
        {profile.overridden.size === 0 ? " (значения по умолчанию)" : ""}. Изменённые значения записываются в лист
        «Настройки МСОКО» этой книги и действуют в функциях МСОКО; «Сбросить» возвращает значение по умолчанию.
      </Paragraph>
      {errors.length > 0 && (
        <>
          <Text as="p" weight="semibold" className={styles.heading}>
            Не применены значения из листа настроек:
          </Text>
          <ul className={styles.errors} role="alert">
            {errors.map((e) => (
              <li key={`${e.key}|${e.ref?.cell ?? ""}`}>
                <Text>{e.message}</Text>
              </li>
            ))}
          </ul>
        </>
      )}
      <Accordion multiple collapsible defaultOpenItems={[sections[0]?.section]}>
        {sections.map(({ section, rows }) => (
          <AccordionItem key={section} value={section}>
            <AccordionHeader as="h3">{section}</AccordionHeader>
            <AccordionPanel>
              <ul className={styles.list}>
                {rows.map((r) => (
                  <ParamItem key={r.key} row={r} profile={profile} onSave={onSave} onReset={onReset} />
                ))}
              </ul>
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
      <Text as="h3" weight="semibold" block className={styles.heading}>
        Откуда взяты значения
      </Text>
      <ul className={styles.legend} data-testid="tag-legend">
        {TAG_LEGEND.map((l) => (
          <li key={l.tag}>
            <Text>
              <b>«{TAG_SHORT[l.tag]}»</b> — {l.text}
            </Text>
          </li>
        ))}
      </ul>
      <Paragraph>
        «Методика, раздел 2» и т. п. — раздел методики МСОКО, по которому считается показатель; правила разделов описаны
        на листе «Методика», который создаёт муниципальный свод.
      </Paragraph>
    </>
  );
}

function ParamItem({
  row: r,
  profile,
  onSave,
  onReset,
}: {
  row: ParamRow;
  profile: Profile;
  onSave?: MethodologyViewProps["onSave"];
  onReset?: MethodologyViewProps["onReset"];
}) {
  const styles = useStyles();
  const [editing, setEditing] = useState(false);
  const [typed, setTyped] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const overridden = r.tag === "OVERRIDE";

  const start = () => {
    setTyped(currentEditText(profile, r.key));
    setMessage(null);
    setEditing(true);
  };
  const save = async () => {
    if (!onSave) return;
    setSaving(true);
    const error = await onSave(r.key, typed);
    setSaving(false);
    setMessage(error);
    if (!error) setEditing(false);
  };
  const reset = async () => {
    if (!onReset) return;
    setSaving(true);
    const error = await onReset(r.key);
    setSaving(false);
    setMessage(error);
    if (!error) setEditing(false);
  };

  return (
    <li className={styles.item} data-param={r.key} data-overridden={overridden}>
      <Text id={`param-${r.key}`}>{r.label}</Text>
      <span className={styles.meta}>
        <Text className={styles.value} data-testid="param-value">
          {r.value}
        </Text>
        {/* The legend below explains every tag; the title repeats it for mouse users. */}
        <Badge appearance="outline" color={overridden ? "warning" : "informative"} title={r.tagLabel} data-tag={r.tag}>
          {TAG_SHORT[r.tag]}
        </Badge>
        <Text size={200}>{ruleText(r.rule)}</Text>
      </span>
      {editing ? (
        <>
          <Field
            label="Новое значение"
            validationMessage={message ?? undefined}
            validationState={message ? "error" : "none"}
          >
            <Input
              value={typed}
              onChange={(_, d) => setTyped(d.value)}
              onKeyDown={(e) => {
                if (e.key === "Enter") void save();
                if (e.key === "Escape") setEditing(false);
              }}
              disabled={saving}
              aria-describedby={`param-${r.key}`}
            />
          </Field>
          <span className={styles.actions}>
            <Button size="small" appearance="primary" onClick={() => void save()} disabled={saving}>
              Сохранить
            </Button>
            <Button size="small" onClick={() => setEditing(false)} disabled={saving}>
              Отмена
            </Button>
          </span>
        </>
      ) : (
        onSave && (
          <span className={styles.actions}>
            <Button size="small" onClick={start} aria-label={`Изменить: ${r.label}`}>
              Изменить
            </Button>
            {overridden && onReset && (
              <Button size="small" onClick={() => void reset()} disabled={saving} aria-label={`Сбросить: ${r.label}`}>
                Сбросить
              </Button>
            )}
          </span>
        )
      )}
      {!editing && message && (
        <Text role="alert" className={styles.errors}>
          {message}
        </Text>
      )}
    </li>
  );
}

/** The pane header: the add-in name and what kind of workbook is open. */
import { Badge, Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowClockwiseRegular } from "@fluentui/react-icons";
import { useWorkbook } from "../workbook/WorkbookContext";
import { ROLE_LABELS } from "../workbook/role";

const useStyles = makeStyles({
  header: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    paddingTop: tokens.spacingVerticalM,
    paddingLeft: tokens.spacingHorizontalM,
    paddingRight: tokens.spacingHorizontalM,
  },
  role: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    minWidth: 0,
  },
  file: {
    minWidth: 0,
    maxWidth: "100%",
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
    color: tokens.colorNeutralForeground3,
  },
  title: { margin: 0 },
  error: { color: tokens.colorPaletteRedForeground1, overflowWrap: "anywhere" },
});

export function Header() {
  const styles = useStyles();
  const { role, fileName, error, refresh } = useWorkbook();
  return (
    <header className={styles.header}>
      <Text as="h1" size={500} weight="semibold" className={styles.title}>
        МСОКО для Excel
      </Text>
      <div className={styles.role} data-testid="workbook-role" data-role={role ?? ""}>
        <Text>Книга:</Text>
        {role ? (
          <Badge appearance="tint" color={role === "other" ? "informative" : "brand"}>
            {ROLE_LABELS[role]}
          </Badge>
        ) : (
          <Text>{error ? "не прочитана" : "определяется…"}</Text>
        )}
        {fileName && (
          <Text size={200} className={styles.file} title={fileName}>
            {fileName}
          </Text>
        )}
      </div>
      {error && (
        <div className={styles.role}>
          <Text size={200} className={styles.error} role="alert">
            {error}
          </Text>
          <Button size="small" icon={<ArrowClockwiseRegular />} onClick={refresh}>
            Прочитать снова
          </Button>
        </div>
      )}
    </header>
  );
}

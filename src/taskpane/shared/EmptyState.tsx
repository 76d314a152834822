/**
 * The common look of a page that has nothing to show yet: what the page is for, what the user
 * needs to do first, and (optionally) a button that takes them there.
 */
import type { ReactNode } from "react";
import { Badge, Button, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { FluentIcon } from "@fluentui/react-icons";
import { useNavigate } from "./navigation";

const useStyles = makeStyles({
  box: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    overflowWrap: "anywhere",
  },
  title: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS, margin: 0 },
  paragraph: { margin: 0 },
  icon: { fontSize: "24px", flexShrink: 0, color: tokens.colorBrandForeground1 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  badge: { alignSelf: "flex-start" },
});

export interface EmptyStateProps {
  icon: FluentIcon;
  /** The main sentence, e.g. «В книге нет листа «Паспорт ОО».» */
  title: string;
  children?: ReactNode;
  /** «Что понадобится» — bullet points. */
  needs?: string[];
  /** A button leading to another page. */
  goTo?: { pageId: string; label: string };
  /** True while the page's features are not built yet: says so instead of pretending. */
  inDevelopment?: boolean;
}

export function EmptyState({ icon: Icon, title, children, needs, goTo, inDevelopment }: EmptyStateProps) {
  const styles = useStyles();
  const navigate = useNavigate();
  return (
    <section className={styles.box} data-testid="empty-state">
      <Text as="p" weight="semibold" className={styles.title}>
        <Icon className={styles.icon} aria-hidden />
        <span>{title}</span>
      </Text>
      {children}
      {needs && needs.length > 0 && (
        <>
          <Text as="p" weight="semibold" className={styles.paragraph}>
            Что понадобится:
          </Text>
          <ul className={styles.list}>
            {needs.map((n) => (
              <li key={n}>
                <Text>{n}</Text>
              </li>
            ))}
          </ul>
        </>
      )}
      {goTo && (
        <Button appearance="primary" onClick={() => navigate(goTo.pageId)}>
          {goTo.label}
        </Button>
      )}
      {inDevelopment && (
        <Badge appearance="tint" color="informative" className={styles.badge}>
          Раздел в разработке
        </Badge>
      )}
    </section>
  );
}

const useParagraphStyles = makeStyles({ p: { margin: 0 } });

export function Paragraph({ children }: { children: ReactNode }) {
  const styles = useParagraphStyles();
  return (
    <Text as="p" block className={styles.p}>
      {children}
    </Text>
  );
}

/** Shown while the sheet list is being read (the pages decide from it). */
export function ReadingWorkbook({ error }: { error: string | null }) {
  if (error) {
    return (
      <Text as="p" role="alert">
        {error}
      </Text>
    );
  }
  return <Spinner size="small" label="Читаю список листов книги…" />;
}

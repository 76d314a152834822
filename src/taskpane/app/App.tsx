/**
 * The pane shell: header, page tabs, status area and the current page, each page inside its own
 * error boundary. Pure React: the workbook arrives as a WorkbookSource, the runner as an
 * OperationRunner, so the same shell runs in Excel, in the preview and in tests.
 */
import { useCallback, useState } from "react";
import { Tab, TabList, Text, makeStyles, tokens, type SelectTabData } from "@fluentui/react-components";
import { ErrorBoundary } from "./ErrorBoundary";
import { Header } from "./Header";
import { PAGES, DEFAULT_PAGE_ID, findPage } from "../pages";
import { NavigationProvider } from "../shared/navigation";
import { OperationProvider, StatusArea } from "../operation/OperationContext";
import type { OperationRunner } from "../operation/runner";
import { WorkbookProvider } from "../workbook/WorkbookContext";
import type { WorkbookSource } from "../workbook/source";

const useStyles = makeStyles({
  pane: {
    display: "flex",
    flexDirection: "column",
    minHeight: "100%",
    minWidth: 0,
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  // Seven tabs cannot sit in one row of a 320 px pane: a grid of equal cells wraps them (three to a
  // row at 320 px; a narrower cell would cut «Анализ ОО» and «Методика»).
  tabs: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(96px, 1fr))",
    paddingLeft: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalS,
    paddingTop: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  // Icon above the label: a 100 px cell then holds «Методика» without cutting it.
  tab: {
    justifyItems: "center",
    justifyContent: "center",
    rowGap: tokens.spacingVerticalXXS,
    minWidth: 0,
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
    textAlign: "center",
  },
  // Fluent places the label in grid column 2 beside the icon; row 2 puts it under the icon.
  tabLabel: { gridColumnStart: 1, gridRowStart: 2, whiteSpace: "nowrap", textOverflow: "ellipsis" },
  heading: { margin: 0 },
  main: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minWidth: 0,
    overflowWrap: "anywhere",
  },
});

export interface PaneProps {
  source: WorkbookSource;
  runner: OperationRunner;
  initialPage?: string;
}

export function Pane({ source, runner, initialPage }: PaneProps) {
  const styles = useStyles();
  const [pageId, setPageId] = useState(initialPage && findPage(initialPage) ? initialPage : DEFAULT_PAGE_ID);
  const page = findPage(pageId) ?? PAGES[0];
  const navigate = useCallback((id: string) => {
    if (findPage(id)) setPageId(id);
  }, []);
  const onTabSelect = useCallback((_: unknown, data: SelectTabData) => navigate(String(data.value)), [navigate]);
  const PageComponent = page.Component;
  return (
    <ErrorBoundary where="панель">
      <WorkbookProvider source={source}>
        <OperationProvider runner={runner}>
          <NavigationProvider value={navigate}>
            <div className={styles.pane}>
              <Header />
              <nav aria-label="Разделы панели">
                <TabList className={styles.tabs} selectedValue={page.id} onTabSelect={onTabSelect} size="small">
                  {PAGES.map((p) => {
                    const Icon = p.icon;
                    return (
                      <Tab
                        key={p.id}
                        value={p.id}
                        id={`tab-${p.id}`}
                        aria-controls={`page-${p.id}`}
                        icon={<Icon />}
                        content={{ className: styles.tabLabel }}
                        className={styles.tab}
                        title={p.title}
                      >
                        {p.navLabel}
                      </Tab>
                    );
                  })}
                </TabList>
              </nav>
              <StatusArea />
              <main
                className={styles.main}
                id={`page-${page.id}`}
                role="tabpanel"
                aria-labelledby={`tab-${page.id}`}
                data-page={page.id}
              >
                <Text as="h2" size={400} weight="semibold" className={styles.heading}>
                  {page.title}
                </Text>
                <ErrorBoundary key={page.id} where={`страницу «${page.title}»`}>
                  <PageComponent />
                </ErrorBoundary>
              </main>
            </div>
          </NavigationProvider>
        </OperationProvider>
      </WorkbookProvider>
    </ErrorBoundary>
  );
}

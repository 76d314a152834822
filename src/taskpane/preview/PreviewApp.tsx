/**
 * The browser preview: the in-memory workbook's grid beside the very same pane (the pane on the
 * right in a wide window, above the grid in a narrow one), plus a theme switch. Nothing leaves the browser; reloading the page
 * starts with a fresh workbook.
 */
import { useEffect, useState } from "react";
import { Switch, Tab, TabList, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { MemoryWorkbook } from "../../host/memory";
import { Pane } from "../app/App";
import { ThemedRoot } from "../app/mount";
import type { PaneSetup } from "../app/startup";
import type { ThemeName } from "../app/theme";
import { SheetGrid } from "./SheetGrid";
import { DemoLoader } from "./DemoLoader";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", minHeight: "100vh", boxSizing: "border-box" },
  bar: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  intro: { display: "flex", flexDirection: "column", minWidth: 0, flexBasis: "280px", flexGrow: 1 },
  split: {
    display: "flex",
    flexGrow: 1,
    minHeight: 0,
    // Narrow windows stack the pane above the grid instead of scrolling sideways.
    flexWrap: "wrap-reverse",
    alignItems: "stretch",
  },
  grid: {
    flexGrow: 1,
    flexBasis: "400px",
    minWidth: 0,
    padding: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
  },
  pane: {
    flexBasis: "320px",
    flexGrow: 0,
    flexShrink: 0,
    width: "320px",
    maxWidth: "100%",
    boxSizing: "border-box",
    borderLeft: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    display: "flex",
    flexDirection: "column",
  },
});

export interface PreviewProps {
  workbook: MemoryWorkbook;
  setup: PaneSetup;
  initialTheme: ThemeName;
}

export function PreviewApp({ workbook, setup, initialTheme }: PreviewProps) {
  const [theme, setTheme] = useState<ThemeName>(initialTheme);
  return (
    <ThemedRoot theme={theme}>
      <PreviewLayout workbook={workbook} setup={setup} theme={theme} onTheme={setTheme} />
    </ThemedRoot>
  );
}

function PreviewLayout({
  workbook,
  setup,
  theme,
  onTheme,
}: {
  workbook: MemoryWorkbook;
  setup: PaneSetup;
  theme: ThemeName;
  onTheme(t: ThemeName): void;
}) {
  const styles = useStyles();
  // Books the pane opened (a summary built from a school's form goes to a new book): shown as
  // tabs above the grid, the newest selected, as Excel brings a new book to the front.
  const [books, setBooks] = useState<MemoryWorkbook[]>([workbook]);
  const [shown, setShown] = useState(0);
  useEffect(
    () =>
      workbook.onChange(() => {
        if (workbook.opened.length + 1 === books.length) return;
        setBooks([workbook, ...workbook.opened]);
        setShown(workbook.opened.length);
      }),
    [workbook, books.length],
  );
  return (
    <div className={styles.page}>
      <div className={styles.bar}>
        <div className={styles.intro}>
          <Text weight="semibold">Предпросмотр без Excel</Text>
          <Text size={200}>
            Панель надстройки работает здесь, как в Excel, с книгой в памяти браузера; листы книги показаны рядом с
            панелью (в узком окне — под ней), ячейки можно менять. Данные не покидают браузер и пропадают при
            перезагрузке страницы. «Загрузить пример» заполняет книгу формой школы из демонстрационного муниципалитета.
          </Text>
          <DemoLoader workbook={workbook} runner={setup.runner} />
        </div>
        <Switch
          label="Тёмная тема"
          checked={theme === "dark"}
          onChange={(_, d) => onTheme(d.checked ? "dark" : "light")}
        />
      </div>
      <div className={styles.split}>
        <section className={styles.grid} aria-label="Книга в памяти">
          {books.length > 1 && (
            <TabList selectedValue={String(shown)} onTabSelect={(_, d) => setShown(Number(d.value))} size="small">
              {books.map((_, i) => (
                <Tab key={i} value={String(i)}>
                  {i === 0 ? "Исходная книга" : `Новая книга ${i}`}
                </Tab>
              ))}
            </TabList>
          )}
          <SheetGrid key={shown} workbook={books[shown] ?? workbook} />
        </section>
        <aside className={styles.pane} aria-label="Панель надстройки" data-testid="pane-frame">
          <Pane source={setup.source} runner={setup.runner} />
        </aside>
      </div>
    </div>
  );
}

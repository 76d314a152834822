// Renders pages and the shell to HTML in Node (react-dom/server) and checks the Russian text the
// user sees for each workbook role. Interaction is covered by the browser tests (test/e2e).
import { describe, expect, it } from "vitest";
import { renderToString } from "react-dom/server";
import type { ReactNode } from "react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { MemoryWorkbook } from "../../../src/host/memory";
import type { SheetInfo } from "../../../src/host/port";
import { Pane } from "../../../src/taskpane/app/App";
import { ErrorBoundary, ErrorFallback } from "../../../src/taskpane/app/ErrorBoundary";
import { DEFAULT_PAGE_ID, PAGES, findPage } from "../../../src/taskpane/pages";
import { createOperationRunner } from "../../../src/taskpane/operation/runner";
import { OperationProvider, StatusArea } from "../../../src/taskpane/operation/OperationContext";
import { WorkbookStateContext, type WorkbookState } from "../../../src/taskpane/workbook/WorkbookContext";
import { detectRole } from "../../../src/taskpane/workbook/role";
import { workbookSource } from "../../../src/taskpane/workbook/source";

function textOf(html: string): string {
  return html
    .replace(/<style[^>]*>[\s\S]*?<\/style>/g, " ")
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}

function render(node: ReactNode): string {
  return textOf(renderToString(<FluentProvider theme={webLightTheme}>{node}</FluentProvider>));
}

function withSheets(names: string[] | null, node: ReactNode): string {
  const sheets: SheetInfo[] | null =
    names && names.map((name, position) => ({ name, position, visibility: "visible" }));
  const state: WorkbookState = {
    port: MemoryWorkbook.fromGrids({}),
    sheets,
    role: sheets ? detectRole(names!) : null,
    fileName: "",
    error: null,
    refresh: () => undefined,
  };
  return render(
    <WorkbookStateContext.Provider value={state}>
      <OperationProvider runner={createOperationRunner()}>{node}</OperationProvider>
    </WorkbookStateContext.Provider>,
  );
}

function page(id: string) {
  const Page = findPage(id)!.Component;
  return <Page />;
}

// The registry pulls in Fluent UI, so it is tested here with the rendering (one import per file).
describe("page registry", () => {
  it("lists the seven pages in navigation order", () => {
    expect(PAGES.map((p) => p.id)).toEqual(["form", "check", "school", "summary", "cycle", "methodology", "help"]);
    expect(PAGES.map((p) => p.title)).toEqual([
      "Форма ОО",
      "Проверка формы",
      "Анализ результатов ОО",
      "Свод по муниципалитету",
      "Управленческий цикл",
      "Методика",
      "Справка",
    ]);
    expect(PAGES.map((p) => p.navLabel)).toEqual([
      "Форма ОО",
      "Проверка",
      "Анализ ОО",
      "Свод",
      "Цикл",
      "Методика",
      "Справка",
    ]);
    expect(DEFAULT_PAGE_ID).toBe("form");
  });

  it("has unique ids usable in element ids and short tab labels", () => {
    expect(new Set(PAGES.map((p) => p.id)).size).toBe(PAGES.length);
    for (const p of PAGES) {
      expect(p.id).toMatch(/^[a-z][a-z-]*$/);
      // A tab cell of a 320 px pane holds about 10 characters.
      expect(p.navLabel.length).toBeLessThanOrEqual(10);
    }
  });

  it("finds pages by id", () => {
    expect(findPage("help")?.title).toBe("Справка");
    expect(findPage("нет такой")).toBeUndefined();
  });
});

describe("page empty states", () => {
  it("«Проверка» without the form sends the user to «Форма ОО»", () => {
    const text = withSheets(["Лист1"], page("check"));
    expect(text).toContain("В книге нет листа «Паспорт ОО». Создайте форму на странице «Форма ОО».");
    expect(text).toContain("Перейти к странице «Форма ОО»");
  });

  it("«Проверка» with the form offers the check and says it changes nothing", () => {
    const text = withSheets(["Паспорт ОО"], page("check"));
    expect(text).toContain("Проверить форму");
    expect(text).toContain("Проверка ничего не меняет в книге.");
  });

  it("«Форма ОО» offers to create the form, lists its sheets and marks those present", () => {
    const empty = withSheets(["Лист1"], page("form"));
    expect(empty).toContain("В книге нет листа «Паспорт ОО».");
    expect(empty).toContain("Создать форму");
    expect(empty).toContain("Листы формы");
    expect(empty).toContain("Результаты обязательный Итоги оценочных процедур");
    expect(empty).toContain("Как заполнять");
    expect(empty).not.toContain("есть в книге");
    expect(empty).not.toContain("Чтение формы ОО…");
    // «Вид формы» before there is a form: school (the default) or kindergarten.
    expect(empty).toContain("Вид формы школа детский сад");
    const form = withSheets(["Паспорт ОО"], page("form"));
    expect(form).not.toContain("Вид формы");
    expect(form).toContain("В книге есть лист «Паспорт ОО»: это форма школы.");
    expect(form).toContain("Добавить недостающие листы");
    expect(form).toContain("Паспорт ОО обязательный есть в книге");
    // The school's analysis is a page of its own, not a section at the bottom of the form page.
    expect(form).not.toContain("Чтение формы ОО…");
    expect(form).toContain("По заполненной форме страница «Анализ ОО» строит листы анализа школы.");
  });

  it("«Анализ ОО» without the form leads to «Форма ОО»; with the form it reads it", () => {
    const empty = withSheets([], page("school"));
    expect(empty).toContain("В книге нет листа «Паспорт ОО». Анализ строится по заполненной форме школы.");
    expect(empty).toContain("Перейти к странице «Форма ОО»");
    expect(withSheets(["Паспорт ОО"], page("school"))).toContain("Чтение формы ОО…");
  });

  it("«Цикл» without the form says what it needs; with the form it reads the «Цикл» sheet", () => {
    const empty = withSheets([], page("cycle"));
    expect(empty).toContain("Оценка управленческого цикла появится здесь.");
    expect(empty).toContain("Перейти к странице «Форма ОО»");
    expect(withSheets(["Паспорт ОО"], page("cycle"))).toContain("Читаю лист «Цикл»…");
  });

  it("«Свод» recognises a municipal summary", () => {
    expect(withSheets(["Свод по ОО"], page("summary"))).toContain(
      "В книге есть лист «Свод по ОО»: это муниципальный свод. Чтобы перестроить его, добавьте в книгу формы ОО.",
    );
    expect(withSheets([], page("summary"))).toContain("В книге нет форм ОО для свода.");
    expect(withSheets(["Паспорт ОО", "Паспорт ОО (sch2)", "Результаты (sch2)"], page("summary"))).toContain(
      "В книге 2 формы ОО.",
    );
  });

  it("«Свод» on a school's form builds in a new book, never into the form", () => {
    const text = withSheets(["Паспорт ОО", "Результаты", "Паспорт ОО (sch2)"], page("summary"));
    expect(text).toContain("Эта книга — форма ОО: свод в неё не записывается, он строится в новой книге.");
    expect(text).toContain("Построить свод в новой книге");
    expect(withSheets(["Паспорт ОО (sch2)", "Результаты (sch2)"], page("summary"))).toContain(
      "Свод запишется на отдельные листы",
    );
  });

  it("pages wait for the sheet list before deciding", () => {
    expect(withSheets(null, page("check"))).toContain("Читаю список листов книги…");
  });

  it("«Методика» lists parameters with value, tag and rule", () => {
    const text = withSheets([], page("methodology"));
    expect(text).toContain("Профиль методики msoko-2026.2 (значения по умолчанию)");
    expect(text).toContain("Изменить");
    expect(text).toContain("«изменено в книге» — значение задано на листе «Настройки МСОКО» этой книги");
    expect(text).toContain("100; 64; 36; 16; 7 общепринятое Методика, раздел 2 «Показатели результатов»");
    expect(text).toContain("«федеральный, по цитате» — значение из федерального документа, известное по цитате");
    // No catalogue tag and no bare «§» reaches the user.
    expect(text).not.toMatch(/OFFICIAL|COMMON|DEFAULT|OVERRIDE|REGIONAL|§/);
  });

  it("«Справка» opens with the pages and offers the functions and the input shape", () => {
    const text = withSheets([], page("help"));
    expect(text).toContain("Проверка — ошибки формы с листом и ячейкой.");
    expect(text).toContain("Функции МСОКО");
    expect(text).toContain("Форма входных данных");
  });
});

describe("shell", () => {
  it("renders the header, six tabs and the first page", () => {
    const text = render(
      <Pane source={workbookSource(MemoryWorkbook.fromGrids({ Лист1: [] }))} runner={createOperationRunner()} />,
    );
    expect(text).toContain("МСОКО для Excel");
    // The sheet list is read after mounting, so the server render shows the role as pending.
    expect(text).toContain("Книга: определяется…");
    for (const label of ["Форма ОО", "Проверка", "Свод", "Цикл", "Методика", "Справка"]) expect(text).toContain(label);
  });

  it("opens the requested page", () => {
    const text = render(
      <Pane
        source={workbookSource(MemoryWorkbook.fromGrids({}))}
        runner={createOperationRunner()}
        initialPage="help"
      />,
    );
    expect(text).toContain("Справка");
    expect(text).toContain("превращает таблицы");
  });

  it("status area shows the step text and «Отменить» while an operation runs", async () => {
    const runner = createOperationRunner();
    let release: () => void = () => undefined;
    const done = runner.run("Сведение", (progress) => {
      progress({ done: 2, total: 25, label: "Файл 3 из 25" });
      return new Promise<void>((r) => (release = r));
    });
    const text = render(
      <OperationProvider runner={runner}>
        <StatusArea />
      </OperationProvider>,
    );
    expect(text).toContain("Сведение");
    expect(text).toContain("Файл 3 из 25");
    expect(text).toContain("Отменить");
    release();
    await done;
  });

  it("error fallback explains in Russian and offers a retry", () => {
    const text = render(
      <ErrorFallback error={new Error("boom")} where="страницу «Методика»" onRetry={() => undefined} />,
    );
    expect(text).toContain("Не удалось показать страницу «Методика»");
    expect(text).toContain("Непредвиденная ошибка: boom");
    expect(text).toContain("Попробовать снова");
    expect(ErrorBoundary.getDerivedStateFromError(new Error("x"))).toMatchObject({ failed: true });
  });
});

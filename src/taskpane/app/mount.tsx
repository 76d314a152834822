/**
 * Renders the pane into the page with the chosen Fluent theme. Both entries (Excel and preview)
 * and the end-to-end stub go through here, so they show the very same shell.
 */
import { createRoot } from "react-dom/client";
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { ThemeName } from "./theme";

export const THEMES = { light: webLightTheme, dark: webDarkTheme } as const;

export function ThemedRoot({ theme, children }: { theme: ThemeName; children: ReactNode }) {
  return (
    <FluentProvider
      theme={THEMES[theme]}
      style={{ minHeight: "100%", display: "flex", flexDirection: "column" }}
      data-theme={theme}
    >
      {children}
    </FluentProvider>
  );
}

/** The page's #root element; a missing root is a build defect, reported in Russian on the page. */
export function rootElement(): HTMLElement {
  const root = document.getElementById("root");
  if (!root) {
    document.body.textContent = "МСОКО для Excel: на странице нет элемента #root — сборка панели повреждена.";
    throw new Error("Нет элемента #root");
  }
  return root;
}

export function mount(children: ReactNode): void {
  createRoot(rootElement()).render(children);
}

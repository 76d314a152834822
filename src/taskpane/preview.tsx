/**
 * Pane entry outside Excel (dist/preview.html): the same shell against a MemoryWorkbook, beside a
 * grid of its sheets. It loads no office.js. The memory hook (host/hook.ts) is created here, so
 * tests and curious users can reach the workbook from the console: `window.__msokoHost.workbook`.
 * `?theme=dark` starts in the dark theme.
 */
import { mount } from "./app/mount";
import { markPaneStarted, memoryWorkbookFor, setUpPane } from "./app/startup";
import type { ThemeName } from "./app/theme";
import type { MsokoHostHook } from "./host/hook";
import { PreviewApp } from "./preview/PreviewApp";
import { pushWorkbookSettingsInBackground } from "./app/functionsBridge";

function initialTheme(): ThemeName {
  const asked = new URLSearchParams(window.location.search).get("theme");
  if (asked === "dark" || asked === "light") return asked;
  return window.matchMedia?.("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

const hook: MsokoHostHook = window.__msokoHost ?? { kind: "memory" };
window.__msokoHost = hook;
const workbook = memoryWorkbookFor(hook);
const setup = setUpPane(workbook, hook);
pushWorkbookSettingsInBackground(workbook);
mount(<PreviewApp workbook={workbook} setup={setup} initialTheme={initialTheme()} />);
hook.ready = true;
markPaneStarted();

/**
 * Pane entry inside Excel. The ONLY pane module that touches the Office global: it waits for
 * Office.onReady, reads the Office theme, builds the Office.js workbook port and renders the
 * shell. When the memory hook is set (end-to-end tests, see host/hook.ts), a MemoryWorkbook
 * replaces the Office.js port.
 */
import { createOfficePort } from "../host/officejs";
import { Pane } from "./app/App";
import { ThemedRoot, mount } from "./app/mount";
import { memoryWorkbookFor, setUpPane } from "./app/startup";
import { themeFromOffice } from "./app/theme";
import { memoryHostHook } from "./host/hook";

function start(): void {
  const hook = memoryHostHook();
  const port = hook ? memoryWorkbookFor(hook) : createOfficePort();
  const { source, runner } = setUpPane(port, hook);
  const theme = themeFromOffice(Office.context?.officeTheme);
  mount(
    <ThemedRoot theme={theme}>
      <Pane source={source} runner={runner} />
    </ThemedRoot>,
  );
  if (hook) hook.ready = true;
}

Office.onReady(() => start());

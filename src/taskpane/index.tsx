/**
 * Pane entry inside Excel. The ONLY pane module that touches the Office global: it waits for
 * Office.onReady, reads the Office theme, builds the Office.js workbook port and renders the
 * shell. When the memory hook is set (end-to-end tests, see host/hook.ts), a MemoryWorkbook
 * replaces the Office.js port. Opened outside Excel, it says where it runs and links the preview.
 * Without office.js it does nothing: the page's start-up check shows why the pane cannot open.
 */
import { createOfficePort } from "../host/officejs";
import { Pane } from "./app/App";
import { ThemedRoot, mount } from "./app/mount";
import { OutsideExcel } from "./app/OutsideExcel";
import { markPaneStarted, memoryWorkbookFor, officeLoaded, setUpPane } from "./app/startup";
import { themeFromOffice } from "./app/theme";
import { pushWorkbookSettingsInBackground } from "./app/functionsBridge";
import { memoryHostHook } from "./host/hook";

function start(host: Office.HostType | null): void {
  const hook = memoryHostHook();
  const theme = themeFromOffice(Office.context?.officeTheme);
  if (!hook && host !== Office.HostType.Excel) {
    mount(
      <ThemedRoot theme={theme}>
        <OutsideExcel />
      </ThemedRoot>,
    );
    return;
  }
  const port = hook ? memoryWorkbookFor(hook) : createOfficePort();
  const { source, runner } = setUpPane(port, hook);
  // The custom functions share this runtime: give them the workbook's profile and reporting date.
  pushWorkbookSettingsInBackground(source.port);
  mount(
    <ThemedRoot theme={theme}>
      <Pane source={source} runner={runner} />
    </ThemedRoot>,
  );
  if (hook) hook.ready = true;
}

if (officeLoaded()) {
  markPaneStarted();
  Office.onReady((info) => start(info.host));
}

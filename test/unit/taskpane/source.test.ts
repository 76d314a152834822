import { describe, expect, it } from "vitest";
import { MemoryWorkbook } from "../../../src/host/memory";
import type { WorkbookPort } from "../../../src/host/port";
import { workbookSource } from "../../../src/taskpane/workbook/source";
import { createOperationRunner } from "../../../src/taskpane/operation/runner";
import { publishToHook, type MsokoHostHook } from "../../../src/taskpane/host/hook";

/** A port without change events, like the Office.js one; it delegates to a memory workbook. */
function quietPort(inner: MemoryWorkbook): WorkbookPort {
  return {
    kind: "officejs",
    listSheets: () => inner.listSheets(),
    readSheets: (n, o) => inner.readSheets(n, o),
    write: (b) => inner.write(b),
    activate: (s) => inner.activate(s),
    select: (s, a) => inner.select(s, a),
    selection: () => inner.selection(),
    capabilities: () => inner.capabilities(),
    fileName: () => inner.fileName(),
  };
}

describe("workbookSource", () => {
  it("uses the memory workbook's own change events (changes from anywhere)", async () => {
    const wb = MemoryWorkbook.fromGrids({ Лист1: [] });
    const source = workbookSource(wb);
    expect(source.port).toBe(wb);
    let calls = 0;
    const off = source.subscribe(() => calls++);
    await wb.write({ ops: [{ op: "addSheet", name: "Паспорт ОО" }] });
    expect(calls).toBe(1);
    off();
    await wb.write({ ops: [{ op: "addSheet", name: "Ещё" }] });
    expect(calls).toBe(1);
  });

  it("reports writes made through the pane for ports without events, even failed ones", async () => {
    const inner = MemoryWorkbook.fromGrids({ Лист1: [] });
    const source = workbookSource(quietPort(inner));
    let calls = 0;
    source.subscribe(() => calls++);
    await source.port.write({ ops: [{ op: "addSheet", name: "Паспорт ОО" }] });
    expect(calls).toBe(1);
    expect((await source.port.listSheets()).map((s) => s.name)).toEqual(["Лист1", "Паспорт ОО"]);
    await expect(source.port.write({ ops: [{ op: "addSheet", name: "Паспорт ОО" }] })).rejects.toThrow();
    expect(calls).toBe(2);
    expect(source.port.kind).toBe("officejs");
  });
});

describe("memory hook", () => {
  it("publishes the workbook and a demonstration operation that completes or cancels", async () => {
    const hook: MsokoHostHook = { kind: "memory" };
    const wb = MemoryWorkbook.fromGrids({ Лист1: [] });
    const runner = createOperationRunner();
    publishToHook(hook, wb, runner);
    expect(hook.workbook).toBe(wb);
    expect(await hook.demoOperation!({ steps: 3, stepMs: 0 })).toBe("done");
    expect(runner.getState()).toEqual({
      status: "done",
      title: "Пример долгой операции",
      message: "Пример долгой операции: обработано 3 файла.",
    });
    const running = hook.demoOperation!({ steps: 100, stepMs: 50 });
    await new Promise((r) => setTimeout(r, 10));
    expect(runner.getState()).toMatchObject({
      status: "running",
      progress: { done: 0, total: 100, label: "Файл 1 из 100" },
    });
    runner.cancel();
    expect(await running).toBe("cancelled");
  });
});

describe("workbookSource keeps optional port methods", () => {
  it("passes readRanges through the wrapper", async () => {
    const inner = MemoryWorkbook.fromGrids({ Лист1: [["a", "b"]] });
    const port: WorkbookPort = { ...quietPort(inner), readRanges: async (reqs) => reqs.map(() => [["x"]]) };
    const source = workbookSource(port);
    expect(await source.port.readRanges!([{ sheet: "Лист1", address: "A1" }])).toEqual([[["x"]]]);
  });
});

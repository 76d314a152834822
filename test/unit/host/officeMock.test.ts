/**
 * The Office.js port under Microsoft's office-addin-mock, where the mock's object model allows
 * (it cannot load collection items such as "items/name"): the mock throws when a property that is
 * absent from the model is loaded, and leaves unloaded properties unreadable — so these tests pin
 * down exactly what selection(), select() and activate() load and how often they sync.
 */
import { OfficeMockObject } from "office-addin-mock";
import { afterEach, describe, expect, it } from "vitest";
import { createOfficePort } from "../../../src/host/officejs";

const g = globalThis as Record<string, unknown>;
afterEach(() => {
  delete g.Excel;
  delete g.Office;
});

function install(extra: Record<string, unknown> = {}) {
  let syncs = 0;
  const calls: string[] = [];
  const data = {
    context: {
      workbook: {
        range: { address: "'Свод по ОО'!B3:C4" },
        getSelectedRange: function (this: { range: unknown }) {
          return this.range;
        },
        worksheets: {
          sheet: {
            activate: () => calls.push("activate"),
            getRange: (a: string) => ({ select: () => calls.push(`select ${a}`) }),
          },
          getItem: function (this: { sheet: unknown }, name: string) {
            calls.push(`getItem ${name}`);
            return this.sheet;
          },
        },
      },
      ...extra,
    },
    run: async function (this: { context: unknown }, cb: (ctx: unknown) => Promise<unknown>) {
      return cb(this.context);
    },
  };
  const mock = new OfficeMockObject(data) as unknown as { context: { sync: () => Promise<void> } };
  const sync = mock.context.sync.bind(mock.context);
  mock.context.sync = async () => {
    syncs++;
    await sync();
  };
  g.Excel = mock;
  return { calls, syncs: () => syncs };
}

describe("Office.js port under office-addin-mock", () => {
  it("reads the selection loading only its address, with one sync", async () => {
    const m = install();
    expect(await createOfficePort().selection()).toEqual({ sheet: "Свод по ОО", address: "B3:C4" });
    expect(m.syncs()).toBe(1);
  });

  it("selects and activates with one sync each and no loads", async () => {
    const m = install();
    const port = createOfficePort();
    await port.select("Свод по ОО", "c4:b3");
    await port.activate("Данные");
    expect(m.calls).toEqual(["getItem Свод по ОО", "activate", "select B3:C4", "getItem Данные", "activate"]);
    expect(m.syncs()).toBe(2);
  });

  it("reports capabilities from isSetSupported without touching Excel", async () => {
    install();
    g.Office = new OfficeMockObject({
      context: {
        requirements: {
          isSetSupported: (name: string, v: string) => name === "ExcelApi" && Number(v.split(".")[1]) <= 7,
        },
      },
    });
    expect(await createOfficePort().capabilities()).toEqual({
      tables: true,
      charts: true,
      conditionalFormatting: true,
      freezePanes: true,
      dataValidation: false,
      pageLayout: false,
      mergedAreas: false,
    });
  });
});

/**
 * Structural rules of manifest.xml that Office checks only at sideload time (or online):
 * every resid resolves, the shared runtime uses one URL everywhere, requirement sets are as
 * designed, every user-visible string has a ru-RU override, icons exist in assets/.
 */
import { existsSync, readFileSync } from "node:fs";
import { parseStringPromise } from "xml2js";
import { beforeAll, describe, expect, it } from "vitest";

type Node = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
let app: Node;
const xml = readFileSync("manifest.xml", "utf8");

/** All values of attribute `attr` anywhere under `node`. */
function attrs(node: unknown, attr: string, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => attrs(n, attr, out));
  else if (node && typeof node === "object") {
    for (const [k, v] of Object.entries(node)) {
      if (k === "$" && v && typeof v === "object" && attr in (v as Node)) out.push((v as Node)[attr]);
      else attrs(v, attr, out);
    }
  }
  return out;
}

beforeAll(async () => {
  app = (await parseStringPromise(xml)).OfficeApp;
});

describe("manifest.xml", () => {
  it("is a task pane add-in for workbooks with a GUID id and ReadWriteDocument only", () => {
    expect(app.$["xsi:type"]).toBe("TaskPaneApp");
    expect(app.Id[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(app.Hosts[0].Host.map((h: Node) => h.$.Name)).toEqual(["Workbook"]);
    expect(app.Permissions[0]).toBe("ReadWriteDocument");
    expect(app.AppDomains).toBeUndefined();
  });

  it("base requirements stay minimal so older Excel still gets the pane", () => {
    const sets = app.Requirements[0].Sets[0].Set.map((s: Node) => `${s.$.Name} ${s.$.MinVersion}`);
    expect(sets).toEqual(["ExcelApi 1.1"]);
  });

  it("VersionOverrides require SharedRuntime 1.1 and CustomFunctionsRuntime 1.3 (CustomFunctions.Error, ErrorCode)", () => {
    const vo = app.VersionOverrides[0];
    const sets = vo.Requirements[0]["bt:Sets"][0]["bt:Set"].map((s: Node) => `${s.$.Name} ${s.$.MinVersion}`);
    expect(sets).toEqual(["SharedRuntime 1.1", "CustomFunctionsRuntime 1.3"]);
  });

  it("the declared CustomFunctionsRuntime covers what src/functions uses", () => {
    const declared = Number(xml.match(/Name="CustomFunctionsRuntime" MinVersion="([\d.]+)"/)![1]);
    const code = ["guard.ts", "functions.ts"].map((f) => readFileSync(`src/functions/${f}`, "utf8")).join("\n");
    // CustomFunctions.Error and ErrorCode arrived in 1.2; ErrorCode was completed in 1.3.
    if (/CF\.Error|CustomFunctions\.Error/.test(code)) expect(declared).toBeGreaterThanOrEqual(1.2);
    if (/ErrorCode\./.test(code)) expect(declared).toBeGreaterThanOrEqual(1.3);
    // #ДЕЛ/0! cannot carry a message in Excel: the functions never raise it.
    expect(code).not.toMatch(/ErrorCode\.divisionByZero/);
  });

  it("every resid resolves to exactly one resource", () => {
    const res = app.VersionOverrides[0].Resources[0];
    const ids = [
      ...res["bt:Images"][0]["bt:Image"],
      ...res["bt:Urls"][0]["bt:Url"],
      ...res["bt:ShortStrings"][0]["bt:String"],
      ...res["bt:LongStrings"][0]["bt:String"],
    ].map((r: Node) => r.$.id);
    expect(new Set(ids).size).toBe(ids.length);
    const used = attrs(app.VersionOverrides[0].Hosts, "resid");
    expect(used.length).toBeGreaterThan(10);
    for (const r of used) expect(ids, `resid ${r}`).toContain(r);
    for (const id of ids) expect(used, `unused resource ${id}`).toContain(id);
  });

  it("one runtime URL for the runtime, the functions page, the function file and the pane", () => {
    const host = app.VersionOverrides[0].Hosts[0].Host[0];
    const runtime = host.Runtimes[0].Runtime[0].$;
    expect(runtime).toEqual({ resid: "Taskpane.Url", lifetime: "long" });
    const cf = host.AllFormFactors[0].ExtensionPoint[0];
    expect(cf.$["xsi:type"]).toBe("CustomFunctions");
    expect(cf.Page[0].SourceLocation[0].$.resid).toBe("Taskpane.Url");
    expect(host.DesktopFormFactor[0].FunctionFile[0].$.resid).toBe("Taskpane.Url");
    const tab = host.DesktopFormFactor[0].ExtensionPoint[0].OfficeTab[0];
    expect(tab.$.id).toBe("TabHome");
    const action = tab.Group[0].Control[0].Action[0];
    expect(action.$["xsi:type"]).toBe("ShowTaskpane");
    expect(action.SourceLocation[0].$.resid).toBe("Taskpane.Url");
    expect(action.TaskpaneId).toBeUndefined();
    expect(xml).not.toContain("<TaskpaneId>");
  });

  it("namespace MSOKO; the ru-RU metadata URL points at functions-ru.json", () => {
    const res = app.VersionOverrides[0].Resources[0];
    const ns = res["bt:ShortStrings"][0]["bt:String"].find((s: Node) => s.$.id === "Functions.Namespace");
    expect(ns.$.DefaultValue).toBe("MSOKO");
    const meta = res["bt:Urls"][0]["bt:Url"].find((u: Node) => u.$.id === "Functions.Metadata.Url");
    expect(meta.$.DefaultValue).toMatch(/\/functions\.json$/);
    expect(meta["bt:Override"][0].$).toEqual({
      Locale: "ru-RU",
      Value: meta.$.DefaultValue.replace("functions.json", "functions-ru.json"),
    });
  });

  it("every user-visible string has a Russian override", () => {
    expect(app.DisplayName[0].Override[0].$.Locale).toBe("ru-RU");
    expect(app.Description[0].Override[0].$.Locale).toBe("ru-RU");
    const res = app.VersionOverrides[0].Resources[0];
    for (const s of [...res["bt:ShortStrings"][0]["bt:String"], ...res["bt:LongStrings"][0]["bt:String"]]) {
      const o = s["bt:Override"]?.[0]?.$;
      expect(o?.Locale, s.$.id).toBe("ru-RU");
      if (s.$.id !== "Functions.Namespace") expect(o.Value, s.$.id).toMatch(/[А-Яа-яЁё]/);
    }
  });

  it("icons of 16/32/64/80 px exist in assets/ and are referenced", () => {
    for (const size of [16, 32, 64, 80]) {
      expect(existsSync(`assets/icon-${size}.png`)).toBe(true);
      const png = readFileSync(`assets/icon-${size}.png`);
      expect(png.readUInt32BE(16)).toBe(size); // IHDR width
    }
    for (const size of [16, 32, 80]) expect(xml).toContain(`assets/icon-${size}.png`);
    expect(app.HighResolutionIconUrl[0].$.DefaultValue).toContain("icon-64.png");
  });

  it("all URLs are https on one origin", () => {
    const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(https?:[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(8);
    for (const u of urls) expect(u.startsWith("https://localhost:3000/"), u).toBe(true);
  });
});

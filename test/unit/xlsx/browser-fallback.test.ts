/**
 * Issue 22: the pane's reader in a webview without DecompressionStream (older Office clients,
 * docs/compatibility.md) used to hand the whole book to exceljs, which inflates every part
 * whatever the zip directory says. Now it inflates with pako under the same per-part limits and
 * reads with the same whole-book budgets as the CLI. Forced here in Node by removing
 * DecompressionStream from the global scope.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CORPUS, HOSTILE2_DIR } from "../../fixtures/hostile2/generate";
import { readXlsxBuffer } from "../../../src/xlsx/exceljs";
import { readXlsxInBrowser } from "../../../src/xlsx/read/browser";

const FORMS = join(__dirname, "../../fixtures/forms");

function arrayBuffer(buf: Uint8Array): ArrayBuffer {
  return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
}

async function messageOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return (e as Error).message;
  }
  return "";
}

describe("the pane's reader without DecompressionStream (pako fallback)", () => {
  beforeEach(() => {
    vi.stubGlobal("DecompressionStream", undefined);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("DecompressionStream is really gone in these tests", () => {
    expect(typeof (globalThis as { DecompressionStream?: unknown }).DecompressionStream).toBe("undefined");
  });

  it("reads school forms exactly as the CLI does", async () => {
    const files = readdirSync(FORMS)
      .filter((x) => x.endsWith(".xlsx"))
      .slice(0, 3);
    expect(files).toHaveLength(3);
    for (const f of files) {
      const buf = readFileSync(join(FORMS, f));
      const cli = await readXlsxBuffer(buf, f, { formulas: false }).catch((e: Error) => e.message);
      const pane = await readXlsxInBrowser(arrayBuffer(buf), f).catch((e: Error) => e.message);
      expect(pane, f).toEqual(cli);
    }
  });

  for (const c of CORPUS.filter((x) => x.refusal !== "")) {
    it(`${c.file}: refused as in the CLI («${c.refusal}»), naming the file`, async () => {
      const buf = readFileSync(join(HOSTILE2_DIR, c.file));
      const message = await messageOf(readXlsxInBrowser(arrayBuffer(buf), c.file));
      expect(message).toContain(c.refusal);
      expect(message).toContain(`«${c.file}»`);
    });
  }

  it("a lying part stops at its declared size: the 40 MB shared strings are never held", async () => {
    const file = "lying-shared-strings.xlsx";
    const buf = readFileSync(join(HOSTILE2_DIR, file));
    const before = process.memoryUsage().arrayBuffers;
    const message = await messageOf(readXlsxInBrowser(arrayBuffer(buf), file));
    expect(message).toMatch(
      /^Часть «xl\/sharedStrings\.xml» файла «lying-shared-strings\.xlsx» распаковывается больше заявленного размера/,
    );
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(20 * 1024 * 1024);
  });

  it("the linear scans hold: unclosed tags finish within 3 s each", async () => {
    for (const c of CORPUS.filter((x) => x.kind === "scan")) {
      const buf = readFileSync(join(HOSTILE2_DIR, c.file));
      const t = Date.now();
      const message = await messageOf(readXlsxInBrowser(arrayBuffer(buf), c.file));
      expect(Date.now() - t, c.file).toBeLessThan(3000);
      if (message) expect(message, c.file).toMatch(/[А-Яа-яЁё]/);
    }
  });
});

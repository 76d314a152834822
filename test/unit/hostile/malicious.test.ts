/**
 * The malicious-file corpus (test/fixtures/malicious, built by generate.ts) through the CLI:
 * `msoko validate` and `msoko summarize` refuse each file with its Russian message — no crash,
 * no hang (each call is raced against a timeout), no prototype pollution. The committed files are
 * checked against the generator so the corpus cannot drift. Also: `xlsx` (SheetJS, with known
 * vulnerabilities in 0.18.5) is not anywhere in the dependency tree.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { run as validate } from "../../../src/cli/commands/validate";
import { run as summarize } from "../../../src/cli/commands/summarize";
import { memoryIo } from "../../../src/cli/io";
import { XlsxWorkbook, readXlsxFile } from "../../../src/xlsx/exceljs";
import { fillForm } from "../../../src/form";
import { CORPUS, MALICIOUS_DIR } from "../../fixtures/malicious/generate";
import { baseReport } from "../../fixtures/forms/base";

const dir = mkdtempSync(join(tmpdir(), "msoko-malicious-"));
const goodForm = join(dir, "школа.xlsx");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  const wb = XlsxWorkbook.create(goodForm);
  await wb.write({ ops: fillForm(baseReport()) });
  await wb.save(goodForm);
});

const protoKeys = () => Object.getOwnPropertyNames(Object.prototype).sort().join();
const PROTO = protoKeys();
afterEach(() => {
  expect(protoKeys()).toBe(PROTO);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

/** A CLI call that must finish within `ms`: a hang fails the test instead of stalling the suite. */
async function within<T>(ms: number, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`зависание: нет ответа за ${ms} мс`)), ms);
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

describe("the corpus is what the generator builds", () => {
  for (const f of CORPUS) {
    it(`${f.file} matches generate.ts`, () => {
      expect(readFileSync(join(MALICIOUS_DIR, f.file)).equals(f.build())).toBe(true);
    });
  }
});

describe("msoko validate refuses malicious files with a Russian message (exit 2)", () => {
  for (const f of CORPUS.filter((x) => x.message)) {
    it(`${f.file}: ${f.what}`, async () => {
      const io = memoryIo();
      const code = await within(8_000, validate([join(MALICIOUS_DIR, f.file)], io));
      expect(code).toBe(2);
      expect(io.stderr.join("\n")).toContain(`«${f.file}»`);
      expect(io.stderr.join("\n")).toContain(f.message);
      // JSON mode says the same, machine-readably (skipped for the slow 1 001-sheet book).
      if (f.file === "1001-sheets.xlsx") return;
      const json = memoryIo();
      expect(await within(8_000, validate([join(MALICIOUS_DIR, f.file), "--json"], json))).toBe(2);
      expect(JSON.parse(json.stdout.join("\n"))).toMatchObject({
        file: f.file,
        valid: false,
        unreadable: expect.stringContaining(f.message),
      });
    });
  }
});

describe("msoko summarize survives malicious files among the forms", () => {
  it("every corpus file with one good form: the summary is built, each bad file is listed as unreadable (exit 1)", async () => {
    const io = memoryIo();
    const out = join(dir, "свод.xlsx");
    const inputs = [goodForm, ...CORPUS.map((f) => join(MALICIOUS_DIR, f.file))];
    const code = await within(20_000, summarize([...inputs, "--out", out, "--json", join(dir, "свод.json")], io));
    expect(code).toBe(1);
    const files = (await readXlsxFile(out)).find((s) => s.name === "Файлы свода");
    const text = JSON.stringify(files?.values ?? []);
    for (const f of CORPUS.filter((x) => x.message)) expect(text, f.file).toContain(f.message.replace(/"/g, '\\"'));
  });

  it("only malicious files: nothing to build (exit 2) with the reason of each file", async () => {
    const io = memoryIo();
    const code = await within(
      10_000,
      summarize(
        [join(MALICIOUS_DIR, "zip-bomb.xlsx"), join(MALICIOUS_DIR, "xxe.xlsx"), "--out", join(dir, "пусто.xlsx")],
        io,
      ),
    );
    expect(code).toBe(2);
    const err = io.stderr.join("\n");
    expect(err).toContain("Ни одна форма ОО не прочитана: свод не построен.");
    expect(err).toContain("zip-bomb.xlsx");
    expect(err).toContain("DTD/ENTITY");
  });

  it("a summary book whose settings sheet has __proto__/constructor/prototype keys: errors, not pollution", async () => {
    const out = join(dir, "свод-с-настройками.xlsx");
    copyFileSync(join(MALICIOUS_DIR, "proto-settings.xlsx"), out);
    const io = memoryIo();
    const code = await within(15_000, summarize([goodForm, "--out", out], io));
    expect(code).toBe(0);
    const err = io.stderr.join("\n");
    expect(err).toContain(
      "Параметр «__proto__» (лист «Настройки МСОКО», ячейка B2): неизвестный параметр методики «__proto__».",
    );
    expect(err).toContain(
      "Параметр «constructor» (лист «Настройки МСОКО», ячейка B3): неизвестный параметр методики «constructor».",
    );
    expect(err).toContain("Параметр «prototype» (лист «Настройки МСОКО», ячейка B4)");
  });
});

describe("dependencies of the reading path", () => {
  it("SheetJS `xlsx` is nowhere in package-lock.json; exceljs is pinned", () => {
    const lock = JSON.parse(readFileSync("package-lock.json", "utf8")) as {
      packages: Record<string, { version?: string }>;
    };
    const names = Object.keys(lock.packages);
    expect(names.filter((n) => /(^|\/)node_modules\/xlsx$/.test(n))).toEqual([]);
    expect(lock.packages["node_modules/exceljs"]?.version).toMatch(/^4\.4\./);
    const pkg = JSON.parse(readFileSync("package.json", "utf8")) as {
      dependencies?: Record<string, string>;
      devDependencies?: Record<string, string>;
    };
    expect({ ...pkg.dependencies, ...pkg.devDependencies }.xlsx).toBeUndefined();
  });

  it("the reading path's packages are at versions past their known advisories (offline check, see docs/security.md)", () => {
    const lock = JSON.parse(readFileSync("package-lock.json", "utf8")) as {
      packages: Record<string, { version?: string }>;
    };
    const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { overrides?: Record<string, string> };
    const v = (name: string) => (lock.packages[`node_modules/${name}`]?.version ?? "0.0.0").split(".").map(Number);
    const atLeast = (name: string, min: number[]) => {
      const have = v(name);
      const cmp = have[0] - min[0] || have[1] - min[1] || have[2] - min[2];
      expect(cmp, `${name} ${have.join(".")} < ${min.join(".")}`).toBeGreaterThanOrEqual(0);
    };
    atLeast("jszip", [3, 8, 0]); // CVE-2022-48285 (path traversal in loadAsync) fixed in 3.8.0
    atLeast("tmp", [0, 2, 4]); // CVE-2025-54798 (symlink dir write) fixed in 0.2.4
    atLeast("saxes", [5, 0, 0]);
    atLeast("unzipper", [0, 12, 0]);
    expect(Object.keys(pkg.overrides ?? {})).toEqual(expect.arrayContaining(["tmp", "unzipper", "uuid"]));
  });
});

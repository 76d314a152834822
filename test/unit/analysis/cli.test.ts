import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../../../src/cli/commands/analyze";
import { memoryIo } from "../../../src/cli/io";
import { XlsxWorkbook } from "../../../src/xlsx/exceljs/workbook";
import { fillForm } from "../../../src/form/template";
import { addResult, school, withQuality } from "./build";

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "msoko-analyze-"));
  // Four СОШ город; sch4 has 30 % «2» in two procedures of 2025 (R1) and the lowest quality (R2).
  const qualities = [80, 60, 40, 20];
  for (let i = 0; i < 4; i++) {
    const s = school(`sch${i + 1}`);
    s.passport.name = `МБОУ СОШ № ${i + 1}`;
    s.passport.contingent = [{ year: 2025, grade: 5, pupils: 25 }];
    addResult(s, "ВПР", 2025, 5, "Математика", withQuality(20, qualities[i], i === 3 ? 6 : 0));
    if (i === 3) addResult(s, "ВПР", 2025, 5, "Русский язык", [0, 4, 3, 3]);
    const wb = XlsxWorkbook.create(`${s.passport.login}.xlsx`);
    await wb.write({ ops: fillForm(s) });
    await wb.save(join(dir, `${s.passport.login}.xlsx`));
  }
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("msoko analyze", () => {
  it("prints signs, risk and stability per school and writes the JSON", async () => {
    const io = memoryIo();
    const out = join(dir, "analysis.json");
    const code = await run([dir, "--json", out], io);
    expect(io.stderr).toEqual([]);
    expect(code).toBe(0);
    const text = io.stdout.join("\n");
    expect(text).toContain("sch4 — МБОУ СОШ № 4 (СОШ, город); кластер «СОШ, город», 4 школы");
    expect(text).toContain("Риск 2025: высокий — 100 из 100");
    const json = JSON.parse(await readFile(out, "utf8"));
    const s4 = json.schools.find((s: { login: string }) => s.login === "sch4");
    expect(s4.years[0].risk).toMatchObject({ level: "высокий", shnor: true });
    expect(
      s4.years[0].risk.factors.filter((f: { fired: boolean }) => f.fired).map((f: { id: string }) => f.id),
    ).toEqual(["R1", "R2"]);
  }, 120_000);

  it("--set changes a threshold; wrong arguments exit with 2", async () => {
    const io = memoryIo();
    expect(await run([dir, "--set", "r1.share=50"], io)).toBe(0);
    // R1 no longer fires: 2 of the 5 weights (R2) of the factors with data → 40 → «средний».
    expect(io.stdout.join("\n")).toContain(
      "Риск 2025: средний — 40 из 100 (средний от 25, высокий от 50, [DEFAULT]; учтены факторы с данными: R1, R2); сработал R2 «Нижняя часть кластера»; ШНОР.",
    );
    const bad = memoryIo();
    expect(await run([dir, "--set", "r1.share=двадцать"], bad)).toBe(2);
    expect(bad.stderr[0]).toContain("«r1.share»");
    expect(await run([], memoryIo())).toBe(2);
    expect(await run([join(dir, "нет.xlsx")], memoryIo())).toBe(2);
  }, 120_000);
});

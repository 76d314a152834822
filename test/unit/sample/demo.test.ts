import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeDemo } from "../../../src/cli/commands/demo";
import { memoryIo } from "../../../src/cli/io";
import { main } from "../../../src/cli/main";
import { generateMunicipality, generateSchool } from "../../../src/sample";
import type { SummaryJson } from "../../../src/summary/model/build";
import { municipalCycle, withTargets } from "../../../src/sample/cycle";
import { readXlsxFile } from "../../../src/xlsx/exceljs";

const dir = mkdtempSync(join(tmpdir(), "msoko-demo-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("msoko demo", () => {
  it("writes one filled form per school and the situations manifest", async () => {
    // A small primary school keeps the test fast; the command writes every school the same way.
    const small = generateSchool(19, { seed: 5 });
    const { municipality } = generateMunicipality({ seed: 5, schools: 1 });
    const situations = [
      {
        ...(small.situation ?? {
          id: "S20-x",
          kind: "stablyHigh",
          expectedRule: "stable.high",
          year: 2026,
          description: "проверка",
        }),
        login: small.report.passport.login,
        school: "МКОУ НОШ д. Сосновка",
      },
    ] as never;
    // The МОУО's measures target works this one school wrote, so its step 9 has data in the summary.
    const mcycle = withTargets(municipalCycle(5, [2024, 2025, 2026]), small.report.results);
    await writeDemo(dir, { ...municipality, schools: [small.report], municipalCycle: mcycle }, situations, 5);
    expect(readdirSync(dir).sort()).toEqual([
      `${small.report.passport.login}.xlsx`,
      "mouo-cycle.xlsx",
      "situations.json",
    ]);
    const manifest = JSON.parse(readFileSync(join(dir, "situations.json"), "utf8"));
    expect(manifest).toMatchObject({
      municipality: "Заречный муниципальный округ",
      seed: 5,
      schools: 1,
      years: [2024, 2025, 2026],
    });
    expect(manifest.situations[0].school).toBe("МКОУ НОШ д. Сосновка");
    // An .xlsx is a zip: "PK" signature. Reading forms back is covered by form.test.ts and the form's tests.
    expect(
      readFileSync(join(dir, `${small.report.passport.login}.xlsx`))
        .subarray(0, 2)
        .toString(),
    ).toBe("PK");
  });

  it("the demo's МОУО cycle book reaches the summary: one gap, one overdue step, in the sheet and the JSON", async () => {
    // Runs on the folder the first test wrote (one school form, mouo-cycle.xlsx, situations.json).
    const io = memoryIo();
    const out = join(dir, "out");
    mkdirSync(out);
    const json = join(out, "svod.json");
    const args = ["summarize", dir, "--out", join(out, "svod.xlsx"), "--json", json, "--date", "2026-12-31"];
    expect(await main(args, io)).toBe(0);
    expect(io.stdout).toContain("Цикл МОУО: mouo-cycle.xlsx — 252 строки.");
    const j = JSON.parse(readFileSync(json, "utf8")) as SummaryJson;
    const c = j.municipalityCycle!;
    expect(c).toMatchObject({ year: 2026, gapCount: 2, overdueCount: 1 });
    expect(c.tracks.filter((t) => t.gap !== null).map((t) => `${t.code}: ${t.status}`)).toEqual([
      "2: разрыв на этапе 7 «Меры и мероприятия»",
      "5: разрыв на этапе 9 «Анализ эффективности принятых мер»",
    ]);
    const book = await readXlsxFile(join(out, "svod.xlsx"), { formulas: false });
    const textOf = (name: string) =>
      book
        .find((s) => s.name === name)!
        .values.flat()
        .filter((v) => typeof v === "string");
    const text = [...textOf("Управленческий цикл"), ...textOf("Цикл МОУО — оценка")];
    expect(text).toContain("этап 9 «Анализ эффективности принятых мер» — срок 20.11.2026");
    expect(text).toContain("Муниципальный уровень (МОУО)");
    // --cycle must name a МОУО cycle book: a school form is refused before anything is built.
    const bad = memoryIo();
    const form = join(
      dir,
      readdirSync(dir).find((f) => f.endsWith(".xlsx") && f !== "mouo-cycle.xlsx")!,
    );
    expect(await main([...args.slice(0, 2), "--cycle", form, ...args.slice(2), "--force"], bad)).toBe(2);
    expect(bad.stderr.join("\n")).toContain("(--cycle) не книга цикла МОУО");
  });

  it("refuses wrong arguments with exit code 2 and a Russian message", async () => {
    const io = memoryIo();
    expect(await main(["demo"], io)).toBe(2);
    expect(io.stderr[0]).toContain("укажите папку: --out ПАПКА");
    expect(await main(["demo", "--out", dir, "--schools", "0"], io)).toBe(2);
    expect(io.stderr[1]).toContain("--schools ожидает целое число от 1 до 2000, а указано «0»");
    expect(await main(["demo", "--out", dir, "--seed", "x"], io)).toBe(2);
    expect(await main(["demo", "--out", dir, "--verbose"], io)).toBe(2);
    expect(io.stderr[3]).toContain("неизвестный аргумент «--verbose»");
  });
});

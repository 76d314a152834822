/**
 * docs/directions.md lists every indicator of directions 3–8 with its formula, target, bands,
 * provenance and setting keys, generated from the catalogue; the file must hold the current text.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DIRECTION_INDICATORS } from "../../../src/core/directions";
import { run } from "../../../src/cli/commands/template";
import { directionsDocsMarkdown } from "../../../src/form/directions-docs";

describe("directions reference", () => {
  const md = directionsDocsMarkdown();
  it("documents every indicator with formula, target, bands and provenance", () => {
    for (const i of DIRECTION_INDICATORS) expect(md).toContain(`\`dir.${i.id}.target\``);
    expect(md).toContain(
      "| Доля педагогов с первой и высшей квалификационной категорией | («Кадры»: Высшая категория + «Кадры»: Первая категория) / («Кадры»: Педагогов всего) × 100 | % | выше | ≥ 50 | хороший ≥ 50; средний ≥ 20; ниже — низкий | используется | [DEFAULT] значение по умолчанию надстройки; [OFFICIAL] федеральный документ |",
    );
    expect(md).toContain(
      "| Охват обучающихся 6–11 классов профминимумом | («Профориентация»: Профминимум) / (обучающихся 6–11 кл. (паспорт, контингент)) × 100 | % | выше | ≥ 100 |",
    );
    expect(md).toContain(
      "| Средний балл МКДО по областям качества | («Дошкольное»: Балл МКДО) / (число строк листа «Дошкольное» с «Балл МКДО») | балл | выше | ≥ 2,8 |",
    );
    expect(md).toContain(
      "| Вакансии педагогов | «Кадры»: Вакансий (сумма по строкам года) | ставок | ниже | ≤ 1 | хороший ≤ 1; средний ≤ 2; выше — низкий | используется |",
    );
  });
  it("docs/directions.md holds the current generated reference (regenerate: npx msoko template --directions-docs)", () => {
    const doc = readFileSync(join(__dirname, "../../../docs/directions.md"), "utf8");
    expect(doc).toContain(md);
  });
  it("`msoko template --directions-docs` prints it", async () => {
    const out: string[] = [];
    expect(await run(["--directions-docs"], { out: (l) => out.push(l), err: () => undefined })).toBe(0);
    expect(out).toEqual([md]);
  });
});

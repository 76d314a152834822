/**
 * Issue 22, item 6: a Cyrillic look-alike in a Latin login («sсh420123» with a Cyrillic «с») is
 * read as the Latin login, so the same school does not count twice; participant codes that are
 * names typed without a space («Иванов_Иван», «ВасильевВасилий») are flagged as personal data and
 * read as empty (so they never reach the school report's participants sheet), unquoted.
 */
import { describe, expect, it } from "vitest";
import type { Finding } from "../../../src/core/model";
import { coerceCell } from "../../../src/form/cells";
import { normaliseLogin } from "../../../src/form/login";
import type { ColumnSpec } from "../../../src/form/schema/types";

describe("normaliseLogin", () => {
  it("turns Cyrillic look-alikes in a Latin login into Latin", () => {
    expect(normaliseLogin("s\u0441h420123")).toBe("sch420123");
    expect(normaliseLogin("\u0435du420101")).toBe("edu420101");
    expect(normaliseLogin("SСH42О123")).toBe("SCH42O123");
  });
  it("leaves Latin logins, digits-only and real Cyrillic words as typed", () => {
    expect(normaliseLogin("sch420123")).toBe("sch420123");
    expect(normaliseLogin("420123")).toBe("420123");
    expect(normaliseLogin("школа420")).toBe("школа420");
    expect(normaliseLogin("sch_школа")).toBe("sch_школа");
  });
});

describe("participant codes that are names", () => {
  const code: ColumnSpec = { id: "code", header: "Код участника", type: "code", required: true, help: "" };
  const read = (v: string) => {
    const findings: Finding[] = [];
    const r = coerceCell(v, code, { sheet: "Участники", cell: "A7", findings });
    return { ...r, rules: findings.map((f) => f.rule), text: findings.map((f) => f.message).join(" ") };
  };
  for (const name of ["Иванов_Иван", "ВасильевВасилий", "Петрова.А", "Сидоров-Пётр"]) {
    it(`«${name}» is flagged and not kept`, () => {
      const r = read(name);
      expect(r).toMatchObject({ value: null, ok: false, rules: ["privacy.names"] });
      expect(r.text).not.toContain(name);
    });
  }
  for (const ok of ["4201-05-017", "ВПР2025_17", "5А-12", "Ученик17"]) {
    it(`«${ok}» is a code`, () => {
      expect(read(ok)).toMatchObject({ value: ok, ok: true, rules: [] });
    });
  }
});

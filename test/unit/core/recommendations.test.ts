import { describe, expect, it } from "vitest";
import { applyOverrides, DEFAULT_PROFILE } from "../../../src/core/profile";
import { basisOf, flagLabel, measuresFor, recommend } from "../../../src/core/recommendations";
import { methodologyTables } from "../../../src/summary/model/methodology-table";
import { checkOverride } from "../../../src/taskpane/methodology/edit";
import { methodologySections } from "../../../src/taskpane/methodology/rows";

const P = DEFAULT_PROFILE;

describe("targeted recommendations (methodology §8)", () => {
  it("objectivity signs call for re-checking, observers and explanatory work; the basis is the user's own neutral regulation", () => {
    const r = recommend([{ rule: "O2", detail: "пик на границе «3»", focus: "по математике (ВПР) в 5 классе" }], P);
    expect(r.map((m) => m.id)).toEqual(["recheck", "observers", "explain"]);
    expect(r[0].text).toBe(
      "Организовать независимую перепроверку работ обучающихся муниципальной предметной комиссией — по математике (ВПР) в 5 классе",
    );
    // Untargeted measures do not take the focus.
    expect(r[1].text).toBe(
      "Направить общественных (независимых) наблюдателей и организовать видеонаблюдение при проведении следующей оценочной процедуры",
    );
    expect(r[0].basis).toBe("Положение о МСОКО");
    expect(r[0].because).toEqual([
      { rule: "O2", detail: "пик на границе «3»", focus: "по математике (ВПР) в 5 классе" },
    ]);
  });
  it("the regulation's name and the measure's clause come from the profile", () => {
    const { profile, errors } = applyOverrides([
      { key: "basis.msoko", value: "Положение о МСОКО Заречного муниципального округа (приказ от 01.09.2025 № 12)" },
      { key: "basis.clause.recheck", value: "п. 5.3" },
      { key: "basis.vsoko", value: "Положение о ВСОКО МБОУ СОШ № 3" },
    ]);
    expect(errors).toEqual([]);
    const r = recommend([{ rule: "O2" }], profile);
    expect(r[0].basis).toBe("Положение о МСОКО Заречного муниципального округа (приказ от 01.09.2025 № 12), п. 5.3");
    expect(r[1].basis).toBe("Положение о МСОКО Заречного муниципального округа (приказ от 01.09.2025 № 12)");
    expect(measuresFor("SCHOOL_O2", profile)[0].basis).toBe("Положение о ВСОКО МБОУ СОШ № 3");
    expect(basisOf(P, "vsoko", "schoolRecheck")).toBe("Положение о ВСОКО ОО");
    // A clause typed as a number in the settings cell is kept as written; a blank one means no clause.
    const num = applyOverrides([{ key: "basis.clause.recheck", value: 9.4 }]).profile;
    expect(basisOf(num, "msoko", "recheck")).toBe("Положение о МСОКО, 9.4");
    expect(basisOf(applyOverrides([{ key: "basis.clause.recheck", value: "  " }]).profile, "msoko", "recheck")).toBe(
      "Положение о МСОКО",
    );
    expect(applyOverrides([{ key: "basis.msoko", value: "я".repeat(301) }]).errors[0].message).toContain(
      "не длиннее 300 знаков",
    );
  });
  it("risk factors call for the ШНОР programme, help and a partner school; targeted measures name every flag's subjects once", () => {
    const r = recommend(
      [
        { rule: "R1", focus: "по математике (ВПР) в 5 и 6 классах: не преодолели минимальный порог 34,0 % и 31,0 %" },
        { rule: "R3", focus: "по русскому языку (ВПР) в 7 классе: доля «2» выросла до 25,0 %" },
        { rule: "ШНОР" },
      ],
      P,
    );
    expect(r.map((m) => m.id)).toEqual(["shnorProgram", "methodHelp", "pdRoutes", "partnership"]);
    expect(r.find((m) => m.id === "shnorProgram")!.because.map((f) => f.rule)).toEqual(["R1", "ШНОР"]);
    expect(r.find((m) => m.id === "methodHelp")!.text).toBe(
      "Оказать ОО адресную методическую помощь — по математике (ВПР) в 5 и 6 классах: не преодолели минимальный порог 34,0 % и 31,0 %; по русскому языку (ВПР) в 7 классе: доля «2» выросла до 25,0 %",
    );
  });
  it("a cycle gap becomes its next step, once per direction and component", () => {
    const step = "Подготовить адресные рекомендации по результатам анализа";
    const r = recommend(
      [
        { rule: "CYCLE_GAP", direction: 2, component: 6, detail: step },
        { rule: "CYCLE_GAP", direction: 2, component: 6, detail: step },
      ],
      P,
    );
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ text: step, addressee: "ОО", basis: "Положение о МСОКО" });
    expect(r[0].because).toHaveLength(2);
    expect(flagLabel(r[0].because[0])).toBe("разрыв управленческого цикла: компонент 6");
  });
  it("flags have Russian labels; no measure ever rates individual teachers or names another organisation", () => {
    expect(flagLabel("STABLE_LOW")).toBe("стабильно низкие результаты");
    expect(flagLabel("STABLE_HIGH")).toBe("стабильно высокие результаты");
    expect(flagLabel("НЕИЗВЕСТНО")).toBe("признак методики");
    for (const rule of [
      "O1",
      "O2",
      "O3",
      "O4",
      "O5",
      "O6",
      "F",
      "R1",
      "R2",
      "R3",
      "R4",
      "R5",
      "STABLE_LOW",
      "STABLE_HIGH",
      "STABLE_NO_SIGNS",
      "TASK_DEFICIT",
      "SCHOOL_O1",
      "SCHOOL_O2",
      "SCHOOL_O3",
      "SCHOOL_O4",
      "SCHOOL_O5",
      "SCHOOL_O6",
      "SCHOOL_F",
      "SCHOOL_SHNOR",
      "SHARE2_RISE",
      "BASIC_MINIMUM",
      "SCHOOL_NO_FINDINGS",
    ]) {
      expect(measuresFor(rule, P).length).toBeGreaterThan(0);
      expect(flagLabel(rule)).not.toMatch(/[A-Z]{2,}_/);
      for (const m of measuresFor(rule, P)) {
        expect(m.text).not.toMatch(/рейтинг|оценить учител|оценка учител/i);
        expect(m.basis).toMatch(/^Положение о (МСОКО|ВСОКО ОО)$/);
      }
    }
    expect(recommend([{ rule: "UNKNOWN" }], P)).toEqual([]);
  });
  it("the «Методика» page and sheet list the own regulations and edit them as typed", () => {
    const section = methodologySections(P).find((x) => x.section === "Нормативная основа мер (свои положения)")!;
    expect(section.rows.slice(0, 2).map((r) => `${r.key} = ${r.value}`)).toEqual([
      "basis.msoko = Положение о МСОКО",
      "basis.vsoko = Положение о ВСОКО ОО",
    ]);
    expect(section.rows.find((r) => r.key === "basis.clause.recheck")!.value).toBe("не задано");
    expect(checkOverride("basis.vsoko", "  Положение о ВСОКО МБОУ СОШ № 3  ")).toEqual({
      ok: true,
      stored: "Положение о ВСОКО МБОУ СОШ № 3",
      text: "Положение о ВСОКО МБОУ СОШ № 3",
    });
    const sheet = methodologyTables(P)[0].rows.find((r) => r.key === "basis.clause.recheck")!;
    expect(sheet.value).toBe("не задано");
  });
});

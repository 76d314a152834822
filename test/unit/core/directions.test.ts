import { describe, expect, it } from "vitest";
import { DIRECTION_INDICATORS, municipalIndicator, schoolIndicator } from "../../../src/core/directions";
import type { SchoolReport } from "../../../src/core/model";
import { DEFAULT_PROFILE } from "../../../src/core/profile";

const ind = (id: string) => DIRECTION_INDICATORS.find((i) => i.id === id)!;

function school(
  login: string,
  teachers: number,
  highest: number,
  first: number,
  pupils4to11: number,
  olySchool: number,
): SchoolReport {
  return {
    passport: {
      login,
      name: login,
      type: "СОШ",
      location: "город",
      contingent: [
        { year: 2025, grade: 4, pupils: pupils4to11 / 2 },
        { year: 2025, grade: 11, pupils: pupils4to11 / 2 },
        { year: 2025, grade: 2, pupils: 50 },
      ],
    },
    results: [],
    participants: [],
    tasks: [],
    cycle: [],
    findings: [],
    directions: {
      staff: [{ year: 2025, values: { teachers, catHighest: highest, catFirst: first } }],
      olympiads: [
        { year: 2025, label: "школьный", values: { participantsUnique: olySchool, awardeesUnique: 5 } },
        { year: 2025, label: "муниципальный", values: { participantsUnique: 4, awardeesUnique: 1 } },
      ],
    },
  };
}

describe("indicators of directions 3–8", () => {
  const a = school("a", 40, 10, 10, 200, 50);
  const b = school("b", 10, 1, 0, 100, 10);
  it("share of teachers with first and highest category, with the methodology's bands", () => {
    expect(schoolIndicator(a, 2025, ind("categoryShare"), DEFAULT_PROFILE)).toEqual({
      numerator: 20,
      denominator: 40,
      value: 50,
      band: "хороший",
    });
    expect(schoolIndicator(b, 2025, ind("categoryShare"), DEFAULT_PROFILE)).toMatchObject({
      value: 10,
      band: "низкий",
    });
    expect(schoolIndicator(school("c", 50, 5, 5, 2, 0), 2025, ind("categoryShare"), DEFAULT_PROFILE)).toMatchObject({
      value: 20,
      band: "средний",
    });
  });
  it("olympiad school-stage share over the contingent of grades 4–11, by stage label", () => {
    expect(schoolIndicator(a, 2025, ind("olySchoolShare"), DEFAULT_PROFILE).value).toBe(25);
    expect(schoolIndicator(a, 2025, ind("olyMunicipalAwardees"), DEFAULT_PROFILE).value).toBe(1);
  });
  it("municipality pools numerators and denominators", () => {
    // (50 + 10) / (200 + 100) = 20 %
    expect(municipalIndicator([a, b], 2025, ind("olySchoolShare"), DEFAULT_PROFILE)).toMatchObject({
      numerator: 60,
      denominator: 300,
      value: 20,
    });
  });
  it("missing data gives null, not zero", () => {
    expect(schoolIndicator(a, 2024, ind("categoryShare"), DEFAULT_PROFILE)).toEqual({
      numerator: null,
      denominator: null,
      value: null,
      band: null,
    });
    expect(schoolIndicator(a, 2025, ind("grad11ToVuzShare"), DEFAULT_PROFILE).value).toBeNull();
    expect(municipalIndicator([a, b], 2025, ind("grad11ToVuzShare"), DEFAULT_PROFILE).value).toBeNull();
  });
});

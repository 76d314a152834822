/**
 * Kindergartens of the sample municipality (direction 8): a passport of type «детский сад» and
 * «Группы МКДО» — each group's МКДО level in the nine areas, some areas left unassessed for some
 * groups, so the per-area denominators differ as they do in a real monitoring. Seeded like the
 * schools: the same seed gives the same groups.
 */
import { reportOfPassport, type PreschoolGroupRow, type SchoolPassport, type SchoolReport } from "../core/model";
import { KINDERGARTEN, MKDO_AREAS } from "../core/preschool";
import { Rng } from "./random";
import { MUNICIPALITY_NAME, TOWN } from "./roster";

const GROUP_NAMES = ["Солнышко", "Колокольчик", "Радуга", "Звёздочка", "Ромашка", "Светлячок"];

/** Login of the i-th kindergarten: «doo» + six digits, apart from the schools' «edu» logins. */
export function kindergartenLogin(index: number): string {
  return `doo${420901 + index * 7}`;
}

function groupRow(year: number, group: string, rng: Rng, quality: number): PreschoolGroupRow {
  const levels: Record<string, number | null> = {};
  for (const a of MKDO_AREAS) {
    // The ОВЗ-conditions area is assessed only where a group has such children; others now and then skip an area.
    const skip = a.id === "mkdo6" ? rng.chance(0.6) : rng.chance(0.08);
    levels[a.id] = skip ? null : Math.max(1, Math.min(5, Math.round(quality + rng.uniform(-1.2, 1.2))));
  }
  return { year, group, children: rng.int(15, 25), levels };
}

/** The i-th sample kindergarten (0-based) over `years`. */
export function kindergartenReport(index: number, seed: number, years: readonly number[]): SchoolReport {
  const n = index + 1;
  const groups = GROUP_NAMES.slice(0, 3 + (index % 3));
  const quality = 2.4 + (index % 2) * 0.6;
  const preschoolGroups = years.flatMap((year) => {
    const r = Rng.derive(seed, `kindergarten|${index}|${year}`);
    return groups.map((g) => groupRow(year, g, r, quality + (year - years[0]) * 0.2));
  });
  const passport: SchoolPassport = {
    login: kindergartenLogin(index),
    name: `Муниципальное бюджетное дошкольное образовательное учреждение «Детский сад № ${n}» ${TOWN}`,
    shortName: `МБДОУ «Детский сад № ${n}»`,
    type: KINDERGARTEN,
    location: "город",
    municipality: MUNICIPALITY_NAME,
    contingent: [],
  };
  return { ...reportOfPassport(passport), preschoolGroups };
}

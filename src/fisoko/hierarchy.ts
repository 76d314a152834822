/**
 * The hierarchy rows of an export: «Вся выборка» (Russia), the region, the municipality
 * («все муниципалитеты» in some regional exports means the whole region) and schools, which
 * ФИС ОКО labels with their login, e.g. «(sch420123) МБОУ "СОШ № 1"». Exports do not mark the
 * level explicitly (only indentation, which copying loses), so it is inferred from the label
 * and from the order: Russia, then region, then municipalities, each followed by its schools.
 */
import { splitLogin } from "./login";
import { norm } from "./text";

export type HierarchyLevel = "country" | "region" | "municipality" | "school";

export const LEVEL_LABELS: Record<HierarchyLevel, string> = {
  country: "вся выборка (Россия)",
  region: "регион",
  municipality: "муниципалитет",
  school: "ОО",
};

export interface HierarchyRow {
  level: HierarchyLevel;
  /** Name without the login, e.g. «МБОУ "СОШ № 1"» or «Кемеровская область - Кузбасс». */
  name: string;
  /**
   * ФИС ОКО login, lower case: a school's (absent when its label has none — an error on import),
   * or a municipality's / region's («reg20_m012»), kept as data and out of the name.
   */
  login?: string;
}

const COUNTRY = new Set(["вся выборка", "россия", "российская федерация", "рф", "по рф", "вся россия", "по россии"]);
const REGION_WORDS =
  /(?:област|обл\.|обл$|край|республик|автономн[а-я]* округ|^г\.? ?москва$|^г\.? ?санкт-петербург$|^г\.? ?севастополь$|^москва$|^санкт-петербург$|^севастополь$|^по региону$|^регион$|^субъект)/;
const ALL_MUNICIPALITIES = /^(?:все муниципалитеты|все ате|по всем муниципалитетам)$/;
const MUNICIPALITY_WORDS = /^(?:по ате|по муниципалитету|муниципалитет|ате)$/;
/** A school's name (type abbreviations, «школа», «гимназия»…): without a login it must not pass for a municipality. */
const SCHOOL_WORDS =
  /^[а-я]{0,3}оу(?![а-яё])|(?:^|[\s«"(])(?:сош|оош|нош|школа|гимназия|лицей|кадетский корпус)(?![а-яё])/i;

/** The login and name of a school label, or null when the label carries no school login. */
export function schoolOfLabel(label: string): { login: string; name: string } | null {
  const l = splitLogin(label);
  return l && l.kind === "school" ? { login: l.login, name: l.name } : null;
}

/** Classifies labels in the order they appear in one table. */
export class HierarchyTracker {
  private seenRegion = false;
  private regionName = "";

  classify(label: string): HierarchyRow {
    const login = splitLogin(label);
    if (login?.kind === "school") return { level: "school", login: login.login, name: login.name };
    if (login?.kind === "municipality") return { level: "municipality", name: login.name, login: login.login };
    if (login?.kind === "region") {
      this.seenRegion = true;
      this.regionName = login.name;
      return { level: "region", name: login.name, login: login.login };
    }
    const t = norm(label);
    const name = label.replace(/\s+/g, " ").trim();
    if (COUNTRY.has(t)) return { level: "country", name: "Вся выборка" };
    if (ALL_MUNICIPALITIES.test(t)) {
      this.seenRegion = true;
      return { level: "region", name: this.regionName || name };
    }
    if (MUNICIPALITY_WORDS.test(t)) return { level: "municipality", name };
    if (SCHOOL_WORDS.test(t)) return { level: "school", name };
    if (!/городской округ|муниципальн|район$|^г\.|^город /.test(t) && REGION_WORDS.test(t)) {
      this.seenRegion = true;
      this.regionName = name;
      return { level: "region", name };
    }
    if (!this.seenRegion && !/городской округ|муниципальн|район|^г\.|^город /.test(t)) {
      this.seenRegion = true;
      this.regionName = name;
      return { level: "region", name };
    }
    return { level: "municipality", name };
  }
}

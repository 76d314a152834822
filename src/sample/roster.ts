/**
 * The sample municipality's schools: 25 archetypes of the usual mix (town gymnasiums and
 * lyceums, town and village secondary schools, basic and primary village schools, an evening
 * and a special-needs school), each with an ability level, a social context index and, for some,
 * the role of carrying one injected situation. Beyond 25 (benchmarks), archetypes repeat under
 * new numbers and names, without situations.
 */
import type { Location, SchoolType } from "../core/model";

/** The situation a school of the base roster carries (see situations.ts). */
export type Role =
  | "inflatedJournal"
  | "boundaryPeak"
  | "unconfirmedHigh"
  | "difficultyInversion"
  | "externalGap"
  | "olympiadAnomaly"
  | "lowTwoYears"
  | "negativeDynamics"
  | "socialConditions"
  | "cycleGap"
  | "cycleOverdue"
  | "stablyHigh"
  | "stablyLow";

export interface Archetype {
  type: SchoolType;
  location: Location;
  /** Full name pattern; «{n}» is replaced by the school's number. */
  name: string;
  shortName: string;
  /** Ability level: 0 is the municipal norm; quality ≈ Φ(0.6·θ). */
  theta: number;
  socialIndex: number;
  /** Classes per parallel in grades 1–9 and class size range. */
  classes: number;
  size: readonly [number, number];
  /** Has preschool groups (direction 8). */
  preschool?: boolean;
  role?: Role;
}

export const MUNICIPALITY_NAME = "Заречный муниципальный округ";

const TOWN = "г. Заречный";

export const BASE_ROSTER: readonly Archetype[] = [
  {
    type: "гимназия",
    location: "город",
    name: "Муниципальное бюджетное общеобразовательное учреждение «Гимназия № {n}»",
    shortName: "МБОУ «Гимназия № {n}»",
    theta: 0.8,
    socialIndex: 82,
    classes: 3,
    size: [24, 28],
  },
  {
    type: "лицей",
    location: "город",
    name: "Муниципальное автономное общеобразовательное учреждение «Лицей № {n}»",
    shortName: "МАОУ «Лицей № {n}»",
    theta: 1.1,
    socialIndex: 85,
    classes: 3,
    size: [24, 28],
    role: "stablyHigh",
  },
  {
    type: "СОШ",
    location: "город",
    name: "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № {n}»",
    shortName: "МБОУ СОШ № {n}",
    theta: 0.1,
    socialIndex: 66,
    classes: 3,
    size: [22, 27],
    role: "inflatedJournal",
  },
  {
    type: "СОШ",
    location: "город",
    name: "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № {n}»",
    shortName: "МБОУ СОШ № {n}",
    theta: -0.8,
    socialIndex: 58,
    classes: 4,
    size: [25, 28],
    role: "boundaryPeak",
  },
  {
    type: "СОШ с УИОП",
    location: "город",
    name: "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № {n} с углублённым изучением отдельных предметов»",
    shortName: "МБОУ «СОШ № {n} с УИОП»",
    theta: 0.7,
    socialIndex: 75,
    classes: 3,
    size: [24, 28],
  },
  {
    type: "СОШ",
    location: "город",
    name: "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № {n}»",
    shortName: "МБОУ СОШ № {n}",
    theta: -0.1,
    socialIndex: 62,
    classes: 2,
    size: [22, 26],
    role: "unconfirmedHigh",
  },
  {
    type: "СОШ",
    location: "город",
    name: "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № {n}»",
    shortName: "МБОУ СОШ № {n}",
    theta: 0.2,
    socialIndex: 64,
    classes: 2,
    size: [22, 26],
    role: "difficultyInversion",
  },
  {
    type: "СОШ",
    location: "город",
    name: "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № {n}»",
    shortName: "МБОУ СОШ № {n}",
    theta: -0.1,
    socialIndex: 55,
    classes: 2,
    size: [22, 26],
    role: "externalGap",
  },
  {
    type: "СОШ",
    location: "город",
    name: "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № {n}»",
    shortName: "МБОУ СОШ № {n}",
    theta: 0.15,
    socialIndex: 68,
    classes: 2,
    size: [22, 26],
    role: "olympiadAnomaly",
  },
  {
    type: "СОШ",
    location: "город",
    name: "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № {n}»",
    shortName: "МБОУ СОШ № {n}",
    theta: -0.2,
    socialIndex: 45,
    classes: 2,
    size: [20, 25],
    role: "lowTwoYears",
  },
  {
    type: "СОШ",
    location: "город",
    name: "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № {n}»",
    shortName: "МБОУ СОШ № {n}",
    theta: 0,
    socialIndex: 57,
    classes: 3,
    size: [23, 27],
    role: "negativeDynamics",
  },
  {
    type: "гимназия",
    location: "город",
    name: "Муниципальное бюджетное общеобразовательное учреждение «Гимназия № {n}»",
    shortName: "МБОУ «Гимназия № {n}»",
    theta: 0.9,
    socialIndex: 80,
    classes: 3,
    size: [24, 28],
  },
  {
    type: "ООШ",
    location: "город",
    name: "Муниципальное бюджетное общеобразовательное учреждение «Основная общеобразовательная школа № {n}»",
    shortName: "МБОУ ООШ № {n}",
    theta: -0.2,
    socialIndex: 50,
    classes: 1,
    size: [20, 25],
    role: "cycleGap",
  },
  {
    type: "вечерняя",
    location: "город",
    name: "Муниципальное бюджетное общеобразовательное учреждение «Вечерняя (сменная) общеобразовательная школа № {n}»",
    shortName: "МБОУ ВСОШ № {n}",
    theta: -0.6,
    socialIndex: 35,
    classes: 1,
    size: [12, 18],
  },
  {
    type: "коррекционная",
    location: "город",
    name: "Муниципальное казённое общеобразовательное учреждение «Специальная (коррекционная) общеобразовательная школа № {n}»",
    shortName: "МКОУ С(К)ОШ № {n}",
    theta: -0.8,
    socialIndex: 40,
    classes: 1,
    size: [9, 12],
  },
  {
    type: "ООШ",
    location: "село",
    name: "Муниципальное казённое общеобразовательное учреждение «Основная общеобразовательная школа с. Берёзовка»",
    shortName: "МКОУ ООШ с. Берёзовка",
    theta: -2.0,
    socialIndex: 30,
    classes: 1,
    size: [13, 16],
    preschool: true,
    role: "stablyLow",
  },
  {
    type: "СОШ",
    location: "село",
    name: "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа с. Покровское»",
    shortName: "МБОУ СОШ с. Покровское",
    theta: -0.1,
    socialIndex: 48,
    classes: 1,
    size: [16, 22],
    role: "cycleOverdue",
  },
  {
    type: "СОШ",
    location: "село",
    name: "Муниципальное казённое общеобразовательное учреждение «Средняя общеобразовательная школа с. Михайловка»",
    shortName: "МКОУ СОШ с. Михайловка",
    theta: -0.3,
    socialIndex: 42,
    classes: 1,
    size: [14, 20],
    preschool: true,
  },
  {
    type: "ООШ",
    location: "село",
    name: "Муниципальное казённое общеобразовательное учреждение «Основная общеобразовательная школа д. Ключи»",
    shortName: "МКОУ ООШ д. Ключи",
    theta: -0.2,
    socialIndex: 44,
    classes: 1,
    size: [8, 13],
    preschool: true,
  },
  {
    type: "НОШ",
    location: "село",
    name: "Муниципальное казённое общеобразовательное учреждение «Начальная общеобразовательная школа д. Сосновка»",
    shortName: "МКОУ НОШ д. Сосновка",
    theta: 0,
    socialIndex: 46,
    classes: 1,
    size: [6, 11],
    preschool: true,
  },
  {
    type: "СОШ",
    location: "село",
    name: "Муниципальное казённое общеобразовательное учреждение «Средняя общеобразовательная школа с. Красный Яр»",
    shortName: "МКОУ СОШ с. Красный Яр",
    theta: -0.5,
    socialIndex: 18,
    classes: 1,
    size: [14, 19],
    role: "socialConditions",
  },
  {
    type: "ООШ",
    location: "село",
    name: "Муниципальное казённое общеобразовательное учреждение «Основная общеобразовательная школа с. Каменка»",
    shortName: "МКОУ ООШ с. Каменка",
    theta: -0.3,
    socialIndex: 38,
    classes: 1,
    size: [9, 14],
    preschool: true,
  },
  {
    type: "СОШ",
    location: "село",
    name: "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа п. Заречный»",
    shortName: "МБОУ СОШ п. Заречный",
    theta: 0.05,
    socialIndex: 52,
    classes: 1,
    size: [18, 24],
  },
  {
    type: "НОШ",
    location: "село",
    name: "Муниципальное казённое общеобразовательное учреждение «Начальная общеобразовательная школа с. Ивановка»",
    shortName: "МКОУ НОШ с. Ивановка",
    theta: 0.1,
    socialIndex: 50,
    classes: 1,
    size: [5, 10],
    preschool: true,
  },
  {
    type: "СОШ",
    location: "село",
    name: "Муниципальное казённое общеобразовательное учреждение «Средняя общеобразовательная школа с. Знаменка»",
    shortName: "МКОУ СОШ с. Знаменка",
    theta: -0.15,
    socialIndex: 47,
    classes: 1,
    size: [14, 20],
  },
];

/** Villages for the names of repeated village archetypes (benchmarks). */
const VILLAGES = [
  "Александровка",
  "Васильевка",
  "Верх-Чебула",
  "Глубокое",
  "Дмитриевка",
  "Елань",
  "Журавлёво",
  "Калиновка",
  "Кедровка",
  "Листвянка",
  "Малиновка",
  "Никольское",
  "Озёрное",
  "Первомайское",
  "Раздолье",
  "Светлое",
  "Троицкое",
  "Успенка",
  "Федоровка",
  "Черёмушки",
  "Шестаково",
  "Ягодное",
];

export interface RosterEntry extends Archetype {
  index: number;
  login: string;
  /**
   * Label of the school's random streams. It is the login the demo had before it moved to the
   * `edu` form (`sch` + the same digits), so every number of the demo stayed as it was.
   */
  streamKey: string;
  name: string;
  shortName: string;
}

/** The six region-like digits of the i-th school's login, unique for i < 12 000. */
function loginDigits(index: number): number {
  return 420101 + index * 13;
}

/**
 * ФИС ОКО login of the i-th school in today's form: «edu» + six digits (ФИС ОКО has issued
 * `edu` logins since 2022; before that the same digits came with `sch`, methodology §10).
 */
export function loginOf(index: number): string {
  return `edu${loginDigits(index)}`;
}

function villageName(text: string, index: number): string {
  const village = VILLAGES[index % VILLAGES.length];
  const round = Math.floor(index / VILLAGES.length);
  return text.replace(/(с\.|д\.|п\.) [^»]+/, `с. ${village}${round > 0 ? `-${round + 1}` : ""}`);
}

/** The i-th school of the roster (0-based). Archetypes beyond 25 carry no situation. */
export function rosterEntry(index: number): RosterEntry {
  const base = BASE_ROSTER[index % BASE_ROSTER.length];
  const repeat = index >= BASE_ROSTER.length;
  const n = index + 1;
  const fill = (t: string) =>
    (repeat && base.location === "село" ? villageName(t, index) : t).replace(/\{n\}/g, String(n));
  return {
    ...base,
    role: repeat ? undefined : base.role,
    index,
    login: loginOf(index),
    streamKey: `sch${loginDigits(index)}`,
    name: fill(base.name),
    shortName: fill(base.shortName),
  };
}

export { TOWN };

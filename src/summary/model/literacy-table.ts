/**
 * Tables of functional literacy (distribution by level, share at «повышенный» + «высокий») and of
 * results of participants with ОВЗ (computed apart where N ≥ ovz.minN, else «мало участников»),
 * for the municipality and each school. The summary and the school report use the same builders.
 */
import { literacyStats } from "../../core/literacy";
import type { LiteracyRow, ParticipantRow } from "../../core/model";
import { LITERACY_LEVELS } from "../../core/model";
import { ovzStats } from "../../core/ovz";
import type { Profile } from "../../core/profile";
import { canonical } from "../../core/context/units";
import { clean, F, type CellData, type Column, type Table } from "./table";

export interface UnitRows<T> {
  /** «Муниципалитет» or «ОО». */
  level: string;
  unit: string;
  login: string;
  rows: readonly T[];
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function literacyTable(units: readonly UnitRows<LiteracyRow>[], title: string): Table {
  const rows: Record<string, CellData>[] = [];
  for (const u of units) {
    // The whole unit first (all grades), then each grade: a municipality reads the first, a school the second.
    const stats = [...literacyStats(u.rows, false), ...literacyStats(u.rows, true)].sort(
      (a, b) => a.year - b.year || (a.grade ?? 0) - (b.grade ?? 0),
    );
    for (const s of stats)
      rows.push({
        year: s.year,
        level: u.level,
        unit: u.unit,
        login: u.login,
        grade: s.grade === null ? "все" : String(s.grade),
        area: s.area,
        n: s.participants,
        l1: s.levels[0],
        l2: s.levels[1],
        l3: s.levels[2],
        l4: s.levels[3],
        l5: s.levels[4],
        high: clean(s.highShare),
        insufficient: clean(s.insufficientShare),
        ovz: s.ovz,
      });
  }
  const levelColumns: Column[] = LITERACY_LEVELS.map((l, i) => ({
    id: `l${i + 1}`,
    header: cap(l),
    kind: "integer" as const,
    width: 12,
  }));
  return {
    id: "literacy",
    title,
    description:
      "Число обучающихся на каждом уровне функциональной грамотности; доля на повышенном и высоком уровнях и доля на недостаточном — формулы; «все» — все классы вместе.",
    columns: [
      { id: "year", header: "Год", kind: "integer", width: 7 },
      { id: "level", header: "Уровень", kind: "text", width: 14 },
      { id: "unit", header: "ОО", kind: "text", width: 28 },
      { id: "login", header: "Логин ОО", kind: "text", width: 12 },
      { id: "grade", header: "Класс", kind: "text", width: 7 },
      { id: "area", header: "Направление ФГ", kind: "text", width: 22 },
      { id: "n", header: "Участников", kind: "integer" },
      ...levelColumns,
      {
        id: "high",
        header: "Повышенный и высокий, %",
        kind: "percent",
        width: 13,
        formula: F.share("{l4}+{l5}", "n"),
      },
      {
        id: "insufficient",
        header: "Недостаточный, %",
        kind: "percent",
        width: 13,
        formula: F.share("{l1}", "n"),
      },
      { id: "ovz", header: "Из них с ОВЗ", kind: "integer" },
    ],
    rows,
  };
}

export function ovzTable(units: readonly UnitRows<ParticipantRow>[], profile: Profile, title: string): Table {
  const minN = profile.values["ovz.minN"];
  const rows: Record<string, CellData>[] = [];
  for (const u of units)
    for (const s of ovzStats(u.rows, profile, canonical))
      rows.push({
        procedure: s.procedure,
        year: s.year,
        grade: s.grade,
        subject: s.subject,
        level: u.level,
        unit: u.unit,
        login: u.login,
        allN: s.all.n5 + s.all.n4 + s.all.n3 + s.all.n2 + (s.all.n1 ?? 0),
        allQuality: clean(s.allQuality),
        n: s.n,
        n5: s.marks?.n5 ?? null,
        n4: s.marks?.n4 ?? null,
        n3: s.marks?.n3 ?? null,
        n2: s.marks ? s.marks.n2 + (s.marks.n1 ?? 0) : null,
        success: clean(s.success),
        quality: clean(s.quality),
        share2: clean(s.share2),
        state: s.state,
      });
  const guarded = (expr: string) => `IF(OR({state}<>"",{n}<=0),"",${expr})`;
  return {
    id: "ovz",
    title,
    description: `Участники с отметкой «да» в столбце «ОВЗ» листа «Участники»; показатели считаются при ${minN} и более участниках с ОВЗ (параметр «ovz.minN»), иначе — «мало участников» и отметки не приводятся.`,
    columns: [
      { id: "procedure", header: "Процедура", kind: "text", width: 10 },
      { id: "year", header: "Год", kind: "integer", width: 7 },
      { id: "grade", header: "Класс", kind: "integer", width: 7 },
      { id: "subject", header: "Предмет", kind: "text", width: 22 },
      { id: "level", header: "Уровень", kind: "text", width: 14 },
      { id: "unit", header: "ОО", kind: "text", width: 28 },
      { id: "login", header: "Логин ОО", kind: "text", width: 12 },
      { id: "allN", header: "Все участники: с отметкой", kind: "integer" },
      { id: "allQuality", header: "Все участники: качество, %", kind: "percent" },
      { id: "n", header: "С ОВЗ: с отметкой", kind: "integer" },
      { id: "n5", header: "ОВЗ «5»", kind: "integer", width: 7 },
      { id: "n4", header: "ОВЗ «4»", kind: "integer", width: 7 },
      { id: "n3", header: "ОВЗ «3»", kind: "integer", width: 7 },
      { id: "n2", header: "ОВЗ «2»", kind: "integer", width: 7 },
      { id: "success", header: "ОВЗ: успеваемость, %", kind: "percent", formula: guarded("({n5}+{n4}+{n3})/{n}*100") },
      { id: "quality", header: "ОВЗ: качество, %", kind: "percent", formula: guarded("({n5}+{n4})/{n}*100") },
      { id: "share2", header: "ОВЗ: доля «2», %", kind: "percent", formula: guarded("{n2}/{n}*100") },
      { id: "state", header: "Примечание", kind: "text", width: 18 },
    ],
    rows,
  };
}

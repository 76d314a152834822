/**
 * «Результаты»: per procedure × year × grade × subject, the municipality, each cluster and each
 * school, with counts as values and indicators as native formulas over them; dynamics to the
 * previous year in п.п. The ВСОКО regulation's analyses read off it: quality by subject and by
 * procedure, basic minimum (share of «2»), talent (share of «5»).
 */
import {
  delta,
  quality,
  share2,
  share5,
  sizeClass,
  SIZE_CLASS_LABELS,
  sou,
  successRate,
  meanMark,
  confirmationShare,
} from "../../core/indicators";
import { PROCEDURES, type SchoolReport } from "../../core/model";
import type { Profile } from "../../core/profile";
import { compareKeys, pooledAggregates, resultKey, schoolAggregates, type Aggregate } from "../../core/results";
import { clean, F, type CellData, type Column, type Table } from "./table";

export interface ResultsInput {
  schools: readonly SchoolReport[];
  /** Cluster name of each school by login (from the analysis); optional. */
  clusterOf?: ReadonlyMap<string, string>;
  profile: Profile;
}

const UNIT_MUNICIPALITY = "Муниципалитет";
const UNIT_CLUSTER = "Кластер";
const UNIT_SCHOOL = "ОО";

function columns(profile: Profile): Column[] {
  const [w5, w4, w3, w2, w1] = profile.values["sou.weights"];
  return [
    { id: "year", header: "Год", kind: "integer", width: 7 },
    { id: "procedure", header: "Процедура", kind: "text", width: 10 },
    { id: "grade", header: "Класс", kind: "integer", width: 7 },
    { id: "subject", header: "Предмет", kind: "text", width: 22 },
    { id: "level", header: "Уровень", kind: "text", width: 14 },
    { id: "unit", header: "Наименование", kind: "text", width: 30 },
    { id: "login", header: "Логин ОО", kind: "text", width: 12 },
    // School context, so =MSOKO.RISK(…) over this table clusters schools as the summary does.
    { id: "type", header: "Тип ОО", kind: "text", width: 12 },
    { id: "location", header: "Местность", kind: "text", width: 9 },
    { id: "socialIndex", header: "Индекс социального контекста", kind: "number" },
    { id: "n", header: "Участников", kind: "integer" },
    { id: "n5", header: "«5»", kind: "integer", width: 6 },
    { id: "n4", header: "«4»", kind: "integer", width: 6 },
    { id: "n3", header: "«3»", kind: "integer", width: 6 },
    { id: "n2", header: "«2»", kind: "integer", width: 6 },
    { id: "n1", header: "«1» / н/а", kind: "integer", width: 7 },
    { id: "success", header: "Успеваемость, %", kind: "percent", formula: F.share("{n5}+{n4}+{n3}", "nm") },
    { id: "quality", header: "Качество, %", kind: "percent", formula: F.share("{n5}+{n4}", "nm") },
    {
      id: "sou",
      header: "СОУ, %",
      kind: "percent",
      formula: `IF({nm}>0,(${w5}*{n5}+${w4}*{n4}+${w3}*{n3}+${w2}*{n2}+${w1}*{n1})/{nm},"")`,
    },
    {
      id: "mean",
      header: "Средний балл",
      kind: "mark",
      formula: 'IF({nm}>0,(5*{n5}+4*{n4}+3*{n3}+2*{n2}+{n1})/{nm},"")',
    },
    {
      id: "share2",
      header: "Доля «2», %",
      kind: "percent",
      formula: F.share("{n2}+{n1}", "nm"),
      highlight: { operator: "greaterThanOrEqual", value: profile.values["r1.share"], tone: "bad" },
    },
    { id: "share5", header: "Доля «5», %", kind: "percent", formula: F.share("{n5}", "nm") },
    { id: "nm", header: "С отметкой", kind: "integer", formula: "{n5}+{n4}+{n3}+{n2}+{n1}" },
    { id: "size", header: "Выборка", kind: "text", width: 16 },
    { id: "lowered", header: "Понизили", kind: "integer" },
    { id: "confirmed", header: "Подтвердили", kind: "integer" },
    { id: "raised", header: "Повысили", kind: "integer" },
    {
      id: "confirmedShare",
      header: "Подтвердили, %",
      kind: "percent",
      formula: 'IF(({lowered}+{confirmed}+{raised})>0,{confirmed}/({lowered}+{confirmed}+{raised})*100,"")',
    },
    { id: "dQuality", header: "Δ качества, п.п.", kind: "points" },
    {
      id: "dShare2",
      header: "Δ доли «2», п.п.",
      kind: "points",
      highlight: { operator: "greaterThanOrEqual", value: profile.values["dynamics.share2Rise"], tone: "bad" },
    },
  ];
}

interface Unit {
  level: string;
  name: string;
  login: string;
  type: string;
  location: string;
  socialIndex: number | null;
}

function unitOf(level: string, name: string): Unit {
  return { level, name, login: "", type: "", location: "", socialIndex: null };
}

function schoolUnit(s: SchoolReport): Unit {
  const p = s.passport;
  return {
    level: UNIT_SCHOOL,
    name: p.shortName || p.name,
    login: p.login,
    type: p.type,
    location: p.location,
    socialIndex: p.socialIndex ?? null,
  };
}

function row(a: Aggregate, u: Unit, previous: Aggregate | undefined, profile: Profile): Record<string, CellData> {
  const m = a.marks ?? { n5: 0, n4: 0, n3: 0, n2: 0 };
  const nm = m.n5 + m.n4 + m.n3 + m.n2 + (m.n1 ?? 0);
  const pm = previous?.marks;
  const j = a.journal;
  return {
    year: a.year,
    procedure: a.procedure,
    grade: a.grade,
    subject: a.subject,
    level: u.level,
    unit: u.name,
    login: u.login,
    type: u.type,
    location: u.location,
    socialIndex: u.socialIndex,
    n: a.participants,
    n5: m.n5,
    n4: m.n4,
    n3: m.n3,
    n2: m.n2,
    n1: m.n1 ?? 0,
    success: clean(successRate(m)),
    quality: clean(quality(m)),
    sou: clean(sou(m, profile.values["sou.weights"])),
    mean: clean(meanMark(m)),
    share2: clean(share2(m)),
    share5: clean(share5(m)),
    nm,
    size: SIZE_CLASS_LABELS[sizeClass(nm, profile)],
    lowered: j?.lowered ?? null,
    confirmed: j?.confirmed ?? null,
    raised: j?.raised ?? null,
    confirmedShare: j ? clean(confirmationShare(j, "confirmed")) : null,
    dQuality: pm ? clean(delta(quality(m), quality(pm))) : null,
    dShare2: pm ? clean(delta(share2(m), share2(pm))) : null,
  };
}

/** The «Результаты» table for procedures graded with marks (ЕГЭ is in its own table). */
export function resultsTable({ schools, clusterOf, profile }: ResultsInput): Table {
  const perSchool = schools.map((s) => schoolAggregates(s.results.filter((r) => r.marks)));
  const municipal = pooledAggregates(perSchool);
  const clusters = new Map<string, Map<string, Aggregate>[]>();
  if (clusterOf) {
    schools.forEach((s, i) => {
      const c = clusterOf.get(s.passport.login);
      if (!c) return;
      if (!clusters.has(c)) clusters.set(c, []);
      clusters.get(c)!.push(perSchool[i]);
    });
  }
  const clusterAgg = new Map([...clusters].map(([c, list]) => [c, pooledAggregates(list)]));
  const prevKey = (a: Aggregate) => resultKey({ ...a, year: a.year - 1 });

  const keys = [...municipal.values()].sort((a, b) => compareKeys(a, b, PROCEDURES));
  const rows: Record<string, CellData>[] = [];
  // The clusters' order and each key's previous-year key are the same for every unit: made once.
  const clustersSorted = [...clusterAgg].sort(([a], [b]) => a.localeCompare(b, "ru"));
  for (const k of keys) {
    const key = resultKey(k);
    const prev = prevKey(k);
    rows.push(row(k, unitOf(UNIT_MUNICIPALITY, "Все ОО"), municipal.get(prev), profile));
    for (const [c, agg] of clustersSorted) {
      const a = agg.get(key);
      if (a) rows.push(row(a, unitOf(UNIT_CLUSTER, c), agg.get(prev), profile));
    }
    schools.forEach((s, i) => {
      const a = perSchool[i].get(key);
      if (a) rows.push(row(a, schoolUnit(s), perSchool[i].get(prev), profile));
    });
  }
  return {
    id: "results",
    title: "Результаты оценочных процедур",
    description:
      "По процедуре, году, классу и предмету: муниципалитет, кластеры и ОО. Показатели — формулы по количествам отметок; динамика — к предыдущему году, п.п.",
    columns: columns(profile),
    rows,
  };
}

/**
 * The ВСОКО regulation's complex analyses for the school (table 2 of the regulation, titles in its
 * wording): objectivity (objectivity.ts) and the school's municipal standing (standing.ts), quality and basic minimum and talent by subject and by procedure over the
 * years, admission to СПО and вузы (direction 4 indicators of src/core/directions.ts). Quality
 * pools all grades of a subject; the basic minimum of each chosen test is flagged when the share
 * of «2» reaches the R1 threshold (§4) with enough participants.
 */
import type { UnitStats } from "../../core/context/units";
import { DIRECTION_INDICATORS, schoolIndicator, type DirectionIndicator } from "../../core/directions";
import { markedCount, quality, share2, share5 } from "../../core/indicators";
import type { MarkCounts, Procedure } from "../../core/model";
import { clean, type CellData, type Column, type Table } from "../../summary/model/table";
import type { ReportContext } from "./context";
import { VSOKO_ASPECTS, VSOKO_DIRECTIONS, type AnalysisPart, type SchoolFinding } from "./findings";
import { objectivityPart } from "./objectivity";
import { standingPart } from "./standing";
import { SMALL } from "./tasks-tables";
import { bySubjectRu, pct, testTitle } from "./text";

type Getter = (c: MarkCounts) => number | null;

/** Years with any data up to the chosen year, at most the last five. */
function reportYears(ctx: ReportContext): number[] {
  const ys = new Set<number>();
  for (const u of ctx.units.values()) if (u.year <= ctx.opts.year) ys.add(u.year);
  for (const rows of Object.values(ctx.report.directions))
    for (const r of rows ?? []) if (r.year <= ctx.opts.year) ys.add(r.year);
  ys.add(ctx.opts.year);
  return [...ys].sort((a, b) => a - b).slice(-5);
}

function add(into: MarkCounts, c: MarkCounts): void {
  into.n5 += c.n5;
  into.n4 += c.n4;
  into.n3 += c.n3;
  into.n2 += c.n2;
  if (c.n1) into.n1 = (into.n1 ?? 0) + c.n1;
}

/** Marks pooled over grades: key "procedure|subject" (or "procedure") → year → counts. */
function pooledMarks(units: Iterable<UnitStats>, bySubject: boolean): Map<string, Map<number, MarkCounts>> {
  const out = new Map<string, Map<number, MarkCounts>>();
  for (const u of units) {
    if (!u.marks) continue;
    const k = bySubject ? `${u.procedure}|${u.subject}` : u.procedure;
    const years = out.get(k) ?? out.set(k, new Map()).get(k)!;
    const c = years.get(u.year) ?? years.set(u.year, { n5: 0, n4: 0, n3: 0, n2: 0 }).get(u.year)!;
    add(c, u.marks);
  }
  return out;
}

function yearColumns(years: readonly number[], header: (y: number) => string): Column[] {
  const cols: Column[] = years.map((y) => ({ id: `y${y}`, header: header(y), kind: "percent" }));
  if (years.length > 1) {
    const [a, b] = years.slice(-2);
    cols.push({
      id: "delta",
      header: `Изменение ${a}→${b}, п.п.`,
      kind: "points",
      formula: `IF(AND(ISNUMBER({y${b}}),ISNUMBER({y${a}})),{y${b}}-{y${a}},"")`,
    });
  }
  return cols;
}

function yearRow(years: readonly number[], get: (y: number) => number | null): Record<string, CellData> {
  const row: Record<string, CellData> = {};
  for (const y of years) row[`y${y}`] = clean(get(y));
  if (years.length > 1) {
    const [a, b] = years.slice(-2);
    const va = row[`y${a}`] as number | null;
    const vb = row[`y${b}`] as number | null;
    row.delta = va === null || vb === null ? null : clean(vb - va);
  }
  return row;
}

/** Lower-cases the first letter unless the word is an abbreviation («ВсОШ», «ОО»). */
function lowerFirst(s: string): string {
  return s.length > 1 && s[1] === s[1].toLowerCase() ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

const PROC_ORDER: readonly Procedure[] = ["ВПР", "КДР", "ОГЭ", "ГВЭ-9", "ЕГЭ", "ГВЭ-11", "НИКО"];

/** «Доля …» is feminine, «Качество …» neuter: the adjectives of the conclusion agree with it. */
function marksTables(
  ctx: ReportContext,
  id: string,
  what: string,
  get: Getter,
  dirSubjects: string,
  dirProcedures: string,
  aspectText: string,
  neuter = false,
): Table[] {
  const [most, least] = neuter ? ["наибольшее", "наименьшее"] : ["наибольшая", "наименьшая"];
  const years = reportYears(ctx);
  const cur = ctx.opts.year;
  const bySubject = pooledMarks(ctx.units.values(), true);
  const byProc = pooledMarks(ctx.units.values(), false);
  const subjRows = [...bySubject.entries()]
    .map(([k, ys]) => {
      const [procedure, subject] = k.split("|");
      return {
        procedure,
        subject,
        ...yearRow(years, (y) => (ys.get(y) ? get(ys.get(y)!) : null)),
        n: ys.get(cur) ? markedCount(ys.get(cur)!) : null,
      } as Record<string, CellData>;
    })
    .sort(
      (a, b) =>
        PROC_ORDER.indexOf(a.procedure as Procedure) - PROC_ORDER.indexOf(b.procedure as Procedure) ||
        String(a.subject).localeCompare(String(b.subject), "ru"),
    );
  const procRows = [...byProc.entries()]
    .map(
      ([procedure, ys]) =>
        ({
          procedure,
          ...yearRow(years, (y) => (ys.get(y) ? get(ys.get(y)!) : null)),
          n: ys.get(cur) ? markedCount(ys.get(cur)!) : null,
        }) as Record<string, CellData>,
    )
    .sort((a, b) => PROC_ORDER.indexOf(a.procedure as Procedure) - PROC_ORDER.indexOf(b.procedure as Procedure));
  const inYear = subjRows.filter((r) => r.procedure === ctx.opts.procedure && r[`y${cur}`] !== null);
  let subjConclusion = `${aspectText}: в ${cur} г. данных ${ctx.opts.procedure} нет.`;
  if (inYear.length) {
    const sorted = [...inYear].sort((a, b) => (b[`y${cur}`] as number) - (a[`y${cur}`] as number));
    const hi = sorted[0];
    const lo = sorted[sorted.length - 1];
    subjConclusion =
      `${what} (${ctx.opts.procedure} ${cur}, все параллели): ` +
      (sorted.length === 1
        ? `${bySubjectRu(String(hi.subject))} — ${pct(hi[`y${cur}`] as number)}.`
        : `${most} ${bySubjectRu(String(hi.subject))} — ${pct(hi[`y${cur}`] as number)}, ${least} ${bySubjectRu(String(lo.subject))} — ${pct(lo[`y${cur}`] as number)}.`);
  }
  const procConclusion = procRows.length
    ? `${what} в ${cur} г.: ${
        procRows
          .filter((r) => r[`y${cur}`] !== null)
          .map((r) => `${r.procedure} — ${pct(r[`y${cur}`] as number)}`)
          .join(", ") || "нет данных"
      }.`
    : "Результатов оценочных процедур нет.";
  const header = (y: number) => `${what}, ${y} г., %`;
  return [
    {
      id: `${id}S`,
      title: dirSubjects,
      description: subjConclusion,
      columns: [
        { id: "procedure", header: "Процедура", kind: "text", width: 10 },
        { id: "subject", header: "Предмет", kind: "text", width: 20 },
        ...yearColumns(years, header),
        { id: "n", header: `Участников в ${cur} г.`, kind: "integer" },
      ],
      rows: subjRows,
    },
    {
      id: `${id}P`,
      title: dirProcedures,
      description: procConclusion,
      columns: [
        { id: "procedure", header: "Процедура", kind: "text", width: 10 },
        ...yearColumns(years, header),
        { id: "n", header: `Участников в ${cur} г.`, kind: "integer" },
      ],
      rows: procRows,
    },
  ];
}

function indicatorTable(
  ctx: ReportContext,
  id: string,
  title: string,
  list: readonly DirectionIndicator[],
  lead: string,
): Table {
  const years = reportYears(ctx);
  const cur = ctx.opts.year;
  const rows = list.map((ind) => {
    const vals = new Map(years.map((y) => [y, schoolIndicator(ctx.report, y, ind, ctx.p).value]));
    return { indicator: ind.label, ...yearRow(years, (y) => vals.get(y) ?? null) } as Record<string, CellData>;
  });
  const known = rows.filter((r) => r[`y${cur}`] !== null);
  const fmt = (r: Record<string, CellData>, ind: DirectionIndicator) =>
    ind.kind === "percent" ? pct(r[`y${cur}`] as number) : String(r[`y${cur}`]);
  const text = known.length
    ? `${lead} в ${cur} г.: ${known
        .map((r) => {
          const ind = list[rows.indexOf(r)];
          return `${lowerFirst(ind.label.replace(/, (%|чел\.).*$/, ""))} — ${fmt(r, ind)}`;
        })
        .join("; ")}.`
    : `${lead}: в форме нет данных за ${cur} г. (лист «${list[0]?.direction === 3 ? "Олимпиады" : "Профориентация"}»).`;
  return {
    id,
    title,
    description: text,
    // Counts and shares share a row layout; counts are shown as numbers in the same columns.
    columns: [
      { id: "indicator", header: "Показатель", kind: "text", width: 48 },
      ...yearColumns(years, (y) => `${y} г.`).map((c) =>
        c.kind === "percent" ? { ...c, kind: "number" as const } : c,
      ),
    ],
    rows,
  };
}

export function complexPart(ctx: ReportContext): AnalysisPart {
  const findings: SchoolFinding[] = [];
  const v = ctx.p.values;

  // Objectivity: every sign of the chosen tests, evaluated or not; the school's municipal standing.
  const objectivity = objectivityPart(ctx);
  const standing = standingPart(ctx);
  findings.push(...objectivity.findings, ...standing.findings);

  // Basic minimum of the chosen tests: share of «2» at or above the R1 threshold (§4).
  const limit = v["r1.share"];
  const minN = v["sample.approximate"];
  for (const t of ctx.tests) {
    const m = t.unit.marks;
    const s2 = m ? share2(m) : null;
    if (!m || s2 === null || s2 < limit) continue;
    const n = markedCount(m);
    if (n < minN) continue;
    findings.push({
      rule: "BASIC_MINIMUM",
      direction: VSOKO_DIRECTIONS.minimumSubjects,
      aspect: VSOKO_ASPECTS.methods,
      context: testTitle(t),
      text: `Низкий уровень достижения обязательного минимума: доля «2» ${pct(s2)} (порог ${pct(limit)}, N = ${n}).`,
      focusItems: [{ subject: t.subject, grade: t.grade, value: s2 }],
      focusWhat: "доля «2»",
    });
  }
  const smallLow = ctx.tests.filter(
    (t) => t.unit.marks && (share2(t.unit.marks) ?? 0) >= limit && markedCount(t.unit.marks) < minN,
  );

  const talentIds: readonly string[] = [
    "olySchoolShare",
    "olyMunicipalAwardees",
    "olyRegionalAwardees",
    "olySchoolAwardShare",
  ];
  const talentIndicators = DIRECTION_INDICATORS.filter((i) => talentIds.includes(i.id));
  const spo = DIRECTION_INDICATORS.filter((i) => i.id === "grad9ToSpoShare" || i.id === "grad11ToSpoShare");
  const vuz = DIRECTION_INDICATORS.filter((i) => i.id === "grad11ToVuzShare" || i.id === "grad11VuzProfileShare");

  const minimum = marksTables(
    ctx,
    "minimum",
    "Доля «2»",
    share2,
    VSOKO_DIRECTIONS.minimumSubjects,
    VSOKO_DIRECTIONS.minimumProcedures,
    "Обязательный минимум",
  );
  if (smallLow.length)
    minimum[0].description += ` Доля «2» не ниже ${pct(limit)} при малом числе участников (${SMALL}): ${smallLow.map((t) => `${t.grade} класс, ${t.subject}`).join("; ")} — не оценивается.`;
  const tables: Table[] = [
    objectivity.table,
    standing.table,
    ...marksTables(
      ctx,
      "quality",
      "Качество знаний",
      quality,
      VSOKO_DIRECTIONS.qualitySubjects,
      VSOKO_DIRECTIONS.qualityProcedures,
      "Качество знаний",
      true,
    ),
    ...minimum,
    ...marksTables(
      ctx,
      "talent",
      "Доля «5»",
      share5,
      VSOKO_DIRECTIONS.talentSubjects,
      VSOKO_DIRECTIONS.talentProcedures,
      "Высокие результаты",
    ),
    indicatorTable(ctx, "olympiads", `${VSOKO_DIRECTIONS.talentSubjects}: олимпиады`, talentIndicators, "Олимпиады"),
    indicatorTable(ctx, "spo", `${VSOKO_DIRECTIONS.careersSpo}: поступление в ОО СПО`, spo, "Поступление в ОО СПО"),
    indicatorTable(ctx, "vuz", `${VSOKO_DIRECTIONS.careersVuz}: поступление в вузы`, vuz, "Поступление в вузы"),
  ];
  return { tables, findings };
}

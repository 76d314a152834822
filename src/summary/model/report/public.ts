/**
 * The public report for parents and the public: the municipality's and each school's key results
 * in plain words. It publishes only what schools publish themselves (results of procedures and
 * indicators of the municipality), never a school's signs of unobjectivity, risk level or
 * recommendations, and no personal data; a school's result of fewer participants than the group
 * analysis minimum (`sample.group`) is not shown, so no pupil can be recognised in it.
 */
import type { Profile } from "../../../core/profile";
import { countRu, formatNumberRu } from "../../../core/values";
import type { Summary } from "../build";
import type { Bar, Block, ReportDoc } from "./doc";
import { distinct, indicatorName, indicators, num, pct, pool, rowsOf, text, type Row } from "./source";

const MAIN_PROCEDURES = ["ВПР", "ОГЭ"] as const;

export function publicReport(summary: Summary, profile: Profile): ReportDoc {
  const { json } = summary;
  const year = json.year ?? new Date(json.runAt).getFullYear();
  const minN = profile.values["sample.group"];
  const results = rowsOf(summary, "results").filter((r) => r.year === year);
  const ege = rowsOf(summary, "ege").filter((r) => r.year === year);
  const blocks: Block[] = [
    { kind: "heading", level: 1, text: "Как читать отчёт" },
    {
      kind: "paragraph",
      text:
        "Успеваемость — доля работ, написанных без «2». Качество знаний — доля работ на «4» и «5». " +
        "Средний балл ЕГЭ — по 100-балльной шкале. Результаты школы с числом участников меньше " +
        `${countRu(minN, ["человека", "человек", "человек"])} не публикуются, чтобы по ним нельзя было узнать отдельных учеников.`,
    },
    { kind: "heading", level: 1, text: `Муниципалитет в ${year} году` },
  ];
  const muni = results.filter((r) => r.level === "Муниципалитет");
  for (const proc of distinct(muni, "procedure").filter((p) => (MAIN_PROCEDURES as readonly string[]).includes(p))) {
    const p = pool(muni.filter((r) => r.procedure === proc));
    const x = indicators(p);
    blocks.push({
      kind: "paragraph",
      text: `${proc}: ${countRu(p.n, ["работа", "работы", "работ"])}; успеваемость ${pct(x.success)}, качество знаний ${pct(x.quality)}.`,
    });
  }
  const muniEge = ege.filter((r) => r.level === "Муниципалитет");
  const egeMean = weightedMean(muniEge);
  if (egeMean !== null)
    blocks.push({
      kind: "paragraph",
      text: `ЕГЭ: ${countRu(
        muniEge.reduce((a, r) => a + num(r.n), 0),
        ["экзамен", "экзамена", "экзаменов"],
      )}, средний балл ${formatNumberRu(egeMean, 1)}.`,
    });
  // Municipal shares of directions 3–8 (no school's figures: those are the schools' own to publish).
  const shares = [3, 4, 5, 6, 7, 8]
    .flatMap((d) => rowsOf(summary, `direction${d}`))
    .filter((r) => r.unit === "Муниципалитет" && /,\s*%/.test(text(r.indicator)) && typeof r.value === "number");
  if (shares.length)
    blocks.push({
      kind: "bullets",
      items: shares.map((r) => `${indicatorName(text(r.indicator))}: ${pct(r.value as number)}`),
    });

  blocks.push({ kind: "heading", level: 1, text: "Школы" });
  const schools = json.schools;
  const rows: string[][] = [];
  const bars: Bar[] = [];
  // Short names («МБОУ СОШ № 3») as the results table writes them; the full name when a school has no results.
  const shortName = new Map(
    rowsOf(summary, "results")
      .filter((r) => r.level === "ОО")
      .map((r) => [text(r.login), text(r.unit)]),
  );
  for (const s of schools) {
    const name = shortName.get(s.login) || s.name;
    const mine = results.filter((r) => r.level === "ОО" && r.login === s.login);
    const cell = (proc: string) => {
      const p = pool(mine.filter((r) => r.procedure === proc));
      return p.n === 0 ? "—" : p.n < minN ? "мало участников" : pct(indicators(p).quality);
    };
    const schoolEge = ege.filter((r) => r.level === "ОО" && r.login === s.login);
    const egeN = schoolEge.reduce((a, r) => a + num(r.n), 0);
    const mean = weightedMean(schoolEge);
    rows.push([
      name,
      cell("ВПР"),
      cell("ОГЭ"),
      egeN === 0 || mean === null ? "—" : egeN < minN ? "мало участников" : formatNumberRu(mean, 1),
    ]);
    const vpr = pool(mine.filter((r) => r.procedure === "ВПР"));
    const q = indicators(vpr).quality;
    if (vpr.n >= minN && q !== null) bars.push({ label: name, value: Math.round(q * 10) / 10 });
  }
  blocks.push({
    kind: "paragraph",
    text: `В таблице — ${countRu(schools.length, ["школа", "школы", "школ"])} муниципалитета: качество знаний по ВПР и ОГЭ и средний балл ЕГЭ ${year} года.`,
  });
  blocks.push({
    kind: "table",
    columns: ["Школа", "ВПР: качество знаний", "ОГЭ: качество знаний", "ЕГЭ: средний балл"],
    rows,
  });
  if (bars.length > 1)
    blocks.push({ kind: "chart", title: `Качество знаний по ВПР-${year}, %`, unit: "%", bars, max: 100 });
  blocks.push({
    kind: "paragraph",
    text:
      "Муниципалитет ежегодно анализирует результаты, проверяет их объективность и оказывает школам адресную " +
      "методическую поддержку. Вопросы о результатах конкретной школы можно задать её администрации.",
  });
  return {
    title: `Публичный отчёт о качестве общего образования: ${json.municipality}`,
    subtitle: `Итоги ${year} года.`,
    blocks,
  };
}

/** Mean score over subjects weighted by participants. */
function weightedMean(rows: readonly Row[]): number | null {
  let n = 0;
  let sum = 0;
  for (const r of rows)
    if (typeof r.mean === "number") {
      n += num(r.n);
      sum += r.mean * num(r.n);
    }
  return n > 0 ? sum / n : null;
}

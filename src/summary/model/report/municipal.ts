/**
 * The municipal аналитическая справка built from a summary: purpose and sources, results by
 * procedure (with charts), objectivity, the risk zone, directions 3–8, the management cycle,
 * recommendations by addressee (ОО, ИМЦ, МОУО) and the management decisions they call for.
 * Narrative Russian with the summary's own numbers; the legal basis named is the user's own
 * (profile `basis.*`), never a regulation the methodology was drawn from.
 */
import { CYCLE_COMPONENTS } from "../../../core/cycle/catalogue";
import { DIRECTION_NAMES, type DirectionNumber } from "../../../core/directions";
import type { Profile } from "../../../core/profile";
import { countRu, formatNumberRu, formatPointsRu, plural } from "../../../core/values";
import type { Summary } from "../build";
import type { Bar, Block, ReportDoc } from "./doc";
import { distinct, indicatorName, indicators, num, pct, pool, rowsOf, tableById, text, type Row } from "./source";

const DIRECTION_NUMBERS: readonly DirectionNumber[] = [3, 4, 5, 6, 7, 8];
const SCHOOLS: readonly [string, string, string] = ["ОО", "ОО", "ОО"];
const WORKS: readonly [string, string, string] = ["работа", "работы", "работ"];

/** «31.12.2026» from an ISO date. */
const ruDate = (iso: string) => iso.slice(0, 10).split("-").reverse().join(".");

export function municipalReport(summary: Summary, profile: Profile): ReportDoc {
  const { json } = summary;
  const year = json.year ?? new Date(json.runAt).getFullYear();
  const basis = profile.values["basis.msoko"];
  const blocks: Block[] = [
    ...purpose(summary, year, basis),
    ...resultsSection(summary, year),
    ...objectivitySection(summary, year),
    ...riskSection(summary, year),
    ...directionsSection(summary, year),
    ...cycleSection(summary),
    ...recommendationsSection(summary),
    ...decisionsSection(summary, year, profile),
  ];
  return {
    title: "Аналитическая справка по результатам муниципальной системы оценки качества образования",
    subtitle: `${json.municipality}, ${year} год. Подготовлена ${ruDate(json.runAt)}.`,
    blocks,
  };
}

function purpose(summary: Summary, year: number, basis: string): Block[] {
  const { json } = summary;
  const included = json.files.filter((f) => f.state === "included" || f.state === "includedWithErrors").length;
  const withErrors = json.files.filter((f) => f.state === "includedWithErrors").length;
  const procedures = distinct(
    rowsOf(summary, "results").filter((r) => r.year === year),
    "procedure",
  );
  if (rowsOf(summary, "ege").some((r) => r.year === year) && !procedures.includes("ЕГЭ")) procedures.push("ЕГЭ");
  return [
    { kind: "heading", level: 1, text: "1. Цель и источники" },
    {
      kind: "paragraph",
      text:
        `Справка подготовлена в соответствии с документом «${basis}» по итогам ${year} года: ` +
        "оценить результаты оценочных процедур и их объективность, выявить школы с низкими результатами " +
        "и неблагоприятными социальными условиями, оценить направления муниципальной системы оценки качества " +
        "и замкнутость управленческого цикла, определить адресные рекомендации и управленческие решения.",
    },
    {
      kind: "paragraph",
      text:
        `Источники: формы ОО — ${countRu(json.schools.length, SCHOOLS)} муниципалитета «${json.municipality}» ` +
        `(${countRu(included, ["форма включена", "формы включены", "форм включены"])} в свод` +
        `${withErrors ? `, из них с замечаниями проверки — ${withErrors}` : ""}); результаты процедур ${year} года` +
        `${procedures.length ? ` (${procedures.join(", ")})` : ""} и трёх предыдущих лет; показатели направлений 3–8; ` +
        `документы управленческого цикла. Цикл оценён на ${ruDate(json.evaluationDate)}; методика — профиль ${json.profileVersion}.`,
    },
  ];
}

/** Per procedure of the year: pooled municipal indicators, their change and the weakest tests. */
function resultsSection(summary: Summary, year: number): Block[] {
  const muni = rowsOf(summary, "results").filter((r) => r.level === "Муниципалитет");
  const blocks: Block[] = [{ kind: "heading", level: 1, text: "2. Результаты оценочных процедур" }];
  const procedures = distinct(
    muni.filter((r) => r.year === year),
    "procedure",
  );
  if (!procedures.length)
    blocks.push({ kind: "paragraph", text: `Результатов ВПР и ОГЭ за ${year} год в формах нет.` });
  for (const proc of procedures) {
    const now = muni.filter((r) => r.procedure === proc && r.year === year);
    const before = muni.filter((r) => r.procedure === proc && r.year === year - 1);
    const p = pool(now);
    const x = indicators(p);
    const prev = before.length ? indicators(pool(before)) : null;
    const schools = new Set(
      rowsOf(summary, "results")
        .filter((r) => r.level === "ОО" && r.procedure === proc && r.year === year && num(r.n) > 0)
        .map((r) => text(r.login)),
    ).size;
    const dynamics =
      prev && x.share2 !== null && prev.share2 !== null && x.quality !== null && prev.quality !== null
        ? ` К ${year - 1} году: качество ${change(x.quality - prev.quality, ["выросло", "снизилось", "не изменилось"])}, доля «2» ${change(x.share2 - prev.share2, ["выросла", "снизилась", "не изменилась"])}.`
        : "";
    // ЕГЭ with marks (mathematics, base level) here; the scored ЕГЭ follows from its own table.
    blocks.push({
      kind: "heading",
      level: 2,
      text: proc === "ЕГЭ" ? `ЕГЭ-${year}: экзамены с отметкой` : `${proc}-${year}`,
    });
    blocks.push({
      kind: "paragraph",
      text:
        `Написано ${countRu(p.n, WORKS)} в ${countRu(schools, SCHOOLS)} ` +
        `(${countRu(p.tests, ["сочетание", "сочетания", "сочетаний"])} класса и предмета). Успеваемость — ${pct(x.success)}, качество знаний — ${pct(x.quality)}, ` +
        `доля «2» — ${pct(x.share2)}${x.mean === null ? "" : `, средняя отметка — ${formatNumberRu(x.mean, 2)}`}.${dynamics}`,
    });
    const worst = [...now]
      .filter((r) => typeof r.share2 === "number")
      .sort((a, b) => num(b.share2) - num(a.share2))
      .slice(0, 3);
    if (worst.length)
      blocks.push({
        kind: "paragraph",
        text:
          "Наибольшая доля «2»: " +
          worst
            .map((r) => `${r.grade ? `${r.grade} класс, ` : ""}${text(r.subject)} — ${pct(r.share2 as number)}`)
            .join("; ") +
          ".",
      });
    const bySubject = new Map<string, Row[]>();
    for (const r of now) bySubject.set(text(r.subject), [...(bySubject.get(text(r.subject)) ?? []), r]);
    const bars: Bar[] = [...bySubject]
      .map(([subject, rows]) => ({ label: subject, value: indicators(pool(rows)).quality }))
      .filter((b): b is Bar => b.value !== null)
      .map((b) => ({ label: b.label, value: Math.round(b.value * 10) / 10, tone: "neutral" as const }));
    if (bars.length > 1)
      blocks.push({
        kind: "chart",
        title: `Качество знаний по предметам, ${proc}-${year}, %`,
        unit: "%",
        bars,
        max: 100,
      });
  }
  const ege = rowsOf(summary, "ege").filter((r) => r.level === "Муниципалитет" && r.year === year);
  if (ege.length) {
    const n = ege.reduce((a, r) => a + num(r.n), 0);
    const below = ege.reduce((a, r) => a + num(r.below), 0);
    const high = ege.reduce((a, r) => a + num(r.high) + num(r.top), 0);
    blocks.push({ kind: "heading", level: 2, text: `ЕГЭ-${year}` });
    blocks.push({
      kind: "paragraph",
      text:
        `Сдано ${countRu(n, ["экзамен", "экзамена", "экзаменов"])} по ${countRu(ege.length, ["предмету", "предметам", "предметам"])}; ` +
        `не преодолели минимальный балл — ${countRu(below, ["результат", "результата", "результатов"])} (${pct(n ? (below / n) * 100 : null)}), ` +
        `высокие результаты (от 81 балла) — ${pct(n ? (high / n) * 100 : null)}.`,
    });
    const bars = ege
      .filter((r) => typeof r.mean === "number")
      .map((r) => ({ label: text(r.subject), value: Math.round(num(r.mean) * 10) / 10 }));
    if (bars.length > 1)
      blocks.push({ kind: "chart", title: `Средний балл ЕГЭ-${year} по предметам`, unit: "", bars, max: 100 });
  }
  return blocks;
}

function objectivitySection(summary: Summary, year: number): Block[] {
  const signs = rowsOf(summary, "signs").filter((r) => r.year === year);
  const absence = rowsOf(summary, "absence");
  const schools = new Set(signs.map((r) => text(r.login)));
  const blocks: Block[] = [{ kind: "heading", level: 1, text: "3. Объективность результатов" }];
  blocks.push({
    kind: "paragraph",
    text: signs.length
      ? `В ${year} году признаки необъективности выявлены в ${countRu(schools.size, SCHOOLS)} ` +
        `(${countRu(signs.length, ["признак", "признака", "признаков"])}). Признак — основание для анализа и проверки, а не вывод о нарушении.`
      : `В ${year} году признаков необъективности не выявлено.`,
  });
  if (signs.length)
    blocks.push({
      kind: "bullets",
      items: signs.map(
        (r) =>
          `${text(r.name)} — ${text(r.sign).toLocaleLowerCase("ru")}${text(r.where) ? ` (${text(r.where)})` : ""}: ${evidence(r)}`,
      ),
    });
  if (absence.length)
    blocks.push({
      kind: "paragraph",
      text: `Признаки стабильно отсутствуют (все годы наблюдения) в ${countRu(absence.length, SCHOOLS)}: ${absence.map((r) => text(r.name)).join(", ")}.`,
    });
  return blocks;
}

/** The evidence sentence without its leading «O1 (признак, требует анализа):» (the sign is named before it). */
function evidence(r: Row): string {
  return text(r.evidence).replace(/^[^:]{0,60}\(признак[^)]*\):\s*/, "");
}

/** Fired factors by name, without their codes («R1 Низкие результаты» → «низкие результаты»). */
function factorNames(r: Row): string {
  return text(r.factors)
    .split("; ")
    .map((f) => f.replace(/^R\d+\s*/, "").trim())
    .filter(Boolean)
    .map((f) => f.charAt(0).toLocaleLowerCase("ru") + f.slice(1))
    .join(", ");
}

/** «выросло на 0,5 п.п.», «снизилось на 0,1 п.п.», «не изменилось» (verbs in the subject's gender). */
function change(d: number, verbs: readonly [string, string, string]): string {
  const r = Math.round(d * 10) / 10;
  if (r === 0) return verbs[2];
  return `${r > 0 ? verbs[0] : verbs[1]} на ${formatNumberRu(Math.abs(r), 1)}\u00a0п.п.`;
}

function riskSection(summary: Summary, year: number): Block[] {
  const risk = rowsOf(summary, "risk");
  const levels = rowsOf(summary, "riskLevels");
  const stability = rowsOf(summary, "stability");
  const count = (level: string) => num(levels.find((r) => r.level === level)?.schools);
  const shnor = risk.filter((r) => r.shnor === "да");
  const shnsu = risk.filter((r) => r.shnsu === "да");
  const blocks: Block[] = [
    { kind: "heading", level: 1, text: "4. Зона риска: школы с низкими результатами и в сложных условиях" },
    {
      kind: "paragraph",
      text:
        `По итогам ${year} года высокий уровень риска — у ${countRu(count("высокий"), SCHOOLS)}, средний — у ${count("средний")}, ` +
        `низкий — у ${count("низкий")}. К школам с низкими образовательными результатами (ШНОР) отнесены ${countRu(shnor.length, SCHOOLS)}, ` +
        `к школам, функционирующим в неблагоприятных социальных условиях (ШНСУ), — ${shnsu.length}.`,
    },
  ];
  if (risk.length)
    blocks.push({
      kind: "bullets",
      items: risk.map(
        (r) =>
          `${text(r.name)} — риск ${text(r.level) || "не определён"}` +
          `${typeof r.score === "number" ? ` (оценка ${formatNumberRu(r.score, 1)} из 100)` : ""}` +
          `${factorNames(r) ? `; факторы: ${factorNames(r)}` : ""}` +
          `${[r.shnor === "да" ? "ШНОР" : "", r.shnsu === "да" ? "ШНСУ" : ""].filter(Boolean).length ? `; ${[r.shnor === "да" ? "ШНОР" : "", r.shnsu === "да" ? "ШНСУ" : ""].filter(Boolean).join(", ")}` : ""}` +
          `${text(r.partner) ? `; школа-партнёр: ${text(r.partner)}` : ""}.`,
      ),
    });
  const bars: Bar[] = (["высокий", "средний", "низкий"] as const).map((level) => ({
    label: level,
    value: count(level),
    tone: level === "высокий" ? "bad" : level === "средний" ? "warn" : "good",
  }));
  if (bars.some((b) => b.value > 0))
    blocks.push({ kind: "chart", title: `Уровни риска ОО, ${year}`, unit: "ОО", bars });
  const low = stability.filter((r) => r.status === "стабильно низкие");
  const high = stability.filter((r) => r.status === "стабильно высокие");
  if (low.length || high.length)
    blocks.push({
      kind: "paragraph",
      text:
        `${low.length ? `Стабильно низкие результаты: ${low.map((r) => text(r.name)).join(", ")}. ` : ""}` +
        `${high.length ? `Стабильно высокие результаты (опыт для распространения): ${high.map((r) => text(r.name)).join(", ")}.` : ""}`.trim(),
    });
  return blocks;
}

/** «Показатель, % …» — a share (value in %, numerator of denominator); otherwise a count or a mean. */
const isShare = (r: Row) => /,\s*%/.test(text(r.indicator));

/** One municipal indicator in words: value, «221 из 553», target, change, level, schools that met the target. */
function indicatorSentence(r: Row): string {
  const share = isShare(r);
  const fmt = (v: number) => (share ? pct(v) : formatNumberRu(v, 1));
  const v = typeof r.value === "number" ? r.value : null;
  const parts = [
    `${share ? indicatorName(text(r.indicator)) : text(r.indicator)}: ${v === null ? "нет данных" : fmt(v)}` +
      (share && typeof r.denominator === "number" && r.denominator > 0
        ? ` (${formatNumberRu(num(r.numerator), 0)} из ${formatNumberRu(r.denominator, 0)})`
        : ""),
  ];
  if (typeof r.target === "number") parts.push(`цель — ${fmt(r.target)}`);
  if (typeof r.dynamics === "number" && r.dynamics !== 0)
    parts.push(
      `к прошлому году ${share ? formatPointsRu(r.dynamics) : (r.dynamics > 0 ? "+" : "") + formatNumberRu(r.dynamics, 1)}`,
    );
  if (text(r.level)) parts.push(`уровень — ${text(r.level)}`);
  if (text(r.schoolsMet)) parts.push(`цель достигли ${text(r.schoolsMet)} ОО`);
  return parts.join("; ") + ".";
}

function directionsSection(summary: Summary, year: number): Block[] {
  const overview = tableById(summary, "directionsOverview");
  const latest = Number(/\d{4}/.exec(overview?.title ?? "")?.[0] ?? year);
  const blocks: Block[] = [{ kind: "heading", level: 1, text: `5. Направления 3–8 (${latest} год)` }];
  // Every direction gets its section, also one without data: the reader sees what is missing.
  for (const d of DIRECTION_NUMBERS) {
    blocks.push({ kind: "heading", level: 2, text: `${d}. ${DIRECTION_NAMES[d]}` });
    const verdict = (overview?.rows ?? []).find((r) => text(r.direction).startsWith(`${d}. `))?.verdict;
    const items = rowsOf(summary, `direction${d}`)
      .filter((r) => r.unit === "Муниципалитет")
      .map(indicatorSentence);
    if (!items.length) {
      blocks.push({ kind: "paragraph", text: `Показателей направления за ${latest} год в формах ОО нет.` });
      continue;
    }
    if (text(verdict)) blocks.push({ kind: "paragraph", text: `Итог: ${text(verdict).replace(/\.$/, "")}.` });
    blocks.push({ kind: "bullets", items });
  }
  return blocks;
}

function cycleSection(summary: Summary): Block[] {
  const matrix = rowsOf(summary, "matrix");
  const blocks: Block[] = [{ kind: "heading", level: 1, text: "6. Управленческий цикл" }];
  if (!matrix.length) return [...blocks, { kind: "paragraph", text: "Документов управленческого цикла в формах нет." }];
  blocks.push({
    kind: "paragraph",
    text: "Цикл замкнут, если по направлению выполнены и подтверждены документами все компоненты — от целей до анализа эффективности принятых мер.",
  });
  blocks.push({
    kind: "bullets",
    items: matrix.map((r) => {
      let weakest = -1;
      CYCLE_COMPONENTS.forEach((_, i) => {
        const v = r[`c${i + 1}`];
        if (typeof v === "number" && (weakest < 0 || v < num(r[`c${weakest + 1}`]))) weakest = i;
      });
      const weak =
        weakest >= 0 && num(r[`c${weakest + 1}`]) < 100
          ? `; реже всего выполнен компонент «${CYCLE_COMPONENTS[weakest].label}» — ${pct(num(r[`c${weakest + 1}`]))} ОО`
          : "";
      return `${text(r.direction)}: цикл замкнут в ${pct(typeof r.closed === "number" ? r.closed : null)} ОО${weak}.`;
    }),
  });
  return blocks;
}

const ADDRESSEES = [
  { id: "ОО", title: "Общеобразовательным организациям" },
  { id: "ИМЦ", title: "Информационно-методическому центру (ИМЦ)" },
  { id: "МОУО", title: "Муниципальному органу управления образованием (МОУО)" },
] as const;

function recommendationsSection(summary: Summary): Block[] {
  const rows = rowsOf(summary, "recommendations");
  const blocks: Block[] = [{ kind: "heading", level: 1, text: "7. Адресные рекомендации" }];
  if (!rows.length) return [...blocks, { kind: "paragraph", text: "Выявленных проблем, требующих адресных мер, нет." }];
  for (const a of ADDRESSEES) {
    const mine = rows.filter((r) => r.addressee === a.id);
    if (!mine.length) continue;
    // One measure for several schools is one line naming them.
    const byMeasure = new Map<string, { schools: string[]; basis: string }>();
    for (const r of mine) {
      const m = byMeasure.get(text(r.measure)) ?? { schools: [], basis: text(r.basis) };
      if (!m.schools.includes(text(r.name))) m.schools.push(text(r.name));
      byMeasure.set(text(r.measure), m);
    }
    blocks.push({ kind: "heading", level: 2, text: a.title });
    blocks.push({
      kind: "bullets",
      items: [...byMeasure].map(
        ([measure, m]) => `${measure} — ${m.schools.join(", ")}${m.basis ? ` (основание: ${m.basis})` : ""}.`,
      ),
    });
  }
  return blocks;
}

function decisionsSection(summary: Summary, year: number, profile: Profile): Block[] {
  const basis = profile.values["basis.msoko"];
  const risk = rowsOf(summary, "risk");
  const shnor = risk.filter((r) => r.shnor === "да").map((r) => text(r.name));
  const shnsu = risk.filter((r) => r.shnsu === "да").map((r) => text(r.name));
  const signed = [
    ...new Set(
      rowsOf(summary, "signs")
        .filter((r) => r.year === year)
        .map((r) => text(r.name)),
    ),
  ];
  const matrix = rowsOf(summary, "matrix");
  const open = matrix.filter((r) => typeof r.closed === "number" && r.closed < 100).map((r) => text(r.direction));
  const high = rowsOf(summary, "stability")
    .filter((r) => r.status === "стабильно высокие")
    .map((r) => text(r.name));
  const items: string[] = [];
  if (shnor.length || shnsu.length)
    items.push(
      `Утвердить приказом перечень школ с низкими результатами и в неблагоприятных условиях на ${year + 1} год ` +
        `(${[...new Set([...shnor, ...shnsu])].join(", ")}) и программы их поддержки с наставничеством школ-партнёров.`,
    );
  if (signed.length)
    items.push(
      `Организовать перепроверку работ и общественное наблюдение на процедурах ${year + 1} года в ${plural(signed.length, ["школе", "школах", "школах"])}: ${signed.join(", ")}; по итогам — анализ причин и меры.`,
    );
  if (open.length)
    items.push(
      `Поручить ИМЦ довести до замкнутого цикла направления: ${open.join("; ")} — с документами, подтверждающими каждый компонент.`,
    );
  if (high.length) items.push(`Распространить опыт школ со стабильно высокими результатами: ${high.join(", ")}.`);
  items.push(
    `Рассмотреть справку на совещании руководителей ОО, назначить ответственных и сроки мер (лист «Адресные рекомендации» свода) и оценить их эффективность при следующем мониторинге в соответствии с документом «${basis}».`,
  );
  return [
    { kind: "heading", level: 1, text: "8. Управленческие решения" },
    { kind: "bullets", items },
  ];
}

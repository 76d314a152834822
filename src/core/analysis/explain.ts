/**
 * One Russian sentence per flag (§3–§5): the rule, the numbers, the threshold with its parameter
 * tag, the reference and where the numbers come from. A sign is never a verdict, so sign
 * sentences say «признак, требует анализа»; a sign that did not fire or was not evaluated says so.
 */
import type { ClusterAssignment } from "../clusters";
import type { RiskFactorResult, RiskItem, RiskResult } from "../risk";
import { factorLabel, SHNOR_FACTORS } from "../risk/names";
import type { SignReference, SignResult, ThresholdUsed } from "../objectivity";
import type { StableAbsence } from "../objectivity";
import type { StabilityResult } from "../stability";
import { countRu, formatNumberRu, formatPercentRu, plural } from "../values";
import { POOLED } from "../context/references";
import type { SchoolAnalysis, SchoolYearAnalysis } from "./analyze";

const NB = "\u00a0";

function pct(n: number): string {
  return formatPercentRu(n);
}

function pp(n: number): string {
  return `${formatNumberRu(n, 1)}${NB}п.п.`;
}

function tag(t: ThresholdUsed | undefined): string {
  return t ? `[${t.tag}]` : "";
}

/** The threshold of `key` among those a result used (a plain loop: called for every sentence of a region). */
function th(s: { threshold: ThresholdUsed[] }, key: string): ThresholdUsed | undefined {
  const list = s.threshold;
  for (let i = 0; i < list.length; i++) if (list[i].key === key) return list[i];
  return undefined;
}

/** «p = 0,0012» or «p < 0,0001». */
function pValue(p: number): string {
  if (p < 0.0001) return `p${NB}<${NB}0,0001`;
  return `p${NB}=${NB}${formatNumberRu(p, p < 0.01 ? 4 : 3)}`;
}

/**
 * A P value in plain Russian as a percentage (revision 2026.2): «0,3 %», «менее 0,01 %».
 */
export function chanceRu(p: number): string {
  const v = p * 100;
  if (v < 0.01) return `менее 0,01${NB}%`;
  return formatPercentRu(v, v < 1 ? 2 : 1);
}

/** «вероятность случайно получить такое расхождение — 0,3 % (порог 1 %, [DEFAULT], биномиальный тест)». */
function chanceClause(
  p: number | undefined,
  alpha: ThresholdUsed | undefined,
  test: string,
  what = "такое расхождение",
  alphaValue?: number,
): string {
  if (p === undefined || !alpha) return "";
  const a = alphaValue ?? alpha.value;
  return `вероятность случайно получить ${what} — ${chanceRu(p)} (${test}; порог ${chanceRu(a)}, ${tag(alpha)})`;
}

/**
 * The threshold of an O1/O2 test (familywise.ts): «1 %, [DEFAULT]», or with the correction
 * «5 % / 19 = 0,26 % — с поправкой на число проверок ОО за год (k = 19), [DEFAULT]».
 */
function testAlphaRu(s: SignResult, perTestKey: string, familyKey: string): string {
  const perTest = th(s, perTestKey);
  const family = th(s, familyKey);
  const x = s.numbers;
  if (family && x.tests !== undefined && x.alpha !== undefined)
    return `${chanceRu(family.value)} / ${x.tests} = ${chanceRu(x.alpha)} — с поправкой на число проверок ОО за год (k${NB}=${NB}${x.tests}), ${tag(family)}`;
  return perTest ? `${chanceRu(x.alpha ?? perTest.value)}, ${tag(perTest)}` : "";
}

function subjectRu(subject: string): string {
  return subject.charAt(0).toLowerCase() + subject.slice(1);
}

/** «ВПР 2025, 5 класс, математика, N = 42». */
export function contextRu(s: {
  procedure?: string;
  year: number;
  grade?: number;
  subject?: string;
  className?: string;
  n?: number;
}): string {
  const parts: string[] = [];
  parts.push(s.procedure ? `${s.procedure} ${s.year}` : `${s.year} год`);
  if (s.grade !== undefined) parts.push(`${s.grade}${s.className ? ` «${s.className}»` : ""} класс`);
  if (s.subject) parts.push(subjectRu(s.subject));
  if (s.n !== undefined) parts.push(`N${NB}=${NB}${formatNumberRu(s.n, 0)}`);
  return parts.join(", ");
}

function referenceRu(r: SignReference | undefined, value: (v: number) => string): string {
  if (!r) return "";
  const who =
    r.kind === "region"
      ? `регион${r.name ? ` «${r.name}»` : ""}`
      : r.kind === "municipality"
        ? `муниципалитет${r.name ? ` «${r.name}»` : ""}${r.source === POOLED ? " (все участники, школа включена)" : r.source ? ` (${r.source})` : ""}`
        : r.kind === "cluster"
          ? `кластер${r.name ? ` «${r.name}»` : ""}`
          : r.kind === "fioko"
            ? "ФИОКО"
            : "та же параллель";
  const v = r.value === null ? "" : `: ${value(r.value)}`;
  return `эталон — ${who}${v}, N${NB}=${NB}${formatNumberRu(r.n, 0)}`;
}

function signHead(s: SignResult): string {
  if (s.rule === "F") return s.fired ? "F (маркер ФИОКО, требует анализа)" : "F (маркер ФИОКО)";
  return s.fired ? `${s.rule} (признак, требует анализа)` : `${s.rule} (признак не выявлен)`;
}

function o1(s: SignResult): string {
  const x = s.numbers;
  const parts: string[] = [];
  const gapT = th(s, "o1.gap2Share");
  const exT = th(s, "o1.mismatchExcess");
  const countT = th(s, "o1.minCount");
  const alphaT = th(s, "o1.alpha");
  const binomial = "односторонний биномиальный тест";
  // Why a branch that reached its threshold still did not fire (revision 2026.2).
  const alpha = x.alpha ?? alphaT?.value;
  const held = (count: number, p: number | undefined) =>
    countT && count < countT.value
      ? `, но за этим всего ${countRu(count, ["участник", "участника", "участников"])} (нужно не менее ${countT.value}, ${tag(countT)})`
      : p === undefined
        ? ", но доля эталона неизвестна и случайность не исключена"
        : alpha !== undefined && p >= alpha
          ? ", но это объяснимо случайностью"
          : "";
  const chance = (p: number) =>
    alphaT
      ? `вероятность случайно получить такое расхождение — ${chanceRu(p)} (${binomial}; порог ${testAlphaRu(s, "o1.alpha", "o1.familywiseAlpha")})`
      : "";
  if (x.gap2Share !== undefined && (s.fired ? x.gap2Fired === 1 : true)) {
    const ref = x.refGap2Share !== undefined ? `; у эталона ${pct(x.refGap2Share)}` : "";
    const chance2 = x.gap2P !== undefined ? `; ${chance(x.gap2P)}` : "";
    const why = !s.fired && x.gap2Reached === 1 ? held(x.gap2Count ?? 0, x.gap2P) : "";
    parts.push(
      `расхождение с журналом на 2 отметки и более у ${pct(x.gap2Share)} участников (порог ${pct(gapT!.value)}, ${tag(gapT)}${ref}${chance2})${why}`,
    );
  }
  if (x.refMismatchShare !== undefined && (s.fired ? x.excessFired === 1 : true)) {
    const chanceX = x.excessP !== undefined ? `; ${chance(x.excessP)}` : "";
    const why = !s.fired && x.excessReached === 1 ? held(x.mismatchCount ?? 0, x.excessP) : "";
    parts.push(
      `несовпадение с журналом у ${pct(x.mismatchShare)} участников — на ${pp(Math.abs(x.mismatchExcess))} ${x.mismatchExcess >= 0 ? "выше" : "ниже"} эталона ` +
        `(порог ${pp(exT!.value)}, ${tag(exT)}; ${referenceRu(s.reference, pct)}${chanceX})${why}`,
    );
  }
  const dir =
    s.direction === "понизили"
      ? `чаще понизили (${pct(x.loweredShare)}): отметки по журналу, возможно, завышены`
      : `чаще повысили (${pct(x.raisedShare)}): проверка работ, возможно, завышает отметки`;
  return `${parts.join("; ")}; ${dir}`;
}

function o2(s: SignResult): string {
  const x = s.numbers;
  const peak = th(s, "o2.minPeak");
  const ratio = th(s, "o2.ratio");
  const alpha = th(s, "o2.alpha");
  const family = th(s, "o2.familywiseAlpha");
  const threshold =
    family && x.tests !== undefined
      ? `${formatNumberRu(family.value, 4)} / ${x.tests} = ${formatNumberRu(x.alpha, 6)} — с поправкой на число проверок ОО за год (k${NB}=${NB}${x.tests}), ${tag(family)}`
      : `${formatNumberRu(x.alpha ?? alpha!.value, 4)}, ${tag(alpha)}`;
  return (
    `на границе отметки «${x.mark}» (балл ${x.boundary}) ${countRu(x.countAt, ["участник", "участника", "участников"])}, ` +
    `на балл ниже — ${formatNumberRu(x.countBelow, 0)} (порог: не менее ${peak!.value} и в ${formatNumberRu(ratio!.value)} раза больше, ${tag(peak)}); ` +
    `биномиальный тест: при доле балла ${x.boundary} у эталона q${NB}=${NB}${formatNumberRu(x.q, 3)} вероятность такого пика ${pValue(x.p)} ` +
    `(порог ${threshold}; ${referenceRu(s.reference && { ...s.reference, value: null }, pct)}); ${s.note ?? ""}`
  );
}

function o3(s: SignResult): string {
  const x = s.numbers;
  const t = th(s, "o3.qualityExcess");
  return (
    `качество знаний ${pct(x.quality)} — на ${pp(Math.abs(x.excess))} ${x.excess >= 0 ? "выше" : "ниже"} эталона (порог ${pp(t!.value)}, ${tag(t)}; ${referenceRu(s.reference, pct)})` +
    (s.note ? `; ${s.note}` : "")
  );
}

function o4(s: SignResult): string {
  const x = s.numbers;
  const invT = th(s, "o4.inversionMargin");
  const crossT = th(s, "o4.crossMargin");
  const own = `выполнение базовых заданий ${pct(x.basic)}, повышенного и высокого уровня ${pct(x.advanced)}`;
  const parts: string[] = [];
  const diff = x.advanced - x.basic;
  if (x.invertedFired === 1 || !s.fired) {
    const margin = invT ? ` (порог — выше не менее чем на ${pp(invT.value)}, ${tag(invT)})` : "";
    parts.push(
      diff >= 0
        ? `сложные задания выполнены лучше базовых на ${pp(diff)}${margin}`
        : `сложные задания выполнены хуже базовых на ${pp(-diff)}${margin}`,
    );
  }
  if (x.refBasic !== undefined && (x.crossedFired === 1 || !s.fired)) {
    const basicGap = x.basic - x.refBasic;
    const advancedGap = x.advanced - x.refAdvanced;
    const side = (d: number) => `${d >= 0 ? "выше" : "ниже"} на ${pp(Math.abs(d))}`;
    const margin = crossT
      ? `; порог — ниже по базовым и выше по сложным не менее чем на ${pp(crossT.value)}, ${tag(crossT)}`
      : "";
    parts.push(
      `у эталона (муниципалитет, все участники) — ${pct(x.refBasic)} и ${pct(x.refAdvanced)}: по базовым ${side(basicGap)}, по сложным ${side(advancedGap)}${margin}`,
    );
  }
  return `${own}: ${parts.join("; ")} [OFFICIAL*]`;
}

function o5(s: SignResult): string {
  const x = s.numbers;
  const gapT = th(s, "o5.gap");
  const jumpT = th(s, "o5.jump");
  const alphaT = th(s, "o5.alpha");
  const test = "односторонний тест разности двух долей";
  const chance = (p: number | undefined, reached: number | undefined) => {
    if (p === undefined) return "";
    const clause = `; ${chanceClause(p, alphaT, test)}`;
    return !s.fired && reached === 1 && alphaT && p >= alphaT.value
      ? `${clause} — разница объяснима случайностью`
      : clause;
  };
  const parts: string[] = [];
  if (x.gap !== undefined && (x.gapFired === 1 || !s.fired)) {
    parts.push(
      `качество ${pct(x.quality)} — на ${pp(Math.abs(x.gap))} ${x.gap >= 0 ? "выше" : "ниже"} качества ОГЭ той же параллели в ${x.ogeYear} г. ` +
        `(${pct(x.ogeQuality)}${x.ogeN !== undefined ? `, N${NB}=${NB}${formatNumberRu(x.ogeN, 0)}` : ""}; порог ${pp(gapT!.value)}, ${tag(gapT)}${chance(x.gapP, x.gapReached)})`,
    );
  }
  if (x.jump !== undefined && (x.jumpFired === 1 || !s.fired)) {
    parts.push(
      `качество параллели изменилось за год на ${pp(x.jump)}: с ${pct(x.prevQuality)}${x.prevN !== undefined ? ` (N${NB}=${NB}${formatNumberRu(x.prevN, 0)})` : ""} до ${pct(x.quality)} ` +
        `(порог скачка ${pp(jumpT!.value)}, ${tag(jumpT)}${chance(x.jumpP, x.jumpReached)})`,
    );
  }
  return parts.join("; ");
}

function o6(s: SignResult): string {
  const x = s.numbers;
  const t = th(s, "o6.ratio");
  const basis = x.perPupil === 1 ? "по обучающимся" : "по участиям";
  const ratio =
    x.ratio === undefined
      ? "при нулевой муниципальной доле"
      : x.ratio >= 1
        ? `в ${formatNumberRu(x.ratio, 2)} раза выше муниципальной`
        : "ниже муниципальной";
  return (
    `доля победителей и призёров школьного этапа ВсОШ ${pct(x.share)} (${basis}) — ${ratio} (${pct(x.refShare)}; порог в ${formatNumberRu(t!.value)} раза, ${tag(t)}), ` +
    (x.municipalAwarded === 0
      ? "а на муниципальном этапе победителей и призёров нет"
      : `на муниципальном этапе победителей и призёров: ${formatNumberRu(x.municipalAwarded, 0)}`)
  );
}

function o7(s: SignResult): string {
  const x = s.numbers;
  const share = th(s, "o7.loweredShare");
  const minWorks = th(s, "o7.minWorks");
  return (
    `независимая перепроверка ${countRu(x.n, ["работы", "работ", "работ"])}: отметка понижена в ${formatNumberRu(x.lowered, 0)} (${pct(x.loweredShare)}), ` +
    `повышена в ${formatNumberRu(x.raised, 0)} (${pct(x.raisedShare)}), подтверждена в ${formatNumberRu(x.confirmed, 0)}; ` +
    `порог — понижено не менее ${pct(share!.value)} при не менее ${minWorks!.value} перепроверенных работах (${tag(share)})`
  );
}

/** One sentence for one sign result. */
export function explainSign(s: SignResult): string {
  const ctx = s.rule === "O6" ? `ВсОШ ${s.year}${s.n !== undefined ? `, N${NB}=${NB}${s.n}` : ""}` : contextRu(s);
  if (!s.evaluated) {
    const minN = s.threshold.find(
      (t) => t.key === "objectivity.minN" || t.key === "o2.minN" || t.key === "o4.minN" || t.key === "o7.minWorks",
    );
    const need = minN ? ` (нужно не менее ${minN.value}, ${tag(minN)})` : "";
    return `${s.rule}: признак не оценивался — ${s.reasonNotEvaluated}${need}; ${ctx}.`;
  }
  let body: string;
  switch (s.rule) {
    case "O1":
      body = o1(s);
      break;
    case "O2":
      body = o2(s);
      break;
    case "O3":
      body = o3(s);
      break;
    case "O4":
      body = o4(s);
      break;
    case "O5":
      body = o5(s);
      break;
    case "O6":
      body = o6(s);
      break;
    case "O7":
      body = o7(s);
      break;
    case "F":
      body = s.fired
        ? "ФИОКО отметила результаты ОО как имеющие признаки необъективности [OFFICIAL]"
        : "маркер ФИОКО не установлен [OFFICIAL]";
      break;
  }
  return `${signHead(s)}: ${body}; ${ctx}.`.replace(/;\s*;/g, ";").replace(/\s+;/g, ";");
}

/** R3 rises without a flag listed in a sentence; the rest are counted. */
const WATCH_SHOWN = 3;

/** «ниже — ни у одной из 4 ОО» / «ниже только у 1 из 8 ОО». */
function lowerRu(below: number, k: number): string {
  return below === 0 ? `ниже — ни у одной из ${k} ОО` : `ниже только у ${below} из ${k} ОО`;
}

function itemRu(i: RiskItem): string {
  return `${i.procedure} ${i.grade} класс, ${subjectRu(i.subject)} — ${pct(i.value)}${i.previous !== undefined ? ` (в ${i.year - 1} г. ${pct(i.previous)})` : ""}, N${NB}=${NB}${i.n}`;
}

/** One sentence for one risk factor of a year. */
export function explainFactor(f: RiskFactorResult, year: number): string {
  if (!f.hasData) return `${f.id}: нет данных за ${year} год — фактор не учитывается в оценке риска.`;
  const head = `${f.id} (${f.id === "R4" ? "фактор ШНСУ" : f.id === "R6" ? "достоверность" : f.id === "R5" ? "рисковый профиль" : "фактор риска ШНОР"})`;
  const t = (k: string) => th(f, k);
  const x = f.numbers;
  switch (f.id) {
    case "R1": {
      const share = t("r1.share")!;
      const proc = t("r1.procedures")!;
      const list = f.items.map(itemRu).join("; ");
      if (!f.fired)
        return `${f.id}: не выявлен — доля не преодолевших минимальный порог не достигает ${pct(share.value)} в ${proc.value} процедурах ${year} г. и не повторяется два года подряд (процедур с N${NB}≥${NB}${t("r1.minN")!.value}: ${x.procedures}).`;
      const why =
        f.mode === "several"
          ? `не менее ${pct(share.value)} не преодолели минимальный порог в ${countRu(x.low, ["процедуре", "процедурах", "процедурах"])} ${year} г. (порог: ${proc.value}, ${tag(proc)})`
          : `не менее ${pct(share.value)} не преодолели минимальный порог в той же процедуре два года подряд`;
      return `${head}: ${why} (${tag(share)}): ${list}.`;
    }
    case "R2": {
      const q = t("r2.quantile")!;
      const floor = t("r2.floor");
      const where = `стандартизированный результат ${formatNumberRu(x.z, 2)} (среднее z по ${countRu(x.procedures, ["процедуре", "процедурам", "процедурам"])})`;
      const wide = f.reference?.kind === "municipality";
      const cl = wide
        ? `муниципалитета${f.reference?.label ? ` «${f.reference.label}»` : ""} (в кластере меньше ${t("r2.minSchools")?.value ?? 4} ОО с результатом, сравнение со всеми ОО, ${tag(t("r2.minSchools"))})`
        : f.reference
          ? `кластера «${f.reference.label}»`
          : "кластера";
      const floorRu = floor ? `не выше ${formatNumberRu(floor.value, 1)}, ${tag(floor)}` : "";
      if (f.fired)
        return `${head}: ${where} — в нижней доле ${formatNumberRu(q.value, 2)} ${cl} (${tag(q)}): ${lowerRu(x.below, x.k)}; результат не выше ${formatNumberRu(floor?.value ?? -1, 1)} (${tag(floor)}); ${year} год.`;
      const inLower = x.lower === 1;
      const reason = inLower
        ? `в нижней доле ${formatNumberRu(q.value, 2)} ${cl}, но не ниже среднего по муниципалитету на одно стандартное отклонение (порог — ${floorRu})`
        : `ниже у ${x.below} из ${x.k} ОО ${cl} (нижняя доля ${formatNumberRu(q.value, 2)}, ${tag(q)})`;
      return `${f.id}: не выявлен — ${where}, ${reason}; ${year} год.`;
    }
    case "R3": {
      const r = t("dynamics.share2Rise")!;
      const alphaT = t("r3.alpha");
      const test = "односторонний тест разности двух долей";
      const bonf = alphaT
        ? `${chanceRu(alphaT.value)} / ${x.pairs} ${plural(x.pairs, ["процедуру", "процедуры", "процедур"])} = ${chanceRu(x.alpha)}, поправка Бонферрони, ${tag(alphaT)}`
        : "";
      const itemP = (i: RiskItem) =>
        i.p !== undefined ? `; вероятность случайно получить такой рост — ${chanceRu(i.p)}` : "";
      // The largest rises first; a long tail of small groups is counted, not listed.
      const shown = [...(f.watch ?? [])]
        .sort((a, b) => b.value - (b.previous ?? 0) - (a.value - (a.previous ?? 0)))
        .slice(0, WATCH_SHOWN);
      const rest = (f.watch?.length ?? 0) - shown.length;
      const watchRu = shown.length
        ? ` Рост без флага: ${shown.map((i) => `${itemRu(i)}${i.previousN !== undefined ? ` (в ${i.year - 1} г. N${NB}=${NB}${i.previousN})` : ""} — ${i.why}${itemP(i)}`).join("; ")}` +
          `${rest > 0 ? `; и ещё ${countRu(rest, ["процедура", "процедуры", "процедур"])}` : ""}.`
        : "";
      if (!f.fired) {
        return `${f.id}: не выявлен — значимого роста доли не преодолевших минимальный порог на ${pp(r.value)} и более нет (пар лет с N${NB}≥${NB}${t("r3.minN")!.value}: ${x.pairs}; ${test}, порог ${bonf}); ${year} год.${watchRu}`;
      }
      return `${head}: доля не преодолевших минимальный порог выросла на ${pp(r.value)} и более (${tag(r)}), и рост не объясним случайностью (${test}, порог ${bonf}): ${f.items.map((i) => `${itemRu(i)}${itemP(i)}`).join("; ")}; ${year} год.${watchRu}`;
    }
    case "R4": {
      const q = t("r4.quantile")!;
      return f.fired
        ? `${head}: индекс социального контекста ${formatNumberRu(x.index, 2)} — в нижней доле ${formatNumberRu(q.value, 2)} муниципалитета (${tag(q)}): ${lowerRu(x.below, x.k)}.`
        : `${f.id}: не выявлен — индекс социального контекста ${formatNumberRu(x.index, 2)}, ниже у ${x.below} из ${x.k} ОО (нижняя доля ${formatNumberRu(q.value, 2)}, ${tag(q)}).`;
    }
    case "R5": {
      const h = t("r5.highFactors")!;
      return `${f.fired ? head : `${f.id}: не выявлен`} — в рисковом профиле ФИОКО ${x.high} из ${x.factors} факторов высокого уровня (порог ${h.value}, ${tag(h)})${f.note ? `: ${f.note.toLowerCase()}` : ""}; ${year} год [OFFICIAL].`;
    }
    case "R6":
      return f.fired
        ? `${head}: результаты ${year} г. требуют проверки — есть признаки необъективности ${f.note} [COMMON]; R1–R3 оценены по этим результатам.`
        : `${f.id}: признаков необъективности в ${year} г. нет.`;
  }
}

/** One sentence for the risk of a year: level, score, fired factors, ШНОР/ШНСУ. */
export function explainRisk(r: RiskResult): string {
  if (r.score === null || r.level === null)
    return `Риск ${r.year}: не оценивается — нет данных ни по одному фактору R1–R5.`;
  const levels = th(r, "risk.levels");
  const [mid, high] = levels?.list ?? [NaN, NaN];
  const fired = r.factors.filter((f) => f.fired && f.id !== "R6").map((f) => f.id);
  const withData = r.factors.filter((f) => f.hasData && f.id !== "R6").map((f) => f.id);
  const groups = [r.shnor ? "ШНОР" : "", r.shnsu ? "ШНСУ" : ""].filter(Boolean).join(", ");
  return (
    `Риск ${r.year}: ${r.level} — ${formatNumberRu(r.score, 0)} из 100 (средний от ${mid}, высокий от ${high}, ${tag(levels)}; учтены факторы с данными: ${withData.join(", ")}); ` +
    `${fired.length ? `${fired.length > 1 ? "сработали" : "сработал"} ${fired.map(factorLabel).join(", ")}` : "факторы риска не сработали"}${groups ? `; ${groups}` : ""}${r.unreliable ? "; результаты требуют проверки (R6)" : ""}.`
  );
}

function yearsRu(years: number[]): string {
  return years.length > 1 ? `${years[0]}–${years[years.length - 1]} гг.` : `${years[0]} г.`;
}

export function explainStability(s: StabilityResult, cluster: ClusterAssignment): string {
  const w = th(s, "stability.window");
  const top = th(s, "stability.topQuantile");
  const high = th(s, "stability.highFloor");
  const ceil = th(s, "stability.lowCeiling");
  const period = yearsRu(s.years);
  const z = (v: number | undefined) => formatNumberRu(v ?? 0, 1);
  if (s.status === "стабильно низкие") {
    return `Стабильно низкие результаты (§5, ${tag(w)}): в каждом году ${period} сработал фактор ${SHNOR_FACTORS}, и стандартизированный результат ни в одном году не выше ${z(ceil?.value)} (${tag(ceil)}).`;
  }
  if (s.status === "стабильно высокие") {
    return `Стабильно высокие результаты (§5, ${tag(w)}): в каждом году ${period} стандартизированный результат в верхней доле ${formatNumberRu(top!.value, 2)} кластера «${cluster.label}» и не ниже ${z(high?.value)} (${tag(high)}), признаков необъективности нет.`;
  }
  const why: string[] = [];
  if (s.missingYears.length) why.push(`нет данных за ${s.missingYears.join(", ")}`);
  if (s.topYears.length && s.signYears.length) why.push(`есть признаки необъективности в ${s.signYears.join(", ")}`);
  if ((s.notHighYears ?? []).length)
    why.push(
      `в верхней доле кластера, но стандартизированный результат ниже ${z(high?.value)} в ${s.notHighYears.join(", ")}`,
    );
  if (s.lowYears.length === s.years.length && (s.aboveYears ?? []).length)
    why.push(`R1/R2 каждый год, но стандартизированный результат выше ${z(ceil?.value)} в ${s.aboveYears.join(", ")}`);
  if (!s.missingYears.length)
    why.push(
      `в верхней доле кластера (с результатом не ниже ${z(high?.value)}) в ${s.topYears.length} из ${s.years.length} лет, R1/R2 в ${s.lowYears.length} из ${s.years.length}`,
    );
  return `Стабильность (§5, ${tag(w)}): за ${period} ни стабильно высоких, ни стабильно низких результатов — ${why.join("; ")}.`;
}

export function explainStableAbsence(s: StableAbsence): string {
  const w = s.threshold[0];
  const period = yearsRu(s.years);
  if (s.stable)
    return `Признаки необъективности стабильно отсутствуют (§3, ${tag(w)}): ни одного признака в ${period}, данные есть за каждый год.`;
  const why: string[] = [];
  if (s.yearsWithSigns.length) why.push(`признаки были в ${s.yearsWithSigns.join(", ")}`);
  if (s.missingYears.length) why.push(`нет данных для оценки признаков за ${s.missingYears.join(", ")}`);
  return `Стабильное отсутствие признаков (§3, ${tag(w)}) за ${period} не подтверждено: ${why.join("; ")}.`;
}

export const INDICATORS = [
  "O1",
  "O2",
  "O3",
  "O4",
  "O5",
  "O6",
  "O7",
  "F",
  "R1",
  "R2",
  "R3",
  "R4",
  "R5",
  "R6",
  "objectivity",
  "risk",
  "stable",
  "absence",
  "cluster",
] as const;
export type Indicator = (typeof INDICATORS)[number];

function latestWithData(s: SchoolAnalysis, has: (y: SchoolYearAnalysis) => boolean): SchoolYearAnalysis | undefined {
  for (let i = s.years.length - 1; i >= 0; i--) if (has(s.years[i])) return s.years[i];
  return s.years[s.years.length - 1];
}

/**
 * One sentence about one indicator of a school: for a sign, the fired result of the latest year
 * with one (further fired results are counted), else the latest evaluated result; for a risk
 * factor and the risk, the latest year with data; or the stability, stable absence, cluster.
 */
export function explainSchool(s: SchoolAnalysis, indicator: Indicator, year?: number): string {
  const pick = (has: (y: SchoolYearAnalysis) => boolean) =>
    year !== undefined ? s.years.find((y) => y.year === year) : latestWithData(s, has);
  switch (indicator) {
    case "stable":
      return s.stability ? explainStability(s.stability, s.cluster) : "Стабильность: нет данных.";
    case "absence":
      return s.stableAbsence ? explainStableAbsence(s.stableAbsence) : "Стабильное отсутствие признаков: нет данных.";
    case "cluster":
      return `Кластер ОО (§6, [DEFAULT]): «${s.cluster.label}», ${countRu(s.cluster.size, ["школа", "школы", "школ"])}${s.cluster.merged ? " (исходный кластер меньше минимального размера и объединён с кластером своего типа)" : ""}.`;
    case "risk": {
      const y = pick((x) => x.risk.score !== null);
      return y ? explainRisk(y.risk) : "Риск: нет данных.";
    }
    case "objectivity": {
      const y = pick((x) => x.signs.some((g) => g.evaluated));
      if (!y) return "Признаки необъективности: нет данных.";
      const fired = y.signs.filter((g) => g.fired);
      return fired.length
        ? `В ${y.year} г. ${countRu(fired.length, ["признак", "признака", "признаков"])} необъективности (${y.firedSigns.join(", ")}), каждый требует анализа: ${fired.map((g) => `${g.rule} — ${g.rule === "O6" ? `ВсОШ ${g.year}` : contextRu({ ...g, n: undefined })}`).join("; ")}.`
        : `В ${y.year} г. признаков необъективности не выявлено (оценено: ${y.signs.filter((g) => g.evaluated).length}).`;
    }
    default: {
      if (indicator.startsWith("R")) {
        const y = pick((x) => x.risk.factors.some((f) => f.id === indicator && f.hasData));
        const f = y?.risk.factors.find((x) => x.id === indicator);
        return y && f ? explainFactor(f, y.year) : `${indicator}: нет данных.`;
      }
      const y =
        year !== undefined
          ? s.years.find((x) => x.year === year)
          : ([...s.years].reverse().find((x) => x.signs.some((g) => g.rule === indicator && g.fired)) ??
            [...s.years].reverse().find((x) => x.signs.some((g) => g.rule === indicator && g.evaluated)) ??
            latestWithData(s, (x) => x.signs.some((g) => g.rule === indicator)));
      const list = (y?.signs ?? []).filter((g) => g.rule === indicator);
      const fired = list.filter((g) => g.fired);
      const chosen = fired[0] ?? list.find((g) => g.evaluated) ?? list[0];
      if (!y || !chosen) return `${indicator}: нет данных для оценки признака.`;
      const sentence = explainSign(chosen);
      return fired.length > 1
        ? `${sentence.slice(0, -1)} (и ещё ${countRu(fired.length - 1, ["случай", "случая", "случаев"])} в ${y.year} г.).`
        : sentence;
    }
  }
}

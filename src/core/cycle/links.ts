/**
 * Findings of the analysis as expectations of the management cycle (issue: «findings drive
 * expectations»). A finding — a sign of objectivity, a ШНОР/ШНСУ status, or any other producer's
 * conclusion — names its key (code, year and, when it has them, procedure, grade, subject or
 * indicator), the school and the direction whose cycle must answer it. A row of the «Цикл» sheet
 * answers it by a reference typed in «Связь с выводом», e.g. «O2 ВПР 2026 5 математика» or
 * «ШНОР 2026». This module parses those references and matches them to findings; the evaluation
 * (evaluate.ts) turns unanswered steps into gaps with their reason.
 */
import { PROCEDURES, type CycleLink, type DirectionId } from "../model";
import { canonicalSubject } from "../subjects";

/** A conclusion the cycle must answer. Producers outside the analysis may add their own kinds and codes. */
export interface CycleFinding {
  /** "sign", "risk", or another producer's kind. */
  kind: string;
  /** «O2», «F», «ШНОР», «ШНСУ», … */
  code: string;
  /** Login of the school the finding is about. */
  school: string;
  /** The direction (track) whose cycle must answer it. */
  direction: DirectionId;
  /** Only rows of this track answer it (any track of the direction when absent). */
  track?: string;
  year: number;
  procedure?: string;
  grade?: number;
  subject?: string;
  indicator?: string;
  /** Nominative Russian: «признак O2 (ВПР 2026, 5 кл., математика)». */
  text: string;
  /** After «по»: «признаку O2 (ВПР 2026, 5 кл., математика)». */
  about: string;
}

/** A reference typed in «Связь с выводом»: the key of the finding it answers. */
export type FindingLink = CycleLink;

interface CodeInfo {
  kind: string;
  direction: DirectionId;
  /** «признак», «статус» — the noun before the code. */
  noun: string;
  /** Dative of the noun: «признаку», «статусу». */
  dative: string;
}

const SIGN: Omit<CodeInfo, "direction"> = { kind: "sign", noun: "признак", dative: "признаку" };
const RISK: Omit<CodeInfo, "direction"> = { kind: "risk", noun: "статус", dative: "статусу" };

/**
 * Codes a reference may name and the direction that must answer them: objectivity signs go to
 * the objectivity track (methodology §3), ШНОР/ШНСУ to direction 2 (§4).
 */
export const FINDING_CODES: Readonly<Record<string, CodeInfo>> = {
  O1: { ...SIGN, direction: "O" },
  O2: { ...SIGN, direction: "O" },
  O3: { ...SIGN, direction: "O" },
  O4: { ...SIGN, direction: "O" },
  O5: { ...SIGN, direction: "O" },
  O6: { ...SIGN, direction: "O" },
  O7: { ...SIGN, direction: "O" },
  F: { ...SIGN, direction: "O" },
  ШНОР: { ...RISK, direction: 2 },
  ШНСУ: { ...RISK, direction: 2 },
};

/** The example shown in help texts and errors. */
export const LINK_EXAMPLE = "«O2 ВПР 2026 5 математика» или «ШНОР 2026»";

/** What a component of the cycle lacks when it does not answer a finding (genitive, after «нет»). */
export const STEP_LACKS: readonly string[] = [
  "",
  "целей",
  "показателей",
  "методов сбора информации",
  "мониторинга",
  "анализа",
  "адресных рекомендаций",
  "мер",
  "управленческих решений",
  "анализа эффективности мер",
];

/** What to do when a component does not answer a finding: «Разработать меры» + « по признаку …». */
export const STEP_TODO: readonly string[] = [
  "",
  "Поставить цели",
  "Выбрать показатели",
  "Выбрать методы сбора информации",
  "Провести мониторинг",
  "Провести анализ",
  "Подготовить адресные рекомендации",
  "Разработать меры",
  "Принять управленческие решения",
  "Провести анализ эффективности мер",
];

/** Latin and Cyrillic look-alikes typed for the same code: «О2» (Cyrillic О) is O2, «Ф» is F. */
function normaliseCode(raw: string): string {
  const up = raw.toUpperCase().replace(/Ё/g, "Е");
  if (/^[ОO]\d$/.test(up)) return `O${up.slice(1)}`;
  if (up === "Ф") return "F";
  return up;
}

/** «(ВПР 2026, 5 кл., математика)» — the key of a finding or a reference in brackets. */
export function keyText(k: { year: number; procedure?: string; grade?: number; subject?: string; indicator?: string }) {
  const parts = [
    k.procedure ? `${k.procedure} ${k.year}` : String(k.year),
    k.grade !== undefined ? `${k.grade} кл.` : "",
    k.subject ? k.subject.toLowerCase() : "",
    k.indicator ?? "",
  ].filter(Boolean);
  return `(${parts.join(", ")})`;
}

/** A finding of a known code with its Russian texts. */
export function makeFinding(
  code: string,
  school: string,
  key: { year: number; procedure?: string; grade?: number; subject?: string; indicator?: string },
): CycleFinding {
  const info = FINDING_CODES[code];
  const noun = info?.noun ?? "вывод";
  const dative = info?.dative ?? "выводу";
  const f: CycleFinding = {
    kind: info?.kind ?? "other",
    code,
    school,
    direction: info?.direction ?? 1,
    year: key.year,
    text: `${noun} ${code} ${keyText(key)}`,
    about: `${dative} ${code} ${keyText(key)}`,
  };
  if (key.procedure) f.procedure = key.procedure;
  if (key.grade !== undefined) f.grade = key.grade;
  if (key.subject) f.subject = key.subject;
  if (key.indicator) f.indicator = key.indicator;
  return f;
}

export type LinkParse = { ok: true; link: FindingLink } | { ok: false; error: string };

const PROCEDURE_BY_KEY = new Map(PROCEDURES.map((p) => [p.toUpperCase(), p]));

/** One reference: code first, then year, procedure, grade («5», «5 кл.», «5 класс») and subject in any order. */
export function parseLink(text: string): LinkParse {
  const trimmed = text.replace(/[\u00a0\u202f]/g, " ").trim();
  const tokens = trimmed.replace(/[,()]/g, " ").split(/\s+/).filter(Boolean);
  if (!tokens.length) return { ok: false, error: "ссылка пуста" };
  const code = normaliseCode(tokens[0]);
  if (!FINDING_CODES[code])
    return {
      ok: false,
      error: `«${tokens[0]}» — не код вывода; ожидается ${Object.keys(FINDING_CODES).join(", ")}`,
    };
  const link: FindingLink = { code, year: NaN, text: trimmed };
  const subject: string[] = [];
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i];
    const lower = t.toLowerCase().replace(/\.$/, "");
    const procedure = PROCEDURE_BY_KEY.get(t.toUpperCase());
    if (procedure) link.procedure = procedure;
    else if (/^\d{4}$/.test(t)) {
      if (!Number.isNaN(link.year)) return { ok: false, error: `в ссылке два года: ${link.year} и ${t}` };
      link.year = Number(t);
    } else if (/^\d{1,2}(?:-?й)?$/.test(lower) || /^\d{1,2}кл$/.test(lower)) {
      const g = parseInt(lower, 10);
      if (g < 1 || g > 11) return { ok: false, error: `класс ${g} вне 1–11` };
      link.grade = g;
    } else if (lower === "кл" || lower === "класс" || lower === "класса") continue;
    else subject.push(t);
  }
  if (Number.isNaN(link.year)) return { ok: false, error: "не указан год вывода (например, 2026)" };
  if (subject.length) {
    const s = canonicalSubject(subject.join(" "));
    if (!s) return { ok: false, error: `предмет «${subject.join(" ")}» не распознан` };
    link.subject = s;
  }
  return { ok: true, link };
}

/** Several references in one cell, separated by «;» or a line break. */
export function parseLinks(text: string): { links: FindingLink[]; errors: string[] } {
  const links: FindingLink[] = [];
  const errors: string[] = [];
  for (const part of text.split(/[;\n]/)) {
    if (!part.trim()) continue;
    const r = parseLink(part);
    if (r.ok) links.push(r.link);
    else errors.push(`ссылка «${part.trim()}» не распознана: ${r.error}`);
  }
  return { links, errors };
}

/** A reference answers a finding when code and year agree and every part it names agrees (parts left out match any). */
export function linkMatches(link: FindingLink, f: CycleFinding): boolean {
  return (
    link.code === f.code &&
    link.year === f.year &&
    (link.procedure === undefined || link.procedure === f.procedure) &&
    (link.grade === undefined || link.grade === f.grade) &&
    (link.subject === undefined || link.subject === f.subject)
  );
}

/** The reference a deputy director types for a finding: «O2 ВПР 2026 5 математика». */
export function linkTextOf(f: Pick<CycleFinding, "code" | "year" | "procedure" | "grade" | "subject">): string {
  return [f.code, f.procedure, f.year, f.grade, f.subject?.toLowerCase()].filter((x) => x !== undefined).join(" ");
}

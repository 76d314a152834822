/**
 * From a protocol to the schools the analysis works on. A school of the protocol that also sent
 * its form (matched by the 6 digits of its login, so `sch203389` and `edu203389` are one school)
 * gets the protocol's participants beside its form — unless the form already holds participants
 * of that test (the school's own data wins, the difference is reported). A school without a form
 * becomes a report of its own: passport from the protocol (login, name, municipality), type and
 * location read from the name (a form corrects both). Then the schools are grouped: one
 * municipality per municipality of the protocol, or one region with all of them (`level: region`).
 */
import {
  reportOfPassport,
  type Finding,
  type Location,
  type Municipality,
  type ParticipantRow,
  type SchoolReport,
  type SchoolType,
} from "../../core/model";
import { canonicalSubject } from "../../core/subjects";
import { countRu } from "../../core/values";
import { prefixDiffers, prefixNote, schoolKey } from "../login";
import type { RawImport } from "./import";
import type { RawSchool } from "./rows";

export type RawLevel = "municipality" | "region";

/** School type from its name: «МБОУ "Гимназия № 2"» → гимназия; СОШ when the name says nothing. */
export function typeOfName(name: string): SchoolType {
  const t = name.toLowerCase();
  if (/лице[йя]/.test(t)) return "лицей";
  if (/гимнази/.test(t)) return "гимназия";
  if (/уиоп|углубл[её]нн/.test(t)) return "СОШ с УИОП";
  if (/вечерн|\(сменн|(?:^|[^а-яё])всош(?![а-яё])/.test(t)) return "вечерняя";
  if (/коррекц|адаптир/.test(t)) return "коррекционная";
  if (/(?:^|[^а-яё])оош(?![а-яё])|основная общеобразовательная/.test(t)) return "ООШ";
  if (/(?:^|[^а-яё])нош(?![а-яё])|начальная общеобразовательная|начальная школа/.test(t)) return "НОШ";
  return "СОШ";
}

/** «село» when the name places the school in a village («с. Ачхой-Мартан», «пос.», «ст-ца»), else «город». */
export function locationOfName(name: string): Location {
  return /(?:^|[\s«"(,])(?:с\.|село(?![а-яё])|села(?![а-яё])|пос\.|посёлка|поселка|п\.|пгт|д\.|дер\.|деревн|аул(?![а-яё])|ст-ц|станиц|х\.|хутор|р\.п\.)/i.test(
    name,
  )
    ? "село"
    : "город";
}

function subjectKey(s: string): string {
  return canonicalSubject(s) ?? s.trim();
}

function unitOf(p: Pick<ParticipantRow, "procedure" | "year" | "grade" | "subject">): string {
  return `${p.procedure}|${p.year}|${p.grade}|${subjectKey(p.subject)}`;
}

function note(severity: Finding["severity"], message: string): Finding {
  return { severity, rule: "raw.schools", sheet: "", cell: "", message };
}

/** The municipality a protocol's school belongs to, by name ("" when the layout has none). */
function municipalityOf(s: RawSchool): string {
  return s.municipality || s.region || "Регион";
}

/** The report of a protocol's school without a form: its passport from the protocol, no data of its own. */
function reportOf(r: RawSchool): SchoolReport {
  const passport = {
    login: r.login,
    name: r.name,
    type: typeOfName(r.name),
    location: locationOfName(r.name),
    municipality: municipalityOf(r),
    contingent: [],
  };
  return { ...reportOfPassport(passport), file: r.file };
}

export interface RawSchools {
  schools: SchoolReport[];
  /** School key → the protocol's school, for grouping. */
  raw: Map<string, RawSchool>;
  findings: Finding[];
}

/**
 * The forms' schools with the protocol's participants added, plus a report for every school of
 * the protocol without a form. The inputs are not changed.
 */
export function withRawSchools(formSchools: readonly SchoolReport[], imp: RawImport): RawSchools {
  const findings: Finding[] = [];
  const raw = new Map<string, RawSchool>();
  for (const s of imp.schools) if (!raw.has(schoolKey(s.login))) raw.set(schoolKey(s.login), s);
  if (!imp.ok)
    return {
      schools: [...formSchools],
      raw,
      findings: [note("error", "Протоколы результатов содержат ошибки; в анализ ничего из них не добавлено.")],
    };
  const byKey = new Map<string, SchoolReport>();
  const out: SchoolReport[] = formSchools.map((s) => {
    const copy: SchoolReport = { ...s, participants: [...s.participants] };
    // Protocol runs are pushed onto the copy's columns: an input's own array must not grow.
    if (s.participantColumns) copy.participantColumns = [...s.participantColumns];
    byKey.set(schoolKey(s.passport.login), copy);
    return copy;
  });
  const ownUnits = new Map<string, Set<string>>();
  for (const s of out) ownUnits.set(schoolKey(s.passport.login), new Set(s.participants.map(unitOf)));
  const prefixNotes = new Set<string>();
  const kept = new Map<string, Set<string>>();
  // Tens of thousands of participants share a few hundred logins and one or a few tests.
  const keys = new Map<string, string>();
  // A school's participants of one test come one after another: the school and whether its form
  // already has the test are worked out once per run of them, and the run goes to the school as a
  // view of the table's columns (nothing copied).
  for (const { table, from, to } of imp.ranges) {
    const unit = unitOf(table.test);
    for (let i = from; i < to;) {
      const login = table.logins[table.school[i]];
      const end = table.schoolRunEnd(i, to);
      let key = keys.get(login);
      if (key === undefined) keys.set(login, (key = schoolKey(login)));
      let school = byKey.get(key);
      let created = false;
      if (!school) {
        school = reportOf(raw.get(key) as RawSchool);
        byKey.set(key, school);
        out.push(school);
        ownUnits.set(key, new Set());
        created = true;
      }
      // Every row but one just made the school asks (all of the run share its login).
      if ((!created || end - i > 1) && !prefixNotes.has(key) && prefixDiffers(school.passport.login, login)) {
        prefixNotes.add(key);
        findings.push(note("info", `ОО ${school.passport.login}: ${prefixNote(school.passport.login, login)}.`));
      }
      if (ownUnits.get(key)!.has(unit)) {
        let k = kept.get(key);
        if (!k) kept.set(key, (k = new Set()));
        const t = table.test;
        k.add(`${t.procedure} ${t.year}, ${t.subject}, ${t.grade} класс`);
      } else (school.participantColumns ??= []).push(table.columns(i, end));
      i = end;
    }
  }
  for (const [key, units] of kept) {
    const s = byKey.get(key)!;
    findings.push(
      note(
        "warning",
        `ОО ${s.passport.login}: участники (${[...units].join("; ")}) уже есть в форме школы; в анализе оставлены данные формы, строки протокола не добавлены.`,
      ),
    );
  }
  return { schools: out, raw, findings };
}

/**
 * The schools grouped for analysis: per municipality of the protocol (a form's school not in
 * the protocol goes by its passport's municipality), or all in one region.
 */
export function groupRawSchools(all: RawSchools, level: RawLevel, regionName?: string): Municipality[] {
  const empty = (name: string): Municipality => ({
    name,
    schools: [],
    references: [],
    fiokoMarkers: [],
    riskProfiles: [],
    municipalCycle: [],
  });
  if (level === "region") {
    const name = regionName ?? ([...all.raw.values()].find((s) => s.region)?.region || "Регион");
    return [{ ...empty(name), schools: all.schools }];
  }
  const groups = new Map<string, Municipality>();
  for (const s of all.schools) {
    const r = all.raw.get(schoolKey(s.passport.login));
    const name = r ? municipalityOf(r) : s.passport.municipality || "муниципалитет";
    let m = groups.get(name);
    if (!m) groups.set(name, (m = empty(name)));
    m.schools.push(s);
  }
  return [...groups.values()];
}

/** «3 муниципалитета, 630 ОО» for the CLI's summary line. */
export function describeGroups(groups: readonly Municipality[]): string {
  const n = groups.reduce((a, m) => a + m.schools.length, 0);
  return `${countRu(groups.length, ["муниципалитет", "муниципалитета", "муниципалитетов"])}, ${countRu(n, ["ОО", "ОО", "ОО"])}`;
}

/**
 * Import straight into a consolidation: the municipality's references get the imported region
 * and municipality rows (they then take precedence over the pooled average in O1–O3 and the
 * charts, see src/core/analysis/references.ts), and each school's report gets the imported rows
 * carrying its login. Rows the school's own form already holds are kept from the form — the
 * import never overwrites what a school submitted — and the difference is reported.
 */
import type { Finding, Municipality, ParticipantRow, ReferenceResult, ResultRow, SchoolReport } from "../core/model";
import { canonicalSubject } from "../core/subjects";
import type { FisokoImport } from "./import";
import { prefixDiffers, prefixNote, schoolKey } from "./login";

function subjectKey(s: string): string {
  return canonicalSubject(s) ?? s.trim();
}

function resultKey(r: Pick<ResultRow, "procedure" | "year" | "grade" | "className" | "subject">): string {
  return `${r.procedure}|${r.year}|${r.grade}|${r.className}|${subjectKey(r.subject)}`;
}

function referenceKey(r: ReferenceResult): string {
  return `${r.level}|${r.name.toLowerCase()}|${r.procedure}|${r.year}|${r.grade}|${subjectKey(r.subject)}`;
}

function info(severity: Finding["severity"], message: string): Finding {
  return { severity, rule: "fisoko.consolidation", sheet: "", cell: "", message };
}

/** A participant of a test (code, year, grade, subject): one import row per such key. */
function participantKey(code: string, p: Pick<ParticipantRow, "year" | "grade" | "subject">): string {
  return `${code}\u0000${p.year}\u0000${p.grade}\u0000${subjectKey(p.subject)}`;
}

/**
 * The keys of the participants a school already has: its rows and the columns a regional protocol
 * gave it (src/fisoko/raw/schools.ts; the code as its text, like a row's). Made once per school, so
 * an export of thousands of participants is checked in O(n), not against the whole list each time.
 */
function participantKeys(s: SchoolReport): Set<string> {
  const keys = new Set<string>();
  for (const x of s.participants) keys.add(participantKey(x.code, x));
  for (const c of s.participantColumns ?? []) {
    if (!c.codes) continue;
    const { list, from } = c.codes;
    for (let i = from; i < from + c.count; i++) keys.add(participantKey(String(list[i]), c));
  }
  return keys;
}

/** A new Municipality with the import added (the input is not changed). */
export function mergeIntoMunicipality(
  m: Municipality,
  imp: FisokoImport,
): { municipality: Municipality; findings: Finding[] } {
  const findings: Finding[] = [];
  if (!imp.ok)
    return {
      municipality: m,
      findings: [info("error", "Выгрузки ФИС ОКО содержат ошибки; в свод ничего не добавлено.")],
    };
  const refs = new Map(m.references.map((r) => [referenceKey(r), r]));
  for (const r of imp.references) if (!refs.has(referenceKey(r))) refs.set(referenceKey(r), r);
  // By the login's digits: a form's «sch203389» is the export's «edu203389» (methodology §10).
  const byLogin = new Map(m.schools.map((s) => [schoolKey(s.passport.login), s]));
  const prefixNotes = new Set<string>();
  const schools = new Map<string, SchoolReport>();
  const unknown = new Set<string>();
  const school = (login: string): SchoolReport | null => {
    const key = schoolKey(login);
    const base = byLogin.get(key);
    if (!base) {
      unknown.add(login);
      return null;
    }
    if (prefixDiffers(base.passport.login, login) && !prefixNotes.has(key)) {
      prefixNotes.add(key);
      findings.push(info("info", `ОО ${base.passport.login}: ${prefixNote(base.passport.login, login)}.`));
    }
    let s = schools.get(key);
    if (!s)
      schools.set(
        key,
        (s = { ...base, results: [...base.results], participants: [...base.participants], tasks: [...base.tasks] }),
      );
    return s;
  };
  for (const r of imp.results) {
    const s = r.login ? school(r.login) : null;
    if (!s) continue;
    const own = s.results.find((x) => resultKey(x) === resultKey(r));
    if (own) {
      findings.push(
        info(
          "warning",
          `ОО ${r.login}: ${r.procedure} ${r.year}, ${r.subject}, ${r.grade} класс уже есть в форме школы; в своде оставлены данные формы, строка из «${r.source}» не добавлена.`,
        ),
      );
      continue;
    }
    s.results.push(r);
  }
  const had = new Map<SchoolReport, Set<string>>();
  for (const p of imp.participants) {
    const s = p.login ? school(p.login) : null;
    if (!s) continue;
    let keys = had.get(s);
    if (!keys) had.set(s, (keys = participantKeys(s)));
    const key = participantKey(p.code, p);
    if (keys.has(key)) continue;
    keys.add(key);
    s.participants.push(p);
  }
  for (const t of imp.tasks) {
    for (const s of new Set(
      [...imp.results, ...imp.participants]
        .filter((r) => r.year === t.year && r.grade === t.grade && r.subject === t.subject && r.login)
        .map((r) => r.login as string),
    )) {
      const rep = school(s);
      if (
        rep &&
        !rep.tasks.some(
          (x) =>
            x.year === t.year &&
            x.grade === t.grade &&
            subjectKey(x.subject) === subjectKey(t.subject) &&
            x.procedure === t.procedure,
        )
      )
        rep.tasks.push(t);
    }
  }
  if (unknown.size)
    findings.push(
      info(
        "warning",
        `В своде нет ОО ${[...unknown].join(", ")}: их строки из выгрузок не добавлены (добавьте формы этих школ в свод).`,
      ),
    );
  return {
    municipality: {
      ...m,
      references: [...refs.values()],
      schools: m.schools.map((s) => schools.get(schoolKey(s.passport.login)) ?? s),
    },
    findings,
  };
}

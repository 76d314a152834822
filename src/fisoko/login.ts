/**
 * ФИС ОКО logins (methodology §10). Schools: `sch` + 6 digits until about 2021, `edu` + 6 digits
 * since 2022 — the same digits, so one school appears under both across the years and is matched
 * by its digits. Municipalities: `reg22_m007`; regions: `reg220000`. Exports glue the login to a
 * label in brackets without a space («…район(reg20_m012)», «МБОУ «СОШ №1»(edu203389)») or put it
 * first («edu223144 | МБОУ …»); the login is data, never part of the name.
 */

export type LoginKind = "school" | "municipality" | "region";

const MUNICIPALITY = /^reg\d{1,3}_m\d{1,4}$/i;
const REGION = /^reg\d{3,7}$/i;
/** Today's school logins; older tests and other systems also use other letter prefixes (kept). */
const SCHOOL = /^(?!reg)[a-z]{2,8}\d{3,}$/i;
const SCHOOL_DIGITS = /^(?:sch|edu)(\d{6})$/i;

/** The kind of a login, or null when the text is not a ФИС ОКО login. */
export function loginKind(login: string): LoginKind | null {
  const t = login.trim();
  if (MUNICIPALITY.test(t)) return "municipality";
  if (REGION.test(t)) return "region";
  if (SCHOOL.test(t)) return "school";
  return null;
}

/** «203389» of `sch203389` / `edu203389`; null for other logins. */
export function schoolDigits(login: string): string | null {
  const m = SCHOOL_DIGITS.exec(login.trim());
  return m ? m[1] : null;
}

/**
 * The key a school is matched by: the 6 digits of `sch`/`edu` logins (so `sch203389` and
 * `edu203389` are one school), else the login in lower case.
 */
export function schoolKey(login: string): string {
  return schoolDigits(login) ?? login.trim().toLowerCase();
}

/** Whether two school logins name the same school under different prefixes (sch ↔ edu). */
export function prefixDiffers(a: string, b: string): boolean {
  // Equal logins first: a protocol asks this for every participant of a school, with the same login.
  return a !== b && a.toLowerCase() !== b.toLowerCase() && schoolKey(a) === schoolKey(b);
}

/** The sentence that explains a sch ↔ edu match, for notes. */
export function prefixNote(own: string, other: string): string {
  return `логины ${own} и ${other} — одна ОО: ФИС ОКО выдавала логины ОО с приставкой «sch» примерно до 2021 г. и с «edu» с 2022 г., цифры у одной школы те же; строки сопоставлены по цифрам ${schoolKey(own)}`;
}

const IN_PARENS = /\(\s*([a-z]{2,8}\d[a-z0-9_]*)\s*\)/i;
const LEADING = /^([a-z]{2,8}\d[a-z0-9_]*)(?:\s*[-–—:|]\s*|\s+)(.*)$/i;
const BARE = /^[a-z]{2,8}\d[a-z0-9_]*$/i;

export interface LabelLogin {
  /** The label without the login, spaces collapsed. */
  name: string;
  login: string;
  kind: LoginKind;
}

/**
 * Splits a label into name and login: «…район(reg20_m012)», «(sch420101) МБОУ …»,
 * «edu223144 | МБОУ …», or a bare login. Null when the label carries no ФИС ОКО login.
 */
export function splitLogin(label: string): LabelLogin | null {
  const text = label.trim();
  const found = (login: string, name: string): LabelLogin | null => {
    const kind = loginKind(login);
    if (!kind) return null;
    const l = login.toLowerCase();
    return { login: l, kind, name: name.replace(/\s+/g, " ").trim() || l };
  };
  const p = IN_PARENS.exec(text);
  if (p) {
    const r = found(p[1], text.slice(0, p.index) + " " + text.slice(p.index + p[0].length));
    if (r) return r;
  }
  const l = LEADING.exec(text);
  if (l) {
    const r = found(l[1], l[2]);
    if (r) return r;
  }
  if (BARE.test(text)) return found(text, "");
  return null;
}

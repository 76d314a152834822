/**
 * ФИС ОКО logins are Latin («sch420123», «edu420101»), but they are typed by hand, and a Cyrillic
 * «с» or «о» that looks the same makes the same school a second school in the summary. A login
 * written in Latin letters with Cyrillic look-alikes among them is turned back into Latin; a login
 * with Cyrillic letters that have no Latin twin is left as typed (validation reports it).
 */

/** Cyrillic letters that print like a Latin one, and that Latin letter. */
const LOOK_ALIKES: Readonly<Record<string, string>> = {
  а: "a",
  в: "b",
  е: "e",
  к: "k",
  м: "m",
  н: "h",
  о: "o",
  р: "p",
  с: "c",
  т: "t",
  у: "y",
  х: "x",
  і: "i",
  ј: "j",
  ѕ: "s",
  А: "A",
  В: "B",
  Е: "E",
  К: "K",
  М: "M",
  Н: "H",
  О: "O",
  Р: "P",
  С: "C",
  Т: "T",
  У: "Y",
  Х: "X",
  І: "I",
  Ј: "J",
  Ѕ: "S",
};

/** The login with Cyrillic look-alikes replaced by Latin letters when the login is otherwise Latin. */
export function normaliseLogin(login: string): string {
  let latin = false;
  for (const ch of login) {
    if ((ch >= "a" && ch <= "z") || (ch >= "A" && ch <= "Z")) latin = true;
    else if (ch >= "\u0400" && ch <= "\u04ff" && !(ch in LOOK_ALIKES)) return login;
  }
  if (!latin) return login;
  let out = "";
  for (const ch of login) out += LOOK_ALIKES[ch] ?? ch;
  return out;
}

/**
 * The form's reference in Markdown, generated from the schema and the rule catalogue, so
 * docs/form.md cannot drift from the code (`npx msoko template --docs` prints it; a test compares).
 */
import { typeWord } from "./cells";
import { RULES } from "./rules";
import { FORM_SHEETS, INSTRUCTION_SHEET } from "./schema/sheets";
import type { ColumnSpec } from "./schema/types";

const SEVERITY_RU = { error: "ошибка", warning: "предупреждение", info: "сведения" } as const;

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

function allowed(c: ColumnSpec): string {
  if (c.values) return c.values.join(", ");
  if (c.min !== undefined && c.max !== undefined) return `${c.min}–${c.max}`;
  if (c.min !== undefined) return `≥ ${c.min}`;
  return "";
}

/** Markdown sections: every sheet with its columns, then every validation rule. */
export function formDocsMarkdown(): string {
  const out: string[] = [];
  out.push("<!-- Сгенерировано из src/form/schema: npx msoko template --docs -->", "");
  out.push("### Листы и столбцы", "");
  for (const s of FORM_SHEETS) {
    out.push(`#### «${s.name}»${s.required ? " — обязательный" : ""}`, "");
    out.push(
      s.purpose +
        (s.aliases?.length ? ` Другие принимаемые имена листа: ${s.aliases.map((a) => `«${a}»`).join(", ")}.` : ""),
      "",
    );
    out.push(
      "| Столбец | Идентификатор | Тип | Ед. | Обяз. | Допустимо | Пояснение |",
      "|---|---|---|---|---|---|---|",
    );
    const rows: ColumnSpec[] = [...(s.fields ?? []), ...s.columns];
    for (const c of rows) {
      const type = c.formula ? "формула" : typeWord(c.type);
      out.push(
        `| ${cell(c.header)} | \`${c.id}\` | ${type} | ${c.unit ?? ""} | ${c.required ? "да" : ""} | ${cell(allowed(c))} | ${cell(c.help)} |`,
      );
    }
    if (s.repeated) {
      out.push(
        `| ${s.repeated.header(1)}, ${s.repeated.header(2)}, … | \`${s.repeated.id}\` | ${typeWord(s.repeated.type)} | балл |  | ≥ 0 | ${cell(s.repeated.help)} |`,
      );
    }
    if (s.fields)
      out.push(
        "",
        `Строки «${s.fields.map((f) => f.header).join("», «")}» — в столбце A, значения — в столбце B; ниже — таблица «${s.tableTitle}».`,
      );
    out.push("");
  }
  out.push(`Лист «${INSTRUCTION_SHEET}» создаётся из этого же описания и при проверке не читается.`, "");
  out.push("### Правила проверки", "");
  out.push("| Код | Важность | Что проверяется |", "|---|---|---|");
  for (const [id, r] of Object.entries(RULES))
    out.push(`| \`${id}\` | ${SEVERITY_RU[r.severity]} | ${cell(r.title)} |`);
  out.push("");
  return out.join("\n");
}

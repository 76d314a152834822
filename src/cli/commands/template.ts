/**
 * `msoko template --out form.xlsx`: writes the empty school form, built by the same schema and
 * WriteOp batches as the pane's «Создать форму»; `--preschool` writes a kindergarten's form (passport
 * with type «детский сад», «Группы МКДО», «Цикл»). `--docs` prints the form's reference in
 * Markdown (the generated part of docs/form.md) instead.
 */
import { formDocsMarkdown } from "../../form/docs";
import { templateOps } from "../../form/template";
import { COMMAND_INFO } from "../command-table";
import type { Io } from "../io";
import { checkOutputs } from "../outputs";
import { XlsxWorkbook } from "../../xlsx/exceljs";

export const { summary, usage } = COMMAND_INFO.template;

export async function run(args: string[], io: Io): Promise<number> {
  if (args.includes("--docs")) {
    io.out(formDocsMarkdown());
    return 0;
  }
  const i = args.indexOf("--out");
  const out = i >= 0 ? args[i + 1] : undefined;
  const unknown = args.filter(
    (a, k) => a.startsWith("-") && !["--out", "--force", "--preschool"].includes(a) && args[k - 1] !== "--out",
  );
  if (!out || out.startsWith("-") || unknown.length > 0) {
    io.err(`Использование: msoko ${usage}${unknown.length ? `\nНеизвестный параметр: ${unknown.join(" ")}` : ""}`);
    return 2;
  }
  if (!/\.xlsx$/i.test(out)) {
    io.err(`Имя файла «${out}» должно оканчиваться на .xlsx.`);
    return 2;
  }
  // The product is a form itself: with --force it may replace an older form (never a folder or a device).
  const checked = await checkOutputs(
    [{ path: out, flag: "--out", form: true, example: "форма.xlsx" }],
    { named: [], files: [] },
    args.includes("--force"),
  );
  if (!checked.ok) {
    io.err(checked.message);
    return 2;
  }
  const wb = XlsxWorkbook.create(out);
  const { notices } = await wb.write({ ops: templateOps({ preschool: args.includes("--preschool") }) });
  for (const n of notices) io.err(n);
  await wb.save(out);
  io.out(`Форма записана в «${out}».`);
  return 0;
}

/**
 * `msoko template --out form.xlsx`: writes the empty school form, built by the same schema and
 * WriteOp batches as the pane's «Создать форму»; `--preschool` writes a kindergarten's form (passport
 * with type «детский сад», «Группы МКДО», «Цикл»). With `--mouo` it writes the education authority's
 * cycle book instead: the one sheet «Цикл МОУО» with the columns of the form's «Цикл». `--docs` prints the
 * form's reference in Markdown (the generated part of docs/form.md) instead; `--directions-docs` the
 * indicators of directions 3–8 (the generated part of docs/directions.md).
 */
import { directionsDocsMarkdown } from "../../form/directions-docs";
import { formDocsMarkdown } from "../../form/docs";
import { templateOps } from "../../form/template";
import { MUNICIPAL_CYCLE_SHEET, municipalCycleOps } from "../../form/municipal-cycle";
import { COMMAND_INFO } from "../command-table";
import type { Io } from "../io";
import { checkOutputs } from "../outputs";
import { XlsxWorkbook } from "../../xlsx/exceljs";

export const { summary, usage } = COMMAND_INFO.template;

export async function run(args: string[], io: Io): Promise<number> {
  if (args.includes("--directions-docs")) {
    io.out(directionsDocsMarkdown());
    return 0;
  }
  if (args.includes("--docs")) {
    io.out(formDocsMarkdown());
    return 0;
  }
  const i = args.indexOf("--out");
  const out = i >= 0 ? args[i + 1] : undefined;
  const unknown = args.filter(
    (a, k) =>
      a.startsWith("-") && !["--out", "--force", "--mouo", "--preschool"].includes(a) && args[k - 1] !== "--out",
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
  const mouo = args.includes("--mouo");
  const wb = XlsxWorkbook.create(out);
  const { notices } = await wb.write({
    ops: mouo ? municipalCycleOps() : templateOps({ preschool: args.includes("--preschool") }),
  });
  for (const n of notices) io.err(n);
  await wb.save(out);
  io.out(
    mouo
      ? `Книга цикла МОУО (лист «${MUNICIPAL_CYCLE_SHEET}») записана в «${out}». Передайте её в msoko summarize вместе с формами ОО.`
      : `Форма записана в «${out}».`,
  );
  return 0;
}

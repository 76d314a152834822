/**
 * Fixture for the browser test of the «Свод» page: three schools of the sample municipality as
 * form sheets with a login suffix («Паспорт ОО (edu420101)», …), and the «Свод по ОО» rows the
 * summary must produce for them, computed in Node by the same engine. Prints JSON to stdout.
 */
import { DEFAULT_PROFILE } from "../../src/core/profile";
import { buildSummary } from "../../src/summary/model/build";
import { consolidate } from "../../src/summary/model/consolidate";
import { fillForm } from "../../src/form/template";
import { MemoryWorkbook } from "../../src/host/memory";
import { generateSchools } from "../../src/sample";
import { formGroups, readFormGroups, withSuffix } from "../../src/summary/sources";

const reports = [];
const it = generateSchools({ seed: 2026 });
for (let i = 0; i < 3; i++) reports.push(it.next().value!.report);
const ops = reports.flatMap((r) => withSuffix(fillForm(r), r.passport.login));

// Expected values: the forms as the pane will read them back from the book.
const wb = new MemoryWorkbook();
await wb.write({ ops });
const forms = await readFormGroups(wb, formGroups((await wb.listSheets()).map((s) => s.name)));
const c = consolidate(forms);
const s = buildSummary({
  municipality: {
    name: "",
    schools: c.schools,
    references: [],
    fiokoMarkers: [],
    riskProfiles: [],
    municipalCycle: [],
  },
  files: c.files,
  profile: DEFAULT_PROFILE,
  evaluationDate: "2026-12-31",
  runAt: "2026-11-22T10:00:00",
});
const bySchool = s.sheets.find((x) => x.id === "byschool")!.tables[0];
process.stdout.write(
  JSON.stringify({
    ops,
    logins: reports.map((r) => r.passport.login),
    expected: bySchool.rows,
    headers: bySchool.columns.map((col) => ({ id: col.id, header: col.header })),
  }),
);

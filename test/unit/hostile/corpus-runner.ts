/**
 * Child-process side of corpus-commands.test.ts: runs one msoko command on every file of the
 * hostile2 corpus (copied to a temporary folder), each raced against a time limit, and prints one
 * JSON line per case: exit code, messages, whether the input changed. Run under
 * `node --max-old-space-size=512 --import tsx`, so running out of memory kills this process.
 */
import { copyFileSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../../src/cli/main";
import { memoryIo } from "../../../src/cli/io";
import { CORPUS, HOSTILE2_DIR } from "../../fixtures/hostile2/generate";

const command = process.argv[2];
const limitMs = Number(process.argv[3] ?? 20_000);
const dir = mkdtempSync(join(tmpdir(), `msoko-h2-${command}-`));

function args(file: string): string[] {
  switch (command) {
    case "summarize":
      return ["summarize", file, "--out", join(dir, "svod.xlsx"), "--force"];
    case "school-report":
      return ["school-report", file, "--out", join(dir, "report.xlsx"), "--force"];
    case "import-fisoko":
      return ["import-fisoko", file];
    case "analyze":
      return ["analyze", file];
    default:
      return ["validate", file];
  }
}

for (const f of CORPUS) {
  const file = join(dir, f.file);
  copyFileSync(join(HOSTILE2_DIR, f.file), file);
  const before = readFileSync(file);
  const io = memoryIo();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => (timer = setTimeout(() => resolve("timeout"), limitMs)));
  const outcome = await Promise.race([
    main(args(file), io).then(
      (code) => String(code),
      (e: Error) => `throw ${e.message}`,
    ),
    timeout,
  ]);
  clearTimeout(timer);
  const changed = !readFileSync(file).equals(before);
  console.log(JSON.stringify({ file: f.file, outcome, changed, messages: [...io.stdout, ...io.stderr] }));
}
process.exit(0);

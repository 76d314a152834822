/**
 * Child-process side of corpus-commands.test.ts: runs msoko commands (a comma-separated list) on every
 * file of the hostile2 corpus (copied to a temporary folder), each raced against a time limit, and
 * prints one JSON line per case: command, exit code, messages, whether the input changed. Run under
 * `node --max-old-space-size=512 --import tsx`, so running out of memory kills this process. One
 * process runs all the commands: starting tsx and the CLI five times cost more than the cases.
 */
import { copyFileSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../../src/cli/main";
import { memoryIo } from "../../../src/cli/io";
import { CORPUS, HOSTILE2_DIR } from "../../fixtures/hostile2/generate";

const commands = process.argv[2].split(",");
const limitMs = Number(process.argv[3] ?? 20_000);
const dir = mkdtempSync(join(tmpdir(), "msoko-h2-"));

function args(command: string, file: string): string[] {
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

for (const command of commands) {
  for (const f of CORPUS) {
    const file = join(dir, f.file);
    copyFileSync(join(HOSTILE2_DIR, f.file), file);
    const before = readFileSync(file);
    const io = memoryIo();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<string>((resolve) => (timer = setTimeout(() => resolve("timeout"), limitMs)));
    const outcome = await Promise.race([
      main(args(command, file), io).then(
        (code) => String(code),
        (e: Error) => `throw ${e.message}`,
      ),
      timeout,
    ]);
    clearTimeout(timer);
    const changed = !readFileSync(file).equals(before);
    console.log(JSON.stringify({ command, file: f.file, outcome, changed, messages: [...io.stdout, ...io.stderr] }));
  }
}
process.exit(0);

/** Console output of the CLI, replaceable in tests. */
import { fsErrorMessage } from "./fs-errors";

export interface Io {
  out(line: string): void;
  err(line: string): void;
}

export const processIo: Io = {
  out: (line) => void process.stdout.write(line + "\n"),
  err: (line) => void process.stderr.write(line + "\n"),
};

let guarded = false;

/**
 * `msoko help | head` closes the pipe after ten lines; Node then reports EPIPE as an unhandled
 * 'error' event and crashes with an English stack. The reader has what it wanted: end quietly, code 0.
 */
export function quietOnClosedPipe(): void {
  if (guarded) return;
  guarded = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code === "EPIPE" || e.code === "ERR_STREAM_DESTROYED") process.exit(0);
      // Any other failure of the console itself: one Russian line where it can still go, code 1.
      if (stream !== process.stderr) process.stderr.write(`Ошибка вывода: ${fsErrorMessage(e.code ?? "", "")}\n`);
      process.exit(1);
    });
  }
}

/** Collects output lines, for tests. */
export function memoryIo(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
}

/**
 * `msoko <command> [args]`: wires commands only. The commands are a static table (./command-table:
 * name, help line, call pattern) and a loader per command, so the help needs no command module and
 * the bundle (scripts/build-cli.mjs) splits every command into its own chunk, loaded on demand. Each
 * command module exports `summary`, `usage` and `run(args, io)` returning the exit code.
 */
import { COMMAND_INFO, COMMAND_NAMES, isCommandName, type CommandName } from "./command-table";
import { tuneEngineForBatch } from "./engine";
import { errorText, shorten } from "./fs-errors";
import type { Io } from "./io";
import { processIo, quietOnClosedPipe } from "./io";

export interface Command {
  summary: string;
  usage: string;
  run(args: string[], io: Io): Promise<number>;
}

/** Static imports a bundler can follow: one chunk per command. */
const LOADERS: Record<CommandName, () => Promise<Command>> = {
  analyze: () => import("./commands/analyze"),
  calc: () => import("./commands/calc"),
  demo: () => import("./commands/demo"),
  "import-fisoko": () => import("./commands/import-fisoko"),
  report: () => import("./commands/report"),
  "school-report": () => import("./commands/school-report"),
  summarize: () => import("./commands/summarize"),
  template: () => import("./commands/template"),
  validate: () => import("./commands/validate"),
};

export function commandNames(): string[] {
  return [...COMMAND_NAMES];
}

/** A command's module, with the engine set for a batch run first (./engine). */
function loadKnown(name: CommandName): Promise<Command> {
  tuneEngineForBatch();
  return LOADERS[name]();
}

export async function loadCommand(name: string): Promise<Command | null> {
  return isCommandName(name) ? loadKnown(name) : null;
}

function help(io: Io): void {
  const lines = ["msoko — командная строка МСОКО для Excel", "", "Команды:"];
  const width = Math.max(...COMMAND_NAMES.map((n) => n.length)) + 2;
  for (const name of COMMAND_NAMES) {
    const { summary, usage } = COMMAND_INFO[name];
    lines.push(`  ${name.padEnd(width)}${summary}`, `  ${" ".repeat(width)}msoko ${usage}`);
  }
  lines.push(
    "",
    "Коды выхода: 0 — готово; 1 — готово, но во входных данных есть ошибки (или, для calc, ошибка функции); 2 — неверный вызов.",
  );
  lines.push("Подробно: README.md, раздел «Командная строка».");
  io.out(lines.join("\n"));
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  if (io === processIo) quietOnClosedPipe();
  const [name, ...args] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    help(io);
    return name ? 0 : 2;
  }
  if (!isCommandName(name)) {
    io.err(`Неизвестная команда «${shorten(name, 40)}». Команды: ${COMMAND_NAMES.join(", ")}. Подробно: msoko help`);
    return 2;
  }
  try {
    const command = await loadKnown(name);
    return await command.run(args, io);
  } catch (e) {
    // Node's file errors (a disk full while saving, a folder without rights…) in Russian with the file.
    io.err(`Ошибка: ${errorText(e)}`);
    return 2;
  }
}

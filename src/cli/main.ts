/**
 * `msoko <command> [args]`: wires commands only. Each command is a module in ./commands that
 * exports `summary` (one Russian line for the help) and `run(args, io)` returning an exit code.
 */
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Io } from "./io";
import { processIo } from "./io";

export interface Command {
  summary: string;
  usage: string;
  run(args: string[], io: Io): Promise<number>;
}

const COMMANDS_DIR = join(dirname(fileURLToPath(import.meta.url)), "commands");

export function commandNames(): string[] {
  return readdirSync(COMMANDS_DIR)
    .filter((f) => /^[a-z][a-z-]*\.ts$/.test(f))
    .map((f) => f.slice(0, -3))
    .sort();
}

export async function loadCommand(name: string): Promise<Command | null> {
  if (!/^[a-z][a-z-]*$/.test(name) || !commandNames().includes(name)) return null;
  return (await import(`./commands/${name}.ts`)) as Command;
}

async function help(io: Io): Promise<void> {
  io.out("msoko — командная строка МСОКО для Excel\n");
  io.out("Команды:");
  for (const name of commandNames()) {
    const c = await loadCommand(name);
    if (c) io.out(`  ${c.usage.padEnd(58)} ${c.summary}`);
  }
  io.out("\nПодробно: README.md, раздел «Командная строка».");
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    await help(io);
    return name ? 0 : 2;
  }
  const command = await loadCommand(name);
  if (!command) {
    io.err(`Неизвестная команда «${name}». Список команд: msoko help`);
    return 2;
  }
  try {
    return await command.run(args, io);
  } catch (e) {
    io.err(`Ошибка: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
}

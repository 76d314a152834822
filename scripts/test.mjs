// `npm test`: everything a change must pass, in the order that fails fastest —
// type check, unit tests, production build, offline manifest checks, browser end-to-end tests.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const steps = [
  ["Проверка типов", "npx", ["tsc", "--noEmit", "-p", "tsconfig.json"]],
  ["Модульные тесты", "npx", ["vitest", "run"]],
  ["Сборка", "npx", ["webpack", "--mode", "production"]],
  ["Бюджет размера сборки", "node", ["bench/check-budget.mjs"]],
  ["Проверка манифеста", "node", ["scripts/check-manifest.mjs"]],
];
if (existsSync("test/e2e/run.mjs")) steps.push(["Тесты в браузере", "node", ["test/e2e/run.mjs"]]);

for (const [title, cmd, args] of steps) {
  const started = Date.now();
  console.log(`\n▶ ${title}: ${cmd} ${args.join(" ")}`);
  const r = spawnSync(cmd, args, { stdio: "inherit", shell: process.platform === "win32" });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status !== 0) {
    console.error(`✖ ${title}: ошибка (код ${r.status ?? r.signal}), ${secs} с`);
    process.exit(r.status || 1);
  }
  console.log(`✔ ${title}: ${secs} с`);
}

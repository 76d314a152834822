// Offline manifest checks for CI: office-addin-manifest must parse both the source and the built
// manifest, and the built one must carry the URLs the build was asked for. Structural rules
// (resids, requirement sets, ru-RU overrides) are unit tests: test/unit/manifest.test.ts.
// Online validation against Microsoft's service: npm run validate.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";

let failed = false;
for (const file of ["manifest.xml", "dist/manifest.xml"]) {
  if (!existsSync(file)) {
    console.error(`Нет файла ${file}: сначала npm run build.`);
    failed = true;
    continue;
  }
  const r = spawnSync("npx", ["office-addin-manifest", "info", file], { encoding: "utf8" });
  const ok = r.status === 0 && /Id: [0-9a-f-]{36}/.test(r.stdout);
  console.log(`${ok ? "✔" : "✖"} office-addin-manifest info ${file}`);
  if (!ok) {
    console.error(r.stdout, r.stderr);
    failed = true;
  }
}
const built = existsSync("dist/manifest.xml") ? readFileSync("dist/manifest.xml", "utf8") : "";
const base = process.env.MSOKO_URL || "https://localhost:3000/";
for (const asset of ["taskpane.html", "functions.js", "functions.json", "functions-ru.json"]) {
  if (!built.includes(base + asset)) {
    console.error(`✖ dist/manifest.xml не ссылается на ${base + asset}`);
    failed = true;
  }
  if (!existsSync(`dist/${asset}`)) {
    console.error(`✖ сборка не создала dist/${asset}`);
    failed = true;
  }
}
for (const size of [16, 32, 64, 80]) {
  if (!existsSync(`dist/assets/icon-${size}.png`)) {
    console.error(`✖ нет значка dist/assets/icon-${size}.png`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);

// `npm start`: serves the add-in at https://localhost:3000 (webpack dev server) and tells how
// to load it. Windows desktop: registers the manifest for sideloading (HKCU WEF\Developer);
// macOS: copies it to Excel's wef folder; everywhere: Excel on the web via «Upload My Add-in».
// Where no Excel can be sideloaded (Linux), it points at the browser preview.
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { homedir, platform } from "node:os";
import { join, resolve } from "node:path";

const URL = "https://localhost:3000/";
const manifest = resolve("manifest.xml");
const id = /<Id>([^<]+)<\/Id>/.exec(readFileSync(manifest, "utf8"))[1];
const os = platform();

/**
 * office-addin-dev-certs reports in English on console.log («The developer certificates have been
 * generated…»); `npm start` speaks Russian only, so its lines are held back and our own are printed.
 */
async function quietly(work) {
  const log = console.log;
  console.log = () => {};
  try {
    return await work();
  } finally {
    console.log = log;
  }
}

async function certificates() {
  const certs = await import("office-addin-dev-certs");
  const dir = join(homedir(), ".office-addin-dev-certs");
  if (os === "win32" || os === "darwin") {
    // Asks the OS to trust the development CA (a system dialog may appear once).
    const fresh = !existsSync(join(dir, "ca.crt"));
    await quietly(() => certs.ensureCertificatesAreInstalled());
    if (fresh) console.log(`Сертификаты для https://localhost созданы в ${dir} и добавлены в доверенные.`);
  } else if (!existsSync(join(dir, "localhost.crt"))) {
    await quietly(() => certs.generateCertificates()); // Linux: files only; trusting them needs sudo
    console.log(
      `Сертификаты для https://localhost созданы в ${dir}. Браузер будет предупреждать, что они не доверенные: ` +
        "добавьте ca.crt в доверенные сертификаты или подтвердите исключение для localhost.",
    );
  }
}

function sideload() {
  if (os === "win32") {
    const key = "HKCU\\Software\\Microsoft\\Office\\16.0\\WEF\\Developer";
    const r = spawnSync("reg", ["add", key, "/v", id, "/t", "REG_SZ", "/d", manifest, "/f"], { stdio: "ignore" });
    return r.status === 0
      ? "Excel для Windows: манифест зарегистрирован; откройте Excel — кнопка «Панель МСОКО» на вкладке «Главная»."
      : null;
  }
  if (os === "darwin") {
    const wef = join(homedir(), "Library/Containers/com.microsoft.Excel/Data/Documents/wef");
    mkdirSync(wef, { recursive: true });
    copyFileSync(manifest, join(wef, "msoko-manifest.xml"));
    return "Excel для Mac: манифест скопирован в папку wef; перезапустите Excel — кнопка «Панель МСОКО» на вкладке «Главная».";
  }
  return null;
}

/** webpack-dev-server's own lines are English: translated where the user needs them, the rest held back. */
function relay(text) {
  if (process.env.MSOKO_VERBOSE) {
    process.stdout.write(text);
    return;
  }
  if (/compiled with \d+ error/.test(text)) {
    console.error("Сборка завершилась с ошибками:");
    process.stdout.write(text);
  }
}

await certificates().catch((e) => console.warn(`Сертификаты не подготовлены: ${e.message}`));
console.log("Собираю надстройку (первая сборка занимает до пары минут)…");
const server = spawn("npx", ["webpack", "serve", "--mode", "development"], {
  stdio: ["ignore", "pipe", "pipe"],
  shell: os === "win32",
});
let announced = false;
let stopping = false;
server.stdout.on("data", (chunk) => {
  const text = chunk.toString();
  relay(text);
  if (!announced && /compiled (successfully|with)/.test(text)) {
    announced = true;
    const desktop = sideload();
    console.log(`
МСОКО для Excel запущена: ${URL}
  • Предпросмотр без Excel: ${URL}preview.html
  • Excel в браузере: Вставка → Надстройки → Мои надстройки → Загрузить мою надстройку → ${manifest}
  • ${desktop ?? "Excel для Windows или Mac: запустите npm start на том компьютере или загрузите manifest.xml через общий каталог надстроек."}
Остановить: Ctrl+C`);
    if (!desktop && !process.env.CI && process.env.DISPLAY)
      spawn("xdg-open", [`${URL}preview.html`], { stdio: "ignore", detached: true }).unref();
  }
});
server.stderr.on("data", (chunk) => {
  const text = chunk.toString();
  if (process.env.MSOKO_VERBOSE) process.stderr.write(text);
  else if (/EADDRINUSE/.test(text))
    console.error(
      "Порт 3000 занят: возможно, npm start уже запущен в другом окне. Остановите его или освободите порт.",
    );
  else if (/\b(Error|ERROR)\b/.test(text) && !stopping) process.stderr.write(text);
});
server.on("exit", (code) => {
  if (stopping) console.log("Сервер надстройки остановлен.");
  process.exit(stopping ? 0 : (code ?? 0));
});
for (const sig of ["SIGINT", "SIGTERM"]) {
  process.on(sig, () => {
    if (stopping) return;
    stopping = true;
    console.log("\nОстанавливаю сервер надстройки…");
    server.kill(sig);
  });
}

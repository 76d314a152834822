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

async function certificates() {
  const certs = await import("office-addin-dev-certs");
  const dir = join(homedir(), ".office-addin-dev-certs");
  if (os === "win32" || os === "darwin") {
    await certs.ensureCertificatesAreInstalled(); // asks the OS to trust the development CA
  } else if (!existsSync(join(dir, "localhost.crt"))) {
    await certs.generateCertificates(); // Linux: files only; trusting them needs sudo
    console.log(`Сертификаты созданы в ${dir}. Браузер предупредит о нём: доверьте ca.crt или подтвердите исключение.`);
  }
}

function sideload() {
  if (os === "win32") {
    const key = "HKCU\\Software\\Microsoft\\Office\\16.0\\WEF\\Developer";
    const r = spawnSync("reg", ["add", key, "/v", id, "/t", "REG_SZ", "/d", manifest, "/f"], { stdio: "ignore" });
    return r.status === 0 ? "Excel для Windows: манифест зарегистрирован; откройте Excel — кнопка «Панель МСОКО» на вкладке «Главная»." : null;
  }
  if (os === "darwin") {
    const wef = join(homedir(), "Library/Containers/com.microsoft.Excel/Data/Documents/wef");
    mkdirSync(wef, { recursive: true });
    copyFileSync(manifest, join(wef, "msoko-manifest.xml"));
    return "Excel для Mac: манифест скопирован в папку wef; перезапустите Excel — кнопка «Панель МСОКО» на вкладке «Главная».";
  }
  return null;
}

await certificates().catch((e) => console.warn(`Сертификаты не подготовлены: ${e.message}`));
const server = spawn("npx", ["webpack", "serve", "--mode", "development"], { stdio: ["ignore", "pipe", "inherit"], shell: os === "win32" });
let announced = false;
server.stdout.on("data", (chunk) => {
  const text = chunk.toString();
  if (process.env.MSOKO_VERBOSE) process.stdout.write(text);
  if (!announced && /compiled (successfully|with)/.test(text)) {
    announced = true;
    const desktop = sideload();
    console.log(`
МСОКО для Excel запущена: ${URL}
  • Предпросмотр без Excel: ${URL}preview.html
  • Excel в браузере: Вставка → Надстройки → Мои надстройки → Загрузить мою надстройку → ${manifest}
  • ${desktop ?? "Excel для Windows/Mac: запустите npm start на этом компьютере или загрузите manifest.xml через общий каталог надстроек."}
Остановить: Ctrl+C`);
    if (!desktop && !process.env.CI && process.env.DISPLAY) spawn("xdg-open", [`${URL}preview.html`], { stdio: "ignore", detached: true }).unref();
  }
  if (/compiled with \d+ error/.test(text)) process.stdout.write(text);
});
server.on("exit", (code) => process.exit(code ?? 0));
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.kill(sig));

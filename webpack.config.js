/**
 * Builds dist/: taskpane.html (pane + functions in the shared runtime), functions.js,
 * functions.json (from JSDoc), functions-ru.json (from the translation table), preview.html
 * (the pane against an in-memory workbook; loads no office.js and no external script), page.css,
 * manifest.xml and icons. Both pages carry a Content-Security-Policy meta (see below).
 *
 * Options (environment variables):
 *   MSOKO_URL=https://host/path/   base URL written into dist/manifest.xml (default https://localhost:3000/)
 *   MSOKO_OFFICEJS=local           serve office.js from the @microsoft/office-js package instead of the CDN
 *   MSOKO_OFFICEJS=appsforoffice   load office.js from the old CDN host appsforoffice.microsoft.com
 *                                  (default: the host Microsoft documents now, officeapis.public.onecdn.static.microsoft)
 */
import path from "node:path";
import fs from "node:fs";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { createHash } from "node:crypto";
import HtmlWebpackPlugin from "html-webpack-plugin";
import CopyWebpackPlugin from "copy-webpack-plugin";
import CustomFunctionsMetadataPlugin from "custom-functions-metadata-plugin";
import TerserPlugin from "terser-webpack-plugin";

const require = createRequire(import.meta.url);
const { FunctionsRuPlugin } = require("./scripts/translate-functions.cjs");
const __dirname = path.dirname(fileURLToPath(import.meta.url));

const DEV_URL = "https://localhost:3000/";

/**
 * The oldest webviews that run the pane (docs/compatibility.md): EdgeHTML 18 (Microsoft 365 on
 * Windows 10 without WebView2) and Safari 14 (Excel on older Macs). Every script, dependencies
 * included, is lowered to what both parse (ES2017 syntax); scripts/check-syntax.mjs verifies the
 * emitted bundles. Type checking is not part of the build: `tsc --noEmit` runs once in npm test.
 */
export const WEBVIEW_TARGETS = ["edge18", "safari14"];
/**
 * esbuild's compatibility data marks destructuring as broken in Safari < 14.1 (a WebKit
 * miscompilation, babel/babel#17773) and esbuild cannot lower destructuring, so it refuses to
 * build for "safari14". Safari 14.0 parses destructuring; like Vite for these targets, we keep it.
 */
// charset utf8: Russian text stays UTF-8 (2 bytes a letter) instead of \uXXXX escapes (6 bytes).
const ESBUILD_OPTIONS = { target: WEBVIEW_TARGETS, supported: { destructuring: true }, charset: "utf8" };
/**
 * office.js from Microsoft's CDN: the host its documentation names now (part of Microsoft 365's
 * unified domain) and the older one, which keeps serving. The CSP allows both, so a page built for
 * either, and office.js loading its own parts from either, is never blocked.
 */
const OFFICE_JS = {
  onecdn: "https://officeapis.public.onecdn.static.microsoft/1/office.js",
  appsforoffice: "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
};
const CDN_ORIGINS = Object.values(OFFICE_JS).map((u) => new URL(u).origin);

/** The ES5 start-up check inlined into the pages (src/taskpane/startup-check.js). */
const STARTUP_CHECK = fs.readFileSync(path.join(__dirname, "src/taskpane/startup-check.js"), "utf8");
/** Stands in the CSP for the hashes of the page's inline scripts until InlineScriptHashPlugin knows them. */
const INLINE_HASHES = "'inline-script-hashes'";

/**
 * Puts the SHA-256 of every inline script of the final page (after HTML minification, which may
 * change the script's whitespace) into its Content-Security-Policy, so the webview runs exactly
 * those scripts and no other inline code.
 */
class InlineScriptHashPlugin {
  apply(compiler) {
    compiler.hooks.compilation.tap("InlineScriptHashPlugin", (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).beforeEmit.tap("InlineScriptHashPlugin", (data) => {
        const hashes = [...data.html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
          .filter((m) => !/\bsrc\s*=/i.test(m[1]) && m[2].trim() !== "")
          .map((m) => `'sha256-${createHash("sha256").update(m[2], "utf8").digest("base64")}'`);
        data.html = data.html.split(INLINE_HASHES).join(hashes.join(" "));
        return data;
      });
    });
  }
}

/**
 * Content-Security-Policy of the pane pages: scripts only from this server (and the office.js CDN
 * hosts when the page loads office.js from there), no inline script but the start-up check (by its
 * hash), no network beyond this server. Styles allow 'unsafe-inline' because Fluent UI (Griffel)
 * inserts its rules at run time.
 */
function contentSecurityPolicy(scriptOrigins) {
  const scripts = ["'self'", ...scriptOrigins].join(" ");
  return [
    "default-src 'self'",
    `script-src ${scripts} ${INLINE_HASHES}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    `frame-src ${scripts}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join("; ");
}

export default (env, argv) => {
  const production = argv.mode === "production";
  const baseUrl = process.env.MSOKO_URL || DEV_URL;
  const officeJsOption = process.env.MSOKO_OFFICEJS || "onecdn";
  if (officeJsOption !== "local" && !OFFICE_JS[officeJsOption]) {
    throw new Error(`MSOKO_OFFICEJS=${officeJsOption}: допустимы local, appsforoffice или onecdn (по умолчанию).`);
  }
  const localOfficeJs = officeJsOption === "local";
  if (localOfficeJs && !fs.existsSync(path.join(__dirname, "node_modules/@microsoft/office-js/dist/office.js"))) {
    throw new Error("MSOKO_OFFICEJS=local: нет пакета @microsoft/office-js — выполните npm install.");
  }
  const officeJs = localOfficeJs ? "office-js/office.js" : OFFICE_JS[officeJsOption];
  // The preview runs outside Excel and loads no office.js at all (no external script).
  const page = (filename, chunks, title, withOffice) =>
    new HtmlWebpackPlugin({
      filename,
      template: "./src/taskpane/page.html",
      chunks,
      chunksSortMode: "manual",
      title,
      officeJs: withOffice ? officeJs : "",
      startupCheck: STARTUP_CHECK,
      csp: contentSecurityPolicy(withOffice && !localOfficeJs ? CDN_ORIGINS : []),
      inject: "body",
      minify: production,
    });

  return {
    mode: production ? "production" : "development",
    devtool: production ? false : "source-map",
    entry: {
      functions: "./src/functions/functions.ts",
      // The pane shares the functions' modules (one profile and reporting date in the shared
      // runtime): without dependOn each bundle would carry its own copy of src/functions/context.ts.
      taskpane: { import: "./src/taskpane/index.tsx", dependOn: "functions" },
      preview: { import: "./src/taskpane/preview.tsx", dependOn: "functions" },
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          // All scripts, node_modules included: React, Fluent UI and their helpers ship ES2020+
          // syntax (`?.`, `??`, class static blocks) that EdgeHTML 18 and Safari 14 cannot parse.
          test: /\.[cm]?[jt]sx?$/,
          loader: "esbuild-loader",
          options: ESBUILD_OPTIONS,
        },
      ],
    },
    performance: { hints: false },
    // webpack's own runtime code (chunk loading, module wrappers) at the same syntax level.
    target: ["web", "es2017"],
    optimization: {
      // swc's minifier (through terser-webpack-plugin): as small as terser (pane 384 KB gzip against
      // esbuild's 428 KB, which keeps webpack's unused exports) at a fraction of terser's time.
      // ecma 2017: the minifier must not reintroduce syntax the transpiler lowered.
      minimizer: [
        new TerserPlugin({
          minify: TerserPlugin.swcMinify,
          extractComments: false,
          terserOptions: {
            ecma: 2017,
            compress: { ecma: 2017, passes: 2 },
            mangle: true,
            format: { comments: false, ascii_only: false },
          },
        }),
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ input: "./src/functions/functions.ts", output: "functions.json" }),
      new FunctionsRuPlugin({
        input: "functions.json",
        output: "functions-ru.json",
        table: path.resolve(__dirname, "src/functions/functions.ru.json"),
      }),
      page("taskpane.html", ["functions", "taskpane"], "МСОКО для Excel", true),
      new InlineScriptHashPlugin(),
      page("preview.html", ["functions", "preview"], "МСОКО для Excel — предпросмотр", false),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/page.css", to: "page.css" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => content.toString().split(DEV_URL).join(baseUrl),
          },
          ...(localOfficeJs ? [{ from: "node_modules/@microsoft/office-js/dist", to: "office-js" }] : []),
        ],
      }),
    ],
    devServer: {
      static: { directory: path.resolve(__dirname, "dist") },
      port: 3000,
      host: "localhost",
      hot: false,
      liveReload: true,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: devServerHttps(),
      client: { overlay: false },
    },
  };
};

/** HTTPS with the office-addin-dev-certs certificate when present (Excel requires https). */
function devServerHttps() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const cert = path.join(dir, "localhost.crt");
  const key = path.join(dir, "localhost.key");
  const ca = path.join(dir, "ca.crt");
  if (!fs.existsSync(cert) || !fs.existsSync(key)) return "https";
  return {
    type: "https",
    options: {
      cert: fs.readFileSync(cert),
      key: fs.readFileSync(key),
      ...(fs.existsSync(ca) ? { ca: fs.readFileSync(ca) } : {}),
    },
  };
}

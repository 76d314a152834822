/**
 * Builds dist/: taskpane.html (pane + functions in the shared runtime), functions.js,
 * functions.json (from JSDoc), functions-ru.json (from the translation table), preview.html
 * (the pane against an in-memory workbook; loads no office.js and no external script), page.css,
 * manifest.xml and icons. Both pages carry a Content-Security-Policy meta (see below).
 *
 * Options (environment variables):
 *   MSOKO_URL=https://host/path/   base URL written into dist/manifest.xml (default https://localhost:3000/)
 *   MSOKO_OFFICEJS=local           serve office.js from the @microsoft/office-js package instead of the CDN
 */
import path from "node:path";
import fs from "node:fs";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import HtmlWebpackPlugin from "html-webpack-plugin";
import CopyWebpackPlugin from "copy-webpack-plugin";
import CustomFunctionsMetadataPlugin from "custom-functions-metadata-plugin";

const require = createRequire(import.meta.url);
const { FunctionsRuPlugin } = require("./scripts/translate-functions.cjs");
const __dirname = path.dirname(fileURLToPath(import.meta.url));

const DEV_URL = "https://localhost:3000/";
const CDN_ORIGIN = "https://appsforoffice.microsoft.com";
const CDN_OFFICE_JS = `${CDN_ORIGIN}/lib/1/hosted/office.js`;

/**
 * Content-Security-Policy of the pane pages: scripts only from this server (and the office.js CDN
 * when the page loads office.js from there), no inline scripts, no network beyond this server.
 * Styles allow 'unsafe-inline' because Fluent UI (Griffel) inserts its rules at run time.
 */
function contentSecurityPolicy(scriptOrigins) {
  const scripts = ["'self'", ...scriptOrigins].join(" ");
  return [
    "default-src 'self'",
    `script-src ${scripts}`,
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
  const localOfficeJs = process.env.MSOKO_OFFICEJS === "local";
  const officeJs = localOfficeJs ? "office-js/office.js" : CDN_OFFICE_JS;
  // The preview runs outside Excel and loads no office.js at all (no external script).
  const page = (filename, chunks, title, withOffice) =>
    new HtmlWebpackPlugin({
      filename,
      template: "./src/taskpane/page.html",
      chunks,
      chunksSortMode: "manual",
      title,
      officeJs: withOffice ? officeJs : "",
      csp: contentSecurityPolicy(withOffice && !localOfficeJs ? [CDN_ORIGIN] : []),
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
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { noEmit: false } } },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ input: "./src/functions/functions.ts", output: "functions.json" }),
      new FunctionsRuPlugin({
        input: "functions.json",
        output: "functions-ru.json",
        table: path.resolve(__dirname, "src/functions/functions.ru.json"),
      }),
      page("taskpane.html", ["functions", "taskpane"], "МСОКО для Excel", true),
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
    options: { cert: fs.readFileSync(cert), key: fs.readFileSync(key), ...(fs.existsSync(ca) ? { ca: fs.readFileSync(ca) } : {}) },
  };
}

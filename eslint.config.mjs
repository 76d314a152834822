// ESLint 9 flat config: the habits the official Office add-in templates ship (typescript-eslint,
// the Office add-ins plugin, Prettier for layout), plus React's rules of hooks for the pane.
// `npm run lint` allows no warnings; `npm test` runs it as a step.
//
// Why the Office plugin's own `recommended` preset is not spread here: it parses with its bundled
// typescript-eslint 8.8 (which predates our TypeScript 5.9), pins `ecmaVersion: 6`, skips .tsx files
// and runs Prettier as a lint rule (`prettier/prettier`), so every layout difference would become a lint
// error. We take its rules with the preset's severities and leave layout to Prettier itself
// (`npm run format:check`); eslint-config-prettier switches off every stylistic rule that could fight it.
//
// Rules are syntactic (no type information): type-aware linting would re-run the type checker that
// `tsc --noEmit` already runs once in `npm test`, and would roughly triple the lint time on 2 cores.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import officeAddins from "eslint-plugin-office-addins";
import prettier from "eslint-config-prettier";
import globals from "globals";

/** The Office add-ins plugin's rules at the severities of its `recommended` preset. */
const officeAddinsRules = {
  "office-addins/call-sync-after-load": "error",
  "office-addins/call-sync-before-read": "error",
  "office-addins/load-object-before-read": "error",
  "office-addins/no-context-sync-in-loop": "warn",
  "office-addins/no-empty-load": "warn",
  "office-addins/no-navigational-load": "warn",
  "office-addins/no-office-initialize": "warn",
  "office-addins/test-for-null-using-isNullObject": "error",
};

export default tseslint.config(
  {
    ignores: [
      "dist/",
      "dist-cli/",
      "node_modules/",
      "coverage/",
      "test-artifacts/",
      "bench/out/",
      "bench/node_modules/",
      ".certs/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Every file: ES2022 modules; Node globals for scripts, the browser's for the pane and functions.
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      globals: { ...globals.node, ...globals.browser },
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      // `_name` marks a parameter or binding kept on purpose (a callback's position, a rest sibling).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none", ignoreRestSiblings: true },
      ],
      // From the Office templates' preset.
      "no-eval": "error",
    },
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
    },
  },
  {
    // The Office rules recognise proxy objects by name (`getX()` then `.load`), so they run only on
    // code that may reach Office.js; the Node-only exceljs code (`ws.getCell(…).value`) would trip them.
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/xlsx/exceljs/**", "src/cli/**"],
    plugins: { "office-addins": officeAddins },
    rules: officeAddinsRules,
  },
  {
    // CommonJS build helpers (loaded by webpack through createRequire).
    files: ["**/*.cjs"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // Callbacks of page.evaluate run in the page, where the office.js stand-in defines CustomFunctions.
    files: ["test/e2e/run.mjs"],
    languageOptions: { globals: { CustomFunctions: "readonly" } },
  },
  {
    // The office.js stand-in of the browser tests is a classic script, not a module.
    files: ["test/e2e/office-stub.js"],
    languageOptions: { sourceType: "script" },
  },
  prettier,
);

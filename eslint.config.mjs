import js from "@eslint/js";
import tseslint from "typescript-eslint";
import consoleRules from "./scripts/eslint/no-ui-literals.mjs";

export default tseslint.config(
  { ignores: ["node_modules/", ".next/", "dist/", "data/", "server/generated/", "simulator/", "next-env.d.ts", "test-results/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      "@typescript-eslint/no-non-null-assertion": "off",
      // Terminal output is full of control characters (ANSI escapes, carriage returns): matching them is the job.
      "no-control-regex": "off",
    },
  },
  {
    // Tests read loosely shaped JSON from real servers.
    files: ["tests/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: { module: "writable", require: "readonly", process: "readonly", __dirname: "readonly" } },
  },
  {
    // Browser code must never pull in the long-lived server side (node-pty, Prisma, processes).
    files: ["components/**/*.{ts,tsx}", "app/**/*.tsx"],
    ignores: ["app/**/page.tsx", "app/**/layout.tsx"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/server/*", "**/server/*"], message: "Client code reaches the server only through API routes and sockets." }] }],
    },
  },
  {
    // Route handlers and pages reach the long-lived services only through server/registry.ts (one set of services).
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/**/*.test.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@/server/*", "!@/server/registry"], allowTypeImports: true, message: "Use getServices() from @/server/registry." }] },
      ],
    },
  },
  {
    files: ["lib/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/*", "../server/*", "../../server/*"], message: "lib/ is pure: it imports only lib/ (relatively) and libraries." }] }],
    },
  },
  {
    // Everything a person reads comes from messages/<locale>/*.json (issue #23).
    files: ["app/**/*.tsx", "components/**/*.tsx"],
    plugins: { console: consoleRules },
    rules: { "console/no-ui-literals": "error" },
  },
);

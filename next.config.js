// eslint-disable-next-line @typescript-eslint/no-require-imports -- next.config.js is CommonJS, as Next loads it.
const createNextIntlPlugin = require("next-intl/plugin");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and process-owning packages never go through Next's bundler.
  serverExternalPackages: ["node-pty", "better-sqlite3", "@prisma/adapter-better-sqlite3", "openai"],
  typescript: { tsconfigPath: "tsconfig.json" },
};

// The request's language and catalogues come from lib/i18n/request.ts.
module.exports = createNextIntlPlugin("./lib/i18n/request.ts")(nextConfig);

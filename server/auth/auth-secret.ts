import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** BETTER_AUTH_SECRET, or one made on first start and kept (mode 0600) in the data folder so sessions survive restarts. */
export function loadAuthSecret(configured: string | null, dataDir: string): string {
  if (configured) return configured;
  const file = path.join(dataDir, "auth-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(dataDir, { recursive: true });
    const secret = randomBytes(32).toString("base64url");
    fs.writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
    return secret;
  }
}

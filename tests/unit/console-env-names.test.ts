import { describe, expect, it } from "vitest";
import { CONSOLE_ENV_NAMES } from "../../server/env";

describe("the console's own variables", () => {
  it("keep its settings and secrets from servers, but not the hub endpoints and tokens SGLang reads too", () => {
    for (const name of ["DATABASE_URL", "BETTER_AUTH_SECRET", "CONSOLE_ADMIN_PASSWORD", "PORT"]) expect(CONSOLE_ENV_NAMES).toContain(name);
    for (const name of ["HF_TOKEN", "HF_ENDPOINT", "MODELSCOPE_API_TOKEN", "MODELSCOPE_ENDPOINT", "MODELSCOPE_DOMAIN"]) expect(CONSOLE_ENV_NAMES).not.toContain(name);
  });
});

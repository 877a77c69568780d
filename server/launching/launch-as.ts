// A launch on someone's behalf: the launch policy for operators (on the final argv and environment), the
// supervisor's own validation, and the audit trail. Both launch routes (a form, a saved profile) come here.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { isBoundByLaunchPolicy, type Actor } from "../../lib/authz";
import { AppError } from "../../lib/errors";
import { joinClauses } from "../../lib/i18n/format";
import { translator } from "../../lib/i18n/translate";
import type { InstanceView } from "../../lib/instance-view";
import { buildLaunchArgv, buildLaunchEnv, type LaunchRequest } from "../../lib/launch";
import { launchPolicyViolations } from "../../lib/launch/policy";
import { launchWords } from "../../lib/launch/words-in-locale";
import { maskArgvSecrets, maskedNames, maskEnv } from "../../lib/secrets";
import type { AuditInput } from "../db/audit";
import type { Supervisor } from "../supervisor/supervisor";

const realPath = (value: string): string | null => {
  try {
    return fs.realpathSync(value);
  } catch {
    return null;
  }
};

/**
 * Every server the console launches answers only with its own random `--api-key`, held by the console: its port is
 * no way around the console's accounts, keys and limits. A key given in the profile is kept.
 */
function withInstanceApiKey(request: LaunchRequest): LaunchRequest {
  if (request.profile.flags["--api-key"] !== undefined || request.profile.extraArgs.some((arg) => arg.startsWith("--api-key"))) return request;
  return { ...request, profile: { ...request.profile, flags: { ...request.profile.flags, "--api-key": `sgl-${randomBytes(24).toString("base64url")}` } } };
}

export function createLauncher(deps: { supervisor: Supervisor; modelsDirs: readonly string[]; audit: (input: AuditInput) => Promise<void> }) {
  return async (actor: Actor, request: LaunchRequest): Promise<InstanceView> => {
    const { profile } = request;
    const masked = maskedNames(profile.env);
    if (masked.length > 0) {
      const names = masked.join(", ");
      throw new AppError("bad_request", { detail: `${names} still hold the masked value: type the secret again, or launch the saved profile` }, { localized: (locale) => ({ detail: translator(locale, "validation")("maskedSecret", { names }) }) });
    }
    const argv = buildLaunchArgv(profile);
    if (isBoundByLaunchPolicy(actor)) {
      const violations = launchPolicyViolations({ argv, env: profile.env, modelsDirs: deps.modelsDirs, realPath });
      if (violations.length > 0) {
        throw new AppError("launch_policy", { detail: violations.map((v) => v.message).join("; ") }, {
          localized: (locale) => {
            const words = launchWords(locale);
            return { detail: joinClauses(violations.map((v) => words.text(v.text)), locale) };
          },
        });
      }
    }
    const launched = withInstanceApiKey(request);
    const instance = await deps.supervisor.launch(launched, actor.id);
    await deps.audit({
      actor,
      action: "instance_launch",
      target: instance.name,
      detail: { instanceId: instance.id, argv: maskArgvSecrets(buildLaunchArgv(launched.profile)), env: maskEnv(buildLaunchEnv(profile)) },
    });
    return instance;
  };
}

// Every catalogue, imported statically so Next bundles them and the custom server and the CLI read the same files.
// One file per namespace per locale under messages/; a namespace is added here once, in both locales.

import commonEn from "../../messages/en/common.json";
import authEn from "../../messages/en/auth.json";
import errorsEn from "../../messages/en/errors.json";
import launchEn from "../../messages/en/launch.json";
import flagsEn from "../../messages/en/flags.json";
import instancesEn from "../../messages/en/instances.json";
import logsEn from "../../messages/en/logs.json";
import gpusEn from "../../messages/en/gpus.json";
import playgroundEn from "../../messages/en/playground.json";
import diagnoseEn from "../../messages/en/diagnose.json";
import modelsEn from "../../messages/en/models.json";
import usersEn from "../../messages/en/users.json";
import auditEn from "../../messages/en/audit.json";
import keysEn from "../../messages/en/keys.json";
import usageEn from "../../messages/en/usage.json";
import demoEn from "../../messages/en/demo.json";
import accountEn from "../../messages/en/account.json";
import phasesEn from "../../messages/en/phases.json";
import validationEn from "../../messages/en/validation.json";
import commonZh from "../../messages/zh-CN/common.json";
import authZh from "../../messages/zh-CN/auth.json";
import errorsZh from "../../messages/zh-CN/errors.json";
import launchZh from "../../messages/zh-CN/launch.json";
import flagsZh from "../../messages/zh-CN/flags.json";
import instancesZh from "../../messages/zh-CN/instances.json";
import logsZh from "../../messages/zh-CN/logs.json";
import gpusZh from "../../messages/zh-CN/gpus.json";
import playgroundZh from "../../messages/zh-CN/playground.json";
import diagnoseZh from "../../messages/zh-CN/diagnose.json";
import modelsZh from "../../messages/zh-CN/models.json";
import usersZh from "../../messages/zh-CN/users.json";
import auditZh from "../../messages/zh-CN/audit.json";
import keysZh from "../../messages/zh-CN/keys.json";
import usageZh from "../../messages/zh-CN/usage.json";
import demoZh from "../../messages/zh-CN/demo.json";
import accountZh from "../../messages/zh-CN/account.json";
import phasesZh from "../../messages/zh-CN/phases.json";
import validationZh from "../../messages/zh-CN/validation.json";
import type { Locale } from "./locales";

export const NAMESPACES = ["common", "auth", "errors", "launch", "flags", "instances", "logs", "gpus", "playground", "diagnose", "models", "users", "audit", "keys", "usage", "demo", "account", "phases", "validation"] as const;
export type Namespace = (typeof NAMESPACES)[number];
export type Catalogue = Record<Namespace, Record<string, unknown>>;

export const CATALOGUES: Record<Locale, Catalogue> = {
  en: { common: commonEn, auth: authEn, errors: errorsEn, launch: launchEn, flags: flagsEn, instances: instancesEn, logs: logsEn, gpus: gpusEn, playground: playgroundEn, diagnose: diagnoseEn, models: modelsEn, users: usersEn, audit: auditEn, keys: keysEn, usage: usageEn, demo: demoEn, account: accountEn, phases: phasesEn, validation: validationEn },
  "zh-CN": { common: commonZh, auth: authZh, errors: errorsZh, launch: launchZh, flags: flagsZh, instances: instancesZh, logs: logsZh, gpus: gpusZh, playground: playgroundZh, diagnose: diagnoseZh, models: modelsZh, users: usersZh, audit: auditZh, keys: keysZh, usage: usageZh, demo: demoZh, account: accountZh, phases: phasesZh, validation: validationZh },
};

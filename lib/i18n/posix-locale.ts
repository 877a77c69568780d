// The language of a command-line tool: `--lang`, else the POSIX locale variables (LC_ALL, then LC_MESSAGES, then
// LANG; an empty one counts as unset), else English. Any Chinese locale reads Simplified Chinese.
import { DEFAULT_LOCALE, type Locale } from "./locales";

/** `zh`, `zh-CN`, `zh_CN`, `en`, `en-US` … (any case) as one of our locales; null for anything else. */
export function localeOfLangOption(value: string): Locale | null {
  const tag = value.trim().toLowerCase().replace(/_/g, "-");
  if (/^zh(-(cn|hans|hans-cn|sg))?$/.test(tag)) return "zh-CN";
  if (/^en(-[a-z]{2})?$/.test(tag)) return "en";
  return null;
}

/** The locale the environment asks for, as POSIX orders the variables. */
export function localeOfEnvironment(env: Readonly<Record<string, string | undefined>>): Locale {
  const chosen = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v.trim() !== "");
  if (chosen === undefined) return DEFAULT_LOCALE;
  const language = chosen.split(/[.@]/)[0]?.toLowerCase() ?? "";
  return language === "zh" || language.startsWith("zh_") || language.startsWith("zh-") ? "zh-CN" : DEFAULT_LOCALE;
}

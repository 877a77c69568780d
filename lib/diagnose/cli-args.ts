/** The diagnose command's arguments; a mistake comes back as a sentence in the language already chosen. */
import type { Locale } from "../i18n/locales";
import { localeOfEnvironment, localeOfLangOption } from "../i18n/posix-locale";
import { translator } from "../i18n/translate";

export interface DiagnoseArgs {
  json: boolean;
  file: string;
  maxKeyLines: number | undefined;
  locale: Locale;
}

export type ParsedDiagnoseArgs = { ok: true; args: DiagnoseArgs } | { ok: false; usage: boolean; message: string | null; locale: Locale };

/** `--lang` wins over LC_ALL / LC_MESSAGES / LANG; an unknown `--lang` is an error in the environment's language. */
export function parseDiagnoseArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): ParsedDiagnoseArgs {
  let locale = localeOfEnvironment(env);
  let badLang: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? "";
    const value = a === "--lang" ? argv[i + 1] : a.startsWith("--lang=") ? a.slice("--lang=".length) : undefined;
    if (value === undefined) continue;
    const chosen = localeOfLangOption(value);
    if (chosen === null) badLang ??= value;
    else locale = chosen;
  }
  const t = translator(locale, "diagnose");
  const fail = (message: string | null, usage = false): ParsedDiagnoseArgs => ({ ok: false, usage, message, locale });
  if (badLang !== null) return fail(t("cli.errors.lang", { value: badLang }));

  let json = false;
  let file: string | null = null;
  let maxKeyLines: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? "";
    if (a === "--json") json = true;
    else if (a === "--lang") i++;
    else if (a.startsWith("--lang=")) continue;
    else if (a === "--max-key-lines") {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v) || v < 1) return fail(t("cli.errors.maxKeyLines"));
      maxKeyLines = v;
    } else if (a === "-h" || a === "--help") return fail(null, true);
    else if (a === "-" || !a.startsWith("-")) {
      if (file !== null) return fail(t("cli.errors.oneFile"));
      file = a;
    } else return fail(t("cli.errors.unknownOption", { option: a }));
  }
  if (file === null) return fail(t("cli.errors.noFile"));
  return { ok: true, args: { json, file, maxKeyLines, locale } };
}

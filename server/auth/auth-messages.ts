// Better Auth's refusals in the reader's language. Better Auth answers {code, message} in English; the console
// replaces the message by code with its own wording from messages/<locale>/auth.json (serverErrors), so a
// person reads why in their language whatever client they use. The English original stays in the sign-in log.
import type { Locale } from "../../lib/i18n/locales";
import { translator } from "../../lib/i18n/translate";
import { PASSWORD_LENGTH } from "../../lib/users";

/** The console's English ban messages (what Better Auth logs): which one tells pending from disabled. */
export const BAN_MESSAGES = {
  pending: "Your account waits for an administrator's approval.",
  disabled: "This account is disabled; ask an administrator of this console.",
} as const;

/** Better Auth's codes the console words itself, to their key under serverErrors. */
const KEY_BY_CODE: Record<string, string> = {
  // The same for an unknown email and a wrong password: Better Auth already answers both with this code.
  INVALID_EMAIL_OR_PASSWORD: "wrongCredentials",
  INVALID_PASSWORD: "currentPasswordWrong",
  PASSWORD_TOO_SHORT: "passwordTooShort",
  PASSWORD_TOO_LONG: "passwordTooLong",
};

/** The message to send for one of Better Auth's error bodies, or null to leave it as Better Auth wrote it. */
export function localizedAuthError(body: { code?: unknown; message?: unknown } | undefined, locale: Locale): string | null {
  const code = typeof body?.code === "string" ? body.code : "";
  const t = translator(locale, "auth");
  if (code === "BANNED_USER") return t(body?.message === BAN_MESSAGES.pending ? "serverErrors.accountPending" : "serverErrors.accountDisabled");
  const key = KEY_BY_CODE[code];
  return key ? t(`serverErrors.${key}`, PASSWORD_LENGTH) : null;
}

/** The answer to a sign-in from an address that failed too often (server/auth/failed-sign-ins.ts). */
export function tooManyFailedSignIns(retryAfterS: number, locale: Locale): { code: string; message: string } {
  return { code: "TOO_MANY_FAILED_SIGN_INS", message: translator(locale, "auth")("serverErrors.tooManyFailedSignIns", { seconds: retryAfterS }) };
}

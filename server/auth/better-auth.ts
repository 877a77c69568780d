// Better Auth, configured for this console: email and password, sessions in the database, the admin plugin's
// role and ban fields. Better Auth ships ESM only while the custom server compiles to CommonJS: it is loaded
// here, once, with a dynamic import() (kept as import() by tsconfig.server.json's `module: node20`).
import type { BetterAuthOptions } from "better-auth" with { "resolution-mode": "import" };
import { cookieValue, isLocale, LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE_S, localeOfHeaders, type Locale } from "../../lib/i18n/locales";
import { PASSWORD_LENGTH } from "../../lib/users";
import type { Db } from "../db/client";
import { BAN_MESSAGES, localizedAuthError } from "./auth-messages";

export const SESSION_COOKIE_PREFIX = "sglang-console";
/** The header the console sets to the client's address (a client's own value is overwritten). */
export const CLIENT_IP_HEADER = "x-console-client-ip";
export const PENDING_APPROVAL = "pending approval";

export interface AuthTimeouts {
  /** A session unused this long ends (each use within it extends it). */
  idleS: number;
  /** A session ends this long after sign-in, however much it is used. */
  absoluteS: number;
}

export interface SignInEvent {
  email: string;
  ip: string | null;
  userId: string | null;
  ok: boolean;
  reason: string | null;
}

export async function createBetterAuth(options: { db: Db; secret: string; timeouts: AuthTimeouts; consoleOrigins: readonly string[]; onSignIn: (event: SignInEvent) => void }) {
  const { betterAuth } = await import("better-auth");
  const { prismaAdapter } = await import("better-auth/adapters/prisma");
  const { admin } = await import("better-auth/plugins");
  const { APIError, createAuthMiddleware, isAPIError } = await import("better-auth/api");
  /** Sign-in sets the locale cookie from the account's language; a language chosen before signing in becomes the account's. */
  const localeAtSignIn = async (user: { id: string; locale?: unknown }, cookieHeader: string | null | undefined, setCookie: (locale: Locale) => void) => {
    if (isLocale(user.locale)) return setCookie(user.locale);
    const chosen = cookieValue(cookieHeader, LOCALE_COOKIE);
    if (isLocale(chosen)) await options.db.user.updateMany({ where: { id: user.id }, data: { locale: chosen } });
  };
  const useSecureCookies = options.consoleOrigins.length > 0 && options.consoleOrigins.every((origin) => origin.startsWith("https:"));
  const config = {
    appName: "SGLang Console",
    secret: options.secret,
    // The request's own host, once the request guard has allowed it (loopback on any port, or CONSOLE_URL's hosts).
    baseURL: {
      allowedHosts: ["localhost", "localhost:*", "127.0.0.1", "127.0.0.1:*", "[::1]", "[::1]:*", ...options.consoleOrigins.map((origin) => new URL(origin).host)],
      protocol: "auto",
      // Server-side calls (the first administrator from the environment) have no request to take a host from.
      fallback: options.consoleOrigins[0] ?? "http://127.0.0.1",
    },
    // The request guard has already checked Host and Origin against the console's own names; Better Auth's
    // own origin check then accepts the request's origin.
    trustedOrigins: (request?: Request) => (request ? [new URL(request.url).origin, request.headers.get("origin")] : []),
    database: prismaAdapter(options.db, { provider: "sqlite" }),
    // The person's language travels with their account: sign-in sets the locale cookie from it.
    user: { additionalFields: { locale: { type: "string", required: false, input: false } } },
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: PASSWORD_LENGTH.min, maxPasswordLength: PASSWORD_LENGTH.max },
    session: { expiresIn: options.timeouts.idleS, updateAge: Math.min(options.timeouts.idleS / 4, 15 * 60) },
    rateLimit: {
      enabled: true,
      storage: "memory",
      window: 60,
      max: 600,
      // Sign-in is limited by its failures per address (server/auth/failed-sign-ins.ts), not by its attempts.
      customRules: { "/sign-in/email": false, "/change-password": { window: 10, max: 3 } },
    },
    advanced: {
      cookiePrefix: SESSION_COOKIE_PREFIX,
      // Secure cookies only when the console is served over https (CONSOLE_URL); on loopback or a LAN over http
      // a Secure cookie would never come back.
      useSecureCookies,
      // The browser keeps the cookie up to the absolute timeout; the idle timeout is the session row's sliding expiry.
      cookies: { session_token: { attributes: { maxAge: options.timeouts.absoluteS } } },
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      database: { generateId: () => crypto.randomUUID() },
    },
    telemetry: { enabled: false },
    plugins: [
      admin({
        defaultRole: "viewer",
        adminRoles: ["admin"],
        roles: undefined,
        bannedUserMessage: (user: { banReason?: string | null }) => (user.banReason === PENDING_APPROVAL ? BAN_MESSAGES.pending : BAN_MESSAGES.disabled),
      }),
    ],
    hooks: {
      after: createAuthMiddleware(async (ctx) => {
        const returned = ctx.context.returned;
        if (ctx.path === "/sign-in/email") {
          const failed = isAPIError(returned) || (returned instanceof Response && returned.status >= 400);
          const session = ctx.context.newSession;
          options.onSignIn({
            email: String((ctx.body as { email?: unknown } | undefined)?.email ?? ""),
            ip: ctx.request?.headers.get(CLIENT_IP_HEADER) ?? null,
            userId: session?.user.id ?? null,
            ok: !failed && session !== null,
            reason: isAPIError(returned) ? String(returned.body?.message ?? returned.message) : null,
          });
          if (!failed && session) {
            await localeAtSignIn(session.user, ctx.request?.headers.get("cookie"), (locale) =>
              ctx.setCookie(LOCALE_COOKIE, locale, { path: "/", maxAge: LOCALE_COOKIE_MAX_AGE_S, sameSite: "lax", httpOnly: false, secure: useSecureCookies }),
            );
          }
        }
        // A browser's request gets Better Auth's refusal in its language (server-side calls keep the original).
        const message = ctx.request && isAPIError(returned) ? localizedAuthError(returned.body, localeOfHeaders(ctx.request.headers)) : null;
        if (message && isAPIError(returned)) throw new APIError(returned.status, { ...returned.body, message });
      }),
    },
  } satisfies BetterAuthOptions;
  return betterAuth(config);
}

export type BetterAuthInstance = Awaited<ReturnType<typeof createBetterAuth>>;

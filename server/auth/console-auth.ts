// Who is signed in, and the accounts behind them. Better Auth owns passwords, sessions and sign-in (with its
// rate limit); this module turns a session into an Actor, enforces the absolute session timeout, and performs
// the administrator's user operations directly on the tables Better Auth reads.
import type { IncomingMessage, ServerResponse } from "node:http";
import { ROLES, type Actor, type UserRole } from "../../lib/authz";
import { AppError } from "../../lib/errors";
import { isLocale, localeOfHeaders, type Locale } from "../../lib/i18n/locales";
import { TtlCache } from "../../lib/ttl-cache";
import type { UserView } from "../../lib/users";
import type { Db } from "../db/client";
import { tooManyFailedSignIns } from "./auth-messages";
import { FailedSignIns } from "./failed-sign-ins";
import { CLIENT_IP_HEADER, createBetterAuth, PENDING_APPROVAL, type AuthTimeouts, type BetterAuthInstance, type SignInEvent } from "./better-auth";

export type { UserView };

export interface SignedIn {
  actor: Actor;
  sessionId: string;
}

/** The Better Auth endpoints the console uses; every other one answers 404. */
const EXPOSED_AUTH_PATHS = new Set(["/api/auth/sign-in/email", "/api/auth/sign-out", "/api/auth/get-session", "/api/auth/change-password"]);

/** How long a looked-up session is trusted (changes made through the console clear it at once). */
const SESSION_LOOKUP_CACHE_MS = 1000;

const asRole = (role: string | null | undefined): UserRole => ((ROLES as readonly string[]).includes(role ?? "") ? (role as UserRole) : "viewer");

function statusOf(user: { banned: boolean | null; banReason: string | null }): UserView["status"] {
  if (!user.banned) return "active";
  return user.banReason === PENDING_APPROVAL ? "pending" : "disabled";
}

export class ConsoleAuth {
  private readonly names = new Map<string, string>([["local", "local"]]);
  private readonly failedSignIns: FailedSignIns;
  /** Sessions looked up in the last second, by cookie: a lookup per request cost the playground ~4 ms at 1 stream. */
  private readonly recent = new TtlCache<string, SignedIn | null>({ ttlMs: SESSION_LOOKUP_CACHE_MS });

  private constructor(
    private readonly db: Db,
    private readonly auth: BetterAuthInstance,
    private readonly timeouts: AuthTimeouts,
    private readonly nodeHandler: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
    private readonly toHeaders: (headers: IncomingMessage["headers"]) => Headers,
    failedSignIns: FailedSignIns,
  ) {
    this.failedSignIns = failedSignIns;
  }

  static async create(options: { db: Db; secret: string; timeouts: AuthTimeouts; consoleOrigins: readonly string[]; onSignIn: (event: SignInEvent) => void }): Promise<ConsoleAuth> {
    const failedSignIns = new FailedSignIns();
    const auth = await createBetterAuth({
      ...options,
      onSignIn: (event) => {
        if (!event.ok && event.ip) failedSignIns.record(event.ip);
        options.onSignIn(event);
      },
    });
    const { toNodeHandler, fromNodeHeaders } = await import("better-auth/node");
    const consoleAuth = new ConsoleAuth(options.db, auth, options.timeouts, toNodeHandler(auth), fromNodeHeaders, failedSignIns);
    await consoleAuth.refreshNames();
    return consoleAuth;
  }

  /** Answers Better Auth's own routes (sign-in, sign-out, session, password change); true when it did. */
  handle(req: IncomingMessage, res: ServerResponse): boolean {
    const path = (req.url ?? "/").split("?")[0]!;
    if (!path.startsWith("/api/auth/")) return false;
    if (!EXPOSED_AUTH_PATHS.has(path)) {
      res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: { code: "not_found", message: "No such route." } }));
      return true;
    }
    const retryAfterS = path === "/api/auth/sign-in/email" ? this.failedSignIns.retryAfterS(String(req.headers[CLIENT_IP_HEADER])) : null;
    if (retryAfterS !== null) {
      const body = JSON.stringify(tooManyFailedSignIns(retryAfterS, localeOfHeaders(req.headers)));
      res.writeHead(429, { "content-type": "application/json", "retry-after": String(retryAfterS) }).end(body);
      return true;
    }
    // Sign-out and password changes end sessions: nothing may pass on a remembered lookup after them.
    res.once("finish", () => this.recent.clear());
    void this.nodeHandler(req, res);
    return true;
  }

  /** The signed-in person behind these request headers, or null (no cookie, expired, revoked, disabled). */
  async signedIn(headers: Headers | IncomingMessage["headers"]): Promise<SignedIn | null> {
    // The cookie is read without building web Headers: a remembered session needs nothing more.
    const cookie = headers instanceof Headers ? headers.get("cookie") : headers.cookie;
    if (!cookie) return null;
    return this.recent.get(cookie, () => this.lookUp(headers instanceof Headers ? headers : this.toHeaders(headers)));
  }

  private async lookUp(webHeaders: Headers): Promise<SignedIn | null> {
    const found = await this.auth.api.getSession({ headers: webHeaders }).catch(() => null);
    if (!found) return null;
    const { session, user } = found as { session: { id: string; token: string; createdAt: Date }; user: { id: string; name: string; role?: string | null; banned?: boolean | null } };
    if (Date.now() - new Date(session.createdAt).getTime() > this.timeouts.absoluteS * 1000) {
      await this.db.session.deleteMany({ where: { id: session.id } });
      return null;
    }
    if (user.banned) return null;
    return { sessionId: session.id, actor: { id: user.id, name: user.name, role: asRole(user.role) } };
  }

  async actorOrThrow(headers: Headers | IncomingMessage["headers"]): Promise<Actor> {
    const signedIn = await this.signedIn(headers);
    if (!signedIn) throw new AppError("unauthorized");
    return signedIn.actor;
  }

  /** Whether a session is still valid with the same role (open sockets are closed when not). */
  async sessionStillValid(sessionId: string, role: string): Promise<boolean> {
    const session = await this.db.session.findUnique({ where: { id: sessionId }, include: { user: true } });
    if (!session || session.expiresAt.getTime() < Date.now()) return false;
    if (Date.now() - session.createdAt.getTime() > this.timeouts.absoluteS * 1000) return false;
    return !session.user.banned && asRole(session.user.role) === role;
  }

  nameOf(userId: string): string {
    return this.names.get(userId) ?? userId;
  }

  async countUsers(): Promise<number> {
    return this.db.user.count();
  }

  async listUsers(): Promise<UserView[]> {
    const users = await this.db.user.findMany({ orderBy: { createdAt: "asc" } });
    return users.map((user) => ({ id: user.id, name: user.name, email: user.email, role: asRole(user.role), status: statusOf(user), createdAt: user.createdAt.toISOString() }));
  }

  async createUser(input: { name: string; email: string; password: string; role: UserRole; pending?: boolean }): Promise<UserView> {
    const email = input.email.trim().toLowerCase();
    if (await this.db.user.findUnique({ where: { email } })) throw new AppError("conflict", { detail: `a user with the email ${email} exists already` });
    const { user } = await this.auth.api.createUser({
      body: { email, password: input.password, name: input.name.trim(), role: input.role as "admin", data: input.pending ? { banned: true, banReason: PENDING_APPROVAL } : {} },
    });
    await this.refreshNames();
    return this.userOrThrow(user.id);
  }

  async setRole(userId: string, role: UserRole): Promise<UserView> {
    await this.userOrThrow(userId);
    await this.db.user.update({ where: { id: userId }, data: { role } });
    this.recent.clear();
    return this.userOrThrow(userId);
  }

  /** Disabling ends every session of the user at once; approving a pending user makes them active. */
  async setStatus(userId: string, status: "active" | "disabled"): Promise<UserView> {
    await this.userOrThrow(userId);
    await this.db.user.update({ where: { id: userId }, data: status === "active" ? { banned: false, banReason: null } : { banned: true, banReason: "disabled by an administrator" } });
    if (status === "disabled") await this.db.session.deleteMany({ where: { userId } });
    this.recent.clear();
    return this.userOrThrow(userId);
  }

  /** Sets a new password and signs the user out everywhere. */
  async resetPassword(userId: string, password: string): Promise<void> {
    await this.userOrThrow(userId);
    const context = await this.auth.$context;
    const hash = await context.password.hash(password);
    await this.db.account.updateMany({ where: { userId, providerId: "credential" }, data: { password: hash } });
    await this.db.session.deleteMany({ where: { userId } });
    this.recent.clear();
  }

  /** Remembers a person's language, so their next sign-in anywhere sets it. */
  async setLocale(userId: string, locale: Locale): Promise<void> {
    await this.db.user.updateMany({ where: { id: userId }, data: { locale } });
  }

  /** The language saved on a person's account, or null while they have not chosen one. */
  async savedLocale(userId: string): Promise<Locale | null> {
    const user = await this.db.user.findUnique({ where: { id: userId }, select: { locale: true } });
    return isLocale(user?.locale) ? user.locale : null;
  }

  async revokeSessions(userId: string): Promise<void> {
    await this.db.session.deleteMany({ where: { userId } });
    this.recent.clear();
  }

  private async userOrThrow(userId: string): Promise<UserView> {
    const user = (await this.listUsers()).find((candidate) => candidate.id === userId);
    if (!user) throw new AppError("user_not_found", { id: userId });
    return user;
  }

  private async refreshNames(): Promise<void> {
    for (const user of await this.db.user.findMany({ select: { id: true, name: true } })) this.names.set(user.id, user.name);
  }
}

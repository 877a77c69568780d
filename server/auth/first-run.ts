// The first administrator: created in the browser on first run, or from CONSOLE_ADMIN_EMAIL / _PASSWORD at
// start. When the console listens beyond loopback, the browser setup needs the one-time token it printed.
import { randomBytes, timingSafeEqual } from "node:crypto";
import { AppError } from "../../lib/errors";
import { isLoopbackHostName } from "../../lib/request-guard";
import type { Db } from "../db/client";
import type { UserView } from "../../lib/users";
import type { ConsoleAuth } from "./console-auth";

/** The id rows had before accounts existed. */
export const PRE_ACCOUNTS_OWNER = "local";

export interface AdminInput {
  name: string;
  email: string;
  password: string;
}

export class FirstRun {
  /** Serialises setups: two at once make exactly one administrator (the console is one process). */
  private queue: Promise<unknown> = Promise.resolve();
  readonly setupToken: string | null;

  constructor(
    private readonly db: Db,
    private readonly auth: ConsoleAuth,
    listenHost: string,
    private readonly onAdminCreated: (admin: UserView) => void,
  ) {
    this.setupToken = isLoopbackHostName(listenHost.toLowerCase()) ? null : randomBytes(18).toString("base64url");
  }

  async needsSetup(): Promise<boolean> {
    return (await this.auth.countUsers()) === 0;
  }

  /** From the browser: refused once any user exists, or without the token when one is required. */
  setupFromBrowser(input: AdminInput & { token?: string }): Promise<UserView> {
    if (this.setupToken !== null && !sameSecret(input.token ?? "", this.setupToken)) return Promise.reject(new AppError("setup_token_invalid"));
    return this.createFirstAdmin(input);
  }

  /** From CONSOLE_ADMIN_EMAIL / CONSOLE_ADMIN_PASSWORD at start: does nothing once any user exists. */
  async setupFromEnvironment(admin: { email: string; password: string }): Promise<UserView | null> {
    if (!(await this.needsSetup())) return null;
    return this.createFirstAdmin({ name: admin.email.split("@")[0]!, ...admin });
  }

  private createFirstAdmin(input: AdminInput): Promise<UserView> {
    const attempt = this.queue.then(async () => {
      if (!(await this.needsSetup())) throw new AppError("setup_done");
      const admin = await this.auth.createUser({ ...input, role: "admin" });
      await this.adoptRowsBeforeAccounts(admin.id);
      this.onAdminCreated(admin);
      return admin;
    });
    this.queue = attempt.catch(() => undefined);
    return attempt;
  }

  private async adoptRowsBeforeAccounts(adminId: string): Promise<void> {
    const from = PRE_ACCOUNTS_OWNER;
    await this.db.$transaction([
      this.db.instance.updateMany({ where: { owner: from }, data: { owner: adminId } }),
      this.db.run.updateMany({ where: { startedBy: from }, data: { startedBy: adminId } }),
      this.db.launchProfile.updateMany({ where: { owner: from }, data: { owner: adminId } }),
      this.db.playgroundSession.updateMany({ where: { owner: from }, data: { owner: adminId } }),
    ]);
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

import type { UserRole } from "./authz";

/** A user as the Users page and the API show them (never their password or sessions). */
export interface UserView {
  id: string;
  name: string;
  email: string;
  role: UserRole;
  status: "active" | "pending" | "disabled";
  createdAt: string;
}

/** The password lengths Better Auth accepts (server/auth/better-auth.ts), shown on the forms that ask for one. */
export const PASSWORD_LENGTH = { min: 8, max: 256 } as const;

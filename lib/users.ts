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

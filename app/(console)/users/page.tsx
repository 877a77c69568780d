import type { Metadata } from "next";
import { NotAllowed } from "@/components/auth/not-allowed";
import { UsersAdmin } from "@/components/users/users-admin";
import { canManageUsers } from "@/lib/authz";
import { getServices } from "@/server/registry";
import { requirePageActor } from "../_lib/page-actor";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Users · SGLang Console" };

export default async function UsersPage() {
  const actor = await requirePageActor();
  if (!canManageUsers(actor)) return <NotAllowed what="users" />;
  const services = getServices();
  const [users, settings] = await Promise.all([services.auth.listUsers(), services.settings.read()]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">Users</h1>
      <p className="text-sm text-zinc-400">Operators launch within the launch policy and control their own instances; viewers watch. Administrators may do anything.</p>
      <UsersAdmin initialUsers={users} initialSignUp={settings.signUpEnabled} selfId={actor.id} />
    </div>
  );
}

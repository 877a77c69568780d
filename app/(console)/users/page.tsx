import { getTranslations } from "next-intl/server";
import { NotAllowed } from "@/components/auth/not-allowed";
import { UsersAdmin } from "@/components/users/users-admin";
import { canManageUsers } from "@/lib/authz";
import { getServices } from "@/server/registry";
import { requirePageActor } from "../_lib/page-actor";
import { pageMetadata } from "../_lib/page-title";

export const dynamic = "force-dynamic";
export const generateMetadata = () => pageMetadata("users");

export default async function UsersPage() {
  const actor = await requirePageActor();
  const t = await getTranslations("users.page");
  if (!canManageUsers(actor)) return <NotAllowed what="users" />;
  const services = getServices();
  const [users, settings] = await Promise.all([services.auth.listUsers(), services.settings.read()]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
      <p className="text-sm text-zinc-400">{t("intro")}</p>
      <UsersAdmin initialUsers={users} initialSignUp={settings.signUpEnabled} selfId={actor.id} />
    </div>
  );
}

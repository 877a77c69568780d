import { getTranslations } from "next-intl/server";
import { NotAllowed } from "@/components/auth/not-allowed";
import { AuditTrail } from "@/components/users/audit-trail";
import { canViewAudit } from "@/lib/authz";
import { AUDIT_ACTIONS } from "@/lib/audit";
import { getServices } from "@/server/registry";
import { requirePageActor } from "../_lib/page-actor";
import { pageMetadata } from "../_lib/page-title";

export const dynamic = "force-dynamic";
export const generateMetadata = () => pageMetadata("audit");

export default async function AuditPage() {
  const actor = await requirePageActor();
  const t = await getTranslations("audit.page");
  if (!canViewAudit(actor)) return <NotAllowed what="audit" />;
  const services = getServices();
  const [events, users] = await Promise.all([services.auditTrail.list({ limit: 500 }), services.auth.listUsers()]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
      <p className="text-sm text-zinc-400">{t("intro")}</p>
      <AuditTrail initialEvents={events} users={users} actions={AUDIT_ACTIONS} />
    </div>
  );
}

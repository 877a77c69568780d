import type { Metadata } from "next";
import { NotAllowed } from "@/components/auth/not-allowed";
import { AuditTrail } from "@/components/users/audit-trail";
import { canViewAudit } from "@/lib/authz";
import { AUDIT_ACTIONS } from "@/lib/audit";
import { getServices } from "@/server/registry";
import { requirePageActor } from "../_lib/page-actor";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Audit trail · SGLang Console" };

export default async function AuditPage() {
  if (!canViewAudit(await requirePageActor())) return <NotAllowed what="audit" />;
  const services = getServices();
  const [events, users] = await Promise.all([services.auditTrail.list({ limit: 500 }), services.auth.listUsers()]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">Audit trail</h1>
      <p className="text-sm text-zinc-400">Sign-ins, launches, stops, restarts, profile, user and settings changes. Nothing here can be edited or deleted.</p>
      <AuditTrail initialEvents={events} users={users} actions={AUDIT_ACTIONS} />
    </div>
  );
}

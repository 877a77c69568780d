import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { DiagnoseView } from "@/components/diagnose/diagnose-view";
import { NotAllowed } from "@/components/auth/not-allowed";
import { canDiagnose, canViewLogs } from "@/lib/authz";
import { getServices } from "@/server/registry";
import { requirePageActor } from "../_lib/page-actor";

export const dynamic = "force-dynamic";

const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/);
const querySchema = z.object({ instance: idSchema, run: idSchema });

/** /diagnose, or /diagnose?instance=ID&run=RUN to diagnose a run's log from this console. */
export default async function DiagnosePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor();
  const t = await getTranslations("diagnose.page");
  if (!canDiagnose(actor)) return <NotAllowed what="diagnose" />;
  const query = querySchema.safeParse(await searchParams);
  let run: { instanceId: string; runId: string; label: string } | null = null;
  const instance = query.success ? getServices().supervisor.get(query.data.instance) : undefined;
  if (query.success && (!instance || canViewLogs(actor, instance))) {
    const name = instance?.name ?? query.data.instance;
    run = { instanceId: query.data.instance, runId: query.data.run, label: t("runLabel", { run: query.data.run, instance: name }) };
  }
  return <DiagnoseView run={run} />;
}

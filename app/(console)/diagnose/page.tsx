import { z } from "zod";
import { DiagnoseView } from "@/components/diagnose/diagnose-view";
import { getServices } from "@/server/registry";

export const dynamic = "force-dynamic";

const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/);
const querySchema = z.object({ instance: idSchema, run: idSchema });

/** /diagnose, or /diagnose?instance=ID&run=RUN to diagnose a run's log from this console. */
export default async function DiagnosePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = querySchema.safeParse(await searchParams);
  let run: { instanceId: string; runId: string; label: string } | null = null;
  if (query.success) {
    const name = getServices().supervisor.get(query.data.instance)?.name ?? query.data.instance;
    run = { instanceId: query.data.instance, runId: query.data.run, label: `run ${query.data.run} of instance ${name}` };
  }
  return <DiagnoseView run={run} />;
}

import { useFormatter, useTranslations } from "next-intl";
import type { RunFacts } from "@/lib/sglang-log/facts";

/** What the log tells of the run itself, from its server_args and startup lines. */
export function RunFactsList({ facts }: { facts: RunFacts }) {
  const t = useTranslations("diagnose.facts");
  const format = useFormatter();
  const gb = (v: number | null) => (v === null ? null : t("gb", { gb: String(v) }));
  const parallel = (["tp", "dp", "ep", "pp"] as const)
    .filter((k) => facts[k] !== null)
    .map((k) => `${k} ${facts[k]}`)
    .join(" · ");
  const kv =
    facts.kvTokens === null
      ? null
      : facts.kvSizeGb !== null
        ? t("kvTokensSize", { tokens: format.number(facts.kvTokens), gb: String(facts.kvSizeGb) })
        : t("kvTokens", { tokens: format.number(facts.kvTokens) });
  const rows: [string, string, string | number | null][] = [
    ["model", t("model"), facts.modelPath],
    ["servedAs", t("servedAs"), facts.servedModelName],
    ["architecture", t("architecture"), facts.architecture],
    ["parallelism", t("parallelism"), parallel || null],
    ["memFraction", t("memFraction"), facts.memFractionStatic],
    ["contextLength", t("contextLength"), facts.contextLength],
    ["speculative", t("speculative"), facts.speculativeAlgorithm],
    ["cudaGraphs", t("cudaGraphs"), facts.cudaGraphDisabled ? t("cudaGraphsDisabled") : facts.cudaGraphMaxBs !== null ? t("cudaGraphsMaxBatch", { bs: String(facts.cudaGraphMaxBs) }) : null],
    ["maxRunning", t("maxRunning"), facts.maxRunningRequests],
    ["quantization", t("quantization"), facts.quantization],
    ["freeBeforeWeights", t("freeBeforeWeights"), gb(facts.availMemBeforeLoadGb)],
    ["weights", t("weights"), gb(facts.weightsGb)],
    ["kvCache", t("kvCache"), kv],
    ["listening", t("listening"), facts.host !== null || facts.port !== null ? `${facts.host ?? "?"}:${facts.port ?? "?"}` : null],
    ["version", t("version"), facts.sglangVersion],
  ];
  const shown = rows.filter(([, , v]) => v !== null && v !== "");
  if (shown.length === 0) return <p className="text-sm text-zinc-500">{t("none")}</p>;
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm" data-testid="run-facts">
      {shown.map(([key, label, value]) => (
        <div key={key} className="contents">
          <dt className="text-zinc-400">{label}</dt>
          <dd className="break-all font-mono text-xs leading-5 text-zinc-100">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

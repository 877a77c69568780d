import type { RunFacts } from "@/lib/sglang-log";

/** What the log tells of the run itself, from its server_args and startup lines. */
export function RunFactsList({ facts }: { facts: RunFacts }) {
  const gb = (v: number | null) => (v === null ? null : `${v} GB`);
  const parallel = (["tp", "dp", "ep", "pp"] as const)
    .filter((k) => facts[k] !== null)
    .map((k) => `${k} ${facts[k]}`)
    .join(" · ");
  const rows: [string, string | number | null][] = [
    ["Model", facts.modelPath],
    ["Served as", facts.servedModelName],
    ["Architecture", facts.architecture],
    ["Parallelism", parallel || null],
    ["Memory fraction (static)", facts.memFractionStatic],
    ["Context length", facts.contextLength],
    ["Speculative decoding", facts.speculativeAlgorithm],
    ["CUDA graphs", facts.cudaGraphDisabled ? "disabled" : facts.cudaGraphMaxBs !== null ? `max batch ${facts.cudaGraphMaxBs}` : null],
    ["Max running requests", facts.maxRunningRequests],
    ["Quantization", facts.quantization],
    ["Free GPU memory before the weights", gb(facts.availMemBeforeLoadGb)],
    ["Weights", gb(facts.weightsGb)],
    ["KV cache", facts.kvTokens !== null ? `${facts.kvTokens.toLocaleString("en")} tokens${facts.kvSizeGb !== null ? `, ${facts.kvSizeGb} GB` : ""}` : null],
    ["Listening on", facts.host !== null || facts.port !== null ? `${facts.host ?? "?"}:${facts.port ?? "?"}` : null],
    ["SGLang version", facts.sglangVersion],
  ];
  const shown = rows.filter(([, v]) => v !== null && v !== "");
  if (shown.length === 0) return <p className="text-sm text-zinc-500">The log does not show the run&apos;s settings (no server_args line).</p>;
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm" data-testid="run-facts">
      {shown.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-zinc-400">{label}</dt>
          <dd className="break-all font-mono text-xs leading-5 text-zinc-100">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

// Checks a profile against the catalogue, SGLang's own start-up rules
// (server_args.py __post_init__ handlers) and the machine it will run on.
import { findFlag, LOG_LEVEL_SUGGESTIONS, type FlagSpec } from "./flag-catalogue";
import { checkFlagValue, type FlagValue } from "./flag-values";
import { FLAG_NAME_PATTERN, type LaunchProfile } from "./profile";
import { closestMatch, expandAbbreviation, suggestFlag } from "./suggest";
import { checkParsers } from "./check-parsers";
import { resolveHostPort } from "./build-argv";
import { checkInstalledFlags, findInstalledFlag, installedAccepts, type InstalledFlags } from "./installed-flags";
import { localText, type LocalText, type TextParams } from "./local-text";
import { describeHolder, holderText, type Holder } from "./holder";

export type ValidationSeverity = "error" | "warning";

export interface ValidationIssue {
  /** Canonical flag name, or "modelPath" | "gpuIds" | "extraArgs" | "env". */
  field: string;
  severity: ValidationSeverity;
  code: string;
  /** English, for the API, scripts and logs. */
  message: string;
  /** The values the page's launch.issues.<code> message reads, to show the issue in the reader's language. */
  params?: TextParams;
}

export interface ModelInfo {
  exists: boolean;
  hasConfig: boolean;
  architecture?: string;
  /** config.json's model_type. */
  modelType?: string;
  /** tokenizer_config.json's chat_template (or chat_template.jinja), for the parser suggestions. */
  chatTemplate?: string;
  weightsBytes?: number;
}

export interface ValidationContext {
  /** Physical GPUs on the box; null = unknown. */
  gpuCount: number | null;
  /** Memory of each physical GPU, by index. */
  gpuMemoryMiB?: number[];
  busyGpus?: { gpu: number; holder: Holder }[];
  portsInUse?: { port: number; holder: Holder }[];
  modelInfo?: ModelInfo;
  /** What the installed SGLang (or the simulator) reported about its flags; absent: the catalogue decides alone. */
  installedFlags?: InstalledFlags;
}

/** Architectures whose checkpoints carry their own MTP/NextN draft layers, so EAGLE needs no draft model. */
export const MTP_ARCHITECTURES: readonly string[] = [
  "DeepseekV3ForCausalLM", "DeepseekV32ForCausalLM", "Glm4MoeForCausalLM", "Glm4MoeLiteForCausalLM",
  "MiMoForCausalLM", "Qwen3NextForCausalLM", "BailingMoeForCausalLM", "Step3p5ForCausalLM",
];

/** SGLang's default static fraction is computed at start-up; this is a typical value for estimates. */
const ASSUMED_MEM_FRACTION = 0.85;
const HUB_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,95}\/[A-Za-z0-9_.-]{1,96}$/;

interface Resolved {
  /** Valid values of the catalogue flags, by canonical name. */
  values: Map<string, FlagValue>;
}

export function validateProfile(profile: LaunchProfile, ctx: ValidationContext): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const add: Add = (field, severity, code, message, params) => issues.push({ field, severity, code, message, ...(params ? { params } : {}) });

  const resolved = checkFlags(profile, ctx, add);
  checkModelPath(profile, ctx, add);
  checkExtraArgs(profile, ctx, resolved, add);
  checkParallelism(profile, ctx, resolved, add);
  checkSpeculative(ctx, resolved, add);
  checkServer(profile, ctx, resolved, add);
  issues.push(...checkParsers(profile, ctx.modelInfo, { tool: resolved.values.get("--tool-call-parser"), reasoning: resolved.values.get("--reasoning-parser") }));
  checkMemory(profile, ctx, resolved, add);
  if (ctx.installedFlags) issues.push(...checkInstalledFlags(profile, findFlag, ctx.installedFlags));
  return issues;
}

/** gpu_busy's English, also for the supervisor's own check when the GPU count is unknown. */
export const gpuBusyMessage = (gpu: number, holder: Holder) => `GPU ${gpu} is in use by ${describeHolder(holder)}: stop it or select other GPUs.`;

type Add = (field: string, severity: ValidationSeverity, code: string, message: string, params?: TextParams) => void;

function checkFlags(profile: LaunchProfile, ctx: ValidationContext, add: Add): Resolved {
  const values = new Map<string, FlagValue>();
  for (const [key, value] of Object.entries(profile.flags)) {
    const spec = findFlag(key);
    const abbreviated = spec ? null : expandAbbreviation(key);
    if (abbreviated) {
      add(abbreviated, "error", "abbreviation_key", `${key} is argparse's abbreviation of ${abbreviated}: store the value under ${abbreviated}.`, { key, flag: abbreviated });
      continue;
    }
    if (!spec) {
      const guess = suggestFlag(key);
      add(key, "error", "unknown_flag", `${key} is not a flag the console knows${guess ? `; did you mean ${guess}?` : ""}. Move it to extra arguments if your SGLang version has it.`, { key, guess: guess ?? "none" });
      continue;
    }
    if (spec.name === "--model-path") {
      add(spec.name, "error", "model_path_in_flags", "Set the model in the model path field, not as a --model-path flag.");
      continue;
    }
    if (spec.name !== key) {
      add(spec.name, "error", "alias_key", `${key} is an alias: store the value under ${spec.name}.`, { key, flag: spec.name });
    }
    const check = checkFlagValue(spec, value);
    if (!check.ok && spec.type === "choice" && ctx.installedFlags && installedAccepts(ctx.installedFlags, spec, value)) {
      values.set(spec.name, String(value));
      continue;
    }
    if (!check.ok) {
      const hint = choiceHint(spec, value, check.reason, check.text);
      add(spec.name, "error", spec.type === "choice" ? "invalid_choice" : "invalid_value", hint.message, hint.params);
      continue;
    }
    if (value === false) continue;
    values.set(spec.name, check.value);
    if (spec.deprecatedFor) {
      add(spec.name, "warning", "deprecated_flag", `${spec.name} is deprecated in the newest SGLang (use ${spec.deprecatedFor}); older versions need it as it is.`, { flag: spec.name, replacement: spec.deprecatedFor });
    }
  }
  return { values };
}

function choiceHint(spec: FlagSpec, value: FlagValue, reason: string, text: LocalText): { message: string; params: TextParams } {
  const plain = { message: `${reason}.`, params: { reason: text, hint: "none" } };
  if (spec.type !== "choice" || !spec.choices) return plain;
  const guess = closestMatch(String(value), spec.choices);
  if (guess) return { message: `${reason}; did you mean ${guess}?`, params: { reason: text, hint: "guess", guess } };
  const choices = spec.choices.join(", ");
  if (spec.choices.length <= 12) return { message: `${reason}: choose one of ${choices}.`, params: { reason: text, hint: "choices", choices } };
  return plain;
}

function num(resolved: Resolved, name: string, fallback: number): number {
  const value = resolved.values.get(name);
  return typeof value === "number" ? value : fallback;
}

function optNum(resolved: Resolved, name: string): number | null {
  const value = resolved.values.get(name);
  return typeof value === "number" ? value : null;
}

function on(resolved: Resolved, name: string): boolean {
  return resolved.values.get(name) === true;
}

function checkModelPath(profile: LaunchProfile, ctx: ValidationContext, add: Add): void {
  const modelPath = profile.modelPath.trim();
  if (modelPath === "") {
    add("modelPath", "error", "model_path_missing", "Enter a model: an absolute folder path or a Hugging Face id such as zai-org/GLM-4.7-Flash.");
    return;
  }
  if (modelPath !== profile.modelPath) {
    add("modelPath", "error", "model_path_whitespace", "Remove the spaces around the model path.");
  }
  if (modelPath.startsWith("/")) {
    const info = ctx.modelInfo;
    if (!info) return;
    if (!info.exists) add("modelPath", "error", "model_path_not_found", `${modelPath} does not exist on this machine: fix the path or download the model there.`, { path: modelPath });
    else if (!info.hasConfig) add("modelPath", "error", "model_config_missing", `${modelPath} has no config.json: point the model path at the folder that holds config.json and the weights.`, { path: modelPath });
    return;
  }
  if (/^(\.{1,2}\/|~)/.test(modelPath)) {
    add("modelPath", "error", "model_path_relative", `${modelPath} is a relative path: use an absolute path (starting with /), since SGLang resolves it from its own working directory.`, { path: modelPath });
    return;
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(modelPath)) {
    add("modelPath", "warning", "model_path_url", `${modelPath} is a URL: SGLang only loads remote URLs with a matching --load-format; make sure yours supports it.`, { path: modelPath });
    return;
  }
  if (!HUB_ID.test(modelPath) || modelPath.includes("--") || modelPath.includes("..")) {
    add("modelPath", "error", "model_path_invalid", `${modelPath} is neither an absolute path nor a Hugging Face id of the form org/name (letters, digits, "-", "_", ".").`, { path: modelPath });
  }
}

function checkExtraArgs(profile: LaunchProfile, ctx: ValidationContext, resolved: Resolved, add: Add): void {
  for (const token of profile.extraArgs) {
    if (!token.startsWith("--") || token === "--") continue;
    const name = token.includes("=") ? token.slice(0, token.indexOf("=")) : token;
    if (!FLAG_NAME_PATTERN.test(name)) continue;
    const abbreviated = findFlag(name) ? null : expandAbbreviation(name);
    const spec = findFlag(abbreviated ?? name);
    if (spec) {
      if (spec.name === "--model-path") {
        add("extraArgs", "error", "extra_model_path", `${name} in extra arguments would override the model path: set the model path field instead.`, { name });
      } else if (Object.prototype.hasOwnProperty.call(profile.flags, spec.name) || resolved.values.has(spec.name)) {
        add("extraArgs", "error", "extra_duplicates_flag", `${name} is set both in the form and in extra arguments: remove it from extra arguments.`, { name });
      } else if (abbreviated) {
        add("extraArgs", "warning", "extra_abbreviation", `${name} is an abbreviation of ${abbreviated}: write it out in the form.`, { name, flag: abbreviated });
      } else {
        add("extraArgs", "warning", "extra_known_flag", `${name} is a known flag: set it in the form so the console can check it.`, { name });
      }
      continue;
    }
    if (ctx.installedFlags && findInstalledFlag(ctx.installedFlags, name)) continue;
    const guess = suggestFlag(name);
    // Known installed flags have the last word: checkInstalledFlags refuses this one, naming the version.
    if (ctx.installedFlags && !guess) continue;
    add(
      "extraArgs",
      "warning",
      "extra_unknown_flag",
      guess
        ? `${name} is not a known flag and SGLang will reject it; did you mean ${guess}?`
        : `${name} is not in the console's catalogue: SGLang will reject it unless the installed version has it.`,
      { name, guess: guess ?? "none" },
    );
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function checkParallelism(profile: LaunchProfile, ctx: ValidationContext, resolved: Resolved, add: Add): void {
  const tp = num(resolved, "--tp-size", 1);
  const dp = num(resolved, "--dp-size", 1);
  const pp = num(resolved, "--pp-size", 1);
  const ep = num(resolved, "--ep-size", 1);
  const nnodes = num(resolved, "--nnodes", 1);
  const nodeRank = num(resolved, "--node-rank", 0);
  const dpAttention = on(resolved, "--enable-dp-attention");

  // _handle_data_parallelism: with DP attention the DP groups split the TP group.
  if (dpAttention && dp === 1) {
    add("--enable-dp-attention", "warning", "dp_attention_without_dp", "--enable-dp-attention has no effect with --dp-size 1 (SGLang turns it off): set --dp-size to a divisor of --tp-size or switch it off.");
  }
  if (dpAttention && dp > 1 && tp % dp !== 0) {
    add("--dp-size", "error", "dp_attention_divides_tp", `With --enable-dp-attention, --dp-size must divide --tp-size (SGLang asserts tp_size % dp_size == 0): --dp-size ${dp} does not divide --tp-size ${tp}; use ${divisors(tp).join(", ")}.`, { dp: String(dp), tp: String(tp), divisors: divisors(tp).join(", ") });
  }
  if (on(resolved, "--enable-dp-lm-head") && !(dpAttention && dp > 1)) {
    add("--enable-dp-lm-head", "error", "dp_lm_head_needs_dp_attention", "--enable-dp-lm-head needs --enable-dp-attention with --dp-size above 1.");
  }
  // MoE layers split the TP group into ep × moe-tp (moe_tp_size = tp_size // ep_size).
  if (ep > tp || tp % ep !== 0) {
    add("--ep-size", "error", "ep_divides_tp", `--ep-size ${ep} must divide --tp-size ${tp} (SGLang splits the TP group into ep × moe-tp ranks): set --ep-size to ${divisors(tp).join(", ")} or raise --tp-size.`, { ep: String(ep), tp: String(tp), divisors: divisors(tp).join(", ") });
  }
  if (nodeRank >= nnodes) {
    add("--node-rank", "error", "node_rank_range", `--node-rank ${nodeRank} must be below --nnodes ${nnodes}.`, { rank: String(nodeRank), nnodes: String(nnodes) });
  }
  if (nnodes > 1 && resolved.values.get("--dist-init-addr") === undefined) {
    add("--dist-init-addr", "error", "dist_init_addr_missing", `--nnodes ${nnodes} needs --dist-init-addr host:port of node 0.`, { nnodes: String(nnodes) });
  }

  // GPUs per node: each DP replica has tp × pp GPUs unless DP attention shares them.
  const worldSize = tp * pp * (dpAttention && dp > 1 ? 1 : dp);
  if (worldSize % nnodes !== 0) {
    add("--nnodes", "error", "world_not_divisible_by_nodes", `${describeWorldFlags(tp, dp, pp, dpAttention)} = ${worldSize} GPUs cannot be split evenly over ${plural(nnodes, "node")}.`, { sizes: describeWorldFlags(tp, dp, pp, dpAttention), world: String(worldSize), nodes: nnodes });
    return;
  }
  const needed = worldSize / nnodes;
  const baseGpu = num(resolved, "--base-gpu-id", 0);
  const step = num(resolved, "--gpu-id-step", 1);

  const physical = visibleGpus(profile, ctx, add);
  if (physical === null) return;
  const visible = physical;
  const reach = baseGpu + (needed - 1) * step + 1;
  const sizes = describeWorldFlags(tp, dp, pp, dpAttention);
  if (reach > visible.length && visible.length > 0) {
    const lever = leverFor(tp, dp, pp, dpAttention, visible.length, nnodes);
    const spacing = baseGpu > 0 || step > 1 ? ` (with --base-gpu-id ${baseGpu} and --gpu-id-step ${step} it reaches visible GPU ${reach - 1})` : "";
    const need = `${sizes} needs ${plural(needed, "GPU")}${nnodes > 1 ? " per node" : ""}${spacing}`;
    const message =
      profile.gpuIds === null
        ? `${need}; the machine has ${plural(visible.length, "GPU")}: ${lever?.text ?? "lower the parallel sizes"}.`
        : `${need}; ${visible.length} ${visible.length === 1 ? "is" : "are"} selected: select ${reach} GPUs${lever ? ` or ${lever.text}` : ""}.`;
    add(profile.gpuIds === null ? "--tp-size" : "gpuIds", "error", "not_enough_gpus", message, {
      sizes,
      needed,
      perNode: nnodes > 1 ? "yes" : "no",
      spacing: spacing ? "yes" : "no",
      base: String(baseGpu),
      step: String(step),
      last: String(reach - 1),
      mode: profile.gpuIds === null ? "machine" : "selected",
      visible: visible.length,
      reach: String(reach),
      leverKind: lever ? "some" : "none",
      lever: lever?.local ?? localText("levers.none"),
    });
  } else if (reach < visible.length && baseGpu === 0 && step === 1) {
    add(
      "gpuIds",
      "warning",
      "gpus_left_idle",
      `${sizes} uses ${plural(needed, "GPU")} but ${visible.length} are ${profile.gpuIds === null ? "visible" : "selected"}: ${visible.length - needed} will stay idle. Select ${needed} GPUs or raise --tp-size/--dp-size.`,
      { sizes, needed, visible: String(visible.length), mode: profile.gpuIds === null ? "visible" : "selected", idle: String(visible.length - needed) },
    );
  }

  // Busy GPUs among the ones the server will use.
  const used: number[] = [];
  for (let i = 0; i < needed; i++) {
    const gpu = visible[baseGpu + i * step];
    if (gpu !== undefined) used.push(gpu);
  }
  for (const busy of ctx.busyGpus ?? []) {
    if (used.includes(busy.gpu)) {
      add("gpuIds", "error", "gpu_busy", gpuBusyMessage(busy.gpu, busy.holder), { gpu: String(busy.gpu), holder: holderText(busy.holder) });
    }
  }
}

/** Physical GPU indexes the server sees, or null when unknown. Reports bad gpuIds. */
function visibleGpus(profile: LaunchProfile, ctx: ValidationContext, add: Add): number[] | null {
  if (profile.gpuIds === null) {
    if (ctx.gpuCount === null) return null;
    if (ctx.gpuCount === 0) add("gpuIds", "error", "no_gpus", "No GPU was found on this machine: SGLang needs at least one GPU.");
    return Array.from({ length: ctx.gpuCount }, (_, i) => i);
  }
  if (profile.gpuIds.length === 0) {
    add("gpuIds", "error", "no_gpus_selected", "No GPU is selected: select at least one GPU (or all).");
  }
  const seen = new Set<number>();
  for (const id of profile.gpuIds) {
    if (seen.has(id)) add("gpuIds", "error", "gpu_repeated", `GPU ${id} is selected twice: select each GPU once.`, { gpu: String(id) });
    seen.add(id);
    if (ctx.gpuCount !== null && (id >= ctx.gpuCount || id < 0)) {
      add("gpuIds", "error", "gpu_missing", `GPU ${id} does not exist: this machine has ${plural(ctx.gpuCount, "GPU")}${ctx.gpuCount > 0 ? ` (0 to ${ctx.gpuCount - 1})` : ""}.`, { gpu: String(id), count: ctx.gpuCount, last: String(ctx.gpuCount - 1) });
    }
  }
  return [...profile.gpuIds];
}

function divisors(n: number): number[] {
  const out: number[] = [];
  for (let d = 1; d <= n; d++) if (n % d === 0) out.push(d);
  return out;
}

function describeWorldFlags(tp: number, dp: number, pp: number, dpAttention: boolean): string {
  const parts = [`--tp-size ${tp}`];
  if (pp > 1) parts.push(`--pp-size ${pp}`);
  if (dp > 1 && !dpAttention) parts.push(`--dp-size ${dp}`);
  return parts.join(" × ");
}

/** A suggestion that makes the world fit `gpus`, e.g. "lower --tp-size to 4" (and as a message, launch.levers.*). */
function leverFor(tp: number, dp: number, pp: number, dpAttention: boolean, gpus: number, nnodes: number): { text: string; local: LocalText } | null {
  const perNode = gpus * nnodes;
  const others = pp * (dpAttention && dp > 1 ? 1 : dp);
  if (perNode <= 0) return null;
  if (dp > 1 && !dpAttention) {
    const fitDp = Math.floor(perNode / (tp * pp));
    if (fitDp >= 1 && fitDp < dp) return { text: `lower --dp-size to ${fitDp}`, local: localText("levers.dp", { value: String(fitDp) }) };
  }
  let fitTp = Math.floor(perNode / others);
  if (dpAttention && dp > 1) while (fitTp >= 1 && fitTp % dp !== 0) fitTp--;
  if (fitTp >= 1 && fitTp < tp) return { text: `lower --tp-size to ${fitTp}`, local: localText("levers.tp", { value: String(fitTp) }) };
  return null;
}

function checkSpeculative(ctx: ValidationContext, resolved: Resolved, add: Add): void {
  const algorithm = resolved.values.get("--speculative-algorithm");
  const steps = optNum(resolved, "--speculative-num-steps");
  const topk = optNum(resolved, "--speculative-eagle-topk");
  const draftTokens = optNum(resolved, "--speculative-num-draft-tokens");
  const draftPath = resolved.values.get("--speculative-draft-model-path");

  if (typeof algorithm !== "string") {
    for (const name of ["--speculative-num-steps", "--speculative-eagle-topk", "--speculative-num-draft-tokens", "--speculative-draft-model-path"]) {
      if (resolved.values.has(name)) add(name, "warning", "speculative_without_algorithm", `${name} does nothing without --speculative-algorithm: choose an algorithm (e.g. EAGLE) or remove it.`, { flag: name });
    }
    return;
  }
  const eagleLike = algorithm === "EAGLE" || algorithm === "EAGLE3" || algorithm === "NEXTN" || algorithm === "STANDALONE";
  if (!eagleLike) return;

  // _handle_speculative_decoding: when num_steps is unset SGLang picks all three itself and asserts the others are unset too.
  if (steps === null && (topk !== null || draftTokens !== null)) {
    add("--speculative-num-steps", "error", "speculative_partial", "Set --speculative-num-steps, --speculative-eagle-topk and --speculative-num-draft-tokens together, or none of them (SGLang then picks all three).", { missing: "unset" });
  } else if (steps !== null && (topk === null || draftTokens === null)) {
    const missing = [topk === null ? "--speculative-eagle-topk" : null, draftTokens === null ? "--speculative-num-draft-tokens" : null].filter(Boolean).join(" and ");
    add("--speculative-num-steps", "error", "speculative_partial", `--speculative-num-steps is set but ${missing} is not: set all three, or none of them (SGLang then picks all three).`, {
      missing: topk === null && draftTokens === null ? "both" : topk === null ? "topk" : "draft",
    });
  }
  if (steps !== null && topk !== null && draftTokens !== null) {
    if (topk === 1 && draftTokens !== steps + 1) {
      add("--speculative-num-draft-tokens", "warning", "draft_tokens_adjusted", `With --speculative-eagle-topk 1 SGLang changes --speculative-num-draft-tokens ${draftTokens} to steps + 1 = ${steps + 1}: set it to ${steps + 1}.`, { draftTokens: String(draftTokens), fixed: String(steps + 1) });
    }
    const treeSize = 1 + topk + (steps - 1) * topk * topk;
    if (topk > 1 && draftTokens > treeSize) {
      add("--speculative-num-draft-tokens", "warning", "draft_tokens_exceed_tree", `--speculative-num-draft-tokens ${draftTokens} is more than the draft tree holds (1 + topk + (steps - 1) × topk² = ${treeSize}): lower it to ${treeSize} or raise --speculative-num-steps.`, { draftTokens: String(draftTokens), tree: String(treeSize) });
    }
    const pageSize = optNum(resolved, "--page-size");
    const attention = resolved.values.get("--attention-backend");
    if (topk > 1 && pageSize !== null && pageSize > 1 && attention !== "flashinfer") {
      add("--speculative-eagle-topk", "error", "topk_page_size", `--speculative-eagle-topk ${topk} with --page-size ${pageSize} only works with --attention-backend flashinfer: use topk 1, page size 1, or flashinfer.`, { topk: String(topk), pageSize: String(pageSize) });
    }
    const backends = ["--attention-backend", "--prefill-attention-backend", "--decode-attention-backend"].map((n) => resolved.values.get(n));
    if (topk > 1 && backends.includes("trtllm_mha")) {
      add("--speculative-eagle-topk", "error", "topk_trtllm_mha", "The trtllm_mha attention backend only supports --speculative-eagle-topk 1.");
    }
  }
  if (typeof draftPath !== "string" || draftPath === "") {
    if (algorithm === "EAGLE3" || algorithm === "STANDALONE") {
      add("--speculative-draft-model-path", "error", "draft_model_missing", `--speculative-algorithm ${algorithm} needs --speculative-draft-model-path (a draft model trained for this target).`, { reason: "algorithm", algorithm, architecture: "" });
    } else if (algorithm === "EAGLE" && ctx.modelInfo?.architecture && !MTP_ARCHITECTURES.includes(ctx.modelInfo.architecture)) {
      add("--speculative-draft-model-path", "warning", "draft_model_missing", `${ctx.modelInfo.architecture} has no built-in MTP layers SGLang knows of: set --speculative-draft-model-path to an EAGLE draft model.`, { reason: "architecture", algorithm, architecture: ctx.modelInfo.architecture });
    }
  }
}

function checkServer(profile: LaunchProfile, ctx: ValidationContext, resolved: Resolved, add: Add): void {
  const { host, port } = resolveHostPort(profile);
  for (const used of ctx.portsInUse ?? []) {
    const holder = describeHolder(used.holder);
    if (used.port === port) add("--port", "error", "port_in_use", `Port ${port} is in use by ${holder}: choose another --port.`, { which: "http", port: String(port), holder: holderText(used.holder) });
    const nccl = optNum(resolved, "--nccl-port");
    if (nccl !== null && used.port === nccl) {
      add("--nccl-port", "error", "port_in_use", `Port ${nccl} is in use by ${holder}: choose another --nccl-port or leave it unset.`, { which: "nccl", port: String(nccl), holder: holderText(used.holder) });
    }
  }
  const nccl = optNum(resolved, "--nccl-port");
  if (nccl !== null && nccl === port) add("--nccl-port", "error", "nccl_port_clash", `--nccl-port ${nccl} is the HTTP --port as well: choose a different one.`, { port: String(nccl) });
  if (port < 1024) add("--port", "warning", "privileged_port", `Port ${port} is below 1024 and needs root: use a port from 1024 up, such as 30000.`, { port: String(port) });
  if ((host === "0.0.0.0" || host === "::") && !resolved.values.has("--api-key")) {
    add("--host", "warning", "exposed_without_key", `--host ${host} accepts connections from the network and no --api-key is set: set --api-key or bind to 127.0.0.1.`, { host });
  }
  const logLevel = resolved.values.get("--log-level");
  if (typeof logLevel === "string" && !(LOG_LEVEL_SUGGESTIONS as readonly string[]).includes(logLevel.toLowerCase())) {
    add("--log-level", "error", "invalid_log_level", `--log-level ${logLevel} is not a logging level: use ${LOG_LEVEL_SUGGESTIONS.join(", ")}.`, { level: logLevel, levels: LOG_LEVEL_SUGGESTIONS.join(", ") });
  }
  if (typeof logLevel === "string" && logLevel.toLowerCase() !== "info" && ["warning", "error", "critical"].includes(logLevel.toLowerCase())) {
    add("--log-level", "warning", "quiet_log_level", `--log-level ${logLevel} hides SGLang's start-up progress in the console log (readiness still comes from HTTP).`, { level: logLevel });
  }
  const chunked = optNum(resolved, "--chunked-prefill-size");
  if (chunked === 0) add("--chunked-prefill-size", "error", "chunked_prefill_zero", "--chunked-prefill-size 0 is not valid: use a positive size, or -1 to disable chunked prefill.");
}

function checkMemory(profile: LaunchProfile, ctx: ValidationContext, resolved: Resolved, add: Add): void {
  const fraction = optNum(resolved, "--mem-fraction-static");
  if (fraction !== null && fraction > 0.95) {
    add("--mem-fraction-static", "warning", "mem_fraction_high", `--mem-fraction-static ${fraction} leaves under 5% for activations and CUDA graphs: expect out-of-memory errors; 0.8 to 0.9 is usual.`, { fraction: String(fraction) });
  }
  const weights = ctx.modelInfo?.weightsBytes;
  const memory = ctx.gpuMemoryMiB;
  if (weights === undefined || weights <= 0 || !memory || memory.length === 0) return;
  const tp = num(resolved, "--tp-size", 1);
  const pp = num(resolved, "--pp-size", 1);
  const gpus = profile.gpuIds ?? memory.map((_, i) => i);
  const base = num(resolved, "--base-gpu-id", 0);
  const step = num(resolved, "--gpu-id-step", 1);
  const sizes: number[] = [];
  for (let i = 0; i < tp * pp; i++) {
    const gpu = gpus[base + i * step];
    const mib = gpu === undefined ? undefined : memory[gpu];
    if (mib !== undefined) sizes.push(mib);
  }
  if (sizes.length === 0) return;
  const smallestMiB = Math.min(...sizes);
  const perGpuMiB = weights / (tp * pp) / (1024 * 1024);
  const usedFraction = fraction ?? ASSUMED_MEM_FRACTION;
  const budgetMiB = smallestMiB * usedFraction;
  const gib = (mib: number) => (mib / 1024).toFixed(1);
  if (perGpuMiB >= smallestMiB) {
    add("--tp-size", "error", "weights_exceed_gpu", `The weights need about ${gib(perGpuMiB)} GiB per GPU with --tp-size ${tp}, more than a ${gib(smallestMiB)} GiB GPU holds: raise --tp-size (more GPUs) or use a quantized model.`, { perGpuGiB: perGpuMiB / 1024, tp: String(tp), gpuGiB: smallestMiB / 1024 });
  } else if (perGpuMiB > budgetMiB * 0.9) {
    const label = fraction === null ? `SGLang's default static fraction (about ${ASSUMED_MEM_FRACTION})` : `--mem-fraction-static ${fraction}`;
    add("--mem-fraction-static", "warning", "little_kv_room", `The weights take about ${gib(perGpuMiB)} GiB per GPU, and ${label} of ${gib(smallestMiB)} GiB gives ${gib(budgetMiB)} GiB for weights and KV cache: too little room for the KV cache. Raise --mem-fraction-static, raise --tp-size, or use a quantized model.`, {
      perGpuGiB: perGpuMiB / 1024,
      source: fraction === null ? "default" : "flag",
      assumed: String(ASSUMED_MEM_FRACTION),
      fraction: String(fraction ?? ""),
      gpuGiB: smallestMiB / 1024,
      budgetGiB: budgetMiB / 1024,
    });
  }
}

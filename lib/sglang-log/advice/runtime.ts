/** Advice for failures of a running server: ranks that stop talking, watchdogs, warm-up, serving errors, crashes. */
import type { FailureCause } from "../causes";
import { adviceContext, numOf, str } from "./knobs";
import type { Advice, AdviceFor } from "./types";
import { advice } from "./words";

export const RUNTIME_ADVICE = {
  none: () => [],
  spec_decoding() {
    return [
      advice({ flag: "--speculative-draft-model-path", action: "check", say: "draftMatchesTarget", because: "draftPath" }),
      advice({ flag: "--speculative-algorithm", action: "remove", say: "withoutSpeculative", because: "isolateDraft" }),
    ];
  },
  nccl(input) {
    const { detail } = adviceContext(input);
    const out: Advice[] = [];
    const kind = str(detail, "nccl");
    if (kind === "p2p" || kind === "system") {
      out.push(advice({ flag: null, action: "set", suggestedValue: "NCCL_P2P_DISABLE=1", say: "p2pDisable", because: "p2pPairs" }));
    }
    const seconds = numOf(detail, "timeoutS");
    if (kind === "timeout" && seconds !== null) {
      out.push(
        advice({
          flag: "--dist-timeout",
          action: "increase",
          suggestedValue: String(seconds * 2),
          say: "collectiveTimeout",
          because: "ncclWatchdog",
          values: { op: str(detail, "op"), seconds, doubled: seconds * 2 },
        }),
      );
    }
    if (kind === "timeout" || kind === "network") {
      out.push(advice({ flag: "--dist-init-addr", action: "check", say: "ranksUnreachable", because: "collectiveTimedOut" }));
    }
    out.push(advice({ flag: null, action: "check", say: "dockerShm", because: "ncclNeeds" }));
    out.push(advice({ flag: "--disable-custom-all-reduce", action: "add", say: "disableCustomAllReduce", because: "customAllReduceP2p" }));
    return out;
  },
  warmup_failed(input) {
    const { detail } = adviceContext(input);
    const status = numOf(detail, "status");
    const proxied = status === 502 || status === 503 || status === 504;
    return [
      advice({ flag: null, action: "check", say: proxied ? "warmupProxy" : "warmupFailed", because: "warmupBeforeReady", values: { status } }),
      advice({ flag: "--host", action: "check", say: "checkHost", because: "hostUnreachable" }),
      advice({ flag: "--skip-server-warmup", action: "add", say: "skipWarmup", because: "newerVersions" }),
    ];
  },
  watchdog_timeout(input) {
    const { detail, facts } = adviceContext(input);
    const current = numOf(detail, "watchdogTimeout") ?? facts.watchdogTimeout ?? 300;
    const values = { current, doubled: current * 2, seconds: current };
    return [
      advice({ flag: "--watchdog-timeout", action: "increase", suggestedValue: String(current * 2), say: "raiseWatchdog", because: "batchTooLong", values }),
      advice({ flag: null, action: "check", say: "rankHung", because: "watchdogStuckBatch" }),
    ];
  },
  child_crashed(input) {
    const { detail } = adviceContext(input);
    const code = numOf(detail, "exitCode");
    const killed = numOf(detail, "killed") !== null || code === -9 || code === 137;
    return [advice({ flag: null, action: "check", say: killed ? "killedFromOutside" : "childDied", because: code !== null ? "exitCode" : "childFailure", values: { code } })];
  },
  other() {
    return [advice({ flag: null, action: "check", say: "unrecognised", because: "noPattern" })];
  },
} satisfies Partial<Record<FailureCause, AdviceFor>>;

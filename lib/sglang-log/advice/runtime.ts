/** Advice for failures of a running server: ranks that stop talking, watchdogs, warm-up, serving errors, crashes. */
import type { FailureCause } from "../causes";
import { adviceContext, numOf, str } from "./knobs";
import type { Advice, AdviceFor } from "./types";

export const RUNTIME_ADVICE = {
  none: () => [],
  spec_decoding() {
    const out: Advice[] = [];
    out.push({
      flag: "--speculative-draft-model-path",
      action: "check",
      text: "Check that the draft model matches the target (same family and tokenizer) and the algorithm (EAGLE vs EAGLE3 drafts are not interchangeable).",
      why: "The error came from the draft model or the speculative decoding path.",
    });
    out.push({
      flag: "--speculative-algorithm",
      action: "remove",
      text: "Start once without --speculative-algorithm to confirm the target model alone works.",
      why: "Isolates the draft path from the rest.",
    });
    return out;
  },
  nccl(input) {
    const { detail } = adviceContext(input);
    const out: Advice[] = [];
    const kind = str(detail, "nccl");
    if (kind === "p2p" || kind === "system") {
      out.push({
        flag: null,
        action: "set",
        suggestedValue: "NCCL_P2P_DISABLE=1",
        text: "GPU peer-to-peer access failed: try NCCL_P2P_DISABLE=1 in the environment, and --disable-custom-all-reduce.",
        why: "Some GPU pairs (PCIe, VMs, consumer cards) cannot access each other's memory directly.",
      });
    }
    const timeoutS = numOf(detail, "timeoutS");
    if (kind === "timeout" && timeoutS !== null) {
      out.push({
        flag: "--dist-timeout",
        action: "increase",
        suggestedValue: String(timeoutS * 2),
        text: `A collective${str(detail, "op") !== null ? ` (${str(detail, "op")})` : ""} waited ${timeoutS} s: if a rank is legitimately slow (loading, a long prefill), raise --dist-timeout to ${timeoutS * 2}; otherwise find the rank that stopped (its own last lines, nvidia-smi).`,
        why: "NCCL's watchdog aborts a collective that waits longer than the process group's timeout.",
      });
    }
    if (kind === "timeout" || kind === "network") {
      out.push({
        flag: "--dist-init-addr",
        action: "check",
        text: "Ranks could not reach each other: check --dist-init-addr, firewalls and NCCL_SOCKET_IFNAME (multi-node), or a rank that died first.",
        why: "The collective timed out or the connection dropped.",
      });
    }
    out.push({
      flag: null,
      action: "check",
      text: "In Docker give the container enough shared memory (--shm-size 32g or --ipc=host); run once with NCCL_DEBUG=INFO for details.",
      why: "NCCL needs shared memory and working links between the GPUs.",
    });
    out.push({
      flag: "--disable-custom-all-reduce",
      action: "add",
      text: "Try --disable-custom-all-reduce.",
      why: "SGLang's custom all-reduce relies on peer-to-peer access.",
    });
    return out;
  },
  warmup_failed(input) {
    const { detail } = adviceContext(input);
    const out: Advice[] = [];
    const status = numOf(detail, "status");
    out.push({
      flag: null,
      action: "check",
      text:
        status === 502 || status === 503 || status === 504
          ? `The warm-up request to the server's own address got ${status}: an HTTP proxy probably intercepted it. Set no_proxy=127.0.0.1,localhost (and unset http_proxy) for the server.`
          : "The warm-up request failed: read the traceback above it for the real error.",
      why: "The ready line is printed only after a warm-up request to the server itself succeeds.",
    });
    out.push({
      flag: "--host",
      action: "check",
      text: "Check --host: the warm-up goes to the address the server binds.",
      why: "A host the server itself cannot reach fails the warm-up.",
    });
    out.push({
      flag: "--skip-server-warmup",
      action: "add",
      text: "If the server works otherwise, --skip-server-warmup starts it without the warm-up request.",
      why: "Available in newer SGLang versions.",
    });
    return out;
  },
  watchdog_timeout(input) {
    const { detail, facts } = adviceContext(input);
    const out: Advice[] = [];
    const cur = numOf(detail, "watchdogTimeout") ?? facts.watchdogTimeout ?? 300;
    out.push({
      flag: "--watchdog-timeout",
      action: "increase",
      suggestedValue: String(cur * 2),
      text: `Raise --watchdog-timeout from ${cur} to ${cur * 2} if a batch can legitimately take that long.`,
      why: `A forward batch took longer than ${cur} s and the scheduler watchdog killed the server.`,
    });
    out.push({
      flag: null,
      action: "check",
      text: "Otherwise a rank hung (often in NCCL or a stuck kernel): check nvidia-smi and the other ranks' last lines.",
      why: "The watchdog fires on a stuck batch.",
    });
    return out;
  },
  child_crashed(input) {
    const { detail } = adviceContext(input);
    const out: Advice[] = [];
    const code = numOf(detail, "exitCode");
    const killed = numOf(detail, "killed") !== null || code === -9 || code === 137;
    out.push({
      flag: null,
      action: "check",
      text: killed
        ? "The process was killed from outside (SIGKILL): most often the host ran out of RAM (check `dmesg` for the OOM killer) or a container memory limit."
        : "A server process died without a clearer error in this log: read the lines just above the key line, and rerun with --log-level debug if nothing shows.",
      why: code !== null ? `It exited with code ${code}.` : "The launcher reported a child failure.",
    });
    return out;
  },
  other() {
    const out: Advice[] = [];
    out.push({
      flag: null,
      action: "check",
      text: "The failure was not recognised: read the key line and the traceback around it.",
      why: "No known SGLang failure pattern matched.",
    });
    return out;
  },
} satisfies Partial<Record<FailureCause, AdviceFor>>;

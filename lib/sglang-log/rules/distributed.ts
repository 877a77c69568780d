/** Failure rules about ranks talking to each other (NCCL, gloo, torch.distributed) and ports. */
import { fail, firstMatch, STRENGTH, type FailureDetail, type FailureRule } from "../failure";

const NCCL_RE =
  /NCCL error|DistBackendError|nccl(?:System|Internal|UnhandledCuda|InvalidUsage|Remote|InvalidArgument)Error|Watchdog caught collective operation timeout|watchdog got stuck|Process group watchdog thread terminated|DistNetworkError|DistStoreError|ProcessGroupNCCL.*(?:[Tt]imeout|[Ee]rror)|NCCL communicator was aborted|ncclCommInitRank failed|ncclUniqueId|\[Gloo\].*(?:[Ee]rror|timed out|refused|reset)|gloo.*(?:Read error|Connection timed out|Connection refused|Connection reset|connectFullMesh failed)|c10d.*(?:timed out|Connection refused)|torch\.distributed\.\w*Error/;

export const DISTRIBUTED_RULES: readonly FailureRule[] = [
  {
    name: "nccl-or-gloo-failure",
    match(t) {
      if (!NCCL_RE.test(t)) return null;
      const d: FailureDetail = {};
      if (/timeout|timed out|watchdog got stuck/i.test(t)) d.nccl = "timeout";
      else if (/peer access|P2P|p2p/.test(t)) d.nccl = "p2p";
      else if (/unhandled system error|ncclSystemError/.test(t)) d.nccl = "system";
      else if (/unhandled cuda error|ncclUnhandledCudaError/.test(t)) d.nccl = "cuda";
      else if (/remote process exited|network error|Connection|connect/i.test(t)) d.nccl = "network";
      const ms = firstMatch(/Timeout\(ms\)=(\d+)/, t);
      if (ms !== undefined) d.timeoutS = Math.round(Number(ms) / 1000);
      const op = firstMatch(/OpType=(\w+)/, t);
      if (op !== undefined) d.op = op;
      return fail("nccl", STRENGTH.specific, "specific", d);
    },
  },
  {
    name: "nccl-warning",
    match(t) {
      return /NCCL WARN/.test(t) ? fail("nccl", STRENGTH.hint, "hint", {}, false) : null;
    },
  },
  {
    name: "address-in-use",
    match(t) {
      if (!/\[Errno (?:98|48|10048)\]|[Aa]ddress already in use|EADDRINUSE|[Pp]ort \d+ is (?:already )?(?:in use|used)/.test(t)) return null;
      const d: FailureDetail = { portKind: /ZMQError|tcp:\/\/|ipc:\/\//.test(t) ? "zmq" : "http" };
      const port =
        firstMatch(/addr='?(?:tcp:\/\/)?[^']*:(\d+)'?/, t) ??
        firstMatch(/address \('[^']*', (\d+)\)/, t) ??
        firstMatch(/[Pp]ort (\d+) is/, t) ??
        firstMatch(/:(\d{2,5})\)?'?\)?\s*$/, t);
      if (port !== undefined) d.port = Number(port);
      return fail("port_in_use", STRENGTH.specific, "specific", d);
    },
  },
];

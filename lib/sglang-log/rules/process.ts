/** Failure rules of last resort: a process died, or an exception no other rule names. */
import { EXCEPTION_LINE_RE, fail, STRENGTH, type FailureRule } from "../failure";

export const PROCESS_RULES: readonly FailureRule[] = [
  {
    name: "subprocess-crashed",
    match(t) {
      const m = /Subprocess (\S+) \(pid=(\d+)\) crashed with exit code (-?\d+)/.exec(t);
      return m ? fail("child_crashed", STRENGTH.subprocessCrashed, "crash", { process: m[1] ?? "", exitCode: Number(m[3]) }) : null;
    },
  },
  {
    name: "child-process-failed",
    match(t) {
      const m = /Child process unexpectedly failed with an? exit code (-?\d+)/.exec(t);
      if (!m) return null;
      const code = Number(m[1]);
      // 9 / -9 / 15 / -15: the process was killed (a stop from a notebook or the console), not a crash by itself.
      if (code === 9 || code === -9 || code === 15 || code === -15) return fail("child_crashed", STRENGTH.hint, "stop", { exitCode: code }, false);
      return fail("child_crashed", STRENGTH.childFailed, "crash", { exitCode: code });
    },
  },
  {
    // The launcher's own words when a scheduler died during start-up.
    name: "scheduler-dead-at-init",
    match(t) {
      return /scheduler is dead\. Please check if there are relevant logs|Initialization failed\. Please see the error messages above/.test(t)
        ? fail("child_crashed", STRENGTH.childFailed, "crash")
        : null;
    },
  },
  {
    name: "sigquit-from-child",
    match(t) {
      return /Received sigquit from a child proces?s/.test(t) ? fail("child_crashed", STRENGTH.sigquit, "crash") : null;
    },
  },
  {
    name: "native-abort",
    match(t) {
      return /Fatal Python error|Segmentation fault|core dumped|terminate called after throwing|Aborted \(core dumped\)/.test(t)
        ? fail("child_crashed", STRENGTH.childFailed, "crash", { error: t.slice(0, 200) })
        : null;
    },
  },
  {
    name: "killed",
    match(t) {
      return /^Killed\s*$/.test(t) ? fail("child_crashed", STRENGTH.exception, "crash", { killed: 1 }) : null;
    },
  },
  {
    // The scheduler (or the data-parallel controller) always exits after this line.
    name: "scheduler-exception",
    match(t) {
      return /(?:Scheduler|DataParallelController) hit an exception/.test(t) ? fail("child_crashed", STRENGTH.sigquit, "header") : null;
    },
  },
  {
    name: "exception-header",
    match(t) {
      return /hit an exception|^Process Process-\d+:|router init state: Traceback/.test(t) ? fail("child_crashed", STRENGTH.header, "header", {}, false) : null;
    },
  },
  {
    name: "exception-in-context",
    match(t, ctx) {
      const ex = EXCEPTION_LINE_RE.exec(t);
      if (!ex) return null;
      // A KeyError on draft weights, a size mismatch in draft code, an assert while verifying drafts.
      if (ctx.speculative && /KeyError|size mismatch|shape|must match|RuntimeError|AssertionError|IndexError|ValueError/.test(t)) {
        return fail("spec_decoding", STRENGTH.spec, "specific", { error: t.slice(0, 300) });
      }
      if (/Warning$/.test(ex[1] ?? "")) return null;
      if (ctx.frameHint === "cuda_graph") return fail("cuda_graph_error", STRENGTH.strongHint, "specific", { error: t.slice(0, 300) });
      // Fatal or not is for the process deaths around it to say: a request's error can be logged and survived.
      if (ctx.frameHint === "serving") return fail("serving_error", STRENGTH.genericCuda, "exception", { error: t.slice(0, 300) }, false);
      return fail("other", STRENGTH.exception, "exception", { error: t.slice(0, 300) }, false);
    },
  },
];

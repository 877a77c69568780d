import { describe, expect, it } from "vitest";
import { flagValues, launchPolicyViolations } from "../../../lib/launch/policy";

const files: Record<string, string> = {
  "/models": "/models",
  "/models/GLM-4.7-Flash": "/models/GLM-4.7-Flash",
  "/models/link-out": "/etc",
  "/tmp/evil": "/tmp/evil",
};
const realPath = (path: string) => files[path] ?? null;
const base = ["-m", "sglang.launch_server", "--model-path", "/models/GLM-4.7-Flash"];
const messages = (input: Parameters<typeof launchPolicyViolations>[0]) => launchPolicyViolations(input).map((violation) => violation.message);
const violations = (argv: string[], env: Record<string, string> = {}) => messages({ argv: [...base, ...argv], env, modelsDirs: ["/models"], realPath });

describe("the operators' launch policy", () => {
  it("allows a loopback server of a model under MODELS_DIR", () => {
    expect(violations(["--host", "127.0.0.1", "--port", "30000"])).toEqual([]);
    expect(violations(["--host=localhost"])).toEqual([]);
  });

  it("refuses a host beyond loopback in every argparse spelling", () => {
    for (const argv of [["--host", "0.0.0.0"], ["--host=0.0.0.0"], ["--ho", "0.0.0.0"], ["--hos=10.1.2.3"]]) {
      expect(violations(argv).join()).toMatch(/operators may bind only to loopback/);
    }
  });

  it("refuses variables that load code", () => {
    for (const name of ["LD_PRELOAD", "LD_LIBRARY_PATH", "PYTHONPATH", "PYTHONSTARTUP", "PATH", "BASH_ENV"]) {
      expect(violations([], { [name]: "/tmp/x" }).join()).toContain(name);
    }
    expect(violations([], { HF_TOKEN: "x", NCCL_P2P_DISABLE: "1" })).toEqual([]);
  });

  it("refuses model paths outside MODELS_DIR after resolving symlinks, and hub ids", () => {
    expect(messages({ argv: ["--model-path", "/tmp/evil"], env: {}, modelsDirs: ["/models"], realPath }).join()).toMatch(/only models in \/models/);
    expect(messages({ argv: ["--model-path", "/models/link-out"], env: {}, modelsDirs: ["/models"], realPath }).join()).toMatch(/only models in/);
    expect(messages({ argv: ["--model-path", "zai-org/GLM-4.7-Flash"], env: {}, modelsDirs: ["/models"], realPath }).join()).toMatch(/only models in/);
    expect(violations(["--tokenizer-path", "/tmp/evil"]).join()).toMatch(/--tokenizer-path/);
    expect(violations(["--model=/tmp/evil"]).join()).toMatch(/--model \/tmp\/evil/);
    expect(violations(["--speculative-draft-model-path", "/tmp/evil"]).join()).toMatch(/draft/);
  });

  it("refuses every local model when MODELS_DIR is unset", () => {
    expect(messages({ argv: base, env: {}, modelsDirs: [], realPath }).join()).toMatch(/none is set/);
  });

  it("reads a flag's values in every spelling argparse accepts", () => {
    expect(flagValues(["--host", "a", "--host=b", "--hos", "c", "--port", "1"], "--host")).toEqual(["a", "b", "c"]);
    expect(flagValues(["--hostname-x", "a"], "--host")).toEqual([]);
  });
});

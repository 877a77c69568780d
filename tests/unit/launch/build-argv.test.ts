import { describe, expect, it } from "vitest";
import { buildLaunchArgv, buildLaunchEnv, launchProfileSchema, resolveHostPort, type LaunchProfile } from "../../../lib/launch";

const base = (over: Partial<LaunchProfile> = {}): LaunchProfile => ({
  name: "test",
  modelPath: "zai-org/GLM-4.7-Flash",
  flags: {},
  extraArgs: [],
  gpuIds: null,
  env: {},
  ...over,
});

describe("buildLaunchArgv", () => {
  it("starts with -m sglang.launch_server --model-path <modelPath>", () => {
    expect(buildLaunchArgv(base())).toEqual(["-m", "sglang.launch_server", "--model-path", "zai-org/GLM-4.7-Flash"]);
  });

  it("emits flags in catalogue order whatever the order of the record", () => {
    const argv = buildLaunchArgv(base({ flags: { "--port": 30001, "--enable-metrics": true, "--tp-size": 2 } }));
    expect(argv.slice(4)).toEqual(["--tp-size", "2", "--port", "30001", "--enable-metrics"]);
  });

  it("writes true booleans as bare flags and leaves false ones out", () => {
    const argv = buildLaunchArgv(base({ flags: { "--trust-remote-code": true, "--disable-radix-cache": false } }));
    expect(argv).toContain("--trust-remote-code");
    expect(argv).not.toContain("--disable-radix-cache");
  });

  it("appends extraArgs verbatim after the catalogue flags", () => {
    const argv = buildLaunchArgv(base({ flags: { "--tp-size": 2 }, extraArgs: ["--some-new-flag", "x y"] }));
    expect(argv.slice(-4)).toEqual(["--tp-size", "2", "--some-new-flag", "x y"]);
  });

  it("joins a value that starts with a dash as --flag=value, but keeps negative numbers separate", () => {
    const argv = buildLaunchArgv(base({ flags: { "--api-key": "--secret", "--chunked-prefill-size": -1 } }));
    expect(argv).toContain("--api-key=--secret");
    expect(argv.join(" ")).toContain("--chunked-prefill-size -1");
  });

  it("renames an alias key to its canonical flag and never duplicates --model-path", () => {
    const argv = buildLaunchArgv(base({ flags: { "--tensor-parallel-size": 4, "--model-path": "other" } }));
    expect(argv).toEqual(["-m", "sglang.launch_server", "--model-path", "zai-org/GLM-4.7-Flash", "--tp-size", "4"]);
  });
});

describe("buildLaunchEnv", () => {
  it("sets CUDA_VISIBLE_DEVICES from gpuIds and adds the profile's variables", () => {
    expect(buildLaunchEnv(base({ gpuIds: [2, 3], env: { HF_TOKEN: "x" } }))).toEqual({ CUDA_VISIBLE_DEVICES: "2,3", HF_TOKEN: "x" });
  });

  it("leaves CUDA_VISIBLE_DEVICES unset when gpuIds is null (all GPUs)", () => {
    expect(buildLaunchEnv(base())).toEqual({});
  });
});

describe("resolveHostPort", () => {
  it("defaults to SGLang's 127.0.0.1:30000", () => {
    expect(resolveHostPort(base())).toEqual({ host: "127.0.0.1", port: 30000 });
  });

  it("reads --host and --port from the flags", () => {
    expect(resolveHostPort(base({ flags: { "--host": "0.0.0.0", "--port": 31000 } }))).toEqual({ host: "0.0.0.0", port: 31000 });
  });

  it("lets --port in extraArgs win, as SGLang's last occurrence does", () => {
    expect(resolveHostPort(base({ flags: { "--port": 31000 }, extraArgs: ["--port=32000"] })).port).toBe(32000);
  });
});

describe("launchProfileSchema", () => {
  it("accepts a plain profile", () => {
    expect(launchProfileSchema.safeParse(base({ gpuIds: [0], env: { HF_HOME: "/data/hf" } })).success).toBe(true);
  });

  it("rejects NUL bytes, lower-case env keys, CUDA_VISIBLE_DEVICES in env, repeated GPUs and empty names", () => {
    expect(launchProfileSchema.safeParse(base({ modelPath: "a\u0000b" })).success).toBe(false);
    expect(launchProfileSchema.safeParse(base({ extraArgs: ["\u0000"] })).success).toBe(false);
    expect(launchProfileSchema.safeParse(base({ env: { hf_token: "x" } })).success).toBe(false);
    expect(launchProfileSchema.safeParse(base({ env: { CUDA_VISIBLE_DEVICES: "0" } })).success).toBe(false);
    expect(launchProfileSchema.safeParse(base({ gpuIds: [1, 1] })).success).toBe(false);
    expect(launchProfileSchema.safeParse(base({ name: " " })).success).toBe(false);
    expect(launchProfileSchema.safeParse(base({ flags: { tp: 1 } })).success).toBe(false);
    expect(launchProfileSchema.safeParse(base({ modelPath: "x".repeat(2000) })).success).toBe(false);
  });
});

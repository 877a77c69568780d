import { describe, expect, it } from "vitest";
import { buildServerEnv, envRecord, inheritableEnv, type ServerEnvEntry } from "../../lib/server-env";
import { MASK, maskEnv } from "../../lib/secrets";

const CONSOLE_OWN = ["PORT", "HOST", "DATA_DIR", "SGLANG_PYTHON", "NODE_ENV"];

const consoleEnv = {
  PATH: "/usr/bin",
  LD_LIBRARY_PATH: "/usr/local/cuda/lib64",
  CUDA_HOME: "/usr/local/cuda",
  NCCL_DEBUG: "INFO",
  TRITON_CACHE_DIR: "/cache/triton",
  HF_ENDPOINT: "https://hf-mirror.example",
  VIRTUAL_ENV: "/opt/sglang/.venv",
  OMP_NUM_THREADS: "8",
  HF_TOKEN: "hf_abc",
  PORT: "3000",
  DATA_DIR: "/var/lib/console",
  DATABASE_URL: "file:/var/lib/console/console.db",
  BETTER_AUTH_SECRET: "s3cret",
  CONSOLE_ADMIN_PASSWORD: "pw",
  npm_lifecycle_event: "start",
  MALLOC_ARENA_MAX: "2",
  UNSET: undefined,
};

const sourceOf = (entries: ServerEnvEntry[], name: string) => entries.find((entry) => entry.name === name)?.source;

describe("the environment a server gets", () => {
  it("inherits the console's environment, as systemd and pm2 do, without the console's own settings and secrets", () => {
    const inherited = inheritableEnv(consoleEnv, CONSOLE_OWN);
    expect(Object.keys(inherited).sort()).toEqual(["CUDA_HOME", "HF_ENDPOINT", "HF_TOKEN", "LD_LIBRARY_PATH", "NCCL_DEBUG", "OMP_NUM_THREADS", "PATH", "TRITON_CACHE_DIR", "VIRTUAL_ENV"]);
  });

  it("puts the profile's variables over the inherited ones and the console's needs last, saying where each came from", () => {
    const entries = buildServerEnv({
      inherited: { PATH: "/usr/bin", OMP_NUM_THREADS: "8", TERM: "dumb" },
      runtime: { PYTHONPATH: "/console/simulator" },
      profile: { OMP_NUM_THREADS: "4", CUDA_VISIBLE_DEVICES: "0,1" },
      bindHost: "127.0.0.1",
    });
    expect(envRecord(entries)).toEqual({ PATH: "/usr/bin", OMP_NUM_THREADS: "4", CUDA_VISIBLE_DEVICES: "0,1", PYTHONPATH: "/console/simulator", TERM: "xterm-256color", PYTHONUNBUFFERED: "1" });
    expect([sourceOf(entries, "PATH"), sourceOf(entries, "OMP_NUM_THREADS"), sourceOf(entries, "PYTHONPATH"), sourceOf(entries, "TERM")]).toEqual(["console", "profile", "added", "added"]);
  });

  it("makes NO_PROXY and no_proxy cover the bind host, 127.0.0.1 and localhost when a proxy is set, keeping what they listed", () => {
    const entries = buildServerEnv({ inherited: { https_proxy: "http://proxy:3128", NO_PROXY: "internal.example" }, runtime: {}, profile: {}, bindHost: "10.0.0.5" });
    const env = envRecord(entries);
    expect(env.NO_PROXY).toBe("internal.example,10.0.0.5,127.0.0.1,localhost");
    expect(env.no_proxy).toBe(env.NO_PROXY);
    expect(sourceOf(entries, "NO_PROXY")).toBe("added");
    const local = envRecord(buildServerEnv({ inherited: { http_proxy: "http://proxy:3128" }, runtime: {}, profile: {}, bindHost: "127.0.0.1" }));
    expect([local.NO_PROXY, local.no_proxy]).toEqual(["127.0.0.1,localhost", "127.0.0.1,localhost"]);
  });

  it("adds no wildcard bind address to NO_PROXY, and leaves a complete list as it was", () => {
    const complete = buildServerEnv({ inherited: { HTTP_PROXY: "http://p:1", NO_PROXY: "127.0.0.1,localhost", no_proxy: "127.0.0.1,localhost" }, runtime: {}, profile: {}, bindHost: "0.0.0.0" });
    expect(envRecord(complete).NO_PROXY).toBe("127.0.0.1,localhost");
    expect(sourceOf(complete, "NO_PROXY")).toBe("console");
  });

  it("leaves NO_PROXY alone when no proxy is set", () => {
    expect(envRecord(buildServerEnv({ inherited: { PATH: "/bin" }, runtime: {}, profile: {}, bindHost: "127.0.0.1" })).NO_PROXY).toBeUndefined();
  });

  it("masks values of secret-looking names and passwords in URLs when shown", () => {
    expect(maskEnv({ HF_TOKEN: "hf_abc", WANDB_API_KEY: "k", MY_SECRET: "x", DB_PASSWORD: "p", https_proxy: "http://alice:pw@proxy:3128", PATH: "/bin" })).toEqual({
      HF_TOKEN: MASK,
      WANDB_API_KEY: MASK,
      MY_SECRET: MASK,
      DB_PASSWORD: MASK,
      https_proxy: `http://alice:${MASK}@proxy:3128`,
      PATH: "/bin",
    });
  });
});

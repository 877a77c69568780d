import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InstanceView } from "../../lib/instance-view";
import type { LaunchContextView } from "../../lib/launch";
import { api, getInstance, glmProfile } from "../support/api";
import { freePort, startConsole, type RunningConsole } from "../support/console-process";
import { waitFor } from "../support/processes";

// The simulator acts as another SGLang release: one parser choice more than the catalogue, no --enable-metrics.
// The console reads its flags once at start, through the same introspection it runs on real SGLang.
let consoleProcess: RunningConsole;

beforeAll(async () => {
  consoleProcess = await startConsole({ env: { SGLANG_SIM_EXTRA_CHOICES: "--tool-call-parser=future_parser", SGLANG_SIM_WITHOUT_FLAGS: "--enable-metrics" } });
});

afterAll(async () => {
  await consoleProcess?.stop();
});

const launch = (profile: ReturnType<typeof glmProfile>) =>
  api<{ instance: InstanceView; error: { code: string; message: string } }>(consoleProcess.url, "POST", "/api/instances", { profile });

describe("flags as the installed SGLang knows them", () => {
  it("tells the launch page which version its flags come from, with that version's choices", async () => {
    const { body } = await api<LaunchContextView>(consoleProcess.url, "GET", "/api/launch/context");
    expect(body.runtime.flagsSource).toBe("Flags as the SGLang simulator 0.5.9 reports them (read from its argparse at start).");
    const parser = body.runtime.installedFlags?.flags.find((flag) => flag.options.includes("--tool-call-parser"));
    expect(parser?.choices).toContain("future_parser");
  });

  it("launches with a parser choice the installed version has and the catalogue lacks", async () => {
    const profile = glmProfile(await freePort(), { flags: { "--enable-metrics": false, "--tool-call-parser": "future_parser" } });
    const response = await launch(profile);
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    const ready = await waitFor(async () => {
      const view = await getInstance(consoleProcess.url, response.body.instance.id);
      return view.phase === "ready" ? view : null;
    }, { timeoutMs: 30_000, what: "ready" });
    expect(ready.phase).toBe("ready");
  });

  it("refuses before launch a flag the installed version lacks, naming the version", async () => {
    const response = await launch(glmProfile(await freePort(), { flags: { "--enable-metrics": true } }));
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe("validation_failed");
    expect(response.body.error.message).toContain("--enable-metrics is not a flag of the installed SGLang 0.5.9: remove it, or upgrade SGLang.");
  });
});

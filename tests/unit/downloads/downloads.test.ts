import { describe, expect, it } from "vitest";
import { startDownloadSchema } from "../../../lib/downloads";
import { matchesAny } from "../../../lib/file-patterns";
import { launchHrefFor } from "../../../lib/launch-link";
import { hubStatusError } from "../../../server/downloads/hub-error";
import { huggingFaceEndpoint } from "../../../server/downloads/huggingface-source";
import { modelScopeEndpoint } from "../../../server/downloads/modelscope-source";
import { SpeedMeter } from "../../../server/downloads/speed-meter";

describe("file patterns, as modelscope's and huggingface_hub's filters read them", () => {
  const cases: [string, string[], boolean][] = [
    ["model-00001-of-00002.safetensors", [], true],
    ["model-00001-of-00002.safetensors", ["*.safetensors"], true],
    ["config.json", ["*.safetensors"], false],
    ["config.json", ["*.safetensors", "*.json"], true],
    ["sub/dir/model.safetensors", ["*.safetensors"], true],
    ["sub/dir/model.bin", ["sub/*"], true],
    ["tokenizer.model", ["tokenizer.?odel"], true],
  ];
  for (const [file, patterns, expected] of cases) {
    it(`${file} against [${patterns.join(", ")}]: ${expected}`, () => expect(matchesAny(file, patterns)).toBe(expected));
  }
});

describe("the download request", () => {
  it("takes owner/name ids and refuses anything else with a sentence", () => {
    expect(startDownloadSchema.safeParse({ source: "modelscope", repo: "ZhipuAI/GLM-4.7-Flash" }).success).toBe(true);
    const bad = startDownloadSchema.safeParse({ source: "modelscope", repo: "../../etc" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe("a repository id is owner/name, e.g. ZhipuAI/GLM-4.7-Flash");
    expect(startDownloadSchema.safeParse({ source: "github", repo: "a/b" }).success).toBe(false);
  });
});

describe("hub endpoints from the environment", () => {
  it("reads MODELSCOPE_ENDPOINT as a whole URL, else MODELSCOPE_DOMAIN as a host, else modelscope.cn", () => {
    expect(modelScopeEndpoint({ MODELSCOPE_ENDPOINT: "http://mirror.lan:8080/", MODELSCOPE_DOMAIN: "ignored" })).toBe("http://mirror.lan:8080");
    expect(modelScopeEndpoint({ MODELSCOPE_DOMAIN: "www.modelscope.ai" })).toBe("https://www.modelscope.ai");
    expect(modelScopeEndpoint({})).toBe("https://www.modelscope.cn");
  });
  it("reads HF_ENDPOINT for mirrors, else huggingface.co", () => {
    expect(huggingFaceEndpoint({ HF_ENDPOINT: "https://hf-mirror.com/" })).toBe("https://hf-mirror.com");
    expect(huggingFaceEndpoint({})).toBe("https://huggingface.co");
  });
});

describe("what a hub's refusal tells the person", () => {
  const what = { repo: "org/model", revision: "main" };
  const error = (status: number, headers: Record<string, string> = {}) => hubStatusError("hub.example", status, new Headers(headers), what);
  it("names the host and what to do, and says which refusals a retry can fix", () => {
    expect(error(403, { "x-error-code": "GatedRepo" })).toMatchObject({ retryable: false, message: expect.stringContaining("org/model is gated on hub.example: accept its terms") });
    expect(error(401)).toMatchObject({ retryable: false, message: expect.stringContaining("set HF_TOKEN or MODELSCOPE_API_TOKEN") });
    expect(error(401, { "x-error-code": "RepoNotFound" }).message).toBe("hub.example has no repository org/model at revision main: check the id and the revision");
    expect(error(404).retryable).toBe(false);
    expect(error(429, { "retry-after": "7" })).toMatchObject({ retryable: true, retryAfterMs: 7000 });
    expect(error(502).retryable).toBe(true);
    expect(error(403).retryable).toBe(true);
  });
});

describe("the speed meter", () => {
  it("measures bytes per second over its window and reads 0 once nothing moves", () => {
    const meter = new SpeedMeter(3000, 250);
    meter.note(0, 0);
    meter.note(1_000_000, 500);
    meter.note(2_000_000, 1000);
    expect(meter.speed(1000)).toBe(2_000_000);
    expect(meter.speed(5000)).toBe(0);
  });
});

describe("the Launch link", () => {
  it("hands the model folder to the New deployment page as a command, quoted when it must be", () => {
    expect(decodeURIComponent(launchHrefFor("/models/ZhipuAI/GLM-4.7-Flash"))).toBe("/launch?command=python -m sglang.launch_server --model-path /models/ZhipuAI/GLM-4.7-Flash");
    expect(decodeURIComponent(launchHrefFor("/my models/x"))).toBe("/launch?command=python -m sglang.launch_server --model-path '/my models/x'");
  });
});

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inspectModelPath, scanModels } from "../../server/models/scan-models";

const GLM_CONFIG = "/work/shared/fixtures/models/GLM-4.7-Flash/config.json";
let root: string;
let second: string;

/** A model folder as a download leaves it: config, index, shards (small dummy files). */
function buildModelFolder(folder: string, { shards, present, shardBytes }: { shards: number; present: number; shardBytes: number }): void {
  fs.mkdirSync(folder, { recursive: true });
  fs.copyFileSync(GLM_CONFIG, path.join(folder, "config.json"));
  const names = Array.from({ length: shards }, (_, i) => `model-${String(i + 1).padStart(5, "0")}-of-${String(shards).padStart(5, "0")}.safetensors`);
  const weightMap = Object.fromEntries(names.map((name, i) => [`model.layers.${i}.weight`, name]));
  fs.writeFileSync(path.join(folder, "model.safetensors.index.json"), JSON.stringify({ metadata: { total_size: 57_600_000_000 }, weight_map: weightMap }));
  for (const name of names.slice(0, present)) fs.writeFileSync(path.join(folder, name), Buffer.alloc(shardBytes));
}

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "models-"));
  second = fs.mkdtempSync(path.join(os.tmpdir(), "models-b-"));
  buildModelFolder(path.join(root, "zai-org", "GLM-4.7-Flash"), { shards: 4, present: 4, shardBytes: 1000 });
  buildModelFolder(path.join(root, "half-downloaded"), { shards: 4, present: 2, shardBytes: 500 });
  fs.mkdirSync(path.join(root, "not-a-model"));
  fs.writeFileSync(path.join(root, "not-a-model", "README.md"), "hello");
  fs.mkdirSync(path.join(second, "broken"));
  fs.writeFileSync(path.join(second, "broken", "config.json"), "{ not json");
});

afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
  fs.rmSync(second, { recursive: true, force: true });
});

describe("scanModels", () => {
  it("lists a ModelScope cache folder once, under the plain name its symlink gives it", async () => {
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), "models-ms-"));
    buildModelFolder(path.join(cache, "ZhipuAI", "GLM-4___7-Flash"), { shards: 1, present: 1, shardBytes: 10 });
    fs.symlinkSync(path.join(cache, "ZhipuAI", "GLM-4___7-Flash"), path.join(cache, "ZhipuAI", "GLM-4.7-Flash"), "dir");
    expect((await scanModels([cache])).map((m) => m.name)).toEqual(["ZhipuAI/GLM-4.7-Flash"]);
    fs.rmSync(cache, { recursive: true, force: true });
  });

  it("finds folders with config.json under several roots, also one level deeper (org/name), and skips the rest", async () => {
    const models = await scanModels([root, second]);
    expect(models.map((m) => m.name)).toEqual(["broken", "half-downloaded", "zai-org/GLM-4.7-Flash"]);
  });

  it("reports architecture, size on disk, weights from the index and whether every shard is there", async () => {
    const models = await scanModels([root]);
    const glm = models.find((m) => m.name === "zai-org/GLM-4.7-Flash")!;
    expect(glm.path).toBe(path.join(root, "zai-org", "GLM-4.7-Flash"));
    expect(glm.summary.architecture).toBe("Glm4MoeLiteForCausalLM");
    expect(glm.summary.contextLength).toBe(202752);
    expect(glm.weightsBytes).toBe(57_600_000_000);
    expect(glm.shards).toEqual({ listed: 4, present: 4 });
    const onDisk = fs.readdirSync(glm.path).reduce((sum, name) => sum + fs.statSync(path.join(glm.path, name)).size, 0);
    expect(glm.sizeBytes).toBe(onDisk);
    const partial = models.find((m) => m.name === "half-downloaded")!;
    expect(partial.shards).toEqual({ listed: 4, present: 2 });
  });

  it("lists a folder whose config.json is broken, saying so, rather than hiding it", async () => {
    const [broken] = await scanModels([second]);
    expect(broken!.configError).toMatch(/^config.json is not valid JSON/);
    expect(broken!.summary.architecture).toBeNull();
  });

  it("returns nothing for a root that does not exist", async () => {
    expect(await scanModels([path.join(root, "missing")])).toEqual([]);
  });
});

describe("inspectModelPath", () => {
  it("tells a model folder, a folder without config.json and a missing path apart", async () => {
    expect(await inspectModelPath(path.join(root, "zai-org", "GLM-4.7-Flash"))).toEqual({
      exists: true,
      hasConfig: true,
      architecture: "Glm4MoeLiteForCausalLM",
      modelType: "glm4_moe_lite",
      weightsBytes: 57_600_000_000,
    });
    expect(await inspectModelPath(path.join(root, "not-a-model"))).toEqual({ exists: true, hasConfig: false });
    expect(await inspectModelPath(path.join(root, "nowhere"))).toEqual({ exists: false, hasConfig: false });
  });

  it("reads the chat template for the parser suggestions: tokenizer_config.json's, else chat_template.jinja", async () => {
    const folder = path.join(root, "with-template");
    buildModelFolder(folder, { shards: 1, present: 1, shardBytes: 10 });
    fs.writeFileSync(path.join(folder, "chat_template.jinja"), "<tool_call>jinja</tool_call>");
    expect((await inspectModelPath(folder)).chatTemplate).toBe("<tool_call>jinja</tool_call>");
    fs.writeFileSync(path.join(folder, "tokenizer_config.json"), JSON.stringify({ chat_template: [{ name: "tool_use", template: "tools" }, { name: "default", template: "<think>" }] }));
    expect((await inspectModelPath(folder)).chatTemplate).toBe("<think>");
  });
});

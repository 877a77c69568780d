import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { suggestParsers, validateProfile, type LaunchProfile, type ModelInfo } from "../../../lib/launch";

const glmConfig = JSON.parse(fs.readFileSync("/work/shared/fixtures/models/GLM-4.7-Flash/config.json", "utf8")) as { model_type: string; architectures: string[] };
const GLM_TEMPLATE = "[gMASK]<sop>{% if tools %}<tool_call>{name}<arg_key>{k}</arg_key><arg_value>{v}</arg_value></tool_call>{% endif %}<|assistant|><think>";

const profile = (flags: LaunchProfile["flags"], modelPath = "/models/GLM-4.7-Flash"): LaunchProfile => ({ name: "t", modelPath, flags, extraArgs: [], gpuIds: null, env: {} });
const glmInfo: ModelInfo = { exists: true, hasConfig: true, architecture: glmConfig.architectures[0]!, modelType: glmConfig.model_type, chatTemplate: GLM_TEMPLATE };
const warnings = (flags: LaunchProfile["flags"], modelInfo: ModelInfo, modelPath?: string) =>
  validateProfile(profile(flags, modelPath), { gpuCount: null, modelInfo }).filter((issue) => issue.severity === "warning");

describe("parser suggestions from config.json and the chat template", () => {
  it("suggests glm47 and glm45 for GLM-4.7-Flash's config.json", () => {
    expect(suggestParsers({ name: "/models/x", modelType: glmConfig.model_type, chatTemplate: GLM_TEMPLATE })).toMatchObject({
      toolCallParser: "glm47",
      reasoningParser: "glm45",
      because: "GLM-4.7 (model_type glm4_moe_lite)",
    });
  });

  it("suggests no reasoning parser when the chat template never thinks", () => {
    expect(suggestParsers({ name: "/m/x", modelType: "qwen3", chatTemplate: "<tool_call>{{ tool }}</tool_call>" })).toMatchObject({ toolCallParser: "qwen25", reasoningParser: null });
  });

  it("falls back to the template's markers for a family it does not know", () => {
    expect(suggestParsers({ name: "/m/custom", modelType: "custom", chatTemplate: "{% for t in tools %}<tool_call>{{ t }}</tool_call>{% endfor %}" })?.toolCallParser).toBe("hermes");
    expect(suggestParsers({ name: "/m/custom", modelType: "custom", chatTemplate: "plain" })).toBeNull();
  });

  it("warns on the launch page when the model folder calls for parsers the profile lacks", () => {
    expect(warnings({}, glmInfo).map((issue) => [issue.code, issue.message])).toEqual([
      ["tool_parser_suggested", "GLM-4.7 (model_type glm4_moe_lite) needs --tool-call-parser glm47: without it, tool calls come back as text in content."],
      ["reasoning_parser_suggested", "GLM-4.7 (model_type glm4_moe_lite) thinks before answering: add --reasoning-parser glm45 to get reasoning_content apart from content."],
    ]);
    expect(warnings({ "--tool-call-parser": "glm47", "--reasoning-parser": "glm45" }, glmInfo)).toEqual([]);
  });

  it("warns when the parser set is not the one the model uses", () => {
    const qwen: ModelInfo = { exists: true, hasConfig: true, modelType: "qwen3_moe", chatTemplate: "<tool_call></tool_call><think>" };
    expect(warnings({ "--tool-call-parser": "glm47", "--reasoning-parser": "qwen3" }, qwen, "/models/Qwen3-30B-A3B").map((issue) => issue.code)).toEqual(["tool_parser_differs"]);
  });
});

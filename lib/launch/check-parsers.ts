// Launch warnings about the output parsers: the GLM-4.7 trap, and parsers the model folder calls for but the profile
// lacks or sets differently (suggest-parsers.ts). Warnings only: a parser mismatch still starts a server.
import type { FlagValue } from "./flag-values";
import type { LaunchProfile } from "./profile";
import { suggestParsers, type ModelParserHints } from "./suggest-parsers";
import type { ModelInfo, ValidationIssue } from "./validate";
import type { TextParams } from "./local-text";

const warning = (field: string, code: string, message: string, params: TextParams): ValidationIssue => ({ field, severity: "warning", code, message, params });

export function checkParsers(profile: LaunchProfile, info: ModelInfo | undefined, set: { tool?: FlagValue; reasoning?: FlagValue }): ValidationIssue[] {
  const { tool, reasoning } = set;
  const isGlm47 = /glm-?4\.7/i.test(profile.modelPath) || info?.architecture === "Glm4MoeLiteForCausalLM";
  if (isGlm47 && (tool === "glm45" || tool === "glm")) {
    return [warning("--tool-call-parser", "glm47_tool_parser", `GLM-4.7 models need --tool-call-parser glm47 (GLM-4.7 dropped the newline after the tool name), not ${tool}.`, { tool: String(tool) })];
  }
  if (!info?.hasConfig) return [];
  const suggestion = suggestParsers({ name: profile.modelPath, ...hintsOf(info) });
  if (!suggestion) return [];
  const issues: ValidationIssue[] = [];
  if (suggestion.toolCallParser && tool === undefined) {
    issues.push(warning("--tool-call-parser", "tool_parser_suggested", `${suggestion.because} needs --tool-call-parser ${suggestion.toolCallParser}: without it, tool calls come back as text in content.`, { because: suggestion.becauseText, parser: suggestion.toolCallParser }));
  } else if (suggestion.toolCallParser && tool !== "auto" && tool !== suggestion.toolCallParser) {
    issues.push(warning("--tool-call-parser", "tool_parser_differs", `--tool-call-parser ${String(tool)} may not read ${suggestion.because}'s tool calls: it uses ${suggestion.toolCallParser}.`, { tool: String(tool), because: suggestion.becauseText, parser: suggestion.toolCallParser }));
  }
  if (suggestion.reasoningParser && reasoning === undefined) {
    issues.push(warning("--reasoning-parser", "reasoning_parser_suggested", `${suggestion.because} thinks before answering: add --reasoning-parser ${suggestion.reasoningParser} to get reasoning_content apart from content.`, { because: suggestion.becauseText, parser: suggestion.reasoningParser }));
  }
  return issues;
}

function hintsOf(info: ModelInfo): Omit<ModelParserHints, "name"> {
  return {
    ...(info.modelType ? { modelType: info.modelType } : {}),
    ...(info.chatTemplate ? { chatTemplate: info.chatTemplate } : {}),
  };
}

// Which --tool-call-parser and --reasoning-parser a model needs, from its config.json (model_type, architecture),
// its name and its chat template. Without the tool-call parser, tool calls come back as text in `content`.
import { localText, type LocalText } from "./local-text";

export interface ModelParserHints {
  /** The model path or Hugging Face id, e.g. "zai-org/GLM-4.7-Flash". */
  name: string;
  modelType?: string;
  /** tokenizer_config.json's chat_template (or chat_template.jinja). */
  chatTemplate?: string;
}

export interface ParserSuggestion {
  toolCallParser: string | null;
  reasoningParser: string | null;
  /** What the suggestion rests on, in words ("GLM-4.7 (model_type glm4_moe_lite)"). */
  because: string;
  /** The same as a message (launch.parserBasis.*), for the page. */
  becauseText: LocalText;
}

interface ParserRule {
  modelType?: RegExp;
  name?: RegExp;
  template?: RegExp;
  tool: string | null;
  reasoning: string | null;
  label: string;
}

// First match wins: specific models before families, families before the generic template markers.
// Parser names are SGLang's (function_call_parser.py ToolCallParserEnum, reasoning_parser.py DetectorMap).
const RULES: readonly ParserRule[] = [
  { modelType: /^glm4_moe_lite$/, name: /glm-?4\.7/i, tool: "glm47", reasoning: "glm45", label: "GLM-4.7" },
  { modelType: /^glm4_moe$/, name: /glm-?4\.[56]/i, tool: "glm45", reasoning: "glm45", label: "GLM-4.5 / 4.6" },
  { modelType: /^gpt_oss$/, name: /gpt-oss/i, tool: "gpt-oss", reasoning: "gpt-oss", label: "gpt-oss" },
  { modelType: /^kimi_k3$/, name: /kimi-k3/i, tool: "kimi_k3", reasoning: "kimi_k3", label: "Kimi K3" },
  { modelType: /^kimi_k2$/, name: /kimi-k2/i, tool: "kimi_k2", reasoning: "kimi_k2", label: "Kimi K2" },
  { name: /deepseek-v3\.2/i, modelType: /^deepseek_v32$/, tool: "deepseekv32", reasoning: "deepseek-v3", label: "DeepSeek-V3.2" },
  { name: /deepseek-v3\.1/i, tool: "deepseekv31", reasoning: "deepseek-v3", label: "DeepSeek-V3.1" },
  { name: /deepseek-r1/i, tool: "deepseekv3", reasoning: "deepseek-r1", label: "DeepSeek-R1" },
  { modelType: /^deepseek_v3$/, tool: "deepseekv3", reasoning: null, label: "DeepSeek-V3" },
  { name: /qwen3-coder/i, template: /<function=/, tool: "qwen3_coder", reasoning: null, label: "Qwen3-Coder" },
  { name: /qwen3.*thinking/i, tool: "qwen25", reasoning: "qwen3-thinking", label: "Qwen3 Thinking" },
  { modelType: /^qwen3(_moe|_next)?$/, tool: "qwen25", reasoning: "qwen3", label: "Qwen3" },
  { modelType: /^minimax_m2$/, tool: "minimax-m2", reasoning: "minimax-append-think", label: "MiniMax-M2" },
  { modelType: /^(mistral|mistral3)$/, tool: "mistral", reasoning: null, label: "Mistral" },
  { modelType: /^llama$/, name: /llama-?3/i, tool: "llama3", reasoning: null, label: "Llama 3" },
  { template: /<tool_call>/, tool: "hermes", reasoning: null, label: "a chat template with <tool_call> blocks" },
];

function matches(rule: ParserRule, hints: ModelParserHints): { text: string; basis: string; value: string } | null {
  if (rule.modelType && hints.modelType && rule.modelType.test(hints.modelType)) return { text: `model_type ${hints.modelType}`, basis: "modelType", value: hints.modelType };
  if (rule.name?.test(hints.name)) return { text: `the name ${hints.name}`, basis: "name", value: hints.name };
  if (rule.template && hints.chatTemplate && rule.template.test(hints.chatTemplate)) return { text: "its chat template", basis: "template", value: "" };
  return null;
}

/** Rule labels that are words rather than a model's name, as messages. */
const LABEL_TEXTS: Record<string, LocalText> = { "a chat template with <tool_call> blocks": localText("parserModels.toolCallTemplate") };

/** The parsers SGLang needs for this model, or null when nothing is known about it. */
export function suggestParsers(hints: ModelParserHints): ParserSuggestion | null {
  for (const rule of RULES) {
    const reason = matches(rule, hints);
    if (!reason) continue;
    // A template that never opens <think> has nothing for a reasoning parser to separate.
    const thinks = hints.chatTemplate === undefined || /<think>|reasoning_content|<\|channel\|>/.test(hints.chatTemplate);
    return {
      toolCallParser: rule.tool,
      reasoningParser: thinks ? rule.reasoning : null,
      because: `${rule.label} (${reason.text})`,
      becauseText: localText(`parserBasis.${reason.basis}`, { model: LABEL_TEXTS[rule.label] ?? rule.label, value: reason.value }),
    };
  }
  return null;
}

// Fails on words a person reads written inline in JSX: text children, string children, and the attributes a
// person reads or hears (title, placeholder, aria-label, alt). They belong in messages/<locale>/*.json.
// SGLang's own words (flags, parser names, units, brand names) are not translated and are allowed.

const READ_ATTRIBUTES = new Set(["title", "placeholder", "aria-label", "aria-description", "aria-placeholder", "alt"]);

/** Words that read the same in every language of the console: SGLang's and other tools' own names. */
const ALLOWED_WORDS = new Set([
  "SGLang", "OpenAI", "GPU", "GPUs", "CUDA", "KV", "TP", "EP", "PP", "DP", "JSON", "CSV", "SSE", "HTTP", "API", "URL", "TTFT", "MiB", "GiB",
  "MB", "GB", "KB", "ms", "s", "W", "tok/s", "curl", "Python", "ModelScope", "Hugging Face", "nvidia-smi", "EAGLE", "GLM-4.7-Flash", "ID",
  "PID", "argv", "stdout", "stderr", "max_tokens", "temperature", "top_p", "/v1", "SHA-256", "English", "简体中文", "×", "…", "—", "·",
]);

/** A string a person does not read as language: no letters at all, a flag, an environment variable, a path. */
function isAllowed(text) {
  const value = text.trim();
  if (!value || !/\p{L}/u.test(value)) return true;
  if (ALLOWED_WORDS.has(value)) return true;
  if (/^--[a-z0-9][a-z0-9-]*(=\S*)?$/.test(value)) return true;
  if (/^[A-Z][A-Z0-9_]+$/.test(value)) return true;
  // A JSON field of SGLang's API: snake_case, maybe a dotted path (finish_reason, chat_template_kwargs.enable_thinking).
  if (/^[a-z][a-z0-9]*(_[a-z0-9]+)+(\.[a-z][a-z0-9_]*)*$/.test(value)) return true;
  if (/^[\w.-]*\/[\w./-]*$/.test(value)) return true;
  return false;
}

function stringOf(node) {
  if (!node) return null;
  if (node.type === "Literal" && typeof node.value === "string") return node.value;
  if (node.type === "TemplateLiteral") return node.quasis.map((q) => q.value.cooked ?? "").join(" ");
  if (node.type === "JSXExpressionContainer") return stringOf(node.expression);
  return null;
}

const rule = {
  meta: {
    type: "problem",
    docs: { description: "Text a person reads comes from the message catalogues, not from JSX literals." },
    messages: { literal: 'Move "{{text}}" into messages/<locale>/*.json and read it with useTranslations/getTranslations.' },
    schema: [],
  },
  create(context) {
    const report = (node, text) => context.report({ node, messageId: "literal", data: { text: text.trim().slice(0, 40) } });
    return {
      JSXText(node) {
        if (!isAllowed(node.value)) report(node, node.value);
      },
      JSXExpressionContainer(node) {
        if (node.parent?.type !== "JSXElement" && node.parent?.type !== "JSXFragment") return;
        const text = stringOf(node.expression);
        if (text !== null && !isAllowed(text)) report(node, text);
      },
      JSXAttribute(node) {
        const name = typeof node.name.name === "string" ? node.name.name : null;
        if (!name || !READ_ATTRIBUTES.has(name)) return;
        const text = stringOf(node.value);
        if (text !== null && !isAllowed(text)) report(node, text);
      },
    };
  },
};

export default { rules: { "no-ui-literals": rule } };

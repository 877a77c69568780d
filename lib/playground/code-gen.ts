// The playground's request as code a user can run as is: Python and TypeScript with the openai SDK, and curl.
// The API key is never written out: the code reads it from $SGLANG_API_KEY.
import type { PlaygroundKind, UpstreamBody } from "./requests";

export type CodeLanguage = "python" | "typescript" | "curl";

export interface CodeInput {
  kind: PlaygroundKind;
  /** The exact body the console sends (model, messages or prompt, sampling fields, stream). */
  body: UpstreamBody;
  /** The server's address as the user reaches it, without /v1. */
  baseUrl: string;
}

export const API_KEY_VARIABLE = "SGLANG_API_KEY";

/** Fields the SDKs take as named arguments; the others are SGLang's own. */
const SDK_FIELDS = new Set([
  "model", "messages", "prompt", "tools", "tool_choice", "stream", "stream_options",
  "max_tokens", "temperature", "top_p", "stop", "seed", "presence_penalty", "frequency_penalty", "n",
]);

export function generateCode(language: CodeLanguage, input: CodeInput): string {
  if (language === "python") return pythonCode(input);
  if (language === "typescript") return typescriptCode(input);
  return curlCode(input);
}

function split(body: UpstreamBody): { sdk: [string, unknown][]; extra: Record<string, unknown> } {
  const sdk: [string, unknown][] = [];
  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (SDK_FIELDS.has(key)) sdk.push([key, value]);
    else extra[key] = value;
  }
  return { sdk, extra };
}

const endpointOf = (kind: PlaygroundKind) => (kind === "chat" ? "chat.completions" : "completions");

// Python ---------------------------------------------------------------------------------
function pythonCode({ kind, body, baseUrl }: CodeInput): string {
  const { sdk, extra } = split(body);
  const args = sdk.map(([key, value]) => `    ${key}=${toPython(value, 1)},`);
  if (Object.keys(extra).length > 0) args.push(`    extra_body=${toPython(extra, 1)},  # SGLang's own fields`);
  const call = `${body.stream ? "stream" : "response"} = client.${endpointOf(kind)}.create(\n${args.join("\n")}\n)`;
  return [
    "import os",
    "",
    "from openai import OpenAI",
    "",
    `client = OpenAI(base_url=${JSON.stringify(`${baseUrl}/v1`)}, api_key=os.environ.get("${API_KEY_VARIABLE}", "EMPTY"))`,
    "",
    call,
    ...pythonOutput(kind, body),
    "",
  ].join("\n");
}

function pythonOutput(kind: PlaygroundKind, body: UpstreamBody): string[] {
  if (body.stream) {
    const piece =
      kind === "chat"
        ? ["        delta = chunk.choices[0].delta", '        print(getattr(delta, "reasoning_content", None) or delta.content or "", end="", flush=True)']
        : ['        print(chunk.choices[0].text, end="", flush=True)'];
    return ["for chunk in stream:", "    if chunk.choices:", ...piece, "    elif chunk.usage:", "        print()", "        print(chunk.usage)"];
  }
  if (kind === "completions") return ["print(response.choices[0].text)", "print(response.usage)"];
  const lines = ["message = response.choices[0].message", 'print(getattr(message, "reasoning_content", None) or "")', "print(message.content)"];
  if (body.tools) lines.push("print(message.tool_calls)");
  return [...lines, "print(response.choices[0].finish_reason, response.usage)"];
}

function toPython(value: unknown, depth: number): string {
  if (value === null || value === undefined) return "None";
  if (value === true) return "True";
  if (value === false) return "False";
  if (typeof value === "number" || typeof value === "string") return JSON.stringify(value);
  const pad = "    ".repeat(depth + 1);
  const close = "    ".repeat(depth);
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return `[\n${value.map((item) => `${pad}${toPython(item, depth + 1)},`).join("\n")}\n${close}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return "{}";
  return `{\n${entries.map(([key, item]) => `${pad}${JSON.stringify(key)}: ${toPython(item, depth + 1)},`).join("\n")}\n${close}}`;
}

// TypeScript -----------------------------------------------------------------------------
function typescriptCode({ kind, body, baseUrl }: CodeInput): string {
  const { sdk, extra } = split(body);
  const fields = sdk.map(([key, value]) => `  ${key}: ${indentJson(value, 1)},`);
  // A spread is not checked for excess properties: SGLang's fields pass through the SDK untouched.
  if (Object.keys(extra).length > 0) fields.push(`  // SGLang's own fields, sent as they are`, `  ...${indentJson(extra, 1)},`);
  const name = body.stream ? "stream" : "response";
  return [
    "// Save as request.mts and run: npx tsx request.mts (npm install openai first)",
    'import OpenAI from "openai";',
    "",
    `const client = new OpenAI({ baseURL: ${JSON.stringify(`${baseUrl}/v1`)}, apiKey: process.env.${API_KEY_VARIABLE} ?? "EMPTY" });`,
    "",
    `const ${name} = await client.${endpointOf(kind)}.create({\n${fields.join("\n")}\n});`,
    ...typescriptOutput(kind, body),
    "",
  ].join("\n");
}

function typescriptOutput(kind: PlaygroundKind, body: UpstreamBody): string[] {
  if (body.stream) {
    const piece =
      kind === "chat"
        ? [
            "  const delta = chunk.choices[0]?.delta as { content?: string | null; reasoning_content?: string | null } | undefined;",
            '  process.stdout.write(delta?.reasoning_content ?? delta?.content ?? "");',
          ]
        : ['  process.stdout.write(chunk.choices[0]?.text ?? "");'];
    return ["for await (const chunk of stream) {", ...piece, "  if (chunk.usage) console.log(`\\n${JSON.stringify(chunk.usage)}`);", "}"];
  }
  if (kind === "completions") return ["console.log(response.choices[0]?.text);", "console.log(response.usage);"];
  const lines = ["const message = response.choices[0]?.message as { content: string | null; reasoning_content?: string | null } | undefined;", 'console.log(message?.reasoning_content ?? "");', "console.log(message?.content);"];
  if (body.tools) lines.push("console.log(JSON.stringify(response.choices[0]?.message.tool_calls, null, 2));");
  return [...lines, "console.log(response.choices[0]?.finish_reason, response.usage);"];
}

function indentJson(value: unknown, depth: number): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${"  ".repeat(depth)}`);
}

// curl -----------------------------------------------------------------------------------
function curlCode({ kind, body, baseUrl }: CodeInput): string {
  const path = kind === "chat" ? "/v1/chat/completions" : "/v1/completions";
  return [
    `curl -sS${body.stream ? " -N" : ""} ${shellQuote(`${baseUrl}${path}`)} \\`,
    `  -H "Content-Type: application/json" \\`,
    `  -H "Authorization: Bearer $${API_KEY_VARIABLE}" \\`,
    `  -d ${shellQuote(JSON.stringify(body, null, 2))}`,
    "",
  ].join("\n");
}

/** POSIX single quotes: everything literal, a ' closes, escapes and reopens. */
function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

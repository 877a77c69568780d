import { describe, expect, it } from "vitest";
import { generateCode } from "../../../lib/playground/code-gen";
import { buildChatBody, buildCompletionBody, chatRequestSchema, completionRequestSchema } from "../../../lib/playground/requests";
import { GET_WEATHER_TOOL } from "../../../lib/playground/tool-schema";

const chat = buildChatBody(
  chatRequestSchema.parse({
    messages: [
      { role: "system", content: "Be brief." },
      { role: "user", content: "It's Bob's \"turn\"\nnow" },
    ],
    params: { max_tokens: 64, temperature: 0, top_k: 20, min_p: 0.05, stop: ["END"], chat_template_kwargs: { enable_thinking: false } },
  }),
  "glm-4.7-flash",
);
const baseUrl = "http://10.0.0.5:30000";

describe("request bodies", () => {
  it("put OpenAI and SGLang fields flat in the body, leave unset fields out and add include_usage when streaming", () => {
    expect(chat).toEqual({
      model: "glm-4.7-flash",
      messages: [
        { role: "system", content: "Be brief." },
        { role: "user", content: "It's Bob's \"turn\"\nnow" },
      ],
      max_tokens: 64,
      temperature: 0,
      top_k: 20,
      min_p: 0.05,
      stop: ["END"],
      chat_template_kwargs: { enable_thinking: false },
    });
    const streamed = buildCompletionBody(completionRequestSchema.parse({ prompt: "Hi", params: { chat_template_kwargs: { x: true } }, stream: true }), "m");
    expect(streamed).toEqual({ model: "m", prompt: "Hi", stream: true, stream_options: { include_usage: true } });
  });

  it("sends tools with tool_choice as the OpenAI shape, a named tool as {type: function, function: {name}}", () => {
    const body = buildChatBody(chatRequestSchema.parse({ messages: [{ role: "user", content: "x" }], tools: [GET_WEATHER_TOOL], toolChoice: { name: "get_weather" } }), "m");
    expect(body.tool_choice).toEqual({ type: "function", function: { name: "get_weather" } });
    expect(body.tools).toEqual([GET_WEATHER_TOOL]);
  });
});

describe("view code", () => {
  it("writes Python with the openai SDK, SGLang's fields in extra_body and the key from $SGLANG_API_KEY", () => {
    const code = generateCode("python", { kind: "chat", body: chat, baseUrl });
    expect(code).toContain('client = OpenAI(base_url="http://10.0.0.5:30000/v1", api_key=os.environ.get("SGLANG_API_KEY", "EMPTY"))');
    expect(code).toContain("response = client.chat.completions.create(\n    model=\"glm-4.7-flash\",");
    expect(code).toContain("    temperature=0,\n");
    expect(code).toMatch(/extra_body=\{\n\s+"top_k": 20,\n\s+"min_p": 0.05,\n\s+"chat_template_kwargs": \{\n\s+"enable_thinking": False,/);
    expect(code).toContain('"content": "It\'s Bob\'s \\"turn\\"\\nnow"');
    expect(code).not.toMatch(/\btrue\b|\bfalse\b|\bnull\b/);
  });

  it("writes TypeScript with the openai SDK, SGLang's fields spread in, and a streaming loop when streaming", () => {
    const code = generateCode("typescript", { kind: "chat", body: { ...chat, stream: true, stream_options: { include_usage: true } }, baseUrl });
    expect(code).toContain('const client = new OpenAI({ baseURL: "http://10.0.0.5:30000/v1", apiKey: process.env.SGLANG_API_KEY ?? "EMPTY" });');
    expect(code).toContain("const stream = await client.chat.completions.create({");
    expect(code).toContain('  ...{\n    "top_k": 20,');
    expect(code).toContain("for await (const chunk of stream) {");
  });

  it("writes curl with the key as a shell variable and the body single-quoted even when it holds quotes", () => {
    const code = generateCode("curl", { kind: "completions", body: { model: "m", prompt: "it's", max_tokens: 4 }, baseUrl });
    expect(code.split("\n")).toEqual([
      "curl -sS 'http://10.0.0.5:30000/v1/completions' \\",
      '  -H "Content-Type: application/json" \\',
      '  -H "Authorization: Bearer $SGLANG_API_KEY" \\',
      `  -d '{\n  "model": "m",\n  "prompt": "it'\\''s",\n  "max_tokens": 4\n}'`.split("\n")[0]!,
      '  "model": "m",',
      `  "prompt": "it'\\''s",`,
      '  "max_tokens": 4',
      "}'",
      "",
    ]);
    expect(generateCode("curl", { kind: "chat", body: { ...chat, stream: true }, baseUrl })).toMatch(/^curl -sS -N 'http:\/\/10.0.0.5:30000\/v1\/chat\/completions'/);
  });

  it("never writes the API key itself into any language", () => {
    for (const language of ["python", "typescript", "curl"] as const) {
      expect(generateCode(language, { kind: "chat", body: chat, baseUrl })).toContain("SGLANG_API_KEY");
    }
  });
});

import { describe, expect, it } from "vitest";
import { z } from "zod";
import { passwordSchema, userInputSchema } from "../../../app/api/_lib/user-schemas";
import { createApiKeySchema } from "../../../lib/api-keys";
import { demoChatSchema } from "../../../lib/demo-links";
import { hubTokenChangeSchema } from "../../../lib/downloads";
import { isAppError, type AppError } from "../../../lib/errors";
import { translator } from "../../../lib/i18n/translate";
import { launchProfileSchema } from "../../../lib/launch";
import { parseInput } from "../../../lib/parse-input";
import { samplingParamsSchema } from "../../../lib/playground/params";
import { chatRequestSchema } from "../../../lib/playground/requests";
import { renderLocalText } from "../../../lib/launch/local-text";
import { ownSchemaTexts, schemaIssueWords } from "../../../lib/schema-text";
import { profile } from "../../support/launch-profile";

// Schema problems reach pages (the launch form, the playground's preview, every API's bad_request): they are worded
// from each issue's code in the reader's language, while the API's English message stays as zod and we wrote it.

const en = translator("en", "validation");
const zh = translator("zh-CN", "validation");
const issuesOf = (schema: z.ZodType, value: unknown) => {
  const parsed = schema.safeParse(value);
  if (parsed.success) throw new Error("expected a problem");
  return parsed.error.issues;
};

function badRequest(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error("expected a bad_request");
}

describe("schema problems in the reader's language", () => {
  it("words every message of ours in both languages, the English exactly as the schema says it", () => {
    // Loading the schemas above registered their messages.
    expect(ownSchemaTexts().size).toBeGreaterThan(20);
    for (const [english, text] of ownSchemaTexts()) {
      expect(renderLocalText(text, en), text.key).toBe(english);
      const chinese = renderLocalText(text, zh);
      expect(chinese, text.key).not.toBe(`validation.${text.key}`);
      expect(chinese, text.key).not.toMatch(/[{}]|[a-z]{4,} [a-z]{4,}/);
    }
  });

  it("words zod's own checks from their code and numbers", () => {
    const [tooLong] = issuesOf(launchProfileSchema, profile({}, { name: "x".repeat(101) }));
    expect(schemaIssueWords(tooLong!, en)).toBe("must have at most 100 characters");
    expect(schemaIssueWords(tooLong!, zh)).toBe("最多 100 个字符");
    const [temperature] = issuesOf(samplingParamsSchema, { temperature: 3 });
    expect(schemaIssueWords(temperature!, zh)).toBe("不能大于 2");
    const [topP] = issuesOf(samplingParamsSchema, { top_p: 0 });
    expect(schemaIssueWords(topP!, zh)).toBe("必须大于 0");
    const [type] = issuesOf(samplingParamsSchema, { max_tokens: "many" });
    expect(schemaIssueWords(type!, zh)).toBe("必须是数字");
    const [messages] = issuesOf(demoChatSchema, { messages: [] });
    expect(schemaIssueWords(messages!, zh)).toBe("至少需要一项");
  });

  it("words our own messages by their key", () => {
    const [name] = issuesOf(launchProfileSchema, profile({}, { name: " " }));
    expect(name!.message).toBe("name must not be empty");
    expect(schemaIssueWords(name!, zh)).toBe("名称不能为空");
    const [oneMessage] = issuesOf(chatRequestSchema, { messages: [] });
    expect(schemaIssueWords(oneMessage!, zh)).toBe("至少发送一条消息");
    expect(schemaIssueWords(issuesOf(passwordSchema, "short")[0]!, zh)).toBe("至少使用 8 个字符");
    expect(schemaIssueWords(issuesOf(hubTokenChangeSchema, { source: "huggingface", token: "a b c d e f" })[0]!, zh)).toBe("模型仓库令牌应由不含空格的可打印字符组成");
  });

  it("answers an API's bad_request in Chinese, field by field, and keeps the English for the logs", () => {
    const error = badRequest(() => parseInput(createApiKeySchema, { name: " " }, "body"));
    expect(error.message).toBe("The request is not valid: name: give the key a name.");
    expect(error.toJSON("zh-CN").error.message).toBe("请求无效：name：请为密钥起个名字。");
    const two = badRequest(() => parseInput(userInputSchema, { name: "", email: "nope", password: "x", role: "viewer" }, "body"));
    expect(two.toJSON("zh-CN").error.message).toMatch(/^请求无效：name：请填写名称；email：请填写邮箱地址；/);
  });
});

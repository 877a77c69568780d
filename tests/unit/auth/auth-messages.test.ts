import { describe, expect, it } from "vitest";
import { BAN_MESSAGES, localizedAuthError, tooManyFailedSignIns } from "../../../server/auth/auth-messages";

describe("Better Auth's refusals in the reader's language", () => {
  it.each([
    ["en", "The email or the password is wrong."],
    ["zh-CN", "邮箱或密码错误。"],
  ] as const)("words a wrong email or password (%s) the same way, whichever of the two it was", (locale, expected) => {
    expect(localizedAuthError({ code: "INVALID_EMAIL_OR_PASSWORD", message: "Invalid email or password" }, locale)).toBe(expected);
  });

  it("tells a pending account from a disabled one by the console's own ban message", () => {
    expect(localizedAuthError({ code: "BANNED_USER", message: BAN_MESSAGES.pending }, "zh-CN")).toBe("你的账号正在等待管理员批准。");
    expect(localizedAuthError({ code: "BANNED_USER", message: BAN_MESSAGES.disabled }, "zh-CN")).toBe("此账号已被停用，请联系此控制台的管理员。");
    expect(localizedAuthError({ code: "BANNED_USER", message: BAN_MESSAGES.disabled }, "en")).toBe(BAN_MESSAGES.disabled);
  });

  it("says the password limits with their numbers", () => {
    expect(localizedAuthError({ code: "PASSWORD_TOO_SHORT" }, "zh-CN")).toBe("新密码太短：至少需要 8 个字符。");
    expect(localizedAuthError({ code: "PASSWORD_TOO_LONG" }, "en")).toBe("The new password is too long: use at most 256 characters.");
    expect(localizedAuthError({ code: "INVALID_PASSWORD" }, "zh-CN")).toBe("当前密码错误。");
  });

  it("leaves a code it does not know as Better Auth wrote it", () => {
    expect(localizedAuthError({ code: "SOMETHING_NEW", message: "Something new" }, "zh-CN")).toBeNull();
    expect(localizedAuthError(undefined, "zh-CN")).toBeNull();
  });

  it("answers too many failed sign-ins with the seconds to wait, in either language", () => {
    expect(tooManyFailedSignIns(7, "zh-CN")).toEqual({ code: "TOO_MANY_FAILED_SIGN_INS", message: "此地址登录失败次数过多：请在 7 秒后重试。" });
    expect(tooManyFailedSignIns(7, "en").message).toBe("Too many failed sign-ins from this address: try again in 7 s.");
  });
});

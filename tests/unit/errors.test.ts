import { describe, expect, it } from "vitest";
import { AppError, ERROR_TABLE, isAppError, toAppError } from "../../lib/errors";

describe("AppError", () => {
  it("takes its status and user message from the error table", () => {
    const error = new AppError("instance_not_ready", { name: "glm", phase: "loading" });
    expect(error.status).toBe(ERROR_TABLE.instance_not_ready.status);
    expect(error.toJSON()).toEqual({ error: { code: "instance_not_ready", message: "Instance glm is loading; wait until it is ready." } });
  });

  it("answers in the reader's language, by code, while its English message stays for the logs", () => {
    const error = new AppError("instance_not_ready", { name: "glm", phase: "loading" });
    expect(error.toJSON("zh-CN")).toEqual({ error: { code: "instance_not_ready", message: "实例 glm 当前状态为 loading：请等它就绪。" } });
    expect(error.message).toBe("Instance glm is loading; wait until it is ready.");
    // A parameter the thrower left out reads as empty rather than breaking the message.
    expect(new AppError("instance_not_found").toJSON("zh-CN").error.message).toBe("此控制台上不存在实例 。");
  });

  it("never puts its cause into what the client sees", () => {
    const error = new AppError("internal", {}, { cause: new Error("secret stderr") });
    expect(JSON.stringify(error.toJSON())).not.toContain("secret");
  });
});

describe("isAppError", () => {
  it("recognises an AppError from another copy of the module (Next bundles lib/ separately from the custom server)", () => {
    const foreign = Object.assign(new Error("x"), { [Symbol.for("sglang-console.AppError")]: true, code: "forbidden" });
    expect(isAppError(foreign)).toBe(true);
    expect(isAppError(new Error("plain"))).toBe(false);
    expect(isAppError(new AppError("forbidden"))).toBe(true);
  });
});

describe("error parameters are typed per code", () => {
  it("takes the parameters a code's message uses, and the type checker refuses others", () => {
    expect(new AppError("instance_not_found", { id: "abc" }).userMessage).toContain("abc");
    // @ts-expect-error `forbidden` takes no parameters
    expect(new AppError("forbidden", { detail: "x" }).userMessage).toBe("You are not allowed to do that.");
    // @ts-expect-error a typo in a parameter name
    expect(new AppError("instance_not_found", { idd: "abc" }).userMessage).not.toContain("abc");
  });
});

describe("toAppError", () => {
  it("passes AppErrors through and logs anything else once, answering internal", () => {
    const logged: unknown[] = [];
    const known = new AppError("forbidden");
    expect(toAppError(known, (_m, e) => logged.push(e))).toBe(known);
    const converted = toAppError(new TypeError("bug"), (_m, e) => logged.push(e));
    expect(converted.code).toBe("internal");
    expect(logged).toHaveLength(1);
  });
});

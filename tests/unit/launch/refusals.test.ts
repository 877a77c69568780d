import { describe, expect, it } from "vitest";
import { isAppError, type AppError } from "../../../lib/errors";
import { createLauncher } from "../../../server/launching/launch-as";
import { checkLaunchable } from "../../../server/supervisor/launch-admission";
import { profile } from "../../support/launch-profile";

// A refused launch answers in the reader's language: the launch form's notice shows the error's message, and the
// details in it (issues, policy reasons) come from structure, not from the English sentence the logs keep.

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!isAppError(error)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe("validation_failed at launch", () => {
  const active = [{ id: "i1", name: "glm-a", owner: "Ada", host: "127.0.0.1", port: 30000, gpuIds: [1] }];

  it("words each issue for the reader, holders included, and keeps the English for the logs", async () => {
    const error = await refusal(checkLaunchable(profile({ "--port": 30000 }, { gpuIds: [1] }), active, {}));
    expect(error.code).toBe("validation_failed");
    expect(error.message).toBe(
      "The launch settings need changes: Port 30000 is in use by instance glm-a (owner Ada): choose another --port. GPU 1 is in use by instance glm-a (owner Ada): stop it or select other GPUs.",
    );
    expect(error.toJSON("en").error.message).toBe(error.message);
    expect(error.toJSON("zh-CN").error.message).toBe(
      "启动设置需要修改：端口 30000 正被 实例 glm-a（所有者 Ada） 使用：请换一个 --port。GPU 1 正被 实例 glm-a（所有者 Ada） 使用：请先停止它，或选择其他 GPU。",
    );
  });
});

describe("launch_policy for operators", () => {
  const launch = createLauncher({ supervisor: {} as never, modelsDirs: ["/models"], audit: async () => {} });
  const operator = { id: "u1", name: "Op", role: "operator" as const };

  it("says each reason in the reader's language", async () => {
    const error = await refusal(launch(operator, { profile: profile({ "--host": "0.0.0.0" }, { modelPath: "/tmp/evil", env: { LD_PRELOAD: "x" } }) }));
    expect(error.code).toBe("launch_policy");
    expect(error.message).toContain("--host 0.0.0.0: operators may bind only to loopback");
    const zh = error.toJSON("zh-CN").error.message;
    expect(zh).toContain("--host 0.0.0.0：操作员只能绑定回环地址");
    expect(zh).toContain("LD_PRELOAD：操作员不能设置会加载代码的环境变量");
    expect(zh).toContain("--model-path /tmp/evil：操作员只能启动 /models 中的模型");
    expect(zh).not.toMatch(/operators may/);
  });
});

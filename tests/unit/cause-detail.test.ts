import { describe, expect, it } from "vitest";
import { parseCauseDetail, renderCauseDetail, type CauseDetail } from "../../lib/cause-detail";
import { joinSentences } from "../../lib/i18n/format";
import { translator } from "../../lib/i18n/translate";
import { describeCauseDetail } from "../../lib/run-cause";
import { storedRunView } from "../../server/supervisor/run-views";
import type { RunRecord } from "../../server/db/runs";

// The supervisor's own words about a run are stored as structure: the instance page says them in the reader's
// language, the API and logs in English, and SGLang's lines inside them stay exactly as SGLang printed them.

const zh = (detail: CauseDetail) => renderCauseDetail(detail, translator("zh-CN"), (s) => joinSentences(s, "zh-CN"));
const tail = ["[2026-03-11 13:53:33 TP0] Scheduler hit an exception: Traceback (most recent call last):", "RuntimeError: Health check failed"];

describe("a run's cause detail", () => {
  it("says an unresponsive server's checks and the end of its log, in English as before and in Chinese", () => {
    const detail: CauseDetail = { event: { kind: "unresponsive", failures: 3, last: { kind: "status", status: 503 }, tail } };
    expect(describeCauseDetail(detail)).toBe(`GET /health_generate, which must generate a token, failed 3 times in a row (last: answered 503). Last lines of its log:\n${tail.join("\n")}`);
    expect(zh(detail)).toBe(`必须生成一个 token 的 GET /health_generate 连续失败了 3 次（最近一次：返回 503）。日志的最后几行：\n${tail.join("\n")}`);
    const silent: CauseDetail = { event: { kind: "unresponsive", failures: 2, last: { kind: "timeout", seconds: 25 }, tail: [] } };
    expect(describeCauseDetail(silent)).toBe("GET /health_generate, which must generate a token, failed 2 times in a row (last: no answer within 25 s). Its log is silent.");
    expect(zh(silent)).toBe("必须生成一个 token 的 GET /health_generate 连续失败了 2 次（最近一次：25 秒内没有响应）。它的日志没有输出。");
    expect(zh({ event: { kind: "unresponsive", failures: 3, last: { kind: "error", message: "socket hang up" }, tail: [] } })).toContain("（最近一次：socket hang up）");
  });

  it("says a run that ended while the console was down, with SGLang's key line as printed", () => {
    const line = "RuntimeError: Not enough memory. Please try to increase --mem-fraction-static.";
    const detail: CauseDetail = { event: { kind: "log_line", line }, endedWhileDown: { leftovers: 2 } };
    expect(describeCauseDetail(detail)).toBe(`Ended while the console was down. ${line} Its host was gone; 2 leftover processes were stopped.`);
    expect(zh(detail)).toBe(`在控制台停机期间结束。${line}它的宿主进程已不在；已停止 2 个残留进程。`);
    expect(describeCauseDetail({ event: null, endedWhileDown: { leftovers: 1 } })).toBe("Its host was gone; 1 leftover process was stopped.");
    expect(describeCauseDetail({ event: null, endedWhileDown: { leftovers: 0 } })).toBeNull();
    expect(zh({ event: { kind: "no_cause", exitCode: 1, signal: null }, endedWhileDown: { leftovers: 0 } })).toBe("在控制台停机期间结束。服务以退出码 1 退出，它的输出没有指出原因。");
  });

  it("says the supervisor's other findings", () => {
    expect(describeCauseDetail({ event: { kind: "ready_timeout", seconds: 2 } })).toBe(
      "The server did not become ready (GET /health) within 2 s, the readiness timeout; it was stopped. Raise the timeout if the model needs longer to load.",
    );
    expect(zh({ event: { kind: "ready_timeout", seconds: 2 } })).toBe("服务未能在就绪超时 2 秒内就绪（GET /health），已被停止。如果模型需要更长的加载时间，请调高超时。");
    expect(describeCauseDetail({ event: { kind: "no_cause", exitCode: null, signal: "SIGKILL" } })).toBe("The server was ended by SIGKILL; its output names no cause.");
    expect(describeCauseDetail({ event: { kind: "no_cause", exitCode: null, signal: null } })).toBe("The server ended; its output names no cause.");
    expect(zh({ event: { kind: "cause_title", cause: "oom_kv_cache" } })).toBe(translator("zh-CN")("diagnose.causes.oom_kv_cache"));
  });

  it("leaves a row stored before there was structure to its English text", () => {
    const record = {
      id: "r1", instanceId: "i1", program: "python", argvJson: "[]", envJson: "{}", pid: 1, pgid: 1, port: 30000, phase: "crashed", stage: null,
      cause: "unresponsive", causeDetail: "GET /health_generate, which must generate a token, failed 3 times in a row (last: answered 503).", causeDetailJson: null,
      exitCode: null, signal: "SIGKILL", logPath: "/nowhere", startedBy: "u1", stopRequested: false, attempt: 0, profileJson: "{}", startedAt: new Date(), readyAt: null, endedAt: null,
    } satisfies RunRecord;
    expect(storedRunView(record)).toMatchObject({ causeDetail: record.causeDetail, causeDetailData: null });
    const structured = { ...record, causeDetailJson: JSON.stringify({ event: { kind: "ready_timeout", seconds: 600 } }) };
    expect(storedRunView(structured).causeDetailData).toEqual({ event: { kind: "ready_timeout", seconds: 600 } });
    expect(parseCauseDetail("{not json")).toBeNull();
  });
});

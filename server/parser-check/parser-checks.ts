import { AppError, errorMessage, isAppError } from "../../lib/errors";
import type { Locale } from "../../lib/i18n/locales";
import type { InstanceView } from "../../lib/instance-view";
import { judgeReasoning, judgeToolCall, PARSER_CHECK_TOOL, REASONING_PROMPT, TOOL_CALL_PROMPT, type ParserCheck } from "../../lib/parser-check";
import type { Endpoint } from "../playground/upstream";
import { askChat } from "./ask-chat";

export interface ParserChecksOptions {
  /** The ready instance's address, key and served model name (the supervisor's endpointOf). */
  endpointOf: (instanceId: string) => Endpoint;
  /** Bound of each of the two requests. */
  timeoutMs: number;
  log: (message: string) => void;
}

/** Runs the parser check once per run that becomes ready and keeps the latest result per instance, in memory. */
export class ParserChecks {
  private readonly results = new Map<string, ParserCheck>();

  constructor(private readonly options: ParserChecksOptions) {}

  /** Called with every published instance state; starts the check when a run is ready and was not checked yet. */
  onState(view: InstanceView): void {
    if (view.phase !== "ready" || !view.run || this.results.get(view.id)?.runId === view.run.id) return;
    const runId = view.run.id;
    this.results.set(view.id, { state: "running", runId });
    void this.check(view.id, runId).then((result) => {
      if (this.results.get(view.id)?.runId === runId) this.results.set(view.id, result);
    });
  }

  /** The latest result; a failure's message in `locale` (from its error's code and parameters). */
  get(instanceId: string, locale: Locale = "en"): ParserCheck | null {
    const result = this.results.get(instanceId) ?? null;
    if (result?.state !== "failed") return result;
    return { ...result, message: errorMessage(result.error.code, result.error.params, locale) };
  }

  private async check(instanceId: string, runId: string): Promise<ParserCheck> {
    const { timeoutMs } = this.options;
    try {
      const endpoint = this.options.endpointOf(instanceId);
      const tool = await askChat(endpoint, { messages: [{ role: "user", content: TOOL_CALL_PROMPT }], tools: [PARSER_CHECK_TOOL], tool_choice: "auto", max_tokens: 256 }, timeoutMs);
      const thought = await askChat(endpoint, { messages: [{ role: "user", content: REASONING_PROMPT }], max_tokens: 1024 }, timeoutMs);
      return { state: "done", runId, checkedAt: new Date().toISOString(), toolCall: judgeToolCall(tool), reasoning: judgeReasoning(thought) };
    } catch (error) {
      this.options.log(`parser check of instance ${instanceId} failed: ${error instanceof Error ? error.message : String(error)}`);
      const refusal = isAppError(error) ? error : new AppError("internal", {}, { cause: error });
      return { state: "failed", runId, checkedAt: new Date().toISOString(), message: refusal.userMessage, error: { code: refusal.code, params: refusal.params } };
    }
  }
}

import { describe, expect, it } from "vitest";
import { CATALOGUES } from "../../../lib/i18n/catalogues";
import { LOCALES } from "../../../lib/i18n/locales";
import { translator } from "../../../lib/i18n/translate";
import { causeTitle } from "../../../lib/run-cause";
import { causeTitleKey, SUPERVISOR_CAUSES } from "../../../lib/run-cause-key";
import { FAILURE_CAUSES } from "../../../lib/sglang-log/failure-causes";
import { STARTUP_PHASES } from "../../../lib/sglang-log/phases";
import { diagnosisWords } from "../../../lib/sglang-log/words";

const at = (locale: (typeof LOCALES)[number], key: string): unknown =>
  key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], CATALOGUES[locale]);

describe("a run's cause title: one key per cause", () => {
  it("names a message that exists in every language, for the supervisor's causes and the log classifier's", () => {
    for (const cause of [...SUPERVISOR_CAUSES, ...FAILURE_CAUSES]) {
      const key = causeTitleKey(cause);
      expect(key, cause).not.toBeNull();
      for (const locale of LOCALES) expect(typeof at(locale, key!), `${locale} ${key}`).toBe("string");
    }
    expect(causeTitleKey("no_such_cause")).toBeNull();
  });

  it("reads the same entry in English for the API as the page reads in Chinese", () => {
    expect(causeTitle("unresponsive")).toBe("The server stopped answering");
    expect(causeTitle("oom_kv_cache")).toBe(at("en", "diagnose.causes.oom_kv_cache"));
    expect(translator("zh-CN")(causeTitleKey("oom_kv_cache")!)).toBe(at("zh-CN", "diagnose.causes.oom_kv_cache"));
    expect(translator("zh-CN")(causeTitleKey("ready_timeout")!)).toBe(at("zh-CN", "phases.supervisorCause.ready_timeout"));
    expect(causeTitle("no_such_cause")).toBe("no_such_cause");
  });
});

describe("a diagnosis's phase and outcome words come from the phases namespace", () => {
  it("in both languages", () => {
    for (const locale of LOCALES) {
      const words = diagnosisWords(locale);
      for (const phase of [...STARTUP_PHASES, "unknown" as const]) expect(words.phaseTitle(phase)).toBe(at(locale, `phases.stageTitle.${phase}`));
      expect(words.outcome("crashed_while_serving")).toBe(at(locale, "phases.outcome.crashed_while_serving"));
    }
    expect(at("en", "diagnose.phases")).toBeUndefined();
    expect(at("zh-CN", "diagnose.outcomes")).toBeUndefined();
  });
});

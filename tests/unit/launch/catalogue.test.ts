import { describe, expect, it } from "vitest";
import { CATALOGUES } from "../../../lib/i18n/catalogues";
import { LOCALES } from "../../../lib/i18n/locales";
import { checkFlagValue, englishFlagHelp, expandAbbreviation, FLAG_CATALOGUE, FLAG_GROUPS, findFlag, flagKey, REASONING_PARSER_CHOICES, TOOL_CALL_PARSER_CHOICES } from "../../../lib/launch";

describe("flag catalogue", () => {
  it("has unique canonical names and aliases across all flags", () => {
    const spellings = FLAG_CATALOGUE.flatMap((spec) => [spec.name, ...spec.aliases]);
    expect(new Set(spellings).size).toBe(spellings.length);
    const dests = FLAG_CATALOGUE.map((spec) => spec.dest);
    expect(new Set(dests).size).toBe(dests.length);
  });

  it("spells every name and alias as a dashed long option", () => {
    for (const spec of FLAG_CATALOGUE) {
      for (const spelling of [spec.name, ...spec.aliases]) expect(spelling).toMatch(/^--[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });

  it("has one line of help per flag in each language's flags catalogue, and none for flags it lacks", () => {
    for (const locale of LOCALES) {
      const help = CATALOGUES[locale].flags.help as Record<string, string>;
      expect(Object.keys(help).sort(), locale).toEqual(FLAG_CATALOGUE.map((spec) => flagKey(spec.name)).sort());
      for (const spec of FLAG_CATALOGUE) {
        const text = help[flagKey(spec.name)]!;
        expect(text.length, `${locale} ${spec.name}`).toBeGreaterThan(2);
        expect(text, `${locale} ${spec.name}`).not.toContain("\n");
      }
    }
    expect(englishFlagHelp(findFlag("--mem-fraction-static")!)).toContain("Fraction of GPU memory");
    const groups = CATALOGUES["zh-CN"].flags.groups as Record<string, string>;
    expect(Object.keys(groups).sort()).toEqual([...FLAG_GROUPS].sort());
  });

  it("keeps every default of the right type and within choices and range", () => {
    for (const spec of FLAG_CATALOGUE) {
      if (spec.default === null) continue;
      if (spec.type === "boolean") expect(spec.default, spec.name).toBe(false);
      if (spec.type === "int") expect(Number.isInteger(spec.default), spec.name).toBe(true);
      if (spec.type === "float") expect(typeof spec.default, spec.name).toBe("number");
      if (spec.choices) expect(spec.choices, spec.name).toContain(spec.default);
      if (typeof spec.default === "number") {
        if (spec.min !== undefined) expect(spec.default, spec.name).toBeGreaterThanOrEqual(spec.min);
        if (spec.max !== undefined) expect(spec.default, spec.name).toBeLessThanOrEqual(spec.max);
      }
    }
  });

  it("gives every choice flag a non-empty list without repeats", () => {
    for (const spec of FLAG_CATALOGUE.filter((s) => s.type === "choice")) {
      expect(spec.choices?.length, spec.name).toBeGreaterThan(0);
      expect(new Set(spec.choices).size, spec.name).toBe(spec.choices?.length);
    }
  });

  it("offers every flag the facts sheet lists as first to offer", () => {
    const first = [
      "--model-path", "--served-model-name", "--host", "--port", "--tp-size", "--dp-size", "--ep-size", "--pp-size",
      "--mem-fraction-static", "--context-length", "--max-running-requests", "--max-total-tokens", "--chunked-prefill-size",
      "--dtype", "--quantization", "--kv-cache-dtype", "--trust-remote-code", "--tool-call-parser", "--reasoning-parser",
      "--speculative-algorithm", "--speculative-num-steps", "--speculative-eagle-topk", "--speculative-num-draft-tokens",
      "--attention-backend", "--api-key", "--enable-metrics", "--log-level", "--log-requests", "--random-seed",
      "--chat-template", "--disable-radix-cache", "--cuda-graph-max-bs", "--disable-cuda-graph", "--watchdog-timeout",
      "--nnodes", "--node-rank", "--dist-init-addr",
      "--tokenizer-path", "--enable-dp-attention", "--grammar-backend", "--skip-server-warmup", "--enable-torch-compile",
      "--nccl-port", "--speculative-draft-model-path", "--disable-overlap-schedule",
    ];
    for (const name of first) expect(findFlag(name)?.name, name).toBe(name);
  });

  it("resolves aliases to the canonical flag (--tensor-parallel-size → --tp-size, --model → --model-path)", () => {
    expect(findFlag("--tensor-parallel-size")?.name).toBe("--tp-size");
    expect(findFlag("--ep")?.name).toBe("--ep-size");
    expect(findFlag("--model")?.name).toBe("--model-path");
    expect(findFlag("--speculative-draft-model")?.name).toBe("--speculative-draft-model-path");
    expect(findFlag("--reasoning_parser")).toBeUndefined();
    expect(findFlag("tp-size")).toBeUndefined();
  });

  it("shows --tp and --dp as argparse abbreviations, not registered aliases (SGLang registers neither)", () => {
    expect(findFlag("--tp")).toBeUndefined();
    expect(findFlag("--dp")).toBeUndefined();
    expect(findFlag("--tp-size")?.abbreviations).toEqual(["--tp"]);
    expect(findFlag("--dp-size")?.abbreviations).toEqual(["--dp"]);
    expect(expandAbbreviation("--tp")).toBe("--tp-size");
    expect(expandAbbreviation("--dp")).toBe("--dp-size");
  });

  it("takes --speculative-algorithm as free text with the built-ins as suggestions (plugins register more)", () => {
    const spec = findFlag("--speculative-algorithm")!;
    expect(spec.type).toBe("string");
    expect(spec.suggestions).toEqual(expect.arrayContaining(["EAGLE", "EAGLE3", "NEXTN", "NGRAM"]));
    expect(checkFlagValue(spec, "MY_DRAFTER")).toEqual({ ok: true, value: "MY_DRAFTER" });
  });

  it("knows the per-phase CUDA graph flags that replace --disable-cuda-graph and --cuda-graph-max-bs", () => {
    expect(findFlag("--cuda-graph-backend-decode")?.choices).toEqual(["full", "breakable", "disabled"]);
    expect(findFlag("--cuda-graph-max-bs-decode")?.type).toBe("int");
    expect(findFlag("--cuda-graph-max-bs")?.deprecatedFor).toBe("--cuda-graph-max-bs-decode");
  });

  it("has SGLang's defaults for host 127.0.0.1 and port 30000", () => {
    expect(findFlag("--host")?.default).toBe("127.0.0.1");
    expect(findFlag("--port")?.default).toBe(30000);
  });

  it("lists glm47 and glm45 among the parser choices, with auto", () => {
    expect(TOOL_CALL_PARSER_CHOICES).toContain("glm47");
    expect(TOOL_CALL_PARSER_CHOICES).toContain("glm45");
    expect(TOOL_CALL_PARSER_CHOICES).toContain("auto");
    expect(REASONING_PARSER_CHOICES).toContain("glm45");
    expect(REASONING_PARSER_CHOICES).toContain("deepseek-r1");
  });
});

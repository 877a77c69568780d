import { describe, expect, it } from "vitest";
import { formatBytes, formatDuration, formatNumber, formatPercent } from "../../../lib/i18n/format";

describe("locale formatting", () => {
  it("sizes in decimal units", () => {
    expect(formatBytes(57_630_000_000, "en")).toBe("57.6 GB");
    expect(formatBytes(57_630_000_000, "zh-CN")).toBe("57.6 GB");
    expect(formatBytes(512, "en")).toBe("512 B");
    expect(formatBytes(1_500_000, "en")).toBe("1.5 MB");
  });

  it("durations in each language's words", () => {
    expect(formatDuration(850, "en")).toBe("850 ms");
    expect(formatDuration(12_340, "en")).toBe("12.3 sec");
    expect(formatDuration(12_340, "zh-CN")).toBe("12.3秒钟");
    expect(formatDuration(245_000, "en")).toBe("4 min 5 sec");
    expect(formatDuration(245_000, "zh-CN")).toBe("4分钟5秒钟");
    expect(formatDuration(7_380_000, "zh-CN")).toBe("2小时3分钟");
  });

  it("numbers and percentages", () => {
    expect(formatNumber(12345.678, "en")).toBe("12,345.7");
    expect(formatNumber(12345.678, "zh-CN")).toBe("12,345.7");
    expect(formatPercent(0.873, "zh-CN")).toBe("87%");
  });
});

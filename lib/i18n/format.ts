// Numbers, sizes and durations for a locale, through Intl; dates and plain numbers go through next-intl's
// useFormatter()/getFormatter(), which reads the same locale.
import type { Locale } from "./locales";

const BYTE_UNITS = [
  [1e12, "terabyte"],
  [1e9, "gigabyte"],
  [1e6, "megabyte"],
  [1e3, "kilobyte"],
] as const;

/** Decimal units, as model cards and SGLang's logs use: "57.6 GB". */
export function formatBytes(bytes: number, locale: Locale): string {
  for (const [size, unit] of BYTE_UNITS) {
    if (Math.abs(bytes) >= size) {
      return new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "short", maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(bytes / size);
    }
  }
  return `${new Intl.NumberFormat(locale).format(bytes)} B`;
}

/** "850 ms", "12.3 s", "4 min 5 s", "2 h 3 min" (or their Chinese forms). */
export function formatDuration(ms: number, locale: Locale): string {
  const unit = (value: number, name: "millisecond" | "second" | "minute" | "hour", digits = 0) =>
    new Intl.NumberFormat(locale, { style: "unit", unit: name, unitDisplay: locale === "en" ? "short" : "long", maximumFractionDigits: digits }).format(value);
  if (ms < 1000) return unit(Math.round(ms), "millisecond");
  if (ms < 60_000) return unit(ms / 1000, "second", 1);
  const totalS = Math.round(ms / 1000);
  if (totalS < 3600) return joinUnits(unit(Math.floor(totalS / 60), "minute"), unit(totalS % 60, "second"), locale);
  const totalMin = Math.round(totalS / 60);
  return joinUnits(unit(Math.floor(totalMin / 60), "hour"), unit(totalMin % 60, "minute"), locale);
}

function joinUnits(a: string, b: string, locale: Locale): string {
  return locale === "en" ? `${a} ${b}` : `${a}${b}`;
}

export function formatNumber(value: number, locale: Locale, maximumFractionDigits = 1): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits }).format(value);
}

export function formatPercent(fraction: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(fraction);
}

/** Whole sentences one after another: a space between English ones, nothing between Chinese ones (they end in 。). */
export function joinSentences(sentences: readonly string[], locale: Locale): string {
  return sentences.join(locale === "en" ? " " : "");
}

/** Clauses of one sentence, as a semicolon list in the locale's punctuation. */
export function joinClauses(clauses: readonly string[], locale: Locale): string {
  return clauses.join(locale === "en" ? "; " : "；");
}

/**
 * Physical-line handling: strip terminal colours and wrapper prefixes (container runtimes,
 * compose, Ray actors, glog), find SGLang's own `[date time RANKS]` prefix, and split a
 * physical line into the logical segments it holds (carriage-return redraws, glued lines).
 */

export interface NormalisedLine {
  /** The segment as received, minus ANSI escapes. */
  raw: string;
  /** The message: every known prefix removed. */
  text: string;
  /** SGLang's timestamp (`2026-03-11 13:53:21`), or null. */
  timestamp: string | null;
  /** Rank tags as printed (`TP0`, `TP0 EP0`, `DP2 TP5`), or null when none. */
  rank: string | null;
  /** Log level where the line states one (`INFO`, `WARNING`, `ERROR`...). */
  level: string | null;
  /** Source file and line where printed (`server_args.py:1974`). */
  source: string | null;
  /** True when SGLang's own bracket prefix (or an SGLang-style alternative) was found. */
  sglangPrefix: boolean;
  /** The wrapper prefixes removed, joined, or null. */
  wrapper: string | null;
}

const ANSI_RE = /\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])/g;

export function stripAnsi(s: string): string {
  return s.indexOf("\x1b") === -1 ? s : s.replace(ANSI_RE, "");
}

const WRAPPERS: readonly RegExp[] = [
  // Docker --timestamps / containerd: RFC 3339 stamp.
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})?\s+/,
  // CRI log format stream + tag.
  /^(?:stdout|stderr) [FP] /,
  // Ray actors: (SGLangEngine pid=23902) / (Worker pid=1, ip=10.0.0.1)
  /^\([\w.-]+ pid=\d+(?:, ip=[\d.]+)?\)\s*/,
  // glog: I0923 08:22:05.226337  1360 file.cpp:274]
  /^[IWEF]\d{4} \d{2}:\d{2}:\d{2}\.\d+\s+\d+\s+[\w.-]+:\d+\]\s?/,
  // syslog / journald: Mar 11 13:53:21 host python3[123]:
  /^[A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2} [\w.-]+ [\w./-]+(?:\[\d+\])?: /,
  // docker compose: service-1  | ...
  /^[A-Za-z0-9][\w.-]*\s+\|\s?/,
];

/** torchrun / torch.distributed elastic: `[rank0]: ` (one space only, so a traceback frame keeps its indent). */
const TORCH_RANK_RE = /^\[(?:rank|default)\d+\]: ?/;

/** SGLang's prefix at the start of a message: `[2026-03-11 13:53:21 TP0 EP0] `, also time-only. */
const SG_PREFIX_RE = /^\[((?:\d{4}-\d{2}-\d{2}[ T])?\d{2}:\d{2}:\d{2}(?:[.,]\d+)?)((?: [A-Z][A-Z_]{0,9}\d+)*)\] ?/;
/** The same prefix anywhere in a line (for glued lines). Needs the date to avoid false hits. */
const SG_PREFIX_ANYWHERE_RE = /\[\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?: [A-Z][A-Z_]{0,9}\d+)*\]/g;
/** 2026 early lines: `INFO server_args.py:1974: ` after the bracket prefix. */
const LEVEL_SOURCE_RE = /^(DEBUG|INFO|WARNING|WARN|ERROR|CRITICAL|FATAL) ([\w.-]+\.py):(\d+):? /;
/** Other SGLang build format: `2026-03-18 11:22:05.874 INFO 120984 [ TP0 file:line] `. */
const ALT_FORMAT_RE =
  /^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})[.,]\d+ (DEBUG|INFO|WARNING|ERROR|CRITICAL) \d+ \[\s*((?:[A-Z][A-Z_]{0,9}\d+\s+)*)([\w.-]+:\d+)?\s*\]\s?/;
/** Uvicorn: `INFO:     Started server process`. */
const UVICORN_LEVEL_RE = /^(DEBUG|INFO|WARNING|ERROR|CRITICAL):\s+/;
/** 2024-era lines with no timestamp: `Rank 0: load weight end.` */
const RANK_COLON_RE = /^Rank (\d+): /;

function firstCharMayStartWrapper(c: number): boolean {
  // digits, letters, '(' — the only starts a wrapper can have, besides torch's `[rankN]: `
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 40;
}

/** Removes container/wrapper prefixes from the start of a line. */
export function stripWrappers(s: string): { text: string; wrapper: string | null } {
  let text = s;
  let wrapper: string | null = null;
  for (let round = 0; round < 5; round++) {
    if (text.length === 0) break;
    const c0 = text.charCodeAt(0);
    const candidates = c0 === 91 /* [ */ ? (text.charCodeAt(1) === 114 /* r */ || text.charCodeAt(1) === 100 /* d */ ? [TORCH_RANK_RE] : []) : firstCharMayStartWrapper(c0) ? WRAPPERS : [];
    if (candidates.length === 0) break;
    let matched = false;
    for (const re of candidates) {
      const m = re.exec(text);
      if (m) {
        wrapper = wrapper === null ? m[0].trimEnd() : `${wrapper} ${m[0].trimEnd()}`;
        text = text.slice(m[0].length);
        matched = true;
        break;
      }
    }
    if (!matched) break;
  }
  return { text, wrapper };
}

/** Parses one logical segment (no `\r`/`\n` in it). Never throws. */
export function normaliseLine(segment: string): NormalisedLine {
  const raw = stripAnsi(segment);
  let { text, wrapper } = stripWrappers(raw);
  let timestamp: string | null = null;
  let rank: string | null = null;
  let level: string | null = null;
  let source: string | null = null;
  let sglangPrefix = false;

  if (text.charCodeAt(0) === 91 /* [ */) {
    const m = SG_PREFIX_RE.exec(text);
    if (m) {
      timestamp = m[1] ?? null;
      const tags = (m[2] ?? "").trim();
      rank = tags.length > 0 ? tags : null;
      sglangPrefix = true;
      text = text.slice(m[0].length);
    }
  } else if (text.length > 0 && !sglangPrefix) {
    // A prefix later in the line (unknown wrapper before it).
    SG_PREFIX_ANYWHERE_RE.lastIndex = 0;
    const idx = text.indexOf("[");
    if (idx > 0) {
      SG_PREFIX_ANYWHERE_RE.lastIndex = idx;
      const any = SG_PREFIX_ANYWHERE_RE.exec(text);
      if (any && any.index > 0) {
        const before = text.slice(0, any.index);
        wrapper = wrapper === null ? before.trimEnd() : `${wrapper} ${before.trimEnd()}`;
        const rest = text.slice(any.index);
        const m = SG_PREFIX_RE.exec(rest);
        if (m) {
          timestamp = m[1] ?? null;
          const tags = (m[2] ?? "").trim();
          rank = tags.length > 0 ? tags : null;
          sglangPrefix = true;
          text = rest.slice(m[0].length);
        }
      }
    }
    if (!sglangPrefix) {
      const alt = ALT_FORMAT_RE.exec(text);
      if (alt) {
        timestamp = alt[1] ?? null;
        level = alt[2] ?? null;
        const tags = (alt[3] ?? "").trim();
        rank = tags.length > 0 ? tags : null;
        source = alt[4] ?? null;
        sglangPrefix = true;
        text = text.slice(alt[0].length);
      }
    }
  }

  if (sglangPrefix && level === null) {
    const ls = LEVEL_SOURCE_RE.exec(text);
    if (ls) {
      level = ls[1] ?? null;
      source = `${ls[2] ?? ""}:${ls[3] ?? ""}`;
      text = text.slice(ls[0].length);
    }
  }
  const c0 = text.charCodeAt(0);
  if (c0 >= 65 && c0 <= 90) {
    const uv = UVICORN_LEVEL_RE.exec(text);
    if (uv) {
      level = level ?? uv[1] ?? null;
      text = text.slice(uv[0].length);
    } else if (c0 === 82 /* R */) {
      const rc = RANK_COLON_RE.exec(text);
      if (rc) {
        rank = rank ?? `TP${rc[1] ?? "0"}`;
        text = text.slice(rc[0].length);
      }
    }
  }
  return { raw, text, timestamp, rank, level, source, sglangPrefix, wrapper };
}

/**
 * Splits a segment where another SGLang-prefixed line was glued onto it (a progress bar
 * followed by another rank's line with no newline). Returns the pieces in order.
 */
export function splitGlued(segment: string): string[] {
  const first = segment.indexOf("[20");
  if (first < 0) return [segment];
  SG_PREFIX_ANYWHERE_RE.lastIndex = first;
  const cuts: number[] = [];
  let m: RegExpExecArray | null;
  while ((m = SG_PREFIX_ANYWHERE_RE.exec(segment)) !== null) {
    if (m.index > 0) cuts.push(m.index);
  }
  if (cuts.length === 0) return [segment];
  const out: string[] = [];
  let from = 0;
  for (const cut of cuts) {
    const piece = segment.slice(from, cut);
    // Keep a wrapper (docker stamp, compose name) attached to its prefix: only cut when the
    // text before looks like it carries content of its own (a bar or a message).
    if (from === 0 && !looksLikeContent(piece)) continue;
    out.push(piece);
    from = cut;
  }
  out.push(segment.slice(from));
  return out;
}

function looksLikeContent(piece: string): boolean {
  const stripped = stripWrappers(stripAnsi(piece)).text.trim();
  if (stripped.length === 0) return false;
  // bars, or a message that already has its own SGLang prefix
  return /%\||\d+\/\d+|it\/s|s\/it|^\[/.test(stripped) || stripped.length > 40;
}

/** Splits a physical line (no `\n`) into logical segments: on `\r` and at glued prefixes. */
export function splitSegments(physicalLine: string): string[] {
  const out: string[] = [];
  for (const part of physicalLine.split("\r")) {
    if (part.length === 0) continue;
    for (const piece of splitGlued(part)) if (piece.length > 0) out.push(piece);
  }
  return out;
}

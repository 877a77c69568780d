import { createLogExcerpt, createLogTextDecoder, readableChunks, type LogExcerpt } from "@/lib/diagnose";

/** A log the user brought: pasted text, or a file (chosen, dropped, or a run's log fetched as a blob). */
export type LogSource = { kind: "text"; text: string } | { kind: "file"; file: Blob; name: string };

/** POST /api/diagnose: the text as the body, a file as a multipart upload (streamed by the browser). */
export function diagnoseRequest(source: LogSource): RequestInit {
  if (source.kind === "text") return { method: "POST", headers: { "content-type": "text/plain; charset=utf-8" }, body: source.text };
  const form = new FormData();
  form.append("file", source.file, source.name);
  return { method: "POST", body: form };
}

/** What to show of the log: read again after the diagnosis, keeping only the lines worth showing. */
export async function readExcerpt(source: LogSource, keyLines: readonly number[]): Promise<LogExcerpt> {
  const excerpt = createLogExcerpt({ keyLines });
  if (source.kind === "text") {
    excerpt.push(source.text);
    return excerpt.end();
  }
  const decoder = createLogTextDecoder();
  for await (const chunk of readableChunks(source.file.stream())) excerpt.push(decoder.push(chunk));
  excerpt.push(decoder.end());
  return excerpt.end();
}

/** The excerpt as terminal text (`\r\n` per line, a dim note for each gap, in the reader's words) and where each key line landed. */
export function terminalText(
  excerpt: LogExcerpt,
  keyLines: readonly number[],
  linesNotShown: (count: number) => string,
): { text: string; rows: number[]; labels: string[] } {
  const out: string[] = [];
  const rowOf = new Map<number, number>();
  let previous = 0;
  const gap = (count: number) => out.push(`\x1b[0m\x1b[2m··· ${linesNotShown(count)} ···\x1b[0m`);
  for (const line of excerpt.lines) {
    if (line.no > previous + 1) gap(line.no - previous - 1);
    rowOf.set(line.no, out.length);
    out.push(line.text);
    previous = line.no;
  }
  if (excerpt.totalLines > previous) gap(excerpt.totalLines - previous);
  const shown = [...keyLines].filter((n) => rowOf.has(n));
  return { text: out.map((l) => `${l}\r\n`).join(""), rows: shown.map((n) => rowOf.get(n) as number), labels: shown.map(String) };
}

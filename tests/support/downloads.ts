import type { DownloadView } from "../../lib/downloads";
import { api } from "./api";

/** Polls GET /api/downloads/<id> until `until` holds; fails with the last view after `timeoutMs`. */
export async function waitForDownload(base: string, id: string, until: (download: DownloadView) => boolean, timeoutMs = 30_000): Promise<DownloadView> {
  const deadline = Date.now() + timeoutMs;
  let last: DownloadView | null = null;
  while (Date.now() < deadline) {
    const { status, body } = await api<{ download: DownloadView }>(base, "GET", `/api/downloads/${id}`);
    if (status === 200) {
      last = body.download;
      if (until(last)) return last;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`download ${id} did not get there in ${timeoutMs} ms; last seen: ${JSON.stringify(last)}`);
}

export async function startDownload(base: string, body: Record<string, unknown>): Promise<DownloadView> {
  const { status, body: answer } = await api<{ download: DownloadView }>(base, "POST", "/api/downloads", body);
  if (status !== 201) throw new Error(`POST /api/downloads answered ${status}: ${JSON.stringify(answer)}`);
  return answer.download;
}

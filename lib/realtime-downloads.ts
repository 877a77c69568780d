import type { DownloadView } from "./downloads";

// The typed contract of the `/downloads` socket.io namespace: every download's progress, pushed to everyone who may
// see downloads. A newcomer gets every download at once; then each download's progress is pushed at most
// DOWNLOAD_PUSH_EVERY_MS apart (its latest state always follows within that time, so the last push is the settled
// state), and its end (done, failed, paused, cancelled) at once.

export const DOWNLOADS_NAMESPACE = "/downloads";

/**
 * At most four pushes a second per download, the ceiling the Models page allows itself: 334 ms (three a second) leaves
 * room for delivery jitter, so a browser never sees five within a second (bench:download counted five at 250 and at 275 ms).
 */
export const DOWNLOAD_PUSH_EVERY_MS = 334;

export interface DownloadsServerToClient {
  /** Every download, as GET /api/downloads answers: to a newcomer at once. */
  "download:snapshot": (downloads: DownloadView[]) => void;
  /** One download's latest state (a new one too). */
  "download:progress": (download: DownloadView) => void;
}

/** Nothing: the namespace only pushes. */
export type DownloadsClientToServer = Record<string, never>;

/** The list after one push: the download replaced in place, or a new one first (the list is newest first). */
export function applyDownloadPush(downloads: readonly DownloadView[], pushed: DownloadView): DownloadView[] {
  const at = downloads.findIndex((download) => download.id === pushed.id);
  if (at < 0) return [pushed, ...downloads];
  return downloads.map((download, i) => (i === at ? pushed : download));
}

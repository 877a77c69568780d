"use client";
import { useCallback, useEffect, useState } from "react";
import { io, type Socket } from "socket.io-client";
import { callApi } from "@/components/api-client";
import type { DownloadView } from "@/lib/downloads";
import { applyDownloadPush, DOWNLOADS_NAMESPACE, type DownloadsClientToServer, type DownloadsServerToClient } from "@/lib/realtime-downloads";

/**
 * Every download's progress, pushed: the page starts from the server's render (the same as GET /api/downloads),
 * then the `/downloads` namespace sends the whole list on connecting (and reconnecting) and each download's changes,
 * at most four times a second per download. Nothing polls; `refresh` reads the list once after the page's own actions.
 */
export function useDownloads(initial: DownloadView[]) {
  const [downloads, setDownloads] = useState(initial);
  const refresh = useCallback(async () => {
    const answer = await callApi<{ downloads: DownloadView[] }>("GET", "/api/downloads").catch(() => null);
    if (answer) setDownloads(answer.downloads);
  }, []);
  useEffect(() => {
    const socket: Socket<DownloadsServerToClient, DownloadsClientToServer> = io(DOWNLOADS_NAMESPACE, { path: "/socket.io" });
    socket.on("download:snapshot", (all) => setDownloads(all));
    socket.on("download:progress", (download) => setDownloads((all) => applyDownloadPush(all, download)));
    return () => {
      socket.close();
    };
  }, []);
  return { downloads, refresh };
}

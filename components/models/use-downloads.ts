"use client";
import { useCallback, useEffect, useState } from "react";
import { callApi } from "@/components/api-client";
import type { DownloadView } from "@/lib/downloads";

// Polled once a second: one answer carries every download's progress, so a page sees at most one update per
// second per download (the ceiling is four), and a reload shows the same state at once.
const POLL_MS = 1000;

export function useDownloads(initial: DownloadView[]) {
  const [downloads, setDownloads] = useState(initial);
  const refresh = useCallback(async () => {
    const answer = await callApi<{ downloads: DownloadView[] }>("GET", "/api/downloads").catch(() => null);
    if (answer) setDownloads(answer.downloads);
  }, []);
  useEffect(() => {
    const timer = setInterval(() => void refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [refresh]);
  return { downloads, refresh };
}

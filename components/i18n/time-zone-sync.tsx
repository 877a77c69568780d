"use client";

import { useTimeZone } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { isTimeZone, TIME_ZONE_COOKIE, timeZoneCookie } from "@/lib/i18n/time-zone";

/**
 * Tells the server the browser's time zone once (a cookie) and re-renders the server parts in it, so every date
 * reads in the reader's zone rather than the server's. Renders nothing; refreshes at most once, and only when the
 * cookie was kept (a browser that refuses cookies keeps the server's zone rather than refreshing for ever).
 */
export function TimeZoneSync() {
  const current = useTimeZone();
  const router = useRouter();
  const refreshed = useRef(false);
  useEffect(() => {
    const browser = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (refreshed.current || !isTimeZone(browser) || browser === current) return;
    document.cookie = timeZoneCookie(browser, window.location.protocol === "https:");
    if (!document.cookie.split("; ").includes(`${TIME_ZONE_COOKIE}=${encodeURIComponent(browser)}`)) return;
    refreshed.current = true;
    router.refresh();
  }, [current, router]);
  return null;
}

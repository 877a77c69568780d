// next-intl's per-request configuration: the locale the request chose (cookie, else Accept-Language), its
// catalogues, and the reader's time zone (the browser's, once it has said; lib/i18n/time-zone.ts). No locale in the
// URL: links and bookmarks stay the same in both languages.
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { CATALOGUES } from "./catalogues";
import { chosenOrNegotiated, LOCALE_COOKIE } from "./locales";
import { TIME_ZONE_COOKIE, timeZoneOfRequest } from "./time-zone";

export default getRequestConfig(async () => {
  const [cookieStore, headerStore] = await Promise.all([cookies(), headers()]);
  const locale = chosenOrNegotiated(cookieStore.get(LOCALE_COOKIE)?.value, headerStore.get("accept-language"));
  const timeZone = timeZoneOfRequest(cookieStore.get(TIME_ZONE_COOKIE)?.value, process.env.TZ);
  return { locale, messages: CATALOGUES[locale], timeZone };
});
